import {
  CASE_QUESTION,
  CODE_QUESTION,
  STATUS_FORM,
  STATUS_FORM_DESCRIPTION,
  STATUS_FORM_TITLE,
} from '../../core/follow-up/status-form';
import { STATUS_REPORTS, SETTINGS_SHEET, mapHeaders } from '../../core/workbook/contract';
import { readSettings } from '../../core/portfolio/records';
import { tilskuddError } from '../../core/base/errors';
import type { Lang } from '../../core/base/result';
import type { Settings } from '../../core/workbook/settings';
import { withDesk } from '../platform/desk';
import { addQuestion, openForm } from '../intake/form';
import { makeJournaledForm, type JournaledForm } from '../intake/form-renewal';
import { STATUS_FORM_ID_PROPERTY, STATUS_JOURNAL, STATUS_LINK } from './status-intake';
import type { Spreadsheet } from '../platform/sheets';
import { CODE_PLACEHOLDER, KEY_PLACEHOLDER, keepLinkTemplate } from '../intake/form-link';
import { ensureMarks } from '../workbook/assessment-marks';
import { documentProperties } from '../platform/properties';

/**
 * The status form: generated from the status schema (`src/core/follow-up/status-form.ts`, the same one
 * the intake maps answers with), sent to this spreadsheet beside the application form, its responses
 * registered and reminders sent by the document's two triggers (`platform/triggers.ts`). Its prefilled link (case id filled in) is made once
 * here and kept, so reminders need no Forms call.
 */

type Form = GoogleAppsScript.Forms.Form;

/** Whether this spreadsheet has a status form (its responses are then swept with the applications'). */
export const hasStatusForm = (): boolean =>
  documentProperties().getProperty(STATUS_FORM_ID_PROPERTY) !== null;

export function createStatusForm(ss: Spreadsheet, settings: Settings, lang: Lang): Form {
  const form = FormApp.create(STATUS_FORM_TITLE[lang]);
  form.setDescription(STATUS_FORM_DESCRIPTION[lang]);
  form.setConfirmationMessage(
    lang === 'nb'
      ? 'Takk! Rapporten er registrert hos porteføljesekretariatet.'
      : 'Thank you! The report is registered with the portfolio secretariat.',
  );
  let caseItem: GoogleAppsScript.Forms.TextItem | null = null;
  let codeItem: GoogleAppsScript.Forms.TextItem | null = null;
  STATUS_FORM.forEach((section, i) => {
    const header = i === 0 ? form.addSectionHeaderItem() : form.addPageBreakItem();
    header.setTitle(section.title[lang]);
    if (section.help) header.setHelpText(section.help[lang]);
    for (const question of section.questions) {
      const item = addQuestion(form, question, settings, lang);
      if (question === CASE_QUESTION) caseItem = item as GoogleAppsScript.Forms.TextItem;
      if (question === CODE_QUESTION) codeItem = item as GoogleAppsScript.Forms.TextItem;
    }
  });
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  openForm(form); // published, accepting responses, a submitted report final
  keepLinkTemplate(
    STATUS_LINK,
    form
      .createResponse()
      .withItemResponse(caseItem!.createResponse(KEY_PLACEHOLDER))
      .withItemResponse(codeItem!.createResponse(CODE_PLACEHOLDER)),
  );
  documentProperties().setProperty(STATUS_FORM_ID_PROPERTY, form.getId());
  return form;
}

const STATUS_FORM_SPEC: JournaledForm = {
  journal: STATUS_JOURNAL,
  idProperty: STATUS_FORM_ID_PROPERTY,
  what: { nb: 'Statusskjemaet', en: 'The status form' },
  menu: { nb: 'Opprett statusskjema', en: 'Create status form' },
};

/** Menu *Opprett statusskjema*: the form, its submit trigger and the daily reminder trigger. */
export function createStatusFormMenu(): void {
  withDesk(
    ({ ss, sheets, lang, user }) => {
      const nb = lang === 'nb';
      const reports = sheets.find(STATUS_REPORTS);
      if (!reports) {
        throw tilskuddError(
          'Arbeidsboka mangler arket «Statusrapporter», som statusskjemaet skriver til. Velg Tilskudd › Sett opp arbeidsboka først.',
          'The workbook has no "Statusrapporter" sheet, which the status form writes to. Choose Tilskudd › Set up workbook first.',
        );
      }
      const header = reports.getRange(1, 1, 1, Math.max(reports.getLastColumn(), 1)).getValues()[0]!;
      if (mapHeaders(STATUS_REPORTS, header).responseKey === undefined) {
        throw tilskuddError(
          'Arket «Statusrapporter» mangler kolonnen «Svar-ID», som hindrer at samme svar registreres to ganger. Velg Tilskudd › Sett opp arbeidsboka først.',
          'The "Statusrapporter" sheet has no "Svar-ID" column, which keeps a response from being registered twice. Choose Tilskudd › Set up workbook first.',
        );
      }
      const settingsSheet = sheets.find(SETTINGS_SHEET);
      const settings = readSettings(
        settingsSheet ? { [SETTINGS_SHEET.name]: sheets.values(settingsSheet) } : {},
      );
      // The key the links' codes are made with (kept, so codes stay valid when a form is made again).
      const made = makeJournaledForm(
        { ss, sheets, user, lang },
        settings,
        STATUS_FORM_SPEC,
        () => ensureMarks(sheets),
        () => createStatusForm(ss, settings, lang),
      );
      if (!made) return;
      const { form, responses: journal, triggers: note } = made;
      SpreadsheetApp.getUi().alert(
        (nb
          ? `Statusskjemaet er laget.\n\nLenke til prosjektene: ${form.getPublishedUrl()}\nRediger: ${form.getEditUrl()}\n\nSvarene kommer inn i arket Statusrapporter. Påminnelser sendes daglig når «Påminnelser på e-post» er Ja (nå: ${settings.emailReminders ? 'Ja' : 'Nei'}), med saksnummeret fylt inn i lenken.${journal}`
          : `The status form is ready.\n\nLink for projects: ${form.getPublishedUrl()}\nEdit: ${form.getEditUrl()}\n\nResponses arrive in the Statusrapporter sheet. Reminders go out daily when "Påminnelser på e-post" is Ja (now: ${settings.emailReminders ? 'Ja' : 'Nei'}), with the case ID filled in.${journal}`) +
          (note === '' ? '' : `\n\n${note}`),
      );
    },
    { action: 'intake', lock: false },
  );
}
