import {
  checkPayment,
  checkWithdrawal,
  paymentProjects,
  type PaymentInput,
} from '../../../src/core/money-flow/payment-check';
import { readPortfolio } from '../../../src/core/portfolio/records';
import { CASE_ID, TODAY, allocation, book, workbookValues, type Book } from '../builders';

/** The dialog's core on allocation rows it cannot count: a clear refusal, never a crash or a wrong "left". */
const portfolioOf = (edit: (b: Book) => void) => readPortfolio(workbookValues(book(edit)));
const input = (overrides: Partial<PaymentInput> = {}): PaymentInput => ({
  caseId: CASE_ID,
  kind: 'payment',
  amount: '100 000',
  date: '2025-09-01',
  voucher: 'Bilag 1',
  item: '',
  ...overrides,
});
const OTHER = '2025-05-099';

describe('a payment while a Tildelinger row of the case cannot be counted', () => {
  it.each([
    ['an amount that is not one', { amount: 'mye' }],
    ['a period that is not one', { from: 'høsten', to: '' }],
  ])('with %s is refused naming the row, and the other projects can still be paid', (_what, broken) => {
    const p = portfolioOf((b) => {
      b.allocations = [allocation(broken), allocation({ caseId: OTHER })];
    });
    expect(paymentProjects(p, TODAY).map((x) => x.caseId)).toEqual([OTHER]);
    const r = checkPayment(p, TODAY, input());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/Tildelinger rad 2 for sak «2025-05-010» kan ikke leses/);
  });

  it('of unknown kind is refused: it is not counted as granted money to pay out', () => {
    const p = portfolioOf((b) => {
      b.allocations = [allocation(), allocation({ kind: 'Inndraging', amount: '700 000' })];
    });
    const r = checkPayment(p, TODAY, input({ amount: '850 000' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/Tildelinger rad 3 for sak «2025-05-010» kan ikke leses/);
  });

  it('is accepted when every row of the case can be counted', () => {
    const p = portfolioOf((b) => {
      b.allocations = [allocation(), allocation({ caseId: OTHER, amount: 'mye' })];
    });
    expect(checkPayment(p, TODAY, input())).toMatchObject({ ok: true, payment: { amount: 100_000 } });
  });
});

describe('a withdrawal while a row of the case cannot be counted', () => {
  // Ended July 2026; at TODAY (1 December 2026) the 3-month deadline has passed with 800 000 unpaid.
  it('is refused naming the row: an unreadable withdrawal row would otherwise be withdrawn again', () => {
    const p = portfolioOf((b) => {
      b.allocations = [allocation(), allocation({ kind: 'Inndragning', amount: 'hele' })];
    });
    const r = checkWithdrawal(p, TODAY, CASE_ID);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/Tildelinger rad 3 for sak «2025-05-010» kan ikke leses/);
  });

  it('is proposed when every row can be counted', () => {
    const p = portfolioOf(() => {});
    expect(checkWithdrawal(p, TODAY, CASE_ID)).toMatchObject({ ok: true, proposal: { amount: 800_000 } });
  });
});

describe('the payment date', () => {
  // Registrer utbetaling records money that has gone out; a later day is a slip (2062) or not paid yet.
  it('after today is refused, saying so', () => {
    const r = checkPayment(
      portfolioOf(() => {}),
      TODAY,
      input({ date: '2026-12-02' }),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/02\.12\.2026 er etter i dag \(01\.12\.2026\)/);
    expect(!r.ok && r.error.reason.en).toMatch(/2026-12-02 is after today/);
  });

  it('today is accepted', () => {
    expect(
      checkPayment(
        portfolioOf(() => {}),
        TODAY,
        input({ date: '2026-12-01' }),
      ),
    ).toMatchObject({ ok: true });
  });
});
