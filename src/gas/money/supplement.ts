import { CATEGORY_LABELS } from '../../core/workbook/categories';
import { ALLOCATIONS } from '../../core/workbook/contract';
import { ALLOCATION_KINDS } from '../../core/workbook/vocabulary';
import { formatMoney } from '../../core/parse/money';
import { readPortfolio } from '../../core/portfolio/records';
import { checkSupplement } from '../../core/money-flow/supplement';
import type { Desk } from '../platform/desk';
import { appendLog } from '../platform/log';
import { readWorkbook } from '../workbook/portfolio';
import { appendRows, rowFor } from '../platform/sheets';

export interface SupplementInput {
  caseId: string;
  amount: unknown;
  reason: string;
}

/**
 * Registers a supplementary allocation after re-validating it against the authority left: one row in
 * `Tildelinger` (not yet reported to SSU) and one in `Logg`. Throws a TilskuddError with the refusal.
 */
export function registerSupplement(desk: Desk, input: SupplementInput): { amount: number; left: number } {
  const read = readWorkbook(desk.ss, desk.sheets);
  const portfolio = readPortfolio(read.values);
  const check = checkSupplement(
    portfolio,
    String(input.caseId ?? ''),
    input.amount,
    String(input.reason ?? ''),
  );
  if (!check.ok) throw check.error;
  const name = portfolio.sheetNames.allocations;
  const values = read.values[name]!;
  const category = check.authority.category;
  const row = rowFor(ALLOCATIONS, values[0]!, {
    caseId: check.authority.caseId,
    decision: `Sekretariatet: ${input.reason.trim()}`,
    date: new Date(),
    kind: ALLOCATION_KINDS.supplement.nb,
    category: category ? CATEGORY_LABELS[category].nb : '',
    amount: check.amount,
    reportedSsu: '',
  });
  appendRows(read.sheets.get(name)!, values.length, [row]);
  const left = check.authority.left - check.amount;
  appendLog(desk.sheets, desk.user, [
    {
      action: 'Tilleggsbevilling',
      caseId: check.authority.caseId,
      before: `brukt ${formatMoney(check.authority.used)}`,
      after: `+${formatMoney(check.amount)} (${input.reason.trim()}); gjenstår ${formatMoney(left)}`,
    },
  ]);
  return { amount: check.amount, left };
}
