import type { Lang, Reason } from '../base/result';
import type { IntakeStuck } from './rules/intake-stuck';

/**
 * *Diagnose*: what live Google says about the things intake stands on — the forms, their journals, the
 * triggers, the lock, the mail quota — which no sandbox test can see. The adapter gathers the facts
 * (reading only); this turns them into one finding per check, each with what to do, and the report's rows.
 */
export type Verdict = 'ok' | 'warning' | 'problem';

export interface DiagnosisFinding {
  check: Reason;
  verdict: Verdict;
  found: Reason;
  todo: Reason;
}

/** What an opened form says about itself. */
export interface FormState {
  /** No publish settings (made before publishing came): `isPublished` would throw. */
  legacy: boolean;
  /** Null for a legacy form. */
  published: boolean | null;
  accepting: boolean;
  /** Respondents may edit a submitted response (an edit would become a new response). */
  editable: boolean;
  /** The spreadsheet the form sends its responses to, or null. */
  destinationId: string | null;
}

export interface JournalFacts {
  /** The form, in messages («søknadsskjemaet»). */
  label: Reason;
  /** Where a member makes the form (a menu path). */
  menu: Reason;
  /**
   * For a form that needs not exist yet, when it is needed («når prosjektene skal rapportere» for the status
   * form); null for a form that must exist.
   */
  optional: Reason | null;
  /** A form made again, still open beside its successor until this instant (ms); null for a current form. */
  retiringUntil: number | null;
  /** The form id the document keeps; null when no form was made. */
  formId: string | null;
  /** The form id the journal keeps with its response sheet and questions; null when none. */
  journalFormId: string | null;
  /** The form as opened, or why it could not be opened; null when there is no form id. */
  form: FormState | { unreadable: string } | null;
  /** The linked response sheet: its name, and whether it still belongs to the form (null: unknown). */
  responseSheet: { name: string; linked: boolean | null } | null;
}

export interface LiveFacts {
  now: number;
  spreadsheetId: string;
  journals: JournalFacts[];
  triggers: {
    user: string;
    /** Who the document says holds the triggers; '' for no one. */
    owner: string;
    /** This user's triggers of this project, by handler: the two current ones and earlier versions'. */
    mine: { submit: number; hourly: number; old: number };
    /** Members the document names as holding an earlier version's triggers. */
    oldOwners: string[];
  };
  lock: { document: boolean; acquired: boolean };
  mail: { remaining: number } | { error: string };
  stuck: IntakeStuck[];
  version: { version: string; built: string };
  /** The check's colours: its hidden marks sheet, and the product's rules on each highlighted sheet. */
  highlights: {
    marksSheet: 'hidden' | 'visible' | 'missing';
    /** Whether Google protects it for real (set-up does; a sheet the check made is not). */
    marksProtected: boolean;
    /**
     * Per highlighted sheet the workbook has: the severities the product's rules on it colour, the last row
     * every one of them reaches, and the sheet's last row with data.
     */
    sheets: Array<{ name: string; rules: number; reach: number; lastRow: number }>;
  };
  /** The whole-sheet read `getSheetValues(1, 1, -1, -1)` on a sheet with content. */
  wholeRead: {
    sheet: string;
    path: 'minus-one' | 'fallback';
    /** Its size equals the data range's (minus-one), or what Google said (fallback). */
    agrees: boolean;
    detail: string;
  };
}

/** Below this many e-mails left, a reminder run may not reach everyone today. */
export const LOW_MAIL_QUOTA = 20;

const r = (nb: string, en: string): Reason => ({ nb, en });
const NOTHING = r('Ingenting.', 'Nothing.');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** Google's own error text, quoted at most this long. */
const quote = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

const finding = (check: Reason, verdict: Verdict, found: Reason, todo: Reason = NOTHING) => ({
  check,
  verdict,
  found,
  todo,
});

/** Every check's finding, in the order of the report. */
export function diagnose(facts: LiveFacts): DiagnosisFinding[] {
  return [
    ...facts.journals.flatMap((j) => journalFindings(j, facts)),
    ...triggerFindings(facts),
    lockFinding(facts.lock),
    mailFinding(facts.mail),
    ...stuckFindings(facts.stuck),
    versionFinding(facts.version),
    highlightFinding(facts.highlights),
    wholeReadFinding(facts.wholeRead),
  ];
}

/** Rules per sheet the check colours with: one per severity. */
const HIGHLIGHT_RULES = 3;

function highlightFinding(h: LiveFacts['highlights']): DiagnosisFinding {
  const check = r('Farger for avvik', 'Colours for findings');
  const setup = r('Kjør Tilskudd › Sett opp arbeidsboka (leder).', 'Run Tilskudd › Set up workbook (chair).');
  const problems: Reason[] = [];
  if (h.marksSheet === 'missing')
    problems.push(
      r(
        'Arket «Avviksfarger» finnes ikke; neste kontroll lager det, men ubeskyttet',
        'The "Avviksfarger" sheet does not exist; the next check makes it, but unprotected',
      ),
    );
  if (h.marksSheet === 'visible')
    problems.push(r('arket «Avviksfarger» er ikke skjult', 'the "Avviksfarger" sheet is not hidden'));
  if (h.marksSheet !== 'missing' && !h.marksProtected)
    problems.push(
      r(
        'arket «Avviksfarger» er ikke beskyttet, så hvem som helst med redigeringstilgang kan ta bort fargen på et avvik',
        'the "Avviksfarger" sheet is not protected, so anyone who may edit the spreadsheet can take away a finding\'s colour',
      ),
    );
  for (const s of h.sheets) {
    if (s.rules !== HIGHLIGHT_RULES)
      problems.push(
        r(
          `«${s.name}» har ${s.rules} av ${HIGHLIGHT_RULES} fargeregler (noen er slettet eller endret)`,
          `"${s.name}" has ${s.rules} of ${HIGHLIGHT_RULES} colour rules (some were deleted or changed)`,
        ),
      );
    else if (s.reach < s.lastRow)
      problems.push(
        r(
          `reglene på «${s.name}» når til rad ${s.reach}, arket har data til rad ${s.lastRow}`,
          `the rules on "${s.name}" reach row ${s.reach}, the sheet has data to row ${s.lastRow}`,
        ),
      );
  }
  if (problems.length > 0)
    return finding(
      check,
      'warning',
      r(
        `${cap(problems.map((p) => p.nb).join('; '))}. Avvik som ikke får farge, står likevel i «Avvik».`,
        `${cap(problems.map((p) => p.en).join('; '))}. Findings without a colour are still in "Avvik".`,
      ),
      setup,
    );
  return finding(
    check,
    'ok',
    r(
      `Fargereglene står på ${h.sheets.length} ark og når alle rader med data; «Avviksfarger» er skjult og beskyttet.`,
      `The colour rules are on ${h.sheets.length} sheets and reach every row with data; "Avviksfarger" is hidden and protected.`,
    ),
  );
}

function journalFindings(j: JournalFacts, facts: LiveFacts): DiagnosisFinding[] {
  const name = j.retiringUntil === null ? j.label : r(`det gamle ${j.label.nb}`, `the old ${j.label.en}`);
  const publishing = r(`${cap(name.nb)}: publisering`, `${cap(name.en)}: publishing`);
  const link = r(`${cap(name.nb)}: kobling til arket`, `${cap(name.en)}: link to the sheet`);
  if (j.formId === null) {
    return [
      j.optional
        ? finding(
            publishing,
            'ok',
            r('Ikke laget ennå.', 'Not made yet.'),
            r(
              `Ingenting nå; velg ${j.menu.nb} ${j.optional.nb}.`,
              `Nothing now; choose ${j.menu.en} ${j.optional.en}.`,
            ),
          )
        : finding(
            publishing,
            'warning',
            r(`${cap(j.label.nb)} er ikke laget.`, `The ${j.label.en} has not been made.`),
            r(`Velg ${j.menu.nb}.`, `Choose ${j.menu.en}.`),
          ),
    ];
  }
  return [publishFinding(j, publishing, facts.now), linkFinding(j, link, facts.spreadsheetId)];
}

function publishFinding(j: JournalFacts, check: Reason, now: number): DiagnosisFinding {
  const form = j.form;
  const open = r(
    'Åpne skjemaet i Google Skjemaer og publiser det (et eldre skjema: slå på «Godtar svar»).',
    'Open the form in Google Forms and publish it (an older form: turn on "Accepting responses").',
  );
  if (form === null || 'unreadable' in form) {
    return finding(
      check,
      'warning',
      r(
        `Skjemaet (id ${j.formId}) kan ikke åpnes av deg: det er slettet, eller det tilhører et annet medlem som ikke har delt det.${form ? ` Google: ${quote(form.unreadable)}` : ''}`,
        `The form (id ${j.formId}) cannot be opened by you: it was deleted, or it belongs to another member who has not shared it.${form ? ` Google: ${quote(form.unreadable)}` : ''}`,
      ),
      r(
        `Be den som laget skjemaet om å dele det med deg eller kjøre Diagnose selv. Er det slettet: velg ${j.menu.nb}.`,
        `Ask whoever made the form to share it with you or to run Diagnosis. If it was deleted: choose ${j.menu.en}.`,
      ),
    );
  }
  const takes = form.accepting && form.published !== false;
  const legacy = form.legacy
    ? r(' (eldre skjema uten publiseringsinnstillinger)', ' (an older form without publish settings)')
    : r('', '');
  if (j.retiringUntil !== null) {
    const until = day(j.retiringUntil);
    if (now < j.retiringUntil) {
      return takes
        ? finding(
            check,
            'ok',
            r(
              `Tar imot svar til ${until}${legacy.nb}; så stenger timeutløseren det.`,
              `Accepts responses until ${until}${legacy.en}; then the hourly trigger closes it.`,
            ),
          )
        : finding(
            check,
            'warning',
            r(
              `Stengt før ${until}${legacy.nb}: svar sendt til den gamle lenken kommer ikke inn.`,
              `Closed before ${until}${legacy.en}: responses sent to the old link do not arrive.`,
            ),
            r(`Var det ikke meningen: ${open.nb}`, `If that was not meant: ${open.en}`),
          );
    }
    return takes
      ? finding(
          check,
          'warning',
          r(
            `Skulle vært stengt ${until}, men tar fortsatt imot svar${legacy.nb}.`,
            `Should have closed on ${until}, but still accepts responses${legacy.en}.`,
          ),
          r(
            'Timeutløseren stenger det. Skjer det ikke innen en time: se «Utløsere» i denne rapporten; den som eier skjemaet, må eie utløserne.',
            'The hourly trigger closes it. If that does not happen within an hour: see "Triggers" in this report; whoever owns the form must own the triggers.',
          ),
        )
      : finding(
          check,
          'ok',
          r(
            'Stengt; kobles fra arket ved neste timekjøring.',
            'Closed; unlinked from the sheet at the next hourly run.',
          ),
        );
  }
  if (form.published === false)
    return finding(
      check,
      'problem',
      r('Skjemaet er ikke publisert: ingen kan sende inn.', 'The form is not published: no one can send it.'),
      open,
    );
  if (!form.accepting)
    return finding(
      check,
      'problem',
      r(`Skjemaet tar ikke imot svar${legacy.nb}.`, `The form does not accept responses${legacy.en}.`),
      open,
    );
  if (form.editable)
    return finding(
      check,
      'warning',
      r(
        `Publisert og tar imot svar${legacy.nb}, men innsendte svar kan endres (en endring blir et nytt svar).`,
        `Published and accepting responses${legacy.en}, but submitted responses can be edited (an edit becomes a new response).`,
      ),
      r(
        'Slå av «Tillat redigering av svar» i skjemaets innstillinger i Google Skjemaer.',
        'Turn off "Allow response editing" in the form\'s settings in Google Forms.',
      ),
    );
  return finding(
    check,
    'ok',
    r(
      form.legacy ? `Tar imot svar${legacy.nb}.` : 'Publisert og tar imot svar.',
      form.legacy ? `Accepts responses${legacy.en}.` : 'Published and accepting responses.',
    ),
  );
}

function linkFinding(j: JournalFacts, check: Reason, spreadsheetId: string): DiagnosisFinding {
  const relink = r(
    `Velg ${j.menu.nb} og behold skjemaet, så kobles det til igjen.`,
    `Choose ${j.menu.en} and keep the form to link it again.`,
  );
  const form = j.form !== null && !('unreadable' in j.form) ? j.form : null;
  if (form && form.destinationId === null)
    return finding(
      check,
      'problem',
      r('Skjemaet sender ikke svarene til noe regneark.', 'The form sends its responses to no spreadsheet.'),
      relink,
    );
  if (form && form.destinationId !== spreadsheetId)
    return finding(
      check,
      'problem',
      r(
        `Skjemaet sender svarene til et annet regneark (id ${form.destinationId}).`,
        `The form sends its responses to another spreadsheet (id ${form.destinationId}).`,
      ),
      relink,
    );
  if (j.responseSheet === null)
    return finding(
      check,
      'problem',
      r(
        'Arket med svarene er ikke kjent her (ikke koblet ennå, eller slettet).',
        'The sheet with the responses is not known here (not linked yet, or deleted).',
      ),
      relink,
    );
  const sheet = j.responseSheet.name;
  if (j.responseSheet.linked === false)
    return finding(
      check,
      'warning',
      r(
        `Arket «${sheet}» hører ikke lenger til skjemaet (koblet fra og til igjen i Google Skjemaer).`,
        `The "${sheet}" sheet no longer belongs to the form (unlinked and linked again in Google Forms).`,
      ),
      r(
        'Velg Tilskudd › Søknader og vurdering › Registrer manglende svar: svarene i arket registreres, og skjemaets nye ark kobles til.',
        "Choose Tilskudd › Applications and assessment › Register missing responses: the sheet's responses are registered and the form's new sheet is linked.",
      ),
    );
  if (j.journalFormId !== null && j.journalFormId !== j.formId)
    return finding(
      check,
      'warning',
      r(
        `Journalen husker et annet skjema (id ${j.journalFormId}) enn det gjeldende (id ${j.formId}).`,
        `The journal remembers another form (id ${j.journalFormId}) than the current one (id ${j.formId}).`,
      ),
      relink,
    );
  return finding(
    check,
    'ok',
    r(
      `Svarene går til arket «${sheet}» i dette regnearket${j.responseSheet.linked === null ? ' (skjemaet kunne ikke åpnes for å bekrefte koblingen)' : ''}.`,
      `Responses go to the "${sheet}" sheet of this spreadsheet${j.responseSheet.linked === null ? ' (the form could not be opened to confirm the link)' : ''}.`,
    ),
  );
}

function triggerFindings(facts: LiveFacts): DiagnosisFinding[] {
  const check = r('Utløsere', 'Triggers');
  const { user, owner, mine, oldOwners } = facts.triggers;
  const held = mine.submit + mine.hourly + mine.old;
  const needed = facts.journals.some((j) => j.formId !== null);
  const setup = r('Velg Tilskudd › Sett opp arbeidsboka.', 'Choose Tilskudd › Set up workbook.');
  const out: DiagnosisFinding[] = [];
  if (owner === '') {
    out.push(
      held > 0
        ? finding(
            check,
            'warning',
            r(
              `Du har ${held} utløser(e), men dokumentet sier ikke hvem som eier utløserne.`,
              `You hold ${held} trigger(s), but the document does not say who holds the triggers.`,
            ),
            setup,
          )
        : needed
          ? finding(
              check,
              'problem',
              r(
                'Ingen har installert utløserne: nye svar registreres ikke av seg selv, og påminnelser sendes ikke.',
                'No one has installed the triggers: new responses are not registered by themselves and no reminders are sent.',
              ),
              r(
                'Velg Tilskudd › Søknader og vurdering › Opprett søknadsskjema og behold skjemaet; det installerer utløserne.',
                'Choose Tilskudd › Applications and assessment › Create application form and keep the form; it installs the triggers.',
              ),
            )
          : finding(
              check,
              'ok',
              r(
                'Ingen utløsere, og ingen trengs før et skjema er laget.',
                'No triggers, and none needed before a form is made.',
              ),
            ),
    );
  } else if (owner === user) {
    const missing = [
      ...(mine.submit === 0 ? [r('utløseren for skjemasvar', 'the form-submit trigger')] : []),
      ...(mine.hourly === 0 ? [r('timeutløseren', 'the hourly trigger')] : []),
    ];
    if (missing.length > 0)
      out.push(
        finding(
          check,
          'problem',
          r(
            `Dokumentet sier at du eier utløserne, men ${missing.map((m) => m.nb).join(' og ')} finnes ikke hos deg.`,
            `The document says you hold the triggers, but you have no ${missing.map((m) => m.en).join(' and ')}.`,
          ),
          r(
            'Velg Tilskudd › Sett opp arbeidsboka; det installerer dem på nytt.',
            'Choose Tilskudd › Set up workbook; it installs them again.',
          ),
        ),
      );
    else if (mine.submit > 1 || mine.hourly > 1 || mine.old > 0)
      out.push(
        finding(
          check,
          'warning',
          r(
            `Du har ${held} utløsere; to skal finnes (én for skjemasvar, én hver time).`,
            `You hold ${held} triggers; there should be two (one for form responses, one hourly).`,
          ),
          r(
            'Velg Tilskudd › Sett opp arbeidsboka; det erstatter dem med de to.',
            'Choose Tilskudd › Set up workbook; it replaces them with the two.',
          ),
        ),
      );
    else
      out.push(
        finding(
          check,
          'ok',
          r(
            'Du eier utløserne: én for skjemasvar og én hver time.',
            'You hold the triggers: one for form responses and one hourly.',
          ),
        ),
      );
  } else {
    out.push(
      held > 0
        ? finding(
            check,
            'warning',
            r(
              `Utløserne eies av ${owner}, men du har også ${held}: hvert svar behandles da to ganger (Svar-ID hindrer dobbel registrering).`,
              `The triggers are held by ${owner}, but you hold ${held} too: each response is then handled twice (Svar-ID prevents a double registration).`,
            ),
            r(
              'Velg Tilskudd › Sett opp arbeidsboka; det fjerner dine.',
              'Choose Tilskudd › Set up workbook; it removes yours.',
            ),
          )
        : finding(
            check,
            'ok',
            r(
              `Utløserne eies av ${owner}. Google viser bare hver brukers egne utløsere.`,
              `The triggers are held by ${owner}. Google shows each user only their own triggers.`,
            ),
            r(
              `Diagnose ser bare dine egne. Har ${owner} sluttet, eller står registreringen fast (se «Inntak»): velg Tilskudd › Søknader og vurdering › Opprett søknadsskjema og ta over utløserne.`,
              `Diagnosis sees only yours. If ${owner} has left, or registration is stuck (see "Intake"): choose Tilskudd › Applications and assessment › Create application form and take over the triggers.`,
            ),
          ),
    );
  }
  if (oldOwners.length > 0)
    out.push(
      finding(
        check,
        'warning',
        r(
          `${oldOwners.join(', ')} har utløsere fra en tidligere versjon.`,
          `${oldOwners.join(', ')} hold triggers of an earlier version.`,
        ),
        r(
          'Be dem velge Tilskudd › Sett opp arbeidsboka én gang, så fjernes de (ingen svar går tapt imens).',
          'Ask them to choose Tilskudd › Set up workbook once to remove them (no response is lost meanwhile).',
        ),
      ),
    );
  return out;
}

function lockFinding(lock: LiveFacts['lock']): DiagnosisFinding {
  const check = r('Dokumentlås', 'Document lock');
  if (!lock.document)
    return finding(
      check,
      'warning',
      r(
        'Google gir ingen dokumentlås her (skriptet kjører ikke som en del av regnearket); Tilskudd bruker skriptlåsen, så alle kjøringer venter på hverandre.',
        'Google gives no document lock here (the script does not run as part of the spreadsheet); Tilskudd uses the script lock, so every run waits for the others.',
      ),
      r(
        'Ingenting må gjøres. Meld fra til den som vedlikeholder Tilskudd: et bundet skript eller et tillegg skal ha dokumentlåsen.',
        'Nothing needs doing. Tell whoever maintains Tilskudd: a bound script or an add-on should have the document lock.',
      ),
    );
  if (!lock.acquired)
    return finding(
      check,
      'warning',
      r(
        'En annen kjøring holdt låsen i hele sekundet Diagnose ventet.',
        'Another run held the lock for the whole second Diagnosis waited.',
      ),
      r(
        'Prøv Diagnose igjen om et minutt. Er den fortsatt opptatt, venter endringer og skjemasvar: se «Inntak».',
        'Run Diagnosis again in a minute. If it is still busy, changes and form responses wait: see "Intake".',
      ),
    );
  return finding(check, 'ok', r('Låsen kan tas og slippes.', 'The lock can be taken and released.'));
}

function mailFinding(mail: LiveFacts['mail']): DiagnosisFinding {
  const check = r('E-postkvote', 'Mail quota');
  if ('error' in mail)
    return finding(
      check,
      'warning',
      r(`Kvoten kunne ikke leses: ${quote(mail.error)}`, `The quota could not be read: ${quote(mail.error)}`),
      r(
        'Velg Tilskudd › Sett opp arbeidsboka og godta tilgangene Google spør om.',
        'Choose Tilskudd › Set up workbook and accept the scopes Google asks for.',
      ),
    );
  const left = mail.remaining;
  const wait = r(
    'Vent til kvoten fornyes (Google teller 24 timer bakover); påminnelser som ikke ble sendt, sendes i en senere kjøring.',
    'Wait until the quota renews (Google counts 24 hours back); reminders not sent go out in a later run.',
  );
  if (left <= 0)
    return finding(
      check,
      'problem',
      r(
        'Ingen e-poster igjen i dag fra kontoen din: kvitteringer og påminnelser sendes ikke.',
        'No e-mails left today from your account: receipts and reminders are not sent.',
      ),
      wait,
    );
  if (left < LOW_MAIL_QUOTA)
    return finding(
      check,
      'warning',
      r(
        `Bare ${left} e-poster igjen i dag fra kontoen din.`,
        `Only ${left} e-mails left today from your account.`,
      ),
      wait,
    );
  return finding(
    check,
    'ok',
    r(`${left} e-poster igjen i dag fra kontoen din.`, `${left} e-mails left today from your account.`),
  );
}

function stuckFindings(stuck: readonly IntakeStuck[]): DiagnosisFinding[] {
  const check = r('Inntak', 'Intake');
  if (stuck.length === 0)
    return [
      finding(
        check,
        'ok',
        r('Ingen registrering av skjemasvar står fast.', 'No registration of form responses is stuck.'),
      ),
    ];
  return stuck.map((s) =>
    finding(
      check,
      'problem',
      r(
        `Svar fra ${s.journal.nb} er ikke registrert siden ${day(s.since.getTime())}: ${s.reason.nb}`,
        `Responses of the ${s.journal.en} not registered since ${day(s.since.getTime())}: ${s.reason.en}`,
      ),
      r(
        'Rett årsaken, og velg Tilskudd › Søknader og vurdering › Registrer manglende svar. Svarene venter i arket med skjemasvarene.',
        'Fix the cause, then choose Tilskudd › Applications and assessment › Register missing responses. The responses wait in the form responses sheet.',
      ),
    ),
  );
}

function versionFinding(v: LiveFacts['version']): DiagnosisFinding {
  const check = r('Versjon', 'Version');
  if (v.version === 'dev' || v.version === '')
    return finding(
      check,
      'warning',
      r('Et utviklingsbygg uten versjonsnummer.', 'A development build without a version number.'),
      r(
        'Be den som vedlikeholder Tilskudd legge inn en bygget versjon (npm run deploy).',
        'Ask whoever maintains Tilskudd to put in a built version (npm run deploy).',
      ),
    );
  return finding(
    check,
    'ok',
    r(
      `Tilskudd ${v.version}, bygget ${v.built || 'ukjent dato'}.`,
      `Tilskudd ${v.version}, built ${v.built || 'on an unknown day'}.`,
    ),
    r(
      'Ingenting; «Om Tilskudd» sier hvordan dere oppdaterer.',
      'Nothing; «About Tilskudd» says how to update.',
    ),
  );
}

function wholeReadFinding(w: LiveFacts['wholeRead']): DiagnosisFinding {
  const check = r('Lesing av hele ark', 'Whole-sheet read');
  const tell = r(
    'Meld fra til den som vedlikeholder Tilskudd (Google dokumenterer ikke -1 som antall).',
    'Tell whoever maintains Tilskudd (Google does not document -1 as a count).',
  );
  if (w.path === 'fallback')
    return finding(
      check,
      'warning',
      r(
        `Google avviste getSheetValues(1, 1, -1, -1) på arket «${w.sheet}» (${quote(w.detail)}); Tilskudd leser da med getDataRange, som virker.`,
        `Google refused getSheetValues(1, 1, -1, -1) on the "${w.sheet}" sheet (${quote(w.detail)}); Tilskudd then reads with getDataRange, which works.`,
      ),
      r(`Ingenting må gjøres. ${tell.nb}`, `Nothing needs doing. ${tell.en}`),
    );
  if (!w.agrees)
    return finding(
      check,
      'problem',
      r(
        `getSheetValues(1, 1, -1, -1) på arket «${w.sheet}» ga ikke det samme som getDataRange (${w.detail}): ark kan leses ufullstendig.`,
        `getSheetValues(1, 1, -1, -1) on the "${w.sheet}" sheet did not give what getDataRange gives (${w.detail}): sheets may be read incompletely.`,
      ),
      r(`Stans bruken til det er rettet. ${tell.nb}`, `Stop using it until this is fixed. ${tell.en}`),
    );
  return finding(
    check,
    'ok',
    r(
      `getSheetValues(1, 1, -1, -1) leser hele arket «${w.sheet}» i ett kall (${w.detail}).`,
      `getSheetValues(1, 1, -1, -1) reads the whole "${w.sheet}" sheet in one call (${w.detail}).`,
    ),
  );
}

export const VERDICTS: Record<Verdict, Reason> = {
  ok: r('OK', 'OK'),
  warning: r('Advarsel', 'Warning'),
  problem: r('Problem', 'Problem'),
};

/** What Diagnose cannot see, said in every report. */
export const NOT_CHECKED: Reason = r(
  'Hvem som får svare på et skjema, kan ikke leses av et skript. Åpne skjemaet i Google Skjemaer, velg «Publisert» › «Administrer» og se at svarerne er «Alle med linken» (eller de dere har valgt).',
  'Who may respond to a form cannot be read by a script. Open the form in Google Forms, choose "Published" › "Manage" and see that responders are "Anyone with the link" (or whom you chose).',
);

export const DIAGNOSIS_SHEET = 'Diagnose';

/** The width of a report block in the `Diagnose` sheet. */
export const REPORT_COLUMNS = 4;

/**
 * One dated report block: a title row (when, who, version, the counts), a header row, a row per finding
 * and a row saying what is not checked; every row `REPORT_COLUMNS` wide.
 */
export function reportRows(
  findings: readonly DiagnosisFinding[],
  meta: { when: string; user: string; version: string },
  lang: Lang,
): string[][] {
  const count = (v: Verdict) => findings.filter((f) => f.verdict === v).length;
  const nb = lang === 'nb';
  const [p, w, o] = [count('problem'), count('warning'), count('ok')];
  const summary = nb
    ? `${p} ${p === 1 ? 'problem' : 'problemer'}, ${w} ${w === 1 ? 'advarsel' : 'advarsler'}, ${o} OK`
    : `${p} problem${p === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${o} OK`;
  return [
    [
      nb ? `Diagnose ${meta.when}` : `Diagnosis ${meta.when}`,
      nb ? `Kjørt av ${meta.user}` : `Run by ${meta.user}`,
      `Tilskudd ${meta.version}`,
      summary,
    ],
    nb ? ['Kontroll', 'Status', 'Funn', 'Hva du gjør'] : ['Check', 'Status', 'Found', 'What to do'],
    ...findings.map((f) => [f.check[lang], VERDICTS[f.verdict][lang], f.found[lang], f.todo[lang]]),
    [nb ? 'Ikke kontrollert' : 'Not checked', '', NOT_CHECKED[lang], ''],
  ];
}
