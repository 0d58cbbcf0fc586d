import fc from 'fast-check';
import { formatMoney, parseMoney } from '../../../src/core/parse/money';
import type { Parsed } from '../../../src/core/base/result';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const MINUS = '\u2212';

function value(parsed: Parsed<number>): number {
  if (!parsed.ok) throw new Error(`expected a value, got: ${parsed.reason.en}`);
  return parsed.value;
}

describe('parseMoney', () => {
  it.each([
    ['1 060 000', 1_060_000],
    [`1${NBSP}060${NBSP}000`, 1_060_000],
    [`1${NNBSP}060${NNBSP}000`, 1_060_000],
    ['1.060.000', 1_060_000],
    ['1060000', 1_060_000],
    ['  1060000  ', 1_060_000],
    ['kr 1 060 000,-', 1_060_000],
    ['kr 1 060 000,–', 1_060_000],
    ['kr. 1.060.000', 1_060_000],
    ['kr. 1.060.000,–', 1_060_000],
    ['500 kr', 500],
    ['500 kroner', 500],
    ['NOK 500', 500],
    ['9,16 mill.', 9_160_000],
    ['1,2 mill', 1_200_000],
    ['9.160 mill.', 9_160_000],
    [`${MINUS}500`, -500],
    ['-500', -500],
    ['-kr 500', -500],
    ['1 060 000,50', 1_060_000.5],
    ['1 060 000,5', 1_060_000.5],
    ['0,05', 0.05],
  ])('reads %j as %d', (text, expected) => {
    expect(value(parseMoney(text))).toBe(expected);
  });

  it.each([0, 42, -500, 1_060_000, 1_060_000.5])('passes the number %d straight through', (n) => {
    expect(parseMoney(n)).toEqual({ ok: true, value: n });
  });

  it.each([NaN, Infinity, -Infinity])('rejects the number %d', (n) => {
    const parsed = parseMoney(n);
    expect(parsed.ok).toBe(false);
  });

  it('rejects the [Beløp] placeholder with a reason saying it is a placeholder', () => {
    const parsed = parseMoney('[Beløp]');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason.nb).toContain('plassholder');
    expect(parsed.reason.nb).toContain('[Beløp]');
    expect(parsed.reason.en).toContain('placeholder');
  });

  it.each(['abc', '1.5.5', '12 34', '', '   ', '1 0600 000', 'kr'])(
    'rejects %j with a reason in nb and en',
    (text) => {
      const parsed = parseMoney(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.reason.nb).toMatch(/beløp/);
      expect(parsed.reason.en).toMatch(/amount/);
    },
  );

  it.each(['--500', `${MINUS}-500`, '-kr -500'])(
    'rejects the doubled minus in %j instead of reading +500',
    (text) => {
      expect(parseMoney(text).ok).toBe(false);
    },
  );

  it.each([null, undefined, {}, true])('rejects the non-text cell %p', (cell) => {
    expect(parseMoney(cell).ok).toBe(false);
  });
});

describe('formatMoney', () => {
  it.each([
    [1_060_000, true, `1${NBSP}060${NBSP}000${NBSP}kr`],
    [1_060_000, false, `1${NBSP}060${NBSP}000`],
    [-1_060_000, true, `${MINUS}1${NBSP}060${NBSP}000${NBSP}kr`],
    [1.5, true, `1,50${NBSP}kr`],
    [1_060_000.5, false, `1${NBSP}060${NBSP}000,50`],
    [0, true, `0${NBSP}kr`],
    [999, false, '999'],
    [1000, false, `1${NBSP}000`],
  ])('formats %d (unit %p) as %j', (n, unit, expected) => {
    expect(formatMoney(n, unit)).toBe(expected);
  });

  it('never writes a minus for an amount that rounds to zero', () => {
    expect(formatMoney(-0.001)).toBe(`0${NBSP}kr`);
  });
});

describe('parseMoney ∘ formatMoney', () => {
  const integers = fc.integer({ min: -1e10, max: 1e10 });

  it('reads back every whole-kroner amount it formats (with the unit)', () => {
    fc.assert(
      fc.property(integers, (n) => {
        const parsed = parseMoney(formatMoney(n));
        return parsed.ok && parsed.value === n;
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back every whole-kroner amount it formats (without the unit)', () => {
    fc.assert(
      fc.property(integers, (n) => {
        const parsed = parseMoney(formatMoney(n, false));
        return parsed.ok && parsed.value === n;
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back amounts with øre', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ore) => {
        const parsed = parseMoney(formatMoney(ore / 100));
        return parsed.ok && Math.round(parsed.value * 100) === ore;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseMoney throughput', () => {
  const realistic = [
    '1 060 000',
    `1${NBSP}060${NBSP}000`,
    'kr 1 060 000,-',
    'kr. 1.060.000,–',
    '500 kr',
    'NOK 500',
    '9,16 mill.',
    `${MINUS}500`,
    '1 060 000,50',
    '[Beløp]',
    '1060000',
    'abc',
  ];
  const inputs = Array.from({ length: 1_000_000 }, (_, i) => realistic[i % realistic.length]!);

  // Speed is measured by `npm run bench` (target ≥ 1 000 000 values/s), never asserted here.
  it('parses a million realistic strings, accepting exactly the amounts among them', () => {
    let ok = 0;
    for (const text of inputs) if (parseMoney(text).ok) ok++;
    const good = realistic.filter((t) => parseMoney(t).ok).length;
    expect(good).toBeGreaterThan(0);
    expect(good).toBeLessThan(realistic.length);
    expect(ok).toBe(inputs.filter((t) => parseMoney(t).ok).length);
  });
});
