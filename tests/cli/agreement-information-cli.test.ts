import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { buildWorkbook } from '../../src/cli/xlsx';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { exampleWorkbook } from '../../src/example/agder';

const dir = mkdtempSync(join(tmpdir(), 'tilskudd-agreement-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tmp = (name: string) => join(dir, name);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let workbook = '';
beforeAll(async () => {
  workbook = tmp('agder.xlsx');
  await buildWorkbook(exampleWorkbook(), DEFAULT_SETTINGS).xlsx.writeFile(workbook);
});

describe('tilskudd report --kind agreement', () => {
  it('writes the draft agreement of a granted case as .docx and .md', async () => {
    const docx = tmp('avtale.docx');
    const r = await cli('report', workbook, '--kind', 'agreement', '--case', '2025-05-001', '--out', docx);
    expect(r.code).toBe(0);
    expect(r.out).toContain('samarbeidsavtale for 2025-05-001');
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Samarbeidsavtale – Agdermodellen');
    expect(xml).toContain('Alle 25 kommuner i Agder');
    const md = tmp('avtale.md');
    expect(
      (await cli('report', workbook, '--kind', 'agreement', '--case', '2025-05-001', '--out', md)).code,
    ).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('## 10 Signaturer');
  });

  it('needs --case, and refuses a case without a grant with the reason', async () => {
    const none = await cli('report', workbook, '--kind', 'agreement', '--out', tmp('x.md'));
    expect(none.code).not.toBe(0);
    expect(none.err).toContain('--kind agreement trenger --case SAKSNR');
    const unknown = await cli(
      'report',
      workbook,
      '--kind',
      'agreement',
      '--case',
      '2099-01-001',
      '--out',
      tmp('y.md'),
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('har ingen ordinær tildeling');
  });
});

describe('tilskudd report --kind information', () => {
  it('writes the information for applicants as Markdown and as an HTML page', async () => {
    const md = tmp('info.md');
    expect((await cli('report', workbook, '--kind', 'information', '--out', md)).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('## Søknadsrunder og frister');
    const html = tmp('info.html');
    expect((await cli('report', workbook, '--kind', 'information', '--out', html)).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<h3>Formål</h3>');
    expect(page).toContain('<strong>mai og desember</strong>');
  });
});
