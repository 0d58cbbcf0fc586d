import type { Economy, EconomyLight, ProjectEconomy } from '../core/money-flow/economy';
import { formatMoney } from '../core/parse/money';
import type { Lang } from '../core/base/result';

/** The economy in the `check` output: the JSON per project, and the table of the human report. */
export interface ProjectJson {
  allocated: number;
  paid: number;
  remaining: number;
  usedShare: number;
  elapsedShare: number;
  light: EconomyLight;
}

export function projectsJson(economy: Economy): Record<string, ProjectJson> {
  return Object.fromEntries(
    [...economy.projects.values()].map((e) => [
      e.caseId,
      {
        allocated: e.allocated,
        paid: e.paid,
        remaining: e.remaining,
        usedShare: e.usedShare,
        elapsedShare: e.elapsedShare,
        light: e.light,
      },
    ]),
  );
}

export const LIGHT_LABEL: Record<EconomyLight, Record<Lang, string>> = {
  green: { nb: 'grønn', en: 'green' },
  yellow: { nb: 'gul', en: 'yellow' },
  red: { nb: 'rød', en: 'red' },
};

const T = {
  nb: {
    title: 'Økonomi per prosjekt (lyset er et forslag til statusrapporten)',
    head: ['Saksnr', 'Tildelt', 'Utbetalt', 'Gjenstår', 'Brukt', 'Tid gått', 'Lys'],
    none: 'Ingen prosjekter med tildeling eller utbetaling.',
  },
  en: {
    title: 'Economy per project (the light is a suggestion for the status report)',
    head: ['Case', 'Allocated', 'Paid', 'Remaining', 'Used', 'Elapsed', 'Light'],
    none: 'No projects with allocations or payments.',
  },
};

const share = (x: number) => `${Math.round(x * 100)} %`;

/** The per-project economy as fixed-width lines. */
export function economyTable(projects: ProjectEconomy[], lang: Lang): string[] {
  const t = T[lang];
  if (projects.length === 0) return [t.title, `  ${t.none}`];
  const widths = [14, 16, 16, 16, 8, 10, 8];
  const row = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('')}`;
  return [
    t.title,
    row(t.head),
    ...projects.map((e) =>
      row([
        e.caseId,
        formatMoney(e.allocated),
        formatMoney(e.paid),
        formatMoney(e.remaining),
        share(e.usedShare),
        share(e.elapsedShare),
        LIGHT_LABEL[e.light][lang],
      ]),
    ),
  ];
}
