import fc from 'fast-check';
import { TilskuddError } from '../../../src/core/base/errors';
import { allocationShare, yearPart } from '../../../src/core/money-flow/formulas';

/** A column range as Sheets hands it to a custom function: one array per row. */
const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

/** The TilskuddError `fn` throws; fails the test when it throws nothing or something else. */
function thrown(fn: () => unknown): TilskuddError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TilskuddError) return e;
    throw e;
  }
  throw new Error('expected a TilskuddError, nothing was thrown');
}

// The example's 2025 allocations: 1 060 000 + 625 000 innovation, 939 829 administration, 60 000 innovation.
const AMOUNTS = col(1_060_000, '625 000', '939 829', '60 000');
const CATEGORIES = col('Innovasjon/prosjekt', 'Innovasjon/prosjekt', 'Administrasjon', 'Innovasjon/prosjekt');
const SUM = 1_060_000 + 625_000 + 939_829 + 60_000;

describe('allocationShare', () => {
  it('gives one category its share of the sum of all amounts', () => {
    expect(allocationShare(AMOUNTS, CATEGORIES, 'Administrasjon')).toBeCloseTo(939_829 / SUM, 12);
    expect(allocationShare(AMOUNTS, CATEGORIES, 'Innovasjon/prosjekt')).toBeCloseTo(1_745_000 / SUM, 12);
  });

  it('gives 0 for a pot without rows and for a blank category', () => {
    expect(allocationShare(AMOUNTS, CATEGORIES, 'Samdrift/tiltak')).toBe(0);
    expect(allocationShare(AMOUNTS, CATEGORIES, '')).toBe(0);
  });

  it('answers a category range with a column of shares, in the same shape', () => {
    const shares = allocationShare(
      col(800, 50, 150),
      col('Innovasjon/prosjekt', 'Administrasjon', 'Samdrift/tiltak'),
      col('Samdrift/tiltak', '', 'Innovasjon/prosjekt', 'Administrasjon'),
    );
    expect(shares).toEqual([[0.15], [0], [0.8], [0.05]]);
  });

  it('answers a category row range as a row', () => {
    const shares = allocationShare(col(800, 200), col('Innovasjon/prosjekt', 'adm'), [['innovation', 'adm']]);
    expect(shares).toEqual([[0.8, 0.2]]);
  });

  it.each([
    ['1 060 000 kr', 1_060_000],
    ['kr 1 060 000,-', 1_060_000],
    ['1\u00a0060\u00a0000', 1_060_000],
    ['1.060.000', 1_060_000],
    ['1060000', 1_060_000],
    [1_060_000, 1_060_000],
  ])('reads the amount %j as %d', (text, amount) => {
    const share = allocationShare(
      col(text, 940_000),
      col('Innovasjon/prosjekt', 'Administrasjon'),
      'Innovasjon',
    );
    expect(share).toBeCloseTo(amount / (amount + 940_000), 12);
  });

  it('ignores blank rows (amount and category both blank), wherever they are', () => {
    const share = allocationShare(
      col('', 600, null, '  ', 400, undefined),
      col('', 'Innovasjon/prosjekt', '', ' ', 'Administrasjon', null),
      'Administrasjon',
    );
    expect(share).toBe(0.4);
  });

  it('counts a blank amount with a category as 0', () => {
    expect(allocationShare(col('', 500, 500), col('Administrasjon', 'Innovasjon', 'Samdrift'), 'adm')).toBe(
      0,
    );
  });

  it.each([
    [
      'administration',
      ['adm', 'adm.', 'Administrasjon', 'ADMINISTRASJON', 'administration', ' Administration '],
    ],
    ['innovation', ['Innovasjon/prosjekt', 'innovasjon', 'Prosjekt', 'Innovation/projects', 'innovation']],
    ['operations', ['Samdrift/tiltak', 'samdrift', 'Tiltak', 'Joint operations/measures', 'operations']],
  ])('matches every name of the %s pot, in the rows and in the question', (_, names) => {
    const amounts = col(...names.map(() => 100), 100);
    const categories = col(...names, 'Noe annet');
    const expected = names.length / (names.length + 1);
    for (const name of names) expect(allocationShare(amounts, categories, name)).toBeCloseTo(expected, 12);
  });

  it('groups free-text categories by their normalised text', () => {
    const amounts = col(100, 200, 300, 400);
    const categories = col('Annet formål', ' annet   FORMÅL ', 'Annet\u00a0formål', 'Innovasjon');
    expect(allocationShare(amounts, categories, 'ANNET FORMÅL')).toBe(0.6);
    expect(allocationShare(amounts, categories, 'Annet')).toBe(0);
  });

  it('divides by an explicit total instead of the sum', () => {
    expect(allocationShare(AMOUNTS, CATEGORIES, 'adm', 9_160_000)).toBeCloseTo(939_829 / 9_160_000, 12);
    expect(allocationShare(AMOUNTS, CATEGORIES, 'adm', '9 160 000 kr')).toBeCloseTo(939_829 / 9_160_000, 12);
    expect(allocationShare(AMOUNTS, CATEGORIES, 'adm', '')).toBeCloseTo(939_829 / SUM, 12);
  });

  it.each([
    ['an explicit total of 0', col(100), col('adm'), 0],
    ['an explicit total of "0 kr"', col(100), col('adm'), '0 kr'],
    ['amounts summing to 0', col(0, ''), col('adm', 'Innovasjon'), undefined],
    ['no rows at all', col('', ''), col('', ''), undefined],
  ])('throws on %s', (_, amounts, categories, total) => {
    const error = thrown(() => allocationShare(amounts, categories, 'adm', total));
    expect(error.message).toBe('ALLOCATION_SHARE: totalen er 0, så andelen kan ikke regnes ut.');
    expect(error.reason.en).toContain('the total is 0');
  });

  it('throws a Norwegian message naming both sizes when the ranges differ', () => {
    const error = thrown(() => allocationShare(col(1, 2, 3), col('adm', 'adm'), 'adm'));
    expect(error.message).toBe(
      'ALLOCATION_SHARE: beløpene har 3 celler, men kategoriene har 2. Velg like store områder.',
    );
    expect(error.reason.en).toContain('has 3 cells but');
    expect(error.reason.en).toContain('has 2');
  });

  it('throws on an invalid amount, naming its row in the range', () => {
    const error = thrown(() => allocationShare(col(100, 'mye', 300), col('adm', 'adm', 'adm'), 'adm'));
    expect(error.message).toMatch(/^ALLOCATION_SHARE: rad 2 i beløpene: «mye» er ikke et beløp i kroner\.$/);
    expect(error.reason.en).toMatch(
      /^ALLOCATION_SHARE: row 2 of the amounts: "mye" is not an amount in NOK\.$/,
    );
  });

  it('throws on a placeholder amount, saying it is a placeholder', () => {
    const error = thrown(() => allocationShare(col(100, '[Beløp]'), col('adm', 'adm'), 'adm'));
    expect(error.message).toContain('rad 2');
    expect(error.message).toContain('plassholder');
  });

  it('throws on an invalid explicit total', () => {
    expect(() => allocationShare(col(100), col('adm'), 'adm', 'alt')).toThrow(TilskuddError);
  });

  describe('property', () => {
    const pots = fc.constantFrom(
      'Innovasjon/prosjekt',
      'Administrasjon',
      'Samdrift/tiltak',
      'adm',
      'innovasjon',
      'Joint operations/measures',
    );
    const rows = fc.array(
      fc.record({
        amount: fc.integer({ min: 0, max: 1e9 }),
        text: fc.boolean(),
        category: pots,
      }),
      { minLength: 1, maxLength: 40 },
    );

    it('the three pots share the whole (default total): their shares sum to 1', () => {
      fc.assert(
        fc.property(
          rows.filter((r) => r.some((x) => x.amount > 0)),
          (r) => {
            const amounts = col(...r.map((x) => (x.text ? `${x.amount} kr` : x.amount)));
            const categories = col(...r.map((x) => x.category));
            const single = ['Innovasjon/prosjekt', 'Administrasjon', 'Samdrift/tiltak'].map(
              (c) => allocationShare(amounts, categories, c) as number,
            );
            const column = allocationShare(
              amounts,
              categories,
              col('innovation', 'administration', 'operations'),
            );
            expect(Math.abs(single.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-9);
            expect(column).toEqual(single.map((s) => [s]));
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});

describe('yearPart', () => {
  it.each([
    [2024, 0],
    [2025, 441_667],
    [2026, 618_333],
    [2027, 0],
  ])('splits 1 060 000 over Aug 2025–Jul 2026: %d gets %d', (year, part) => {
    expect(yearPart(1_060_000, '2025-08', '2026-07', year)).toBe(part);
    expect(yearPart('1 060 000 kr', 'august 2025', 'juli 2026', String(year))).toBe(part);
  });

  it('reads month cells that are dates', () => {
    const aug = new Date(Date.UTC(2025, 7, 1));
    const jul = new Date(Date.UTC(2026, 6, 1));
    expect(yearPart(1_060_000, aug, jul, 2025)).toBe(441_667);
  });

  it('gives the whole amount to a period inside one year', () => {
    expect(yearPart(939_829, '2025-05', '2025-10', 2025)).toBe(939_829);
    expect(yearPart(939_829, '2025-05', '2025-10', 2026)).toBe(0);
  });

  it('answers a blank amount with a blank cell', () => {
    expect(yearPart('', '2025-08', '2026-07', 2025)).toBe('');
    expect(yearPart(null, '', '', 2025)).toBe('');
  });

  it('reads a blank `to` as a single month', () => {
    expect(yearPart(12_000, '2025-12', '', 2025)).toBe(12_000);
    expect(yearPart(12_000, '2025-12', '', 2026)).toBe(0);
    expect(yearPart(col(12_000), col('2025-12'), col(''), 2025)).toEqual([[12_000]]);
  });

  it('answers column ranges with a column, row by row', () => {
    const parts = yearPart(
      col(1_060_000, '', '500 000', 60_000),
      col('2025-08', '', '2025-11', '2025-11'),
      col('2026-07', '', '2026-02', '2026-07'),
      2026,
    );
    expect(parts).toEqual([[618_333], [''], [250_000], [46_667]]);
  });

  it.each([
    [
      'fra-månedene',
      col(1, 2),
      col('2025-01'),
      col('2025-01', '2025-01'),
      'beløpene har 2 celler, men fra-månedene har 1',
    ],
    [
      'til-månedene',
      col(1, 2),
      col('2025-01', '2025-01'),
      col('2025-01', '2025-01', ''),
      'beløpene har 2 celler, men til-månedene har 3',
    ],
  ])('throws when %s differ in size from the amounts', (_, amounts, from, to, message) => {
    const error = thrown(() => yearPart(amounts, from, to, 2025));
    expect(error.message).toBe(`YEAR_PART: ${message}. Velg like store områder.`);
  });

  it('throws on a month that is not one, naming the row', () => {
    const error = thrown(() =>
      yearPart(col(100, 200), col('2025-01', 'snart'), col('2025-12', '2025-12'), 2025),
    );
    expect(error.message).toBe(
      'YEAR_PART: rad 2: «snart» er ikke en måned (skriv f.eks. 2025-08 eller august 2025).',
    );
    expect(error.reason.en).toMatch(/^YEAR_PART: row 2: "snart" is not a month/);
  });

  it('throws on a bad `to` month, naming the row', () => {
    expect(() => yearPart(100, '2025-01', '2025-13', 2025)).toThrow(
      /^YEAR_PART: rad 1: «2025-13» er ikke en måned/,
    );
  });

  it('throws on a missing `from` month when there is an amount', () => {
    expect(() => yearPart(col(100), col(''), col('2025-12'), 2025)).toThrow(
      /^YEAR_PART: rad 1: mangler måned/,
    );
  });

  it('throws when the period ends before it starts, naming the row', () => {
    const error = thrown(() =>
      yearPart(col(100, 200), col('2025-01', '2026-07'), col('2025-12', '2025-08'), 2025),
    );
    expect(error.message).toBe('YEAR_PART: rad 2: perioden slutter før den starter.');
    expect(error.reason.en).toBe('YEAR_PART: row 2: the period ends before it starts.');
  });

  it('throws on an invalid amount, naming the row', () => {
    expect(() => yearPart(col(100, 'ca. 5000'), col('2025-01', '2025-01'), col('', ''), 2025)).toThrow(
      /^YEAR_PART: rad 2 i beløpene: /,
    );
  });

  it.each([['tjuefemten'], [2025.5], ['2025-08']])('throws when the year is %j', (year) => {
    expect(() => yearPart(100, '2025-01', '2025-12', year)).toThrow(/^YEAR_PART: «.*» er ikke et årstall\.$/);
  });

  it.each([[''], [null], ['  ']])(
    'throws on a blank year %j instead of answering 0 for every row',
    (year) => {
      expect(() => yearPart(100, '2025-01', '2025-12', year)).toThrow(/^YEAR_PART: «» er ikke et årstall\.$/);
    },
  );

  describe('property', () => {
    const periods = fc.record({
      startYear: fc.integer({ min: 2000, max: 2090 }),
      startMonth: fc.integer({ min: 1, max: 12 }),
      months: fc.integer({ min: 1, max: 72 }),
    });
    const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

    it('the parts over all years of the period sum to the amount', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e10 }), fc.boolean(), periods, (amount, asText, p) => {
          const end = p.startYear * 12 + p.startMonth - 1 + p.months - 1;
          const endYear = Math.floor(end / 12);
          const from = ym(p.startYear, p.startMonth);
          const to = ym(endYear, (end % 12) + 1);
          const cell = asText ? `kr ${amount}` : amount;
          let sum = 0;
          for (let year = p.startYear; year <= endYear; year++) {
            const part = yearPart(cell, from, to, year) as number;
            expect(Number.isInteger(part)).toBe(true);
            sum += part;
          }
          expect(sum).toBe(amount);
          expect(yearPart(cell, from, to, p.startYear - 1)).toBe(0);
          expect(yearPart(cell, from, to, endYear + 1)).toBe(0);
        }),
        { numRuns: 500 },
      );
    });
  });
});
