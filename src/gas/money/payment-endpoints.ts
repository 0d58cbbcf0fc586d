import { formatMoney } from '../../core/parse/money';
import type { Lang } from '../../core/base/result';
import type { Portfolio } from '../../core/portfolio/records';
import { paymentProjects, withdrawalProposals, type PaymentInput } from '../../core/money-flow/payment-check';
import type { PaymentDone, PaymentView } from '../../seam/api';
import { todayIn, type Desk } from '../platform/desk';
import { registerPayment, registerWithdrawal } from './payments';

/** What the payment dialog's endpoints answer: plain JSON in the user's language. */
export function paymentView(desk: Desk, p: Portfolio): PaymentView {
  const today = todayIn(desk.ss, desk.sheets);
  return {
    lang: desk.lang,
    today: today.toISOString().slice(0, 10),
    projects: paymentProjects(p, today),
    withdrawals: withdrawalProposals(p, today).map((w) => ({
      caseId: w.caseId,
      title: w.title,
      amount: w.amount,
      rows: w.rows.map((r) => ({ year: r.year, amount: r.amount })),
    })),
  };
}

const paidText = (lang: Lang, kind: string, caseId: string, amount: number, left: number) =>
  kind === 'payment'
    ? lang === 'nb'
      ? `Utbetaling på ${formatMoney(amount)} registrert for ${caseId}. Gjenstår: ${formatMoney(left)}.`
      : `Payment of ${formatMoney(amount)} registered for ${caseId}. Left: ${formatMoney(left)}.`
    : lang === 'nb'
      ? `Tilbakebetaling på ${formatMoney(amount)} registrert for ${caseId}. Gjenstår: ${formatMoney(left)}.`
      : `Refund of ${formatMoney(amount)} registered for ${caseId}. Left: ${formatMoney(left)}.`;

export function paymentDone(desk: Desk, input: PaymentInput, confirmed: boolean): PaymentDone {
  const done = registerPayment(desk, input, confirmed);
  return {
    caseId: input.caseId,
    amount: done.amount,
    left: done.left,
    message: [paidText(desk.lang, done.kind, input.caseId, done.amount, done.left), done.warning?.[desk.lang]]
      .filter((x) => x)
      .join(' '),
  };
}

export function withdrawalDone(desk: Desk, caseId: string): PaymentDone {
  const w = registerWithdrawal(desk, caseId);
  return {
    caseId,
    amount: w.amount,
    left: 0,
    message:
      desk.lang === 'nb'
        ? `Inndragning på ${formatMoney(w.amount)} registrert for ${caseId} i Tildelinger (${w.rows.length} rad${w.rows.length === 1 ? '' : 'er'}). Midlene er frigjort i rammen; husk forhåndsvarsel og vedtak.`
        : `Withdrawal of ${formatMoney(w.amount)} registered for ${caseId} in Allocations (${w.rows.length} row${w.rows.length === 1 ? '' : 's'}). The money is freed in the frame; remember the advance notice and decision.`,
  };
}
