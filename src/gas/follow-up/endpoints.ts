import { projectEconomy, type ProjectEconomy } from '../../core/money-flow/economy';
import {
  latestReports,
  projectView,
  type EconomyFigures,
  type ProjectInput,
} from '../../core/follow-up/overview';
import { deadlinesOf } from '../../core/follow-up/deadlines/deadlines';
import { followedProjects } from '../../core/follow-up/deadlines/projects';
import { isoDay } from '../../core/follow-up/reminders';
import { tilskuddError } from '../../core/base/errors';
import { readPortfolio, type Portfolio } from '../../core/portfolio/records';
import type { FollowUpView } from '../../shared/api';
import { todayIn, type Desk } from '../platform/desk';
import { readWorkbook } from '../workbook/portfolio';

/**
 * The *Oppfølging* sidebar's server side: the projects to follow up (an ordinary grant or a granted
 * status) with their lights, economy and due dates, read in one pass; and selecting a project's row.
 */
/** The plain figures the sidebar shows: google.script.run carries no Map or Date. */
function figuresOf(e: ProjectEconomy | undefined): EconomyFigures | null {
  if (!e) return null;
  const { allocated, paid, remaining, usedShare, elapsedShare, light } = e;
  return { allocated, paid, remaining, usedShare, elapsedShare, light };
}

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

export function followUpView(desk: Desk): FollowUpView {
  const p = readPortfolio(readWorkbook(desk.ss, desk.sheets).values);
  const today = todayIn(desk.ss, desk.sheets);
  return {
    lang: desk.lang,
    today: isoDay(today),
    regions: p.settings.regions,
    projects: followUpProjects(p, today).map(projectView),
  };
}

/** Selects the project's row in `Søknader` (found again by case id: rows may have moved). */
export function selectProject(desk: Desk, caseId: string): null {
  const p = readPortfolio(readWorkbook(desk.ss, desk.sheets).values);
  const app = p.applications.find((a) => a.caseId === caseId.trim());
  const sheet = desk.ss.getSheetByName(p.sheetNames.applications);
  if (!app || !sheet) {
    throw tilskuddError(
      `Fant ingen søknad med saksnummer «${caseId}».`,
      `No application has case ID "${caseId}".`,
    );
  }
  sheet.activate();
  sheet.getRange(`${app.row}:${app.row}`).activate();
  return null;
}
