import { checkWorkbook, type CheckResult } from '../../core/check/check';
import {
  FINDINGS_SHEET,
  FINDING_COLOURS_SHEET,
  LOG_SHEET,
  MEMBERS_SHEET,
  mapHeaders,
  missingFields,
  type SheetSpec,
} from '../../core/workbook/contract';
import { addressOf } from '../../core/portfolio/address';
import { SEVERITY_LABEL, type Finding } from '../../core/engine/findings';
import type { Lang } from '../../core/base/result';
import { cellText, neutralizeFormula } from '../../core/base/text';
import { clipText } from '../../core/workbook/cell-limit';
import { todayIn } from '../platform/desk';
import { stuckIntake } from '../platform/intake-health';
import { WORKBOOK_SHEETS, readWorkbook } from './portfolio';
import { rowFor, wrote, type SheetIndex } from '../platform/sheets';
import { documentProperties } from '../platform/properties';
import { writeHighlights } from './highlights';
import { clearOldHighlights } from './old-highlights';

/**
 * "Kontroller portefølje": every rule over the whole workbook, findings to `Avvik` in one write, and the
 * offending cells coloured through the marks of highlights.ts (one more write). The number of service
 * calls does not depend on the number of rows.
 */

/** Every sheet a check looks up: the role's, the portfolio's, `Avvik` and `Logg`. */
export const CHECK_SHEETS: readonly SheetSpec[] = [
  MEMBERS_SHEET,
  ...WORKBOOK_SHEETS,
  FINDINGS_SHEET,
  FINDING_COLOURS_SHEET,
  LOG_SHEET,
];

export interface CheckSummary {
  errors: number;
  warnings: number;
  /** Sheets whose colour rules this user may not renew (see highlights.ts). */
  uncoloured: string[];
}

/** The check's line in `Logg`, the same from the menu and from the sidebar. */
export const checkLogEntry = ({ errors, warnings, uncoloured }: CheckSummary) => ({
  action: 'Kontroller portefølje',
  after: `${errors} feil, ${warnings} advarsler${uncolouredText(uncoloured, 'nb')}`,
});

/** What the check's report adds when some sheet's colours could not be renewed, '' otherwise. */
export function uncolouredText(names: readonly string[], lang: Lang): string {
  if (names.length === 0) return '';
  const list = names.map((n) => `«${n}»`).join(', ');
  return lang === 'nb'
    ? ` Nye rader i ${list} får farge først når en som kan redigere arket, kjører kontrollen eller Sett opp arbeidsboka.`
    : ` New rows in ${list.replace(/[«»]/g, '"')} are coloured only once someone who may edit the sheet runs the check or Set up workbook.`;
}

export function runCheck(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheets: SheetIndex,
  lang: Lang,
): CheckSummary {
  const read = readWorkbook(ss, sheets);
  const result = checkWorkbook(read.values, { today: todayIn(ss, sheets), intakeStuck: stuckIntake() });
  writeFindings(sheets, result, lang);
  clearOldHighlights(sheets);
  const uncoloured = writeHighlights(sheets, read.sheets, read.values, result);
  return {
    uncoloured,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
  };
}

export function cellA1(result: CheckResult, f: Finding): string {
  const cell = f.cells[0];
  const at = cell ? addressOf(result.portfolio, cell) : null;
  return at ? `${at.sheet}!${at.a1}` : '';
}

const RESOLVED = { nb: 'Løst', en: 'Resolved' };

/**
 * `Avvik` rewritten by header in one write. Columns a person added keep their values with the finding
 * they were written beside (matched by rule, case and cell); a finding that is gone keeps its row, marked
 * resolved, while a person's column in it holds something. Missing product headers are added at the end.
 */
function writeFindings(sheets: SheetIndex, result: CheckResult, lang: Lang): void {
  const found = sheets.find(FINDINGS_SHEET);
  const sheet = found ?? sheets.insert(FINDINGS_SHEET);
  // A sheet made just now is empty: nothing to read.
  const read = found ? sheets.data(found) : null;
  const old: unknown[][] = read ? read.values : [[]];
  const header = old[0]!.some((h) => h !== '') ? [...old[0]!] : [];
  for (const f of missingFields(FINDINGS_SHEET, header)) header.push(lang === 'nb' ? f.header : f.en);
  const columns = mapHeaders(FINDINGS_SHEET, header);
  const mine = new Set(Object.values(columns) as number[]);
  const extra = header.map((_, c) => c).filter((c) => !mine.has(c));
  // Formulas can only be in a person's columns: read when there are some.
  const formulas = read && extra.length > 0 ? read.range().getFormulas() : [[]];
  const keyOf = (rule: unknown, ref: unknown, cell: unknown) =>
    [rule, ref, cell].map(cellText).join('\u0000');
  // A person's cells per finding, as they stand (formulas as formulas, text never becoming one).
  const kept = new Map<string, { row: unknown[]; cells: unknown[] }>();
  for (let r = 1; r < old.length; r++) {
    const row = old[r]!;
    const cells = extra.map((c) => formulas[r]?.[c] || neutralizeFormula(row[c] ?? ''));
    if (cells.every((v) => v === '')) continue;
    kept.set(keyOf(row[columns.rule!], row[columns.ref!], row[columns.cell!]), { row, cells });
  }
  const rows: unknown[][] = [header];
  const withExtra = (row: unknown[], key: string) => {
    const person = kept.get(key);
    kept.delete(key);
    if (person) extra.forEach((c, i) => (row[c] = person.cells[i]));
    return row;
  };
  for (const f of result.findings) {
    const where = cellA1(result, f);
    const row = rowFor(FINDINGS_SHEET, header, {
      rule: f.rule,
      severity: SEVERITY_LABEL[f.severity][lang],
      ref: f.ref,
      // The rules quote little of a cell; the limit still holds for a message that lists many things.
      message: clipText(f.message[lang]),
      cell: where,
    });
    rows.push(withExtra(row, keyOf(f.rule, f.ref, where)));
  }
  for (const [key, { row: was }] of [...kept]) {
    const row = rowFor(FINDINGS_SHEET, header, {
      rule: was[columns.rule!],
      severity: RESOLVED[lang],
      ref: was[columns.ref!],
      message: was[columns.message!],
      cell: was[columns.cell!],
    });
    rows.push(withExtra(row, key));
  }
  // Blank the rows the sheet had beyond the new ones, in the same write.
  while (rows.length < old.length) rows.push(header.map(() => ''));
  // `Sak` as text: an action plan's number such as 1.3 would otherwise be read as a date (1 March). Set-up
  // formats the column as text down the sheet; below that (and in a sheet made now) each `Sak` is written
  // after an apostrophe, which Sheets takes as "text" and does not keep, as when it is typed.
  const textUpTo = found ? textRows() : 0;
  for (let r = Math.max(1, textUpTo); r < rows.length; r++) {
    const ref = rows[r]![columns.ref!];
    if (typeof ref === 'string' && ref !== '') rows[r]![columns.ref!] = `'${ref}`;
  }
  // The same findings as the sheet shows (a check run again): nothing to write.
  if (sameCells(rows, old)) return;
  sheet.getRange(1, 1, rows.length, header.length).setValues(rows);
  wrote(sheet);
}

/** The rows of `Avvik` (from the top) whose `Sak` is known to be formatted as text. */
const TEXT_ROWS_PROPERTY = 'tilskudd.check.findingsTextRows';

const textRows = () => Number(documentProperties().getProperty(TEXT_ROWS_PROPERTY) ?? 0) || 0;

/** Records that `Avvik`'s `Sak` is text down to row `rows` (set-up formats it down the whole sheet). */
export const findingsTextRows = (rows: number): void =>
  documentProperties().setProperty(TEXT_ROWS_PROPERTY, String(rows));

/** Whether `rows` holds exactly the text `values` (as read) shows, cell for cell. */
const sameCells = (rows: readonly (readonly unknown[])[], values: readonly (readonly unknown[])[]) =>
  rows.length === values.length &&
  rows.every(
    (row, r) =>
      row.length === values[r]!.length &&
      row.every(
        (v, c) => typeof v === 'string' && typeof values[r]![c] === 'string' && stored(v) === values[r]![c],
      ),
  );

/** A string as Sheets keeps it when it is written: a leading apostrophe only says "text". */
const stored = (v: string) => (v.startsWith("'") ? v.slice(1) : v);
