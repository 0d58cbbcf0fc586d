import { TilskuddError } from '../../../src/core/base/errors';
import { hoursCost, positionCost, positionHours } from '../../../src/core/money-flow/resources';

/** The secretariat's cost estimate in case 18-2025: its own figures are the tests. */
describe('POSITION_HOURS', () => {
  it('gives 336 hours a year for 20 % of a position, at 1 680 hours a year', () => {
    expect(positionHours(0.2)).toBe(336);
    expect(positionHours('20 %')).toBe(336);
    expect(positionHours('0,2')).toBe(336);
  });

  it('gives 1 344 hours for 1,6 positions (8 people × 20 %) over six months', () => {
    expect(positionHours(8 * 0.2, 6)).toBe(1344);
    expect(positionHours('1,6', 6, '1 680')).toBe(1344);
  });

  it('takes another working year', () => {
    expect(positionHours(1, 12, 1695)).toBe(1695);
  });

  it('gives 34 % of a position for the estimated 577 hours a year, the other way round', () => {
    expect(Math.round((577 / (positionHours(1) as number)) * 100)).toBe(34);
  });
});

describe('HOURS_COST and the memo inconsistency', () => {
  it('prices 7 people × 20 % × 7 months at 1 372 hours and 692 860 kr', () => {
    const hours = positionHours(7 * 0.2, 7) as number;
    expect(hours).toBe(1372);
    expect(hoursCost(hours, 505)).toBe(692_860);
  });

  it('shows that the memo figure of 791 840 kr is 8 people, not 7 (1 568 hours)', () => {
    const memo = 791_840;
    expect(hoursCost(1372, 505)).not.toBe(memo);
    expect(hoursCost(positionHours(8 * 0.2, 7), 505)).toBe(memo);
  });
});

describe('POSITION_COST', () => {
  it('prices 1,6 positions at 850 000 kr before social costs', () => {
    expect(positionCost('1,6', '850.000')).toBe(1_360_000);
    expect(positionCost(1.6, '850 000 kr', 6)).toBe(680_000);
  });

  it('reaches the memo figures incl. social costs (1 879 658 a year, 939 829 for six months) at 38,21 %', () => {
    const rate = 1_879_658 / 1_360_000 - 1;
    expect(positionCost(1.6, 850_000, 12, rate)).toBe(1_879_658);
    expect(positionCost(1.6, 850_000, 6, rate)).toBe(939_829);
    expect(Math.round(rate * 10000) / 100).toBe(38.21);
  });
});

describe('ranges', () => {
  it('answers a range of positions in its shape, single values repeated, blanks blank', () => {
    expect(positionHours([[0.2], [''], ['50 %']], 6)).toEqual([[168], [''], [420]]);
    expect(hoursCost([[10, 20]], [[500, 505]])).toEqual([[5000, 10100]]);
  });

  it('refuses ranges of different sizes and text that is no number, naming the row', () => {
    expect(() => hoursCost([[1], [2]], [[1], [2], [3]])).toThrow(TilskuddError);
    expect(() => hoursCost([[1], [2]], [[1], [2], [3]])).toThrow(
      /HOURS_COST: timeprisen er 3×1 celler, men timene er 2×1/,
    );
    expect(() => positionHours([[0.2], ['mye']])).toThrow(
      /POSITION_HOURS: stillingsandelen \(rad 2\) «mye» er ikke et tall/,
    );
    expect(() => positionCost(1, -5)).toThrow(/årskostnaden/);
  });
});
