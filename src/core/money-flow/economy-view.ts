import type { Economy, EconomyLight } from './economy';

/**
 * The economy as the Fordeling sidebar shows it: per budget year allocated against paid, per project
 * allocated, paid, left and the derived light. Plain JSON: it crosses `google.script.run`.
 */
export interface EconomyProjectView {
  caseId: string;
  title: string;
  region: string;
  allocated: number;
  paid: number;
  remaining: number;
  light: EconomyLight;
}

export interface EconomyView {
  years: Array<{ year: number; allocated: number; paid: number }>;
  projects: EconomyProjectView[];
}

export function economyView(economy: Economy): EconomyView {
  return {
    years: economy.years.map((y) => ({ year: y.year, allocated: y.allocated, paid: y.paid })),
    projects: [...economy.projects.values()].map((e) => ({
      caseId: e.caseId,
      title: e.title,
      region: e.region,
      allocated: e.allocated,
      paid: e.paid,
      remaining: e.remaining,
      light: e.light,
    })),
  };
}
