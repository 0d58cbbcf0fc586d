import type { IntakeStuck } from '../intake/rules/intake-stuck';
import { sortFindings, type Finding } from '../engine/findings';
import type { Economy } from '../money-flow/economy';
import { buildLedger, type Ledger } from '../money-flow/ledger';
import { readPortfolio, type Portfolio, type WorkbookValues } from '../portfolio/records';
import { RULES } from './rules';
import { clipQuotes } from '../workbook/cell-limit';
import { buildContext } from './context';

export interface CheckResult {
  portfolio: Portfolio;
  ledger: Ledger;
  /** Per project and budget year: allocated, paid and left, judged at `today`. */
  economy: Economy;
  findings: Finding[];
}

export interface CheckOptions {
  /** Budget years added to the summary even without allocations. */
  years?: readonly number[];
  /**
   * The day that date-dependent rules judge against, as UTC midnight of the local day (like every date the
   * core reads). The adapter gives it: the script's clock in Sheets, `--date` or the real day in the CLI,
   * so a result can be reproduced.
   */
  today: Date;
  /** Journals whose intake is stuck (the Apps Script adapter reads them from the document). */
  intakeStuck?: readonly IntakeStuck[];
}

/** Runs every rule over a portfolio. */
export function checkPortfolio(portfolio: Portfolio, options: CheckOptions): CheckResult {
  const ledger = buildLedger(portfolio, [...(options.years ?? [])]);
  const ctx = buildContext(portfolio, ledger, options.today, options.intakeStuck);
  const findings = sortFindings(RULES.flatMap((rule) => rule.check(ctx))).map(clipped);
  return { portfolio, ledger, economy: ctx.economy, findings };
}

/** A finding whose message and fact quote at most a short part of what was found. */
function clipped(f: Finding): Finding {
  const message = { nb: clipQuotes(f.message.nb), en: clipQuotes(f.message.en) };
  const fact = { nb: clipQuotes(f.fact.nb), en: clipQuotes(f.fact.en) };
  const same =
    message.nb === f.message.nb &&
    message.en === f.message.en &&
    fact.nb === f.fact.nb &&
    fact.en === f.fact.en;
  return same ? f : { ...f, message, fact };
}

/** Reads and checks a workbook's values (sheet name → rows); throws TilskuddError when unusable. */
export function checkWorkbook(values: WorkbookValues, options: CheckOptions): CheckResult {
  return checkPortfolio(readPortfolio(values), options);
}
