// npm run bench: measures the core on generated portfolios and money parsing; prints a Markdown table.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: ['scripts/bench-core.ts'],
  outfile: 'dist/bench-core.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
const { benchCore, benchMoney } = await import(pathToFileURL('dist/bench-core.mjs').href);

const rows = benchCore();
console.log('Core check (read + ledger + rules) from raw sheet values, 15 runs after a warm-up:\n');
console.log('| applications | allocations | findings | best ms | median ms | µs per row (best) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.applications} | ${r.allocations} | ${r.findings} | ${r.best.toFixed(1)} | ${r.median.toFixed(1)} | ${r.usPerRow.toFixed(2)} |`,
  );
}
const growth = rows[2].best / rows[1].best;
const rate = benchMoney();
console.log(`\nGrowth 1 000 → 10 000 applications: ${growth.toFixed(1)}× time for 10× rows (target ≤ 12×).`);
console.log(
  `10 000 applications + 20 000 allocations: ${rows[2].median.toFixed(0)} ms median (target < 500 ms).`,
);
console.log(`Money parsing: ${rate.toLocaleString('en-US')} values/s (target ≥ 1 000 000).`);
const ok = rows[2].median < 500 && growth <= 12 && rate >= 1_000_000;
console.log(ok ? '\nAll targets met.' : '\nTARGET MISSED.');
process.exitCode = ok ? 0 : 1;
