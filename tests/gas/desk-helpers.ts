import { MEMBERS_SHEET } from '../../src/core/contract';
import { exampleWorkbook, sheetRows } from '../../src/example/agder';
import { loadBundle, type SandboxOptions } from './sandbox';

export const SECRETARY = 'sekretariat@example.no';

/** The built bundle with the example workbook of SSU 18-2025 and the user as a secretariat member. */
export function deskWith(values = exampleWorkbook(), options: SandboxOptions = {}) {
  const sb = loadBundle({ activeUser: SECRETARY, ...options });
  for (const [name, rows] of Object.entries(values)) sb.spreadsheet.addSheet(name, rows);
  sb.spreadsheet.addSheet(
    MEMBERS_SHEET.name,
    sheetRows(MEMBERS_SHEET, [
      { name: 'Sekretariatet', email: SECRETARY, role: 'Sekretariat', organisation: 'SSHF' },
      { name: 'Leser', email: 'leser@example.no', role: 'Leser', organisation: 'Kommune' },
    ]),
  );
  sb.calls.reset();
  return sb;
}

export type Desk = ReturnType<typeof deskWith>;

/** Spreadsheet service calls (SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList and friends). */
export function sheetCalls(sb: Desk): number {
  return Object.entries(sb.calls.snapshot())
    .filter(([k]) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|DataValidation|Protection)/.test(k))
    .reduce((s, [, n]) => s + n, 0);
}

/** Column index (0-based) of a header in a sheet's first row. */
export function colOf(sb: Desk, sheet: string, header: string): number {
  return (sb.spreadsheet.sheetData(sheet).values[0] as unknown[]).indexOf(header);
}
