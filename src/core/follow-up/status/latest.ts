import type { Portfolio } from '../../portfolio/records';
import { followedProjects } from '../deadlines/projects';
import type { StatusReport } from './reports';

const time = (r: StatusReport) => (r.received.ok ? r.received.value.getTime() : -Infinity);
const dueTime = (r: StatusReport) => (r.due.ok ? r.due.value.getTime() : -Infinity);

/**
 * The latest delivered report of each project still running (followed and not closed), by `Mottatt`
 * and then `Frist`; a later row wins a tie (it was written later).
 */
export function latestReports(p: Portfolio, onOrBefore?: Date): Map<string, StatusReport> {
  const running = new Set(
    followedProjects(p)
      .filter((x) => !x.closed)
      .map((x) => x.application.caseId),
  );
  const out = new Map<string, StatusReport>();
  for (const r of p.statusReports ?? []) {
    if (!running.has(r.caseId) || !r.received.ok) continue;
    if (onOrBefore && r.received.value > onOrBefore) continue;
    const best = out.get(r.caseId);
    if (!best || time(r) > time(best) || (time(r) === time(best) && dueTime(r) >= dueTime(best)))
      out.set(r.caseId, r);
  }
  return out;
}
