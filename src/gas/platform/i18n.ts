import type { Lang } from '../../core/base/result';

/** The sheet speaks Norwegian unless its locale is not Norwegian. */
export function langOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Lang {
  return /^(nb|nn|no)([_-]|$)/i.test(ss.getSpreadsheetLocale()) ? 'nb' : 'en';
}

export const TEXT = {
  menu: { nb: 'Tilskudd', en: 'Tilskudd' },
  setup: { nb: 'Sett opp arbeidsboka', en: 'Set up workbook' },
  wizard: { nb: 'Oppsettsveiviser', en: 'Set-up wizard' },
  about: { nb: 'Om Tilskudd', en: 'About Tilskudd' },
  createForm: { nb: 'Opprett søknadsskjema', en: 'Create application form' },
  check: { nb: 'Kontroller portefølje', en: 'Check portfolio' },
  registerMissing: { nb: 'Registrer manglende svar', en: 'Register missing responses' },
  supplement: { nb: 'Registrer tilleggsbevilling', en: 'Register supplementary allocation' },
  approveFinalReport: { nb: 'Godkjenn sluttrapport', en: 'Approve final report' },
  createStatusForm: { nb: 'Opprett statusskjema', en: 'Create status form' },
  createInputForm: { nb: 'Opprett innspillsskjema', en: 'Create input form' },
  regionLinks: { nb: 'Lenker til regionene', en: 'Links for the regions' },
  showReminders: { nb: 'Vis påminnelser', en: 'Show reminders' },
  payment: { nb: 'Registrer utbetaling', en: 'Register payment' },
  busy: {
    nb: 'Arbeidsboka er opptatt med en annen endring. Prøv igjen om litt.',
    en: 'The workbook is busy with another change. Try again shortly.',
  },
} as const;
