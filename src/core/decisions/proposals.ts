import { cellText, normalizeKey } from '../base/text';
import { ok, type Parsed } from '../base/result';
import { parseMoney } from '../parse/money';
import { parsePeriod, type Period } from '../parse/period';
import type { Application, Portfolio, Recommendation, WorkbookValues } from '../portfolio/records';
import { decidingBody } from '../workbook/bodies';
import { parseCategory, type CategoryId } from '../workbook/categories';
import { PROPOSALS, findSheetName, readTable } from '../workbook/contract';
import { isGrantedStatus } from '../workbook/status';
import { RECOMMENDATIONS, STATUSES, parseTerm } from '../workbook/vocabulary';

/** What the memo proposed to the board for one case: the recommendation the decision is measured against. */
export interface Proposal {
  caseId: string;
  title: string;
  category: CategoryId | null;
  categoryText: string;
  recommendation: Recommendation | null;
  /** The recommended amount (0 for a rejection). */
  amount: Parsed<number>;
  /** `null` when the proposal names no period. */
  period: Parsed<Period> | null;
  reason: string;
  /** Where it was read: `Forslag` or `Søknader`, and the row. */
  source: { sheet: string; row: number };
}

/** The decision reference of a board case, as the community writes it: «PS-sak 03-2026», «SSU-sak 19-2024». */
export const decisionRef = (portfolio: Portfolio, boardCase: string): string =>
  `${decidingBody(portfolio.settings).short}-sak ${boardCase.trim()}`;

/** A reference without the «-sak» after the body's short name, so «PS-sak 04-2026» and the older «PS 04-2026» meet. */
const refKey = (text: string) => normalizeKey(text).replace(/^(\S+?)-sak(?= )/, '$1');

/**
 * Whether a `Vedtak` cell belongs to `ref` («PS-sak 04-2026 (forprosjekt)» and the older «PS 04-2026» do,
 * «PS-sak 04-20266» does not).
 */
export function isOfDecision(text: string, ref: string): boolean {
  const t = refKey(text);
  const r = refKey(ref);
  return t === r || (t.startsWith(r) && /^[\s(:,–-]/.test(t.slice(r.length)));
}

/** Applications still waiting for the board: no decision yet, or postponed. */
const undecided = (a: Application): boolean => {
  const s = parseTerm(STATUSES, a.status);
  return !isGrantedStatus(a.status) && s !== 'rejected' && s !== 'withdrawn' && s !== 'closed';
};

/**
 * The proposals of board case `boardCase`: the memo's `Forslag` rows for that case when there are any;
 * otherwise every application with an `Innstilling` that still waits for the board, or that this case
 * already decided (so registering it again is seen as the same).
 */
export function readProposals(
  portfolio: Portfolio,
  values: WorkbookValues,
  boardCase: string,
): { proposals: Proposal[]; fromMemo: boolean } {
  const fromSheet = proposalRows(values, boardCase);
  if (fromSheet.length > 0) return { proposals: fromSheet, fromMemo: true };
  const ref = decisionRef(portfolio, boardCase);
  const sheet = portfolio.sheetNames.applications;
  const proposals = portfolio.applications
    .filter((a) => a.recommendation !== null && (isOfDecision(a.decision, ref) || undecided(a)))
    .map((a): Proposal => ({
      caseId: a.caseId,
      title: a.title,
      category: a.category,
      categoryText: a.category ?? '',
      recommendation: a.recommendation,
      amount: a.recommendation === 'reject' ? ok(0) : (a.recommendedAmount ?? a.requested),
      // The period applied for is not what a pre-project is recommended: that one the memo records.
      period: a.recommendation === 'preProject' ? null : a.period,
      reason: '',
      source: { sheet, row: a.row },
    }));
  return { proposals, fromMemo: false };
}

function proposalRows(values: WorkbookValues, boardCase: string): Proposal[] {
  const name = findSheetName(PROPOSALS, Object.keys(values));
  if (name === undefined) return [];
  const wanted = normalizeKey(boardCase);
  return readTable(PROPOSALS, values[name]!)
    .rows.filter((r) => normalizeKey(cellText(r.get('boardCase'))) === wanted)
    .map((r) => {
      const recommendation = parseTerm(RECOMMENDATIONS, r.get('recommendation'));
      const blankPeriod = cellText(r.get('from')) === '' && cellText(r.get('to')) === '';
      const categoryText = cellText(r.get('category'));
      return {
        caseId: cellText(r.get('caseId')),
        title: cellText(r.get('title')),
        category: parseCategory(categoryText),
        categoryText,
        recommendation,
        amount:
          recommendation === 'reject' && cellText(r.get('amount')) === ''
            ? ok(0)
            : parseMoney(r.get('amount')),
        period: blankPeriod ? null : parsePeriod(r.get('from'), r.get('to')),
        reason: cellText(r.get('reason')),
        source: { sheet: name, row: r.row },
      };
    });
}
