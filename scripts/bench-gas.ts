// Apps Script benchmark: the built bundle in the sandbox with the in-memory fakes. Reports Spreadsheet
// service calls and time for "check" and "submit" at 10, 1 000 and 5 000 applications, the bundle's
// size and top-level load time, and ALLOCATION_SHARE over 10 000 rows.
import { statSync } from 'node:fs';
import { exampleWorkbook } from '../src/example/agder';
import { answers, deskWith, formOf, sheetCalls, submit } from '../tests/gas/desk-helpers';
import { DEFAULT_BUNDLE, loadBundle } from '../tests/gas/sandbox';
import { ACTIONS, measureAction } from '../tests/gas/action-calls';

/** Every menu action, endpoint and trigger at 10 and 1 000 applications: Spreadsheet calls. */
export function benchActions() {
  return ACTIONS.map((a) => ({
    name: a.name,
    kind: a.kind,
    runs: [10, 1_000].map((n) => {
      const r = measureAction(a, n);
      return { calls: r.calls, done: r.done };
    }),
  }));
}

function workbook(n: number) {
  const values = exampleWorkbook();
  const apps = values['Søknader']!;
  const template = apps[1]!;
  for (let i = 0; i < n - 2; i++)
    apps.push(template.map((v, c) => (c === 0 ? `2025-05-${String(i + 3).padStart(4, '0')}` : v)));
  return values;
}

type Desk = ReturnType<typeof deskWith>;

function measure(n: number, action: (sb: Desk) => void, prepare: (sb: Desk) => unknown = () => undefined) {
  const sb = deskWith(workbook(n));
  prepare(sb);
  sb.calls.reset();
  const t0 = performance.now();
  action(sb);
  return { calls: sheetCalls(sb), ms: performance.now() - t0 };
}

export function benchGas() {
  const rows = [10, 1_000, 5_000].map((n) => ({
    applications: n,
    check: measure(n, (sb) => sb.call('checkPortfolio')),
    submit: measure(n, (sb) => submit(sb, answers()), formOf),
  }));
  const loads = Array.from({ length: 20 }, () => loadBundle());
  const loadMs = loads.map((l) => l.load.ms).sort((a, b) => a - b)[10]!;
  const loadCalls = Math.max(...loads.map((l) => l.load.calls));
  const sb = loads[0]!;
  const amounts = Array.from({ length: 10_000 }, (_, i) => [i % 2 ? `kr ${i * 1000},-` : i * 1000]);
  const categories = Array.from({ length: 10_000 }, (_, i) => [
    ['Innovasjon/prosjekt', 'adm', 'tiltak'][i % 3],
  ]);
  sb.callAsCustomFunction('ALLOCATION_SHARE', amounts, categories, 'Administrasjon');
  const shares: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    sb.callAsCustomFunction('ALLOCATION_SHARE', amounts, categories, 'Administrasjon');
    shares.push(performance.now() - t0);
  }
  return {
    rows,
    bundleKb: statSync(DEFAULT_BUNDLE).size / 1024,
    loadMs,
    loadCalls,
    shareMs: shares.sort((a, b) => a - b)[5]!,
  };
}
