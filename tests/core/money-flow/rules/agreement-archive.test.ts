import { AGREEMENT_PARTIES } from '../../../../src/core/workbook/contract';
import { checkWorkbook } from '../../../../src/core/check/check';
import { sheetRows } from '../../../../src/example/agder';
import { CASE_ID, TODAY, book, findingsOf, payment, workbookValues } from '../../builders';

const withParties = (parties: Array<Record<string, unknown>>, paid = true) => {
  const values = {
    ...workbookValues(
      book((b) => {
        if (paid) b.payments = [payment()];
      }),
    ),
    [AGREEMENT_PARTIES.name]: sheetRows(AGREEMENT_PARTIES, parties),
  };
  return findingsOf(checkWorkbook(values, { today: TODAY }), 'agreement-archive-missing');
};

const HOSPITAL = {
  caseId: CASE_ID,
  party: 'Sørlandet sykehus HF',
  archiveRef: '2025/88-3',
  signed: '2025-08-20',
};

describe('agreement-archive-missing', () => {
  test('fires on a payment while a party has not signed or has no archive reference, naming both', () => {
    const [f, ...more] = withParties([
      HOSPITAL,
      { caseId: CASE_ID, party: 'Arendal kommune', archiveRef: '', signed: 'Ja' },
      { caseId: CASE_ID, party: 'Grimstad kommune', archiveRef: '25/1234', signed: 'Nei' },
    ]);
    expect(more).toHaveLength(0);
    expect(f!.severity).toBe('warning');
    expect(f!.cells).toEqual([{ sheet: 'payments', row: 2, field: 'caseId' }]);
    expect(f!.message.nb).toContain('ikke signert av Grimstad kommune');
    expect(f!.message.nb).toContain('uten arkivreferanse hos Arendal kommune');
    expect(f!.message.en).toContain('not signed by Grimstad kommune');
  });

  test('silent when every party signed and gave its reference, without payments, or without the sheet', () => {
    const all = [HOSPITAL, { caseId: CASE_ID, party: 'Arendal kommune', archiveRef: '25/7', signed: 'Ja' }];
    expect(withParties(all)).toHaveLength(0);
    expect(withParties([{ ...HOSPITAL, signed: 'Nei' }], false)).toHaveLength(0);
    // Another case's unsigned party does not hold this one's payment.
    expect(withParties([HOSPITAL, { ...HOSPITAL, caseId: '2025-05-099', signed: '' }])).toHaveLength(0);
    const noSheet = checkWorkbook(workbookValues(book((b) => (b.payments = [payment()]))), { today: TODAY });
    expect(findingsOf(noSheet, 'agreement-archive-missing')).toHaveLength(0);
  });
});
