import { severityRank, type Finding, type Severity } from '../engine/findings';
import type { Portfolio } from '../portfolio/records';
import { columnLetter } from '../workbook/contract';
import { SHEETS, type SheetId } from '../workbook/sheets';

/**
 * How a check colours the cells its findings are about in Google Sheets, in one write whatever the number
 * of sheets: each highlighted sheet carries, once, one conditional-format rule per severity whose formula
 * reads that row's marks from a hidden sheet of the product's; a check writes only the marks. A person's
 * fills, notes and own rules are never read or written.
 *
 * The marks sheet has two columns per highlighted sheet, in `HIGHLIGHTED` order. Row r holds the marks of
 * row r: its flags (character c is the severity code of column c, '.' for none) and the row's key as the
 * check saw it (`#` and its key cells joined by `|`: the case number and a column that tells a case's lines
 * apart; the plan's `Nr`). The rule colours a cell only while that key is still in that row, so after a
 * sort or a deleted row no colour lands on another row's cells; they come back with the next check. The
 * `#` keeps a key text however the marks sheet's cells are formatted. A key with a cell that is not text (a
 * number, a date) is not kept, and such a row is not guarded.
 */
export const HIGHLIGHTED: readonly SheetId[] = [
  'applications',
  'budget',
  'allocations',
  'payments',
  'statusReports',
  'deadlines',
  'plan',
];

/** The text fields that identify a row of each highlighted sheet (those the sheet has are used). */
export const ROW_KEY: Record<SheetId, readonly string[]> = {
  applications: ['caseId'],
  budget: ['caseId', 'item'],
  allocations: ['caseId', 'decision'],
  payments: ['caseId', 'voucher'],
  statusReports: ['caseId', 'type'],
  deadlines: ['caseId', 'type'],
  plan: ['nr'],
};

/** One letter per severity: what a rule looks for in the flags. Lower case (Sheets compares text without case). */
export const SEVERITY_CODE: Record<Severity, string> = { error: 'e', warning: 'w', info: 'i' };
const NONE = '.';
const SEVERITY_OF = new Map(Object.entries(SEVERITY_CODE).map(([s, code]) => [code, s as Severity]));

/** The marks sheet's columns (1-based) of a highlighted sheet: its flags and its row keys. */
export function marksColumns(id: SheetId): { flags: number; key: number } {
  const i = HIGHLIGHTED.indexOf(id);
  return { flags: 2 * i + 1, key: 2 * i + 2 };
}

/** A row's key as the marks keep it: '' (not guarded) unless there are key cells and every one is text. */
export const rowKey = (cells: readonly unknown[]): string =>
  cells.length > 0 && cells.every((c) => typeof c === 'string') ? `#${cells.join('|')}` : '';

/**
 * The marks of every highlighted sheet, as one block from A1: a header row (the sheets' names) and one row
 * per sheet row up to the last with a mark, padded with blank rows to `atLeast` rows so the marks of the
 * last check are cleared. `keyOf` gives a sheet row's key cells (1-based row).
 */
export function marksBlock(
  findings: readonly Finding[],
  portfolio: Pick<Portfolio, 'columns'>,
  keyOf: (id: SheetId, row: number) => readonly unknown[],
  atLeast = 1,
): string[][] {
  const flags = new Map<SheetId, Map<number, string[]>>();
  let height = Math.max(1, atLeast);
  for (const f of findings) {
    for (const cell of f.cells) {
      if (!HIGHLIGHTED.includes(cell.sheet)) continue;
      const col = portfolio.columns[cell.sheet][cell.field];
      if (col === undefined || cell.row < 2) continue;
      const rows = flags.get(cell.sheet) ?? new Map<number, string[]>();
      flags.set(cell.sheet, rows);
      const row = rows.get(cell.row) ?? [];
      rows.set(cell.row, row);
      // A cell shows its most severe finding's colour.
      const was = SEVERITY_OF.get(row[col] ?? '');
      if (was === undefined || severityRank(f.severity) < severityRank(was))
        row[col] = SEVERITY_CODE[f.severity];
      height = Math.max(height, cell.row);
    }
  }
  const block: string[][] = [HIGHLIGHTED.flatMap((id) => [SHEETS[id].name, `${SHEETS[id].name}: nøkkel`])];
  for (let r = 2; r <= height; r++) {
    block.push(
      HIGHLIGHTED.flatMap((id) => {
        const row = flags.get(id)?.get(r);
        return row ? [Array.from(row, (code) => code ?? NONE).join(''), rowKey(keyOf(id, r))] : ['', ''];
      }),
    );
  }
  return block;
}

/** A sheet name as a formula quotes it: 'Navn' with any apostrophe doubled. */
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * The formula of the rule for one severity on a highlighted sheet, written for its range's first row (2):
 * the cell's character in its row's flags is that severity's code, and the row's key cells (`keyColumns`,
 * 1-based, joined as `rowKey` joins them; none: not guarded) still hold the key the check saw there, or
 * none was kept. The key is looked up only for a flagged cell (IF), so an unflagged cell costs one INDIRECT.
 */
export function highlightFormula(
  marksSheet: string,
  id: SheetId,
  severity: Severity,
  keyColumns: readonly number[],
): string {
  const { flags, key } = marksColumns(id);
  const at = (column: number) =>
    `INDIRECT("${quoted(marksSheet).replace(/"/g, '""')}!${columnLetter(column)}"&ROW())`;
  const flagged = `MID(${at(flags)},COLUMN(),1)="${SEVERITY_CODE[severity]}"`;
  if (keyColumns.length === 0) return `=${flagged}`;
  const cells = keyColumns.map((c) => `$${columnLetter(c)}2`).join('&"|"&');
  return `=IF(${flagged},OR(${at(key)}="",${at(key)}="#"&${cells}),FALSE)`;
}

/**
 * The severity a conditional-format formula colours when it is one of the product's highlight rules
 * (replaced, never doubled), else null. Lenient about how Google may give it back (case, spaces, `;` as a
 * locale's separator): what a spreadsheet in a Norwegian locale returns is not documented.
 */
export function highlightSeverity(formula: string): Severity | null {
  const m =
    /^=\s*(?:IF\s*\(\s*)?MID\s*\(\s*INDIRECT\s*\(\s*"'.*'!\s*[A-Z]+"\s*&\s*ROW\s*\(\s*\)\s*\)\s*[,;]\s*COLUMN\s*\(\s*\)\s*[,;]\s*1\s*\)\s*=\s*"([a-z])"/i.exec(
      formula,
    );
  return m ? (SEVERITY_OF.get(m[1]!.toLowerCase()) ?? null) : null;
}
