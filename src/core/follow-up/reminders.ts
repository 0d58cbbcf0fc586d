import type { Reason } from '../base/result';
import type { Settings } from '../workbook/settings';
import type { Deadline } from './deadlines/deadlines';
import type { ReportType } from './status/reports';

/**
 * The reminder planner, pure: given the open due dates, each project's contact, the settings, what was
 * already sent (the `Påminnelser` sheet) and today, it says what the next daily run sends. One reminder
 * the set number of days before a due date, then one every interval once it is overdue, at most the set
 * number of times, the last with a copy to the secretariat. Each step has a key (case, original due date,
 * the date it is judged against, step) so no step is ever sent twice; a run that was missed sends only
 * the step now due, never a backlog.
 */
/** One owed report as the due-date engine gives it (`deadlinesOf`). */
export type OpenDeadline = Pick<Deadline, 'caseId' | 'type' | 'due' | 'extendedTo' | 'status'>;

export type ReminderSettings = Pick<
  Settings,
  'emailReminders' | 'remindDaysBefore' | 'reminderIntervalDays' | 'maxReminders'
>;

/** `before`, or the n-th overdue reminder. */
export type Step = { kind: 'before' } | { kind: 'overdue'; n: number };

export interface Reminder {
  caseId: string;
  title: string;
  type: ReportType;
  due: Date;
  /** The date the report is judged against: the extension, else the due date. */
  deadline: Date;
  step: Step;
  /** `før`, `purring 1`, … as written in `Påminnelser`. */
  stepText: string;
  key: string;
  to: string;
  cc: string[];
}

export interface Project {
  caseId: string;
  title: string;
  /** `Kontakt e-post` as written. */
  email: string;
}

export interface PlanInput {
  deadlines: readonly OpenDeadline[];
  projects: ReadonlyMap<string, Project>;
  settings: ReminderSettings;
  /** Keys of reminders already sent (`reminderKey` of the `Påminnelser` rows). */
  sent: ReadonlySet<string>;
  today: Date;
  /** The secretariat's address, copied on the last overdue reminder. */
  secretariat: string;
}

export interface Plan {
  send: Reminder[];
  /** Reminders that are due but cannot be sent, with the reason (for *Vis påminnelser*). */
  blocked: Array<{ reminder: Omit<Reminder, 'to' | 'cc'>; reason: Reason }>;
}

const DAY = 86_400_000;
const days = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export const STEP_TEXT = (step: Step): string => (step.kind === 'before' ? 'før' : `purring ${step.n}`);

export function reminderKey(caseId: string, due: Date, deadline: Date, stepText: string): string {
  return [caseId.trim(), isoDay(due), isoDay(deadline), stepText.trim().toLowerCase()].join('|');
}

const EMAIL = /^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$/;
export const isEmail = (text: string): boolean => EMAIL.test(text.trim());

/** The step due today for one deadline, or null: before it (inside the window), or overdue. */
export function stepDue(deadline: Date, today: Date, s: ReminderSettings): Step | null {
  const left = days(today, deadline);
  if (left >= 0) return left <= s.remindDaysBefore ? { kind: 'before' } : null;
  if (s.maxReminders < 1 || s.reminderIntervalDays < 1) return null;
  const late = -left; // 1 on the first day after the deadline
  const n = Math.floor((late - 1) / s.reminderIntervalDays) + 1;
  return { kind: 'overdue', n: Math.min(s.maxReminders, n) };
}

export function planReminders(input: PlanInput): Plan {
  const plan: Plan = { send: [], blocked: [] };
  if (!input.settings.emailReminders) return plan;
  for (const d of input.deadlines) {
    if (d.status !== 'pending' && d.status !== 'overdue') continue;
    const deadline = d.extendedTo ?? d.due;
    const step = stepDue(deadline, input.today, input.settings);
    if (!step) continue;
    const stepText = STEP_TEXT(step);
    const key = reminderKey(d.caseId, d.due, deadline, stepText);
    if (input.sent.has(key)) continue;
    const project = input.projects.get(d.caseId);
    const base = {
      caseId: d.caseId,
      title: project?.title ?? '',
      type: d.type,
      due: d.due,
      deadline,
      step,
      stepText,
      key,
    };
    const to = project?.email.trim() ?? '';
    if (!isEmail(to)) {
      plan.blocked.push({
        reminder: base,
        reason: {
          nb: `Sak ${d.caseId} har ingen gyldig «Kontakt e-post» i «Søknader» (${to === '' ? 'tom' : `«${to}»`}). Fyll den inn, så sendes påminnelsen ved neste kjøring.`,
          en: `Case ${d.caseId} has no valid "Kontakt e-post" in "Søknader" (${to === '' ? 'empty' : `"${to}"`}). Fill it in and the reminder goes out on the next run.`,
        },
      });
      continue;
    }
    const last = step.kind === 'overdue' && step.n === input.settings.maxReminders;
    const cc = last && isEmail(input.secretariat) ? [input.secretariat.trim()] : [];
    plan.send.push({ ...base, to, cc });
  }
  plan.send.sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || a.caseId.localeCompare(b.caseId));
  return plan;
}

/** Recipients a reminder costs against MailApp's daily quota. */
export const recipients = (r: Reminder): number => 1 + r.cc.length;

/** The reminders that fit in the quota, in order, and how many must wait for the next day. */
export function withinQuota(
  send: readonly Reminder[],
  remaining: number,
): { now: Reminder[]; waiting: number } {
  const now: Reminder[] = [];
  let left = remaining;
  for (const r of send) {
    if (recipients(r) > left) break;
    left -= recipients(r);
    now.push(r);
  }
  return { now, waiting: send.length - now.length };
}

/**
 * How the sends the quota allows spread over the hourly runs: about `perRun` fit in one run's time
 * budget, the rest go in the next hours (`hours` runs in all). An estimate for the preview: the run
 * itself stops by the clock, not by this count.
 */
export function runsNeeded(sends: number, perRun: number): { thisRun: number; later: number; hours: number } {
  const thisRun = Math.min(sends, Math.max(perRun, 1));
  return { thisRun, later: sends - thisRun, hours: Math.ceil((sends - thisRun) / Math.max(perRun, 1)) };
}
