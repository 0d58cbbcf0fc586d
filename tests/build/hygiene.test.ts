import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// Tests that pass on any machine: they read only files of the repository, assert no wall-clock time
// (speed targets live in `npm run bench`), and clean up what they write.
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'out' || e.name === 'data' ? [] : files(p);
    return /\.(ts|cjs|mjs)$/.test(p) ? [p] : [];
  });
}

const testFiles = files('tests');
const specs = testFiles.filter((f) => /\.(test|browser)\.ts$/.test(f));
const text = new Map(testFiles.map((f) => [f, readFileSync(f, 'utf8')]));

describe('tests that pass anywhere', () => {
  it('read no file outside the repository (absolute paths)', () => {
    const absolute = testFiles.filter((f) => /['"`]\/(?:work|home|tmp|Users|mnt)\//.test(text.get(f)!));
    expect(absolute).toEqual([]);
  });

  it('assert no wall-clock time', () => {
    expect(specs.filter((f) => /performance\.now\(|Date\.now\(/.test(text.get(f)!))).toEqual([]);
  });

  it('remove every temp folder they make', () => {
    const leaky = testFiles.filter((f) => {
      const t = text.get(f)!;
      return /mkdtempSync\(/.test(t) && !/(afterAll\(|finally)[^]*?rmSync\(/.test(t);
    });
    expect(leaky).toEqual([]);
  });

  it('write screenshots to an ignored folder, and no screenshot is tracked under tests/', () => {
    const harness = text.get(path.join('tests', 'ui', 'harness.ts'))!;
    const folder = /SCREENSHOTS = resolve\(__dirname, '([^']+)'\)/.exec(harness)?.[1];
    expect(folder).toBeDefined();
    const target = path.join('tests', 'ui', folder!, 'findings.png');
    const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' });
    if (git('rev-parse', '--git-dir').status !== 0) return; // an unpacked archive: nothing is tracked
    expect(git('check-ignore', '-q', target).status).toBe(0);
    expect(git('ls-files', 'tests/**/*.png').stdout).toBe('');
  });
});

describe('npm run preview', () => {
  it('serves the sidebars from the built bundle (the path a fresh clone has)', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = spawn(process.execPath, ['scripts/preview.mjs'], {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let log = '';
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (d: Buffer) => {
          log += d.toString();
          if (log.includes(`localhost:${port}`)) resolve();
        });
        server.stderr.on('data', (d: Buffer) => (log += d.toString()));
        server.on('exit', (code) => reject(new Error(`preview exited ${code}: ${log}`)));
      });
      const page = await fetch(`http://localhost:${port}/Findings`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<head>');
    } finally {
      server.kill();
    }
  });
});
