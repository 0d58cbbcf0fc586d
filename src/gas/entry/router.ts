import { APPLICATION_JOURNAL, sendOwedReceipts } from '../intake/intake';
import {
  closeForm,
  findResponseSheet,
  forgetRetiring,
  handleSubmitEvent,
  hasForm,
  isTriggerEvent,
  retiringJournal,
  retiringUntil,
  sweepFromTrigger,
  type JournalSpec,
  type SubmitOutcome,
} from '../intake/journal';
import { inLock } from '../platform/desk';
import { appendLog } from '../platform/log';
import { STATUS_JOURNAL } from '../follow-up/status-intake';
import { INPUT_JOURNAL } from '../plan/input-form';
import { runReminders } from '../follow-up/reminders';
import { SheetIndex } from '../platform/sheets';
import { startExecution } from '../platform/time-budget';
import { documentProperties } from '../platform/properties';
import type { SheetSpec } from '../../core/workbook/contract';

/**
 * The document's two triggers (`platform/triggers.ts`) and what they run. Google fires a spreadsheet's
 * form-submit trigger for every form linked to it, so the one trigger routes each response by the sheet
 * its event's range is on; the hourly one sweeps every journal, sends receipts a run left owed, then the
 * day's reminders.
 */
export const JOURNALS: ReadonlyArray<JournalSpec<SheetSpec>> = [
  APPLICATION_JOURNAL as unknown as JournalSpec<SheetSpec>,
  STATUS_JOURNAL as unknown as JournalSpec<SheetSpec>,
  INPUT_JOURNAL as unknown as JournalSpec<SheetSpec>,
];

/** Every journal with a form, a retiring form (made again, still open) beside its successor. */
const watched = (): Array<JournalSpec<SheetSpec>> =>
  JOURNALS.flatMap((spec) => [spec, retiringJournal(spec)]).filter(
    (spec): spec is JournalSpec<SheetSpec> => spec !== null && hasForm(spec),
  );

/** The sheet id of a form-submit event's range, or null when it has none (a forged call). */
function eventSheetId(e: unknown): number | null {
  const range = (e as { range?: { getSheet?: unknown } } | null | undefined)?.range;
  if (typeof range?.getSheet !== 'function') return null;
  return (range as GoogleAppsScript.Spreadsheet.Range).getSheet().getSheetId();
}

/** The form-submit trigger: the response goes to the journal whose response sheet holds it. */
export function routeSubmission(e: unknown): SubmitOutcome {
  startExecution();
  if (!isTriggerEvent(e)) return refuse('not an event of this project’s triggers');
  const sheetId = eventSheetId(e);
  if (sheetId === null) return refuse('no range');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = new SheetIndex(ss);
  for (const spec of watched()) {
    const journal = findResponseSheet(ss, sheets, spec);
    if (journal && sheets.idOf(journal) === sheetId)
      return handleSubmitEvent(spec, e, { ss, sheets, journal });
  }
  return refuse('range is on no journal’s response sheet');
}

function refuse(reason: string): SubmitOutcome {
  console.warn(`Tilskudd: form-submit event ignored, ${reason}; nothing written.`);
  return { status: 'refused', reason };
}

/**
 * The hourly trigger (and the old sweep and daily reminder triggers, forwarded here): registers what the
 * submit trigger could not in every journal, then sends the day's reminders once.
 */
export function runHourly(e: unknown): void {
  startExecution();
  if (!isTriggerEvent(e)) return; // a google.script.run call or a forged event does nothing
  for (const spec of JOURNALS) {
    if (hasForm(spec)) sweepFromTrigger(spec);
    const old = retiringJournal(spec);
    if (old) retire(spec, old);
  }
  sendOwedReceipts(); // those a run left for time
  runReminders();
}

/**
 * A retiring form: swept while open; once its days are over, closed first (no response can arrive
 * after the last sweep), swept a last time, unlinked and forgotten. A form this user cannot change is
 * left open and logged, and tried again next hour.
 */
function retire(spec: JournalSpec<SheetSpec>, old: JournalSpec<SheetSpec>): void {
  const until = retiringUntil(spec) ?? 0;
  const formId = documentProperties().getProperty(old.formIdProperty!)!;
  if (Date.now() < until) {
    sweepFromTrigger(old);
    return;
  }
  try {
    closeForm(formId);
  } catch (error) {
    console.warn(`Tilskudd (${old.id}): the old form could not be closed: ${String(error)}`);
    sweepFromTrigger(old);
    return;
  }
  if (sweepFromTrigger(old).status !== 'done') return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  inLock(() => {
    forgetRetiring(spec);
    appendLog(new SheetIndex(ss), Session.getEffectiveUser().getEmail(), [
      {
        action: 'Gammelt skjema stengt',
        after: `${spec.label.nb}: skjema ${formId} tar ikke lenger imot svar og er koblet fra arket`,
      },
    ]);
  });
}
