import {
  ASSESSMENTS,
  DOCUMENTS_SHEET,
  LOG_SHEET,
  MEMBERS_SHEET,
  readTable,
  type SheetSpec,
} from '../workbook/contract';
import { cellText, normalizeKey } from '../base/text';
import { PERMISSIONS, may, parseRole, type Action } from './roles';

/**
 * The sheets Google protects for real (not warning-only), and who may edit them, derived from the role
 * table: a sheet is editable by the members whose role allows an action that writes it (the script runs
 * as the member who clicks, so Google must let that member write), plus every *Leder*; Google always lets
 * the owner and the script's effective user edit. Nobody else — a *Leser*, an editor of the spreadsheet
 * not in `Medlemmer` — can change these sheets, by hand or by script.
 */
export const PROTECTED_SHEETS: ReadonlyArray<{ spec: SheetSpec; writtenBy: readonly Action[] }> = [
  { spec: MEMBERS_SHEET, writtenBy: ['settings'] },
  // Every action that changes something logs it.
  {
    spec: LOG_SHEET,
    writtenBy: (Object.keys(PERMISSIONS) as Action[]).filter((a) => a !== 'read'),
  },
  { spec: ASSESSMENTS, writtenBy: ['assess', 'boardRanking'] },
  { spec: DOCUMENTS_SHEET, writtenBy: ['documents'] },
];

/** The e-mails (lower case, sorted, unique) that may edit a sheet written by `writtenBy`. */
export function protectionEditors(
  members: readonly (readonly unknown[])[],
  writtenBy: readonly Action[],
): string[] {
  const emails = new Set<string>();
  for (const row of readTable(MEMBERS_SHEET, members).rows) {
    const email = normalizeKey(cellText(row.get('email')));
    const role = parseRole(cellText(row.get('role')));
    if (email === '' || !email.includes('@')) continue;
    if (role === 'leader' || writtenBy.some((a) => may(role, a))) emails.add(email);
  }
  return [...emails].sort();
}
