import { isActive } from './status';
import { ASSESSMENTS, readTable } from './contract';
import { parseDay } from './period';
import type { Application, Portfolio } from './records';
import type { Lang, Reason } from './result';
import type { Settings } from './settings';
import { cellText, isDate, normalizeKey, parseYesNo } from './text';

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
export const BOARD_RANK = 'Rangering SSU';

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
}

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

export interface Declaration {
  assessor: string;
  ground: Ground;
  impartial: boolean;
  row: number;
  time: string;
}

export interface CriterionResult {
  label: string;
  weight: number;
  /** Mean over impartial assessors, 2 decimals; null when nobody scored it. */
  mean: number | null;
  min: number | null;
  max: number | null;
  count: number;
  disagreement: boolean;
}

export interface SelectionResult {
  id: string;
  label: Reason;
  yes: number;
  no: number;
  /** Every impartial assessor said yes; null when nobody answered. */
  holds: boolean | null;
  disagreement: boolean;
}

export interface CaseAssessment {
  caseId: string;
  title: string;
  declarations: Declaration[];
  /** Impartial assessors who gave at least one answer. */
  assessors: string[];
  /** Disqualified assessors: their answers are not counted. */
  excluded: string[];
  criteria: CriterionResult[];
  selection: SelectionResult[];
  /** Every selection criterion holds; null when not all have been answered. */
  selectionHolds: boolean | null;
  /** Weighted mean on the 1–5 scale over the scored criteria, 2 decimals; null before any score. */
  weightedScore: number | null;
  /** Some criterion has a wide spread between assessors. */
  disagreement: boolean;
  /** Rank by the assessment (selection first, then weighted score); null without a score. */
  rank: number | null;
  /** The board's rank and reason when it overrode the ranking. */
  boardRank: number | null;
  boardReason: string;
  /** The rank that counts: the board's where it overrode, otherwise the assessment's order. */
  finalRank: number | null;
}

export interface ScoreOutsideImpartiality {
  caseId: string;
  assessor: string;
  ground: Ground;
  rows: number[];
}

const same = (a: string, b: string) => normalizeKey(a) === normalizeKey(b);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The latest declaration of each assessor per case (later rows win). */
export function declarations(rows: readonly AssessmentRow[]): Map<string, Map<string, Declaration>> {
  const out = new Map<string, Map<string, Declaration>>();
  for (const r of rows) {
    if (!same(r.criterion, DECLARATION)) continue;
    const ground = parseGround(r.impartiality) ?? parseGround(r.score);
    if (ground === null || r.caseId === '' || r.assessor === '') continue;
    let byAssessor = out.get(r.caseId);
    if (!byAssessor) out.set(r.caseId, (byAssessor = new Map()));
    byAssessor.set(r.assessor, {
      assessor: r.assessor,
      ground,
      impartial: ground === 'none',
      row: r.row,
      time: r.time,
    });
  }
  return out;
}

const isAnswer = (r: AssessmentRow) =>
  r.score !== '' && !same(r.criterion, DECLARATION) && !same(r.criterion, BOARD_RANK);

/**
 * Answers given by an assessor who is disqualified for the case: by the latest declaration, or by the
 * row's own `Habilitet` cell. What the rule `assessor-disqualified` reports.
 */
export function scoresByDisqualified(rows: readonly AssessmentRow[]): ScoreOutsideImpartiality[] {
  const declared = declarations(rows);
  const found = new Map<string, ScoreOutsideImpartiality>();
  for (const r of rows) {
    if (!isAnswer(r)) continue;
    const own = parseGround(r.impartiality);
    const latest = declared.get(r.caseId)?.get(r.assessor)?.ground;
    const ground =
      latest !== undefined && latest !== 'none' ? latest : own !== null && own !== 'none' ? own : null;
    if (ground === null) continue;
    const key = `${r.caseId}\u0000${r.assessor}`;
    const entry = found.get(key) ?? { caseId: r.caseId, assessor: r.assessor, ground, rows: [] };
    entry.rows.push(r.row);
    found.set(key, entry);
  }
  return [...found.values()];
}

/** Per-case results for the given applications (rejected and withdrawn ones left out). */
export function assessCases(
  applications: readonly Pick<Application, 'caseId' | 'title' | 'status'>[],
  rows: readonly AssessmentRow[],
  settings: Pick<Settings, 'criteria'>,
): CaseAssessment[] {
  const declared = declarations(rows);
  const disqualified = new Set(scoresByDisqualified(rows).map((s) => `${s.caseId}\u0000${s.assessor}`));
  // Latest answer per case, assessor and criterion.
  const answers = new Map<string, Map<string, AssessmentRow>>();
  const board = new Map<string, { rank: number; reason: string }>();
  for (const r of rows) {
    if (same(r.criterion, BOARD_RANK)) {
      const rank = Number(r.score);
      if (Number.isInteger(rank) && rank >= 1) board.set(r.caseId, { rank, reason: r.comment });
      continue;
    }
    if (!isAnswer(r)) continue;
    let byKey = answers.get(r.caseId);
    if (!byKey) answers.set(r.caseId, (byKey = new Map()));
    byKey.set(`${r.assessor}\u0000${normalizeKey(r.criterion)}`, r);
  }

  const results: CaseAssessment[] = [];
  for (const app of applications) {
    if (app.caseId === '' || !isActive(app)) continue;
    const caseDeclarations = [...(declared.get(app.caseId)?.values() ?? [])];
    const counted = [...(answers.get(app.caseId)?.values() ?? [])].filter(
      (r) => !disqualified.has(`${app.caseId}\u0000${r.assessor}`),
    );
    const excluded = [
      ...new Set([
        ...caseDeclarations.filter((d) => !d.impartial).map((d) => d.assessor),
        ...[...(answers.get(app.caseId)?.values() ?? [])]
          .filter((r) => disqualified.has(`${app.caseId}\u0000${r.assessor}`))
          .map((r) => r.assessor),
      ]),
    ];
    const of = (label: string) => counted.filter((r) => same(r.criterion, label));

    const criteria = settings.criteria.map((c): CriterionResult => {
      const scores = of(c.label)
        .map((r) => Number(r.score.replace(',', '.')))
        .filter((n) => Number.isFinite(n) && n >= SCALE_MIN && n <= SCALE_MAX);
      if (scores.length === 0)
        return {
          label: c.label,
          weight: c.weight,
          mean: null,
          min: null,
          max: null,
          count: 0,
          disagreement: false,
        };
      const min = Math.min(...scores);
      const max = Math.max(...scores);
      const mean = round2(scores.reduce((s, x) => s + x, 0) / scores.length);
      return {
        label: c.label,
        weight: c.weight,
        mean,
        min,
        max,
        count: scores.length,
        disagreement: max - min >= DISAGREEMENT_SPREAD,
      };
    });

    const selection = SELECTION_CRITERIA.map((c): SelectionResult => {
      const yesNo = of(c.nb)
        .concat(of(c.en))
        .map((r) => parseYesNo(r.score))
        .filter((v): v is boolean => v !== null);
      const yes = yesNo.filter((v) => v).length;
      const no = yesNo.length - yes;
      return {
        id: c.id,
        label: { nb: c.nb, en: c.en },
        yes,
        no,
        holds: yesNo.length === 0 ? null : no === 0,
        disagreement: yes > 0 && no > 0,
      };
    });

    const scored = criteria.filter((c) => c.mean !== null && c.weight > 0);
    const weightSum = scored.reduce((s, c) => s + c.weight, 0);
    const weightedScore =
      weightSum > 0 ? round2(scored.reduce((s, c) => s + c.weight * c.mean!, 0) / weightSum) : null;
    const selectionHolds = selection.some((s) => s.holds === false)
      ? false
      : selection.every((s) => s.holds === true)
        ? true
        : null;
    const override = board.get(app.caseId);
    results.push({
      caseId: app.caseId,
      title: app.title,
      declarations: caseDeclarations,
      assessors: [...new Set(counted.map((r) => r.assessor))],
      excluded,
      criteria,
      selection,
      selectionHolds,
      weightedScore,
      disagreement: criteria.some((c) => c.disagreement) || selection.some((s) => s.disagreement),
      rank: null,
      boardRank: override?.rank ?? null,
      boardReason: override?.reason ?? '',
      finalRank: null,
    });
  }
  rank(results);
  return results;
}

/** Ranks by the assessment, then places the board's overrides at their ranks and fills in the rest. */
function rank(results: CaseAssessment[]): void {
  const order = (c: CaseAssessment) => (c.selectionHolds === true ? 0 : c.selectionHolds === null ? 1 : 2);
  const ranked = results
    .filter((c) => c.weightedScore !== null)
    .sort(
      (a, b) =>
        order(a) - order(b) ||
        b.weightedScore! - a.weightedScore! ||
        (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0),
    );
  ranked.forEach((c, i) => (c.rank = i + 1));
  const overridden = results
    .filter((c) => c.boardRank !== null)
    .sort((a, b) => a.boardRank! - b.boardRank! || (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const taken = new Set<number>();
  for (const c of overridden) {
    let r = c.boardRank!;
    while (taken.has(r)) r++;
    c.finalRank = r;
    taken.add(r);
  }
  let next = 1;
  for (const c of ranked) {
    if (c.boardRank !== null) continue;
    while (taken.has(next)) next++;
    c.finalRank = next;
    taken.add(next);
  }
}

/** Per-case results of a portfolio read with its `Vurderinger` sheet: what the memo's Vurdering section uses. */
export function assessPortfolio(p: Portfolio): CaseAssessment[] {
  return assessCases(p.applications, p.assessments ?? [], p.settings);
}

/** The memo's impartiality paragraph for one case, in the language asked for. Assessors are not named: the memo may be public. */
export function impartialityParagraph(c: CaseAssessment, lang: Lang): string {
  const nb = lang === 'nb';
  const impartial = c.declarations.filter((d) => d.impartial).map((d) => d.assessor);
  const out = c.declarations.filter((d) => !d.impartial);
  const parts: string[] = [];
  if (c.declarations.length === 0) {
    return nb
      ? `Ingen habilitetserklæringer er registrert for sak ${c.caseId}.`
      : `No impartiality declarations are recorded for case ${c.caseId}.`;
  }
  parts.push(
    nb
      ? `${impartial.length} av ${c.declarations.length} vurderere erklærte seg habile etter forvaltningsloven § 6.`
      : `${impartial.length} of ${c.declarations.length} assessors declared themselves impartial under the Public Administration Act § 6.`,
  );
  for (const d of out) {
    const label = groundLabel(d.ground)[lang];
    const ground = label.replace(/^Jeg er /, '').replace(/^I am /, '');
    parts.push(
      nb
        ? `Én vurderer erklærte seg inhabil (${ground.charAt(0).toLowerCase()}${ground.slice(1)}) og deltok ikke i vurderingen.`
        : `One assessor declared a conflict (${ground.charAt(0).toLowerCase()}${ground.slice(1)}) and took no part in the assessment.`,
    );
  }
  return parts.join(' ');
}
