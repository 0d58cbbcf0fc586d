/** Small text helpers shared by the workbook contract, the rules and every writer. */

/** Header and alias comparison ignores case, surrounding and repeated spaces, and NBSPs. */
export function normalizeKey(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Edit distance (Levenshtein): how many letters to add, remove or change to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** A name as a person may mistype it: case, spaces, punctuation and the Norwegian letters folded away. */
const looseKey = (text: string) =>
  normalizeKey(text)
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

/**
 * Of `candidates`, the one most likely meant by `wanted` (a renamed sheet or header, a mistyped option):
 * equal when folded («Soknader» for «Søknader»), one the start of the other («Søknad»), or at most about
 * a third of its letters apart. Undefined when none is close.
 */
export function likelyMatch(wanted: string, candidates: readonly string[]): string | undefined {
  const w = looseKey(wanted);
  if (w === '') return undefined;
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const c = looseKey(name);
    if (c === '') continue;
    const prefix = c.length >= 3 && (w.startsWith(c) || c.startsWith(w));
    const d = prefix ? Math.abs(w.length - c.length) / 100 : editDistance(w, c);
    if (!prefix && d > Math.max(1, Math.floor(Math.max(w.length, c.length) / 3))) continue;
    if (best === undefined || d < best.d) best = { name, d };
  }
  return best?.name;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * A Date from any realm: Apps Script hands over sheet dates, Node's vm and iframes have their own `Date`,
 * so `instanceof Date` is not reliable at the edges.
 */
export const isDate = (value: unknown): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]';

/** A cell as trimmed text ('' for blank); numbers and booleans as their plain string. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Splits a list at semicolons and line breaks ("Barn og unge; Rehabilitering"); names may hold commas. */
export function splitList(value: unknown): string[] {
  return trimAll(cellText(value).split(/[;\n]/));
}

/**
 * Splits an answer cell: at semicolons and line breaks, or, without either, at commas too ("Arendal,
 * Grimstad", or Google Forms' joined checkbox answers), except inside the `known` names that hold
 * commas themselves ("Svangerskap, fødsel og barsel").
 */
export function splitAnswers(value: unknown, known: readonly string[] = []): string[] {
  const text = cellText(value);
  return /[;\n]/.test(text) ? splitList(text) : trimAll(splitCommas(text, known));
}

const trimAll = (parts: string[]) => parts.map((s) => s.trim()).filter((s) => s !== '');

function splitCommas(text: string, known: readonly string[]): string[] {
  if (!text.includes(',')) return [text];
  const withCommas = known.filter((k) => k.includes(',')).map(normalizeKey);
  const out: string[] = [];
  let rest = text;
  while (rest !== '') {
    const head = normalizeKey(rest);
    const name = withCommas.find((k) => head.startsWith(k));
    const end = name ? rest.indexOf(',', name.length) : rest.search(/,(?!\d)/);
    out.push(end < 0 ? rest : rest.slice(0, end));
    rest = end < 0 ? '' : rest.slice(end + 1).trimStart();
  }
  return out;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)?$/;

/**
 * User text written to a spreadsheet must never be read as a formula (`=IMPORTXML(...)` can leak data).
 * A leading apostrophe makes Sheets and Excel store it as text; genuine numbers are left alone.
 */
export function neutralizeFormula<T>(value: T): T | string {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || NEGATIVE_NUMBER.test(value)) return value;
  return `'${value}`;
}

// C0 controls XML 1.0 cannot hold (tab, LF and CR it can), the non-characters U+FFFE and U+FFFF, and
// surrogate halves without their partner.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text an .xlsx or .docx file can hold: characters XML cannot carry are removed, except that a vertical
 * tab or form feed (Word's line and page break, pasted into a cell) becomes a line break.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, (c) => (c === '\x0B' || c === '\x0C' ? '\n' : ''));
}

/**
 * "1 advarsel", "2 advarsler", "0 advarsler": a count with its words in the number it takes. Bokmål and
 * English both take the singular for exactly one; the caller gives both forms (adjectives too: "1 forfalt
 * rapport", "2 forfalte rapporter").
 */
export const countOf = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A word or phrase as the start of a sentence: «porteføljestyret» → «Porteføljestyret»; «SSU» stays. */
export const sentenceStart = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
