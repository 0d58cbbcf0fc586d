import { loadBundle } from './sandbox';

describe('custom functions in the sandbox (custom-function mode: no writes, no authorised services)', () => {
  const sb = loadBundle();
  const column = <T>(xs: T[]) => xs.map((x) => [x]);

  it('ALLOCATION_SHARE takes whole ranges, Norwegian amounts and blank rows', () => {
    const amounts = column(['1 060 000 kr', 625_000, '', '939 829']);
    const categories = column(['Innovasjon/prosjekt', 'Innovasjon/prosjekt', '', 'Administrasjon']);
    const share = sb.callAsCustomFunction<number>('ALLOCATION_SHARE', amounts, categories, 'Administrasjon');
    expect(share).toBeCloseTo(939_829 / 2_624_829, 10);
    const shares = sb.callAsCustomFunction<number[][]>(
      'ALLOCATION_SHARE',
      amounts,
      categories,
      column(['Innovasjon/prosjekt', 'Administrasjon', 'Samdrift/tiltak']),
      9_160_000,
    );
    expect(shares.map((r) => Math.round(r[0]! * 10000) / 10000)).toEqual([0.184, 0.1026, 0]);
  });

  it('ALLOCATION_SHARE explains mismatched ranges', () => {
    expect(() => sb.callAsCustomFunction('ALLOCATION_SHARE', column([1, 2]), column(['a']), 'a')).toThrow(
      /beløpene har 2 celler, men kategoriene har 1/,
    );
  });

  it('YEAR_PART and NOK work on columns', () => {
    const parts = sb.callAsCustomFunction<unknown[][]>(
      'YEAR_PART',
      column([1_060_000, 625_000, '']),
      column(['2025-08', '2025-08', '']),
      column(['2026-07', '2025-12', '']),
      2025,
    );
    expect(parts).toEqual([[441_667], [625_000], ['']]);
    expect(sb.callAsCustomFunction('NOK', [['kr 1.060.000,-', '9,16 mill.']])).toEqual([
      [1_060_000, 9_160_000],
    ]);
  });

  it('YEAR_PART reads date cells by the calendar day in the script time zone (Oslo midnight)', () => {
    // Sheets hands a date cell over as its midnight in Europe/Oslo: 1.8.2025 00:00 is 31.7.2025 22:00 UTC.
    const aug = new Date(Date.UTC(2025, 6, 31, 22));
    const jul = new Date(Date.UTC(2026, 5, 30, 22));
    const parts = sb.callAsCustomFunction<unknown[][]>('YEAR_PART', [[1_200_000]], [[aug]], [[jul]], 2025);
    expect(parts).toEqual([[500_000]]);
  });

  it('KEY_REMAINING gives what is left of a category key, negative when it is exceeded', () => {
    const amounts = column([939_829, 1_060_000]);
    const categories = column(['Administrasjon', 'Innovasjon/prosjekt']);
    expect(sb.callAsCustomFunction('KEY_REMAINING', amounts, categories, 'Administrasjon', 9_160_000)).toBe(
      -481_829,
    );
    expect(sb.callAsCustomFunction('KEY_REMAINING', amounts, categories, 'innovasjon', 9_160_000)).toBe(
      6_268_000,
    );
    expect(sb.callAsCustomFunction('KEY_REMAINING', amounts, categories, 'Annet', '9,16 mill.', 0.1)).toBe(
      916_000,
    );
    expect(() => sb.callAsCustomFunction('KEY_REMAINING', amounts, categories, 'Annet', 9_160_000)).toThrow(
      /oppgi nøkkelandelen/,
    );
  });

  it('POSITION_HOURS, POSITION_COST and HOURS_COST price the seed estimate on ranges, with no service call', () => {
    sb.calls.reset();
    expect(sb.callAsCustomFunction('POSITION_HOURS', column([0.2, '1,6', '']), column([12, 6, 6]))).toEqual([
      [336],
      [1344],
      [''],
    ]);
    expect(
      sb.callAsCustomFunction('HOURS_COST', sb.callAsCustomFunction('POSITION_HOURS', 1.4, 7), 505),
    ).toBe(692_860);
    expect(sb.callAsCustomFunction('POSITION_COST', 1.6, '850 000', 6)).toBe(680_000);
    expect(() => sb.callAsCustomFunction('HOURS_COST', column([1, 2]), column([1]))).toThrow(
      /like store områder/,
    );
    expect(sb.calls.total()).toBe(0);
  });

  // Its speed (target < 50 ms) is measured by `npm run bench`, never asserted here.
  it('ALLOCATION_SHARE over 10 000 rows makes no service call', () => {
    const amounts = column(
      Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `kr ${i * 1000},-` : i * 1000)),
    );
    const categories = column(
      Array.from({ length: 10_000 }, (_, i) => ['Innovasjon/prosjekt', 'adm', 'tiltak'][i % 3]),
    );
    sb.callAsCustomFunction('ALLOCATION_SHARE', amounts, categories, 'Administrasjon'); // warm-up
    sb.calls.reset();
    const shares = sb.callAsCustomFunction(
      'ALLOCATION_SHARE',
      amounts,
      categories,
      column(['Administrasjon', 'Samdrift/tiltak']),
    );
    expect(shares).toHaveLength(2);
    expect(sb.calls.total()).toBe(0);
  });
});

describe('dates in custom functions', () => {
  it("YEAR_PART reads a date cell's day in the spreadsheet's time zone, not the script's", () => {
    // Midnight of 1 Aug 2025 in Auckland is still 31 July in Oslo, the script's zone.
    const sb = loadBundle({ timeZone: 'Pacific/Auckland', scriptTimeZone: 'Europe/Oslo' });
    const aug = new Date(Date.UTC(2025, 6, 31, 12));
    const jul = new Date(Date.UTC(2026, 6, 30, 12)); // 31 July 2026 in Auckland
    expect(sb.callAsCustomFunction('YEAR_PART', [[1_200_000]], [[aug]], [[jul]], 2025)).toEqual([[500_000]]);
    expect(sb.calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(2); // once per range with dates
  });
});

describe('dates without Intl time-zone data', () => {
  it('fall back to Utilities.formatDate and give the same calendar day', () => {
    const sb = loadBundle();
    // A runtime whose Intl cannot format in a time zone: constructing the formatter throws.
    (sb.context as unknown as { Intl: unknown }).Intl = {
      DateTimeFormat: function () {
        throw new RangeError('Invalid time zone specified: Europe/Oslo');
      },
    };
    const aug = new Date(Date.UTC(2025, 6, 31, 22));
    const jul = new Date(Date.UTC(2026, 5, 30, 22));
    expect(sb.callAsCustomFunction('YEAR_PART', [[1_200_000]], [[aug]], [[jul]], 2025)).toEqual([[500_000]]);
    expect(sb.calls.count('Utilities.formatDate')).toBe(2);
  });
});
