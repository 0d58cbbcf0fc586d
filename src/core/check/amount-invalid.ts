import type { CellRef, Finding } from '../engine/findings';
import { formatMoney } from '../parse/money';
import type { Parsed } from '../base/result';
import type { SheetId } from '../workbook/sheets';
import { about, finding, type Rule } from '../engine/rule';

/** What each checked amount is, for the fact a document prints. */
const AMOUNT_FACT: Record<string, (trust: string) => { nb: string; en: string }> = {
  requested: () => ({ nb: 'Det søkte beløpet', en: 'The amount requested' }),
  ownMunicipality: () => ({ nb: 'Egenandelen fra kommunen', en: "The municipality's own contribution" }),
  ownHospital: (trust) => ({ nb: `Egenandelen fra ${trust}`, en: "The hospital trust's own contribution" }),
  amount: () => ({ nb: 'Det tildelte beløpet', en: 'The amount allocated' }),
};

/** Amounts must be positive NOK amounts: amount asked, own contributions, allocations. */
export const amountInvalid: Rule = {
  id: 'amount-invalid',
  severity: 'error',
  family: 'premise',
  check(ctx) {
    const out: Finding[] = [];
    const check = (
      sheet: SheetId,
      r: { caseId: string; row: number },
      field: string,
      value: Parsed<number> | null,
      allowZero: boolean,
    ) => {
      if (value === null) return;
      const reason = !value.ok
        ? value.reason
        : value.value < 0 || (!allowZero && value.value === 0)
          ? {
              nb: `${formatMoney(value.value)} er ikke et positivt beløp`,
              en: `${formatMoney(value.value)} is not a positive amount`,
            }
          : null;
      if (!reason) return;
      const ref = r.caseId;
      const cell: CellRef = { sheet, row: r.row, field };
      const what = AMOUNT_FACT[field]!(ctx.portfolio.settings.hospitalTrustShort);
      out.push(
        finding(
          this,
          ref,
          [cell],
          (lang) =>
            lang === 'nb'
              ? `${about(ref, cell, 'nb')}${reason.nb}. Skriv et beløp i kroner, f.eks. 1 060 000.`
              : `${about(ref, cell, 'en')}${reason.en}. Write an amount in NOK, e.g. 1 060 000.`,
          (lang) =>
            lang === 'nb'
              ? `${what.nb} er ikke et gyldig, positivt beløp.`
              : `${what.en} is not a valid positive amount.`,
        ),
      );
    };
    for (const a of ctx.active) {
      check('applications', a, 'requested', a.requested, false);
      check('applications', a, 'ownMunicipality', a.ownMunicipality, true);
      check('applications', a, 'ownHospital', a.ownHospital, true);
    }
    // An extension (Forlengelse) carries no money: 0 is its amount.
    for (const a of ctx.portfolio.allocations)
      check('allocations', a, 'amount', a.amount, a.kind === 'extension');
    return out;
  },
};
