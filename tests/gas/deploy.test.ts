import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// What `npm run deploy` (clasp push) would upload, checked offline; `npm test` builds first.
describe('deploy', () => {
  it('pushes exactly the built bundle, the manifest and the single-file sidebar pages', () => {
    const r = spawnSync('node_modules/.bin/clasp', ['show-file-status', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as { filesToPush: string[] }).filesToPush;
    expect(files).toEqual(expect.arrayContaining(['build/Code.js', 'build/appsscript.json']));
    expect(files.filter((f) => !/^build\/(Code\.js|appsscript\.json|[A-Z]\w+\.html)$/.test(f))).toEqual([]);
  });

  it('asks for exactly the scopes the product uses, and none broader', () => {
    const manifest = JSON.parse(readFileSync('build/appsscript.json', 'utf8')) as { oauthScopes: string[] };
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        // the bound spreadsheet only, not all of the user's spreadsheets
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        // menus, dialogs, sidebars
        'https://www.googleapis.com/auth/script.container.ui',
        // the installable form-submit trigger
        'https://www.googleapis.com/auth/script.scriptapp',
        // creating the application form
        'https://www.googleapis.com/auth/forms',
        // receipts to applicants, when enabled in Innstillinger
        'https://www.googleapis.com/auth/script.send_mail',
        // reading the user's e-mail for the role check
        'https://www.googleapis.com/auth/userinfo.email',
        // writing the memo, letters and overview (Docs advanced service; DocumentApp needs the same)
        'https://www.googleapis.com/auth/documents',
      ].sort(),
    );
  });

  it('enables the Docs advanced service that writes a document in one batchUpdate', () => {
    const manifest = JSON.parse(readFileSync('build/appsscript.json', 'utf8'));
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
    ]);
  });

  it('has clasp push the build folder, of the dev or the prod script', () => {
    expect(JSON.parse(readFileSync('.clasp.json', 'utf8'))).toMatchObject({ rootDir: 'build' });
    expect(JSON.parse(readFileSync('.clasp.prod.json', 'utf8'))).toMatchObject({ rootDir: 'build' });
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.deploy).toBe('node scripts/deploy.mjs');
  });

  it('runs lint and every test before it pushes, to dev, prod or a copy', () => {
    const deploy = (...args: string[]) =>
      spawnSync('node', ['scripts/deploy.mjs', ...args, '--dry-run'], { encoding: 'utf8' });
    // The repository's project files hold no script id: each target names the file to fill in.
    expect(deploy().stderr).toMatch(/\.clasp\.json has no script id/);
    expect(deploy('--prod').stderr).toMatch(/\.clasp\.prod\.json has no script id/);
    expect(deploy('--script').stderr).toMatch(/--script needs the script id/);
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789';
    const r = deploy('--script', id);
    expect(r.status).toBe(0);
    // npm test (lint, build, jest) comes first; clasp push only after it.
    expect(r.stdout.indexOf('$ npm test')).toBeGreaterThan(0);
    expect(r.stdout.indexOf('$ npm test')).toBeLessThan(r.stdout.indexOf('clasp -P'));
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.test).toMatch(/^npm run lint && /);
  });
});
