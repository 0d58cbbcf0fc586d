import type { CheckResult } from '../check/check';
import type { Finding } from '../engine/findings';
import type { Allocation } from '../portfolio/records';

/**
 * What may be published: the one selection both public exports use (the overview and 360Giving), so they
 * always hold the same grants and never one the check flags. An allocation with an error-level finding
 * on its own row (an unreadable date, a mistyped case id, an invalid amount or category) is withheld
 * until it is corrected; findings about the application (its budget, say) do not stop a decided grant.
 */
export interface Publication {
  /** Allocations to publish, in sheet order. */
  allocations: Allocation[];
  /** Allocations left out, each with the errors that stop it. */
  withheld: Array<{ allocation: Allocation; errors: Finding[] }>;
}

/**
 * With `year`, only allocations counted in that budget year (by the months of their period); a withheld
 * allocation whose year cannot be told is named for every year.
 */
export function publication(result: CheckResult, year?: number): Publication {
  const errorsByRow = new Map<number, Finding[]>();
  for (const f of result.findings) {
    if (f.severity !== 'error') continue;
    for (const row of new Set(f.cells.filter((c) => c.sheet === 'allocations').map((c) => c.row))) {
      errorsByRow.set(row, [...(errorsByRow.get(row) ?? []), f]);
    }
  }
  const years = new Map(result.ledger.entries.map((e) => [e.allocation, e.byYear]));
  const out: Publication = { allocations: [], withheld: [] };
  for (const a of result.portfolio.allocations) {
    const byYear = years.get(a) ?? null;
    const errors = errorsByRow.get(a.row);
    if (errors) {
      if (year === undefined || byYear === null || byYear.has(year))
        out.withheld.push({ allocation: a, errors });
    } else if (year === undefined || byYear?.has(year)) out.allocations.push(a);
  }
  return out;
}
