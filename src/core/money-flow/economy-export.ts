import type { Lang } from '../base/result';
import type { Economy } from './economy';

/**
 * The economy as a table for the controller and the annual reporting: one row per project and budget
 * year (allocated, paid, remaining), then one total row per budget year. Plain cells: the CLI writes it as
 * .csv or .xlsx.
 */
export type ExportCell = string | number;

const HEAD: Record<Lang, string[]> = {
  nb: ['Saksnr', 'Tittel', 'Region', 'Budsjettår', 'Tildelt', 'Utbetalt', 'Gjenstår', 'Lys (forslag)'],
  en: ['Case ID', 'Title', 'Region', 'Budget year', 'Allocated', 'Paid', 'Remaining', 'Light (suggested)'],
};
const TOTAL: Record<Lang, string> = { nb: 'Sum', en: 'Total' };
const LIGHT: Record<Lang, Record<string, string>> = {
  nb: { green: 'grønn', yellow: 'gul', red: 'rød' },
  en: { green: 'green', yellow: 'yellow', red: 'red' },
};

export function economyRows(economy: Economy, lang: Lang, year?: number): ExportCell[][] {
  const rows: ExportCell[][] = [HEAD[lang]];
  for (const e of economy.projects.values()) {
    for (const y of e.byYear) {
      if (year !== undefined && y.year !== year) continue;
      rows.push([
        e.caseId,
        e.title,
        e.region,
        y.year,
        y.allocated,
        y.paid,
        y.remaining,
        LIGHT[lang][e.light]!,
      ]);
    }
  }
  for (const y of economy.years) {
    if (year !== undefined && y.year !== year) continue;
    rows.push([TOTAL[lang], '', '', y.year, y.allocated, y.paid, y.remaining, '']);
  }
  return rows;
}
