import fc from 'fast-check';
import {
  planReminders,
  runsNeeded,
  stepDue,
  withinQuota,
  type OpenDeadline,
  type PlanInput,
  type Reminder,
} from '../../../src/core/follow-up/reminders';
import { reminderMail } from '../../../src/core/follow-up/reminder-mail';
import { REMINDERS_SHEET, sentKeys, sentRow } from '../../../src/core/follow-up/reminder-log';
import { noted } from '../../../src/core/follow-up/reminder-progress';
import { addDays } from '../../../src/core/follow-up/dates';
import { sheetRows } from '../../../src/example/agder';
import { day } from '../builders';
import { DEFAULT_SETTINGS } from '../../../src/core/workbook/settings';

const ON = { ...DEFAULT_SETTINGS, emailReminders: true };
const DUE = day('2026-11-01');
const deadline = (extra: Partial<OpenDeadline> = {}): OpenDeadline => ({
  caseId: '18-2025-A',
  type: 'halfYear',
  due: DUE,
  extendedTo: null,
  status: 'pending',
  ...extra,
});
const input = (extra: Partial<PlanInput> = {}): PlanInput => ({
  deadlines: [deadline()],
  projects: new Map([
    ['18-2025-A', { caseId: '18-2025-A', title: 'Agdermodellen', email: 'prosjekt@example.no' }],
  ]),
  settings: ON,
  sent: new Set(),
  today: day('2026-10-18'),
  secretariat: 'postmottak@example.no',
  ...extra,
});
const steps = (p: ReturnType<typeof planReminders>) => p.send.map((r) => r.stepText);

describe('stepDue', () => {
  it('is the before step from N days ahead to the due day, then purring 1, 2, 3 at the interval, capped', () => {
    const at = (iso: string) => stepDue(DUE, day(iso), ON);
    expect(at('2026-10-17')).toBeNull(); // 15 days ahead
    expect(at('2026-10-18')).toEqual({ kind: 'before' }); // 14 days ahead
    expect(at('2026-11-01')).toEqual({ kind: 'before' }); // the due day itself is not late
    expect(at('2026-11-02')).toEqual({ kind: 'overdue', n: 1 });
    expect(at('2026-11-08')).toEqual({ kind: 'overdue', n: 1 });
    expect(at('2026-11-09')).toEqual({ kind: 'overdue', n: 2 });
    expect(at('2026-11-16')).toEqual({ kind: 'overdue', n: 3 });
    expect(at('2027-03-01')).toEqual({ kind: 'overdue', n: 3 });
  });
});

describe('planReminders', () => {
  it('sends nothing when reminders are off (the default)', () => {
    expect(planReminders(input({ settings: DEFAULT_SETTINGS })).send).toEqual([]);
  });

  it('sends the before step to the contact with no copy, and not again once recorded', () => {
    const first = planReminders(input());
    expect(first.send).toMatchObject([{ to: 'prosjekt@example.no', cc: [], stepText: 'før' }]);
    const sent = new Set(first.send.map((r) => r.key));
    expect(planReminders(input({ sent, today: day('2026-10-25') })).send).toEqual([]);
  });

  it('copies the secretariat on the last overdue reminder only', () => {
    const p = planReminders(input({ today: day('2026-11-16') }));
    expect(p.send).toMatchObject([{ stepText: 'purring 3', cc: ['postmottak@example.no'] }]);
    expect(planReminders(input({ today: day('2026-11-09') })).send[0]!.cc).toEqual([]);
  });

  it('sends nothing for a delivered or exempted report', () => {
    expect(
      planReminders(
        input({
          deadlines: [deadline({ status: 'delivered' }), deadline({ caseId: 'B', status: 'exempt' })],
        }),
      ).send,
    ).toEqual([]);
  });

  it('judges by the extension, as a new series, keeping the original due date in the key', () => {
    const extended = deadline({ extendedTo: day('2026-12-15') });
    expect(planReminders(input({ deadlines: [extended], today: day('2026-11-09') })).send).toEqual([]);
    const p = planReminders(input({ deadlines: [extended], today: day('2026-12-01') }));
    expect(steps(p)).toEqual(['før']);
    expect(p.send[0]!.key).toBe('18-2025-A|2026-11-01|2026-12-15|før');
  });

  it('holds back a reminder to a missing or invalid address, saying why', () => {
    const projects = new Map([['18-2025-A', { caseId: '18-2025-A', title: 'A', email: 'ikke en adresse' }]]);
    const p = planReminders(input({ projects }));
    expect(p.send).toEqual([]);
    expect(p.blocked[0]!.reason.nb).toMatch(/Kontakt e-post.*«ikke en adresse»/);
  });

  it('after a missed week sends only the step now due, not a backlog', () => {
    expect(steps(planReminders(input({ today: day('2026-11-12') })))).toEqual(['purring 2']);
  });

  // Property: over any sequence of daily runs, each step goes out at most once, at most max overdue
  // reminders plus one before, and none after delivery.
  it('never sends a step twice, never more than max + 1, none after delivery (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 0, max: 5 }),
        fc.option(fc.integer({ min: -20, max: 60 }), { nil: null }),
        fc.array(fc.boolean(), { minLength: 90, maxLength: 90 }),
        (daysBefore, interval, maxReminders, deliveredOn, runs) => {
          const settings = {
            emailReminders: true,
            remindDaysBefore: daysBefore,
            reminderIntervalDays: interval,
            maxReminders,
          };
          const sent = new Set<string>();
          const all: Reminder[] = [];
          runs.forEach((runs, i) => {
            if (!runs) return; // the trigger did not fire that day
            const today = addDays(DUE, i - 40);
            const open = deliveredOn === null || i - 40 < deliveredOn;
            const p = planReminders(
              input({
                settings,
                sent,
                today,
                deadlines: [deadline({ status: open ? 'pending' : 'delivered' })],
              }),
            );
            for (const r of p.send) {
              if (!open) throw new Error('sent after delivery');
              sent.add(r.key);
              all.push(r);
            }
          });
          const keys = all.map((r) => r.key);
          expect(new Set(keys).size).toBe(keys.length);
          expect(all.filter((r) => r.step.kind === 'overdue').length).toBeLessThanOrEqual(maxReminders);
          expect(all.filter((r) => r.cc.length > 0).length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('withinQuota', () => {
  it('takes reminders in order while their recipients fit, and counts the rest as waiting', () => {
    const p = planReminders(
      input({
        today: day('2026-11-16'),
        deadlines: [deadline(), deadline({ caseId: 'B' }), deadline({ caseId: 'C' })],
        projects: new Map(
          ['18-2025-A', 'B', 'C'].map((id) => [id, { caseId: id, title: id, email: `${id}@example.no` }]),
        ),
      }),
    );
    expect(p.send.map((r) => r.cc.length)).toEqual([1, 1, 1]); // 2 recipients each
    expect(withinQuota(p.send, 5)).toMatchObject({ waiting: 1 });
    expect(withinQuota(p.send, 5).now).toHaveLength(2);
    expect(withinQuota(p.send, 1)).toMatchObject({ now: [], waiting: 3 });
  });
});

describe('runsNeeded', () => {
  it('splits the sends into what one run reaches and how many later hours the rest take', () => {
    expect(runsNeeded(0, 180)).toEqual({ thisRun: 0, later: 0, hours: 0 });
    expect(runsNeeded(180, 180)).toEqual({ thisRun: 180, later: 0, hours: 0 });
    expect(runsNeeded(181, 180)).toEqual({ thisRun: 180, later: 1, hours: 1 });
    expect(runsNeeded(500, 180)).toEqual({ thisRun: 180, later: 320, hours: 2 });
    fc.assert(
      fc.property(fc.nat(5000), fc.integer({ min: 1, max: 500 }), (n, per) => {
        const r = runsNeeded(n, per);
        return r.thisRun + r.later === n && r.thisRun <= per && r.hours * per >= r.later;
      }),
    );
  });
});

describe('the Påminnelser record', () => {
  it('reads back the keys of the rows it wrote, whatever the column order, skipping notes', () => {
    const [r] = planReminders(input()).send;
    const rows = sheetRows(REMINDERS_SHEET, [sentRow(noted(r!, day('2026-05-05').getTime()))]);
    const reversed = rows.map((row) => [...row].reverse());
    reversed.push(['', '', '', '', 'en merknad', '', '']);
    expect(sentKeys(reversed)).toEqual(new Set([r!.key]));
    expect(sentKeys([])).toEqual(new Set());
  });
});

describe('reminderMail', () => {
  it('names the report, the case, the deadline and carries the prefilled link', () => {
    const [r] = planReminders(input()).send;
    const mail = reminderMail(
      r!,
      'https://docs.google.com/forms/d/e/x/viewform?entry.1=18-2025-A',
      'Sekretariatet',
    );
    expect(mail.subject).toBe('Påminnelse: halvårsrapport for sak 18-2025-A innen 01.11.2026');
    expect(mail.body).toContain('«Agdermodellen» (sak 18-2025-A)');
    expect(mail.body).toContain('viewform?entry.1=18-2025-A');
    const [late] = planReminders(input({ today: day('2026-11-16') })).send;
    const last = reminderMail(late!, 'x', 'Sekretariatet');
    expect(last.subject).toBe('Purring 3: halvårsrapport for sak 18-2025-A er forfalt');
    expect(last.cc).toBe('postmottak@example.no');
    expect(last.body).toMatch(/siste purring/);
  });
});
