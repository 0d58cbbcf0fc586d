import { isActive } from '../workbook/status';
import type { Application, Portfolio } from '../portfolio/records';
import type { Lang, Reason } from '../base/result';
import type { Settings } from '../workbook/settings';
import { normalizeKey } from '../base/text';
import { parseYesNo } from '../workbook/vocabulary';
import {
  SELECTION_CRITERIA,
  SCALE_MIN,
  SCALE_MAX,
  DISAGREEMENT_SPREAD,
  Ground,
  DECLARATION,
  BOARD_RANK_NAMES,
  AssessmentRow,
  parseGround,
  groundLabel,
} from './form';

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
    if (!byAssessor) out.set(r.caseId, (byAssessor = new Map<string, Declaration>()));
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
  r.score !== '' && !same(r.criterion, DECLARATION) && !BOARD_RANK_NAMES.some((x) => same(r.criterion, x));

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
    if (BOARD_RANK_NAMES.some((x) => same(r.criterion, x))) {
      const rank = Number(r.score);
      if (Number.isInteger(rank) && rank >= 1) board.set(r.caseId, { rank, reason: r.comment });
      continue;
    }
    if (!isAnswer(r)) continue;
    let byKey = answers.get(r.caseId);
    if (!byKey) answers.set(r.caseId, (byKey = new Map<string, AssessmentRow>()));
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
