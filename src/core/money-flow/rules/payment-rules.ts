import type { CellRef, Finding } from '../../engine/findings';
import { decidingBody } from '../../workbook/bodies';
import { formatMoney } from '../../parse/money';
import { formatDay, formatMonth } from '../../parse/period';
import type { Application, Payment } from '../../portfolio/records';
import { about, finding, says, type Rule } from '../../engine/rule';
import type { CheckContext } from '../../check/context';
import { acceptanceOf, paidBeforeAcceptance } from '../acceptance';

/**
 * Rules on single `Utbetalinger` rows: money goes only to granted projects, only after their written
 * agreement, and not long after their end; a row that cannot be counted says why.
 */
type Text = { nb: string; en: string };

function paymentRule(
  id: string,
  severity: 'error' | 'warning',
  test: (
    pay: Payment,
    ctx: CheckContext,
    apps: Map<string, Application>,
  ) => { field: string; text: Text; fact: Text } | null,
): Rule {
  const rule: Rule = {
    id,
    severity,
    family: 'money',
    check(ctx) {
      const apps = new Map(ctx.portfolio.applications.map((a) => [a.caseId, a]));
      const out: Finding[] = [];
      for (const pay of ctx.portfolio.payments) {
        const hit = test(pay, ctx, apps);
        if (!hit) continue;
        const ref = pay.caseId;
        const cell: CellRef = { sheet: 'payments', row: pay.row, field: hit.field };
        out.push(
          finding(
            rule,
            ref,
            [cell],
            (lang) => about(ref, cell, lang) + hit.text[lang],
            (lang) => hit.fact[lang],
          ),
        );
      }
      return out;
    },
  };
  return rule;
}

/** "200 000 kr" for the facts; "et beløp" when the amount cannot be read. */
const paidAmount = (pay: Payment, lang: 'nb' | 'en') =>
  pay.amount.ok ? formatMoney(pay.amount.value) : lang === 'nb' ? 'et beløp' : 'An amount';

const paysOut = (pay: Payment) => pay.kind === 'payment' && pay.amount.ok && pay.amount.value > 0;

/** A payment row the engine cannot count (see `signedPayment`): no positive amount, no date, or an unknown kind. */
export const paymentInvalid = paymentRule('payment-invalid', 'error', (pay) => {
  if (!pay.amount.ok || pay.amount.value <= 0) {
    const reason = pay.amount.ok
      ? {
          nb: `${formatMoney(pay.amount.value)} er ikke et positivt beløp`,
          en: `${formatMoney(pay.amount.value)} is not a positive amount`,
        }
      : pay.amount.reason;
    return {
      field: 'amount',
      text: {
        nb: `${reason.nb}. Skriv beløpet positivt i kroner; en tilbakebetaling får Art «Tilbakebetaling».`,
        en: `${reason.en}. Write the amount as a positive NOK amount; a refund gets Kind "Tilbakebetaling" (refund).`,
      },
      fact: {
        nb: `En utbetaling kan ikke telles: ${reason.nb}.`,
        en: `A payment cannot be counted: ${reason.en}.`,
      },
    };
  }
  if (!pay.date.ok) {
    return {
      field: 'date',
      text: {
        nb: `${pay.date.reason.nb}. Skriv utbetalingsdatoen, f.eks. 01.09.2025.`,
        en: `${pay.date.reason.en}. Write the payment date, e.g. 2025-09-01.`,
      },
      fact: {
        nb: `En utbetaling på ${paidAmount(pay, 'nb')} har ingen lesbar dato.`,
        en: `A payment of ${paidAmount(pay, 'en').toLowerCase()} has no readable date.`,
      },
    };
  }
  if (pay.kind === null) {
    return {
      field: 'kind',
      text: {
        nb: `«${pay.kindText}» er ingen art. Velg Utbetaling eller Tilbakebetaling (tom er utbetaling).`,
        en: `"${pay.kindText}" is not a kind. Choose Utbetaling (payment) or Tilbakebetaling (refund); blank is a payment.`,
      },
      fact: {
        nb: `En utbetaling på ${paidAmount(pay, 'nb')} har ukjent art («${pay.kindText}»).`,
        en: `A payment of ${paidAmount(pay, 'en').toLowerCase()} has an unknown kind ("${pay.kindText}").`,
      },
    };
  }
  return null;
});

/** Money is paid only to projects the board has granted. */
export const paymentWithoutGrant = paymentRule('payment-without-grant', 'error', (pay, ctx) =>
  pay.caseId !== '' && ctx.ordinaryByCase.has(pay.caseId)
    ? null
    : {
        field: 'caseId',
        text: {
          nb: `utbetaling til en sak uten ordinær tildeling. Rett Saksnr, eller registrer ${decidingBody(ctx.portfolio.settings).genitive} vedtak i Tildelinger før utbetaling.`,
          en: 'payment to a case without an ordinary allocation. Fix the case ID, or record the board decision in Allocations before paying.',
        },
        fact: {
          nb: `Det er utbetalt ${paidAmount(pay, 'nb')} til en sak uten ordinær tildeling.`,
          en: `${paidAmount(pay, 'en')} was paid to a case without an ordinary allocation.`,
        },
      },
);

/** The award letter: money is paid only after the written agreement (premise 3). */
export const paymentWithoutContract = paymentRule('payment-without-contract', 'error', (pay, ctx, apps) => {
  if (!paysOut(pay) || !ctx.ordinaryByCase.has(pay.caseId)) return null;
  const app = apps.get(pay.caseId);
  // An allocation without an application (the secretariat's own cost) has no agreement to ask for.
  if (!app) return null;
  if (app.contract !== true) {
    return {
      field: 'caseId',
      text: {
        nb: 'utbetalt uten skriftlig samarbeidsavtale («Samarbeidsavtale» i Søknader er ikke Ja eller en dato). Midler utbetales først når avtalen er inngått: inngå den, eller krev beløpet tilbake.',
        en: 'paid without a written agreement ("Written agreement" in Applications is not Yes or a date). Money is paid only once the agreement is signed: sign it, or reclaim the amount.',
      },
      fact: {
        nb: `Det er utbetalt ${paidAmount(pay, 'nb')} uten skriftlig samarbeidsavtale.`,
        en: `${paidAmount(pay, 'en')} was paid without a written agreement.`,
      },
    };
  }
  const signed = app.contractSigned;
  if (!signed || !pay.date.ok || pay.date.value >= signed) return null;
  const paid = pay.date.value;
  return {
    field: 'date',
    text: {
      nb: `utbetalt ${formatDay(paid)}, før samarbeidsavtalen ble signert ${formatDay(signed)}. Rett datoen, eller dokumenter hvorfor det ble utbetalt før avtalen.`,
      en: `paid on ${formatDay(paid, 'en')}, before the written agreement was signed on ${formatDay(signed, 'en')}. Fix the date, or document why it was paid before the agreement.`,
    },
    fact: {
      nb: `Det ble utbetalt ${paidAmount(pay, 'nb')} ${formatDay(paid)}, før samarbeidsavtalen ble signert ${formatDay(signed)}.`,
      en: `${paidAmount(pay, 'en')} was paid on ${formatDay(paid, 'en')}, before the written agreement was signed on ${formatDay(signed, 'en')}.`,
    },
  };
});

/** A payment long after the project's end probably belongs elsewhere (or the period was extended). */
export const paymentOutsidePeriod = paymentRule('payment-outside-period', 'warning', (pay, ctx) => {
  const e = ctx.economy.projects.get(pay.caseId);
  if (!paysOut(pay) || !pay.date.ok || !e?.period || !e.deadline || pay.date.value < e.deadline) return null;
  const months = ctx.portfolio.settings.refundDeadlineMonths;
  const paid = pay.date.value;
  const end = e.period.to;
  return {
    field: 'date',
    text: {
      nb: `utbetalt ${formatDay(paid)}, mer enn ${months} måneder etter at prosjektperioden sluttet (${formatMonth(end)}). Sjekk at utbetalingen hører til prosjektet, eller forleng perioden i Tildelinger.`,
      en: `paid on ${formatDay(paid, 'en')}, more than ${months} months after the project period ended (${formatMonth(end, 'en')}). Check that the payment belongs to the project, or extend the period in Allocations.`,
    },
    fact: {
      nb: `Det ble utbetalt ${paidAmount(pay, 'nb')} ${formatDay(paid)}, mer enn ${months} måneder etter at prosjektperioden sluttet (${formatMonth(end)}).`,
      en: `${paidAmount(pay, 'en')} was paid on ${formatDay(paid, 'en')}, more than ${months} months after the project period ended (${formatMonth(end, 'en')}).`,
    },
  };
});

/**
 * Each party archives the signed agreement in its own archive: a payment to a project whose `Avtaleparter`
 * rows show a party that has not signed, or no archive reference, is a warning (the money may be out before
 * the paper trail is). Silent without the sheet or without rows for the case.
 */
export const agreementArchiveMissing = paymentRule('agreement-archive-missing', 'warning', (pay, ctx) => {
  if (!paysOut(pay)) return null;
  const parties = (ctx.portfolio.agreementParties ?? []).filter((x) => x.caseId === pay.caseId);
  const unsigned = parties.filter((x) => x.signed !== true).map((x) => x.party || `rad ${x.row}`);
  const unarchived = parties.filter((x) => x.archiveRef === '').map((x) => x.party || `rad ${x.row}`);
  if (unsigned.length === 0 && unarchived.length === 0) return null;
  const list = (names: string[]) => names.join(', ');
  const nb = [
    unsigned.length > 0 ? `ikke signert av ${list(unsigned)}` : '',
    unarchived.length > 0 ? `uten arkivreferanse hos ${list(unarchived)}` : '',
  ].filter((x) => x !== '');
  const en = [
    unsigned.length > 0 ? `not signed by ${list(unsigned)}` : '',
    unarchived.length > 0 ? `no archive reference from ${list(unarchived)}` : '',
  ].filter((x) => x !== '');
  return {
    field: 'caseId',
    text: {
      nb: `utbetalt mens samarbeidsavtalen er ${nb.join(' og ')} (arket Avtaleparter). Før inn signaturen (Signert) og partens arkivreferanse (Arkivref.).`,
      en: `paid while the written agreement is ${en.join(' and ')} (sheet Avtaleparter). Enter the signature (Signert) and the party's archive reference (Arkivref.).`,
    },
    fact: {
      nb: `Det er utbetalt ${paidAmount(pay, 'nb')} mens samarbeidsavtalen er ${nb.join(' og ')}.`,
      en: `${paidAmount(pay, 'en')} was paid while the written agreement is ${en.join(' and ')}.`,
    },
  };
});

/**
 * The grant offer is accepted by a date (the letter's *Aksept*): a payment to a project whose ordinary
 * allocation's `Akseptert` is blank or *Nei*, or dated after the payment, is a warning (money out on an
 * offer the recipient has not taken up). Silent when `Tildelinger` has no `Akseptert` column (acceptance is
 * not recorded in this workbook) and for an allocation without an application (the secretariat's own cost).
 */
export const acceptanceMissing = paymentRule('acceptance-missing', 'warning', (pay, ctx, apps) => {
  if (!paysOut(pay)) return null;
  const offers = ctx.ordinaryByCase.get(pay.caseId) ?? [];
  const acceptance = acceptanceOf(ctx.portfolio, pay.caseId, offers, apps.has(pay.caseId));
  const day = pay.date.ok ? pay.date.value : null;
  if (!acceptance || !paidBeforeAcceptance(acceptance, day)) return null;
  if (!acceptance.accepted) {
    return {
      field: 'caseId',
      text: says({
        problem: {
          nb: 'utbetalt før tilsagnet er akseptert («Akseptert» i Tildelinger er tom eller Nei)',
          en: 'paid before the grant offer was accepted ("Accepted" in Allocations is blank or No)',
        },
        action: {
          nb: 'Før inn datoen mottakeren aksepterte tilsagnet i «Akseptert» på den ordinære tildelingen, eller hold tilbake videre utbetaling til aksepten er kommet.',
          en: 'Enter the day the recipient accepted the offer in "Accepted" on the ordinary allocation, or hold further payments until the acceptance has come.',
        },
      }),
      fact: {
        nb: `Det er utbetalt ${paidAmount(pay, 'nb')} før tilsagnet er akseptert.`,
        en: `${paidAmount(pay, 'en')} was paid before the grant offer was accepted.`,
      },
    };
  }
  // Accepted, and paid before the day it was accepted: both days are known, or it would not be before.
  const on = acceptance.on!;
  const paid = day!;
  return {
    field: 'date',
    text: says({
      problem: {
        nb: `utbetalt ${formatDay(paid)}, før tilsagnet ble akseptert ${formatDay(on)}`,
        en: `paid on ${formatDay(paid, 'en')}, before the grant offer was accepted on ${formatDay(on, 'en')}`,
      },
      action: {
        nb: 'Rett datoen, eller dokumenter hvorfor det ble utbetalt før aksepten.',
        en: 'Fix the date, or document why it was paid before the acceptance.',
      },
    }),
    fact: {
      nb: `Det ble utbetalt ${paidAmount(pay, 'nb')} ${formatDay(paid)}, før tilsagnet ble akseptert ${formatDay(on)}.`,
      en: `${paidAmount(pay, 'en')} was paid on ${formatDay(paid, 'en')}, before the grant offer was accepted on ${formatDay(on, 'en')}.`,
    },
  };
});
