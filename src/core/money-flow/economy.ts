import { monthIndex, monthOfDay, yearOf, type Period } from '../parse/period';
import type { Application, Payment, Portfolio } from '../portfolio/records';
import { frameFor } from '../workbook/settings';
import type { Parsed } from '../base/result';
import { buildLedger, type Ledger } from './ledger';

/**
 * The economy follow-up: per project what is allocated (ordinary + supplements − withdrawals), paid
 * (payments − refunds) and left, per budget year and in total; the share paid against the share of the
 * period gone; and a derived light for the status report (a suggestion, never what a project reports).
 * Money is counted in øre as integers so that allocated = paid + remaining holds exactly.
 */
export type EconomyLight = 'green' | 'yellow' | 'red';

export interface YearMoney {
  year: number;
  allocated: number;
  paid: number;
  remaining: number;
}

export interface ProjectEconomy {
  caseId: string;
  title: string;
  region: string;
  /** Ordinary and supplementary allocations. */
  granted: number;
  /** Withdrawals (*inndragning*), as a positive sum. */
  withdrawn: number;
  /** granted − withdrawn. */
  allocated: number;
  /** Payments − refunds. */
  paid: number;
  /** allocated − paid (negative when overspent). */
  remaining: number;
  /** Budget years in order; payments fill the earliest year's allocation first. */
  byYear: YearMoney[];
  /** The project's period: its allocations' months, or else its application's; null when unknown. */
  period: Period | null;
  /** paid / allocated (0 when nothing is allocated), 4 decimals. */
  usedShare: number;
  /** Share of the period gone at `today`, 0–1, 4 decimals (0 without a period). */
  elapsedShare: number;
  light: EconomyLight;
  /** The day after the period's last month (null without a period). */
  end: Date | null;
  /** `end` + the refund deadline: from this day, money left unpaid is flagged. */
  deadline: Date | null;
}

/** One budget year: the frame, what is allocated, paid, still to pay, and free in the frame. */
export interface EconomyYear {
  year: number;
  frame: number;
  allocated: number;
  paid: number;
  /** allocated − paid: still to pay out of this year's allocations. */
  remaining: number;
  /** frame − allocated. */
  free: number;
}

export interface Economy {
  projects: Map<string, ProjectEconomy>;
  years: EconomyYear[];
}

const ore = (kr: number) => Math.round(kr * 100);
const kr = (ore: number) => ore / 100;
const round4 = (x: number) => Math.round(x * 10000) / 10000;

/**
 * A payment's signed amount (a refund counts negatively), or null when the row cannot be counted: no
 * positive amount, no date or an unknown kind (what `payment-invalid` reports).
 */
export function signedPayment(p: Payment): number | null {
  if (!p.amount.ok || p.amount.value <= 0 || !p.date.ok || p.kind === null) return null;
  return p.kind === 'refund' ? -p.amount.value : p.amount.value;
}

/** The first day of month `m`, as UTC midnight. */
const startOfMonth = (m: number) => new Date(Date.UTC(yearOf(m), m % 12, 1));

/** A date `months` calendar months after `d` (day of month kept: both are month starts here). */
const addMonths = (d: Date, months: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));

/** The share of a period gone at `today`: 0 before it starts, 1 from the day after its last month. */
export function elapsedShare(period: Period, today: Date): number {
  const start = startOfMonth(period.from).getTime();
  const end = startOfMonth(period.to + 1).getTime();
  return round4(Math.min(Math.max((today.getTime() - start) / (end - start), 0), 1));
}

/**
 * The derived light: red when overspent, or when the period is over and the share paid is more than
 * twice the tolerance short; yellow when the share paid is further than the tolerance from the share of
 * time gone; green otherwise.
 */
export function economyLight(
  used: number,
  elapsed: number,
  tolerance: number,
  overspent: boolean,
): EconomyLight {
  const eps = 1e-9;
  if (overspent) return 'red';
  if (elapsed >= 1 && used < 1 - 2 * tolerance - eps) return 'red';
  return Math.abs(used - elapsed) > tolerance + eps ? 'yellow' : 'green';
}

interface Draft {
  caseId: string;
  granted: number;
  withdrawn: number;
  byYear: Map<number, number>;
  paid: number;
  /** Signed payments by the year of their date, for a project with no budget year of its own. */
  paidByDate: Map<number, number>;
  from: number;
  to: number;
}

function draftFor(drafts: Map<string, Draft>, caseId: string): Draft {
  let d = drafts.get(caseId);
  if (!d) {
    d = {
      caseId,
      granted: 0,
      withdrawn: 0,
      byYear: new Map(),
      paid: 0,
      paidByDate: new Map(),
      from: Infinity,
      to: -Infinity,
    };
    drafts.set(caseId, d);
  }
  return d;
}

const add = (m: Map<number, number>, k: number, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Fills the years' allocations with what was paid, earliest year first; any excess lands in the last. */
function paidByYear(d: Draft): YearMoney[] {
  const money = (year: number, allocated: number, paid: number): YearMoney => ({
    year,
    allocated: kr(allocated),
    paid: kr(paid),
    remaining: kr(allocated - paid),
  });
  const sorted = (m: Map<number, number>) => [...m].sort(([a], [b]) => a - b);
  // Paid without any allocation (flagged by payment-without-grant): by the year of each payment.
  if (d.byYear.size === 0) return sorted(d.paidByDate).map(([year, paid]) => money(year, 0, paid));
  const years = sorted(d.byYear);
  let left = d.paid;
  return years.map(([year, allocated], i) => {
    const paid = i === years.length - 1 ? left : Math.min(Math.max(allocated, 0), Math.max(left, 0));
    left -= paid;
    return money(year, allocated, paid);
  });
}

/** The portfolio as it stood on a day: allocations and payments dated after it are not there yet. */
export function portfolioAsOf(p: Portfolio, day: Date): Portfolio {
  const by = (d: Parsed<Date>) => !d.ok || d.value <= day;
  return {
    ...p,
    allocations: p.allocations.filter((a) => by(a.date)),
    payments: p.payments.filter((x) => by(x.date)),
  };
}

/** The economy of every project with an allocation or a payment, and of every budget year. */
export function buildEconomy(p: Portfolio, today: Date, ledger: Ledger = buildLedger(p)): Economy {
  const drafts = new Map<string, Draft>();
  for (const e of ledger.entries) {
    const a = e.allocation;
    if (a.caseId === '' || !e.byYear) continue;
    const d = draftFor(drafts, a.caseId);
    for (const [year, amount] of e.byYear) add(d.byYear, year, ore(amount));
    const amount = ore(a.amount.ok ? a.amount.value : 0);
    if (a.kind === 'withdrawal') d.withdrawn += amount;
    else d.granted += amount;
    // Withdrawals and rows of unknown kind do not stretch the project's period; an extension does.
    if ((a.kind === 'ordinary' || a.kind === 'supplement' || a.kind === 'extension') && a.period?.ok) {
      d.from = Math.min(d.from, a.period.value.from);
      d.to = Math.max(d.to, a.period.value.to);
    }
  }
  for (const pay of p.payments) {
    const amount = signedPayment(pay);
    if (pay.caseId === '' || amount === null || !pay.date.ok) continue;
    const d = draftFor(drafts, pay.caseId);
    d.paid += ore(amount);
    add(d.paidByDate, yearOf(monthOfDay(pay.date.value)), ore(amount));
  }
  const applications = new Map<string, Application>(p.applications.map((a) => [a.caseId, a]));
  const tolerance = p.settings.economyTolerance;
  const projects = new Map<string, ProjectEconomy>();
  for (const d of drafts.values()) {
    const app = applications.get(d.caseId);
    const period: Period | null =
      d.from <= d.to ? { from: d.from, to: d.to } : app?.period.ok ? app.period.value : null;
    const allocated = d.granted - d.withdrawn;
    const remaining = allocated - d.paid;
    const usedShare = allocated > 0 ? round4(d.paid / allocated) : 0;
    const elapsed = period ? elapsedShare(period, today) : 0;
    const end = period ? startOfMonth(period.to + 1) : null;
    projects.set(d.caseId, {
      caseId: d.caseId,
      title: app?.title ?? '',
      region: app?.region ?? '',
      granted: kr(d.granted),
      withdrawn: kr(d.withdrawn),
      allocated: kr(allocated),
      paid: kr(d.paid),
      remaining: kr(remaining),
      byYear: paidByYear(d),
      period,
      usedShare,
      elapsedShare: elapsed,
      light: economyLight(usedShare, elapsed, tolerance, remaining < 0),
      end,
      deadline: end ? addMonths(end, p.settings.refundDeadlineMonths) : null,
    });
  }
  return {
    projects: new Map([...projects].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    years: yearsOf(p, ledger, projects),
  };
}

function yearsOf(p: Portfolio, ledger: Ledger, projects: Map<string, ProjectEconomy>): EconomyYear[] {
  const paid = new Map<number, number>();
  for (const e of projects.values()) for (const y of e.byYear) add(paid, y.year, ore(y.paid));
  const years = new Set([...ledger.years.keys(), ...paid.keys()]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const summary = ledger.years.get(year);
      const frame = summary?.frame ?? frameFor(p.settings, year);
      const allocated = summary?.allocated ?? 0;
      const paidOre = paid.get(year) ?? 0;
      return {
        year,
        frame,
        allocated,
        paid: kr(paidOre),
        remaining: kr(ore(allocated) - paidOre),
        free: kr(ore(frame) - ore(allocated)),
      };
    });
}

/** Money left unpaid when the project ended more than the refund deadline ago: to withdraw or reallocate. */
export const isUnused = (e: ProjectEconomy, today: Date): boolean =>
  e.remaining > 0 && e.deadline !== null && today >= e.deadline;

/** Per project (case id) its allocated, paid, remaining, shares and light, judged at `today`. */
export function projectEconomy(p: Portfolio, today: Date, ledger?: Ledger): Map<string, ProjectEconomy> {
  return buildEconomy(p, today, ledger).projects;
}

/** The last month of a period falling in a budget year, or null when none does (for proposals per year). */
export function lastMonthIn(period: Period, year: number): number | null {
  const last = Math.min(period.to, monthIndex(year, 12));
  return last >= Math.max(period.from, monthIndex(year, 1)) ? last : null;
}
