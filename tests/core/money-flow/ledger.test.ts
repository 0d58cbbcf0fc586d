import { checkPortfolio } from '../../../src/core/check/check';
import { where } from '../../../src/core/engine/findings';
import { yearSplit } from '../../../src/core/money-flow/ledger';
import { readPortfolio } from '../../../src/core/portfolio/records';
import {
  CASE_ID,
  allocation,
  book,
  check,
  day,
  supplement,
  withAllocation,
  withApplication,
  workbookValues,
  type Book,
  TODAY,
} from '../builders';

const ledgerOf = (b: Book) => check(b).ledger;
const allocatedByYear = (b: Book) => [...ledgerOf(b).years.values()].map((y) => [y.year, y.allocated]);

describe('the ledger', () => {
  it('counts the valid book pro rata: 5/12 in 2025 and 7/12 in 2026', () => {
    expect(allocatedByYear(book())).toEqual([
      [2025, 333_333],
      [2026, 466_667],
    ]);
  });

  it('summarises each year against the frame and the key', () => {
    const y = ledgerOf(book()).years.get(2025)!;
    expect(y).toMatchObject({
      year: 2025,
      frame: 9_160_000,
      allocated: 333_333,
      remaining: 8_826_667,
      uncategorised: 0,
    });
    expect(y.categories.innovation).toEqual({
      amount: 333_333,
      share: 333_333 / 9_160_000,
      key: 0.8,
      keyAmount: 7_328_000,
    });
    expect(y.categories.administration).toEqual({ amount: 0, share: 0, key: 0.05, keyAmount: 458_000 });
    expect(y.categories.operations.keyAmount).toBe(1_374_000);
  });

  it('counts an allocation without period in the year of its decision date', () => {
    const b = book(withAllocation({ from: '', to: '', date: day('2026-02-01') }));
    expect(allocatedByYear(b)).toEqual([[2026, 800_000]]);
    expect(check(b).findings).toEqual([]);
  });

  it('counts nothing for an allocation with neither period nor valid date', () => {
    const b = book(withAllocation({ from: '', to: '', date: 'snart' }));
    expect(ledgerOf(b).entries[0]!.byYear).toBeNull();
    expect(ledgerOf(b).years.size).toBe(0);
  });

  it('counts a supplement without category in its project category', () => {
    const b = book((x) => {
      x.allocations.push(supplement({ category: '', amount: '90 000', from: '2025-11', to: '2026-07' }));
    });
    const ledger = ledgerOf(b);
    expect(ledger.entries[1]!.category).toBe('innovation');
    // 2/9 of 90 000 in 2025, 7/9 in 2026.
    expect(ledger.years.get(2025)!.categories.innovation.amount).toBe(333_333 + 20_000);
    expect(ledger.years.get(2026)!.categories.innovation.amount).toBe(466_667 + 70_000);
    expect(check(b).findings).toEqual([]);
  });

  it('counts an ordinary allocation without category in its application category', () => {
    const b = book((x) => {
      withApplication({ category: 'Samdrift/tiltak' })(x);
      withAllocation({ category: '' })(x);
    });
    expect(ledgerOf(b).years.get(2025)!.categories.operations.amount).toBe(333_333);
    expect(check(b).findings).toEqual([]);
  });

  it('keeps money with an unknown category in the total but outside every key', () => {
    const y = ledgerOf(book(withAllocation({ category: 'Forskning' }))).years.get(2026)!;
    expect(y.allocated).toBe(466_667);
    expect(y.uncategorised).toBe(466_667);
    expect(y.categories.innovation.amount).toBe(0);
  });

  it('uses the frame of the year from the settings', () => {
    const b = book((x) => {
      x.settings = [{ key: 'Ramme 2026', value: '10 000 000' }];
    });
    expect(ledgerOf(b).years.get(2026)).toMatchObject({ frame: 10_000_000, remaining: 10_000_000 - 466_667 });
    expect(ledgerOf(b).years.get(2026)!.categories.innovation.keyAmount).toBe(8_000_000);
    expect(ledgerOf(b).years.get(2025)!.frame).toBe(9_160_000);
  });

  it('adds requested years without allocations, in year order', () => {
    const { ledger } = checkPortfolio(readPortfolio(workbookValues(book())), {
      years: [2027, 2024],
      today: TODAY,
    });
    expect([...ledger.years.keys()]).toEqual([2024, 2025, 2026, 2027]);
    expect(ledger.years.get(2027)).toMatchObject({ allocated: 0, remaining: 9_160_000 });
  });

  it('keeps øre and sums parts of several allocations exactly', () => {
    const b = book((x) => {
      x.allocations = [
        allocation({ amount: '100,01', from: '2025-12', to: '2026-01' }),
        allocation({ caseId: 'X', amount: '0,02', from: '2025-12', to: '2026-01' }),
      ];
    });
    expect(allocatedByYear(b)).toEqual([
      [2025, 50.02],
      [2026, 50.01],
    ]);
  });

  it('splits by year only when amount and period are usable', () => {
    const p = readPortfolio(
      workbookValues(
        book((x) => {
          x.allocations = [allocation(), allocation({ amount: 'mye' }), allocation({ to: '2025-13' })];
        }),
      ),
    );
    expect(p.allocations.map((a) => yearSplit(a))).toEqual([
      new Map([
        [2025, 333_333],
        [2026, 466_667],
      ]),
      null,
      null,
    ]);
  });
});

describe('where', () => {
  it.each([
    [{ sheet: 'applications', row: 5, field: 'requested' }, 'nb', 'Søknader rad 5, «Søkt beløp»'],
    [{ sheet: 'applications', row: 5, field: 'requested' }, 'en', 'Applications row 5, "Amount requested"'],
    [{ sheet: 'budget', row: 3, field: 'amount' }, 'nb', 'Budsjett rad 3, «Beløp»'],
    [{ sheet: 'allocations', row: 2, field: 'reportedSsu' }, 'en', 'Allocations row 2, "Reported to board"'],
  ] as const)('%j in %s', (cell, lang, expected) => {
    expect(where(cell, lang)).toBe(expected);
  });
});

describe('case ids across sheets', () => {
  it('matches budget lines and allocations by the trimmed case id', () => {
    const b = book((x) => {
      for (const line of x.budget) line.caseId = ` ${CASE_ID} `;
      x.allocations[0]!.caseId = `${CASE_ID}  `;
      x.allocations.push(supplement({ caseId: ` ${CASE_ID}` }));
    });
    expect(check(b).findings).toEqual([]);
  });
});
