import { ASSESSMENTS, readTable } from '../workbook/contract';
import { parseDay } from '../parse/period';
import type { Reason } from '../base/result';
import { cellText, isDate, normalizeKey } from '../base/text';

/**
 * The assessment form (vurderingsskjema): impartiality first (forvaltningsloven § 6), then the selection
 * criteria (yes/no, all must hold) and the prioritisation criteria (scored 1–5, weighted by the
 * `Vekt: …` settings). Every answer is one row of `Vurderinger`; this module reads those rows and
 * computes, per case, the weighted score without disqualified assessors, whether every selection
 * criterion holds, disagreement between assessors, and the ranking with the board's overrides.
 * Pure: the sidebar, the rule `assessor-disqualified` and the decision memo all call it.
 */

/** The selection criteria of case 47-2024 (utvelgelseskriterier): every one must hold. */
export const SELECTION_CRITERIA = [
  {
    id: 'priority',
    nb: 'Innenfor prioriterte områder, med tydelig behov og godt beskrevet kunnskapsgrunnlag',
    en: 'Within the priority areas, with a clear need and a well-described knowledge base',
  },
  {
    id: 'innovation',
    nb: 'Bidrar til tjenesteinnovasjon og bærekraft',
    en: 'Contributes to service innovation and sustainability',
  },
  {
    id: 'benefit',
    nb: 'Tydelig beskrevet potensial for gevinstrealisering',
    en: 'A clear, described potential for benefit realisation',
  },
] as const;

/** The documented scale of the prioritisation criteria. */
export const SCALE: ReadonlyArray<{ score: number } & Reason> = [
  { score: 1, nb: 'Svært svakt', en: 'Very weak' },
  { score: 2, nb: 'Svakt', en: 'Weak' },
  { score: 3, nb: 'Middels', en: 'Adequate' },
  { score: 4, nb: 'Godt', en: 'Good' },
  { score: 5, nb: 'Svært godt', en: 'Very good' },
];
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** Assessors differ widely when their scores on a criterion are this far apart (or yes against no). */
export const DISAGREEMENT_SPREAD = 2;

/** Grounds for disqualification in forvaltningsloven § 6, as the sidebar asks them. */
export const IMPARTIALITY = [
  {
    id: 'none',
    sheet: 'Habil',
    nb: 'Ingen av grunnene gjelder – jeg er habil',
    en: 'None of these apply – I am impartial',
  },
  {
    id: 'party',
    sheet: 'Inhabil: part',
    nb: 'Jeg er selv part i saken (f.eks. ansatt i eller søker for en part)',
    en: 'I am a party to the case (e.g. employed by or applying for a party)',
  },
  {
    id: 'family',
    sheet: 'Inhabil: familie',
    nb: 'Jeg er i nær familie med, gift med eller verge for en part',
    en: 'I am closely related to, married to or guardian of a party',
  },
  {
    id: 'leading',
    sheet: 'Inhabil: ledende rolle',
    nb: 'Jeg er leder, har ledende stilling eller sitter i styret hos en part',
    en: 'I lead, hold a leading position in, or sit on the board of a party',
  },
  {
    id: 'special',
    sheet: 'Inhabil: særegne forhold',
    nb: 'Andre særegne forhold som svekker tilliten til at jeg er upartisk',
    en: 'Other special circumstances that weaken trust in my impartiality',
  },
] as const;

export type Ground = (typeof IMPARTIALITY)[number]['id'];

/** `Kriterium` of the row that records an impartiality declaration, and of a board override. */
export const DECLARATION = 'Habilitet';
export const BOARD_RANK = 'Rangering beslutningsorgan';
/** The board's override as earlier workbooks wrote it, still read. */
export const BOARD_RANK_NAMES = [BOARD_RANK, 'Rangering SSU'];

export interface AssessmentRow {
  /** 1-based sheet row. */
  row: number;
  caseId: string;
  assessor: string;
  criterion: string;
  score: string;
  comment: string;
  impartiality: string;
  /** ISO date-time of the answer, '' when missing. */
  time: string;
  /** `Kontroll` as written (the adapter's `UNMARKED` when it does not hold). */
  mark: string;
}

/**
 * In place of a `Kontroll` cell whose keyed hash does not hold: the Sheets adapter checks the marks
 * (it has the key) and puts this in the values it hands the core, which then does not count the row.
 */
export const UNMARKED = '\u0000unmarked';

/** What a row's mark covers: who gave which answer on which case. */
export const markedParts = (
  r: Pick<AssessmentRow, 'caseId' | 'assessor' | 'criterion' | 'score' | 'impartiality'>,
): string[] => [r.caseId, r.assessor.toLowerCase(), r.criterion, r.score, r.impartiality];

/** Reads `Vurderinger` (header first); blank rows are skipped, nothing is judged here. */
export function readAssessments(values: readonly (readonly unknown[])[]): AssessmentRow[] {
  return readTable(ASSESSMENTS, values).rows.map((r) => {
    const time = r.get('time');
    const day = parseDay(time);
    return {
      row: r.row,
      caseId: cellText(r.get('caseId')),
      assessor: cellText(r.get('assessor')).toLowerCase(),
      criterion: cellText(r.get('criterion')),
      score: cellText(r.get('score')),
      comment: cellText(r.get('comment')),
      impartiality: cellText(r.get('impartiality')),
      time: isDate(time) ? time.toISOString() : day.ok ? day.value.toISOString() : cellText(time),
      mark: cellText(r.get('mark')),
    };
  });
}

/** The ground in an impartiality cell: `Habil`, `Inhabil: part`, …; null when blank or unknown. */
export function parseGround(text: string): Ground | null {
  const key = normalizeKey(text);
  if (key === '') return null;
  const exact = IMPARTIALITY.find((g) => normalizeKey(g.sheet) === key || g.id === key);
  if (exact) return exact.id;
  if (/^(habil|impartial|ja|yes)$/.test(key)) return 'none';
  if (/^(inhabil|disqualified)/.test(key)) return 'special';
  return null;
}

export const groundLabel = (g: Ground): Reason => IMPARTIALITY.find((x) => x.id === g)!;
