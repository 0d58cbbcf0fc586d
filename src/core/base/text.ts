/** Small text helpers shared by the workbook contract, the rules and every writer. */

/** Header and alias comparison ignores case, surrounding and repeated spaces, and NBSPs. */
export function normalizeKey(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
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

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'x', '1', 'sann']);
const NO = new Set(['nei', 'n', 'no', 'false', '0', 'usann']);

/** Ja/Nei/Yes/No/true/false/x; `null` when blank or unrecognised (the caller decides what that means). */
export function parseYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const key = cellText(value).toLowerCase();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
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
