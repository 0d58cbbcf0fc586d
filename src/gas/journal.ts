import type { Lang, Reason } from '../core/base/result';
import { TilskuddError, tilskuddError } from '../core/base/errors';
import { cellText } from '../core/base/text';
import { overLimit } from '../core/workbook/cell-limit';
import { columnLetter, mapHeaders, type FieldKey, type SheetSpec } from '../core/workbook/contract';
import {
  isBlankSubmission,
  responseOf,
  responsesOf,
  unregistered,
  type FormResponse,
} from '../core/intake/journal';
import { inLock } from './desk';
import { langOf } from './i18n';
import { protectResponseSheet, protectionError } from './protect';
import { appendLog, type LogEntry } from './log';
import { SheetIndex, appendRows, readValues, type Sheet, type Spreadsheet } from './sheets';

/**
 * Exactly-once intake for a Google Form whose response sheet is its journal. Google appends every
 * submission to the response sheet before the trigger runs; the trigger registers its own row, and the
 * sweep (menu and hourly trigger) registers every row whose key is not yet in the target sheet's key
 * column. Both run under the document lock and go through `registerResponses`, so a response is
 * registered once whichever gets there first, and one that failed is found again. A form plugs in with a
 * `JournalSpec`: its target sheet, key and other-answers columns, and `plan`, which turns new responses
 * into rows (the application form in `intake.ts` is the first).
 */
export interface JournalSpec<S extends SheetSpec> {
  /** Names the document property that links the response sheet: `tilskudd.<id>.responseSheet`. */
  id: string;
  /** The form, in messages. */
  label: Reason;
  /**
   * The document property holding the form's id, for forms made before the response sheet was
   * remembered: links it the first time it is needed. New forms link at creation (`linkResponseSheet`).
   */
  formIdProperty?: string;
  target: S;
  /** Holds each registered response's key. */
  keyField: FieldKey<S>;
  /** Holds answers the mapping does not place ("title: answer"). */
  otherField: FieldKey<S>;
  /** The rows for new responses (under the lock, nothing written yet); throws a TilskuddError to refuse. */
  plan(batch: JournalBatch<S>): JournalPlan;
}

export interface JournalBatch<S extends SheetSpec> {
  ss: Spreadsheet;
  sheets: SheetIndex;
  timeZone: string;
  lang: Lang;
  /** New responses, in the order of the response sheet. */
  responses: FormResponse[];
  responseSheetName: string;
  target: { sheet: Sheet; values: unknown[][]; columns: Partial<Record<FieldKey<S>, number>> };
}

export interface JournalPlan {
  /** At most one append per sheet, the target sheet's rows first. */
  appends: Array<{ sheet: Sheet; rows: unknown[][] }>;
  log: LogEntry[];
  /** Runs after every write, still under the lock (high-water marks, receipts). */
  commit?: () => void;
  /** What was registered (case ids), for the report. */
  ids: string[];
}

const sheetProperty = (spec: { id: string }) => `tilskudd.${spec.id}.responseSheet`;

/**
 * Remembers which sheet holds the form's responses (by sheet id, which survives renaming); returns it,
 * or null when none links to the form yet. Google names it *Skjemasvar 1* / *Form Responses 1*.
 */
export function linkResponseSheet(ss: Spreadsheet, spec: { id: string }, formId: string): Sheet | null {
  SpreadsheetApp.flush(); // setDestination adds the sheet; make it visible to this execution
  for (const sheet of ss.getSheets()) {
    const url = sheet.getFormUrl();
    if (!url) continue;
    let linked = '';
    try {
      linked = FormApp.openByUrl(url).getId();
    } catch {
      continue; // a form this user cannot open is not this one
    }
    if (linked !== formId) continue;
    PropertiesService.getDocumentProperties().setProperty(sheetProperty(spec), String(sheet.getSheetId()));
    // Evidence, not a place to type: a back-dated row or a forged one must not be registered.
    protectResponseSheet(new SheetIndex(ss), sheet);
    return sheet;
  }
  return null;
}

/**
 * The linked response sheet. A form made before the sheet was remembered (an earlier version) is linked
 * on first use through its stored form id, so an upgrade needs no menu action.
 */
function responseSheet(ss: Spreadsheet, sheets: SheetIndex, spec: JournalSpec<SheetSpec>): Sheet {
  const props = PropertiesService.getDocumentProperties();
  const id = Number(props.getProperty(sheetProperty(spec)) ?? NaN);
  let sheet = Number.isInteger(id) ? sheets.byId(id) : null;
  const formId = spec.formIdProperty ? props.getProperty(spec.formIdProperty) : null;
  if (!sheet && formId) {
    const linked = linkResponseSheet(ss, spec, formId);
    sheet = linked && sheets.byId(linked.getSheetId());
  }
  if (!sheet) {
    throw tilskuddError(
      `Arket med svarene fra ${spec.label.nb} er ikke kjent (eller slettet). Velg Tilskudd › Søknader og vurdering › Opprett søknadsskjema og behold skjemaet, så kobles arket til igjen.`,
      `The sheet with the responses of the ${spec.label.en} is not known (or deleted). Choose Tilskudd › Applications and assessment › Create application form and keep the form to link it again.`,
    );
  }
  return sheet;
}

/**
 * Registers those of `responses` whose key is not in the target sheet, in one write per sheet, after
 * checking every header and cell length. Call it holding the lock. Returns the registered ids.
 */
export function registerResponses<S extends SheetSpec>(
  spec: JournalSpec<S>,
  ss: Spreadsheet,
  sheets: SheetIndex,
  responses: FormResponse[],
  responseSheetName: string,
  user: string,
): string[] {
  const timeZone = ss.getSpreadsheetTimeZone();
  const sheet = sheets.require(spec.target);
  const values = readValues(sheet, timeZone);
  const columns = mapHeaders(spec.target, values[0] ?? []);
  const missing = [spec.keyField, spec.otherField]
    .map((key) => spec.target.fields.find((f) => f.key === key)!)
    .filter((f) => columns[f.key as FieldKey<S>] === undefined);
  if (missing.length > 0) {
    const list = missing.map((f) => `«${f.header}»`).join(', ');
    throw tilskuddError(
      `Arket «${spec.target.name}» mangler ${list}, som skjemasvarene trenger. Velg Tilskudd › Sett opp arbeidsboka for å legge til kolonnene. Ingen svar er tapt: de registreres når kolonnene finnes.`,
      `The "${spec.target.name}" sheet lacks ${list.replace(/[«»]/g, '"')}, which the form responses need. Choose Tilskudd › Set up workbook to add them. No response is lost: they are registered once the columns exist.`,
    );
  }
  const keyCol = columns[spec.keyField]!;
  const fresh = unregistered(
    responses,
    values.slice(1).map((row) => cellText(row[keyCol])),
  );
  if (fresh.length === 0) return [];
  const plan = spec.plan({
    ss,
    sheets,
    timeZone,
    lang: langOf(ss),
    responses: fresh,
    responseSheetName,
    target: { sheet, values, columns },
  });
  // Everything is checked before the first write: a refused cell refuses the whole batch.
  for (const { sheet: s, rows } of plan.appends) {
    const over = overLimit(rows);
    if (over) {
      const name = sheets.nameOf(s);
      throw tilskuddError(
        `En celle i arket «${name}» (kolonne ${columnLetter(over[1] + 1)}) ville fått mer enn 50 000 tegn. Ingenting er skrevet.`,
        `A cell in the "${name}" sheet (column ${columnLetter(over[1] + 1)}) would get more than 50,000 characters. Nothing was written.`,
      );
    }
  }
  // Logg first: it is the protected sheet, so a refusal by Google (an installer whose role changed)
  // comes before any row is written, and the response waits for the sweep whole.
  appendLog(sheets, user, plan.log);
  // The append row is read again just before writing: a row typed meanwhile is never overwritten.
  for (const { sheet: s, rows } of plan.appends) appendRows(s, s.getLastRow(), rows);
  plan.commit?.();
  return plan.ids;
}

/** Registers every response of the response sheet not yet registered. Call it holding the lock. */
export function sweepResponses<S extends SheetSpec>(
  spec: JournalSpec<S>,
  ss: Spreadsheet,
  sheets: SheetIndex,
  user: string,
): string[] {
  const journal = responseSheet(ss, sheets, spec);
  const range = journal.getDataRange();
  const responses = responsesOf(range.getDisplayValues(), range.getValues());
  return registerResponses(spec, ss, sheets, responses, sheets.nameOf(journal), user);
}

/** Why an event is not one Google's trigger of this project made for this journal, or null if it is. */
function forgedEventReason(e: unknown, sheetId: number | null): string | null {
  const event = (e ?? {}) as { triggerUid?: unknown; range?: { getSheet?: unknown } };
  if (typeof event.triggerUid !== 'string') return 'no triggerUid';
  if (!ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === event.triggerUid))
    return 'triggerUid is not a trigger of this project';
  if (sheetId === null) return null;
  if (typeof event.range?.getSheet !== 'function') return 'no range';
  const range = event.range as GoogleAppsScript.Spreadsheet.Range;
  if (range.getSheet().getSheetId() !== sheetId) return 'range is not on the response sheet';
  return null;
}

/** Whether `e` is an event of one of this project's installed triggers (time-driven ones included). */
export const isTriggerEvent = (e: unknown): boolean => forgedEventReason(e, null) === null;

export type SubmitOutcome =
  | { status: 'refused'; reason: string }
  | { status: 'blank' }
  | { status: 'left for the sweep'; reason: string }
  | { status: 'done'; registered: string[] };

/**
 * The form-submit trigger: only a real event (its `range` on the response sheet, its `triggerUid` among
 * the project's triggers) registers, and only the row it points at. A busy lock or a failed precondition
 * writes nothing and is logged, not thrown: the response stays in the journal for the sweep.
 */
export function handleSubmitEvent<S extends SheetSpec>(spec: JournalSpec<S>, e: unknown): SubmitOutcome {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = new SheetIndex(ss);
  let journal: Sheet;
  try {
    journal = responseSheet(ss, sheets, spec);
  } catch (error) {
    return leave(spec, error);
  }
  const reason = forgedEventReason(e, journal.getSheetId());
  if (reason) {
    console.warn(`Tilskudd (${spec.id}): event ignored, ${reason}; nothing written.`);
    return { status: 'refused', reason };
  }
  const row = (e as { range: GoogleAppsScript.Spreadsheet.Range }).range.getRow();
  try {
    return inLock(() => {
      const width = journal.getLastColumn();
      const header = journal.getRange(1, 1, 1, width).getDisplayValues()[0]!;
      const cells = journal.getRange(row, 1, 1, width);
      const response = responseOf(header, cells.getDisplayValues()[0]!, row, cells.getValues()[0]![0]);
      if (isBlankSubmission(response.answers)) return { status: 'blank' } as const;
      const user = Session.getEffectiveUser().getEmail();
      const registered = registerResponses(spec, ss, sheets, [response], sheets.nameOf(journal), user);
      return { status: 'done', registered } as const;
    });
  } catch (error) {
    return leave(spec, error, `row ${row} of "${journal.getName()}" left for the sweep`);
  }
}

/** A refusal the sweep will retry: logged for the trigger's execution log, not thrown (no failure mails). */
function leave(spec: { id: string }, error: unknown, what = 'response left for the sweep'): SubmitOutcome {
  const known = error instanceof TilskuddError ? error : protectionError(error);
  if (!known) throw error;
  console.warn(`Tilskudd (${spec.id}): ${what}: ${known.reason.en}`);
  return { status: 'left for the sweep', reason: known.reason.en };
}

/** The hourly sweep trigger: logs what it did or why it could not, never throws for a refusal. */
export function sweepFromTrigger<S extends SheetSpec>(spec: JournalSpec<S>): SubmitOutcome {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  try {
    const registered = inLock(() =>
      sweepResponses(spec, ss, new SheetIndex(ss), Session.getEffectiveUser().getEmail()),
    );
    console.log(`Tilskudd (${spec.id}): sweep registered ${registered.length} response(s).`);
    return { status: 'done', registered };
  } catch (error) {
    return leave(spec, error, 'sweep stopped, responses left for the next one');
  }
}
