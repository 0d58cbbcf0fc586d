import type { Lang } from '../base/result';
import { monthOfDay, yearOf } from '../parse/period';
import type { Payment } from '../portfolio/records';
import { signedPayment, type Economy } from './economy';

/**
 * The economy as a table for the controller and the annual reporting: one row per project and budget
 * year, then one total row per budget year. Paid is shown two ways, both labelled: against the year's
 * allocation (payments fill the earliest year first) and by the payment's date. Money still to pay and
 * money paid too much are separate columns, so a sum never nets one against the other. Every row says
 * the day it is as of. Plain cells: the CLI writes it as .csv or .xlsx.
 */
export type ExportCell = string | number;

const HEAD: Record<Lang, string[]> = {
  nb: [
    'Saksnr',
    'Tittel',
    'Region',
    'Budsjettår',
    'Tildelt',
    'Utbetalt mot årets tildeling',
    'Utbetalt i året (betalingsdato)',
    'Gjenstår å utbetale',
    'Utbetalt for mye',
    'Lys (forslag)',
    'Per dato',
  ],
  en: [
    'Case ID',
    'Title',
    'Region',
    'Budget year',
    'Allocated',
    "Paid against the year's allocation",
    'Paid in the year (payment date)',
    'Left to pay',
    'Overpaid',
    'Light (suggested)',
    'As of',
  ],
};
const TOTAL: Record<Lang, string> = { nb: 'Sum', en: 'Total' };
const LIGHT: Record<Lang, Record<string, string>> = {
  nb: { green: 'grønn', yellow: 'gul', red: 'rød' },
  en: { green: 'green', yellow: 'yellow', red: 'red' },
};

const ore = (kr: number) => Math.round(kr * 100);
const kr = (ore: number) => ore / 100;

export function economyRows(
  economy: Economy,
  payments: readonly Payment[],
  asOf: Date,
  lang: Lang,
  year?: number,
): ExportCell[][] {
  const day = asOf.toISOString().slice(0, 10);
  // Signed payments (refunds negative) per project and the year of their date, in øre.
  const byDate = new Map<string, Map<number, number>>();
  for (const pay of payments) {
    const amount = signedPayment(pay);
    if (amount === null || !pay.date.ok || pay.caseId === '') continue;
    const y = yearOf(monthOfDay(pay.date.value));
    const m = byDate.get(pay.caseId) ?? new Map<number, number>();
    m.set(y, (m.get(y) ?? 0) + ore(amount));
    byDate.set(pay.caseId, m);
  }
  type Sum = { allocated: number; paid: number; paidByDate: number; left: number; over: number };
  const totals = new Map<number, Sum>();
  const rows: ExportCell[][] = [HEAD[lang]];
  for (const e of economy.projects.values()) {
    const dated = byDate.get(e.caseId) ?? new Map<number, number>();
    const years = [...new Set([...e.byYear.map((y) => y.year), ...dated.keys()])].sort((a, b) => a - b);
    for (const y of years) {
      if (year !== undefined && y !== year) continue;
      const m = e.byYear.find((x) => x.year === y);
      const allocated = ore(m?.allocated ?? 0);
      const paid = ore(m?.paid ?? 0);
      const remaining = ore(m?.remaining ?? 0);
      const paidByDate = dated.get(y) ?? 0;
      const left = Math.max(remaining, 0);
      const over = Math.max(-remaining, 0);
      const t = totals.get(y) ?? { allocated: 0, paid: 0, paidByDate: 0, left: 0, over: 0 };
      totals.set(y, {
        allocated: t.allocated + allocated,
        paid: t.paid + paid,
        paidByDate: t.paidByDate + paidByDate,
        left: t.left + left,
        over: t.over + over,
      });
      rows.push([
        e.caseId,
        e.title,
        e.region,
        y,
        kr(allocated),
        kr(paid),
        kr(paidByDate),
        kr(left),
        kr(over),
        LIGHT[lang][e.light]!,
        day,
      ]);
    }
  }
  for (const [y, t] of [...totals].sort(([a], [b]) => a - b)) {
    rows.push([
      TOTAL[lang],
      '',
      '',
      y,
      kr(t.allocated),
      kr(t.paid),
      kr(t.paidByDate),
      kr(t.left),
      kr(t.over),
      '',
      day,
    ]);
  }
  return rows;
}
