import { LOG_SHEET } from '../../core/workbook/contract';
import { appendRows, rowFor, type SheetIndex } from './sheets';

export interface LogEntry {
  action: string;
  caseId?: string;
  before?: string;
  after?: string;
}

/** Appends one action's entries to the append-only `Logg` sheet in one write (creating the sheet if needed). */
export function appendLog(sheets: SheetIndex, user: string, entries: LogEntry[]): void {
  if (entries.length === 0) return;
  let sheet = sheets.find(LOG_SHEET);
  if (!sheet) {
    sheet = sheets.insert(LOG_SHEET);
    sheet.getRange(1, 1, 1, LOG_SHEET.fields.length).setValues([LOG_SHEET.fields.map((f) => f.header)]);
  }
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  const time = new Date();
  const rows = entries.map((e) =>
    rowFor(LOG_SHEET, header, {
      time,
      user,
      action: e.action,
      caseId: e.caseId ?? '',
      before: e.before ?? '',
      after: e.after ?? '',
    }),
  );
  appendRows(sheet, lastRow, rows);
}
