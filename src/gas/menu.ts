import { readSettings, type WorkbookValues } from '../core/workbook/records';
import { APPLICATIONS, SETTINGS_SHEET, mapHeaders } from '../core/workbook/contract';
import { tilskuddError } from '../core/base/errors';
import { runCheck } from './check';
import { inLock, withDesk } from './desk';
import { DOCUMENT_TEXT } from './documents-menu';
import { createApplicationForm, existingForm, installTrigger, rememberForm, triggerOwner } from './form';
import { TEXT, langOf } from './i18n';
import { appendLog } from './log';
import { setupDoneText, setupWorkbook } from './setup';
import { readValues } from './sheets';
import { SIDEBAR_TEXT } from './sidebars';
import { PLAN_TEXT } from './plan';

/** The Tilskudd menu and the actions behind it. Every item names a global function of the bundle. */
export const MENU = [
  { label: TEXT.setup, fn: 'setupWorkbook' },
  { label: TEXT.createForm, fn: 'createForm' },
  null,
  { label: TEXT.check, fn: 'checkPortfolio' },
  { label: DOCUMENT_TEXT.memo, fn: 'createMemo' },
  { label: DOCUMENT_TEXT.letters, fn: 'createLetters' },
  { label: DOCUMENT_TEXT.overview, fn: 'publishOverview' },
  { label: TEXT.supplement, fn: 'openSupplementDialog' },
  // Sidebars and the dialog (src/gas/sidebars.ts).
  null,
  { label: SIDEBAR_TEXT.findings, fn: 'openFindings' },
  { label: SIDEBAR_TEXT.assessment, fn: 'openAssessment' },
  { label: SIDEBAR_TEXT.dashboard, fn: 'openDashboard' },
  // The action plan (src/gas/plan.ts).
  null,
  { label: SIDEBAR_TEXT.plan, fn: 'openPlan' },
  { label: PLAN_TEXT.number, fn: 'numberPlan' },
  { label: PLAN_TEXT.review, fn: 'savePlanReview' },
  { label: PLAN_TEXT.document, fn: 'createPlanReview' },
] as const;

export function addMenu(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOf(ss);
  const menu = SpreadsheetApp.getUi().createMenu(TEXT.menu[lang]);
  for (const item of MENU) {
    if (item) menu.addItem(item.label[lang], item.fn);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function setupMenu(): void {
  withDesk(
    ({ ss, lang }) => {
      const report = setupWorkbook(ss);
      ss.toast(setupDoneText(report)[lang], TEXT.menu[lang]);
    },
    { action: null },
  );
}

export function checkMenu(): void {
  withDesk(
    ({ ss, sheets, lang, user }) => {
      const { errors, warnings } = runCheck(ss, sheets, lang);
      appendLog(sheets, user, [
        { action: 'Kontroller portefølje', after: `${errors} feil, ${warnings} advarsler` },
      ]);
      ss.toast(
        lang === 'nb'
          ? `${errors} feil og ${warnings} advarsler. Se arket «Avvik».`
          : `${errors} errors and ${warnings} warnings. See the "Avvik" sheet.`,
        TEXT.check[lang],
      );
    },
    { action: 'check' },
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
      // Questions first, without the lock: a person may take a while to answer.
      const old = existingForm();
      const renew = old.form
        ? yes(
            nb
              ? `Søknadsskjemaet finnes allerede:\n${old.form.getPublishedUrl()}\n\nVil du lage et nytt? (Det gamle skjemaet bør da stenges for svar i Google Skjemaer.)`
              : `The application form already exists:\n${old.form.getPublishedUrl()}\n\nMake a new one? (Then close the old form to responses in Google Forms.)`,
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
      const settingsSheet = sheets.find(SETTINGS_SHEET);
      const values: WorkbookValues = settingsSheet
        ? { [SETTINGS_SHEET.name]: readValues(settingsSheet, ss.getSpreadsheetTimeZone()) }
        : {};
      // Building the form is many Forms calls: outside the lock, which guards only the records below.
      const form = renew ? createApplicationForm(ss, readSettings(values), lang) : old.form!;
      const trigger = inLock(() => {
        if (renew) rememberForm(form);
        const installed = installTrigger(ss, user, takeOver);
        if (renew)
          appendLog(sheets, user, [{ action: 'Opprett søknadsskjema', after: form.getPublishedUrl() }]);
        return installed;
      });
      const triggerNote = trigger.installed
        ? ''
        : nb
          ? `\n\nSvarene registreres av utløseren som ${trigger.owner} installerte. Bare én utløser skal finnes.`
          : `\n\nResponses are registered by the trigger ${trigger.owner} installed. There must be only one.`;
      ui.alert(
        (nb
          ? `${renew ? 'Søknadsskjemaet er laget.' : 'Søknadsskjemaet:'}\n\nLenke til søkerne: ${form.getPublishedUrl()}\nRediger: ${form.getEditUrl()}\n\nSvarene kommer inn i arket Søknader med saksnummer.`
          : `${renew ? 'The application form is ready.' : 'The application form:'}\n\nLink for applicants: ${form.getPublishedUrl()}\nEdit: ${form.getEditUrl()}`) +
          triggerNote,
      );
    },
    { action: 'intake', lock: false },
  );
}
