import { withDesk } from '../platform/desk';
import { TEXT } from '../platform/i18n';
import { BUILT, NEWS, VERSION } from '../platform/version';

/** The text of *Om Tilskudd*: the version and build day, what is new, and how a copy or the add-on updates. */
export function aboutText(lang: 'nb' | 'en'): string {
  const news = NEWS.map((line) => `• ${line}`).join('\n');
  return lang === 'nb'
    ? `Tilskudd ${VERSION}, bygget ${BUILT || 'ukjent dato'}.\n\n` +
        (news ? `Nytt i denne versjonen:\n${news}\n\n` : '') +
        'Slik oppdaterer du:\n' +
        '• Som tillegg fra Google Workspace Marketplace oppdateres Tilskudd av seg selv. Ber en ny versjon om en ny tilgang, spør Google hver bruker én gang.\n' +
        '• I en kopi av malen endres skriptet bare når noen legger inn den nye versjonen: send skript-ID-en (Utvidelser › Apps Script › Prosjektinnstillinger) til den som vedlikeholder Tilskudd og gi vedkommende redigeringstilgang. Last så inn regnearket på nytt, kjør Tilskudd › Sett opp arbeidsboka og godta eventuelle nye tilganger.\n\n' +
        'Tilskudd ber ikke om tilgang til internett, så en kopi kan ikke selv se om det finnes en nyere versjon: se CHANGELOG.md i kildekoden.'
    : `Tilskudd ${VERSION}, built ${BUILT || 'on an unknown day'}.\n\n` +
        (news ? `New in this version (in Norwegian):\n${news}\n\n` : '') +
        'How to update:\n' +
        '• As an add-on from the Google Workspace Marketplace, Tilskudd updates itself. When a new version asks for a new scope, Google asks each user once.\n' +
        '• In a copy of the template the script changes only when someone puts in the new version: send the script id (Extensions › Apps Script › Project settings) to whoever maintains Tilskudd and give them edit access. Then reload the spreadsheet, run Tilskudd › Set up workbook and accept any new scopes.\n\n' +
        'Tilskudd asks for no internet access, so a copy cannot see by itself whether a newer version exists: see CHANGELOG.md in the source.';
}

/** Menu *Om Tilskudd*, for every member. */
export function aboutMenu(): void {
  withDesk(
    ({ lang }) => {
      const ui = SpreadsheetApp.getUi();
      ui.alert(TEXT.about[lang], aboutText(lang), ui.ButtonSet.OK);
    },
    { action: 'read', lock: false },
  );
}
