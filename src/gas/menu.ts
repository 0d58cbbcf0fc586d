import { readSettings, type WorkbookValues } from '../core/records';
import { SETTINGS_SHEET } from '../core/contract';
import { runCheck } from './check';
import { inLock, withDesk } from './desk';
import { DOCUMENT_TEXT } from './documents-menu';
import { createApplicationForm, existingForm, installTrigger } from './form';
import { TEXT, langOf } from './i18n';
import { appendLog } from './log';
import { setupDoneText, setupWorkbook } from './setup';
import { readValues } from './sheets';
import { SIDEBAR_TEXT } from './sidebars';

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
    { authorise: false },
  );
}

export function checkMenu(): void {
  withDesk(({ ss, sheets, lang, user }) => {
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
  });
}

export function createFormMenu(): void {
  withDesk(
    ({ ss, sheets, lang, user }) => {
      const ui = SpreadsheetApp.getUi();
      const nb = lang === 'nb';
      // Asked before taking the lock: a person may take a while to answer.
      const old = existingForm();
      const renew =
        !old ||
        ui.alert(
          nb
            ? `Søknadsskjemaet finnes allerede:\n${old.getPublishedUrl()}\n\nVil du lage et nytt? (Det gamle skjemaet bør da stenges for svar i Google Skjemaer.)`
            : `The application form already exists:\n${old.getPublishedUrl()}\n\nMake a new one? (Then close the old form to responses in Google Forms.)`,
          ui.ButtonSet.YES_NO,
        ) === ui.Button.YES;
      const { form, trigger } = inLock(() => {
        const settingsSheet = sheets.find(SETTINGS_SHEET);
        const values: WorkbookValues = settingsSheet
          ? { [SETTINGS_SHEET.name]: readValues(settingsSheet, ss.getSpreadsheetTimeZone()) }
          : {};
        const made = renew ? createApplicationForm(ss, readSettings(values), lang) : old!;
        const installed = installTrigger(ss, user);
        if (renew)
          appendLog(sheets, user, [{ action: 'Opprett søknadsskjema', after: made.getPublishedUrl() }]);
        return { form: made, trigger: installed };
      });
      const triggerNote = trigger.installed
        ? ''
        : nb
          ? `\n\nSvarene registreres av utløseren som ${trigger.owner} installerte. Bare én utløser skal finnes; ${trigger.owner} kan installere den på nytt ved å velge dette menyvalget.`
          : `\n\nResponses are registered by the trigger ${trigger.owner} installed. There must be only one; ${trigger.owner} can reinstall it from this menu.`;
      ui.alert(
        (nb
          ? `${renew ? 'Søknadsskjemaet er laget.' : 'Søknadsskjemaet:'}\n\nLenke til søkerne: ${form.getPublishedUrl()}\nRediger: ${form.getEditUrl()}\n\nSvarene kommer inn i arket Søknader med saksnummer.`
          : `${renew ? 'The application form is ready.' : 'The application form:'}\n\nLink for applicants: ${form.getPublishedUrl()}\nEdit: ${form.getEditUrl()}`) +
          triggerNote,
      );
    },
    { lock: false },
  );
}
