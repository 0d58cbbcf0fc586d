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
import { todayIn, type Desk } from '../platform/desk';
import { appendLog } from '../platform/log';
import { readWorkbook } from '../workbook/portfolio';
import { appendRows, rowFor, type Sheet } from '../platform/sheets';

/**
 * Registers a payment or refund (one `Utbetalinger` row, created with its header when missing) and a
 * withdrawal of unused money (one `Tildelinger` row per budget year with money left), each with its `Logg`
 * line. Both re-validate in the core against the workbook as it is now, under the caller's lock.
 */
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function registerPayment(
  desk: Desk,
  input: PaymentInput,
): { amount: number; left: number; kind: string } {
  const read = readWorkbook(desk.ss, desk.sheets);
  const portfolio = readPortfolio(read.values);
  const check = checkPayment(portfolio, todayIn(desk.ss, desk.sheets), input);
  if (!check.ok) throw check.error;
  const pay = check.payment;
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
  const left = pay.project.left - (pay.kind === 'payment' ? pay.amount : -pay.amount);
  appendLog(desk.sheets, desk.user, [
    {
      action: pay.kind === 'payment' ? 'Utbetaling' : 'Tilbakebetaling',
      caseId: pay.caseId,
      before: `utbetalt ${formatMoney(pay.project.paid)} av ${formatMoney(pay.project.allocated)}`,
      after: `${pay.kind === 'payment' ? '+' : '−'}${formatMoney(pay.amount)} ${iso(pay.date)}${pay.voucher ? ` (${pay.voucher})` : ''}; gjenstår ${formatMoney(left)}`,
    },
  ]);
  return { amount: pay.amount, left, kind: pay.kind };
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
  appendRows(
    read.sheets.get(name)!,
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
  );
  appendLog(desk.sheets, desk.user, [
    {
      action: 'Inndragning',
      caseId: w.caseId,
      before: `ubrukt ${formatMoney(w.amount)}`,
      after: w.rows.map((r) => `−${formatMoney(r.amount)} (${r.year})`).join(', '),
    },
  ]);
  return w;
}
