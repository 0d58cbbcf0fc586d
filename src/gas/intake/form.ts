import {
  APPLICATION_FORM,
  FORM_DESCRIPTION,
  FORM_TITLE,
  NO,
  YES,
  questionTitle,
  type Question,
} from '../../core/intake/application-form';
import type { Lang } from '../../core/base/result';
import { settingRow, type Settings } from '../../core/workbook/settings';
import { SETTINGS_SHEET, readTable } from '../../core/workbook/contract';
import { writeFields, type SheetIndex, type Spreadsheet } from '../platform/sheets';
import { documentProperties } from '../platform/properties';
import { editable } from '../platform/protect';

/**
 * Generates the Google Form from the application schema (the same one the intake maps answers with) and
 * sends its responses to this spreadsheet (the triggers: `platform/triggers.ts`).
 */
export const FORM_ID_PROPERTY = 'tilskudd.formId';

type Form = GoogleAppsScript.Forms.Form;

/**
 * The form made earlier for this spreadsheet: `form` when this user can open it, `unreadable` when one
 * was made but cannot be opened (deleted, or it belongs to another member who has not shared it).
 */
export function existingForm(): { form: Form | null; unreadable: boolean } {
  const id = documentProperties().getProperty(FORM_ID_PROPERTY);
  if (!id) return { form: null, unreadable: false };
  try {
    return { form: FormApp.openById(id), unreadable: false };
  } catch {
    return { form: null, unreadable: true };
  }
}

const DAY_MS = 86_400_000;

/** When a form made again stops taking responses: `Gammelt skjema åpent (dager)` from now. */
export const oldFormUntil = (settings: Settings): number => Date.now() + settings.oldFormOpenDays * DAY_MS;

/** The question before a form is made again, saying what happens to the old one. */
export function renewQuestion(what: { nb: string; en: string }, url: string, settings: Settings, lang: Lang) {
  const days = settings.oldFormOpenDays;
  return lang === 'nb'
    ? `${what.nb} finnes allerede:\n${url}\n\nVil du lage et nytt? Det gamle tar imot svar i ${days} dager til, med en melding om det nye øverst, og svarene registreres; så stenges det og kobles fra arket.`
    : `${what.en} already exists:\n${url}\n\nMake a new one? The old one takes responses ${days} more days, with a notice of the new one at the top, and they are registered; then it is closed and unlinked.`;
}

/** Puts a notice pointing to the new form at the top of the old form's description. */
export function markReplaced(old: Form, newUrl: string, until: number, zone: string, lang: Lang): void {
  const day = Utilities.formatDate(new Date(until), zone, 'dd.MM.yyyy');
  const notice =
    lang === 'nb'
      ? `Dette skjemaet er erstattet av et nytt: ${newUrl}\nSvar som sendes her, registreres fram til ${day}; deretter stenges skjemaet.`
      : `This form is replaced by a new one: ${newUrl}\nResponses sent here are registered until ${day}; then the form is closed.`;
  old.setDescription(`${notice}\n\n${old.getDescription()}`);
}

/** Records the form as this spreadsheet's form. */
export function rememberForm(form: Form): void {
  documentProperties().setProperty(FORM_ID_PROPERTY, form.getId());
}

export function createApplicationForm(ss: Spreadsheet, settings: Settings, lang: Lang): Form {
  const form = FormApp.create(FORM_TITLE[lang]);
  form.setDescription(FORM_DESCRIPTION[lang]);
  form.setConfirmationMessage(
    lang === 'nb'
      ? `Takk! Søknaden er registrert med et saksnummer${settings.emailReceipt ? ', som du får på e-post' : ''}. Sekretariatet tar kontakt.`
      : `Thank you! The application is registered with a case ID${settings.emailReceipt ? ', which you get by e-mail' : ''}. The secretariat will be in touch.`,
  );
  APPLICATION_FORM.forEach((section, i) => {
    const header = i === 0 ? form.addSectionHeaderItem() : form.addPageBreakItem();
    header.setTitle(section.title[lang]);
    if (section.help) header.setHelpText(section.help[lang]);
    for (const question of section.questions) addQuestion(form, question, settings, lang);
  });
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  // Applications are final: corrections go through the secretariat, so a response never changes after
  // it is registered. Forms made by scripts start unpublished and take no responses until published.
  openForm(form);
  return form;
}

/**
 * Whether the form has publish settings. A legacy form (made before publishing came) has none: there
 * `isPublished`/`setPublished` throw, and `setAcceptingResponses` alone opens and closes it.
 */
const publishable = (form: Form): boolean => form.supportsAdvancedResponderPermissions();

/** What stands between a form and its applicants, in the words of the dialog; empty when it is open. */
export function formProblems(form: Form, lang: Lang): string[] {
  const nb = lang === 'nb';
  const problems: string[] = [];
  if (publishable(form) && !form.isPublished())
    problems.push(nb ? 'Skjemaet er ikke publisert.' : 'The form is not published.');
  else if (!form.isAcceptingResponses())
    problems.push(nb ? 'Skjemaet tar ikke imot svar.' : 'The form does not accept responses.');
  if (form.canEditResponse())
    problems.push(
      nb
        ? 'Søkerne kan endre innsendte svar (en endring ville blitt en ny søknad).'
        : 'Applicants can edit submitted responses (an edit would become a new application).',
    );
  return problems;
}

/** Opens the form to applicants: published, accepting responses, submitted responses final. */
export function openForm(form: Form): void {
  form.setAllowResponseEdits(false);
  if (publishable(form) && !form.isPublished()) form.setPublished(true);
  else if (!form.isAcceptingResponses()) form.setAcceptingResponses(true);
}

/** Adds one schema question as its Google Forms item (any form's schema: application or status). */
export function addQuestion(form: Form, q: Question<string>, settings: Settings, lang: Lang): Item {
  const item = itemFor(form, q, settings, lang);
  item.setTitle(questionTitle(q, settings)[lang]).setRequired(q.required);
  if (q.help) item.setHelpText(q.help[lang]);
  return item;
}

export type Item =
  | GoogleAppsScript.Forms.TextItem
  | GoogleAppsScript.Forms.ParagraphTextItem
  | GoogleAppsScript.Forms.MultipleChoiceItem
  | GoogleAppsScript.Forms.ListItem
  | GoogleAppsScript.Forms.CheckboxItem;

function itemFor(form: Form, q: Question<string>, settings: Settings, lang: Lang): Item {
  switch (q.kind) {
    case 'paragraph':
    case 'budget':
      return form.addParagraphTextItem();
    case 'email':
      return form.addTextItem().setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
    case 'amount':
      // FormApp validates plain numbers only, so the help text asks for whole kroner without spaces.
      return form.addTextItem().setValidation(
        FormApp.createTextValidation()
          .requireNumberGreaterThanOrEqualTo(q.min ?? 0)
          .build(),
      );
    case 'yesno':
      return form.addMultipleChoiceItem().setChoiceValues([YES[lang], NO[lang]]);
    case 'choice':
      return form.addMultipleChoiceItem().setChoiceValues(q.choices!(settings));
    case 'list':
      return form.addListItem().setChoiceValues(q.choices!(settings));
    case 'checkboxes':
      return form.addCheckboxItem().setChoiceValues(q.choices!(settings));
    default:
      return form.addTextItem();
  }
}

/**
 * Writes the form's link into `Innstillinger` as «Skjemalenke» (the row's value only; a new row at the end
 * when there is none), so the information for applicants knows it offline too. Under the caller's lock.
 */
export function recordFormLink(sheets: SheetIndex, url: string): boolean {
  const found = sheets.find(SETTINGS_SHEET);
  // `Innstillinger` is the chair's: another member's form keeps its link in the form until the chair
  // writes it (the form is made all the same).
  if (found && !editable(found)) return false;
  const sheet =
    found ??
    (() => {
      const created = sheets.insert(SETTINGS_SHEET);
      created.getRange(1, 1, 1, 3).setValues([SETTINGS_SHEET.fields.map((f) => f.header)]);
      return created;
    })();
  const values = sheet.getDataRange().getValues();
  const rows = readTable(SETTINGS_SHEET, values).rows;
  const { index, name, help } = settingRow(
    'formLink',
    rows.map((r) => r.get('key')),
  );
  if (index >= 0) writeFields(sheet, SETTINGS_SHEET, values, rows[index]!.row, { value: url });
  else
    writeFields(sheet, SETTINGS_SHEET, values, values.length + 1, {
      key: name,
      value: url,
      description: help,
    });
  return true;
}
