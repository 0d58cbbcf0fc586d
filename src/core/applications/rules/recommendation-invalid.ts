import type { CellRef, Finding } from '../../engine/findings';
import { formatMoney } from '../../parse/money';
import type { Application } from '../../portfolio/records';
import type { Reason } from '../../base/result';
import { about, finding, type Rule } from '../../engine/rule';

type Problem = { field: 'recommendation' | 'recommendedAmount'; nb: string; en: string; fact: Reason };

/** What is wrong with a case's recommendation (the memo's proposal), if anything. */
function problem(a: Application): Problem | null {
  if (a.recommendationText !== '' && a.recommendation === null) {
    return {
      field: 'recommendation',
      nb: `«${a.recommendationText}» er ingen innstilling. Velg Innvilges, Delvis, Forprosjekt eller Avslås.`,
      en: `"${a.recommendationText}" is not a recommendation. Choose Innvilges, Delvis, Forprosjekt or Avslås.`,
      fact: {
        nb: 'Innstillingen er ikke en av innstillingene saksfremstillingen kan foreslå.',
        en: 'The recommendation is none of those the memo can propose.',
      },
    };
  }
  if (a.recommendedAmount && !a.recommendedAmount.ok) {
    return {
      field: 'recommendedAmount',
      nb: `«Innstilt beløp» ${a.recommendedAmount.reason.nb}. Skriv beløpet i kroner.`,
      en: `"Recommended amount" ${a.recommendedAmount.reason.en}. Write the amount in NOK.`,
      fact: {
        nb: 'Det innstilte beløpet er ikke et gyldig beløp.',
        en: 'The recommended amount is not a valid amount.',
      },
    };
  }
  const amount = a.recommendedAmount?.ok ? a.recommendedAmount.value : null;
  const asked = a.requested.ok ? a.requested.value : null;
  if (amount !== null && amount <= 0 && a.recommendation !== 'reject') {
    return {
      field: 'recommendedAmount',
      nb: `innstilt beløp ${formatMoney(amount)} er ikke et positivt beløp. Rett beløpet, eller velg Avslås.`,
      en: `the recommended ${formatMoney(amount)} is not a positive amount. Fix it, or choose Avslås.`,
      fact: {
        nb: `Det innstilte beløpet (${formatMoney(amount)}) er ikke positivt.`,
        en: `The recommended amount (${formatMoney(amount)}) is not positive.`,
      },
    };
  }
  if (a.recommendation === 'grant' && amount !== null && asked !== null && amount !== asked) {
    return {
      field: 'recommendedAmount',
      nb: `«Innvilges» gir søkt beløp (${formatMoney(asked)}), men innstilt beløp er ${formatMoney(amount)}. Velg Delvis, eller tøm «Innstilt beløp».`,
      en: `"Innvilges" grants the amount requested (${formatMoney(asked)}), but the recommended amount is ${formatMoney(amount)}. Choose Delvis, or clear it.`,
      fact: {
        nb: `Innstillingen er full innvilgelse (${formatMoney(asked)}), men det innstilte beløpet er ${formatMoney(amount)}.`,
        en: `The recommendation is a full grant (${formatMoney(asked)}), but the recommended amount is ${formatMoney(amount)}.`,
      },
    };
  }
  if (a.recommendation === 'preProject' && amount !== null && asked !== null && amount > asked) {
    return {
      field: 'recommendedAmount',
      nb: `forprosjektet (${formatMoney(amount)}) er større enn søkt beløp (${formatMoney(asked)}). Rett beløpet.`,
      en: `the pre-project (${formatMoney(amount)}) is larger than the amount requested (${formatMoney(asked)}). Fix the amount.`,
      fact: {
        nb: `Forprosjektet (${formatMoney(amount)}) er større enn det søkte beløpet (${formatMoney(asked)}).`,
        en: `The pre-project (${formatMoney(amount)}) is larger than the amount requested (${formatMoney(asked)}).`,
      },
    };
  }
  if ((a.recommendation === 'partial' || a.recommendation === 'preProject') && amount === null) {
    return {
      field: 'recommendedAmount',
      nb: 'delvis innvilgelse og forprosjekt trenger «Innstilt beløp». Fyll det inn.',
      en: 'a partial grant or a pre-project needs a "Recommended amount". Fill it in.',
      fact: {
        nb: 'Innstillingen er delvis innvilgelse eller forprosjekt, men uten beløp.',
        en: 'The recommendation is a partial grant or a pre-project, but without an amount.',
      },
    };
  }
  if (a.recommendation === 'partial' && amount !== null && asked !== null && amount >= asked) {
    return {
      field: 'recommendedAmount',
      nb: `innstilt beløp ${formatMoney(amount)} er ikke lavere enn søkt beløp. Velg Innvilges, eller rett beløpet.`,
      en: `the recommended ${formatMoney(amount)} is not below the amount requested. Choose Innvilges, or fix the amount.`,
      fact: {
        nb: `Innstillingen er delvis innvilgelse, men det innstilte beløpet (${formatMoney(amount)}) er ikke lavere enn det søkte.`,
        en: `The recommendation is a partial grant, but the recommended amount (${formatMoney(amount)}) is not below the amount requested.`,
      },
    };
  }
  return null;
}

/** The memo proposes what `Innstilling` and `Innstilt beløp` say: they must say something it can word. */
export const recommendationInvalid: Rule = {
  id: 'recommendation-invalid',
  severity: 'error',
  family: 'assessment',
  check(ctx) {
    const out: Finding[] = [];
    for (const app of ctx.active) {
      const p = problem(app);
      if (!p) continue;
      const cell: CellRef = { sheet: 'applications', row: app.row, field: p.field };
      out.push(
        finding(
          this,
          app.caseId,
          [cell],
          (lang) => about(app.caseId, cell, lang) + p[lang],
          (lang) => p.fact[lang],
        ),
      );
    }
    return out;
  },
};
