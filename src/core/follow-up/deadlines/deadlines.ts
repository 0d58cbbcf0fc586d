import type { Application, Portfolio } from '../../portfolio/records';
import type { StatusReport, ReportType } from '../status/reports';
import type { DeadlineOverride } from './overrides';
import { dueDatesFor } from './due-dates';
import { followedProjects } from './projects';

export type DeadlineStatus = 'pending' | 'delivered' | 'overdue' | 'exempt';

/** One report a project owes, with what happened to it by `today`. */
export interface Deadline {
  caseId: string;
  application: Application;
  type: ReportType;
  /** The original due date: never moves. */
  due: Date;
  /** `Utsatt til` from `Frister`, when a person granted an extension. */
  extendedTo: Date | null;
  /** The day the report is judged against: the extension, else the original due date. */
  effectiveDue: Date;
  /** `Fritatt` in `Frister`, or the project is *Avsluttet* and owes nothing more. */
  exempt: boolean;
  /** The delivered report answering this due date (a `Statusrapporter` row with a `Mottatt` date). */
  report: StatusReport | null;
  /** The `Frister` row holding a person's extension or exemption, when there is one. */
  override: DeadlineOverride | null;
  status: DeadlineStatus;
}

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const keyOf = (caseId: string, type: ReportType, due: Date) => `${caseId}|${type}|${dayKey(due)}`;

/**
 * Every due date of every followed project, in case and date order, with its state on `today`: delivered
 * (a report answers it), exempt, overdue (past the effective due date: on the due day it is still pending)
 * or pending. A report answers a due date when its `Saksnr`, `Type` and `Frist` match (its `Frist` may be
 * the original date or the extension); a *Sluttrapport* answers the final due date whatever its `Frist`.
 */
export function deadlinesOf(p: Portfolio, today: Date): Deadline[] {
  const overrides = new Map<string, DeadlineOverride>();
  for (const o of p.deadlineOverrides ?? []) {
    if (o.type !== null && o.due.ok) overrides.set(keyOf(o.caseId, o.type, o.due.value), o);
  }
  const reports = new Map<string, StatusReport>();
  const finals = new Map<string, StatusReport>();
  for (const r of p.statusReports ?? []) {
    if (r.type === null || !r.received.ok) continue;
    if (r.type === 'final' && !finals.has(r.caseId)) finals.set(r.caseId, r);
    if (r.due.ok) {
      const key = keyOf(r.caseId, r.type, r.due.value);
      if (!reports.has(key)) reports.set(key, r);
    }
  }
  const out: Deadline[] = [];
  for (const project of followedProjects(p)) {
    const caseId = project.application.caseId;
    for (const { type, due } of dueDatesFor(project.period, p.settings)) {
      const override = overrides.get(keyOf(caseId, type, due)) ?? null;
      const extendedTo = override?.extendedTo?.ok ? override.extendedTo.value : null;
      const report =
        reports.get(keyOf(caseId, type, due)) ??
        (extendedTo ? reports.get(keyOf(caseId, type, extendedTo)) : undefined) ??
        (type === 'final' ? finals.get(caseId) : undefined) ??
        null;
      const effectiveDue = extendedTo ?? due;
      const exempt = (override?.exempt ?? false) || project.closed;
      const status: DeadlineStatus = report
        ? 'delivered'
        : exempt
          ? 'exempt'
          : today.getTime() > effectiveDue.getTime()
            ? 'overdue'
            : 'pending';
      out.push({
        caseId,
        application: project.application,
        type,
        due,
        extendedTo,
        effectiveDue,
        exempt,
        report,
        override,
        status,
      });
    }
  }
  return out;
}

/** The next due date still open (pending or overdue) for each case, by effective due date. */
export function nextDue(deadlines: readonly Deadline[]): Map<string, Deadline> {
  const out = new Map<string, Deadline>();
  for (const d of deadlines) {
    if (d.status !== 'pending' && d.status !== 'overdue') continue;
    const best = out.get(d.caseId);
    if (!best || d.effectiveDue < best.effectiveDue) out.set(d.caseId, d);
  }
  return out;
}

/**
 * The due date a new report answers: the earliest open one of its type for the case (for the status
 * form's intake, which fills `Frist` when the prefilled link did not).
 */
export function dueDateToAnswer(
  deadlines: readonly Deadline[],
  caseId: string,
  type: ReportType,
): Date | null {
  const open = deadlines.filter(
    (d) => d.caseId === caseId && d.type === type && (d.status === 'pending' || d.status === 'overdue'),
  );
  return open.length === 0 ? null : open.reduce((a, b) => (b.due < a.due ? b : a)).due;
}
