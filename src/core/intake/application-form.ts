import { CATEGORY_IDS, CATEGORY_LABELS } from '../workbook/categories';
import type { APPLICATIONS, FieldKey } from '../workbook/contract';
import type { Reason } from '../base/result';
import type { Settings } from '../workbook/settings';

/**
 * The application form, described once: the Apps Script adapter generates the Google Form from it, and
 * the intake maps answers back by these titles (or the column's header and aliases) into `Søknader` and
 * `Budsjett` rows, which the rules then check like any other row.
 */
export type QuestionKind =
  'text' | 'paragraph' | 'email' | 'amount' | 'month' | 'yesno' | 'choice' | 'list' | 'checkboxes' | 'budget';

type ApplicationKey = FieldKey<typeof APPLICATIONS>;

/** `K`: the column keys a form fills (the status form reuses the same question shape). */
export interface Question<K extends string = ApplicationKey | 'budget'> {
  /** The column it fills (`Søknader`), or `budget` for the lines of `Budsjett`. */
  key: K;
  /** The title without settings; `titleFor` words it for a health community (the hospital trust's name). */
  title: Reason;
  titleFor?: (s: Settings) => Reason;
  /** Titles of earlier forms, still mapped by the intake. */
  formerTitles?: string[];
  help?: Reason;
  kind: QuestionKind;
  required: boolean;
  /** Whole kroner at least this (form validation where FormApp offers it). */
  min?: number;
  choices?: (s: Settings) => string[];
}

export interface Section<K extends string = ApplicationKey | 'budget'> {
  title: Reason;
  help?: Reason;
  questions: Question<K>[];
}

const q = (
  key: Question['key'],
  nb: string,
  en: string,
  kind: QuestionKind,
  extra: Partial<Question> = {},
): Question => ({ key, title: { nb, en }, kind, required: true, ...extra });

export const YES = { nb: 'Ja', en: 'Yes' };
export const NO = { nb: 'Nei', en: 'No' };
export const APPLICATION_TYPES = ['Ny søknad', 'Videreføring', 'Forprosjekt'];

export const FORM_TITLE: Reason = {
  nb: 'Søknad om rekrutterings- og samhandlingstilskudd',
  en: 'Application for the recruitment and collaboration grant',
};

export const FORM_DESCRIPTION: Reason = {
  nb: 'Søknader behandles i søknadsrundene. Skriv ikke inn pasientopplysninger eller andre personopplysninger om pasienter i skjemaet.',
  en: 'Applications are handled in the application rounds. Do not enter patient data or other personal data about patients in this form.',
};

export const APPLICATION_FORM: Section[] = [
  {
    title: { nb: 'Prosjektet', en: 'The project' },
    questions: [
      q('title', 'Prosjekttittel', 'Project title', 'text'),
      q('applicant', 'Søker (prosjekteier)', 'Applicant (project owner)', 'text'),
      q('category', 'Kategori', 'Category', 'choice', {
        choices: () => CATEGORY_IDS.map((id) => CATEGORY_LABELS[id].nb),
      }),
      q('type', 'Type søknad', 'Application type', 'choice', { choices: () => APPLICATION_TYPES }),
      q('region', 'Region', 'Region', 'list', { choices: (s) => s.regions }),
      q('priorityAreas', 'Prioriterte områder', 'Priority areas', 'checkboxes', {
        help: { nb: 'Velg minst ett område.', en: 'Choose at least one area.' },
        choices: (s) => s.priorityAreas,
      }),
    ],
  },
  {
    title: { nb: 'Partene', en: 'The parties' },
    help: {
      nb: 'Kommuner og sykehus skal likeverdig kunne foreslå tiltak; enighet mellom partene må være dokumentert.',
      en: 'Municipalities and the hospital propose on equal terms; agreement between the parties must be documented.',
    },
    questions: [
      q('municipalities', 'Kommuner som deltar', 'Participating municipalities', 'text', {
        help: { nb: 'Skill med komma, f.eks. «Arendal, Grimstad».', en: 'Separate with commas.' },
      }),
      q('hospital', 'Deltar helseforetaket?', 'Does the hospital trust take part?', 'yesno', {
        titleFor: (s) => ({
          nb: `Deltar ${s.hospitalTrust} (${s.hospitalTrustShort})?`,
          en: `Does ${s.hospitalTrust} (${s.hospitalTrustShort}) take part?`,
        }),
        formerTitles: ['Deltar Sørlandet sykehus (SSHF)?'],
      }),
      q(
        'agreement',
        'Er enighet mellom partene dokumentert?',
        'Is agreement between the parties documented?',
        'yesno',
      ),
      q('contract', 'Er skriftlig samarbeidsavtale inngått?', 'Is a written agreement signed?', 'yesno', {
        required: false,
        help: { nb: 'Avtalen må være på plass før utbetaling.', en: 'Required before payment.' },
      }),
    ],
  },
  {
    title: { nb: 'Innhold', en: 'Content' },
    questions: [
      q('need', 'Behov', 'Need', 'paragraph', {
        help: { nb: 'Hvilket tydelig behov løser prosjektet?', en: 'What clear need does the project meet?' },
      }),
      q('knowledgeBase', 'Kunnskapsgrunnlag', 'Knowledge base', 'paragraph'),
      q(
        'innovation',
        'Tjenesteinnovasjon og bærekraft',
        'Service innovation and sustainability',
        'paragraph',
        {
          help: {
            nb: 'Nye metoder eller teknologi, eller utfordrer det styring, lovverk eller finansiering?',
            en: 'New methods or technology, or does it challenge governance, law or financing?',
          },
        },
      ),
      q('benefitPlan', 'Gevinstrealisering', 'Benefit realisation', 'paragraph', {
        help: {
          nb: 'Hvilke gevinster, og hvordan måles de?',
          en: 'Which benefits, and how are they measured?',
        },
      }),
    ],
  },
  {
    title: { nb: 'Periode og økonomi', en: 'Period and budget' },
    questions: [
      q('from', 'Fra (måned)', 'From (month)', 'month', {
        help: { nb: 'F.eks. 2026-08', en: 'E.g. 2026-08' },
      }),
      q('to', 'Til (måned)', 'To (month)', 'month', { help: { nb: 'F.eks. 2027-07', en: 'E.g. 2027-07' } }),
      q('requested', 'Søkt beløp (kr)', 'Amount requested (NOK)', 'amount', {
        min: 1,
        help: { nb: 'Hele kroner uten mellomrom, f.eks. 1060000.', en: 'Whole NOK without spaces.' },
      }),
      q('budget', 'Budsjett', 'Budget', 'budget', {
        help: {
          nb: 'Én post per linje: «Post: beløp», f.eks. «Lønn prosjektleder: 800 000». Postene skal summere til søkt beløp.',
          en: 'One item per line: "Item: amount". The items must add up to the amount requested.',
        },
      }),
      q('ownMunicipality', 'Egenandel kommune (kr)', 'Own contribution, municipality (NOK)', 'amount', {
        required: false,
        min: 0,
      }),
      q('ownHospital', 'Egenandel helseforetak (kr)', 'Own contribution, hospital (NOK)', 'amount', {
        required: false,
        min: 0,
        titleFor: (s) => ({
          nb: `Egenandel ${s.hospitalTrustShort} (kr)`,
          en: `Own contribution, ${s.hospitalTrustShort} (NOK)`,
        }),
        formerTitles: ['Egenandel SSHF (kr)'],
      }),
      q(
        'permanentCosts',
        'Gir tiltaket varige økte driftsutgifter?',
        'Permanent increased operating costs?',
        'yesno',
      ),
    ],
  },
  {
    title: { nb: 'Kontakt', en: 'Contact' },
    questions: [q('email', 'Kontakt e-post', 'Contact email', 'email')],
  },
];

export const QUESTIONS: Question[] = APPLICATION_FORM.flatMap((s) => s.questions);

/** A question's title as the form shows it to this health community. */
export const questionTitle = (q: Question<string>, s: Settings): Reason => q.titleFor?.(s) ?? q.title;

/** "Post: beløp", "Post - beløp", "Post<tab>beløp", "Post = beløp". */
const SEPARATED = /^(.*?)\s*(?::|\t|\s[–—-]\s|=)\s*([^:]*)$/;
/** "Utstyr 20 000 kr", "Drift-100 000", "300 000": a whole amount (grouped digits kept together) at the end. */
const AMOUNT_AT_END =
  /^(.*?)[\s–—-]*((?:kr\.?\s*)?(?:\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,[-–\d]+)?(?:\s*kr)?)$/;

/** Budget lines from the form's "Item: amount" text, one per line; amounts stay text for the rules. */
export function parseBudgetText(text: string): Array<{ item: string; amount: string }> {
  return text
    .split(/\r?\n|;/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const m = SEPARATED.exec(line) ?? AMOUNT_AT_END.exec(line);
      return m ? { item: m[1]!.trim(), amount: m[2]!.trim() } : { item: line, amount: '' };
    });
}
