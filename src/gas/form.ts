import {
  APPLICATION_FORM,
  FORM_DESCRIPTION,
  FORM_TITLE,
  NO,
  YES,
  type Question,
} from '../core/application-form';
import type { Lang } from '../core/result';
import type { Settings } from '../core/settings';
import type { Spreadsheet } from './sheets';

/**
 * Generates the Google Form from the application schema (the same one the intake maps answers with),
 * sends its responses to this spreadsheet and installs the form-submit trigger exactly once.
 */
export const SUBMIT_HANDLER = 'onFormSubmit';
export const FORM_ID_PROPERTY = 'tilskudd.formId';

type Form = GoogleAppsScript.Forms.Form;

export function createApplicationForm(ss: Spreadsheet, settings: Settings, lang: Lang): Form {
  const form = FormApp.create(FORM_TITLE[lang]);
  form.setDescription(FORM_DESCRIPTION[lang]);
  form.setConfirmationMessage(
    lang === 'nb'
      ? 'Takk! Søknaden er registrert, og du får saksnummeret på e-post når kvittering er slått på.'
      : 'Thank you! The application is registered; you get its case ID by e-mail when receipts are on.',
  );
  APPLICATION_FORM.forEach((section, i) => {
    const header = i === 0 ? form.addSectionHeaderItem() : form.addPageBreakItem();
    header.setTitle(section.title[lang]);
    if (section.help) header.setHelpText(section.help[lang]);
    for (const question of section.questions) addQuestion(form, question, settings, lang);
  });
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  installTrigger(ss);
  PropertiesService.getDocumentProperties().setProperty(FORM_ID_PROPERTY, form.getId());
  return form;
}

function addQuestion(form: Form, q: Question, settings: Settings, lang: Lang): void {
  const item = itemFor(form, q, settings, lang);
  item.setTitle(q.title[lang]).setRequired(q.required);
  if (q.help) item.setHelpText(q.help[lang]);
}

type Item =
  | GoogleAppsScript.Forms.TextItem
  | GoogleAppsScript.Forms.ParagraphTextItem
  | GoogleAppsScript.Forms.MultipleChoiceItem
  | GoogleAppsScript.Forms.ListItem
  | GoogleAppsScript.Forms.CheckboxItem;

function itemFor(form: Form, q: Question, settings: Settings, lang: Lang): Item {
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

/** Replaces any earlier form-submit trigger, so a response is never handled twice by two triggers. */
function installTrigger(ss: Spreadsheet): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === SUBMIT_HANDLER) ScriptApp.deleteTrigger(trigger);
  }
  ScriptApp.newTrigger(SUBMIT_HANDLER).forSpreadsheet(ss).onFormSubmit().create();
}
