import type { Application, Portfolio } from '../../portfolio/records';
import type { Period } from '../../parse/period';
import { deadlinesOf, nextDue, type Deadline } from '../deadlines/deadlines';
import { followedProjects } from '../deadlines/projects';
import { latestReports } from './latest';
import type { Light } from './lights';
import { overallLight, type StatusReport } from './reports';

/** One followed project on a day: its latest lights, the next due date and what is overdue. */
export interface ProjectStatus {
  caseId: string;
  application: Application;
  closed: boolean;
  /** The period the reports are due over (the granted months). */
  period: Period;
  /** The latest delivered report on or before the day (`null`: none yet). */
  lastReport: StatusReport | null;
  lights: { progress: Light | null; economy: Light | null; risk: Light | null; overall: Light | null };
  nextDue: Deadline | null;
  overdue: Deadline[];
  deadlines: Deadline[];
}

/**
 * The follow-up of every granted project on `day`, in the order of `Søknader`: the one view the board's
 * status report, the annual report, `check --json` and the sheet's *Oppfølging* sidebar read.
 */
export function projectStatuses(p: Portfolio, day: Date, deadlines = deadlinesOf(p, day)): ProjectStatus[] {
  const latest = latestReports(p, day);
  const byCase = new Map<string, Deadline[]>();
  for (const d of deadlines) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d]);
  const next = nextDue(deadlines);
  return followedProjects(p).map(({ application, closed, period }) => {
    const caseId = application.caseId;
    const last = latest.get(caseId) ?? null;
    const own = byCase.get(caseId) ?? [];
    return {
      caseId,
      application,
      closed,
      period,
      lastReport: last,
      lights: {
        progress: last?.progress ?? null,
        economy: last?.economy ?? null,
        risk: last?.risk ?? null,
        overall: last ? overallLight(last) : null,
      },
      nextDue: next.get(caseId) ?? null,
      overdue: own.filter((d) => d.status === 'overdue'),
      deadlines: own,
    };
  });
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The `"status"` object of `check --json`: lights `green`/`yellow`/`red`, dates ISO. */
export function statusJson(s: ProjectStatus): {
  light: Light | null;
  lastReport: string | null;
  nextDue: string | null;
  overdue: string[];
} {
  return {
    light: s.lights.overall,
    lastReport: s.lastReport?.received.ok ? iso(s.lastReport.received.value) : null,
    nextDue: s.nextDue ? iso(s.nextDue.effectiveDue) : null,
    overdue: s.overdue.map((d) => iso(d.due)),
  };
}
