import { projectEconomy, type ProjectEconomy } from '../money-flow/economy';
import type { Portfolio } from '../portfolio/records';
import { latestReports, type EconomyFigures, type ProjectInput } from './overview';
import { deadlinesOf } from './deadlines/deadlines';
import { followedProjects } from './deadlines/projects';

/** The plain figures the sidebar shows: google.script.run carries no Map or Date. */
function figuresOf(e: ProjectEconomy | undefined): EconomyFigures | null {
  if (!e) return null;
  const { allocated, paid, remaining, usedShare, elapsedShare, light } = e;
  return { allocated, paid, remaining, usedShare, elapsedShare, light };
}

/**
 * Every project to follow up (an ordinary grant or a granted status) with its latest report, economy
 * figures and due dates on `today`, read in one pass: what the *Oppfølging* sidebar lists.
 */
export function followUpProjects(p: Portfolio, today: Date): ProjectInput[] {
  const deadlines = deadlinesOf(p, today);
  const economy = projectEconomy(p, today);
  const latest = latestReports(p.statusReports ?? []);
  return followedProjects(p).map(({ application: a }) => ({
    caseId: a.caseId,
    title: a.title,
    region: a.region,
    status: a.status,
    row: a.row,
    report: latest.get(a.caseId) ?? null,
    economy: figuresOf(economy.get(a.caseId)),
    deadlines: deadlines.filter((d) => d.caseId === a.caseId),
  }));
}
