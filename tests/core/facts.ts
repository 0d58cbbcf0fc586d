import type { Finding } from '../../src/core/engine/findings';
import {
  ALLOCATIONS,
  APPLICATIONS,
  ASSESSMENTS,
  BUDGET,
  SETTINGS_SHEET,
  type SheetSpec,
} from '../../src/core/workbook/contract';

/**
 * What a finding's `fact` (the text documents print) must not hold: it states what is so about the
 * application, for a board that never sees the workbook. Every rule's positive cases go through
 * `expectFact`; a rule added without a fact, or with a fact that points at cells or tells the reader
 * what to do, fails here.
 */
const SPECS: SheetSpec[] = [APPLICATIONS, BUDGET, ALLOCATIONS, SETTINGS_SHEET, ASSESSMENTS];

/** Column names as the instruction quotes them: «Egenandel kommune», "Own contribution hospital". */
const QUOTED_COLUMNS = SPECS.flatMap((s) =>
  s.fields.flatMap((f) => [f.header, f.en, ...(f.aliases ?? [])].flatMap((h) => [`«${h}»`, `"${h}"`])),
).map((q) => q.toLowerCase());

const SHEET_NAMES = SPECS.flatMap((s) => [s.name, s.en]);

/** Verbs a Norwegian or English instruction opens with ("Fyll inn …", "Set … to Yes"). */
const IMPERATIVES = new Set(
  [
    'fyll sett velg skriv rett legg gi innhent beskriv behandle reduser ta slett begrunn inngå tøm send kontroller',
    'fill set choose write fix add give obtain describe handle reduce take delete explain sign clear record include enter',
  ]
    .join(' ')
    .split(' '),
);

/** The words that open each sentence or clause (after `.`, `:` or `;`). */
const openers = (text: string): string[] =>
  text
    .split(/[.:;]\s+|^/)
    .map((part) => part.trim().split(/\s+/)[0]?.toLowerCase() ?? '')
    .filter((w) => w !== '');

export function factProblems(f: Finding): string[] {
  const problems: string[] = [];
  for (const lang of ['nb', 'en'] as const) {
    const fact = f.fact?.[lang];
    if (typeof fact !== 'string' || fact.trim() === '') {
      problems.push(`${f.rule}: no ${lang} fact`);
      continue;
    }
    const lower = fact.toLowerCase();
    if (!/^[A-ZÆØÅ0-9]/.test(fact) || !fact.endsWith('.')) problems.push(`${lang}: not a sentence: ${fact}`);
    if (/\b(?:rad|rader|row|rows|kolonne|kolonnen|column)\b\s*\d*/i.test(fact))
      problems.push(`${lang}: names a row or column: ${fact}`);
    for (const q of QUOTED_COLUMNS)
      if (lower.includes(q)) problems.push(`${lang}: quotes column ${q}: ${fact}`);
    for (const name of SHEET_NAMES)
      if (new RegExp(`(?:^|[^\\p{L}])${name}(?:[^\\p{L}]|$)`, 'u').test(fact))
        problems.push(`${lang}: names the sheet ${name}: ${fact}`);
    if (f.ref !== '' && !/^\d{4}$/.test(f.ref) && fact.includes(f.ref))
      problems.push(`${lang}: names its case: ${fact}`);
    for (const w of openers(fact))
      if (IMPERATIVES.has(w)) problems.push(`${lang}: instructs («${w}»): ${fact}`);
  }
  return problems;
}

export function expectFact(f: Finding): void {
  expect(factProblems(f)).toEqual([]);
}
