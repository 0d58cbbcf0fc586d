import type { Question, Section } from '../intake/application-form';
import { STATUS_REPORTS, type FieldKey } from '../workbook/contract';
import { LIGHTS, REPORT_TYPES, choicesOf } from '../workbook/vocabulary';
import type { Reason } from '../base/result';

/**
 * The status form, described once like the application form: the adapter generates the Google Form
 * from it, and the intake maps answers back by these titles (or the column's header and aliases) into
 * `Statusrapporter` rows, which the follow-up rules then check like any other row. The case id is a
 * question of its own, filled in by the prefilled link in each reminder.
 */
export type StatusKey = FieldKey<typeof STATUS_REPORTS>;
export type StatusQuestion = Question<StatusKey>;

const q = (
  key: StatusKey,
  nb: string,
  en: string,
  kind: StatusQuestion['kind'],
  extra: Partial<StatusQuestion> = {},
): StatusQuestion => ({ key, title: { nb, en }, kind, required: true, ...extra });

const LIGHT_CHOICES = () => choicesOf(LIGHTS);
const LIGHT_HELP: Reason = {
  nb: 'Grønn = i rute, Gul = utfordringer eller risiko, Rød = vesentlige problemer.',
  en: 'Green = on track, Yellow = issues or risk, Red = significant problems.',
};

export const STATUS_FORM_TITLE: Reason = {
  nb: 'Statusrapport for prosjekter med rekrutterings- og samhandlingstilskudd',
  en: 'Status report for projects with the recruitment and collaboration grant',
};

export const STATUS_FORM_DESCRIPTION: Reason = {
  nb: 'Halvårsrapport eller sluttrapport til porteføljesekretariatet. Saksnummeret er fylt inn når du bruker lenken i påminnelsen. Skriv ikke inn pasientopplysninger.',
  en: 'Half-yearly or final report to the portfolio secretariat. The case ID is filled in when you use the link in the reminder. Do not enter patient data.',
};

export const STATUS_FORM: Section<StatusKey>[] = [
  {
    title: { nb: 'Prosjektet', en: 'The project' },
    questions: [
      q('caseId', 'Saksnummer', 'Case ID', 'text', {
        help: { nb: 'Fylt inn fra lenken, f.eks. 2025-05-001.', en: 'Filled in from the link.' },
      }),
      q('type', 'Rapporttype', 'Report type', 'choice', {
        choices: () => choicesOf(REPORT_TYPES),
      }),
      q('check', 'Kode', 'Code', 'text', {
        required: false,
        help: {
          nb: 'Fylt inn fra lenken i påminnelsen; la den stå. Uten riktig kode teller rapporten først når sekretariatet har bekreftet den.',
          en: 'Filled in from the link in the reminder; leave it. Without the right code the report counts only once the secretariat confirms it.',
        },
      }),
      q('reportedBy', 'Rapportert av (rolle og virksomhet)', 'Reported by (role and organisation)', 'text', {
        help: { nb: 'F.eks. «Prosjektleder, Arendal kommune».', en: 'E.g. "Project lead, Arendal".' },
      }),
    ],
  },
  {
    title: { nb: 'Status', en: 'Status' },
    help: {
      nb: 'Kommentar er påkrevd når et lys ikke er grønt.',
      en: 'A comment is required when a light is not green.',
    },
    questions: [
      q('progress', 'Framdrift', 'Progress', 'choice', { choices: LIGHT_CHOICES, help: LIGHT_HELP }),
      q('economy', 'Økonomi', 'Economy', 'choice', { choices: LIGHT_CHOICES, help: LIGHT_HELP }),
      q('risk', 'Risiko', 'Risk', 'choice', { choices: LIGHT_CHOICES, help: LIGHT_HELP }),
      q('comment', 'Kommentar', 'Comment', 'paragraph', { required: false }),
      q('milestones', 'Milepæler (planlagt og nådd)', 'Milestones (planned and reached)', 'paragraph', {
        required: false,
      }),
      q('deviations', 'Avvik og tiltak', 'Deviations and actions', 'paragraph', { required: false }),
      q('dependencies', 'Avhengigheter til andre prosjekter', 'Dependencies on other projects', 'paragraph', {
        required: false,
      }),
    ],
  },
  {
    title: { nb: 'Økonomi og gevinster', en: 'Money and benefits' },
    questions: [
      q('spent', 'Forbruk hittil (kr)', 'Spent to date (NOK)', 'amount', {
        required: false,
        min: 0,
        help: { nb: 'Hele kroner uten mellomrom.', en: 'Whole NOK without spaces.' },
      }),
      q('forecast', 'Prognose for hele perioden (kr)', 'Forecast for the whole period (NOK)', 'amount', {
        required: false,
        min: 0,
      }),
      q(
        'benefits',
        'Gevinster (indikatorer mot utgangspunktet)',
        'Benefits (indicators against the baseline)',
        'paragraph',
        {
          required: false,
        },
      ),
      q(
        'changes',
        'Endringsbehov (omfang, tid, penger)',
        'Change requests (scope, time, money)',
        'paragraph',
        {
          required: false,
        },
      ),
      q(
        'decisions',
        'Beslutninger beslutningsorganet bes ta',
        'Decisions the board is asked to take',
        'paragraph',
        {
          required: false,
          // Forms made before the body became a setting still read.
          formerTitles: ['Beslutninger SSU bes ta'],
        },
      ),
    ],
  },
  {
    title: { nb: 'Bare for sluttrapport', en: 'Final report only' },
    help: {
      nb: 'Fyll ut når rapporttypen er Sluttrapport.',
      en: 'Fill in when the report type is a final report.',
    },
    questions: [
      q('goals', 'Måloppnåelse', 'Goal achievement', 'paragraph', { required: false }),
      q('learning', 'Læringspunkter', 'Learning points', 'paragraph', { required: false }),
      q('spread', 'Potensial for spredning', 'Potential for spread', 'paragraph', { required: false }),
      q('receiver', 'Mottaker i drift', 'Receiving unit in operations', 'text', { required: false }),
      q('benefitOwner', 'Gevinsteier', 'Benefit owner', 'text', { required: false }),
      q('readyForOperations', 'Klar for drift?', 'Ready for operations?', 'yesno', { required: false }),
    ],
  },
];

export const STATUS_QUESTIONS: StatusQuestion[] = STATUS_FORM.flatMap((s) => s.questions);

/** The questions the prefilled link fills: the case id and its code. */
export const CASE_QUESTION = STATUS_QUESTIONS.find((x) => x.key === 'caseId')!;
export const CODE_QUESTION = STATUS_QUESTIONS.find((x) => x.key === 'check')!;
