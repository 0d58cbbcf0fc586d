import { assessPortfolio } from '../assessment/scores';
import { CATEGORY_IDS, type CategoryId } from '../workbook/categories';
import { buildLedger, type YearSummary } from './ledger';
import { proRata } from '../parse/period';
import type { Portfolio } from '../portfolio/records';
import { grantedProjects } from './supplement';
import { normalizeKey } from '../base/text';

/**
 * The allocation dashboard (Fordeling): per budget year the frame, what is allocated (pro rata by
 * month) and what remains, each pot against its key, the supplementary authority per project, and the
 * cases not yet decided with what they would cost each year, for the what-if. Plain JSON only: the
 * result crosses `google.script.run`, and `whatIf` runs in the sidebar.
 */
export interface PotView {
  id: CategoryId;
  amount: number;
  key: number;
  keyAmount: number;
}

export interface YearView {
  year: number;
  frame: number;
  allocated: number;
  remaining: number;
  pots: PotView[];
  uncategorised: number;
}

export interface AuthorityView {
  caseId: string;
  title: string;
  limit: number;
  used: number;
  left: number;
}

export interface Candidate {
  caseId: string;
  title: string;
  status: string;
  requested: number;
  category: CategoryId | null;
  /** Budget year → kroner, pro rata by the months of the application's period. */
  byYear: Record<string, number>;
  /** The assessment's final rank, when assessed. */
  rank: number | null;
  /** Recommended (status «Innstilt»): ticked from the start. */
  recommended: boolean;
}

export interface DashboardData {
  years: YearView[];
  authority: AuthorityView[];
  candidates: Candidate[];
}

const DECIDED = new Set(['avslått', 'avslag', 'trukket', 'rejected', 'withdrawn', 'avsluttet']);
const RECOMMENDED = new Set(['innstilt', 'recommended']);

function yearView(y: YearSummary): YearView {
  return {
    year: y.year,
    frame: y.frame,
    allocated: y.allocated,
    remaining: y.remaining,
    pots: CATEGORY_IDS.map((id) => ({
      id,
      amount: y.categories[id].amount,
      key: y.categories[id].key,
      keyAmount: y.categories[id].keyAmount,
    })),
    uncategorised: y.uncategorised,
  };
}

/**
 * `withoutRanks`: for a member disqualified from a case. As in the assessment sidebar, no rank numbers at
 * all (a gap would show that case's place) and the candidates in case order, not by rank.
 */
export function dashboard(p: Portfolio, withoutRanks = false): DashboardData {
  const allocated = new Set(p.allocations.filter((a) => a.kind === 'ordinary').map((a) => a.caseId));
  const ranks = new Map(withoutRanks ? [] : assessPortfolio(p).map((a) => [a.caseId, a.finalRank]));
  const candidates: Candidate[] = [];
  for (const a of p.applications) {
    if (a.caseId === '' || allocated.has(a.caseId) || DECIDED.has(normalizeKey(a.status))) continue;
    if (!a.requested.ok || a.requested.value <= 0 || !a.period.ok) continue;
    candidates.push({
      caseId: a.caseId,
      title: a.title,
      status: a.status,
      requested: a.requested.value,
      category: a.category,
      byYear: Object.fromEntries(
        [...proRata(a.requested.value, a.period.value)].map(([y, v]) => [String(y), v]),
      ),
      rank: ranks.get(a.caseId) ?? null,
      recommended: RECOMMENDED.has(normalizeKey(a.status)),
    });
  }
  candidates.sort(
    (a, b) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0),
  );
  const extraYears = [...new Set(candidates.flatMap((c) => Object.keys(c.byYear).map(Number)))];
  const ledger = buildLedger(p, extraYears);
  return {
    years: [...ledger.years.values()].map(yearView),
    authority: grantedProjects(p).map(({ caseId, title, limit, used, left }) => ({
      caseId,
      title,
      limit,
      used,
      left,
    })),
    candidates,
  };
}
