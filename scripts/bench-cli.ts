// CLI benchmark: peak memory (RSS) and time of the built CLI as a child process on a generated workbook of
// 10 000 applications with 20 000 budget lines and 20 000 allocation rows, as `npm run bench` reports them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildWorkbook } from '../src/cli/xlsx';
import { DEFAULT_SETTINGS } from '../src/core/workbook/settings';
import { portfolio } from './bench-core';

export interface CliRun {
  command: string;
  status: number | null;
  peakMb: number;
  seconds: number;
  targetMb: number;
}

export async function benchCli(
  applications = 10_000,
): Promise<{ applications: number; rows: number; runs: CliRun[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'tilskudd-bench-'));
  try {
    const file = join(dir, 'big.xlsx');
    const values = portfolio(applications);
    await buildWorkbook(values, DEFAULT_SETTINGS).xlsx.writeFile(file);
    const rows = Object.values(values).reduce((n, sheet) => n + sheet.length - 1, 0);
    const run = (command: string, targetMb: number, ...args: string[]): CliRun => {
      const rss = join(dir, 'rss');
      const started = performance.now();
      const r = spawnSync(
        process.execPath,
        ['--require', resolve('scripts/peak-rss.cjs'), 'dist/cli.js', ...args, '--date', '2026-12-01'],
        { env: { ...process.env, PEAK_RSS_FILE: rss }, encoding: 'utf8', maxBuffer: 1 << 30 },
      );
      const seconds = (performance.now() - started) / 1000;
      const peakMb = Number(readFileSync(rss, 'utf8')) / 1024 / 1024;
      return { command, status: r.status, peakMb, seconds, targetMb };
    };
    return {
      applications,
      rows,
      runs: [
        run('check --json', 1024, 'check', file, '--json'),
        run('check --write', 1024, 'check', file, '--write', join(dir, 'checked.xlsx')),
        run(
          'publish --format overview',
          500,
          'publish',
          file,
          '--format',
          'overview',
          '--year',
          '2025',
          '--out',
          join(dir, 'o.docx'),
        ),
        run(
          'publish --format 360giving',
          500,
          'publish',
          file,
          '--format',
          '360giving',
          '--out',
          join(dir, 'g.csv'),
        ),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
