import fc from 'fast-check';
import { dueDatesFor } from '../../../../src/core/follow-up/deadlines/due-dates';
import { deadlinesOf, dueDateToAnswer, nextDue } from '../../../../src/core/follow-up/deadlines/deadlines';
import { monthIndex, type Period } from '../../../../src/core/parse/period';
import { readPortfolio } from '../../../../src/core/portfolio/records';
import { DEFAULT_SETTINGS, parseSettings } from '../../../../src/core/workbook/settings';
import {
  allocation,
  book,
  CASE_ID,
  day,
  withAllocation,
  workbookValues,
  type StatusReportRow,
} from '../../builders';
import { report } from '../reports';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const period = (from: string, to: string): Period => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return { from: monthIndex(fy!, fm!), to: monthIndex(ty!, tm!) };
};
const owed = (p: Period, s = DEFAULT_SETTINGS) => dueDatesFor(p, s).map((d) => `${d.type} ${iso(d.due)}`);

describe('the due-date engine', () => {
  it('owes a half-yearly report per status date inside the period and a final report two months after', () => {
    // Agdermodellen: August 2025–July 2026.
    expect(owed(period('2025-08', '2026-07'))).toEqual([
      'halfYear 2025-11-01',
      'halfYear 2026-05-01',
      'final 2026-09-30',
    ]);
  });

  it('owes no half-yearly report on the day a project starts, one on the day it ends', () => {
    // May 2026 starts on 1 May: nothing then; ending in November owes 1 November.
    expect(owed(period('2026-05', '2026-11'))).toEqual(['halfYear 2026-11-01', 'final 2027-01-31']);
  });

  it('owes only the final report for a project between two due dates (a pre-project)', () => {
    // The data centre's pre-project: August–October 2025 ends before 1 November.
    expect(owed(period('2025-08', '2025-10'))).toEqual(['final 2025-12-31']);
    // Starting between two due dates: June 2025 → first report 1 November 2025.
    expect(owed(period('2025-06', '2026-03'))).toEqual(['halfYear 2025-11-01', 'final 2026-05-31']);
  });

  it('follows the settings: other status dates and months for the final report', () => {
    const s = parseSettings([
      { key: 'Statusfrister', value: '15. mars; 15.09', row: 2 },
      { key: 'Frist sluttrapport (måneder)', value: 3, row: 3 },
    ]);
    expect(s.statusDueDates).toEqual([
      { day: 15, month: 3 },
      { day: 15, month: 9 },
    ]);
    expect(owed(period('2025-01', '2025-12'), s)).toEqual([
      'halfYear 2025-03-15',
      'halfYear 2025-09-15',
      'final 2026-03-31',
    ]);
  });

  it('refuses a status date that is no day of a month, naming the row', () => {
    expect(() => parseSettings([{ key: 'Statusfrister', value: '31. juni', row: 4 }])).toThrow(
      /Innstillinger rad 4: «Statusfrister» har en ugyldig verdi/,
    );
  });

  it('property: the due dates are sorted, inside the period (half-yearly), and one final report', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020 * 12, max: 2035 * 12 }),
        fc.integer({ min: 0, max: 48 }),
        (from, len) => {
          const p = { from, to: from + len };
          const dates = dueDatesFor(p, DEFAULT_SETTINGS);
          const half = dates.filter((d) => d.type === 'halfYear');
          expect(dates.filter((d) => d.type === 'final')).toHaveLength(1);
          expect(dates.at(-1)!.type).toBe('final');
          for (let i = 1; i < half.length; i++) expect(half[i]!.due > half[i - 1]!.due).toBe(true);
          // Two status dates a year: a project of n whole months owes about n/6 of them.
          expect(Math.abs(half.length - (len + 1) / 6)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('deadlines on a day', () => {
  const states = (reports: StatusReportRow[], today: string, deadlines = undefined as never) =>
    deadlinesOf(
      readPortfolio(workbookValues(book((b) => ((b.statusReports = reports), (b.deadlines = deadlines))))),
      day(today),
    ).map((d) => `${iso(d.due)} ${d.status}`);

  it('is pending on the due day and overdue the day after', () => {
    expect(states([], '2025-11-01')[0]).toBe('2025-11-01 pending');
    expect(states([], '2025-11-02')[0]).toBe('2025-11-01 overdue');
  });

  it('is delivered by a report answering that due date, early or late', () => {
    expect(states([report('2025-11-01', '2025-11-01')], '2026-01-01')[0]).toBe('2025-11-01 delivered');
    expect(states([report('2025-11-01', '2025-12-20')], '2026-01-01')[0]).toBe('2025-11-01 delivered');
    // A report for another due date does not answer this one.
    expect(states([report('2026-05-01', '2026-04-20')], '2026-06-01')).toEqual([
      '2025-11-01 overdue',
      '2026-05-01 delivered',
      '2026-09-30 pending',
    ]);
  });

  it('moves the day judged by an extension, never the original due date', () => {
    const deadlines = [
      { caseId: CASE_ID, due: day('2025-11-01'), type: 'Halvårsrapport', extendedTo: day('2025-12-01') },
    ];
    const p = readPortfolio(workbookValues(book((b) => ((b.statusReports = []), (b.deadlines = deadlines)))));
    const [first] = deadlinesOf(p, day('2025-12-01'));
    expect([iso(first!.due), iso(first!.effectiveDue), first!.status]).toEqual([
      '2025-11-01',
      '2025-12-01',
      'pending',
    ]);
    expect(deadlinesOf(p, day('2025-12-02'))[0]!.status).toBe('overdue');
  });

  it('is exempt when a person wrote Fritatt, and for a closed project', () => {
    const deadlines = [{ caseId: CASE_ID, due: '01.11.2025', type: 'Halvårsrapport', exempt: 'Ja' }];
    expect(states([], '2026-01-01', deadlines as never)[0]).toBe('2025-11-01 exempt');
    const closed = readPortfolio(
      workbookValues(book((b) => ((b.statusReports = []), (b.applications[0]!.status = 'Avsluttet')))),
    );
    expect(deadlinesOf(closed, day('2027-01-01')).map((d) => d.status)).toEqual([
      'exempt',
      'exempt',
      'exempt',
    ]);
  });

  it('owes nothing for rejected and withdrawn applications, and follows the granted period', () => {
    for (const status of ['Avslått', 'Trukket']) {
      const p = readPortfolio(
        workbookValues(book((b) => ((b.statusReports = []), (b.applications[0]!.status = status)))),
      );
      expect(deadlinesOf(p, day('2027-01-01'))).toEqual([]);
    }
    // A pre-project granted for August–December 2025 owes by its allocation, not the 12 months asked.
    const pre = readPortfolio(workbookValues(book(withAllocation({ from: '2025-08', to: '2025-12' }))));
    expect(deadlinesOf(pre, day('2026-01-01')).map((d) => `${d.type} ${iso(d.due)}`)).toEqual([
      'halfYear 2025-11-01',
      'final 2026-02-28',
    ]);
  });

  it('gives the next open due date and the one a new report answers', () => {
    const p = readPortfolio(
      workbookValues(book((b) => (b.statusReports = [report('2025-11-01', '2025-10-30')]))),
    );
    const ds = deadlinesOf(p, day('2026-02-01'));
    expect(iso(nextDue(ds).get(CASE_ID)!.due)).toBe('2026-05-01');
    expect(iso(dueDateToAnswer(ds, CASE_ID, 'halfYear')!)).toBe('2026-05-01');
    expect(iso(dueDateToAnswer(ds, CASE_ID, 'final')!)).toBe('2026-09-30');
  });

  it('property: a due date once owed never moves or disappears while the period is unchanged', () => {
    const reportArb = fc.record({
      which: fc.integer({ min: 0, max: 5 }),
      late: fc.integer({ min: -30, max: 120 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: monthIndex(2024, 1), max: monthIndex(2027, 12) }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(reportArb, { maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 2, maxLength: 6 }),
        (from, len, reps, offsets) => {
          const p: Period = { from, to: from + len };
          const original = dueDatesFor(p, DEFAULT_SETTINGS);
          const toMonth = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
          const rows = reps
            .filter((r) => r.which < original.length)
            .map((r) => {
              const d = original[r.which]!;
              const received = new Date(d.due.getTime() + r.late * 86_400_000);
              return report(iso(d.due), iso(received), {
                type: d.type === 'final' ? 'Sluttrapport' : 'Halvårsrapport',
              });
            });
          const portfolio = readPortfolio(
            workbookValues(
              book((b) => {
                b.statusReports = rows;
                b.allocations = [allocation({ from: toMonth(p.from), to: toMonth(p.to) })];
              }),
            ),
          );
          const start = Date.UTC(2024, 0, 1);
          const days = [...offsets].sort((a, b) => a - b).map((o) => new Date(start + o * 86_400_000));
          let wasOverdue = new Set<string>();
          for (const today of days) {
            const ds = deadlinesOf(portfolio, today);
            expect(ds.map((d) => `${d.type} ${iso(d.due)}`)).toEqual(
              original.map((d) => `${d.type} ${iso(d.due)}`),
            );
            // Once overdue, a due date stays overdue (it is not silently re-dated) until a report answers it.
            for (const d of ds) if (wasOverdue.has(iso(d.due))) expect(d.status).toBe('overdue');
            wasOverdue = new Set(ds.filter((d) => d.status === 'overdue').map((d) => iso(d.due)));
          }
        },
      ),
    );
  });
});
