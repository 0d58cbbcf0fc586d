import { TilskuddError } from '../../core/base/errors';
import { parseDay } from '../../core/parse/period';
import type { Lang } from '../../core/base/result';
import type { Action } from '../../core/access/roles';
import type { SheetSpec } from '../../core/workbook/contract';
import { requireRole } from './access';
import { protectionError } from './protect';
import { TEXT, langOf } from './i18n';
import { stuckNotice } from './intake-health';
import { SheetIndex, type Spreadsheet } from './sheets';
import { startExecution } from './time-budget';

/** What every secretariat action gets: the spreadsheet, its sheets, the UI language and the user. */
export interface Desk {
  ss: Spreadsheet;
  sheets: SheetIndex;
  lang: Lang;
  user: string;
  /** When this execution started (ms), for stopping long work before Google's 6-minute limit. */
  started: number;
}

/**
 * Runs a secretariat action: checks the user's role, holds the document lock (one change at a time, as
 * two members may click at once, and form submissions wait for it), and turns a refusal into a message in
 * the user's language instead of a stack trace: `refused` says how that message reaches the user. `action`
 * is what the role table must allow; null is for set-up, which checks itself (the very first run has no
 * members yet). `lock: false` is for actions that wait for the user (prompts) or for Google (documents):
 * they take the lock only around their writes, with `inLock`, so submissions are never kept waiting long.
 * `sheets` names the sheets the action will look up (see `SheetIndex.expect`). The one runner for menu
 * items (`withDesk`) and sidebar endpoints alike.
 */
export function runAction<T, R>(
  action: (desk: Desk) => T,
  options: { action: Action | null; lock?: boolean; sheets?: readonly SheetSpec[] },
  refused: (message: string) => R,
): T | R {
  const started = startExecution();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOf(ss);
  try {
    const run = () => {
      const sheets = new SheetIndex(ss);
      // An action that reads most of the workbook may find its sheets in fewer calls all at once.
      if (options.sheets) sheets.expect(options.sheets);
      const user = options.action === null ? '' : requireRole(sheets, options.action);
      // Stuck intake is told at a member's first action after it stuck (onOpen may not read the document).
      const stuck = stuckNotice(lang);
      if (stuck) ss.toast(stuck, TEXT.menu[lang], 20);
      return action({ ss, sheets, lang, user, started });
    };
    return options.lock === false ? run() : inLock(run);
  } catch (e) {
    const refusal = e instanceof TilskuddError ? e : protectionError(e);
    if (refusal) return refused(refusal.reason[lang]);
    throw e;
  }
}

/** A menu item's action (see `runAction`): a refusal is shown as a dialog. */
export function withDesk<T>(
  action: (desk: Desk) => T,
  options: { action: Action | null; lock?: boolean; sheets?: readonly SheetSpec[] },
): T | undefined {
  return runAction(action, options, (message) => {
    SpreadsheetApp.getUi().alert(message);
    return undefined;
  });
}

let depth = 0;

/**
 * Runs `write` holding the document lock; refuses with a message when another change holds it. Nested
 * calls run inside the outer hold: releasing there would free the lock the outer call still relies on.
 */
export function inLock<T>(write: () => T): T {
  const done = holdingLock(10_000, write);
  if (!done) throw new TilskuddError(TEXT.busy);
  return done.value;
}

/**
 * The one place that takes and releases the lock: `{ value }` of `body` run holding it, or null when
 * another execution held it for `waitMs`. Writes are flushed before the release: Apps Script defers
 * them, and the next holder must see them (Google's Lock reference), or a response is registered twice.
 */
export function holdingLock<T>(waitMs: number, body: () => T): { value: T } | null {
  if (depth > 0) return { value: body() };
  const lock = documentLock();
  if (!lock.tryLock(waitMs)) return null;
  depth++;
  try {
    return { value: body() };
  } finally {
    depth--;
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}

/**
 * The document lock; Google returns null outside a container (a copy run as a library or API
 * executable): the script lock then serialises every run of this project, which is stricter.
 */
function documentLock(): GoogleAppsScript.Lock.Lock {
  const lock: GoogleAppsScript.Lock.Lock | null = LockService.getDocumentLock();
  return lock ?? LockService.getScriptLock();
}

/** Today in the spreadsheet's time zone, as the core reads days (UTC midnight): what date rules judge by. */
export function todayIn(ss: Spreadsheet, sheets?: SheetIndex): Date {
  const zone = sheets ? sheets.timeZone() : ss.getSpreadsheetTimeZone();
  const day = parseDay(Utilities.formatDate(new Date(), zone, 'yyyy-MM-dd'));
  if (!day.ok) throw new Error('Utilities.formatDate gave no day');
  return day.value;
}
