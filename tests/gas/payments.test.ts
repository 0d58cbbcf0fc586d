import type { PaymentDone, PaymentView, Result } from '../../src/seam/api';
import { APPLICATIONS, PAYMENTS } from '../../src/core/workbook/contract';
import { exampleWorkbook } from '../../src/example/agder';
import { deskWith, sheetCalls } from './desk-helpers';

/**
 * The payment dialog's endpoints on the built bundle: what it shows, what it writes (Utbetalinger,
 * Tildelinger, Logg, under the lock), and every refusal writing nothing. "Today" is 1 December 2026, after
 * the example's deadlines, so the unused money is due for withdrawal.
 */
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r.value;
};

/** A date cell as the calendar day in Oslo (the spreadsheet's zone). */
const dayOf = (cell: unknown) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(cell as Date);

const AFTER_DEADLINES = { now: Date.UTC(2026, 11, 1, 9) };

const col = (header: string) => APPLICATIONS.fields.findIndex((f) => f.header === header);

/** The example with Agdermodellen's written agreement signed 1 August 2025 (illustrative). */
function signed(): Record<string, unknown[][]> {
  const values = exampleWorkbook();
  values['Søknader']![1]![col('Samarbeidsavtale')] = new Date(Date.UTC(2025, 7, 1));
  return values;
}

const request = (overrides: Record<string, unknown> = {}) => ({
  caseId: '2025-05-001',
  kind: 'payment',
  amount: '100 000',
  date: '2026-01-10',
  voucher: 'Bilag 9',
  item: '',
  ...overrides,
});

describe('the payment dialog', () => {
  it('lists the granted projects with allocated, paid, left and agreement, and the withdrawals due', () => {
    const sb = deskWith(signed(), AFTER_DEADLINES);
    const v = ok(sb.call<Result<PaymentView>>('paymentLoad'));
    expect(v.projects.map((p) => [p.caseId, p.allocated, p.paid, p.left, p.contract])).toEqual([
      ['2025-05-001', 1_120_000, 560_000, 560_000, true],
      ['2025-05-002', 625_000, 0, 625_000, false],
      ['ADM-2025', 939_829, 959_829, -20_000, true],
    ]);
    expect(v.projects[0]!.contractSigned).toBe('2025-08-01');
    expect(v.projects[0]!.items).toEqual(['Drifts- og lønnskostnader, ett år (202508–202607)']);
    expect(v.withdrawals.map((w) => [w.caseId, w.amount, w.rows])).toEqual([
      ['2025-05-001', 560_000, [{ year: 2026, amount: 560_000 }]],
      ['2025-05-002', 625_000, [{ year: 2025, amount: 625_000 }]],
    ]);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('warns before and after a payment on a grant offer not accepted, and registers it even so', () => {
    const values = signed();
    // The data centre's agreement signed too; its offer has no acceptance in «Akseptert».
    values['Søknader']![2]![col('Samarbeidsavtale')] = new Date(Date.UTC(2025, 7, 1));
    const sb = deskWith(values, AFTER_DEADLINES);
    const v = ok(sb.call<Result<PaymentView>>('paymentLoad'));
    // What the dialog judges by, before anything is registered: the rule's own view of the acceptance.
    expect(v.projects.map((p) => [p.caseId, p.acceptance])).toEqual([
      ['2025-05-001', { accepted: true, on: '2025-05-27' }],
      ['2025-05-002', { accepted: false, on: null }],
      ['ADM-2025', null], // the secretariat's own cost: no offer to accept
    ]);
    const done = ok(
      sb.call<Result<PaymentDone>>('paymentRegister', request({ caseId: '2025-05-002', date: '2025-09-01' })),
    );
    expect(done.message).toBe(
      'Utbetaling på 100\u00a0000\u00a0kr registrert for 2025-05-002. Gjenstår: 525\u00a0000\u00a0kr. Tilsagnet er ikke akseptert («Akseptert» i Tildelinger er tom eller Nei). En utbetaling før aksepten gir varselet «utbetalt før tilsagnet er akseptert» i kontrollen.',
    );
    expect(sb.spreadsheet.sheetData('Utbetalinger').values.at(-1)![0]).toBe('2025-05-002');
  });

  it('registers a payment in Utbetalinger and Logg under the lock, and says what is left', () => {
    const sb = deskWith(signed(), AFTER_DEADLINES);
    const done = ok(sb.call<Result<PaymentDone>>('paymentRegister', request({ amount: 'kr 100.000,-' })));
    expect(done).toMatchObject({ caseId: '2025-05-001', amount: 100_000, left: 460_000 });
    expect(done.message).toBe(
      'Utbetaling på 100\u00a0000\u00a0kr registrert for 2025-05-001. Gjenstår: 460\u00a0000\u00a0kr.',
    );
    const row = sb.spreadsheet.sheetData('Utbetalinger').values.at(-1)!;
    // Sheets reads the ISO text as a date (as typing does): the day shown is the one asked for.
    expect(dayOf(row[1])).toBe('2026-01-10');
    expect([row[0], ...row.slice(2)]).toEqual(['2025-05-001', 100_000, 'Utbetaling', '', 'Bilag 9', '']);
    expect(sb.spreadsheet.sheetData('Logg').values.at(-1)).toEqual(
      expect.arrayContaining(['Utbetaling', '2025-05-001']),
    );
    expect(sb.calls.count('LockService.getDocumentLock')).toBe(1);
    expect(sb.calls.count('Lock.releaseLock')).toBe(1);
    // The new row counts: the next load shows it.
    const v = ok(sb.call<Result<PaymentView>>('paymentLoad'));
    expect(v.projects[0]).toMatchObject({ paid: 660_000, left: 460_000 });
  });

  it('registers a refund, with a budget post, and a voucher that looks like a formula stays text', () => {
    const sb = deskWith(signed(), AFTER_DEADLINES);
    const done = ok(
      sb.call<Result<PaymentDone>>(
        'paymentRegister',
        request({
          kind: 'refund',
          amount: '60 000',
          item: 'Drifts- og lønnskostnader, ett år (202508–202607)',
          voucher: '=HYPERLINK("http://x.example";"klikk")',
        }),
      ),
    );
    expect(done).toMatchObject({ amount: 60_000, left: 620_000 });
    expect(done.message).toMatch(/^Tilbakebetaling på 60/);
    const row = sb.spreadsheet.sheetData('Utbetalinger').values.at(-1)!;
    expect(row[3]).toBe('Tilbakebetaling');
    expect(row[4]).toBe('Drifts- og lønnskostnader, ett år (202508–202607)');
    const sheet = sb.spreadsheet.sheetData('Utbetalinger');
    expect(row[5]).toBe('=HYPERLINK("http://x.example";"klikk")');
    expect(sheet.formulas.at(-1)![5]).toBe('');
  });

  it('creates Utbetalinger with its header when the workbook has none', () => {
    const values = signed();
    delete values[PAYMENTS.name];
    const sb = deskWith(values, AFTER_DEADLINES);
    ok(sb.call<Result<PaymentDone>>('paymentRegister', request()));
    const rows = sb.spreadsheet.sheetData('Utbetalinger').values;
    expect(rows[0]).toEqual(PAYMENTS.fields.map((f) => f.header));
    expect(dayOf(rows[1]![1])).toBe('2026-01-10');
    expect([rows[1]![0], rows[1]![2], rows[1]![3]]).toEqual(['2025-05-001', 100_000, 'Utbetaling']);
  });

  it.each([
    ['without a written agreement', { caseId: '2025-05-002' }, /ingen skriftlig samarbeidsavtale/],
    [
      'dated before the agreement was signed',
      { date: '2025-07-31' },
      /før samarbeidsavtalen ble signert \(01\.08\.2025\)/,
    ],
    [
      'over what is left',
      { amount: '560 001' },
      /mer enn det som gjenstår: tildelt 1\u00a0120\u00a0000\u00a0kr, utbetalt 560\u00a0000\u00a0kr/,
    ],
    ['a refund over what was paid', { kind: 'refund', amount: '600 000' }, /mer enn det som er utbetalt/],
    ['to a case without a grant', { caseId: '2099-01-001' }, /ingen ordinær tildeling/],
    ['with an amount that is not one', { amount: 'mye' }, /Beløpet «mye» er ikke et beløp/],
    ['with a zero amount', { amount: '0' }, /større enn 0/],
    ['with a date that is not one', { date: '31.02.2026' }, /Datoen: «31\.02\.2026» er ikke en dato/],
    ['with a post not in its budget', { item: 'Reise' }, /«Reise» er ingen post i Budsjett/],
  ])('refuses a payment %s, with the reason, writing nothing', (_what, overrides, message) => {
    const sb = deskWith(signed(), AFTER_DEADLINES);
    const r = sb.call('paymentRegister', request(overrides));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(message) });
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('refuses while a payment row of the case cannot be read', () => {
    const values = signed();
    values[PAYMENTS.name]!.push(['2025-05-001', '', '[Beløp]', '', '', '', '']);
    const sb = deskWith(values, AFTER_DEADLINES);
    const r = sb.call('paymentRegister', request());
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/Utbetalinger rad 7 for sak «2025-05-001» kan ikke leses/),
    });
  });

  it.each([
    ['a kind it does not know', { kind: 'gift' }],
    ['a number for the amount', { amount: 5000 }],
    ['no case', { caseId: undefined }],
  ])('re-validates its arguments: %s', (_what, overrides) => {
    const sb = deskWith(signed(), AFTER_DEADLINES);
    const r = sb.call<Result<unknown>>('paymentRegister', request(overrides));
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/Ugyldig forespørsel/) });
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('says the workbook is busy while another execution holds the lock, and writes nothing', () => {
    const sb = deskWith(signed(), AFTER_DEADLINES);
    sb.fakes.LockService.holdFor('document', 'another-execution');
    expect(sb.call('paymentRegister', request())).toEqual({
      ok: false,
      error: expect.stringMatching(/opptatt/),
    });
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('refuses a reader (money is the secretariat’s)', () => {
    const sb = deskWith(signed(), { ...AFTER_DEADLINES, activeUser: 'leser@example.no' });
    expect(sb.call('paymentRegister', request())).toEqual({
      ok: false,
      error: expect.stringMatching(/gir lov/),
    });
    expect(sb.call('withdrawalRegister', '2025-05-002')).toEqual({
      ok: false,
      error: expect.stringMatching(/gir lov/),
    });
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('makes as many Spreadsheet calls with 2 000 payment rows as with 5', () => {
    const small = deskWith(signed(), AFTER_DEADLINES);
    ok(small.call<Result<PaymentDone>>('paymentRegister', request({ amount: '1' })));
    const values = signed();
    for (let i = 0; i < 2000; i++)
      values[PAYMENTS.name]!.push([
        'ADM-2025',
        new Date(Date.UTC(2025, 5, 1)),
        1,
        'Tilbakebetaling',
        '',
        `B${i}`,
        '',
      ]);
    const big = deskWith(values, AFTER_DEADLINES);
    ok(big.call<Result<PaymentDone>>('paymentRegister', request({ amount: '1' })));
    expect(sheetCalls(big)).toBe(sheetCalls(small));
  });
});

describe('Inndragning', () => {
  it('withdraws the unused money per budget year in Tildelinger, logs it, and frees the frame', () => {
    const sb = deskWith(signed(), AFTER_DEADLINES);
    const done = ok(sb.call<Result<PaymentDone>>('withdrawalRegister', '2025-05-002'));
    expect(done.amount).toBe(625_000);
    expect(done.message).toMatch(
      /^Inndragning på 625\u00a0000\u00a0kr registrert for 2025-05-002 i Tildelinger \(1 rad\)/,
    );
    const row = sb.spreadsheet.sheetData('Tildelinger').values.at(-1)!;
    expect(row).toEqual(
      expect.arrayContaining(['2025-05-002', 'Inndragning', 'Innovasjon/prosjekt', 625_000, '2025-12']),
    );
    expect(sb.spreadsheet.sheetData('Logg').values.at(-1)).toEqual(
      expect.arrayContaining(['Inndragning', '2025-05-002']),
    );
    const v = ok(sb.call<Result<PaymentView>>('paymentLoad'));
    expect(v.withdrawals.map((w) => w.caseId)).toEqual(['2025-05-001']);
    expect(v.projects.find((p) => p.caseId === '2025-05-002')).toMatchObject({ allocated: 0, left: 0 });
    sb.call('checkPortfolio');
    const rules = sb.spreadsheet.sheetData('Avvik').values.map((r) => `${r[0]} ${r[2]}`);
    expect(rules).not.toContain('unused-funds 2025-05-002');
    expect(rules).not.toContain('withdrawal-over-remaining 2025-05-002');
    expect(rules).toContain('unused-funds 2025-05-001');
  });

  it('refuses a second withdrawal, and one for a project with nothing unused', () => {
    const sb = deskWith(signed(), AFTER_DEADLINES);
    ok(sb.call<Result<PaymentDone>>('withdrawalRegister', '2025-05-002'));
    sb.calls.reset();
    expect(sb.call('withdrawalRegister', '2025-05-002')).toEqual({
      ok: false,
      error: expect.stringMatching(/ingen ubrukte midler/),
    });
    expect(sb.call('withdrawalRegister', 'ADM-2025')).toEqual({
      ok: false,
      error: expect.stringMatching(/ingen ubrukte midler/),
    });
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });
});
