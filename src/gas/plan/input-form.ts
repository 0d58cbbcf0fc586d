import { tilskuddError } from '../../core/base/errors';
import type { Lang } from '../../core/base/result';
import { cellText, isDate } from '../../core/base/text';
import { otherAnswersText } from '../../core/intake/journal';
import {
  CODE_QUESTION,
  INPUT_FORM,
  INPUT_FORM_DESCRIPTION,
  INPUT_FORM_TITLE,
  MEASURE_QUESTION,
  REGION_QUESTION,
  inputCheck,
  mapInputAnswers,
  measureChoices,
  planMeasures,
} from '../../core/plan/input-form';
import { readPlan } from '../../core/plan/records';
import { readSettings } from '../../core/portfolio/records';
import { fitCell } from '../../core/workbook/cell-limit';
import { ACTION_PLAN, REGIONAL_INPUT, SETTINGS_SHEET, mapHeaders } from '../../core/workbook/contract';
import type { Settings } from '../../core/workbook/settings';
import { addQuestion, openForm } from '../intake/form';
import { makeJournaledForm, type JournaledForm } from '../intake/form-renewal';
import {
  CODE_PLACEHOLDER,
  KEY_PLACEHOLDER,
  formCode,
  keepLinkTemplate,
  linkFor,
  linkTemplate,
  type FormLink,
} from '../intake/form-link';
import { type JournalBatch, type JournalPlan, type JournalSpec } from '../intake/journal';
import { withDesk } from '../platform/desk';
import { escapeHtml } from '../platform/html';
import { TEXT } from '../platform/i18n';
import { type LogEntry } from '../platform/log';
import { documentProperties } from '../platform/properties';
import { rowFor, sheetWithHeader, wrote, type SheetIndex, type Spreadsheet } from '../platform/sheets';
import { existingHasher, type Hasher } from '../platform/signing';
import { ensureMarks } from '../workbook/assessment-marks';

/**
 * The regions' input form (*Opprett innspillsskjema*): generated from its schema
 * (`src/core/plan/input-form.ts`), the region chosen from the settings' regions and the measure from the
 * plan's measures, sent to this spreadsheet; its responses become `Innspill` rows through the same journal
 * and the one form-submit trigger as the other forms (`entry/router.ts`), once each. Each region gets its own
 * link (the region prefilled with its code, `intake/form-link.ts`); a response without its region's code is
 * registered *Ubekreftet*.
 */
type Form = GoogleAppsScript.Forms.Form;

export const INPUT_FORM_ID_PROPERTY = 'tilskudd.inputFormId';

/** Each region's link: the region prefilled with its code. */
export const INPUT_LINK: FormLink = { property: 'tilskudd.inputForm.prefilledUrl', purpose: 'input' };

/** Who sent a response when the form does not collect e-mail addresses. */
export const FORM_SENDER = 'skjema';

export const INPUT_JOURNAL: JournalSpec<typeof REGIONAL_INPUT> = {
  id: 'input',
  label: { nb: 'innspillsskjemaet', en: 'input form' },
  formIdProperty: INPUT_FORM_ID_PROPERTY,
  target: REGIONAL_INPUT,
  keyField: 'responseKey',
  otherField: 'otherAnswers',
  plan: planInput,
};

const INPUT_FORM_SPEC: JournaledForm = {
  journal: INPUT_JOURNAL,
  idProperty: INPUT_FORM_ID_PROPERTY,
  what: { nb: 'Innspillsskjemaet', en: 'The input form' },
  menu: { nb: 'Opprett innspillsskjema', en: 'Create input form' },
};

function planInput(batch: JournalBatch<typeof REGIONAL_INPUT>): JournalPlan {
  const planSheet = batch.sheets.find(ACTION_PLAN);
  const measures = planMeasures(
    planSheet ? readPlan({ [batch.sheets.nameOf(planSheet)]: batch.sheets.values(planSheet) }) : null,
  );
  const hash = existingHasher();
  const header = batch.target.values[0]!;
  const now = new Date();
  const rows: unknown[][] = [];
  const log: LogEntry[] = [];
  const ids: string[] = [];
  for (const response of batch.responses) {
    const submission = mapInputAnswers(response.answers);
    const cut: string[] = [];
    const cells: Partial<Record<keyof typeof submission.cells, unknown>> = {};
    for (const [key, value] of Object.entries(submission.cells)) {
      const f = fitCell(value);
      if (f.cutFrom > 0) cut.push(key);
      cells[key as keyof typeof cells] = f.value;
    }
    const other = fitCell(otherAnswersText(submission.unmatched));
    if (other.cutFrom > 0) cut.push('otherAnswers');
    const nr = cellText(cells.nr);
    const region = cellText(cells.region).trim();
    // The code is not kept: in its place, whether the input is the region's own.
    const check = inputCheck(cells.check, hash ? formCode(INPUT_LINK, region, hash) : null);
    const sender = submission.email || FORM_SENDER;
    rows.push(
      rowFor(REGIONAL_INPUT, header, {
        ...cells,
        date: isDate(response.timestamp) ? response.timestamp : now,
        submittedBy: sender,
        check,
        responseKey: response.key,
        otherAnswers: other.value,
      }),
    );
    ids.push(nr);
    log.push({
      action: 'Innspill mottatt',
      after: [
        `${cellText(cells.region) || 'uten region'}, tiltak ${nr || '?'}: ${cellText(cells.assessment) || 'uten vurdering'}`,
        // Kept all the same (the region's words are theirs); the plan's review lists it under no measure.
        ...(measures.has(nr) ? [] : [`tiltak «${nr}» finnes ikke i handlingsplanen nå`]),
        `fra ${sender}`,
        check === '' ? 'uten kode' : check,
        `skjemasvar rad ${response.row} i «${batch.responseSheetName}»`,
        ...(cut.length > 0 ? [`avkortet: ${cut.join(', ')}`] : []),
      ].join('; '),
    });
  }
  return { appends: [{ sheet: batch.target.sheet, rows }], log, ids };
}

/** The form, from the schema; the measure's choices from the plan as it is now. */
export function createInputForm(ss: Spreadsheet, settings: Settings, measures: string[], lang: Lang): Form {
  const form = FormApp.create(INPUT_FORM_TITLE[lang]);
  form.setDescription(INPUT_FORM_DESCRIPTION[lang]);
  form.setConfirmationMessage(
    lang === 'nb'
      ? 'Takk! Innspillet er registrert hos porteføljesekretariatet.'
      : 'Thank you! The input is registered with the portfolio secretariat.',
  );
  let regionItem: GoogleAppsScript.Forms.ListItem | null = null;
  let codeItem: GoogleAppsScript.Forms.TextItem | null = null;
  INPUT_FORM.forEach((section, i) => {
    const header = i === 0 ? form.addSectionHeaderItem() : form.addPageBreakItem();
    header.setTitle(section.title[lang]);
    if (section.help) header.setHelpText(section.help[lang]);
    for (const question of section.questions) {
      const item = addQuestion(form, question, settings, lang);
      if (question === MEASURE_QUESTION) (item as GoogleAppsScript.Forms.ListItem).setChoiceValues(measures);
      if (question === REGION_QUESTION) regionItem = item as GoogleAppsScript.Forms.ListItem;
      if (question === CODE_QUESTION) codeItem = item as GoogleAppsScript.Forms.TextItem;
    }
  });
  // A list answer must be one of its choices: the placeholder is one while the template is made, before
  // the form is opened, so no respondent ever sees it.
  regionItem!.setChoiceValues([...settings.regions, KEY_PLACEHOLDER]);
  keepLinkTemplate(
    INPUT_LINK,
    form
      .createResponse()
      .withItemResponse(regionItem!.createResponse(KEY_PLACEHOLDER))
      .withItemResponse(codeItem!.createResponse(CODE_PLACEHOLDER)),
  );
  regionItem!.setChoiceValues(settings.regions);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  openForm(form);
  documentProperties().setProperty(INPUT_FORM_ID_PROPERTY, form.getId());
  return form;
}

/** `Innspill` with its header, and the intake's columns added at the end when the sheet lacks them. */
function inputSheet(sheets: SheetIndex): void {
  const { sheet, header } = sheetWithHeader(sheets, REGIONAL_INPUT);
  const columns = mapHeaders(REGIONAL_INPUT, header);
  const missing = (['check', 'responseKey', 'otherAnswers'] as const)
    .filter((k) => columns[k] === undefined)
    .map((k) => REGIONAL_INPUT.fields.find((f) => f.key === k)!.header);
  if (missing.length === 0) return;
  const width = Math.max(header.length, sheet.getLastColumn());
  sheet.getRange(1, width + 1, 1, missing.length).setValues([missing]);
  wrote(sheet);
}

/** Menu *Opprett innspillsskjema* (Leder and Sekretær): the form, linked and journaled, and the triggers. */
export function createInputFormMenu(): void {
  withDesk(
    ({ ss, sheets, lang, user }) => {
      const nb = lang === 'nb';
      const settingsSheet = sheets.find(SETTINGS_SHEET);
      const settings = readSettings(
        settingsSheet ? { [SETTINGS_SHEET.name]: sheets.values(settingsSheet) } : {},
      );
      const planSheet = sheets.find(ACTION_PLAN);
      const measures = measureChoices(
        planSheet ? readPlan({ [sheets.nameOf(planSheet)]: sheets.values(planSheet) }) : null,
      );
      if (measures.length === 0)
        throw tilskuddError(
          'Handlingsplanen har ingen nummererte tiltak å gi innspill til. Fyll ut arket «Handlingsplan» og velg Handlingsplan › Nummerer handlingsplanen først.',
          'The action plan has no numbered measures to give input on. Fill in the "Handlingsplan" sheet and choose Action plan › Number the action plan first.',
        );
      if (settings.regions.length === 0)
        throw tilskuddError(
          'Innstillingen «Regioner» er tom, så skjemaet har ingen regioner å velge. Fyll den ut først.',
          'The "Regioner" setting is empty, so the form has no regions to choose. Fill it in first.',
        );
      const made = makeJournaledForm(
        { ss, sheets, user, lang },
        settings,
        INPUT_FORM_SPEC,
        () => {
          inputSheet(sheets);
          // The key the regions' codes are made with (kept, so codes stay valid when a form is made again).
          ensureMarks(sheets);
        },
        () => createInputForm(ss, settings, measures, lang),
      );
      if (!made) return;
      const { form, responses: journal, triggers: note } = made;
      showRegionLinks(
        settings.regions,
        lang,
        [
          nb
            ? `Innspillsskjemaet er laget med ${measures.length} tiltak og ${settings.regions.length} regioner. Svarene kommer inn i arket Innspill. Endres tiltakene i handlingsplanen, lag skjemaet på nytt.${journal}`
            : `The input form is ready with ${measures.length} measures and ${settings.regions.length} regions. Responses arrive in the Innspill sheet. When the plan's measures change, make the form again.${journal}`,
          ...(note === '' ? [] : [note]),
        ],
        form.getEditUrl(),
      );
    },
    { action: 'regionalInput', lock: false },
  );
}

/** Each region with its own link: the region prefilled with its code ('' links while no form is made). */
export function regionLinks(
  regions: readonly string[],
  template: string | null,
  hash: Hasher | null,
): Array<{ region: string; url: string }> {
  return regions.map((region) => ({
    region,
    url: linkFor(template, region, formCode(INPUT_LINK, region, hash)),
  }));
}

/** The dialog *Lenker til regionene*: every value escaped, the links as anchors. */
function showRegionLinks(regions: readonly string[], lang: Lang, intro: string[], editUrl?: string): void {
  const nb = lang === 'nb';
  const items = regionLinks(regions, linkTemplate(INPUT_LINK), existingHasher())
    .map(
      ({ region, url }) =>
        `<li><strong>${escapeHtml(region)}</strong><br><a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(url)}</a></li>`,
    )
    .join('');
  const how = nb
    ? 'Send hver region sin egen lenke: den fyller inn regionen og en kode. Innspill uten regionens kode (skjemaets vanlige adresse, eller en annen regions lenke) registreres som «Ubekreftet» til sekretariatet har bekreftet dem.'
    : "Send each region its own link: it fills in the region and a code. Input without the region's code (the form's plain address, or another region's link) is registered as \"Ubekreftet\" until the secretariat confirms it.";
  const edit = editUrl
    ? `<p>${escapeHtml(nb ? 'Rediger skjemaet:' : 'Edit the form:')} <a href="${escapeHtml(editUrl)}" target="_blank" rel="noopener">${escapeHtml(editUrl)}</a></p>`
    : '';
  const html =
    '<style>body{font:14px/1.5 system-ui,sans-serif;margin:16px}li{margin:8px 0;word-break:break-all}</style>' +
    intro.map((t) => `<p>${escapeHtml(t)}</p>`).join('') +
    `<p>${escapeHtml(how)}</p><ul>${items}</ul>${edit}`;
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(560).setHeight(480),
    TEXT.regionLinks[lang],
  );
}

/** Menu *Lenker til regionene* (Leder and Sekretær): each region's link to the input form as it is now. */
export function regionLinksMenu(): void {
  withDesk(
    ({ sheets, lang }) => {
      const settingsSheet = sheets.find(SETTINGS_SHEET);
      const settings = readSettings(
        settingsSheet ? { [SETTINGS_SHEET.name]: sheets.values(settingsSheet) } : {},
      );
      if (linkTemplate(INPUT_LINK) === null)
        throw tilskuddError(
          'Innspillsskjemaet har ingen lenker til regionene ennå. Velg Handlingsplan › Opprett innspillsskjema (også om skjemaet ble laget før regionene fikk egne lenker).',
          'The input form has no links for the regions yet. Choose Action plan › Create input form (also when the form was made before the regions had their own links).',
        );
      if (settings.regions.length === 0)
        throw tilskuddError(
          'Innstillingen «Regioner» er tom, så det er ingen regioner å lage lenker til. Fyll den ut først.',
          'The "Regioner" setting is empty, so there are no regions to make links for. Fill it in first.',
        );
      showRegionLinks(settings.regions, lang, []);
    },
    { action: 'regionalInput', lock: false },
  );
}
