import { checkWorkbook } from '../../../src/core/check/check';
import {
  acceptanceOf,
  acceptanceWarning,
  paidBeforeAcceptance,
} from '../../../src/core/money-flow/acceptance';
import { ALLOCATIONS, PAYMENTS } from '../../../src/core/workbook/contract';
import { exampleWorkbook } from '../../../src/example/agder';
import { day } from '../builders';

/** The example with one more payment to `caseId` on `date`. */
function paying(caseId: string, date: string) {
  const values = exampleWorkbook();
  const pays = values[PAYMENTS.name]!;
  const header = pays[0] as string[];
  const row = header.map(() => '') as unknown[];
  row[header.indexOf('Saksnr')] = caseId;
  row[header.indexOf('Dato')] = day(date);
  row[header.indexOf('Beløp')] = 10_000;
  pays.push(row);
  return { values, row: pays.length };
}

describe('the grant offer’s acceptance, as the rule and the payment dialog judge it', () => {
  const result = checkWorkbook(exampleWorkbook(), { today: day('2026-01-20') });

  it('is accepted on its day, not accepted, or not judged (no application, no Akseptert column)', () => {
    const p = result.portfolio;
    expect(acceptanceOf(p, '2025-05-001')).toEqual({ accepted: true, on: day('2025-05-27') });
    expect(acceptanceOf(p, '2025-05-002')).toEqual({ accepted: false, on: null });
    expect(acceptanceOf(p, 'ADM-2025')).toBeNull();
    const values = exampleWorkbook();
    const sheet = values[ALLOCATIONS.name]!;
    const at = (sheet[0] as string[]).indexOf('Akseptert');
    for (const r of sheet) r.splice(at, 1);
    const without = checkWorkbook(values, { today: day('2026-01-20') }).portfolio;
    expect(acceptanceOf(without, '2025-05-002')).toBeNull();
  });

  it('warns before a payment the check would flag, in the same cases', () => {
    const cases: Array<[string, string]> = [
      ['2025-05-002', '2025-09-01'], // never accepted
      ['2025-05-001', '2025-05-20'], // before the acceptance on 27 May
      ['2025-05-001', '2025-05-27'], // on the day: fine
      ['ADM-2025', '2025-06-01'], // no offer to accept
    ];
    for (const [caseId, date] of cases) {
      const { values, row } = paying(caseId, date);
      const checked = checkWorkbook(values, { today: day('2026-01-20') });
      const flagged = checked.findings.some(
        (f) =>
          f.rule === 'acceptance-missing' && f.cells.some((c) => c.sheet === 'payments' && c.row === row),
      );
      const a = acceptanceOf(checked.portfolio, caseId);
      expect([caseId, date, paidBeforeAcceptance(a, day(date))]).toEqual([caseId, date, flagged]);
      expect(acceptanceWarning(a, day(date)) !== null).toBe(flagged);
    }
  });

  it('says what the check will say, with the days', () => {
    expect(acceptanceWarning({ accepted: false, on: null }, day('2025-09-01'))!.nb).toBe(
      'Tilsagnet er ikke akseptert («Akseptert» i Tildelinger er tom eller Nei). En utbetaling før aksepten gir varselet «utbetalt før tilsagnet er akseptert» i kontrollen.',
    );
    expect(acceptanceWarning({ accepted: true, on: day('2025-05-27') }, day('2025-05-20'))!.nb).toMatch(
      /^Tilsagnet ble akseptert 27\.05\.2025, etter 20\.05\.2025\. /,
    );
    // Accepted as Ja without a day, or no day to pay on: nothing to compare, nothing to say.
    expect(acceptanceWarning({ accepted: true, on: null }, day('2025-05-20'))).toBeNull();
    expect(acceptanceWarning({ accepted: true, on: day('2025-05-27') }, null)).toBeNull();
  });
});
