import { TilskuddError } from '../core/errors';
import type { Lang } from '../core/result';
import { requireSecretariat } from './access';
import { TEXT, langOf } from './i18n';
import { SheetIndex, type Spreadsheet } from './sheets';

/** What every secretariat action gets: the spreadsheet, its sheets, the UI language and the user. */
export interface Desk {
  ss: Spreadsheet;
  sheets: SheetIndex;
  lang: Lang;
  user: string;
}

/**
 * Runs an action that changes data: holds the document lock (one change at a time, as two secretariat
 * members may click at once), checks the user's role, and shows errors as a dialog in the user's
 * language instead of a stack trace. `authorise: false` is for the first set-up, which checks itself.
 */
export function withDesk<T>(action: (desk: Desk) => T, options: { authorise?: boolean } = {}): T | undefined {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOf(ss);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) {
    SpreadsheetApp.getUi().alert(TEXT.busy[lang]);
    return undefined;
  }
  try {
    const sheets = new SheetIndex(ss);
    const user = options.authorise === false ? '' : requireSecretariat(sheets);
    return action({ ss, sheets, lang, user });
  } catch (e) {
    if (e instanceof TilskuddError) {
      SpreadsheetApp.getUi().alert(e.reason[lang]);
      return undefined;
    }
    throw e;
  } finally {
    lock.releaseLock();
  }
}
