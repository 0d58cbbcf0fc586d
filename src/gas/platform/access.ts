import { accessError, type Action } from '../../core/access/roles';
import { MEMBERS_SHEET } from '../../core/workbook/contract';
import type { SheetIndex } from './sheets';

/** The signed-in user's e-mail; '' when Google will not tell (other domain, simple trigger). */
export function activeEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** Throws (with the reason) unless the active user's role allows `action`; returns the user's e-mail. */
export function requireRole(sheets: SheetIndex, action: Action): string {
  const email = activeEmail();
  const members = sheets.find(MEMBERS_SHEET);
  const error = accessError(email, members ? sheets.data(members).values : [[]], action);
  if (error) throw error;
  return email;
}
