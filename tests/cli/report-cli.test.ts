import JSZip from 'jszip';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { buildWorkbook } from '../../src/cli/xlsx';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { exampleWorkbook } from '../../src/example/agder';

const dir = mkdtempSync(join(tmpdir(), 'tilskudd-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tmp = (name: string) => join(dir, `${n++}-${name}`);

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

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('\n')
    .replace(/\u2011/g, '-')
    .replace(/([a-zA-Z])\u00a0(\d{4})/g, '$1 $2');
}

describe('tilskudd report --kind status', () => {
  it('writes the board status report for a date as .docx', async () => {
    const out = tmp('status.docx');
    const r = await cli(
      'report',
      workbook,
      '--kind',
      'status',
      '--date',
      '2026-05-15',
      '--meeting',
      '2026-06-09',
      '--case',
      '22-2026',
      '--out',
      out,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(out);
    const text = await docxText(out);
    expect(text).toContain('Statusrapport til SSU per 15.05.2026');
    expect(text).toMatch(/Møtedato\n09\.06\.2026\nSaksnummer\n22-2026/);
    expect(text).toContain('Forslag til vedtak');
    expect(text).toContain('Saker SSU bes ta stilling til');
    // Page numbers: the footer's PAGE and NUMPAGES fields.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const footer = Object.keys(zip.files).find((f) => /word\/footer\d*\.xml/.test(f))!;
    expect(await zip.file(footer)!.async('string')).toMatch(/NUMPAGES/);
    expect(text).toMatch(/Gul\nGrønn\nRød\nRød/);
    // The light cells are tinted (red F4C7C3, yellow FCE8B2, green B7E1CD) as well as named.
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    for (const fill of ['F4C7C3', 'FCE8B2', 'B7E1CD']) expect(xml).toContain(`w:fill="${fill}"`);
  });

  it('writes Markdown with --out .md, in English with --lang en', async () => {
    const out = tmp('status.md');
    const r = await cli(
      'report',
      workbook,
      '--kind',
      'status',
      '--date',
      '2026-10-11',
      '--out',
      out,
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Status report to SSU on 11\.10\.2026/);
    expect(md).toContain('final report due 30.09.2026, 11 days late.');
  });
});

describe('tilskudd report --kind annual', () => {
  it('writes the annual report for a year from the reports received by --date', async () => {
    const out = tmp('aarlig-melding-2025.docx');
    const r = await cli(
      'report',
      workbook,
      '--kind',
      'annual',
      '--year',
      '2025',
      '--date',
      '2026-03-01',
      '--out',
      out,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = await docxText(out);
    expect(text).toContain('Årlig melding 2025');
    expect(text).toContain('Østre Agder-samarbeidet, analyseenheten');
    // What is missing is listed before the report is written, so the secretariat can ask for it.
    expect(r.out).toContain('Mangler i grunnlaget');
    expect(r.out).toContain('2025-05-001 Agdermodellen');
  });
});

describe('tilskudd report: unusable input', () => {
  it.each([
    [['--kind', 'annual'], '--kind annual trenger --year'],
    [['--kind', 'plan9'], '--kind må være plan, status, annual'],
    [['--kind', 'status', '--date', '15.05.2026'], '--date må være en dato'],
    [['--kind', 'annual', '--year', '25'], '--year må være et årstall'],
  ])('exits 2 for %j, writing nothing', async (options, message) => {
    const out = tmp('never.docx');
    const r = await cli('report', workbook, ...options, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 without --out or a workbook, and for a .txt --out', async () => {
    expect((await cli('report', workbook, '--kind', 'status')).code).toBe(2);
    expect((await cli('report', '--kind', 'status', '--out', tmp('x.docx'))).code).toBe(2);
    const txt = tmp('status.txt');
    expect((await cli('report', workbook, '--kind', 'status', '--out', txt)).code).toBe(2);
    expect(existsSync(txt)).toBe(false);
  });
});
