import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deskWith } from '../gas/desk-helpers';
import { demoWorkbook } from './fixtures';
import { launch, open } from './harness';

/**
 * `npm run pictures`: the README's two pictures, made on purpose (tests never write tracked files):
 * the Avvik sidebar against the example workbook, and the first page of the example's memo as the
 * board sees it (the CLI's .docx through LibreOffice and pdftoppm).
 */
const IMAGES = resolve(__dirname, '../../docs/images');

function exec(command: string, args: string[]): void {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr || r.error}`);
}

async function sidebar(): Promise<void> {
  const browser = await launch();
  try {
    const { page } = await open(browser, deskWith(demoWorkbook()), 'Findings');
    await page.getByRole('heading', { name: /Feil/ }).waitFor();
    // The sidebar as Sheets shows it: its viewport, not the whole scrolled page.
    await page.screenshot({ path: join(IMAGES, 'sidebar-findings.png') });
  } finally {
    await browser.close();
  }
}

function memoPage(): void {
  const work = mkdtempSync(join(tmpdir(), 'tilskudd-pictures-'));
  try {
    const cli = resolve(__dirname, '../../dist/cli.js');
    const example = join(work, 'agder.xlsx');
    exec(process.execPath, [cli, 'init', '--example', example]);
    const memo = join(work, 'saksfremstilling.docx');
    exec(process.execPath, [
      cli,
      'memo',
      example,
      '--out',
      memo,
      '--meeting',
      '2025-05-09',
      '--case',
      '18-2025',
      '--cases',
      '2025-05-001,2025-05-002',
    ]);
    exec('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, memo]);
    exec('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      join(work, 'saksfremstilling.pdf'),
      join(work, 'memo'),
    ]);
    renameSync(join(work, 'memo.png'), join(IMAGES, 'memo-page-1.png'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

mkdirSync(IMAGES, { recursive: true });
memoPage();
void sidebar().then(() => console.log(`Wrote ${IMAGES}/sidebar-findings.png and memo-page-1.png.`));
