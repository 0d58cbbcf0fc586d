import { LOG_SHEET } from '../../core/workbook/contract';
import { clipText } from '../../core/workbook/cell-limit';
import { appendAtEnd, appendRows, headerRow, rowFor, type SheetIndex } from './sheets';

export interface LogEntry {
  action: string;
  caseId?: string;
  before?: string;
  after?: string;
}

/**
 * Appends one action's entries to the append-only `Logg` sheet in one write (creating the sheet if
 * needed): a new sheet gets its header in the same write; an existing one has its header read (columns by
 * name) and the entries go after its last row.
 */
export function appendLog(sheets: SheetIndex, user: string, entries: LogEntry[]): void {
  if (entries.length === 0) return;
  const found = sheets.find(LOG_SHEET);
  const sheet = found ?? sheets.insert(LOG_SHEET);
  const header = found ? headerRow(sheet) : LOG_SHEET.fields.map((f) => f.header);
  const time = new Date();
  const rows = entries.map((e) =>
    rowFor(LOG_SHEET, header, {
      time,
      user,
      action: e.action,
      caseId: e.caseId ?? '',
      // A line may quote a person's text: it is cut to what a cell holds rather than refuse the write.
      before: clipText(e.before ?? ''),
      after: clipText(e.after ?? ''),
    }),
  );
  if (found) appendAtEnd(sheet, rows);
  else appendRows(sheet, 0, [header, ...rows]);
}
