import { checkWorkbook } from '../../src/core/check/check';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { exampleWorkbook } from '../../src/example/agder';
import { pairs, TODAY } from '../core/builders';

/** The bundled example (the real cases of SSU case 18-2025) through the whole check. */
describe('the Agder example workbook', () => {
  const result = checkWorkbook(exampleWorkbook(), { today: TODAY });
  const year = (y: number) => result.ledger.years.get(y)!;

  it('reads its own settings sheet back to the defaults', () => {
    expect(result.portfolio.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('counts only 2025 and 2026', () => {
    expect([...result.ledger.years.keys()]).toEqual([2025, 2026]);
  });

  it('summarises 2025: Agdermodellen 5/12, the pre-project, 2/9 of the supplement and the secretariat', () => {
    // 441 667 (5/12 of 1 060 000) + 625 000 + 13 333 (2/9 of 60 000) innovation; 939 829 administration.
    expect(year(2025)).toMatchObject({
      frame: 9_160_000,
      allocated: 2_019_829,
      remaining: 9_160_000 - 2_019_829,
      uncategorised: 0,
    });
    expect(year(2025).categories.innovation.amount).toBe(441_667 + 625_000 + 13_333);
    expect(year(2025).categories.administration.amount).toBe(939_829);
    expect(year(2025).categories.administration.keyAmount).toBe(458_000);
    expect(year(2025).categories.operations.amount).toBe(0);
  });

  it('summarises 2026: the rest of Agdermodellen and of the supplement', () => {
    expect(year(2026)).toMatchObject({ frame: 9_160_000, allocated: 665_000, remaining: 8_495_000 });
    expect(year(2026).categories.innovation.amount).toBe(618_333 + 46_667);
    expect(year(2026).categories.administration.amount).toBe(0);
  });

  it('finds the placeholders, the missing agreements and contributions, the administration key and the unreported supplement', () => {
    expect(pairs(result.findings)).toEqual([
      // Both applications name a group of municipalities, and Avtaleparter names no one yet.
      ['agreement-parties-unnamed', '2025-05-001'],
      ['agreement-parties-unnamed', '2025-05-002'],
      ['budget-incomplete', '2025-05-002'],
      ['budget-incomplete', '2025-05-002'],
      ['budget-incomplete', '2025-05-002'],
      ['contract-missing', '2025-05-001'],
      ['contract-missing', '2025-05-002'],
      // For information: green economy lights in the reports, red from the illustrative payments.
      ['economy-light-differs', '2025-05-001'],
      ['economy-light-differs', '2025-05-002'],
      // Illustrative follow-up (src/example/follow-up.ts): Agdermodellen's final report was due 30
      // September 2026 and its May 2026 report is red on risk.
      ['final-report-overdue', '2025-05-001'],
      ['key-exceeded', '2025'],
      // The board's own plan repeats goal 1.1's wording as goal 1.3.
      ['measure-text-duplicate', '1.3'],
      ['overspent', 'ADM-2025'],
      ['own-contribution-missing', '2025-05-001'],
      ['own-contribution-missing', '2025-05-002'],
      ['payment-outside-period', 'ADM-2025'],
      ['payment-without-contract', '2025-05-001'],
      ['payment-without-grant', 'ADM-2026'],
      ['status-red', '2025-05-001'],
      ['supplement-not-reported', '2025-05-001'],
      ['unused-funds', '2025-05-001'],
      ['unused-funds', '2025-05-002'],
    ]);
  });

  it('points the [Beløp] findings at the three phase 2 budget lines', () => {
    const placeholders = result.findings.filter((f) => f.rule === 'budget-incomplete');
    expect(placeholders.flatMap((f) => f.cells)).toEqual(
      [4, 5, 6].map((row) => ({ sheet: 'budget', row, field: 'amount' })),
    );
    expect(placeholders.every((f) => f.message.nb.includes('«[Beløp]» er en plassholder'))).toBe(true);
  });

  it('flags the administration key of 2025 with the memo figures', () => {
    const key = result.findings.find((f) => f.rule === 'key-exceeded')!;
    expect(key.severity).toBe('warning');
    expect(key.message.nb).toContain('Administrasjon har fått 939\u00a0829\u00a0kr (10,3 % av rammen)');
    expect(key.message.nb).toContain('over nøkkelen på 5 % (458\u00a0000\u00a0kr)');
  });

  it('has no errors beyond the budget placeholders and the illustrative payments', () => {
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(
      errors.every(
        (f) => f.rule === 'budget-incomplete' || f.cells[0]?.sheet === 'payments' || f.ref.startsWith('ADM'),
      ),
    ).toBe(true);
  });

  it('follows up the economy: half of Agdermodellen paid, the pre-project not at all, the secretariat overpaid', () => {
    const e = (id: string) => result.economy.projects.get(id)!;
    expect(e('2025-05-001')).toMatchObject({
      allocated: 1_120_000,
      paid: 560_000,
      remaining: 560_000,
      light: 'red',
    });
    expect(e('2025-05-002')).toMatchObject({ allocated: 625_000, paid: 0, remaining: 625_000 });
    expect(e('ADM-2025')).toMatchObject({
      allocated: 939_829,
      paid: 959_829,
      remaining: -20_000,
      light: 'red',
    });
    expect(result.economy.years.map((y) => [y.year, y.allocated, y.paid])).toEqual([
      [2025, 2_019_829, 455_000 + 959_829],
      [2026, 665_000, 105_000 + 50_000],
    ]);
  });
});
