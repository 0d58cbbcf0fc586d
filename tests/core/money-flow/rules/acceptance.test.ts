import { ALLOCATIONS } from '../../../../src/core/workbook/contract';
import { check, book, findingsOf, payment, workbookValues, TODAY, type AllocationRow } from '../../builders';
import { checkWorkbook } from '../../../../src/core/check/check';
import { memoOf } from '../../../../src/core/check/rules';

/** The valid book with one payment on 2025-09-01 and the ordinary allocation's `Akseptert` as given. */
const paidWith = (accepted: unknown, extra: AllocationRow[] = []) =>
  findingsOf(
    check(
      book((b) => {
        b.allocations = [{ ...b.allocations[0]!, accepted }, ...extra];
        b.payments = [payment()];
      }),
    ),
    'acceptance-missing',
  );

describe('acceptance-missing', () => {
  test('fires on a payment when no acceptance is recorded (blank or Nei), pointing at the payment', () => {
    for (const accepted of ['', 'Nei']) {
      const [f, ...more] = paidWith(accepted);
      expect(more).toHaveLength(0);
      expect(f!.severity).toBe('warning');
      expect(f!.cells).toEqual([{ sheet: 'payments', row: 2, field: 'caseId' }]);
      expect(f!.message.nb).toContain(
        'utbetalt før tilsagnet er akseptert («Akseptert» i Tildelinger er tom eller Nei). Før inn datoen',
      );
      expect(f!.message.en).toContain('paid before the grant offer was accepted');
      expect(f!.fact.nb).toMatch(/^Det er utbetalt 200\s000\skr før tilsagnet er akseptert\.$/);
    }
  });

  test('fires when the payment is dated before the acceptance, naming both days', () => {
    const [f] = paidWith('15.09.2025');
    expect(f!.cells).toEqual([{ sheet: 'payments', row: 2, field: 'date' }]);
    expect(f!.message.nb).toContain(
      'utbetalt 01.09.2025, før tilsagnet ble akseptert 15.09.2025. Rett datoen',
    );
    expect(f!.message.en).toContain('before the grant offer was accepted on 2025-09-15');
  });

  test('silent when accepted on or before the payment day, or Ja without a day', () => {
    expect(paidWith('2025-06-20')).toHaveLength(0);
    expect(paidWith('01.09.2025')).toHaveLength(0);
    expect(paidWith('Ja')).toHaveLength(0);
    // A second ordinary row that is accepted counts for the case.
    expect(paidWith('', [{ ...book().allocations[0]!, accepted: '2025-08-01', amount: 1000 }])).toHaveLength(
      0,
    );
  });

  test('silent without the Akseptert column (an older workbook), without payments, and for refunds', () => {
    const values = workbookValues(book((b) => (b.payments = [payment()])));
    const sheet = values[ALLOCATIONS.name] as unknown[][];
    const col = (sheet[0] as string[]).indexOf('Akseptert');
    expect(col).toBeGreaterThan(-1);
    values[ALLOCATIONS.name] = sheet.map((r) => r.filter((_, i) => i !== col));
    const blank = values[ALLOCATIONS.name] as unknown[][];
    expect(blank[0]).not.toContain('Akseptert');
    expect(findingsOf(checkWorkbook(values, { today: TODAY }), 'acceptance-missing')).toHaveLength(0);
    expect(
      findingsOf(check(book((b) => (b.allocations[0]!.accepted = ''))), 'acceptance-missing'),
    ).toHaveLength(0);
    const refund = book((b) => {
      b.allocations[0]!.accepted = '';
      b.payments = [payment(), payment({ kind: 'Tilbakebetaling', amount: '10 000' })];
    });
    expect(findingsOf(check(refund), 'acceptance-missing')).toHaveLength(1);
  });

  test('is a money rule the memo does not show', () => {
    expect(memoOf('acceptance-missing')).toBe('none');
  });
});
