import { readSettings, type WorkbookValues } from '../core/records';
import { SETTINGS_SHEET } from '../core/contract';
import { formatMoney } from '../core/money';
import { runCheck } from './check';
import { withDesk } from './desk';
import { DOCUMENT_TEXT } from './documents-menu';
import { createApplicationForm } from './form';
import { TEXT, langOf } from './i18n';
import { appendLog } from './log';
import { setupDoneText, setupWorkbook } from './setup';
import { readValues } from './sheets';
import { registerSupplement } from './supplement';
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
  // Sidebars (src/gas/sidebars.ts); the prompt-based registerSupplementPrompt stays callable.
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
  withDesk(({ ss, sheets, lang, user }) => {
    const settingsSheet = sheets.find(SETTINGS_SHEET);
    const values: WorkbookValues = settingsSheet
      ? { [SETTINGS_SHEET.name]: readValues(settingsSheet, ss.getSpreadsheetTimeZone()) }
      : {};
    const form = createApplicationForm(ss, readSettings(values), lang);
    appendLog(sheets, user, [{ action: 'Opprett søknadsskjema', after: form.getPublishedUrl() }]);
    SpreadsheetApp.getUi().alert(
      lang === 'nb'
        ? `Søknadsskjemaet er laget.\n\nLenke til søkerne: ${form.getPublishedUrl()}\nRediger: ${form.getEditUrl()}\n\nSvarene kommer inn i arket Søknader med saksnummer.`
        : `The application form is ready.\n\nLink for applicants: ${form.getPublishedUrl()}\nEdit: ${form.getEditUrl()}`,
    );
  });
}

/** Asks for case, amount and reason; the sidebar dialog (later) calls the same registration. */
export function supplementPromptMenu(): void {
  withDesk((desk) => {
    const ui = SpreadsheetApp.getUi();
    const nb = desk.lang === 'nb';
    const ask = (question: string): string | null => {
      const answer = ui.prompt(TEXT.supplement[desk.lang], question, ui.ButtonSet.OK_CANCEL);
      return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : null;
    };
    const caseId = ask(nb ? 'Saksnummer for prosjektet (f.eks. 2025-05-001):' : 'Case ID of the project:');
    if (caseId === null) return;
    const amount = ask(nb ? 'Beløp (f.eks. 50 000):' : 'Amount (e.g. 50 000):');
    if (amount === null) return;
    const reason = ask(nb ? 'Begrunnelse (hvorfor er tillegget nødvendig?):' : 'Reason (why is it needed?):');
    if (reason === null) return;
    const done = registerSupplement(desk, { caseId, amount, reason });
    ui.alert(
      nb
        ? `Tilleggsbevilling på ${formatMoney(done.amount)} registrert for ${caseId.trim()}. Gjenstående fullmakt: ${formatMoney(done.left)}. Husk å rapportere den til SSU.`
        : `Supplementary allocation of ${formatMoney(done.amount)} registered for ${caseId.trim()}. Authority left: ${formatMoney(done.left)}. Remember to report it to the board.`,
    );
  });
}
