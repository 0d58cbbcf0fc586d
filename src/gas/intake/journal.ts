import type { Lang, Reason } from '../../core/base/result';
import { TilskuddError, tilskuddError } from '../../core/base/errors';
import { cellText, isDate } from '../../core/base/text';
import { overLimit } from '../../core/workbook/cell-limit';
import { columnLetter, mapHeaders, type FieldKey, type SheetSpec } from '../../core/workbook/contract';
import {
  isBlankSubmission,
  isTimestampTitle,
  responseOf,
  responsesOf,
  sameAnswers,
  unregistered,
  type FormResponse,
} from '../../core/intake/journal';
import { inLock } from '../platform/desk';
import { TEXT, langOf } from '../platform/i18n';
import { clearStuck, recordStuck } from '../platform/intake-health';
import { protectResponseSheet, protectionError } from '../platform/protect';
import { appendLog, type LogEntry } from '../platform/log';
import { SheetIndex, appendAtEnd, wallClock, type Sheet, type Spreadsheet } from '../platform/sheets';
import { documentProperties } from '../platform/properties';
import { existingHasher, type Hasher } from '../platform/signing';

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
  /**
   * Runs after every write, still under the lock (high-water marks, receipts); returns `Logg` lines for
   * what it could not do (a receipt Google refused).
   */
  commit?: () => LogEntry[];
  /** What was registered (case ids), for the report. */
  ids: string[];
}

type Form = GoogleAppsScript.Forms.Form;

const sheetProperty = (spec: { id: string }) => `tilskudd.${spec.id}.responseSheet`;
/** Where the response sheet was last seen by name: finding it by id then takes one call, not one per sheet. */
const nameProperty = (spec: { id: string }) => `tilskudd.${spec.id}.responseSheetName`;
const questionsProperty = (spec: { id: string }) => `tilskudd.${spec.id}.questions`;
/** The journal's form: its id and when it was made (`{ id, created }`, created in ms). */
const formProperty = (spec: { id: string }) => `tilskudd.${spec.id}.form`;

/**
 * The form's question titles, kept with the journal (a document property) so that every member knows
 * which columns of the response sheet are the form's, even one who cannot open another member's form.
 * `others` are titles found not to be questions (a person's own columns), so the form is not opened again
 * for them.
 */
interface KnownQuestions {
  formId: string;
  titles: string[];
  others: string[];
}

/** Items that take no answer have no column in the response sheet. */
const NOT_QUESTIONS = new Set(['SECTION_HEADER', 'PAGE_BREAK', 'IMAGE', 'VIDEO']);

function rememberQuestions(spec: { id: string }, form: Form, others: string[] = []): KnownQuestions {
  const titles = form
    .getItems()
    .filter((item) => !NOT_QUESTIONS.has(String(item.getType())))
    .map((item) => item.getTitle().trim());
  const known = { formId: form.getId(), titles, others: others.filter((t) => !titles.includes(t)) };
  documentProperties().setProperty(questionsProperty(spec), JSON.stringify(known));
  return known;
}

function readKnown(text: string | null): KnownQuestions | null {
  try {
    const known = JSON.parse(text ?? 'null') as Partial<KnownQuestions> | null;
    if (
      known &&
      typeof known.formId === 'string' &&
      Array.isArray(known.titles) &&
      Array.isArray(known.others)
    )
      return { formId: known.formId, titles: known.titles.map(String), others: known.others.map(String) };
  } catch {
    // a damaged property is no knowledge
  }
  return null;
}

/**
 * Which titled columns of `header` are the form's questions. A title not yet known (a question renamed
 * or added, or a person's own column) makes it ask the form again when this user can open it; otherwise
 * the kept titles hold. Null when nothing is known (a form of an earlier version no one can open here):
 * then every titled column counts, as it did.
 */
function questionColumns(
  spec: JournalSpec<SheetSpec>,
  header: readonly string[],
): ((title: string) => boolean) | null {
  const props = documentProperties();
  let known = readKnown(props.getProperty(questionsProperty(spec)));
  const titled = header.map((t) => String(t ?? '').trim()).filter((t) => t !== '' && !isTimestampTitle(t));
  const unknown = titled.filter((t) => !known || (!known.titles.includes(t) && !known.others.includes(t)));
  const formId = known?.formId ?? (spec.formIdProperty ? props.getProperty(spec.formIdProperty) : null);
  if (unknown.length > 0 && formId) {
    try {
      known = rememberQuestions(spec, FormApp.openById(formId), titled);
    } catch {
      // a form this user cannot open: the titles kept when it was made
    }
  }
  if (!known) return null;
  const titles = new Set(known.titles);
  return (title) => titles.has(title.trim());
}

/**
 * Remembers which sheet holds the form's responses (by sheet id, which survives renaming); returns it,
 * or null when none links to the form yet. Google names it *Skjemasvar 1* / *Form Responses 1*.
 */
export function linkResponseSheet(ss: Spreadsheet, spec: { id: string }, form: Form): Sheet | null {
  const formId = form.getId();
  rememberQuestions(spec, form);
  const props = documentProperties();
  if (journalForm(spec)?.id !== formId)
    props.setProperty(formProperty(spec), JSON.stringify({ id: formId, created: Date.now() }));
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
    documentProperties().setProperties({
      [sheetProperty(spec)]: String(sheet.getSheetId()),
      [nameProperty(spec)]: sheet.getName(),
    });
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
  const props = documentProperties();
  const hint = props.getProperty(nameProperty(spec));
  let sheet = keptResponseSheet(sheets, spec);
  if (sheet && sheets.nameOf(sheet) !== hint) props.setProperty(nameProperty(spec), sheets.nameOf(sheet));
  const formId = spec.formIdProperty ? props.getProperty(spec.formIdProperty) : null;
  if (!sheet && formId) {
    let form: Form | null = null;
    try {
      form = FormApp.openById(formId);
    } catch {
      // a form this user cannot open: the message below
    }
    const linked = form && linkResponseSheet(ss, spec, form);
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

/** The response sheet the journal keeps (by sheet id), or null; reads only, links nothing. */
export function keptResponseSheet(sheets: SheetIndex, spec: { id: string }): Sheet | null {
  const props = documentProperties();
  const id = Number(props.getProperty(sheetProperty(spec)) ?? NaN);
  return Number.isInteger(id) ? sheets.byId(id, props.getProperty(nameProperty(spec))) : null;
}

/** The journal's form as kept: its id and when it was made (null for a form of an earlier version). */
export function journalForm(spec: { id: string }): { id: string; created: number } | null {
  try {
    const kept = JSON.parse(documentProperties().getProperty(formProperty(spec)) ?? 'null') as {
      id?: unknown;
      created?: unknown;
    } | null;
    if (kept && typeof kept.id === 'string' && typeof kept.created === 'number')
      return { id: kept.id, created: kept.created };
  } catch {
    // a damaged property is no knowledge
  }
  return null;
}

/**
 * A form made again: the old one's journal while it stays open (`Gammelt skjema åpent (dager)`), under
 * its own id so its response sheet, questions and form are kept beside the new form's.
 */
export function retiringJournal<S extends SheetSpec>(spec: JournalSpec<S>): JournalSpec<S> | null {
  const retiring = { ...spec, id: `${spec.id}.old`, formIdProperty: `tilskudd.${spec.id}.old.formId` };
  return hasForm(retiring) ? retiring : null;
}

const untilProperty = (spec: { id: string }) => `tilskudd.${spec.id}.old.until`;

/**
 * Keeps the current form's journal (response sheet, questions, form) as the retiring one, open until
 * `until` (ms); call it holding the lock, before the new form is linked. Returns the form it replaces as
 * retiring (already retiring from an earlier renewal) so that it can be closed now, or null.
 */
export function retireJournal(spec: JournalSpec<SheetSpec>, formId: string, until: number): string | null {
  const props = documentProperties();
  const old = { id: `${spec.id}.old` };
  const previous = props.getProperty(`tilskudd.${spec.id}.old.formId`);
  for (const key of [sheetProperty, nameProperty, questionsProperty, formProperty]) {
    const value = props.getProperty(key(spec));
    if (value === null) props.deleteProperty(key(old));
    else props.setProperty(key(old), value);
  }
  props.setProperties({
    [`tilskudd.${spec.id}.old.formId`]: formId,
    [untilProperty(spec)]: String(until),
  });
  return previous !== null && previous !== formId ? previous : null;
}

/** When the retiring form is to be closed (ms), or null when none is retiring. */
export function retiringUntil(spec: { id: string }): number | null {
  const text = documentProperties().getProperty(untilProperty(spec));
  return text === null ? null : Number(text);
}

/**
 * Closes a retired form to responses and unlinks it from the spreadsheet (its response sheet stays, with
 * every row). Throws when this user cannot open or change the form.
 */
export function closeForm(formId: string): void {
  const form = FormApp.openById(formId);
  if (form.supportsAdvancedResponderPermissions() && form.isPublished()) form.setPublished(false);
  else form.setAcceptingResponses(false);
  try {
    form.removeDestination();
  } catch {
    // already unlinked
  }
}

/**
 * A form made again: the current one becomes the retiring journal, open until `until`; a form still
 * retiring from an earlier renewal is swept and closed now. Call it holding the lock, before the new
 * form is linked.
 */
export function replaceJournalForm(
  spec: JournalSpec<SheetSpec>,
  desk: { ss: Spreadsheet; sheets: SheetIndex; user: string },
  oldFormId: string,
  until: number,
): void {
  const earlier = retiringJournal(spec);
  if (earlier) {
    try {
      sweepResponses(earlier, desk.ss, desk.sheets, desk.user);
    } catch (error) {
      if (!(error instanceof TilskuddError)) throw error;
    }
  }
  const previous = retireJournal(spec, oldFormId, until);
  if (!previous) return;
  try {
    closeForm(previous);
  } catch (error) {
    console.warn(`Tilskudd (${spec.id}): an older form could not be closed: ${String(error)}`);
  }
}

/** Forgets the retiring journal (its sheet and rows stay). Call it holding the lock. */
export function forgetRetiring(spec: { id: string }): void {
  const props = documentProperties();
  const old = { id: `${spec.id}.old` };
  for (const key of [
    sheetProperty(old),
    nameProperty(old),
    questionsProperty(old),
    formProperty(old),
    flaggedProperty(old),
  ])
    props.deleteProperty(key);
  props.deleteProperty(`tilskudd.${spec.id}.old.formId`);
  props.deleteProperty(untilProperty(spec));
}

/** The journal's response sheet, or null when its form has none here (yet) or cannot be opened. */
export function findResponseSheet(
  ss: Spreadsheet,
  sheets: SheetIndex,
  spec: JournalSpec<SheetSpec>,
): Sheet | null {
  try {
    return responseSheet(ss, sheets, spec);
  } catch (error) {
    if (error instanceof TilskuddError) return null;
    throw error;
  }
}

/** Whether a form was made for the journal (its id is kept), so there is a response sheet to watch. */
export const hasForm = (spec: { formIdProperty?: string }): boolean =>
  spec.formIdProperty !== undefined && documentProperties().getProperty(spec.formIdProperty) !== null;

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
  vet?: Vet,
): string[] {
  const timeZone = sheets.timeZone();
  const sheet = sheets.require(spec.target);
  const values = sheets.values(sheet);
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
  const hash = existingHasher();
  const pending = unregistered(
    responses,
    registeredKeys(
      spec.target,
      values.slice(1).map((row) => cellText(row[keyCol])),
      hash,
    ),
  );
  // Rows the evidence does not bear out are flagged (a Logg line, once) and left unregistered.
  const vetted: Vetted = vet && pending.length > 0 ? vet(pending) : { keep: pending, log: [] };
  const fresh = vetted.keep;
  if (fresh.length === 0) {
    appendLog(sheets, user, vetted.log);
    vetted.commit?.();
    return [];
  }
  const plan = spec.plan({
    ss,
    sheets,
    timeZone,
    lang: langOf(ss),
    responses: fresh,
    responseSheetName,
    target: { sheet, values, columns },
  });
  // The target's rows carry each key with its mark (`keyCell`), whatever the plan wrote there.
  for (const append of plan.appends) {
    if (append.sheet !== sheet) continue; // the batch's own target object: no call
    append.rows = append.rows.map((row) =>
      row.map((value, c) => (c === keyCol && value !== '' ? keyCell(cellText(value), hash) : value)),
    );
  }
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
  appendLog(sheets, user, [...vetted.log, ...plan.log]);
  // The append row is read again just before writing: a row typed meanwhile is never overwritten.
  for (const { sheet: s, rows } of plan.appends) appendAtEnd(s, rows);
  const more = plan.commit?.() ?? [];
  vetted.commit?.();
  if (more.length > 0) appendLog(sheets, user, more);
  return plan.ids;
}

/**
 * `Svar-ID` as the intake writes it: the response's key and a keyed mark over it (`<key>.<mark>`), so a
 * pending response's key typed by a person does not count as registered. Plain keys (earlier versions,
 * or no secret yet) count until set-up has marked the keys there (`markResponseKeys`).
 */
const KEY_PURPOSE = 'response';
/** Per target sheet (keys may be registered in it by more than one journal: a form made again). */
const keysMarkedProperty = (target: SheetSpec) => `tilskudd.responseKeys.marked.${target.name}`;
const MARKED_KEY = /^([0-9a-z]+)\.(k[0-9a-f]{20})$/;

const keyCell = (key: string, hash: Hasher | null): string =>
  hash ? `${key}.${hash(KEY_PURPOSE, [key])}` : key;

/**
 * The keys a `Svar-ID` column registers. Until set-up has marked the keys there (an upgrade, or a copy of
 * the spreadsheet, whose secret is its own), every key counts, marked or not; from then on only a marked
 * key whose mark holds.
 */
function registeredKeys(target: SheetSpec, cells: readonly string[], hash: Hasher | null): string[] {
  const everyKey = !hash || documentProperties().getProperty(keysMarkedProperty(target)) === null;
  const out: string[] = [];
  for (const cell of cells) {
    const text = cell.trim();
    const marked = MARKED_KEY.exec(text);
    if (everyKey) out.push(marked ? marked[1]! : text);
    else if (marked && hash!(KEY_PURPOSE, [marked[1]!]) === marked[2]) out.push(marked[1]!);
  }
  return out;
}

/**
 * Set-up (under the lock, after the secret exists): marks every key in the key column of each journal's
 * target sheet with this spreadsheet's secret, once per sheet (the one who runs set-up vouches for them;
 * a copy's keys were marked with its master's), one write per sheet; from then on a key typed there by a
 * person does not count. A journal not listed keeps counting every key in its sheet.
 */
export function markResponseKeys(sheets: SheetIndex, journals: ReadonlyArray<JournalSpec<SheetSpec>>): void {
  const props = documentProperties();
  const hash = existingHasher();
  if (!hash) return;
  for (const { target: spec, keyField } of journals) {
    if (props.getProperty(keysMarkedProperty(spec)) !== null) continue;
    const sheet = sheets.find(spec);
    const values = sheet ? sheets.values(sheet) : [];
    const col = sheet ? mapHeaders(spec, values[0] ?? [])[keyField] : undefined;
    if (sheet && col !== undefined && values.length > 1) {
      const cells = values.slice(1).map((row) => cellText(row[col]).trim());
      const marked = cells.map((text) =>
        text === '' ? text : keyCell(MARKED_KEY.exec(text)?.[1] ?? text, hash),
      );
      if (marked.some((text, i) => text !== cells[i]))
        sheet.getRange(2, col + 1, marked.length, 1).setValues(marked.map((text) => [text]));
    }
    props.setProperty(keysMarkedProperty(spec), new Date().toISOString());
  }
}

/** Registers every response of the response sheet not yet registered. Call it holding the lock. */
export function sweepResponses<S extends SheetSpec>(
  spec: JournalSpec<S>,
  ss: Spreadsheet,
  sheets: SheetIndex,
  user: string,
): string[] {
  const journal = responseSheet(ss, sheets, spec);
  const registered = sweepSheet(spec, ss, sheets, journal, user);
  // A response sheet that no longer belongs to its form (unlinked and linked again in Google Forms, which
  // makes a new sheet): what it holds is registered above, then the form's sheet is linked and swept.
  const formId =
    journalForm(spec)?.id ?? (spec.formIdProperty ? props().getProperty(spec.formIdProperty) : null);
  const url = journal.getFormUrl() ?? '';
  if (!formId || url.includes(formId)) return registered;
  let form: Form;
  try {
    form = FormApp.openById(formId);
    if (url !== '' && FormApp.openByUrl(url).getId() === formId) return registered;
  } catch {
    return registered; // a form this user cannot open: the sheet stays as it is
  }
  const relinked = linkResponseSheet(ss, spec, form);
  if (!relinked || relinked.getSheetId() === journal.getSheetId()) return registered;
  const again = sheets.byId(relinked.getSheetId());
  return again ? [...registered, ...sweepSheet(spec, ss, sheets, again, user)] : registered;
}

const props = () => documentProperties();

function sweepSheet<S extends SheetSpec>(
  spec: JournalSpec<S>,
  ss: Spreadsheet,
  sheets: SheetIndex,
  journal: Sheet,
  user: string,
): string[] {
  const range = journal.getDataRange();
  const display = range.getDisplayValues();
  const responses = responsesOf(display, range.getValues(), questionColumns(spec, display[0] ?? []));
  const name = sheets.nameOf(journal);
  return registerResponses(spec, ss, sheets, responses, name, user, vetter(spec, name, sheets.timeZone()));
}

/** Rows not yet registered → those to register, and the `Logg` lines of those flagged instead. */
type Vet = (pending: FormResponse[]) => Vetted;
interface Vetted {
  keep: FormResponse[];
  log: LogEntry[];
  /** Runs after the writes: remembers what was flagged, so each is logged once. */
  commit?: () => void;
}

/** Between a row's timestamp and its response's (Sheets and Forms may round differently). */
const SAME_RESPONSE_MS = 2000;
/** A form is published a little before it is linked (and its time kept): rows that early still count. */
const BEFORE_FORM_MS = 10 * 60_000;
/** The keys of rows flagged and logged, newest last; older ones are forgotten (and logged again). */
const flaggedProperty = (spec: { id: string }) => `tilskudd.${spec.id}.flagged`;
const FLAGGED_KEPT = 200;

/** A raw cell as the form would have the answer: a date as its day (and time, when it has one). */
function formAnswerOf(value: unknown, timeZone: string): string {
  if (!isDate(value)) return String(value ?? '');
  const iso = wallClock(value, timeZone).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * The response sheet is evidence, not authority: a person who may type there (those who take in
 * responses) could add a row. Where this user can open the form, each pending row must be one of the
 * form's own responses (`getResponses`, one call per sweep, only when rows are pending): the same
 * timestamp and the same answers. Where the form cannot be opened (another member's form), only a row
 * dated before the form was made is caught; the rest is registered as before (docs/known-limits.md).
 */
function vetter(spec: JournalSpec<SheetSpec>, sheetName: string, timeZone: string): Vet {
  return (pending) => {
    const kept = journalForm(spec);
    const formId = kept?.id ?? (spec.formIdProperty ? props().getProperty(spec.formIdProperty) : null);
    let sent: Map<number, unknown[][]> | null = null;
    if (formId) {
      try {
        const bySecond = new Map<number, unknown[][]>();
        for (const r of FormApp.openById(formId).getResponses()) {
          const second = Math.floor(r.getTimestamp().getTime() / 1000);
          const answers = r.getItemResponses().map((i) => i.getResponse());
          bySecond.set(second, [...(bySecond.get(second) ?? []), answers]);
        }
        sent = bySecond;
      } catch {
        sent = null; // a form this user cannot open: the weaker check below
      }
    }
    const store = props();
    let flagged: string[] = [];
    try {
      const parsed = JSON.parse(store.getProperty(flaggedProperty(spec)) ?? '[]') as unknown;
      if (Array.isArray(parsed)) flagged = parsed.map(String);
    } catch {
      // a damaged list logs its rows again
    }
    const keep: FormResponse[] = [];
    const log: LogEntry[] = [];
    const newly: string[] = [];
    for (const response of pending) {
      const time = isDate(response.timestamp) ? response.timestamp.getTime() : NaN;
      let why = '';
      if (sent) {
        const row = response.raw.map((v, i) => ({
          raw: formAnswerOf(v, timeZone),
          shown: response.shown[i] ?? '',
        }));
        const slack = Math.ceil(SAME_RESPONSE_MS / 1000);
        const candidates: unknown[][] = [];
        if (Number.isFinite(time))
          for (let s = Math.floor(time / 1000) - slack; s <= Math.floor(time / 1000) + slack; s++)
            candidates.push(...(sent.get(s) ?? []));
        if (!candidates.some((answers) => sameAnswers(row, answers)))
          why = 'skjemaet har ikke mottatt noe svar med dette tidsmerket og disse svarene';
      } else if (kept && Number.isFinite(time) && time < kept.created - BEFORE_FORM_MS) {
        why = `tidsmerket er fra før skjemaet ble laget (${new Date(kept.created).toISOString().slice(0, 10)})`;
      }
      if (why === '') {
        keep.push(response);
        continue;
      }
      if (flagged.includes(response.key) || newly.includes(response.key)) continue;
      newly.push(response.key);
      log.push({
        action: 'Skjemasvar ikke registrert',
        after: `rad ${response.row} i «${sheetName}» (${spec.label.nb}): ${why}. Raden er trolig skrevet inn i arket, ikke sendt fra skjemaet; den registreres ikke. Er den ekte, skriv søknaden eller rapporten inn for hånd.`,
      });
    }
    const all = [...flagged, ...newly].slice(-FLAGGED_KEPT);
    return {
      keep,
      log,
      commit:
        newly.length > 0 ? () => store.setProperty(flaggedProperty(spec), JSON.stringify(all)) : undefined,
    };
  };
}

/** Whether `e` is an event of one of this project's installed triggers (a forged call has no such id). */
export function isTriggerEvent(e: unknown): boolean {
  const uid = (e as { triggerUid?: unknown } | null | undefined)?.triggerUid;
  return typeof uid === 'string' && ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid);
}

export type SubmitOutcome =
  | { status: 'refused'; reason: string }
  | { status: 'blank' }
  | { status: 'left for the sweep'; reason: string }
  | { status: 'done'; registered: string[] };

/**
 * The form-submit trigger's work for one journal, once the router has found the event real (its
 * `triggerUid` among the project's triggers) and its `range` on this journal's response sheet `journal`:
 * registers only the row it points at. A busy lock or a failed precondition writes nothing and is
 * logged, not thrown: the response stays in the journal for the sweep.
 */
export function handleSubmitEvent<S extends SheetSpec>(
  spec: JournalSpec<S>,
  e: unknown,
  found: { ss: Spreadsheet; sheets: SheetIndex; journal: Sheet },
): SubmitOutcome {
  const { ss, sheets, journal } = found;
  // The event's range is the response's row (checked above to be on the response sheet): read through it.
  const cells = (e as { range: GoogleAppsScript.Spreadsheet.Range }).range;
  const row = cells.getRow();
  try {
    return inLock(() => {
      const display = cells.getDisplayValues()[0]!;
      // The header over the event's columns (it starts at column 1): its width is the row's, no call.
      const header = journal.getRange(1, 1, 1, display.length).getDisplayValues()[0]!;
      const isQuestion = questionColumns(spec, header);
      const response = responseOf(header, display, cells.getValues()[0]!, row, isQuestion);
      if (isBlankSubmission(response.answers)) return { status: 'blank' } as const;
      const user = Session.getEffectiveUser().getEmail();
      const registered = registerResponses(spec, ss, sheets, [response], sheets.nameOf(journal), user);
      clearStuck(spec.id);
      return { status: 'done', registered } as const;
    });
  } catch (error) {
    return leave(spec, error, `row ${row} of "${journal.getName()}" left for the sweep`);
  }
}

/** A refusal the sweep will retry: logged for the trigger's execution log, not thrown (no failure mails). */
function leave(
  spec: { id: string; label: Reason },
  error: unknown,
  what = 'response left for the sweep',
): SubmitOutcome {
  const known = error instanceof TilskuddError ? error : protectionError(error);
  if (!known) throw error;
  console.warn(`Tilskudd (${spec.id}): ${what}: ${known.reason.en}`);
  // A busy lock passes; anything else is recorded so that it is not only in the execution log.
  if (known.reason.en !== TEXT.busy.en) recordStuck(spec.id, spec.label, known.reason);
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
    clearStuck(spec.id);
    return { status: 'done', registered };
  } catch (error) {
    return leave(spec, error, 'sweep stopped, responses left for the next one');
  }
}
