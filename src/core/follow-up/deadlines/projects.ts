import type { Period } from '../../parse/period';
import type { Application, Portfolio } from '../../portfolio/records';
import { isActive, isGrantedStatus } from '../../workbook/status';
import { normalizeKey } from '../../base/text';

/** A granted project under follow-up, with the period its reports are due over. */
export interface FollowedProject {
  application: Application;
  period: Period;
  /** Status *Avsluttet*: the project owes nothing more. */
  closed: boolean;
}

const CLOSED = new Set(['avsluttet', 'closed', 'completed']);
export const isClosedStatus = (status: string): boolean => CLOSED.has(normalizeKey(status));

/**
 * The projects that owe reports: not rejected or withdrawn, and granted (an ordinary allocation, a granted
 * status, or closed). The period is the span of the ordinary allocations (what was granted, e.g. a
 * pre-project's months), else the application's; a project with neither readable owes nothing yet (the
 * `period-invalid` rule says why).
 */
export function followedProjects(p: Portfolio): FollowedProject[] {
  const granted = new Map<string, Period>();
  for (const a of p.allocations) {
    // The board's extension moves the end the final report is due by.
    if ((a.kind !== 'ordinary' && a.kind !== 'extension') || a.period === null || !a.period.ok) continue;
    const span = granted.get(a.caseId);
    const { from, to } = a.period.value;
    granted.set(
      a.caseId,
      span ? { from: Math.min(span.from, from), to: Math.max(span.to, to) } : { from, to },
    );
  }
  const hasOrdinary = new Set(p.allocations.filter((a) => a.kind === 'ordinary').map((a) => a.caseId));
  const out: FollowedProject[] = [];
  for (const app of p.applications) {
    if (app.caseId === '' || !isActive(app)) continue;
    const closed = isClosedStatus(app.status);
    if (!hasOrdinary.has(app.caseId) && !isGrantedStatus(app.status) && !closed) continue;
    const period = granted.get(app.caseId) ?? (app.period.ok ? app.period.value : null);
    if (period) out.push({ application: app, period, closed });
  }
  return out;
}
