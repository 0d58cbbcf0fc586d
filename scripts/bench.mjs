// npm run bench: measures the core on generated portfolios and money parsing; prints a Markdown table.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: [
    'scripts/bench-core.ts',
    'scripts/bench-gas.ts',
    'scripts/bench-economy.ts',
    'scripts/bench-intake.ts',
    'scripts/bench-docs.ts',
  ],
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
  // The sandbox finds build/Code.js relative to its own source file.
  define: { __dirname: JSON.stringify(`${process.cwd()}/tests/gas`) },
});
// The CLI bench runs the built CLI (dist/cli.js) as child processes; its own bundle keeps packages external.
await build({
  entryPoints: ['scripts/bench-cli.ts'],
  outfile: 'dist/bench-cli.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const { benchCore, benchMoney, benchMemo } = await import(pathToFileURL('dist/bench-core.cjs').href);
const { benchGas, benchActions } = await import(pathToFileURL('dist/bench-gas.cjs').href);
const { benchEconomy } = await import(pathToFileURL('dist/bench-economy.cjs').href);
const { benchCli } = await import(pathToFileURL('dist/bench-cli.cjs').href);
const { benchIntake } = await import(pathToFileURL('dist/bench-intake.cjs').href);
const { benchDocs } = await import(pathToFileURL('dist/bench-docs.cjs').href);

const rows = benchCore();
console.log('Core check (read + ledger + rules) from raw sheet values, 15 runs after a warm-up:\n');
console.log('| applications | allocations | findings | best ms | median ms | µs per row (best) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.applications} | ${r.allocations} | ${r.findings} | ${r.best.toFixed(1)} | ${r.median.toFixed(1)} | ${r.usPerRow.toFixed(2)} |`,
  );
}
const small = rows[1].best / rows[0].best;
const growth = rows[2].best / rows[1].best;
const rate = benchMoney();
console.log(`\nGrowth 100 → 1 000 applications: ${small.toFixed(1)}× time for 10× rows (target ≤ 12×).`);
console.log(`Growth 1 000 → 10 000 applications: ${growth.toFixed(1)}× time for 10× rows (target ≤ 12×).`);
console.log(
  `10 000 applications + 20 000 allocations: ${rows[2].median.toFixed(0)} ms median (target < 500 ms).`,
);
console.log(`Money parsing: ${rate.toLocaleString('en-US')} values/s (target ≥ 1 000 000).`);

const gas = benchGas();
console.log('\nApps Script bundle in the sandbox (in-memory fakes): Spreadsheet service calls and time\n');
console.log('| applications | check: calls | check: ms | submit: calls | submit: ms |');
console.log('|---:|---:|---:|---:|---:|');
for (const r of gas.rows) {
  console.log(
    `| ${r.applications} | ${r.check.calls} | ${r.check.ms.toFixed(1)} | ${r.submit.calls} | ${r.submit.ms.toFixed(1)} |`,
  );
}
const flat = (k) => gas.rows.every((r) => r[k].calls === gas.rows[0][k].calls);
console.log(
  `\nCalls independent of rows: check ${flat('check') ? 'yes' : 'NO'}, submit ${flat('submit') ? 'yes' : 'NO'}.`,
);
console.log(`Bundle: ${gas.bundleKb.toFixed(0)} KB (target ≤ 300 KB).`);
console.log(
  `Top-level load: ${gas.loadMs.toFixed(1)} ms median, ${gas.loadCalls} service calls (targets ≤ 20 ms, 0).`,
);
console.log(`ALLOCATION_SHARE over 10 000 rows: ${gas.shareMs.toFixed(1)} ms median (target < 50 ms).`);

const actions = benchActions();
console.log('\nSpreadsheet calls of every menu action, endpoint and trigger (the sandbox):\n');
console.log('| action | kind | 10 applications | 1 000 applications | target |');
console.log('|---|---|---:|---:|---:|');
const TARGETS = {
  checkPortfolio: 40,
  onFormSubmit: 30,
  registerMissingResponses: 30,
  'runHourly (nothing to do)': 30,
};
for (const a of actions) {
  const [small, large] = a.runs;
  const target = TARGETS[a.name];
  const mark = target !== undefined && large.calls > target ? ' (MISSED)' : '';
  const refused = a.runs.some((r) => !r.done) ? ' (refused)' : '';
  console.log(
    `| ${a.name}${refused} | ${a.kind} | ${small.calls} | ${large.calls}${mark} | ${target === undefined ? '' : `≤ ${target}`} |`,
  );
}
const actionsFlat = actions.every((a) => a.runs[0].calls === a.runs[1].calls);
const actionsMet = actions.every((a) => TARGETS[a.name] === undefined || a.runs[1].calls <= TARGETS[a.name]);
console.log(`\nEvery action's calls independent of rows: ${actionsFlat ? 'yes' : 'NO'}.`);

const eco = benchEconomy();
console.log('\nEconomy: 1 000 applications checked with and without 10 000 payment rows (median ms):\n');
console.log(
  `Without payments: ${eco.withoutMs.toFixed(1)} ms; with 10 000: ${eco.withMs.toFixed(1)} ms (target < 500 ms).`,
);
console.log(
  `Registrer utbetaling, Spreadsheet calls at 10 and 10 000 payment rows: ${eco.dialogCalls.join(' and ')} (target: equal).`,
);
const memoMs = benchMemo();
console.log(`Memo of 500 applications (build + render): ${memoMs.toFixed(0)} ms median (target < 1 000 ms).`);

const cli = await benchCli();
console.log(
  `\nThe built CLI as a child process on ${cli.rows.toLocaleString('en-US')} rows (${cli.applications.toLocaleString('en-US')} applications, twice as many budget lines and allocations): peak resident memory\n`,
);
console.log('| command | exit | peak MB | target MB | seconds |');
console.log('|---|---:|---:|---:|---:|');
for (const r of cli.runs) {
  const mark = r.peakMb < r.targetMb ? '' : ' (MISSED)';
  console.log(
    `| ${r.command} | ${r.status} | ${r.peakMb.toFixed(0)}${mark} | < ${r.targetMb} | ${r.seconds.toFixed(1)} |`,
  );
}
const sweeps = benchIntake();
console.log(
  '\nSweep of the response sheet (Registrer manglende svar), responses none of which were registered:\n',
);
console.log('| responses | registered | sweep: calls | sweep: ms | second sweep: calls | second sweep: ms |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of sweeps) {
  console.log(
    `| ${r.responses} | ${r.registered} | ${r.first.calls} | ${r.first.ms.toFixed(1)} | ${r.second.calls} | ${r.second.ms.toFixed(1)} |`,
  );
}
const sweepFlat = sweeps.every(
  (r) => r.first.calls === sweeps[0].first.calls && r.second.calls === sweeps[0].second.calls,
);
const sweepAll = sweeps.every((r) => r.registered === r.responses);
console.log(
  `\nSweep calls independent of responses: ${sweepFlat ? 'yes' : 'NO'}; all registered: ${sweepAll ? 'yes' : 'NO'}.`,
);

const docs = benchDocs();
console.log('\nGoogle Docs requests (batchUpdate bodies as the bundle sends them, in chunks):\n');
console.log('| document | applications | characters | one body, MB | chunks | largest request, MB |');
console.log('|---|---:|---:|---:|---:|---:|');
const mb = (bytes) => (bytes / 1_000_000).toFixed(2);
for (const r of docs.rows) {
  const chunks = r.refused ? 'refused: .docx' : String(r.chunks);
  console.log(
    `| ${r.document} | ${r.applications} | ${r.characters.toLocaleString('en-US')} | ${mb(r.wholeBytes)} | ${chunks} | ${r.refused ? '—' : mb(r.largestBytes)} |`,
  );
}
const largest = Math.max(...docs.rows.filter((r) => !r.refused).map((r) => r.largestBytes));
console.log(
  `\nLargest Docs request: ${mb(largest)} MB (target ≤ ${mb(docs.limit)} MB; Google refuses over ~10 MB).`,
);

const ok =
  largest <= docs.limit &&
  eco.withMs < 500 &&
  eco.dialogCalls[0] === eco.dialogCalls[1] &&
  memoMs < 1000 &&
  cli.runs.every((r) => r.peakMb < r.targetMb) &&
  rows[2].median < 500 &&
  small <= 12 &&
  growth <= 12 &&
  rate >= 1_000_000 &&
  flat('check') &&
  actionsFlat &&
  actionsMet &&
  flat('submit') &&
  gas.bundleKb <= 300 &&
  gas.loadMs <= 20 &&
  gas.loadCalls === 0 &&
  gas.shareMs < 50 &&
  sweepFlat &&
  sweepAll;
console.log(ok ? '\nAll targets met.' : '\nTARGET MISSED.');
process.exitCode = ok ? 0 : 1;
