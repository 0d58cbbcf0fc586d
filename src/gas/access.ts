import { accessError } from '../core/access';
import { MEMBERS_SHEET } from '../core/contract';
import { findSheet, type Sheet } from './sheets';

/** The signed-in user's e-mail; '' when Google will not tell (other domain, simple trigger). */
export function activeEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** Throws (with the reason) unless the active user may change data; returns the user's e-mail. */
export function requireSecretariat(sheets: readonly Sheet[]): string {
  const email = activeEmail();
  const members = findSheet(sheets, MEMBERS_SHEET);
  const error = accessError(email, members ? members.getDataRange().getValues() : [[]]);
  if (error) throw error;
  return email;
}
