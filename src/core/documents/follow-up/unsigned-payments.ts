import type { Lang } from '../../base/result';
import type { CheckResult } from '../../check/check';
import { formatDay } from '../../parse/period';
import { b, h, p, ul, type Block, type Inline } from '../model';

const T = {
  nb: {
    heading: 'Utbetalinger uten skriftlig avtale',
    none: 'Ingen utbetalinger er gjort uten skriftlig avtale.',
  },
  en: {
    heading: 'Payments without a written agreement',
    none: 'No payment was made without a written agreement.',
  },
};

/**
 * Every payment made without the written agreement the grant letter requires (`payment-without-contract`),
 * dated from `from` (when given) up to `day`: a breach of the grant's conditions, which each report to a
 * body that oversees the money names rather than leaves to the ledger.
 */
export function unsignedPayments(result: CheckResult, day: Date, lang: Lang, from?: Date): Inline[][] {
  const rows = new Map(result.portfolio.payments.map((x) => [x.row, x]));
  return result.findings.flatMap((f) => {
    if (f.rule !== 'payment-without-contract') return [];
    const pay = rows.get(f.cells[0]?.row ?? -1);
    if (!pay || !pay.date.ok || pay.date.value > day || (from && pay.date.value < from)) return [];
    return [[b(`${f.ref} ${formatDay(pay.date.value, 'nb')}`), `: ${f.fact[lang]}`]];
  });
}

/** The section that lists them, or says there are none. */
export const unsignedPaymentBlocks = (items: Inline[][], lang: Lang): Block[] => [
  h(2, T[lang].heading),
  items.length > 0 ? ul(items) : p(T[lang].none),
];
