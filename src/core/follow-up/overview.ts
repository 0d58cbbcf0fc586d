import type { ReportKind } from './reminders';
import { isoDay } from './reminders';

/**
 * What the *Oppfølging* sidebar shows per project, built from what the follow-up engines give: the three
 * lights of the latest status report and the overall one (the worst), the economy (allocated, paid,
 * used against elapsed, derived light), the next due date and the overdue reports. Pure and plain
 * (ISO dates, no Date), so it crosses `google.script.run` as it is.
 */
export type Light = 'green' | 'yellow' | 'red';

const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

/** The overall light is the worst of the three; null when no light is given. */
export function worstLight(lights: ReadonlyArray<Light | null>): Light | null {
  let worst: Light | null = null;
  for (const l of lights) if (l && (worst === null || RANK[l] > RANK[worst])) worst = l;
  return worst;
}

export interface LatestReport {
  received: Date | null;
  progress: Light | null;
  economy: Light | null;
  risk: Light | null;
}

export interface EconomyFigures {
  allocated: number;
  paid: number;
  remaining: number;
  /** Paid (or used) share of the allocation, 0–1. */
  usedShare: number;
  /** Share of the project period elapsed today, 0–1. */
  elapsedShare: number;
  light: Light | null;
}

export interface DueItem {
  kind: ReportKind;
  due: Date;
  /** The extension, else the due date. */
  deadline: Date;
  state: 'pending' | 'delivered' | 'overdue' | 'exempt';
}

export interface ProjectInput {
  caseId: string;
  title: string;
  region: string;
  status: string;
  /** 1-based row in `Søknader`, for selecting it. */
  row: number;
  report: LatestReport | null;
  economy: EconomyFigures | null;
  deadlines: readonly DueItem[];
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
  nextDue: { kind: ReportKind; deadline: string } | null;
  overdue: Array<{ kind: ReportKind; due: string; deadline: string }>;
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
    .filter((d) => d.state === 'pending')
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime())[0];
  return {
    caseId: p.caseId,
    title: p.title,
    region: p.region,
    status: p.status,
    row: p.row,
    lights,
    lastReport: r?.received ? isoDay(r.received) : null,
    economy: p.economy,
    nextDue: pending ? { kind: pending.kind, deadline: isoDay(pending.deadline) } : null,
    overdue: p.deadlines
      .filter((d) => d.state === 'overdue')
      .map((d) => ({ kind: d.kind, due: isoDay(d.due), deadline: isoDay(d.deadline) })),
  };
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
