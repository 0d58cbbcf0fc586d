import type { CellRef } from '../../../../src/core/engine/findings';
import {
  CASE_ID,
  TODAY,
  allocation,
  book,
  check,
  day,
  findingsOf,
  payment,
  supplement,
  withApplication,
  type Book,
} from '../../builders';
import { ECONOMY_RULE_IDS, expectFires, type FiringCase } from '../../finding-checks';
import { checkWorkbook } from '../../../../src/core/check/check';
import { workbookValues } from '../../builders';

/** The valid book, paid in full in two instalments: the economy rules have nothing to say. */
function paidBook(edit: (b: Book) => void = () => {}): Book {
  return book((b) => {
    b.payments = [
      payment({ amount: '400 000' }),
      payment({ amount: '400 000', date: day('2026-02-02'), voucher: 'Bilag 2' }),
    ];
    edit(b);
  });
}

const kr = (amount: string) => `${amount.replace(/ /g, '\u00a0')}\u00a0kr`;
const pay = (field: string, row = 2): CellRef => ({ sheet: 'payments', row, field });
const alloc = (field: string, row = 2): CellRef => ({ sheet: 'allocations', row, field });
const addPayments =
  (...rows: Parameters<typeof payment>[0][]) =>
  (b: Book) => {
    b.payments!.push(...rows.map((r) => payment(r)));
  };
const addAllocations =
  (...rows: Parameters<typeof allocation>[0][]) =>
  (b: Book) => {
    b.allocations.push(...rows.map((r) => allocation(r)));
  };
const withdrawal = (amount: string) => ({
  kind: 'Inndragning',
  amount,
  decision: 'Sekretariatet',
  date: day('2026-11-20'),
  from: '2026-07',
  to: '2026-07',
});

interface Case extends FiringCase {
  name: string;
  edit: (b: Book) => void;
  rule: string;
  today?: Date;
}

const POSITIVE: Case[] = [
  {
    name: 'a third payment over the allocation',
    edit: addPayments({ amount: '50 000', date: day('2026-03-01') }),
    rule: 'overspent',
    severity: 'error',
    cells: [pay('amount', 2), pay('amount', 3), pay('amount', 4)],
    nb: [
      `Sak ${CASE_ID}: utbetalt ${kr('850 000')} er ${kr('50 000')} mer enn tildelt ${kr('800 000')}`,
      'Krev det overskytende tilbake',
    ],
    en: [
      `paid ${kr('850 000')} is ${kr('50 000')} more than the ${kr('800 000')} allocated`,
      'Reclaim the excess',
    ],
  },
  {
    name: 'a payment to a case with no ordinary allocation',
    edit: addPayments({ caseId: '2025-05-099', amount: '10 000' }),
    rule: 'payment-without-grant',
    severity: 'error',
    ref: '2025-05-099',
    cells: [pay('caseId', 4)],
    nb: ['Utbetalinger rad 4, «Saksnr»', 'uten ordinær tildeling', 'registrer SSUs vedtak'],
    en: ['Payments row 4, "Case ID"', 'without an ordinary allocation', 'record the board decision'],
  },
  {
    name: 'a payment to a supplement-only case',
    edit: (b) => {
      b.allocations = [supplement()];
      b.payments = [payment({ amount: '40 000' })];
    },
    rule: 'payment-without-grant',
    severity: 'error',
    cells: [pay('caseId')],
    nb: ['uten ordinær tildeling'],
    en: ['without an ordinary allocation'],
    alsoFires: ['supplement-without-grant'],
  },
  {
    name: 'a payment while Samarbeidsavtale is Nei',
    edit: (b) => {
      withApplication({ contract: 'Nei' })(b);
      b.payments = [payment({ amount: '800 000' })];
    },
    rule: 'payment-without-contract',
    severity: 'error',
    cells: [pay('caseId', 2)],
    nb: [
      'Utbetalinger rad 2, «Saksnr»',
      'uten skriftlig samarbeidsavtale',
      'inngå den, eller krev beløpet tilbake',
    ],
    en: ['Payments row 2, "Case ID"', 'without a written agreement', 'sign it, or reclaim the amount'],
    alsoFires: ['contract-missing'],
  },
  {
    name: 'a payment dated before the agreement was signed',
    edit: withApplication({ contract: day('2025-10-01') }),
    rule: 'payment-without-contract',
    severity: 'error',
    cells: [pay('date', 2)],
    nb: [
      'Utbetalinger rad 2, «Dato»',
      'utbetalt 01.09.2025, før samarbeidsavtalen ble signert 01.10.2025',
      'Rett datoen',
    ],
    en: [
      'Payments row 2, "Date"',
      'paid on 2025-09-01, before the written agreement was signed on 2025-10-01',
      'Fix the date',
    ],
  },
  {
    name: 'a payment more than three months after the end',
    edit: (b) => {
      b.payments![1] = payment({ amount: '400 000', date: day('2026-11-05') });
    },
    rule: 'payment-outside-period',
    severity: 'warning',
    cells: [pay('date', 3)],
    nb: [
      'Utbetalinger rad 3, «Dato»',
      'utbetalt 05.11.2026, mer enn 3 måneder etter at prosjektperioden sluttet (juli 2026)',
      'forleng perioden',
    ],
    en: [
      'Payments row 3, "Date"',
      'more than 3 months after the project period ended (July 2026)',
      'extend the period',
    ],
  },
  {
    name: 'an ended project with money unpaid',
    edit: (b) => {
      b.payments!.pop();
    },
    rule: 'unused-funds',
    severity: 'warning',
    cells: [alloc('to')],
    nb: [
      'Tildelinger rad 2, «Til»',
      'sluttet juli 2026, for mer enn 3 måneder siden',
      `${kr('400 000')} av tildelt ${kr('800 000')} er ikke utbetalt`,
      `Trekk inn ${kr('400 000')}`,
      'Registrer utbetaling',
    ],
    en: [
      'Allocations row 2, "To"',
      `${kr('400 000')} of the ${kr('800 000')} allocated is unpaid`,
      `Withdraw ${kr('400 000')}`,
    ],
  },
  {
    name: 'a withdrawal larger than what was left',
    edit: (b) => {
      b.payments!.pop();
      addAllocations(withdrawal('500 000'))(b);
    },
    rule: 'withdrawal-over-remaining',
    severity: 'error',
    cells: [alloc('amount', 3)],
    nb: [
      'Tildelinger rad 3, «Beløp»',
      `inndragningen på ${kr('500 000')} er større enn det som var igjen å utbetale (${kr('400 000')})`,
    ],
    en: [
      'Allocations row 3, "Amount"',
      `the withdrawal of ${kr('500 000')} is more than was left unpaid (${kr('400 000')})`,
    ],
  },
  {
    name: 'a payment amount that is a placeholder',
    edit: addPayments({ amount: '[Beløp]' }),
    rule: 'payment-invalid',
    severity: 'error',
    cells: [pay('amount', 4)],
    nb: ['Utbetalinger rad 4, «Beløp»', 'plassholder', 'Tilbakebetaling'],
    en: ['Payments row 4, "Amount"', 'placeholder', 'refund'],
  },
  {
    name: 'a negative payment (a refund written as minus)',
    edit: addPayments({ amount: '-5 000' }),
    rule: 'payment-invalid',
    severity: 'error',
    cells: [pay('amount', 4)],
    nb: ['er ikke et positivt beløp'],
    en: ['is not a positive amount'],
  },
  {
    name: 'a payment without a date',
    edit: addPayments({ amount: '0,50', kind: 'Tilbakebetaling', date: '' }),
    rule: 'payment-invalid',
    severity: 'error',
    cells: [pay('date', 4)],
    nb: ['Utbetalinger rad 4, «Dato»', 'mangler dato'],
    en: ['Payments row 4, "Date"', 'date missing'],
  },
  {
    name: 'a payment of an unknown kind',
    edit: addPayments({ amount: '1 000', kind: 'Forskudd' }),
    rule: 'payment-invalid',
    severity: 'error',
    cells: [pay('kind', 4)],
    nb: ['Utbetalinger rad 4, «Art»', '«Forskudd» er ingen art', 'Velg Utbetaling eller Tilbakebetaling'],
    en: ['Payments row 4, "Kind"', '"Forskudd" is not a kind'],
  },
  {
    name: 'a payment while the grant offer is not accepted',
    edit: (b) => {
      b.allocations[0]!.accepted = '';
      b.payments = [payment({ amount: '800 000' })];
    },
    rule: 'acceptance-missing',
    severity: 'warning',
    cells: [pay('caseId', 2)],
    nb: ['Utbetalinger rad 2, «Saksnr»', 'utbetalt før tilsagnet er akseptert', 'Før inn datoen'],
    en: ['Payments row 2, "Case ID"', 'paid before the grant offer was accepted', 'Enter the day'],
  },
  {
    name: 'a payment dated before the grant offer was accepted',
    edit: (b) => {
      b.allocations[0]!.accepted = '2025-12-01';
      b.payments = [payment({ amount: '800 000', date: day('2025-11-20') })];
    },
    rule: 'acceptance-missing',
    severity: 'warning',
    cells: [pay('date', 2)],
    nb: ['Utbetalinger rad 2, «Dato»', 'før tilsagnet ble akseptert 01.12.2025'],
    en: ['Payments row 2, "Date"', 'accepted on 2025-12-01'],
  },
  {
    name: 'a payment while a party has not signed the agreement',
    edit: (b) => {
      // One payment of the whole amount: the warning is per payment row.
      b.payments = [payment({ amount: '800 000' })];
      b.agreementParties = [
        { caseId: CASE_ID, party: 'Arendal kommune', archiveRef: '25/1234', signed: 'Ja' },
        { caseId: CASE_ID, party: 'Sørlandet sykehus HF', archiveRef: '', signed: '' },
      ];
    },
    rule: 'agreement-archive-missing',
    severity: 'warning',
    cells: [pay('caseId', 2)],
    nb: [
      'Utbetalinger rad 2, «Saksnr»',
      'ikke signert av Sørlandet sykehus HF og uten arkivreferanse hos Sørlandet sykehus HF',
      'Før inn signaturen',
    ],
    en: ['Payments row 2, "Case ID"', 'not signed by Sørlandet sykehus HF', 'Enter the signature'],
  },
];

describe('the paid book', () => {
  it('has no findings at all', () => {
    expect(check(paidBook()).findings).toEqual([]);
  });
});

describe.each(ECONOMY_RULE_IDS)('%s', (rule) => {
  const cases = POSITIVE.filter((c) => c.rule === rule);

  it('has positive cases', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases.map((c) => [c.name, c] as const))('fires on %s', (_, c) => {
    expectFires(checkWorkbook(workbookValues(paidBook(c.edit)), { today: c.today ?? TODAY }), rule, c);
  });
});

const NEGATIVE: Array<{ rule: string; name: string; edit: (b: Book) => void; today?: Date }> = [
  {
    rule: 'overspent',
    name: 'paid exactly the allocation plus a supplement',
    edit: (b) => {
      b.allocations.push(supplement({ amount: '50 000' }));
      addPayments({ amount: '50 000', date: day('2026-03-01') })(b);
    },
  },
  {
    rule: 'overspent',
    name: 'a refund bringing the total back under',
    edit: addPayments(
      { amount: '50 000', date: day('2026-03-01') },
      { amount: '50 000', kind: 'Tilbakebetaling', date: day('2026-04-01') },
    ),
  },
  {
    rule: 'overspent',
    name: 'paid over only because of an excessive withdrawal (that rule tells)',
    edit: addAllocations(withdrawal('1 000')),
  },
  {
    rule: 'payment-without-grant',
    name: 'the case id with spaces around',
    edit: (b) => (b.payments![0]!.caseId = ` ${CASE_ID} `),
  },
  {
    rule: 'payment-without-contract',
    name: 'paid on the day the agreement was signed',
    edit: withApplication({ contract: day('2025-09-01') }),
  },
  {
    rule: 'payment-without-contract',
    name: 'a refund while the agreement is missing (only payments need one)',
    edit: (b) => {
      withApplication({ contract: '' })(b);
      b.payments = [];
      b.allocations[0] = allocation({ from: '2026-08', to: '2027-07' });
      addPayments({ kind: 'Tilbakebetaling', amount: '1 000' })(b);
    },
  },
  {
    rule: 'payment-outside-period',
    name: 'paid on the last day before the deadline',
    edit: (b) => {
      b.payments![1] = payment({ amount: '400 000', date: day('2026-10-31') });
    },
  },
  {
    rule: 'payment-outside-period',
    name: 'an advance before the period starts',
    edit: (b) => {
      b.payments![0] = payment({ amount: '400 000', date: day('2025-06-20') });
    },
  },
  {
    rule: 'unused-funds',
    name: 'money left but the deadline not passed yet',
    edit: (b) => b.payments!.pop(),
    today: day('2026-10-31'),
  },
  {
    rule: 'unused-funds',
    name: 'the rest withdrawn',
    edit: (b) => {
      b.payments!.pop();
      addAllocations(withdrawal('400 000'))(b);
    },
  },
  {
    rule: 'unused-funds',
    name: 'a workbook without Utbetalinger (it does not follow up payments)',
    edit: (b) => delete b.payments,
  },
  {
    rule: 'withdrawal-over-remaining',
    name: 'withdrawing exactly what was left, in two rows',
    edit: (b) => {
      b.payments!.pop();
      addAllocations(withdrawal('300 000'), withdrawal('100 000'))(b);
    },
  },
  {
    rule: 'payment-invalid',
    name: 'a blank kind (a payment) and øre',
    edit: addPayments({ amount: '0,50', kind: '' }),
  },
];

describe.each(NEGATIVE.map((n) => [n.rule, n.name, n] as const))('%s does not fire on %s', (rule, _, n) => {
  it('stays silent', () => {
    const result = checkWorkbook(workbookValues(paidBook(n.edit)), { today: n.today ?? TODAY });
    expect(findingsOf(result, rule)).toEqual([]);
  });
});

describe('Samarbeidsavtale as a date', () => {
  it('counts as a written agreement for contract-missing', () => {
    expect(
      findingsOf(check(paidBook(withApplication({ contract: '15.06.2025' }))), 'contract-missing'),
    ).toEqual([]);
  });
});
