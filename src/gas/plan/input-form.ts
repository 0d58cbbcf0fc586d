import { tilskuddError } from '../../core/base/errors';
import type { Lang } from '../../core/base/result';
import { cellText, isDate } from '../../core/base/text';
import { otherAnswersText } from '../../core/intake/journal';
import {
  INPUT_FORM,
  INPUT_FORM_DESCRIPTION,
  INPUT_FORM_TITLE,
  MEASURE_QUESTION,
  mapInputAnswers,
  measureChoices,
  planMeasures,
} from '../../core/plan/input-form';
import { readPlan } from '../../core/plan/records';
import { readSettings } from '../../core/portfolio/records';
import { fitCell } from '../../core/workbook/cell-limit';
import { ACTION_PLAN, REGIONAL_INPUT, SETTINGS_SHEET, mapHeaders } from '../../core/workbook/contract';
import type { Settings } from '../../core/workbook/settings';
import { addQuestion, markReplaced, oldFormUntil, openForm, renewQuestion } from '../intake/form';
import {
  linkResponseSheet,
  replaceJournalForm,
  type JournalBatch,
  type JournalPlan,
  type JournalSpec,
} from '../intake/journal';
import { inLock, withDesk } from '../platform/desk';
import { appendLog, type LogEntry } from '../platform/log';
import { documentProperties } from '../platform/properties';
import { rowFor, sheetWithHeader, wrote, type SheetIndex, type Spreadsheet } from '../platform/sheets';
import { installTriggers, triggerNote } from '../platform/triggers';

/**
 * The regions' input form (*Opprett innspillsskjema*): generated from its schema
 * (`src/core/plan/input-form.ts`), the region chosen from the settings' regions and the measure from the
 * plan's measures, sent to this spreadsheet; its responses become `Innspill` rows through the same journal
 * and the one form-submit trigger as the other forms (`entry/router.ts`), once each.
 */
type Form = GoogleAppsScript.Forms.Form;

export const INPUT_FORM_ID_PROPERTY = 'tilskudd.inputFormId';

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

function planInput(batch: JournalBatch<typeof REGIONAL_INPUT>): JournalPlan {
  const planSheet = batch.sheets.find(ACTION_PLAN);
  const measures = planMeasures(
    planSheet ? readPlan({ [batch.sheets.nameOf(planSheet)]: batch.sheets.values(planSheet) }) : null,
  );
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
    const sender = submission.email || FORM_SENDER;
    rows.push(
      rowFor(REGIONAL_INPUT, header, {
        ...cells,
        date: isDate(response.timestamp) ? response.timestamp : now,
        submittedBy: sender,
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
  INPUT_FORM.forEach((section, i) => {
    const header = i === 0 ? form.addSectionHeaderItem() : form.addPageBreakItem();
    header.setTitle(section.title[lang]);
    if (section.help) header.setHelpText(section.help[lang]);
    for (const question of section.questions) {
      const item = addQuestion(form, question, settings, lang);
      if (question === MEASURE_QUESTION) (item as GoogleAppsScript.Forms.ListItem).setChoiceValues(measures);
    }
  });
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  openForm(form);
  documentProperties().setProperty(INPUT_FORM_ID_PROPERTY, form.getId());
  return form;
}

/** `Innspill` with its header, and the journal's two columns added at the end when the sheet lacks them. */
function inputSheet(sheets: SheetIndex): void {
  const { sheet, header } = sheetWithHeader(sheets, REGIONAL_INPUT);
  const columns = mapHeaders(REGIONAL_INPUT, header);
  const missing = (['responseKey', 'otherAnswers'] as const)
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
      // Making it again asks first: a link already sent points to the old form, which stays open a while.
      const oldId = documentProperties().getProperty(INPUT_FORM_ID_PROPERTY);
      let oldForm: Form | null = null;
      if (oldId) {
        try {
          oldForm = FormApp.openById(oldId);
        } catch {
          // deleted, or another member's: asked about below all the same
        }
        const ui = SpreadsheetApp.getUi();
        const url = oldForm ? oldForm.getPublishedUrl() : oldId;
        const question = renewQuestion(
          { nb: 'Innspillsskjemaet', en: 'The input form' },
          url,
          settings,
          lang,
        );
        if (ui.alert(question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
      }
      inLock(() => inputSheet(sheets));
      // Many Forms calls: outside the lock, which guards only the records and triggers below.
      const until = oldFormUntil(settings);
      const form = createInputForm(ss, settings, measures, lang);
      if (oldForm) markReplaced(oldForm, form.getPublishedUrl(), until, sheets.timeZone(), lang);
      const [triggers, linked] = inLock(() => {
        if (oldId) replaceJournalForm(INPUT_JOURNAL, { ss, sheets, user }, oldId, until);
        const installed = installTriggers(ss, user);
        const sheet = linkResponseSheet(ss, INPUT_JOURNAL, form);
        appendLog(sheets, user, [{ action: 'Opprett innspillsskjema', after: form.getPublishedUrl() }]);
        return [installed, sheet ? sheet.getName() : null] as const;
      });
      const note = triggerNote(triggers, nb);
      const journal = linked
        ? nb
          ? ` Alle svar lagres også i arket «${linked}»; det som ikke kom inn, registreres hver time.`
          : ` Every response is also kept in the "${linked}" sheet; any that did not arrive is registered hourly.`
        : nb
          ? ' Fant ikke arket med skjemasvarene; kjør Opprett innspillsskjema igjen om litt.'
          : ' The form responses sheet was not found; run Create input form again shortly.';
      SpreadsheetApp.getUi().alert(
        (nb
          ? `Innspillsskjemaet er laget med ${measures.length} tiltak og ${settings.regions.length} regioner.\n\nLenke til regionene: ${form.getPublishedUrl()}\nRediger: ${form.getEditUrl()}\n\nSvarene kommer inn i arket Innspill. Endres tiltakene i handlingsplanen, lag skjemaet på nytt.${journal}`
          : `The input form is ready with ${measures.length} measures and ${settings.regions.length} regions.\n\nLink for the regions: ${form.getPublishedUrl()}\nEdit: ${form.getEditUrl()}\n\nResponses arrive in the Innspill sheet. When the plan's measures change, make the form again.${journal}`) +
          (note === '' ? '' : `\n\n${note}`),
      );
    },
    { action: 'regionalInput', lock: false },
  );
}
