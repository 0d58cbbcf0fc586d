import type { IntakeStuck } from '../intake/rules/intake-stuck';
import { buildEconomy, type Economy } from '../money-flow/economy';
import type { Ledger } from '../money-flow/ledger';
import type { Allocation, Application, BudgetLine, Portfolio } from '../portfolio/records';
import { isActive } from '../workbook/status';
import { deadlinesOf, type Deadline } from '../follow-up/deadlines/deadlines';
import { groupBy } from '../engine/rule';

/** Everything a rule may read, indexed once per check. */
export interface CheckContext {
  portfolio: Portfolio;
  ledger: Ledger;
  /** Applications the premise rules apply to (not rejected or withdrawn). */
  active: Application[];
  budgetByCase: Map<string, BudgetLine[]>;
  ordinaryByCase: Map<string, Allocation[]>;
  supplementsByCase: Map<string, Allocation[]>;
  /** The day date-dependent rules judge against (UTC midnight), see `CheckOptions.today`. */
  today: Date;
  /** Every report the followed projects owe, with its state on `today` (the follow-up's due dates). */
  deadlines: Deadline[];
  /** Per project and budget year: allocated, paid and left (the economy rules read it). */
  economy: Economy;
  /** Journals whose intake could not register, as the adapter recorded it (none in the CLI). */
  intakeStuck: readonly IntakeStuck[];
}

export function buildContext(
  portfolio: Portfolio,
  ledger: Ledger,
  today: Date,
  intakeStuck: readonly IntakeStuck[] = [],
): CheckContext {
  const byCase = (a: { caseId: string }) => a.caseId;
  let deadlines: Deadline[] | undefined;
  return {
    portfolio,
    ledger,
    today,
    intakeStuck,
    // Worked out when a rule asks: only a workbook that follows up status reports needs them.
    get deadlines() {
      return (deadlines ??= deadlinesOf(portfolio, today));
    },
    economy: buildEconomy(portfolio, today, ledger),
    active: portfolio.applications.filter(isActive),
    budgetByCase: groupBy(portfolio.budget, byCase),
    ordinaryByCase: groupBy(
      portfolio.allocations.filter((a) => a.kind === 'ordinary'),
      byCase,
    ),
    supplementsByCase: groupBy(
      portfolio.allocations.filter((a) => a.kind === 'supplement'),
      byCase,
    ),
  };
}
