import { CATEGORY_LABELS } from '../../core/workbook/categories';
import { ALLOCATIONS } from '../../core/workbook/contract';
import { ALLOCATION_KINDS } from '../../core/workbook/vocabulary';
import { formatMoney } from '../../core/parse/money';
import { readPortfolio } from '../../core/portfolio/records';
import { checkSupplement } from '../../core/money-flow/supplement';
import type { Desk } from '../platform/desk';
import { loggedWrite } from '../platform/log';
import { repeatGuard } from './payments';
import { readWorkbook } from '../workbook/portfolio';
import { appendRows, rowFor } from '../platform/sheets';

export interface SupplementInput {
  caseId: string;
  amount: unknown;
  reason: string;
  /** The user confirmed that the same supplement within ten minutes is a new one. */
  confirmed?: boolean;
}

/**
 * Registers a supplementary allocation after re-validating it against the authority left: one row in
 * `Tildelinger` (not yet reported to SSU) after its line in `Logg` (all or nothing, see `loggedWrite`).
 * Throws a TilskuddError with the refusal.
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
  const today = new Date();
  const repeat = repeatGuard(
    ['supplement', check.authority.caseId, check.amount, today.toISOString().slice(0, 10)],
    input.confirmed === true,
  );
  const row = rowFor(ALLOCATIONS, values[0]!, {
    caseId: check.authority.caseId,
    decision: `Sekretariatet: ${input.reason.trim()}`,
    date: today,
    kind: ALLOCATION_KINDS.supplement.nb,
    category: category ? CATEGORY_LABELS[category].nb : '',
    amount: check.amount,
    reportedSsu: '',
  });
  const left = check.authority.left - check.amount;
  const sheet = read.sheets.get(name)!;
  const log = {
    action: 'Tilleggsbevilling',
    caseId: check.authority.caseId,
    before: `brukt ${formatMoney(check.authority.used)}`,
    after: `+${formatMoney(check.amount)} (${input.reason.trim()}); gjenstår ${formatMoney(left)}`,
  };
  loggedWrite(desk.sheets, desk.user, [sheet], [log], () => appendRows(sheet, values.length, [row]));
  repeat.remember();
  return { amount: check.amount, left };
}
