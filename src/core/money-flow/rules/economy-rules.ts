import type { CellRef, Finding } from '../../engine/findings';
import { formatMoney } from '../../parse/money';
import { formatMonth } from '../../parse/period';
import { isUnused } from '../economy';
import { tracksPayments } from '../records';
import { about, finding, groupBy, type Rule } from '../../engine/rule';

/** Rules on a project's money as a whole: what is paid against what is allocated and what is left. */

/**
 * Paid more than allocated. When only a withdrawal made the allocation smaller than what was already
 * paid, `withdrawal-over-remaining` names that row instead.
 */
export const overspent: Rule = {
  id: 'overspent',
  severity: 'error',
  family: 'money',
  check(ctx) {
    const out: Finding[] = [];
    const payments = groupBy(ctx.portfolio.payments, (p) => p.caseId);
    for (const e of ctx.economy.projects.values()) {
      if (!ctx.ordinaryByCase.has(e.caseId) || e.paid <= e.allocated || e.paid <= e.granted) continue;
      const ref = e.caseId;
      const over = formatMoney(e.paid - e.allocated);
      const cells = (payments.get(ref) ?? []).map((r): CellRef => ({
        sheet: 'payments',
        row: r.row,
        field: 'amount',
      }));
      out.push(
        finding(
          this,
          ref,
          cells,
          (lang) =>
            lang === 'nb'
              ? `${about(ref, undefined, 'nb')}utbetalt ${formatMoney(e.paid)} er ${over} mer enn tildelt ${formatMoney(e.allocated)}. Krev det overskytende tilbake, eller rett beløpene i Utbetalinger.`
              : `${about(ref, undefined, 'en')}paid ${formatMoney(e.paid)} is ${over} more than the ${formatMoney(e.allocated)} allocated. Reclaim the excess, or fix the amounts in Payments.`,
          (lang) =>
            lang === 'nb'
              ? `Utbetalt ${formatMoney(e.paid)} er ${over} mer enn tildelt ${formatMoney(e.allocated)}.`
              : `Paid ${formatMoney(e.paid)} is ${over} more than the ${formatMoney(e.allocated)} allocated.`,
        ),
      );
    }
    return out;
  },
};

/** What a project will not use comes back to the frame: flagged once the refund deadline has passed. */
export const unusedFunds: Rule = {
  id: 'unused-funds',
  severity: 'warning',
  family: 'money',
  check(ctx) {
    if (!tracksPayments(ctx.portfolio)) return [];
    const months = ctx.portfolio.settings.refundDeadlineMonths;
    const out: Finding[] = [];
    for (const e of ctx.economy.projects.values()) {
      const ordinary = ctx.ordinaryByCase.get(e.caseId);
      if (!ordinary || !e.period || !isUnused(e, ctx.today)) continue;
      const ref = e.caseId;
      const cell: CellRef = { sheet: 'allocations', row: ordinary[0]!.row, field: 'to' };
      const end = e.period.to;
      out.push(
        finding(
          this,
          ref,
          [cell],
          (lang) =>
            lang === 'nb'
              ? `${about(ref, cell, 'nb')}prosjektet sluttet ${formatMonth(end)}, for mer enn ${months} måneder siden, og ${formatMoney(e.remaining)} av tildelt ${formatMoney(e.allocated)} er ikke utbetalt. Trekk inn ${formatMoney(e.remaining)} (Tilskudd › Penger › Registrer utbetaling) eller omdisponer midlene.`
              : `${about(ref, cell, 'en')}the project ended in ${formatMonth(end, 'en')}, more than ${months} months ago, and ${formatMoney(e.remaining)} of the ${formatMoney(e.allocated)} allocated is unpaid. Withdraw ${formatMoney(e.remaining)} (Tilskudd › Money › Register payment) or reallocate it.`,
          (lang) =>
            lang === 'nb'
              ? `Prosjektet sluttet ${formatMonth(end)}, og ${formatMoney(e.remaining)} av tildelt ${formatMoney(e.allocated)} er ikke utbetalt.`
              : `The project ended in ${formatMonth(end, 'en')}, and ${formatMoney(e.remaining)} of the ${formatMoney(e.allocated)} allocated is unpaid.`,
        ),
      );
    }
    return out;
  },
};

/** A withdrawal can take back only what was left unpaid (ordinary + supplements − paid − earlier withdrawals). */
export const withdrawalOverRemaining: Rule = {
  id: 'withdrawal-over-remaining',
  severity: 'error',
  family: 'money',
  check(ctx) {
    const out: Finding[] = [];
    const withdrawals = ctx.portfolio.allocations.filter((a) => a.kind === 'withdrawal');
    for (const [caseId, rows] of groupBy(withdrawals, (a) => a.caseId)) {
      const e = ctx.economy.projects.get(caseId);
      if (!e) continue;
      let left = Math.round((e.granted - e.paid) * 100);
      for (const a of rows) {
        if (!a.amount.ok) continue;
        const asked = formatMoney(a.amount.value);
        const before = left / 100;
        left -= Math.round(a.amount.value * 100);
        if (left >= 0) continue;
        const ref = e.caseId;
        const cell: CellRef = { sheet: 'allocations', row: a.row, field: 'amount' };
        const unpaid = formatMoney(Math.max(before, 0));
        out.push(
          finding(
            this,
            ref,
            [cell],
            (lang) =>
              lang === 'nb'
                ? `${about(ref, cell, 'nb')}inndragningen på ${asked} er større enn det som var igjen å utbetale (${unpaid}). Reduser den til høyst ${unpaid}; det som er utbetalt må kreves tilbake som tilbakebetaling.`
                : `${about(ref, cell, 'en')}the withdrawal of ${asked} is more than was left unpaid (${unpaid}). Reduce it to at most ${unpaid}; money already paid must be reclaimed as a refund.`,
            (lang) =>
              lang === 'nb'
                ? `Inndragningen på ${asked} er større enn det som var igjen å utbetale (${unpaid}).`
                : `The withdrawal of ${asked} is more than was left unpaid (${unpaid}).`,
          ),
        );
        left = Math.max(left, 0);
      }
    }
    return out;
  },
};
