import { setFlagsFromString } from 'node:v8';
import { run } from './main';

// V8 lets a heap grow to up to four times what survived its last full collection before collecting again.
// A command's work is mostly short-lived: exceljs writes a workbook of 10 000 applications through about
// 2 GB of passing strings and arrays while about 400 MB stay alive, and that garbage was most of the peak
// memory (1.0–1.1 GB). Growing by at most half keeps `check --write` near 800 MB in about the same time
// (doubling gave 850–1 000 MB on a loaded machine; `npm run bench`, docs/performance.md).
setFlagsFromString('--heap-growing-percent=50');

let settled = false;
// A command whose work never finishes (a stream that never ends) must not exit 0 as if it had succeeded.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  process.stderr.write(
    'Tilskudd stoppet uten å bli ferdig: fila ble ikke lest helt. Lagre arbeidsboka på nytt som «Excel-arbeidsbok (.xlsx)» og prøv igjen.\n',
  );
  process.exitCode = 2;
});

void run(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  settled = true;
  process.exitCode = code;
});
