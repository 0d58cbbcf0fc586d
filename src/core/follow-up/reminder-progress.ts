import { parseDay } from '../parse/period';
import { isoDay, reminderKey, type Reminder } from './reminders';

/**
 * A reminder run's progress, kept in a document property beside `Påminnelser`. A run writes its rows to
 * the sheet in batches (a flush each), so a run Google kills at its time limit would lose the rows of its
 * last batch, and the next run would send those reminders again. So each reminder is noted here before
 * it is sent, and the note is dropped once its row is flushed: the next run writes what the sheet did not
 * get and plans without it. Also kept: today's reminders that Google refused (a bad address), so later
 * runs the same day do not try them again every hour. Small by design (a property holds 9 kB): at most a
 * batch of notes and the day's refusals.
 */
export interface Noted {
  caseId: string;
  /** yyyy-MM-dd, as the core reads days. */
  due: string;
  deadline: string;
  step: string;
  /** When it was sent (ms). */
  sent: number;
  to: string;
  cc: string;
}

export interface ReminderProgress {
  /** yyyy-MM-dd (spreadsheet's zone) the refusals belong to. */
  day: string;
  /** Sent (or being sent when the run stopped), not yet flushed to `Påminnelser`. */
  unrecorded: Noted[];
  /** Keys of today's reminders Google refused: tried again tomorrow, not every hour. */
  refused: string[];
}

/** The most refusals kept (a property's size); more are tried again next hour. */
export const MAX_REFUSED = 100;

export const noted = (r: Reminder, sent: number): Noted => ({
  caseId: r.caseId,
  due: isoDay(r.due),
  deadline: isoDay(r.deadline),
  step: r.stepText,
  sent,
  to: r.to,
  cc: r.cc.join(', '),
});

export const notedKey = (n: Noted): string => {
  const due = parseDay(n.due);
  const deadline = parseDay(n.deadline);
  return due.ok && deadline.ok ? reminderKey(n.caseId, due.value, deadline.value, n.step) : '';
};

const isNoted = (x: unknown): x is Noted => {
  const n = x as Partial<Noted> | null;
  return (
    n !== null &&
    typeof n === 'object' &&
    ['caseId', 'due', 'deadline', 'step', 'to', 'cc'].every(
      (k) => typeof (n as Record<string, unknown>)[k] === 'string',
    ) &&
    typeof n.sent === 'number' &&
    notedKey(n as Noted) !== ''
  );
};

/**
 * The progress as stored, for `day`: notes are kept whatever their day (they are owed to the sheet),
 * refusals only on their own day. A damaged or missing property is no progress.
 */
export function readProgress(text: string | null, day: string): ReminderProgress {
  const stored = parsed(text);
  const unrecorded = Array.isArray(stored?.unrecorded) ? stored.unrecorded.filter(isNoted) : [];
  const refused =
    stored?.day === day && Array.isArray(stored.refused)
      ? stored.refused.filter((k): k is string => typeof k === 'string')
      : [];
  return { day, unrecorded, refused };
}

function parsed(text: string | null): Partial<Record<keyof ReminderProgress, unknown>> | null {
  try {
    const value = JSON.parse(text ?? 'null') as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const progressText = (p: ReminderProgress): string =>
  JSON.stringify({ ...p, refused: p.refused.slice(-MAX_REFUSED) });

/** Keys the planner must take as sent (or not to be tried again today). */
export const progressKeys = (p: ReminderProgress): string[] => [...p.unrecorded.map(notedKey), ...p.refused];
