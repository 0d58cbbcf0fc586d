import { sortFindings, type Finding } from './findings';
import { buildLedger, type Ledger } from '../money-flow/ledger';
import { readPortfolio, type Portfolio, type WorkbookValues } from '../workbook/records';
import { RULES } from './';
import { buildContext } from './rule';

export interface CheckResult {
  portfolio: Portfolio;
  ledger: Ledger;
  findings: Finding[];
}

/** Runs every rule over a portfolio. `years` adds budget years to the summary even without allocations. */
export function checkPortfolio(portfolio: Portfolio, years: number[] = []): CheckResult {
  const ledger = buildLedger(portfolio, years);
  const ctx = buildContext(portfolio, ledger);
  const findings = sortFindings(RULES.flatMap((rule) => rule.check(ctx)));
  return { portfolio, ledger, findings };
}

/** Reads and checks a workbook's values (sheet name → rows); throws TilskuddError when unusable. */
export function checkWorkbook(values: WorkbookValues, years: number[] = []): CheckResult {
  return checkPortfolio(readPortfolio(values), years);
}
