import { parseDay } from '../parse/period';
import { parseYesNo } from '../workbook/vocabulary';
import type { Allocation, Portfolio } from '../portfolio/records';

/**
 * Whether a supplementary allocation is reported to SSU: a date or a yes counts, "Nei" does not; other
 * text is `null` (the rule asks for a date).
 */
export function reported(a: Allocation): boolean | null {
  if (a.reportedSsu === '') return false;
  if (parseDay(a.reportedSsu).ok) return true;
  return parseYesNo(a.reportedSsu);
}

/**
 * Whether the workbook follows up payments (it has an `Utbetalinger` sheet): only then is money left
 * unpaid after a project's end a finding, so a workbook that does not use the follow-up is not flooded.
 */
export const tracksPayments = (p: Portfolio): boolean => Object.keys(p.columns.payments).length > 0;
