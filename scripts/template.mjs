// `npm run template [-- --id <spreadsheet id>]`: builds the bundle and prints the exact steps that make the
// master spreadsheet a secretariat copies (docs/install.md): a new spreadsheet with the bound script, no
// forms, no members, no log, shared view-only, and its `/copy` link.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--id');
const id = at >= 0 ? args[at + 1] : '<ID>';

const built = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const build = resolve('build');
console.log(`
Tilskudd's master spreadsheet, step by step (on a machine logged in with \`npx clasp login\`):

1. A new spreadsheet with its bound script, in a folder of its own (clasp writes .clasp.json there):
     mkdir -p ~/tilskudd-mal && cd ~/tilskudd-mal
     npx --prefix ${resolve('.')} clasp create --type sheets --title "Tilskudd" --rootDir ${build}
   clasp prints the spreadsheet's URL; its id is the part after /d/.
2. clasp create wrote the new project's own manifest into build/: build again, then push the bundle:
     cd ${resolve('.')} && npm run build
     npx clasp -P ~/tilskudd-mal/.clasp.json push --force
3. Open the spreadsheet and reload it: the Tilskudd menu appears. Run NOTHING else in the master:
   - no Tilskudd › Oppsettsveiviser and no forms (a form made here would follow every copy);
   - Medlemmer and Logg must not exist or be empty (otherwise the copier can never become Leder);
   - example data is optional: if you want it, run Tilskudd › Sett opp arbeidsboka, then delete every row
     under the header in Medlemmer and Logg. Properties it stored are stamped with the master's id, and a
     copy ignores them.
   Name the first sheet "Start" and write in A1: "Velg Tilskudd › Oppsettsveiviser".
4. Share it view-only: Share › General access › Anyone with the link (or your organisation) › Viewer.
5. The link to hand out (Google shows "Make a copy"; the copy carries the script, not triggers or forms):
     https://docs.google.com/spreadsheets/d/${id}/copy
6. A new version later: npm run build && npx clasp -P ~/tilskudd-mal/.clasp.json push --force
   (copies made before keep their version: docs/install.md, "Oppdatere").
`);
