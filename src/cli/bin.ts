import { run } from './main';

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
