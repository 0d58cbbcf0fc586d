// The main job on the bundled example: build the workbook of SSU case 18-2025, check it, write the
// checked copy with an Avvik sheet and highlighted cells, and print the summary.
// Every command passes --force, so a second run replaces the first run's files.
import { spawnSync } from 'node:child_process';

const example = 'examples/out/agder-18-2025.xlsx';
const checked = 'examples/out/agder-18-2025-kontrollert.xlsx';

function tilskudd(...args) {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' });
  // 1 means "error-level findings": expected, the example carries the real case's [Beløp] lines.
  if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);
}

const memo = 'examples/out/saksfremstilling.docx';
const giving = 'examples/out/tildelinger-360giving.csv';

tilskudd('init', '--example', '--force', example);
tilskudd('check', example, '--write', checked, '--force');
// The memo for SSU's meeting of 9 May 2025 (case 18-2025), as the seed proposes it.
tilskudd(
  'memo',
  example,
  '--out',
  memo,
  '--force',
  '--meeting',
  '2025-05-09',
  '--case',
  '18-2025',
  '--cases',
  '2025-05-001,2025-05-002',
);
tilskudd('letters', example, '--out', 'examples/out/tildelingsbrev', '--date', '2025-05-12', '--force');
tilskudd(
  'publish',
  example,
  '--format',
  'overview',
  '--year',
  '2025',
  '--out',
  'examples/out/oversikt-2025.docx',
  '--force',
);
tilskudd('publish', example, '--format', '360giving', '--out', giving, '--force');
// The economy per project and budget year, for the controller (the example's payments are illustrative).
tilskudd('export', example, '--format', 'economy', '--out', 'examples/out/okonomi.csv', '--force');
// The annual review of the action plan, as of the review's day in November 2025.
const plan = 'examples/out/handlingsplan-gjennomgang.docx';
tilskudd('report', example, '--kind', 'plan', '--date', '2025-11-20', '--out', plan, '--force');
// Follow-up: the board's status report after the May 2026 reports, and the annual report for
// 2025 as written in March 2026 (the example's status reports are illustrative).
const status = 'examples/out/statusrapport-2026-05-15.docx';
const annual = 'examples/out/aarlig-melding-2025.docx';
tilskudd('report', example, '--kind', 'status', '--date', '2026-05-15', '--out', status, '--force');
tilskudd(
  'report',
  example,
  '--kind',
  'annual',
  '--year',
  '2025',
  '--date',
  '2026-03-01',
  '--out',
  annual,
  '--force',
);
// The decision protocol of SSU case 18-2025 as the example registers it.
const protocol = 'examples/out/vedtaksprotokoll-18-2025.docx';
tilskudd('report', example, '--kind', 'decisions', '--case', '18-2025', '--out', protocol, '--force');
// The written agreement's draft for Agdermodellen, and the information for applicants (document and web page).
const agreement = 'examples/out/samarbeidsavtale-2025-05-001.docx';
tilskudd('report', example, '--kind', 'agreement', '--case', '2025-05-001', '--out', agreement, '--force');
const information = 'examples/out/informasjon-til-sokere';
tilskudd('report', example, '--kind', 'information', '--out', `${information}.docx`, '--force');
tilskudd('report', example, '--kind', 'information', '--out', `${information}.html`, '--force');
console.log(`\nDen kontrollerte arbeidsboka: ${checked} (arket «Avvik» og markerte celler).`);
console.log(`Saksfremstillingen: ${memo}. 360Giving: ${giving}.`);
console.log(`Årlig gjennomgang av handlingsplanen: ${plan}.`);
console.log(`Statusrapport til beslutningsorganet: ${status}. Årlig melding: ${annual}.`);
console.log(`Vedtaksprotokollen for sak 18-2025: ${protocol}.`);
console.log(`Samarbeidsavtale (utkast): ${agreement}. Informasjon til søkere: ${information}.docx og .html.`);
