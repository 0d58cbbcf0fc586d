import fc from 'fast-check';
import {
  buildEconomy,
  economyLight,
  elapsedShare,
  projectEconomy,
} from '../../../src/core/money-flow/economy';
import { monthIndex } from '../../../src/core/parse/period';
import { readPortfolio } from '../../../src/core/portfolio/records';
import {
  CASE_ID,
  TODAY,
  allocation,
  book,
  day,
  payment,
  supplement,
  workbookValues,
  type Book,
  type PaymentRow,
} from '../builders';

const portfolioOf = (b: Book) => readPortfolio(workbookValues(b));
const economyOf = (b: Book, today = TODAY) => buildEconomy(portfolioOf(b), today);
const projectOf = (b: Book, today = TODAY) => projectEconomy(portfolioOf(b), today).get(CASE_ID)!;
const withPayments =
  (...rows: PaymentRow[]) =>
  (b: Book) => {
    b.payments = rows.map((r) => payment(r));
  };

describe('the economy of a project', () => {
  it('is all left when nothing is paid', () => {
    const e = projectOf(book());
    expect(e).toMatchObject({
      granted: 800_000,
      withdrawn: 0,
      allocated: 800_000,
      paid: 0,
      remaining: 800_000,
    });
    expect(e.byYear).toEqual([
      { year: 2025, allocated: 333_333, paid: 0, remaining: 333_333 },
      { year: 2026, allocated: 466_667, paid: 0, remaining: 466_667 },
    ]);
    expect(e.period).toEqual({ from: monthIndex(2025, 8), to: monthIndex(2026, 7) });
    expect(e.end).toEqual(day('2026-08-01'));
    expect(e.deadline).toEqual(day('2026-11-01'));
  });

  it('counts payments less refunds, filling the earliest budget year first', () => {
    const e = projectOf(
      book(
        withPayments(
          { amount: '400 000' },
          { amount: '150 000', date: day('2026-02-01') },
          { amount: '50 000', kind: 'Tilbakebetaling', date: day('2026-03-01') },
        ),
      ),
    );
    expect(e).toMatchObject({ paid: 500_000, remaining: 300_000, usedShare: 0.625 });
    expect(e.byYear).toEqual([
      { year: 2025, allocated: 333_333, paid: 333_333, remaining: 0 },
      { year: 2026, allocated: 466_667, paid: 166_667, remaining: 300_000 },
    ]);
  });

  it('adds supplements and takes withdrawals off the allocation and its budget year', () => {
    const e = projectOf(
      book((b) => {
        b.allocations.push(supplement({ amount: '90 000' }));
        b.allocations.push(
          allocation({
            kind: 'Inndragning',
            amount: '100 000',
            from: '2026-07',
            to: '2026-07',
            decision: 'SSU 2-2027',
          }),
        );
      }),
    );
    expect(e).toMatchObject({ granted: 890_000, withdrawn: 100_000, allocated: 790_000, remaining: 790_000 });
    // The supplement is 2/9 in 2025 and 7/9 in 2026; the withdrawal all in 2026.
    expect(e.byYear.map((y) => y.allocated)).toEqual([333_333 + 20_000, 466_667 + 70_000 - 100_000]);
  });

  it('keeps a payment to a case without allocation, in the year it was paid', () => {
    const e = economyOf(book(withPayments({ caseId: '2025-05-099', date: day('2026-03-01') })));
    expect(e.projects.get('2025-05-099')).toMatchObject({
      allocated: 0,
      paid: 200_000,
      remaining: -200_000,
      light: 'red',
    });
    expect(e.projects.get('2025-05-099')!.byYear).toEqual([
      { year: 2026, allocated: 0, paid: 200_000, remaining: -200_000 },
    ]);
  });

  it('ignores payment rows it cannot count (bad amount or kind)', () => {
    const e = projectOf(book(withPayments({ amount: 'mye' }, { kind: 'Forskudd?' }, { amount: '100 000' })));
    expect(e.paid).toBe(100_000);
  });

  it('takes the application period when the allocation has none', () => {
    const b = book((x) => {
      x.allocations[0] = allocation({ from: '', to: '' });
    });
    expect(projectOf(b).period).toEqual({ from: monthIndex(2025, 8), to: monthIndex(2026, 7) });
  });
});

describe('used against elapsed', () => {
  const period = { from: monthIndex(2025, 8), to: monthIndex(2026, 7) };

  it('measures the share of the period gone by days', () => {
    expect(elapsedShare(period, day('2025-07-15'))).toBe(0);
    expect(elapsedShare(period, day('2025-08-01'))).toBe(0);
    expect(elapsedShare(period, day('2026-02-01'))).toBe(0.5041);
    expect(elapsedShare(period, day('2026-08-01'))).toBe(1);
    expect(elapsedShare(period, TODAY)).toBe(1);
  });

  it('lights green within the tolerance, yellow outside, red when overspent or far behind at the end', () => {
    expect(economyLight(0.5, 0.6, 0.15, false)).toBe('green');
    expect(economyLight(0.45, 0.6, 0.15, false)).toBe('green');
    expect(economyLight(0.44, 0.6, 0.15, false)).toBe('yellow');
    expect(economyLight(0.9, 0.6, 0.15, false)).toBe('yellow');
    expect(economyLight(0.75, 1, 0.15, false)).toBe('yellow');
    expect(economyLight(0.69, 1, 0.15, false)).toBe('red');
    expect(economyLight(1, 1, 0.15, true)).toBe('red');
  });

  it('derives the light from the workbook and the tolerance setting', () => {
    const half = book(withPayments({ amount: '400 000' }));
    expect(projectOf(half, day('2026-02-01'))).toMatchObject({
      usedShare: 0.5,
      elapsedShare: 0.5041,
      light: 'green',
    });
    expect(projectOf(half, day('2026-04-01')).light).toBe('yellow');
    expect(projectOf(half, TODAY).light).toBe('red');
    const wide = book((b) => {
      withPayments({ amount: '400 000' })(b);
      b.settings = [{ key: 'Slingringsmonn økonomi', value: '30 %' }];
    });
    expect(projectOf(wide, day('2026-04-01')).light).toBe('green');
  });
});

describe('the economy of a budget year', () => {
  it('gives frame, allocated, paid, left to pay and free in the frame', () => {
    const e = economyOf(book(withPayments({ amount: '400 000' })));
    expect(e.years).toEqual([
      { year: 2025, frame: 9_160_000, allocated: 333_333, paid: 333_333, remaining: 0, free: 8_826_667 },
      { year: 2026, frame: 9_160_000, allocated: 466_667, paid: 66_667, remaining: 400_000, free: 8_693_333 },
    ]);
  });
});

describe('economy properties', () => {
  const rows = fc.array(
    fc.record({
      kind: fc.constantFrom('Utbetaling', 'Tilbakebetaling', 'Inndragning', 'Tilleggsbevilling'),
      amount: fc.integer({ min: 1, max: 50_000_000 }).map((ore) => ore / 100),
      month: fc.integer({ min: 0, max: 35 }),
    }),
    { maxLength: 25 },
  );

  it('keeps allocated = paid + remaining, in total and per budget year, for any mix', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 36 }), (mix, length) => {
        const b = book((x) => {
          x.allocations = [
            allocation({
              from: '2025-01',
              to: `${2025 + Math.floor((length - 1) / 12)}-${String(((length - 1) % 12) + 1).padStart(2, '0')}`,
            }),
          ];
          x.payments = [];
          for (const r of mix) {
            const iso = `${2025 + Math.floor(r.month / 12)}-${String((r.month % 12) + 1).padStart(2, '0')}`;
            if (r.kind === 'Inndragning' || r.kind === 'Tilleggsbevilling')
              x.allocations.push(allocation({ kind: r.kind, amount: r.amount, from: iso, to: iso }));
            else x.payments.push(payment({ kind: r.kind, amount: r.amount, date: day(`${iso}-15`) }));
          }
        });
        const e = economyOf(b);
        const p = e.projects.get(CASE_ID)!;
        const cents = (x: number) => Math.round(x * 100);
        expect(cents(p.allocated)).toBe(cents(p.paid) + cents(p.remaining));
        expect(cents(p.allocated)).toBe(cents(p.granted) - cents(p.withdrawn));
        const sum = (f: (y: (typeof p.byYear)[number]) => number) =>
          p.byYear.reduce((s, y) => s + cents(f(y)), 0);
        expect(sum((y) => y.allocated)).toBe(cents(p.allocated));
        expect(sum((y) => y.paid)).toBe(cents(p.paid));
        for (const y of p.byYear) expect(cents(y.allocated)).toBe(cents(y.paid) + cents(y.remaining));
        for (const y of e.years) expect(cents(y.allocated)).toBe(cents(y.paid) + cents(y.remaining));
      }),
      { numRuns: 200 },
    );
  });
});
