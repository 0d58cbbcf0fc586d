import { isFigure } from '../../src/cli/docx';
import { formatMoney } from '../../src/core/parse/money';

describe('isFigure: the cells a .docx table sets right-aligned', () => {
  it('takes amounts as formatMoney writes them, with and without the unit, and shares', () => {
    expect(isFigure(formatMoney(1_060_000))).toBe(true);
    expect(isFigure(formatMoney(1_060_000, false))).toBe(true);
    expect(isFigure(formatMoney(-481_829))).toBe(true);
    expect(isFigure('10,3 %')).toBe(true);
  });

  it('leaves words, case ids and dates as text', () => {
    expect(isFigure('Innvilges 900 000 kr')).toBe(false);
    expect(isFigure('2025-05-001')).toBe(false);
    expect(isFigure('09.05.2025')).toBe(false);
  });
});
