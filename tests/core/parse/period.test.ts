import fc from 'fast-check';
import {
  formatMonth,
  formatPeriod,
  monthIndex,
  monthsIn,
  monthsPerYear,
  parseDay,
  parseMonth,
  parsePeriod,
  proRata,
  yearOf,
  type Period,
} from '../../../src/core/parse/period';
import type { Parsed } from '../../../src/core/base/result';

const AUG_2025 = monthIndex(2025, 8);
const JUL_2026 = monthIndex(2026, 7);
const period = (from: [number, number], to: [number, number]): Period => ({
  from: monthIndex(...from),
  to: monthIndex(...to),
});

/** Periods of 1 to 60 months starting anywhere in 1990–2099. */
const periods = fc
  .record({
    start: fc.integer({ min: monthIndex(1990, 1), max: monthIndex(2099, 12) }),
    length: fc.integer({ min: 1, max: 60 }),
  })
  .map(({ start, length }): Period => ({ from: start, to: start + length - 1 }));

/** Whole kroner (unit 1) or amounts with øre (unit 0.01), positive and negative. */
const amounts = fc.oneof(
  fc.integer({ min: -1e10, max: 1e10 }).map((n) => ({ amount: n, unit: 1 })),
  fc
    .integer({ min: -1e12, max: 1e12 })
    .filter((ore) => ore % 100 !== 0)
    .map((ore) => ({ amount: ore / 100, unit: 0.01 })),
);

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a value, got: ${parsed.reason.en}`);
  return parsed.value;
}

function reason<T>(parsed: Parsed<T>): { nb: string; en: string } {
  if (parsed.ok) throw new Error(`expected a failure, got ${JSON.stringify(parsed.value)}`);
  return parsed.reason;
}

describe('month index helpers', () => {
  it('stores a month as year * 12 + month - 1 and reads it back', () => {
    expect(AUG_2025).toBe(2025 * 12 + 7);
    expect(yearOf(AUG_2025)).toBe(2025);
    expect(formatMonth(monthIndex(2025, 12))).toBe('desember 2025');
    expect(formatMonth(monthIndex(2026, 1))).toBe('januar 2026');
  });
});

describe('parseMonth', () => {
  it.each([
    ['2025-08', 2025, 8],
    ['202508', 2025, 8],
    ['08.2025', 2025, 8],
    ['8.2025', 2025, 8],
    ['08/2025', 2025, 8],
    ['01.08.2025', 2025, 8],
    ['2025-08-15', 2025, 8],
    ['aug. 2025', 2025, 8],
    ['august 2025', 2025, 8],
    ['Aug 2025', 2025, 8],
    ['AUGUST 2025', 2025, 8],
    ['mai 2025', 2025, 5],
    ['desember 2025', 2025, 12],
    ['okt 2025', 2025, 10],
    ['sept. 2025', 2025, 9],
    ['  2025-08  ', 2025, 8],
  ])('reads %j as %d-%d', (text, year, month) => {
    expect(value(parseMonth(text))).toBe(monthIndex(year, month));
  });

  it('reads the number 202508 as August 2025', () => {
    expect(value(parseMonth(202508))).toBe(AUG_2025);
  });

  it('reads Date objects by their UTC fields', () => {
    expect(value(parseMonth(new Date(Date.UTC(2025, 7, 1))))).toBe(AUG_2025);
    // Last instant of August in UTC is still August, whatever the machine's time zone.
    expect(value(parseMonth(new Date(Date.UTC(2025, 7, 31, 23, 59))))).toBe(AUG_2025);
    expect(value(parseMonth(new Date(Date.UTC(2025, 8, 1, 0, 0))))).toBe(monthIndex(2025, 9));
  });

  it('reads a spreadsheet date serial (days since 1899-12-30) as its month', () => {
    expect(value(parseMonth(45870))).toBe(AUG_2025); // 2025-08-01
    expect(value(parseMonth(45900))).toBe(monthIndex(2025, 8)); // 2025-08-31
  });

  it.each(['2025-13', '13.2025', '2025-00', '202513', 'foo 2025', '', '   ', '2025', 'august'])(
    'rejects %j with a reason in both languages',
    (text) => {
      const r = reason(parseMonth(text));
      expect(r.nb).toMatch(/måned/);
      expect(r.en).toMatch(/month/);
    },
  );

  it('shows the text and an example in the reason', () => {
    const r = reason(parseMonth('foo 2025'));
    expect(r.nb).toContain('«foo 2025»');
    expect(r.nb).toContain('2025-08');
    expect(r.en).toContain('"foo 2025"');
  });

  it.each(['2025-08-45', '32.08.2025', '2025-08-00'])('rejects the impossible day in %j', (text) => {
    expect(parseMonth(text).ok).toBe(false);
  });

  it.each([new Date(NaN), null, undefined, 2025.5, {}])('rejects %p', (cell) => {
    expect(parseMonth(cell).ok).toBe(false);
  });
});

describe('parsePeriod', () => {
  const AUG_TO_JUL = { from: AUG_2025, to: JUL_2026 };

  it.each([
    ['2025-08', '2026-07'],
    ['202508', '202607'],
    ['aug. 2025', 'juli 2026'],
    [new Date(Date.UTC(2025, 7, 1)), new Date(Date.UTC(2026, 6, 31))],
    [202508, 202607],
  ])('reads two cells %p and %p', (from, to) => {
    expect(value(parsePeriod(from, to))).toEqual(AUG_TO_JUL);
  });

  it.each([
    '202508–202607',
    '2025-08–2026-07',
    '2025-08—2026-07',
    '2025-08 - 2026-07',
    '2025-08 – 2026-07',
    'august 2025–juli 2026',
    'aug. 2025 - jul. 2026',
    '2025-08-2026-07',
    '2025-08 til 2026-07',
    'August 2025 to July 2026',
  ])('reads one text %j', (text) => {
    expect(value(parsePeriod(text))).toEqual(AUG_TO_JUL);
  });

  it('reads a single month as a one-month period', () => {
    expect(value(parsePeriod('2025-08'))).toEqual({ from: AUG_2025, to: AUG_2025 });
    expect(value(parsePeriod('2025-08', '2025-08'))).toEqual({ from: AUG_2025, to: AUG_2025 });
  });

  it.each([
    ['two cells', parsePeriod('2026-07', '2025-08')],
    ['one text', parsePeriod('2026-07–2025-08')],
  ])('rejects an end before the start (%s) naming both months', (_, parsed) => {
    const r = reason(parsed);
    expect(r.nb).toContain('juli 2026');
    expect(r.nb).toContain('august 2025');
    expect(r.nb).toMatch(/før/);
    expect(r.en).toContain('July 2026');
    expect(r.en).toContain('August 2025');
    expect(r.en).toMatch(/before/);
  });

  it('says which cell is wrong', () => {
    expect(reason(parsePeriod('2025-13', '2026-07')).nb).toMatch(/^Fra: /);
    expect(reason(parsePeriod('2025-13', '2026-07')).en).toMatch(/^From: /);
    expect(reason(parsePeriod('2025-08', '')).nb).toMatch(/^Til: /);
    expect(reason(parsePeriod('2025-08', 'foo')).en).toMatch(/^To: /);
  });

  it('rejects text that is no period', () => {
    const r = reason(parsePeriod('snart'));
    expect(r.nb).toContain('«snart»');
    expect(r.nb).toContain('periode');
    expect(r.en).toContain('period');
  });
});

describe('formatMonth and formatPeriod', () => {
  it.each([
    ['nb', 'august 2025', 'august 2025–juli 2026'],
    ['en', 'August 2025', 'August 2025–July 2026'],
  ] as const)('write %s', (lang, month, range) => {
    expect(formatMonth(AUG_2025, lang)).toBe(month);
    expect(formatPeriod({ from: AUG_2025, to: JUL_2026 }, lang)).toBe(range);
  });

  it('defaults to Norwegian', () => {
    expect(formatPeriod({ from: AUG_2025, to: JUL_2026 })).toBe('august 2025–juli 2026');
  });

  it('formats what parsePeriod reads back to the same period', () => {
    fc.assert(
      fc.property(periods, (p) => {
        for (const lang of ['nb', 'en'] as const) {
          const parsed = parsePeriod(formatPeriod(p, lang));
          if (!parsed.ok || parsed.value.from !== p.from || parsed.value.to !== p.to) return false;
        }
        return true;
      }),
    );
  });
});

describe('proRata', () => {
  it('splits Aug 2025–Jul 2026 of 1 060 000 as 5/12 and 7/12 by largest remainder', () => {
    expect(proRata(1_060_000, period([2025, 8], [2026, 7]))).toEqual(
      new Map([
        [2025, 441_667],
        [2026, 618_333],
      ]),
    );
  });

  it('keeps the 625 000 pre-project (Aug–Dec 2025) in 2025', () => {
    expect(proRata(625_000, period([2025, 8], [2025, 12]))).toEqual(new Map([[2025, 625_000]]));
  });

  it('keeps øre when the amount has øre', () => {
    const parts = proRata(100.01, period([2025, 12], [2026, 1]));
    expect([...parts.values()].sort()).toEqual([50, 50.01]);
  });

  it('gives ties to the earlier year', () => {
    expect(proRata(1, period([2025, 12], [2026, 1]))).toEqual(
      new Map([
        [2025, 1],
        [2026, 0],
      ]),
    );
  });

  it('lists months per year in order, covering every year touched', () => {
    expect(monthsPerYear(period([2024, 11], [2027, 2]))).toEqual([
      [2024, 2],
      [2025, 12],
      [2026, 12],
      [2027, 2],
    ]);
    expect(monthsIn(period([2024, 11], [2027, 2]))).toBe(28);
  });
});

describe('proRata properties', () => {
  const toOre = (x: number) => Math.round(x * 100);

  it('parts add up exactly to the amount', () => {
    fc.assert(
      fc.property(amounts, periods, ({ amount }, p) => {
        const parts = [...proRata(amount, p).values()];
        expect(parts.reduce((s, x) => s + toOre(x), 0)).toBe(toOre(amount));
      }),
      { numRuns: 2000 },
    );
  });

  it('each part is within one unit (1 kr, or 1 øre) of its exact share', () => {
    fc.assert(
      fc.property(amounts, periods, ({ amount, unit }, p) => {
        const months = new Map(monthsPerYear(p));
        for (const [year, part] of proRata(amount, p)) {
          const exact = (amount * months.get(year)!) / monthsIn(p);
          expect(Math.abs(part - exact)).toBeLessThanOrEqual(unit + 1e-6);
          // Parts stay in the unit: whole kroner, or whole øre.
          expect(part).toBe(unit === 1 ? Math.round(part) : Math.round(part * 100) / 100);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('covers exactly the years the period touches, and the months add up to its length', () => {
    fc.assert(
      fc.property(amounts, periods, ({ amount }, p) => {
        const years: number[] = [];
        for (let m = p.from; m <= p.to; m++) if (!years.includes(yearOf(m))) years.push(yearOf(m));
        expect([...proRata(amount, p).keys()]).toEqual(years);
        const perYear = monthsPerYear(p);
        expect(perYear.map(([y]) => y)).toEqual(years);
        expect(perYear.reduce((s, [, n]) => s + n, 0)).toBe(p.to - p.from + 1);
        expect(perYear.every(([, n]) => n >= 1 && n <= 12)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseDay', () => {
  it.each([
    ['2025-05-09', 2025, 5, 9],
    ['09.05.2025', 2025, 5, 9],
    ['9.5.2025', 2025, 5, 9],
    ['2025-05-09T10:30:00Z', 2025, 5, 9],
    ['29.02.2024', 2024, 2, 29],
    // As Norwegians write them: slashes, two-digit years, month names, NBSPs, a time after.
    ['09/05/2025', 2025, 5, 9],
    ['9/5/2025', 2025, 5, 9],
    ['09-05-2025', 2025, 5, 9],
    ['09.05.25', 2025, 5, 9],
    ['9.5.25', 2025, 5, 9],
    ['9. mai 2025', 2025, 5, 9],
    ['2. mai 2025', 2025, 5, 2],
    ['9 mai 2025', 2025, 5, 9],
    ['9.\u00a0mai\u00a02025', 2025, 5, 9],
    ['9. Mai 25', 2025, 5, 9],
    ['9. sep. 2025', 2025, 9, 9],
    ['31. desember 2025', 2025, 12, 31],
    ['9 May 2025', 2025, 5, 9],
    ['09.05.2025 14:32', 2025, 5, 9],
  ])('reads %j', (text, y, m, d) => {
    expect(value(parseDay(text))).toEqual(new Date(Date.UTC(y, m - 1, d)));
  });

  it('reads a spreadsheet date serial', () => {
    expect(value(parseDay(45786))).toEqual(new Date(Date.UTC(2025, 4, 9)));
  });

  it('reads a Date cell as UTC midnight of its UTC day', () => {
    expect(value(parseDay(new Date(Date.UTC(2025, 4, 9, 15, 45))))).toEqual(new Date(Date.UTC(2025, 4, 9)));
  });

  it.each([
    '31.02.2025',
    '29.02.2025',
    '2025-13-01',
    '00.05.2025',
    'i går',
    '9. maj 2025',
    '13/13/2025',
    '9. mai',
  ])('rejects %j', (text) => {
    const r = reason(parseDay(text));
    expect(r.nb).toContain(`«${text}»`);
    expect(r.nb).toMatch(/dato/);
    expect(r.en).toMatch(/date/);
  });

  it.each(['', null, undefined, new Date(NaN)])('rejects the empty or invalid cell %p', (cell) => {
    expect(parseDay(cell).ok).toBe(false);
  });
});
