import { cellText, normalizeKey } from '../base/text';

/**
 * The workbook's vocabularies, each once: the word a dropdown offers (`nb`), its English name, and the
 * other words people write for it. The sheet's and the template's dropdowns, the sheet's conditional
 * colours, the readers and the documents all take their words from here, so none can know a word the
 * others do not.
 */
export interface Term {
  /** The word the sheet's dropdown offers and the product writes. */
  readonly nb: string;
  readonly en: string;
  /** Other words read as this term (case and spacing ignored). */
  readonly aliases?: readonly string[];
}

export type Vocabulary<Id extends string> = Readonly<Record<Id, Term>>;

const vocabulary = <Id extends string>(terms: Record<Id, Term>): Vocabulary<Id> => terms;

export const idsOf = <Id extends string>(v: Vocabulary<Id>): Id[] => Object.keys(v) as Id[];

/** The dropdown: every term's Norwegian word, in the vocabulary's order. */
export const choicesOf = <Id extends string>(v: Vocabulary<Id>): string[] => idsOf(v).map((id) => v[id].nb);

/** Every word read as `id`, normalised (lower case, single spaces): the Norwegian, the English, the aliases. */
export const wordsOf = <Id extends string>(v: Vocabulary<Id>, id: Id): string[] => {
  const words = [v[id].nb, v[id].en, ...(v[id].aliases ?? [])].map(normalizeKey);
  return words.filter((w, i) => words.indexOf(w) === i);
};

// Built on first use, not at bundle load.
const indexes = new WeakMap<object, Map<string, string>>();

/** The term a cell names; null when blank or unknown. */
export function parseTerm<Id extends string>(v: Vocabulary<Id>, value: unknown): Id | null {
  let index = indexes.get(v);
  if (!index) {
    index = new Map();
    for (const id of idsOf(v)) for (const w of wordsOf(v, id)) if (!index.has(w)) index.set(w, id);
    indexes.set(v, index);
  }
  return (index.get(normalizeKey(cellText(value))) as Id | undefined) ?? null;
}

/** Yes and no. */
export const YES_NO = vocabulary({
  yes: { nb: 'Ja', en: 'Yes', aliases: ['j', 'y', 'true', 'x', '1', 'sann'] },
  no: { nb: 'Nei', en: 'No', aliases: ['n', 'false', '0', 'usann'] },
});

/** Ja/Nei/Yes/No/true/false/x; `null` when blank or unrecognised (the caller decides what that means). */
export function parseYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const id = parseTerm(YES_NO, value);
  return id === null ? null : id === 'yes';
}

/** The three pots of the split key. Ids are the JSON contract; labels are what users see. */
export const CATEGORIES = vocabulary({
  innovation: {
    nb: 'Innovasjon/prosjekt',
    en: 'Innovation/projects',
    aliases: [
      'innovation',
      'innovasjon',
      'prosjekt',
      'innovasjon / prosjekt',
      'forbedringsarbeid',
      'projects',
    ],
  },
  administration: { nb: 'Administrasjon', en: 'Administration', aliases: ['adm', 'adm.', 'sekretariat'] },
  operations: {
    nb: 'Samdrift/tiltak',
    en: 'Joint operations/measures',
    aliases: ['operations', 'samdrift', 'tiltak', 'drift', 'samdrift / tiltak', 'joint operations'],
  },
});

/** An application's `Status`; the engine reads whether it is granted, or rejected or withdrawn. */
export const STATUSES = vocabulary({
  received: { nb: 'Mottatt', en: 'Received' },
  underReview: { nb: 'Under vurdering', en: 'Under review' },
  recommended: { nb: 'Innstilt', en: 'Recommended' },
  granted: { nb: 'Innvilget', en: 'Granted', aliases: ['tildelt'] },
  partlyGranted: { nb: 'Delvis innvilget', en: 'Partly granted' },
  preProject: { nb: 'Forprosjekt', en: 'Pre-project' },
  postponed: { nb: 'Utsatt', en: 'Postponed' },
  rejected: { nb: 'Avslått', en: 'Rejected', aliases: ['avslag'] },
  withdrawn: { nb: 'Trukket', en: 'Withdrawn' },
  ongoing: { nb: 'Pågående', en: 'Ongoing' },
  closed: { nb: 'Avsluttet', en: 'Closed' },
});
export type ApplicationStatus = keyof typeof STATUSES;

/** The secretariat's recommendation for the memo (`Søknader.Innstilling`). */
export const RECOMMENDATIONS = vocabulary({
  grant: { nb: 'Innvilges', en: 'Grant', aliases: ['innvilget'] },
  partial: { nb: 'Delvis', en: 'Partial', aliases: ['delvis innvilges', 'delvis innvilget'] },
  preProject: { nb: 'Forprosjekt', en: 'Pre-project' },
  reject: { nb: 'Avslås', en: 'Reject', aliases: ['avslag', 'avslått', 'avvises', 'avvist'] },
});

/** `Tildelinger.Art`. */
export const ALLOCATION_KINDS = vocabulary({
  ordinary: { nb: 'Ordinær', en: 'Ordinary', aliases: ['ordinaer', 'tildeling'] },
  supplement: {
    nb: 'Tilleggsbevilling',
    en: 'Supplementary',
    aliases: ['tilleggsbevilgning', 'tillegg', 'supplement'],
  },
  withdrawal: { nb: 'Inndragning', en: 'Withdrawal', aliases: ['inndratt'] },
  // The board extends a project's period: no money (Beløp 0), only the months Fra–Til added to it.
  extension: { nb: 'Forlengelse', en: 'Extension', aliases: ['forlenget', 'periodeforlengelse'] },
});

/** `Utbetalinger.Art`: a blank cell is a payment. */
export const PAYMENT_KINDS = vocabulary({
  payment: { nb: 'Utbetaling', en: 'Payment' },
  refund: { nb: 'Tilbakebetaling', en: 'Refund', aliases: ['tilbakeført'] },
});

/** The two reports a followed project owes. */
export const REPORT_TYPES = vocabulary({
  halfYear: {
    nb: 'Halvårsrapport',
    en: 'Half-yearly report',
    aliases: [
      'halvårsrapportering',
      'statusrapport',
      'status',
      'half-yearly',
      'half-year report',
      'status report',
    ],
  },
  final: { nb: 'Sluttrapport', en: 'Final report', aliases: ['final'] },
});

/**
 * `Statusrapporter.Kontroll`, written by the intake: the code in the form's link matched, or why the report
 * does not count yet. A secretariat member confirms one by writing any text starting *Bekreftet*; a blank
 * cell (typed in the sheet, or from before codes) counts.
 */
export const REPORT_CHECKS = vocabulary({
  token: { nb: 'Kode stemmer', en: 'Code matches' },
  confirmed: { nb: 'Bekreftet av sekretariatet', en: 'Confirmed by the secretariat' },
  unverified: { nb: 'Ubekreftet', en: 'Unverified' },
  closed: { nb: 'Avsluttet sak', en: 'Closed case' },
  unknown: { nb: 'Ukjent sak', en: 'Unknown case' },
});

/** `Frister.Status`, as the product computes it. */
export const DEADLINE_STATUSES = vocabulary({
  pending: { nb: 'Venter', en: 'Pending' },
  delivered: { nb: 'Levert', en: 'Delivered' },
  overdue: { nb: 'Forfalt', en: 'Overdue' },
  exempt: { nb: 'Fritatt', en: 'Exempted' },
});

/** A traffic light: green = on track, yellow = issues or risk, red = significant. */
export const LIGHTS = vocabulary({
  green: { nb: 'Grønn', en: 'Green', aliases: ['grønt', 'gronn', 'g'] },
  yellow: { nb: 'Gul', en: 'Yellow', aliases: ['gult', 'amber', 'oransje'] },
  red: { nb: 'Rød', en: 'Red', aliases: ['rødt', 'rod', 'r'] },
});
export type Light = keyof typeof LIGHTS;

/**
 * The action plan's lights: the three, also by what they mean for a measure (done, started, not started),
 * and *Venter* for a measure waiting on another.
 */
export const PLAN_LIGHTS = vocabulary({
  green: { ...LIGHTS.green, aliases: [...(LIGHTS.green.aliases ?? []), 'gjennomført', 'done'] },
  yellow: {
    ...LIGHTS.yellow,
    aliases: [...(LIGHTS.yellow.aliases ?? []), 'pågående', 'startet opp', 'startet', 'ongoing', 'started'],
  },
  red: { ...LIGHTS.red, aliases: [...(LIGHTS.red.aliases ?? []), 'ikke påbegynt', 'not started'] },
  waiting: { nb: 'Venter', en: 'Waiting' },
});
export type PlanLight = keyof typeof PLAN_LIGHTS;

/** The levels of the action plan, from the top. */
export const PLAN_LEVELS = vocabulary({
  focusArea: { nb: 'Fokusområde', en: 'Focus area', aliases: ['fokusomrade', 'hovedfokusområde'] },
  mainGoal: { nb: 'Hovedmål', en: 'Main goal', aliases: ['hovedmal', 'mål', 'goal'] },
  measure: { nb: 'Tiltak', en: 'Measure', aliases: ['delmål', 'action'] },
});

/** Roles in `Medlemmer` (what each may do: src/core/access/roles.ts). */
export const ROLE_NAMES = vocabulary({
  leader: { nb: 'Leder', en: 'Chair' },
  secretary: { nb: 'Sekretær', en: 'Secretary' },
  secretariat: { nb: 'Sekretariat', en: 'Secretariat' },
  userRep: { nb: 'Brukerrepresentant', en: 'User representative' },
  reader: { nb: 'Leser', en: 'Reader' },
  // A regional council's (RS) member: its region in `Medlemmer`; reads as a Leser does, writes nothing.
  rs: { nb: 'RS', en: 'Regional council', aliases: ['Regionalt samarbeidsutvalg', 'Regional council'] },
});
