import { CATEGORY_LABELS } from '../../core/workbook/categories';
import { ALLOCATIONS, PAYMENTS } from '../../core/workbook/contract';
import { ALLOCATION_KINDS, PAYMENT_KINDS } from '../../core/workbook/vocabulary';
import { formatMoney } from '../../core/parse/money';
import { readPortfolio } from '../../core/portfolio/records';
import {
  checkPayment,
  checkWithdrawal,
  type PaymentInput,
  type WithdrawalProposal,
} from '../../core/money-flow/payment-check';
import { tilskuddError } from '../../core/base/errors';
import type { Reason } from '../../core/base/result';
import { acceptanceOf, acceptanceWarning } from '../../core/money-flow/acceptance';
import { hash53 } from '../../core/base/hash';
import { todayIn, type Desk } from '../platform/desk';
import { loggedWrite } from '../platform/log';
import { readWorkbook } from '../workbook/portfolio';
import { appendRows, rowFor, type Sheet } from '../platform/sheets';

/**
 * Registers a payment or refund (one `Utbetalinger` row, created with its header when missing) and a
 * withdrawal of unused money (one `Tildelinger` row per budget year with money left), each after its `Logg`
 * line (`loggedWrite`: all or nothing). Both re-validate in the core against the workbook as it is now,
 * under the caller's lock.
 */
const iso = (d: Date) => d.toISOString().slice(0, 10);

const REPEAT_SECONDS = 600;

/**
 * The same money registered twice (a double click, a retry after an error that did write): the same
 * case, kind, amount and date within ten minutes is refused unless the user confirms it is a new one.
 * Remembered in the document cache, which expires on its own; `remember` after the write.
 */
export function repeatGuard(key: readonly unknown[], confirmed: boolean): { remember(): void } {
  const cache = CacheService.getDocumentCache();
  const id = `repeat:${hash53(JSON.stringify(key))}`;
  if (!confirmed && cache && cache.get(id) !== null) {
    throw tilskuddError(
      'Den samme registreringen (sak, type, beløp og dato) ble gjort for under ti minutter siden, og er ikke registrert på nytt. Er det en ny, kryss av for «Registrer likevel» og send igjen.',
      'The same registration (case, kind, amount and date) was made less than ten minutes ago, and was not registered again. If it is a new one, tick "Register anyway" and send again.',
    );
  }
  return { remember: () => cache?.put(id, '1', REPEAT_SECONDS) };
}

export function registerPayment(
  desk: Desk,
  input: PaymentInput,
  confirmed = false,
): { amount: number; left: number; kind: string; warning: Reason | null } {
  const read = readWorkbook(desk.ss, desk.sheets);
  const portfolio = readPortfolio(read.values);
  const check = checkPayment(portfolio, todayIn(desk.ss, desk.sheets), input);
  if (!check.ok) throw check.error;
  const pay = check.payment;
  const repeat = repeatGuard([pay.kind, pay.caseId, pay.amount, iso(pay.date)], confirmed);
  const left = pay.project.left - (pay.kind === 'payment' ? pay.amount : -pay.amount);
  const log = {
    action: pay.kind === 'payment' ? 'Utbetaling' : 'Tilbakebetaling',
    caseId: pay.caseId,
    before: `utbetalt ${formatMoney(pay.project.paid)} av ${formatMoney(pay.project.allocated)}`,
    after: `${pay.kind === 'payment' ? '+' : '−'}${formatMoney(pay.amount)} ${iso(pay.date)}${pay.voucher ? ` (${pay.voucher})` : ''}; gjenstår ${formatMoney(left)}`,
  };
  loggedWrite(desk.sheets, desk.user, [desk.sheets.find(PAYMENTS)], [log], () => {
    const { sheet, header, rows } = paymentsSheet(desk, read.values[portfolio.sheetNames.payments]);
    appendRows(sheet, rows, [
      rowFor(PAYMENTS, header, {
        caseId: pay.caseId,
        // ISO text: Sheets reads it as that calendar day whatever the spreadsheet's locale and zone.
        date: iso(pay.date),
        amount: pay.amount,
        kind: PAYMENT_KINDS[pay.kind].nb,
        item: pay.item,
        voucher: pay.voucher,
        note: '',
      }),
    ]);
  });
  repeat.remember();
  // Registered even so (the rule is a warning); said again so the secretariat sees it was before acceptance.
  const warning =
    pay.kind === 'payment' ? acceptanceWarning(acceptanceOf(portfolio, pay.caseId), pay.date) : null;
  return { amount: pay.amount, left, kind: pay.kind, warning };
}

/** The `Utbetalinger` sheet with its header row and number of rows in use, created when missing. */
function paymentsSheet(
  desk: Desk,
  values: readonly (readonly unknown[])[] | undefined,
): { sheet: Sheet; header: readonly unknown[]; rows: number } {
  const found = desk.sheets.find(PAYMENTS);
  if (found && values) return { sheet: found, header: values[0]!, rows: values.length };
  const sheet = found ?? desk.sheets.insert(PAYMENTS);
  const header = PAYMENTS.fields.map((f) => f.header);
  sheet.getRange(1, 1, 1, header.length).setValues([header]);
  sheet.setFrozenRows(1);
  return { sheet, header, rows: 1 };
}

export function registerWithdrawal(desk: Desk, caseId: unknown): WithdrawalProposal {
  const read = readWorkbook(desk.ss, desk.sheets);
  const portfolio = readPortfolio(read.values);
  const check = checkWithdrawal(portfolio, todayIn(desk.ss, desk.sheets), caseId);
  if (!check.ok) throw check.error;
  const w = check.proposal;
  const name = portfolio.sheetNames.allocations;
  const values = read.values[name]!;
  const today = iso(todayIn(desk.ss, desk.sheets));
  const sheet = read.sheets.get(name)!;
  const log = {
    action: 'Inndragning',
    caseId: w.caseId,
    before: `ubrukt ${formatMoney(w.amount)}`,
    after: w.rows.map((r) => `−${formatMoney(r.amount)} (${r.year})`).join(', '),
  };
  loggedWrite(desk.sheets, desk.user, [sheet], [log], () =>
    appendRows(
      sheet,
      values.length,
      w.rows.map((r) =>
        rowFor(ALLOCATIONS, values[0]!, {
          caseId: w.caseId,
          decision: 'Sekretariatet: inndragning av ubrukte midler',
          date: today,
          kind: ALLOCATION_KINDS.withdrawal.nb,
          category: w.category ? CATEGORY_LABELS[w.category].nb : '',
          amount: r.amount,
          from: r.month,
          to: r.month,
          reportedSsu: '',
        }),
      ),
    ),
  );
  return w;
}
