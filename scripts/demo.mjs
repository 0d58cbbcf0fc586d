// The main job on the bundled example: build the workbook of SSU case 18-2025, check it, write the
// checked copy with an Avvik sheet and highlighted cells, and print the summary.
import { spawnSync } from 'node:child_process';

const example = 'examples/out/agder-18-2025.xlsx';
const checked = 'examples/out/agder-18-2025-kontrollert.xlsx';

function tilskudd(...args) {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' });
  // 1 means "error-level findings": expected, the example carries the real case's [Beløp] lines.
  if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);
}

tilskudd('init', '--example', example);
tilskudd('check', example, '--write', checked);
console.log(`\nDen kontrollerte arbeidsboka: ${checked} (arket «Avvik» og markerte celler).`);
