import { CATEGORY_IDS, CATEGORY_LABELS } from '../../workbook/categories';
import type { Finding } from '../../engine/findings';
import { formatMoney } from '../../parse/money';
import { about, finding, type Rule } from '../../engine/rule';

const pct = (x: number) => `${String(Math.round(x * 1000) / 10).replace('.', ',')} %`;

/** Allocations counted against a budget year (pro rata) may not exceed that year's frame. */
export const frameExceeded: Rule = {
  id: 'frame-exceeded',
  severity: 'error',
  family: 'frame',
  check(ctx) {
    const out: Finding[] = [];
    for (const y of ctx.ledger.years.values()) {
      if (y.allocated <= y.frame) continue;
      const ref = String(y.year);
      const over = formatMoney(y.allocated - y.frame);
      out.push(
        finding(
          this,
          ref,
          [],
          (lang) =>
            lang === 'nb'
              ? `${about(ref, undefined, 'nb')}tildelt ${formatMoney(y.allocated)} er ${over} over rammen på ${formatMoney(y.frame)}. Reduser tildelingene eller rett rammen i Innstillinger.`
              : `${about(ref, undefined, 'en')}allocated ${formatMoney(y.allocated)} is ${over} over the frame of ${formatMoney(y.frame)}. Reduce the allocations or fix the frame in Settings.`,
          (lang) =>
            lang === 'nb'
              ? `Tildelt i ${ref} er ${formatMoney(y.allocated)}, ${over} over rammen på ${formatMoney(y.frame)}.`
              : `Allocated in ${ref} is ${formatMoney(y.allocated)}, ${over} over the frame of ${formatMoney(y.frame)}.`,
        ),
      );
    }
    return out;
  },
};

/** The split key is guiding, not a hard limit: going over a category's key amount is a warning. */
export const keyExceeded: Rule = {
  id: 'key-exceeded',
  severity: 'warning',
  family: 'frame',
  check(ctx) {
    const out: Finding[] = [];
    for (const y of ctx.ledger.years.values()) {
      for (const id of CATEGORY_IDS) {
        const c = y.categories[id];
        if (c.amount <= c.keyAmount) continue;
        const ref = String(y.year);
        out.push(
          finding(
            this,
            ref,
            [],
            (lang) =>
              lang === 'nb'
                ? `${about(ref, undefined, 'nb')}${CATEGORY_LABELS[id].nb} har fått ${formatMoney(c.amount)} (${pct(c.share)} av rammen), over nøkkelen på ${pct(c.key)} (${formatMoney(c.keyAmount)}). Nøkkelen er veiledende: begrunn avviket i saksfremstillingen.`
                : `${about(ref, undefined, 'en')}${CATEGORY_LABELS[id].en} has ${formatMoney(c.amount)} (${pct(c.share)} of the frame), over its key of ${pct(c.key)} (${formatMoney(c.keyAmount)}). The key is guiding: explain the deviation in the memo.`,
            (lang) =>
              lang === 'nb'
                ? `${CATEGORY_LABELS[id].nb} har fått ${formatMoney(c.amount)} i ${ref} (${pct(c.share)} av rammen), over den veiledende nøkkelen på ${pct(c.key)} (${formatMoney(c.keyAmount)}).`
                : `${CATEGORY_LABELS[id].en} has ${formatMoney(c.amount)} in ${ref} (${pct(c.share)} of the frame), over its guiding key of ${pct(c.key)} (${formatMoney(c.keyAmount)}).`,
          ),
        );
      }
    }
    return out;
  },
};
