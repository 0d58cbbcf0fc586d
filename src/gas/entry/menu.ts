import { countOf } from '../../core/base/text';
import { readSettings, type WorkbookValues } from '../../core/portfolio/records';
import { APPLICATIONS, SETTINGS_SHEET, mapHeaders } from '../../core/workbook/contract';
import { tilskuddError } from '../../core/base/errors';
import { CHECK_SHEETS, checkLogEntry, runCheck, uncolouredText } from '../workbook/check';
import { inLock, withDesk } from '../platform/desk';
import { DOCUMENT_TEXT } from '../documents/documents-menu';
import { FOLLOW_UP_DOCUMENT_TEXT } from '../documents/follow-up-documents';
import {
  FORM_ID_PROPERTY,
  createApplicationForm,
  recordFormLink,
  existingForm,
  formProblems,
  markReplaced,
  oldFormUntil,
  openForm,
  rememberForm,
  renewQuestion,
} from '../intake/form';
import { APPLICATION_JOURNAL } from '../intake/intake';
import { isTriggerEvent, linkResponseSheet, replaceJournalForm, sweepResponses } from '../intake/journal';
import {
  holdsTriggers,
  installTriggers,
  triggerNote,
  triggerOwner,
  triggersInstalled,
} from '../platform/triggers';
import { runHourly } from './router';
import { TEXT, langOf } from '../platform/i18n';
import { appendLog } from '../platform/log';
import { clearStuck } from '../platform/intake-health';
import { documentProperties } from '../platform/properties';
import { setupDoneText, setupWorkbook } from './setup';
import { DIAGNOSIS_TEXT } from './diagnose';
import { ADDON } from '../platform/version';
import { PAGES } from '../../seam/api';
import { hasStatusForm } from '../follow-up/status-form';
import { STATUS_JOURNAL } from '../follow-up/status-intake';
import { PLAN_TEXT } from '../plan/plan';
import { DECISION_TEXT } from '../decisions/protocol-menu';

type Label = { nb: string; en: string };
type Item = { label: Label; fn: string };
type Group = { label: Label; items: readonly Item[] };

/**
 * The Tilskudd menu and the actions behind it, grouped as the secretariat works: the daily check first,
 * then one submenu per stage. Every item names a global function of the bundle.
 */
export const MENU: ReadonlyArray<Item | Group | null> = [
  { label: TEXT.check, fn: 'checkPortfolio' },
  { label: PAGES.Findings.title, fn: 'openFindings' },
  null,
  {
    label: { nb: 'Søknader og vurdering', en: 'Applications and assessment' },
    items: [
      { label: TEXT.createForm, fn: 'createForm' },
      { label: TEXT.registerMissing, fn: 'registerMissingResponses' },
      { label: PAGES.Assessment.title, fn: 'openAssessment' },
      { label: PAGES.Dashboard.title, fn: 'openDashboard' },
    ],
  },
  {
    label: { nb: 'Dokumenter', en: 'Documents' },
    items: [
      { label: DOCUMENT_TEXT.memo, fn: 'createMemo' },
      { label: PAGES.Decisions.title, fn: 'openDecisionsDialog' },
      { label: DECISION_TEXT.protocol, fn: 'createProtocol' },
      { label: DOCUMENT_TEXT.letters, fn: 'createLetters' },
      { label: DOCUMENT_TEXT.agreement, fn: 'createAgreement' },
      { label: DOCUMENT_TEXT.overview, fn: 'publishOverview' },
      { label: FOLLOW_UP_DOCUMENT_TEXT.boardStatus, fn: 'createBoardStatus' },
      { label: FOLLOW_UP_DOCUMENT_TEXT.annualReport, fn: 'createAnnualReport' },
    ],
  },
  {
    label: { nb: 'Penger', en: 'Money' },
    items: [
      { label: TEXT.supplement, fn: 'openSupplementDialog' },
      { label: TEXT.payment, fn: 'openPaymentDialog' },
    ],
  },
  {
    label: { nb: 'Oppfølging', en: 'Follow-up' },
    items: [
      { label: PAGES.FollowUp.title, fn: 'openFollowUp' },
      { label: TEXT.createStatusForm, fn: 'createStatusForm' },
      { label: TEXT.showReminders, fn: 'showReminders' },
      { label: TEXT.approveFinalReport, fn: 'approveFinalReport' },
    ],
  },
  {
    label: { nb: 'Handlingsplan', en: 'Action plan' },
    items: [
      { label: PAGES.Plan.title, fn: 'openPlan' },
      { label: PLAN_TEXT.number, fn: 'numberPlan' },
      { label: PLAN_TEXT.review, fn: 'savePlanReview' },
      { label: TEXT.createInputForm, fn: 'createInputForm' },
      { label: TEXT.regionLinks, fn: 'showRegionLinks' },
      { label: PLAN_TEXT.document, fn: 'createPlanReview' },
    ],
  },
  null,
  { label: TEXT.setup, fn: 'setupWorkbook' },
  { label: PAGES.Setup.title, fn: 'openSetupWizard' },
  { label: DIAGNOSIS_TEXT, fn: 'runDiagnosis' },
  { label: TEXT.about, fn: 'aboutTilskudd' },
];

/** Every function the menu calls, in menu order. */
export const menuFunctionNames = (): string[] =>
  MENU.flatMap((e) => (e === null ? [] : 'items' in e ? e.items.map((i) => i.fn) : [e.fn]));

/**
 * Builds the menu from constants. In AuthMode.NONE (an editor add-on not yet used in this file) Google
 * refuses every read of the document, so the locale is not asked and the menu is Norwegian; a bound
 * script's `onOpen` always runs in LIMITED. An add-on's menu goes under *Extensions* (`createAddonMenu`):
 * always in NONE, and in every mode when built with `TILSKUDD_ADDON=1` (docs/install.md).
 */
export function addMenu(e?: { authMode?: unknown }): void {
  const none = e !== undefined && e !== null && String(e.authMode) === 'NONE';
  const lang = none ? 'nb' : langOf(SpreadsheetApp.getActiveSpreadsheet());
  const ui = SpreadsheetApp.getUi();
  const menu = none || ADDON ? ui.createAddonMenu() : ui.createMenu(TEXT.menu[lang]);
  for (const entry of MENU) {
    if (entry === null) menu.addSeparator();
    else if ('items' in entry) {
      const sub = ui.createMenu(entry.label[lang]);
      for (const item of entry.items) sub.addItem(item.label[lang], item.fn);
      menu.addSubMenu(sub);
    } else menu.addItem(entry.label[lang], entry.fn);
  }
  menu.addToUi();
}

/**
 * *Sett opp arbeidsboka*: the quick re-sync (sheets, headers, formats, protections), which also sets up a
 * new workbook with the default settings; *Oppsettsveiviser* asks the settings first (docs/install.md).
 */
export function setupMenu(): void {
  withDesk(
    ({ ss, lang }) => {
      // An installation of an earlier version (four triggers) moves to the two; no response is lost,
      // since every old handler forwards to the new ones until its owner runs set-up too. A member who
      // holds triggers moves them before the role check: set-up may refuse them, the move gives nothing.
      const email = Session.getEffectiveUser().getEmail();
      const early = holdsTriggers() ? inLock(() => installTriggers(ss, email)) : null;
      const report = setupWorkbook(ss);
      const moved = early ?? (triggersInstalled() ? inLock(() => installTriggers(ss, email)) : null);
      const note = moved ? triggerNote(moved, lang === 'nb') : '';
      if (note !== '') SpreadsheetApp.getUi().alert(note);
      ss.toast(setupDoneText(report)[lang], TEXT.menu[lang]);
    },
    { action: null },
  );
}

export function checkMenu(): void {
  withDesk(
    ({ ss, sheets, lang, user }) => {
      const summary = runCheck(ss, sheets, lang);
      const { errors, warnings, uncoloured } = summary;
      appendLog(sheets, user, [checkLogEntry(summary)]);
      ss.toast(
        (lang === 'nb'
          ? `${errors} feil og ${warnings} advarsler. Se arket «Avvik».`
          : `${errors} errors and ${warnings} warnings. See the "Avvik" sheet.`) +
          uncolouredText(uncoloured, lang),
        TEXT.check[lang],
      );
    },
    { action: 'check', sheets: CHECK_SHEETS },
  );
}

export function createFormMenu(): void {
  withDesk(
    ({ ss, sheets, lang, user }) => {
      const ui = SpreadsheetApp.getUi();
      const nb = lang === 'nb';
      const yes = (question: string) => ui.alert(question, ui.ButtonSet.YES_NO) === ui.Button.YES;
      // Intake needs Svar-ID to register each response once: stop before a form can send any.
      const apps = sheets.require(APPLICATIONS);
      const header = apps.getRange(1, 1, 1, Math.max(apps.getLastColumn(), 1)).getValues()[0]!;
      if (mapHeaders(APPLICATIONS, header).responseKey === undefined) {
        throw tilskuddError(
          'Arket «Søknader» mangler kolonnen «Svar-ID», som skjemaet trenger. Velg Tilskudd › Sett opp arbeidsboka først.',
          'The "Søknader" sheet has no "Svar-ID" column, which the form needs. Choose Tilskudd › Set up workbook first.',
        );
      }
      const settingsSheet = sheets.find(SETTINGS_SHEET);
      const values: WorkbookValues = settingsSheet
        ? { [SETTINGS_SHEET.name]: sheets.values(settingsSheet) }
        : {};
      const settings = readSettings(values);
      // Questions first, without the lock: a person may take a while to answer.
      const old = existingForm();
      const renew = old.form
        ? yes(
            renewQuestion(
              { nb: 'Søknadsskjemaet', en: 'The application form' },
              old.form.getPublishedUrl(),
              settings,
              lang,
            ),
          )
        : !old.unreadable ||
          yes(
            nb
              ? 'Skjemaet som ble laget tidligere, kan ikke åpnes av deg (det er slettet, eller tilhører et annet medlem som ikke har delt det). Vil du lage et nytt?'
              : 'The form made earlier cannot be opened by you (deleted, or it belongs to another member who has not shared it). Make a new one?',
          );
      if (!renew && !old.form) return;
      const current = triggerOwner(user);
      const takeOver =
        current.someoneElse &&
        yes(
          nb
            ? `Utløseren som registrerer svarene, ble installert av ${current.owner}. Virker den ikke lenger (for eksempel fordi ${current.owner} har sluttet)? Da installerer Tilskudd en ny for deg.`
            : `The trigger that registers responses was installed by ${current.owner}. Has it stopped working (for example because ${current.owner} left)? Then Tilskudd installs a new one for you.`,
        );
      // Building the form is many Forms calls: outside the lock, which guards only the records below.
      const form = renew ? createApplicationForm(ss, settings, lang) : old.form!;
      // The old form stays open for its days, pointing to the new one; the hourly trigger closes it.
      const oldId = renew ? documentProperties().getProperty(FORM_ID_PROPERTY) : null;
      const until = oldFormUntil(settings);
      if (renew && old.form) markReplaced(old.form, form.getPublishedUrl(), until, sheets.timeZone(), lang);
      // A kept form may have been closed, unpublished or opened to edits since: say so, offer to open it.
      const problems = renew ? [] : formProblems(form, lang);
      const opened =
        problems.length > 0 &&
        yes(
          `${problems.join('\n')}\n\n${nb ? 'Vil du åpne skjemaet for søkerne nå (publisert, tar imot svar, innsendte svar kan ikke endres)?' : 'Open the form to applicants now (published, accepting responses, submitted responses final)?'}`,
        );
      if (opened) openForm(form);
      const { trigger, linked } = inLock(() => {
        if (oldId) replaceJournalForm(APPLICATION_JOURNAL, { ss, sheets, user }, oldId, until);
        if (renew) rememberForm(form);
        if (renew) recordFormLink(sheets, form.getPublishedUrl());
        const installed = installTriggers(ss, user, takeOver);
        const sheet = linkResponseSheet(ss, APPLICATION_JOURNAL, form);
        if (renew)
          appendLog(sheets, user, [{ action: 'Opprett søknadsskjema', after: form.getPublishedUrl() }]);
        return { trigger: installed, linked: sheet ? sheet.getName() : null };
      });
      const state =
        problems.length === 0 || opened
          ? nb
            ? 'Skjemaet er publisert og tar imot svar; innsendte svar kan ikke endres.'
            : 'The form is published and accepts responses; submitted responses are final.'
          : `${problems.join('\n')}\n${nb ? 'Åpne det i Google Skjemaer, eller kjør Opprett søknadsskjema igjen, når søkerne skal kunne sende inn.' : 'Open it in Google Forms, or run Create application form again, when applicants are to send in.'}`;
      const journalNote = linked
        ? nb
          ? `Alle svar lagres i arket «${linked}»; det som ikke kom inn i Søknader, registreres hver time (eller med Tilskudd › Søknader og vurdering › Registrer manglende svar).`
          : `Every response is kept in the "${linked}" sheet; any that did not reach Søknader is registered hourly (or with Tilskudd › Applications and assessment › Register missing responses).`
        : nb
          ? 'Fant ikke arket med skjemasvarene. Kjør Opprett søknadsskjema igjen om litt.'
          : 'The form responses sheet was not found. Run Create application form again shortly.';
      const note = triggerNote(trigger, nb);
      ui.alert(
        (nb
          ? `${renew ? 'Søknadsskjemaet er laget.' : 'Søknadsskjemaet:'}\n\n${state}\n\nLenke til søkerne: ${form.getPublishedUrl()}\nRediger: ${form.getEditUrl()}\n\nSvarene kommer inn i arket Søknader med saksnummer. ${journalNote}`
          : `${renew ? 'The application form is ready.' : 'The application form:'}\n\n${state}\n\nLink for applicants: ${form.getPublishedUrl()}\nEdit: ${form.getEditUrl()}\n\n${journalNote}`) +
          (note === '' ? '' : `\n\n${note}`),
      );
    },
    { action: 'intake', lock: false },
  );
}

/**
 * *Registrer manglende svar*, and the hourly trigger: registers every form response that is in the
 * response sheet but not yet in `Søknader` (a trigger that found the lock busy, a header missing then).
 * Called by the trigger (an event of this project's own trigger) it logs; from the menu it reports.
 */
export function registerMissingMenu(e?: unknown): void {
  if (isTriggerEvent(e)) {
    runHourly(e); // an earlier version's hourly trigger
    return;
  }
  withDesk(
    ({ ss, sheets, lang, user }) => {
      const ids = inLock(() => sweepResponses(APPLICATION_JOURNAL, ss, sheets, user));
      clearStuck(APPLICATION_JOURNAL.id);
      const reports = hasStatusForm() ? inLock(() => sweepResponses(STATUS_JOURNAL, ss, sheets, user)) : [];
      if (hasStatusForm()) clearStuck(STATUS_JOURNAL.id);
      const nb = lang === 'nb';
      const reportNote =
        reports.length === 0
          ? ''
          : nb
            ? `\n\n${countOf(reports.length, 'statusrapport', 'statusrapporter')} registrert i Statusrapporter.`
            : `\n\n${reports.length} status report(s) registered in Statusrapporter.`;
      const list = ids.length > 0 ? ` (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})` : '';
      SpreadsheetApp.getUi().alert(
        (ids.length === 0
          ? nb
            ? 'Alle skjemasvar er allerede registrert i Søknader.'
            : 'Every form response is already registered in Søknader.'
          : nb
            ? `${ids.length} skjemasvar registrert i Søknader${list}.`
            : `${ids.length} form response(s) registered in Søknader${list}.`) + reportNote,
      );
    },
    { action: 'intake', lock: false },
  );
}
