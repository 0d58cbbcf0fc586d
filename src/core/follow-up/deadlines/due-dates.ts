import { monthOf, yearOf, type Period } from '../../parse/period';
import type { Settings } from '../../workbook/settings';
import type { ReportType } from '../status/reports';

export interface DueDate {
  type: ReportType;
  /** The original due date (UTC midnight); it never moves, an extension is recorded beside it. */
  due: Date;
}

export type DueDateSettings = Pick<Settings, 'statusDueDates' | 'finalReportMonths'>;

const DAY = 86_400_000;

/** First day of the period's first month and last day of its last month. */
export function periodDays(p: Period): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(yearOf(p.from), monthOf(p.from) - 1, 1)),
    end: new Date(Date.UTC(yearOf(p.to), monthOf(p.to), 1) - DAY),
  };
}

/**
 * What a project owes for its period: a *Halvårsrapport* for every status due date after its start and
 * not after its end, and a *Sluttrapport* by the last day of the month `finalReportMonths` after its end
 * (end July + 2 → 30 September). A pure function of the period and the settings: the day, the reports
 * and the extensions never change it, so a due date once owed does not move or disappear.
 */
export function dueDatesFor(p: Period, s: DueDateSettings): DueDate[] {
  const { start, end } = periodDays(p);
  const out: DueDate[] = [];
  for (let year = yearOf(p.from); year <= yearOf(p.to); year++) {
    for (const { month, day } of s.statusDueDates) {
      const due = new Date(Date.UTC(year, month - 1, day));
      if (due > start && due <= end) out.push({ type: 'halfYear', due });
    }
  }
  out.sort((a, b) => a.due.getTime() - b.due.getTime());
  const last = p.to + s.finalReportMonths;
  out.push({ type: 'final', due: new Date(Date.UTC(yearOf(last), monthOf(last), 1) - DAY) });
  return out;
}
