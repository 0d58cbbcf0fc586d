import type { CellRef, Finding } from '../../engine/findings';
import { formatMoney } from '../../parse/money';
import { about, finding, type Rule } from '../../engine/rule';

/**
 * The budget must exist, hold real amounts (not `[Beløp]`) and add up to the amount asked. A budget line
 * is reported once: two application rows under one case id (itself an error of `case-id`) share its
 * lines, and the line is what the person fixes.
 */
export const budgetIncomplete: Rule = {
  id: 'budget-incomplete',
  severity: 'error',
  family: 'premise',
  check(ctx) {
    const out: Finding[] = [];
    const told = new Set<string>();
    const once = (key: string) => !told.has(key) && Boolean(told.add(key));
    for (const app of ctx.active) {
      const ref = app.caseId;
      const lines = app.caseId === '' ? [] : (ctx.budgetByCase.get(app.caseId) ?? []);
      if (lines.length === 0) {
        const cell: CellRef = { sheet: 'applications', row: app.row, field: 'requested' };
        out.push(
          finding(
            this,
            ref,
            [cell],
            (lang) =>
              lang === 'nb'
                ? `${about(ref, cell, 'nb')}ingen budsjettlinjer i arket Budsjett. Legg inn postene med Saksnr ${ref}.`
                : `${about(ref, cell, 'en')}no budget lines in the Budget sheet. Add the items with case ID ${ref}.`,
            (lang) => (lang === 'nb' ? 'Søknaden har ikke noe budsjett.' : 'The application has no budget.'),
          ),
        );
        continue;
      }
      const bad = lines.filter((l) => !l.amount.ok);
      for (const line of bad.filter((l) => once(`line ${l.row}`))) {
        const cell: CellRef = { sheet: 'budget', row: line.row, field: 'amount' };
        const reason = line.amount.ok ? null : line.amount.reason;
        out.push(
          finding(
            this,
            ref,
            [cell],
            (lang) =>
              lang === 'nb'
                ? `${about(ref, cell, 'nb')}posten «${line.item}»: ${reason!.nb}. Fyll inn beløpet i kroner.`
                : `${about(ref, cell, 'en')}item "${line.item}": ${reason!.en}. Fill in the amount in NOK.`,
            (lang) =>
              lang === 'nb'
                ? `Budsjettposten «${line.item}» mangler beløp.`
                : `The budget item "${line.item}" has no amount.`,
          ),
        );
      }
      if (bad.length > 0 || !app.requested.ok) continue;
      const sum = lines.reduce((s, l) => s + (l.amount.ok ? l.amount.value : 0), 0);
      if (Math.abs(sum - app.requested.value) >= 0.005 && once(`sum ${ref} ${app.requested.value}`)) {
        const cells = lines.map((l): CellRef => ({ sheet: 'budget', row: l.row, field: 'amount' }));
        const requested = app.requested.value;
        out.push(
          finding(
            this,
            ref,
            cells,
            (lang) =>
              lang === 'nb'
                ? `${about(ref, undefined, 'nb')}budsjettlinjene summerer til ${formatMoney(sum)}, men søkt beløp er ${formatMoney(requested)}. Rett budsjettet eller søkt beløp.`
                : `${about(ref, undefined, 'en')}the budget lines add up to ${formatMoney(sum)}, but the amount requested is ${formatMoney(requested)}. Fix the budget or the amount.`,
            (lang) =>
              lang === 'nb'
                ? `Budsjettet summerer til ${formatMoney(sum)}, men søknaden ber om ${formatMoney(requested)}.`
                : `The budget adds up to ${formatMoney(sum)}, but the application asks for ${formatMoney(requested)}.`,
          ),
        );
      }
    }
    return out;
  },
};
