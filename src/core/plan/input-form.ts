import type { Reason } from '../base/result';
import { cellText, normalizeKey } from '../base/text';
import type { Question, Section } from '../intake/application-form';
import { titleIndex } from '../intake/intake';
import { answerOf, isTimestampTitle, type NamedValues } from '../intake/journal';
import { REGIONAL_INPUT, type Field, type FieldKey } from '../workbook/contract';
import { LIGHTS, REPORT_CHECKS, choicesOf } from '../workbook/vocabulary';
import type { Plan } from './records';

/**
 * The regions' input form (*innspillsskjema*), described once like the status form: the adapter generates
 * the Google Form from it, and the intake maps the answers back by these titles (or the column's header and
 * aliases) into `Innspill` rows. The region is chosen from the settings' regions; the measure from the
 * plan's measures as the form was made, and checked against the plan again when the answer comes in.
 */
export type InputKey = FieldKey<typeof REGIONAL_INPUT>;
export type InputQuestion = Question<InputKey>;

export const INPUT_FORM_TITLE: Reason = {
  nb: 'Innspill fra regionene til handlingsplanen',
  en: "The regions' input to the action plan",
};

export const INPUT_FORM_DESCRIPTION: Reason = {
  nb: 'Regionalt samarbeidsutvalg (RS) gir sin vurdering av et tiltak i handlingsplanen, særlig de røde. Ett svar per tiltak. Skriv ikke inn pasientopplysninger.',
  en: 'A regional council (RS) gives its view of a measure in the action plan, especially the red ones. One response per measure. Do not enter patient data.',
};

const q = (
  key: InputKey,
  nb: string,
  en: string,
  kind: InputQuestion['kind'],
  extra: Partial<InputQuestion> = {},
): InputQuestion => ({ key, title: { nb, en }, kind, required: true, ...extra });

export const INPUT_FORM: Section<InputKey>[] = [
  {
    title: { nb: 'Innspill', en: 'Input' },
    questions: [
      q('region', 'Region', 'Region', 'list', { choices: (s) => s.regions }),
      q('nr', 'Tiltak', 'Measure', 'list', {
        // The plan's measures, not the settings': the adapter sets them from `measureChoices` when it makes the form.
        choices: () => [],
        help: {
          nb: 'Tiltaket i handlingsplanen, med nummer.',
          en: 'The measure in the action plan, with its number.',
        },
      }),
      q('assessment', 'Vurdering', 'Assessment', 'choice', {
        choices: () => choicesOf(LIGHTS),
        help: {
          nb: 'Grønn = i rute, Gul = utfordringer eller risiko, Rød = vesentlige problemer.',
          en: 'Green = on track, Yellow = issues or risk, Red = significant problems.',
        },
      }),
      q('comment', 'Kommentar', 'Comment', 'paragraph'),
      q('check', 'Kode', 'Code', 'text', {
        required: false,
        help: {
          nb: 'Fylt inn fra regionens lenke; la den stå. Uten riktig kode er innspillet ubekreftet til sekretariatet har bekreftet det.',
          en: "Filled in from the region's link; leave it. Without the right code the input is unverified until the secretariat confirms it.",
        },
      }),
    ],
  },
];

export const INPUT_QUESTIONS: InputQuestion[] = INPUT_FORM.flatMap((s) => s.questions);

/** The question whose choices are the plan's measures, filled in when the form is made. */
export const MEASURE_QUESTION = INPUT_QUESTIONS.find((x) => x.key === 'nr')!;

/** The questions a region's link fills: the region and its code. */
export const REGION_QUESTION = INPUT_QUESTIONS.find((x) => x.key === 'region')!;
export const CODE_QUESTION = INPUT_QUESTIONS.find((x) => x.key === 'check')!;

/**
 * `Kontroll` for a response, in place of its code: *Kode stemmer* when it is the region's own (`expected`,
 * from the region's link), else *Ubekreftet* (anyone with the form's address can choose any region);
 * blank while no key exists (`expected` null), as a row typed in.
 */
export function inputCheck(code: unknown, expected: string | null): string {
  if (expected === null) return '';
  const given = cellText(code).trim();
  return given !== '' && given === expected ? REPORT_CHECKS.token.nb : REPORT_CHECKS.unverified.nb;
}

/** A measure as the form offers it: «1.2.3 – Felles legevakt» (the number first, so the intake reads it back). */
export const measureChoice = (nr: string, text: string): string =>
  text.trim() === '' ? nr : `${nr} – ${text.trim().replace(/\s+/g, ' ').slice(0, 200)}`;

/** The plan's measures as the form's choices, in plan order; none without a plan. */
export function measureChoices(plan: Plan | null): string[] {
  return (plan?.items ?? [])
    .filter((i) => i.level === 3 && i.number !== '')
    .map((i) => measureChoice(i.number, i.text));
}

/** The measure number an answer names: «1.2.3 – Tekst» → «1.2.3», a bare number as written. */
export const measureOfAnswer = (answer: string): string =>
  /^\s*(\d+(?:\.\d+)*)/.exec(answer)?.[1] ?? answer.trim();

/** The plan's measure numbers, for checking an answer against the plan as it is now. */
export const planMeasures = (plan: Plan | null): Set<string> =>
  new Set((plan?.items ?? []).filter((i) => i.level === 3 && i.number !== '').map((i) => i.number));

export interface InputSubmission {
  cells: Partial<Record<InputKey, unknown>>;
  /** The respondent's e-mail when the form collects it ('' when it does not). */
  email: string;
  unmatched: Array<{ title: string; answer: string }>;
}

/** Google's column for a collected e-mail, in the languages a response sheet is made in. */
const EMAIL_TITLES = new Set(['e-postadresse', 'email address', 'e-mail address', 'email']);

const ASKED = new Set<string>(INPUT_QUESTIONS.map((x) => x.key));
let index: Map<string, InputQuestion | Field> | undefined;

/** The answers of one response as the cells of one `Innspill` row (pure); unknown answers kept apart. */
export function mapInputAnswers(named: NamedValues): InputSubmission {
  index ??= titleIndex(REGIONAL_INPUT.fields, INPUT_QUESTIONS);
  const cells: InputSubmission['cells'] = {};
  const unmatched: InputSubmission['unmatched'] = [];
  let email = '';
  for (const [title, values] of Object.entries(named)) {
    if (isTimestampTitle(title)) continue;
    const answer = answerOf(values);
    if (EMAIL_TITLES.has(normalizeKey(title))) {
      email = answer.trim();
      continue;
    }
    const target = index.get(normalizeKey(title));
    if (!target || !ASKED.has(target.key)) {
      if (answer !== '') unmatched.push({ title, answer });
      continue;
    }
    cells[target.key as InputKey] = target.key === 'nr' ? measureOfAnswer(answer) : answer;
  }
  cells.nr = cellText(cells.nr);
  return { cells, email, unmatched };
}
