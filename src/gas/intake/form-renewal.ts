import type { Lang } from '../../core/base/result';
import type { SheetSpec } from '../../core/workbook/contract';
import type { Settings } from '../../core/workbook/settings';
import { inLock } from '../platform/desk';
import { appendLog } from '../platform/log';
import { documentProperties } from '../platform/properties';
import type { SheetIndex, Spreadsheet } from '../platform/sheets';
import { installTriggers, triggerNote } from '../platform/triggers';
import { markReplaced, oldFormUntil, renewQuestion } from './form';
import { linkResponseSheet, replaceJournalForm, type JournalSpec } from './journal';

type Form = GoogleAppsScript.Forms.Form;

/** A form the desk makes and journals by case or region (the status form, the regions' input form). */
export interface JournaledForm {
  journal: JournalSpec<SheetSpec>;
  /** The document property holding the current form's id. */
  idProperty: string;
  /** «Statusskjemaet»: the subject of the question asked before it is made again. */
  what: { nb: string; en: string };
  /** The menu item that makes it: the `Logg` action, and what to run again when the sheet was not found. */
  menu: { nb: string; en: string };
}

export interface MadeForm {
  form: Form;
  /** What the member is told about the triggers ('' when nothing changed). */
  triggers: string;
  /** Where the responses are kept, or what to do when the response sheet was not found yet. */
  responses: string;
}

/**
 * Makes a journaled form, asking first when one was made before: links already sent point to the old
 * form, which stays open `Gammelt skjema åpent (dager)` days with a notice of the new one and its
 * responses still registered. `prepare` runs in the lock before the many Forms calls, which run outside
 * it; the journal, the triggers, the response sheet and the `Logg` line are recorded in the lock after.
 * null: the member chose not to make it again.
 */
export function makeJournaledForm(
  desk: { ss: Spreadsheet; sheets: SheetIndex; user: string; lang: Lang },
  settings: Settings,
  spec: JournaledForm,
  prepare: () => void,
  make: () => Form,
): MadeForm | null {
  const { ss, sheets, user, lang } = desk;
  const oldId = documentProperties().getProperty(spec.idProperty);
  let oldForm: Form | null = null;
  if (oldId) {
    try {
      oldForm = FormApp.openById(oldId);
    } catch {
      // deleted, or another member's: asked about below all the same
    }
    const ui = SpreadsheetApp.getUi();
    const url = oldForm ? oldForm.getPublishedUrl() : oldId;
    if (ui.alert(renewQuestion(spec.what, url, settings, lang), ui.ButtonSet.YES_NO) !== ui.Button.YES)
      return null;
  }
  inLock(prepare);
  const until = oldFormUntil(settings);
  const form = make();
  if (oldForm) markReplaced(oldForm, form.getPublishedUrl(), until, sheets.timeZone(), lang);
  const [installed, linked] = inLock(() => {
    if (oldId) replaceJournalForm(spec.journal, { ss, sheets, user }, oldId, until);
    const triggers = installTriggers(ss, user);
    const sheet = linkResponseSheet(ss, spec.journal, form);
    appendLog(sheets, user, [{ action: spec.menu.nb, after: form.getPublishedUrl() }]);
    return [triggers, sheet ? sheet.getName() : null] as const;
  });
  const nb = lang === 'nb';
  const responses = linked
    ? nb
      ? ` Alle svar lagres også i arket «${linked}»; det som ikke kom inn, registreres hver time.`
      : ` Every response is also kept in the "${linked}" sheet; any that did not arrive is registered hourly.`
    : nb
      ? ` Fant ikke arket med skjemasvarene; kjør ${spec.menu.nb} igjen om litt.`
      : ` The form responses sheet was not found; run ${spec.menu.en} again shortly.`;
  return { form, triggers: triggerNote(installed, nb), responses };
}
