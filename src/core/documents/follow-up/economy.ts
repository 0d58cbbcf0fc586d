import type { CheckResult } from '../../check/check';
import type { StatusReport } from '../../follow-up/status/reports';

/**
 * A project's money for the follow-up documents. `allocated` counts the ordinary and supplementary
 * allocations decided by the day; `spent` and `forecast` are what the latest report says.
 */
export interface ProjectMoney {
  allocated: number;
  spent: number | null;
  forecast: number | null;
}

export function projectMoney(
  result: CheckResult,
  caseId: string,
  day: Date,
  last: StatusReport | null,
): ProjectMoney {
  let allocated = 0;
  for (const e of result.ledger.entries) {
    const a = e.allocation;
    if (a.caseId !== caseId || !a.amount.ok) continue;
    if (a.date.ok && a.date.value > day) continue;
    allocated += a.amount.value;
  }
  const amount = (x: StatusReport['spent']) => (x?.ok ? x.value : null);
  return { allocated, spent: amount(last?.spent ?? null), forecast: amount(last?.forecast ?? null) };
}
