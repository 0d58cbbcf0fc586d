import { tilskuddError } from '../../core/base/errors';
import { LOG_SHEET } from '../../core/workbook/contract';
import { clipText } from '../../core/workbook/cell-limit';
import { editable } from './protect';
import { appendAtEnd, appendRows, headerRow, rowFor, type Sheet, type SheetIndex } from './sheets';

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

/**
 * All or nothing, as far as Sheets allows, for a write that carries money or rights (one atomic write
 * would need the Sheets API and a wider scope): every target and `Logg` must be writable by the user
 * (`canEdit` of their protections) before anything is written; then the `Logg` lines, then the rows. A
 * failure after the `Logg` lines writes a *feilet* line for each, so no row stands without its log line
 * and no log line stands for a change that did not happen.
 */
export function loggedWrite<T>(
  sheets: SheetIndex,
  user: string,
  targets: ReadonlyArray<Sheet | null>,
  entries: LogEntry[],
  write: () => T,
): T {
  const log = sheets.find(LOG_SHEET);
  for (const sheet of [log, ...targets]) {
    if (sheet && !editable(sheet)) {
      const name = sheets.nameOf(sheet);
      throw tilskuddError(
        `Google lar deg ikke skrive i «${name}», så ingenting er registrert. Har lederen nylig lagt deg til eller endret rollen din, må lederen kjøre Tilskudd › Sett opp arbeidsboka på nytt.`,
        `Google does not let you write in "${name}", so nothing was registered. If the chair added you or changed your role recently, the chair must run Tilskudd › Set up workbook again.`,
      );
    }
  }
  appendLog(sheets, user, entries);
  try {
    return write();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    appendLog(
      sheets,
      user,
      entries.map((x) => ({
        action: `${x.action} feilet`,
        caseId: x.caseId,
        after: `ikke registrert: ${why}`,
      })),
    );
    throw e;
  }
}
