import { setFlagsFromString } from 'node:v8';
import { run } from './main';

// V8 lets a heap grow to four times what survived its last full collection before collecting again; a
// command's work is mostly short-lived (exceljs writes a workbook of 10 000 applications through about
// 2 GB of passing strings and arrays while about 400 MB stay alive), so that was most of the peak memory.
// Growing by at most double keeps `check --write` under 1 GB for about the same time (`npm run bench`).
setFlagsFromString('--heap-growing-percent=100');

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
