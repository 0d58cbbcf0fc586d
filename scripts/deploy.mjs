// `npm run deploy [-- --prod | --script <id>] [--dry-run]`: lint and every test first (`npm test`, which
// also builds), then `clasp push --force` to the dev script (.clasp.json), the prod script
// (.clasp.prod.json) or a given script id (a secretariat's copy). Nothing is pushed when a test fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function plan(args) {
  const dryRun = args.includes('--dry-run');
  const at = args.indexOf('--script');
  const scriptId = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !/^[\w-]{20,}$/.test(scriptId ?? ''))
    throw new Error('--script needs the script id (Extensions › Apps Script › Project settings)');
  const target = scriptId ? 'script' : args.includes('--prod') ? 'prod' : 'dev';
  const project = target === 'prod' ? '.clasp.prod.json' : target === 'dev' ? '.clasp.json' : null;
  return { dryRun, target, project, scriptId };
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function main() {
  const p = plan(process.argv.slice(2));
  let project = p.project;
  let temp = null;
  if (p.scriptId) {
    temp = mkdtempSync(join(tmpdir(), 'tilskudd-deploy-'));
    project = join(temp, '.clasp.json');
    writeFileSync(project, JSON.stringify({ scriptId: p.scriptId, rootDir: resolve('build') }));
  } else {
    if (!existsSync(project)) throw new Error(`${project} is missing: see docs/deploy.md`);
    const { scriptId } = JSON.parse(readFileSync(project, 'utf8'));
    if (!scriptId || scriptId.startsWith('REPLACE_'))
      throw new Error(`${project} has no script id: see docs/deploy.md`);
  }
  console.log(`Deploying to ${p.target} (${p.scriptId ?? project})`);
  try {
    if (p.dryRun) {
      console.log('$ npm test');
      console.log(`$ npx clasp -P ${project} push --force`);
      return;
    }
    run('npm', ['test']);
    run('npx', ['clasp', '-P', project, 'push', '--force']);
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
