import { isoDay } from './reminders';
import type { Deadline } from './deadlines/deadlines';
import { worstLight, type Light } from './status/lights';
import type { ReportType, StatusReport } from './status/reports';

export type { Light };

/**
 * What the *Oppfølging* sidebar shows per project, built from what the follow-up engines give: the three
 * lights of the latest status report and the overall one (the worst), the economy (allocated, paid,
 * used against elapsed, derived light), the next due date and the overdue reports. Plain (ISO dates, no
 * Date), so it crosses `google.script.run` as it is.
 */
export interface EconomyFigures {
  allocated: number;
  paid: number;
  remaining: number;
  /** Paid share of the allocation, 0–1. */
  usedShare: number;
  /** Share of the project period elapsed today, 0–1. */
  elapsedShare: number;
  light: Light | null;
}

export interface ProjectInput {
  caseId: string;
  title: string;
  region: string;
  status: string;
  /** 1-based row in `Søknader`, for selecting it. */
  row: number;
  /** The latest delivered report, or null. */
  report: Pick<StatusReport, 'received' | 'progress' | 'economy' | 'risk'> | null;
  economy: EconomyFigures | null;
  deadlines: ReadonlyArray<Pick<Deadline, 'type' | 'due' | 'effectiveDue' | 'status'>>;
}

export interface ProjectView {
  caseId: string;
  title: string;
  region: string;
  status: string;
  row: number;
  lights: { progress: Light | null; economy: Light | null; risk: Light | null; overall: Light | null };
  /** ISO day of the latest report, or null when none has come. */
  lastReport: string | null;
  economy: EconomyFigures | null;
  nextDue: { type: ReportType; deadline: string } | null;
  overdue: Array<{ type: ReportType; due: string; deadline: string }>;
}

export function projectView(p: ProjectInput): ProjectView {
  const r = p.report;
  const lights = {
    progress: r?.progress ?? null,
    economy: r?.economy ?? null,
    risk: r?.risk ?? null,
    overall: r ? worstLight([r.progress, r.economy, r.risk]) : null,
  };
  const pending = p.deadlines
    .filter((d) => d.status === 'pending')
    .sort((a, b) => a.effectiveDue.getTime() - b.effectiveDue.getTime())[0];
  return {
    caseId: p.caseId,
    title: p.title,
    region: p.region,
    status: p.status,
    row: p.row,
    lights,
    lastReport: r?.received.ok ? isoDay(r.received.value) : null,
    economy: p.economy,
    nextDue: pending ? { type: pending.type, deadline: isoDay(pending.effectiveDue) } : null,
    overdue: p.deadlines
      .filter((d) => d.status === 'overdue')
      .map((d) => ({ type: d.type, due: isoDay(d.due), deadline: isoDay(d.effectiveDue) })),
  };
}

/** The latest delivered report of each case (by `Mottatt`, later rows winning a tie). */
export function latestReports(reports: readonly StatusReport[]): Map<string, StatusReport> {
  const out = new Map<string, StatusReport>();
  for (const r of reports) {
    if (!r.received.ok) continue;
    const best = out.get(r.caseId);
    if (!best || (best.received.ok && r.received.value >= best.received.value)) out.set(r.caseId, r);
  }
  return out;
}

/** The filter of the sidebar: a region (or all) and a light (or all, or projects without a report). */
export interface Filter {
  region: string;
  light: Light | 'none' | 'all';
}

export function matches(p: ProjectView, f: Filter): boolean {
  if (f.region !== '' && p.region !== f.region) return false;
  if (f.light === 'all') return true;
  if (f.light === 'none') return p.lights.overall === null;
  return p.lights.overall === f.light;
}
