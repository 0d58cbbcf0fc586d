import { projectView } from '../../core/follow-up/overview';
import { followUpProjects } from '../../core/follow-up/followed-projects';
import { isoDay } from '../../core/follow-up/reminders';
import { tilskuddError } from '../../core/base/errors';
import { readPortfolio } from '../../core/portfolio/records';
import type { FollowUpView } from '../../seam/api';
import { todayIn, type Desk } from '../platform/desk';
import { readWorkbook } from '../workbook/portfolio';

/**
 * The *Oppfølging* sidebar's server side: the projects to follow up (an ordinary grant or a granted
 * status) with their lights, economy and due dates, read in one pass; and selecting a project's row.
 */
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
