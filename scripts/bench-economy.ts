// Economy benchmark: the core check with 10 000 payment rows (against the same portfolio without
// them), and the Apps Script payment dialog's Spreadsheet calls at 10 and 10 000 payment rows.
import { checkWorkbook } from '../src/core/check/check';
import { APPLICATIONS, PAYMENTS } from '../src/core/workbook/contract';
import { exampleWorkbook, sheetRows } from '../src/example/agder';
import { deskWith, sheetCalls } from '../tests/gas/desk-helpers';
import { portfolio } from './bench-core';

const TODAY = new Date(Date.UTC(2026, 11, 1));
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function median(fn: () => void, runs = 11): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** 1 000 applications, then `n` payments and refunds spread over their cases. */
function withPayments(n: number): Record<string, unknown[][]> {
  const values = portfolio(1_000);
  const cases = values['Søknader']!.slice(1).map((r) => r[0]);
  const rows = Array.from({ length: n }, (_, i) => ({
    caseId: cases[i % cases.length],
    date: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
    amount: i % 10 === 9 ? '1 000' : '10 000',
    kind: i % 10 === 9 ? 'Tilbakebetaling' : '',
    voucher: `B${i}`,
  }));
  return { ...values, [PAYMENTS.name]: sheetRows(PAYMENTS, rows) };
}

function dialogCalls(n: number): number {
  const values = exampleWorkbook();
  values['Søknader']![1]![APPLICATIONS.fields.findIndex((f) => f.key === 'contract')] = 'Ja';
  for (let i = 0; i < n; i++)
    values[PAYMENTS.name]!.push([
      'ADM-2025',
      new Date(Date.UTC(2025, 5, 1)),
      1,
      'Tilbakebetaling',
      '',
      `B${i}`,
      '',
    ]);
  const sb = deskWith(values);
  sb.call('paymentRegister', {
    caseId: '2025-05-001',
    kind: 'payment',
    amount: '1',
    date: '2026-01-10',
    voucher: 'x',
    item: '',
  });
  return sheetCalls(sb);
}

export function benchEconomy() {
  const none = withPayments(0);
  const without = median(() => checkWorkbook(none, { today: TODAY }));
  const values = withPayments(10_000);
  const withTen = median(() => checkWorkbook(values, { today: TODAY }));
  const calls = [10, 10_000].map(dialogCalls);
  return { withoutMs: without, withMs: withTen, dialogCalls: calls };
}
