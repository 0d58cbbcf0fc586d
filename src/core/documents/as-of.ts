import type { CheckResult } from '../check/check';
import { portfolioAsOf } from '../money-flow/economy';
import { buildLedger, type Ledger } from '../money-flow/ledger';
import type { Portfolio } from '../portfolio/records';
import { leftOutOfTotals, type Withheld } from './publication';

/** The portfolio as it stood on a day, for a document that states it "per" that day. */
export interface AsOf {
  day: Date;
  /** Allocations of every kind (supplements, withdrawals, extensions) and payments dated after `day` left out. */
  portfolio: Portfolio;
  /** The ledger of that portfolio: every table of the document counts from it. */
  ledger: Ledger;
  /** The grants of the day left out of its totals (amount or period unreadable). */
  leftOut: Withheld[];
}

/**
 * The one "as of" filter the documents made for a day share (the board's status report, the annual
 * report and its 1 November status): what was decided or paid after the day is not there yet, in
 * every table alike. `years` are budget years the ledger must have even without allocations.
 */
export function asOf(result: CheckResult, day: Date, years: number[] = []): AsOf {
  const portfolio = portfolioAsOf(result.portfolio, day);
  const counted = new Set(portfolio.allocations);
  return {
    day,
    portfolio,
    ledger: buildLedger(portfolio, years),
    leftOut: leftOutOfTotals(result).filter((w) => counted.has(w.allocation)),
  };
}
