import { APPLICATION_JOURNAL } from '../intake/intake';
import {
  findResponseSheet,
  handleSubmitEvent,
  hasForm,
  isTriggerEvent,
  sweepFromTrigger,
  type JournalSpec,
  type SubmitOutcome,
} from '../intake/journal';
import { STATUS_JOURNAL } from '../follow-up/status-intake';
import { runReminders } from '../follow-up/reminders';
import { SheetIndex } from '../platform/sheets';
import type { SheetSpec } from '../../core/workbook/contract';

/**
 * The document's two triggers (`platform/triggers.ts`) and what they run. Google fires a spreadsheet's
 * form-submit trigger for every form linked to it, so the one trigger routes each response by the sheet
 * its event's range is on; the hourly one sweeps every journal, then sends the day's reminders.
 */
export const JOURNALS: ReadonlyArray<JournalSpec<SheetSpec>> = [
  APPLICATION_JOURNAL as unknown as JournalSpec<SheetSpec>,
  STATUS_JOURNAL as unknown as JournalSpec<SheetSpec>,
];

/** The sheet id of a form-submit event's range, or null when it has none (a forged call). */
function eventSheetId(e: unknown): number | null {
  const range = (e as { range?: { getSheet?: unknown } } | null | undefined)?.range;
  if (typeof range?.getSheet !== 'function') return null;
  return (range as GoogleAppsScript.Spreadsheet.Range).getSheet().getSheetId();
}

/** The form-submit trigger: the response goes to the journal whose response sheet holds it. */
export function routeSubmission(e: unknown): SubmitOutcome {
  if (!isTriggerEvent(e)) return refuse('not an event of this project’s triggers');
  const sheetId = eventSheetId(e);
  if (sheetId === null) return refuse('no range');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = new SheetIndex(ss);
  for (const spec of JOURNALS) {
    if (!hasForm(spec)) continue;
    const journal = findResponseSheet(ss, sheets, spec);
    if (journal && journal.getSheetId() === sheetId)
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
  if (!isTriggerEvent(e)) return; // a google.script.run call or a forged event does nothing
  for (const spec of JOURNALS) if (hasForm(spec)) sweepFromTrigger(spec);
  runReminders();
}
