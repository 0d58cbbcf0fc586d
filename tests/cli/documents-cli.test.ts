import JSZip from 'jszip';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, workDir } from './helpers';
import { buildWorkbook, readValues, replaceSheetValues } from '../../src/cli/xlsx';
import { PROPOSALS } from '../../src/core/workbook/contract';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { exampleWorkbook } from '../../src/example/agder';

const { tmp } = workDir('tilskudd-docs-cli-');

let workbook = '';
beforeAll(async () => {
  workbook = tmp('agder.xlsx');
  await buildWorkbook(exampleWorkbook(), DEFAULT_SETTINGS).xlsx.writeFile(workbook);
});

/** The visible text of a .docx's main part, unescaped. */
async function docxText(file: string): Promise<string[]> {
  const buffer = readFileSync(file);
  expect(buffer.subarray(0, 2).toString()).toBe('PK');
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      // The printed text keeps ids and month-years on one line (keepTogether): read as typed.
      .replace(/\u2011/g, '-')
      .replace(/([a-zA-Z])\u00a0(\d{4})/g, '$1 $2'),
  );
}

const NB = '\u00a0';
const CASES = '2025-05-001,2025-05-002';

/** `tilskudd memo` on the example for the meeting of 9 May 2025, with extra options. */
const memo = (out: string, ...options: string[]) =>
  cli('memo', workbook, '--out', out, '--meeting', '2025-05-09', ...options);

describe('tilskudd memo', () => {
  it('records the proposal in a copy of the workbook with --record, never in the input', async () => {
    const before = readFileSync(workbook);
    const copy = tmp('record/med-forslag.xlsx');
    const r = await memo(tmp('record/sak.md'), '--case', '18-2025', '--cases', CASES, '--record', copy);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('med 3 forslag for sak 18-2025');
    expect(readFileSync(workbook).equals(before)).toBe(true);
    const rows = (await readValues(copy))['Forslag']!;
    expect(rows[0]!.slice(0, 11)).toEqual(PROPOSALS.fields.map((f) => f.header));
    // The decision step reads these rows: the board case, the cases and amounts, the secretariat's cost too.
    expect(rows.slice(1).map((x) => [x[0], x[2], x[5], x[6], x[7], x[8]])).toEqual([
      ['18-2025', '2025-05-001', 'Innvilges', 1_060_000, '2025-08', '2026-07'],
      ['18-2025', '2025-05-002', 'Forprosjekt', 625_000, '2025-08', '2025-12'],
      ['18-2025', 'ADM-2025', 'Innvilges', 939_829, '2025-05', '2025-10'],
    ]);
    // Again from the copy: the same proposal changes nothing.
    const again = await cli(
      'memo',
      copy,
      '--out',
      tmp('record/sak2.md'),
      '--meeting',
      '2025-05-09',
      '--case',
      '18-2025',
      '--cases',
      CASES,
      '--record',
      tmp('record/igjen.xlsx'),
    );
    expect(again.code).toBe(0);
    expect(again.out).toContain('står allerede slik');
    // A different proposal for a case already decided (Tildelinger names 18-2025) is refused, and nothing is written.
    const memoOut = tmp('record/endret.md');
    const changed = await cli(
      'memo',
      copy,
      '--out',
      memoOut,
      '--meeting',
      '2025-05-09',
      '--case',
      '18-2025',
      '--cases',
      '2025-05-001',
      '--record',
      tmp('record/endret.xlsx'),
    );
    expect(changed.code).toBe(0);
    const v = exampleWorkbook();
    const apps = v['Søknader']!;
    const rec = apps[0]!.indexOf('Innstilt beløp');
    apps[1]![rec] = 900_000;
    const edited = tmp('endret-input.xlsx');
    const wb = buildWorkbook(v, DEFAULT_SETTINGS);
    replaceSheetValues(wb, 'Forslag', rows);
    await wb.xlsx.writeFile(edited);
    const [nektMd, nektXlsx] = [tmp('nekt.md'), tmp('nekt.xlsx')];
    const refused = await cli(
      'memo',
      edited,
      '--out',
      nektMd,
      '--meeting',
      '2025-05-09',
      '--case',
      '18-2025',
      '--cases',
      CASES,
      '--record',
      nektXlsx,
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Sak 18-2025 er allerede vedtatt');
    expect(existsSync(nektMd)).toBe(false);
    expect(existsSync(nektXlsx)).toBe(false);
    // --record onto the input is refused like any output.
    const self = await memo(tmp('record/self.md'), '--case', '18-2025', '--record', workbook);
    expect(self.code).toBe(2);
    expect(readFileSync(workbook).equals(before)).toBe(true);
  });

  it('writes the decision memo as .docx', async () => {
    const out = tmp('memo/sak-18-2025.docx');
    const r = await memo(out, '--case', '18-2025', '--cases', CASES);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(out);
    const text = await docxText(out);
    expect(text[0]).toBe('Saksfremstilling');
    expect(text).toEqual(expect.arrayContaining(['09.05.2025', '18-2025', 'Forslag til vedtak']));
    expect(text).toContain(
      ` tildeles 1${NB}060${NB}000${NB}kr for perioden august 2025–juli 2026, iht. vedlagte søknad.`,
    );
    expect(readFileSync(out).length).toBeLessThan(50 * 1024);
  });

  it('writes Markdown with --out FILE.md', async () => {
    const out = tmp('sak.md');
    const r = await memo(out, '--case', '18-2025', '--cases', CASES);
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# Saksfremstilling\n')).toBe(true);
    expect(md).toContain('| Møtedato | 09.05.2025 |');
    expect(md).toContain('| Saksnummer | 18-2025 |');
    expect(md).toContain(
      `1. **Agdermodellen – barn og unges helsetjenester innen psykisk helse (2025-05-001)** tildeles 1${NB}060${NB}000${NB}kr for perioden august 2025–juli 2026, iht. vedlagte søknad.`,
    );
    expect(md).toContain(`til et forprosjekt for perioden august 2025–desember 2025`);
    expect(md).toContain('## Tilleggsbevillinger til orientering');
  });

  it('writes English with --lang en', async () => {
    const out = tmp('memo-en.md');
    const r = await memo(out, '--cases', CASES, '--lang', 'en');
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# Decision memo\n')).toBe(true);
    expect(md).toContain('## Proposed decision');
    expect(md).toContain(' is granted 1');
  });

  it('proposes the default selection without --cases', async () => {
    const out = tmp('memo-default.md');
    const r = await cli('memo', workbook, '--out', out, '--meeting', '2025-05-09');
    expect(r.code).toBe(0);
    // Both example cases already have their ordinary allocation.
    expect(readFileSync(out, 'utf8')).toContain('Ingen saker er klare for vedtak.');
  });

  it('exits 2 without --out', async () => {
    const r = await cli('memo', workbook, '--meeting', '2025-05-09');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out');
  });

  it('exits 2 without a workbook', async () => {
    const r = await cli('memo', '--out', tmp('x.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Oppgi arbeidsboka');
  });

  it.each(['09.05.2025', '2025-5-9', 'i morgen'])('exits 2 for --meeting %j', async (meeting) => {
    const out = tmp('bad-meeting.docx');
    const r = await cli('memo', workbook, '--out', out, '--meeting', meeting);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--meeting');
    expect(r.err).toContain(meeting);
    expect(existsSync(out)).toBe(false);
  });

  it.each(['2025-13-01', '2025-02-30'])('exits 2 for an impossible --meeting date %j', async (meeting) => {
    const out = tmp('impossible-meeting.md');
    const r = await cli('memo', workbook, '--out', out, '--meeting', meeting);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--meeting');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 naming an unknown --cases id, writing nothing', async () => {
    const out = tmp('unknown-case.docx');
    const r = await memo(out, '--cases', '2025-05-001,2025-99-999');
    expect(r.code).toBe(2);
    expect(r.err).toContain('2025-99-999');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for an unknown --lang', async () => {
    const r = await cli('memo', workbook, '--out', tmp('x.md'), '--meeting', '2025-05-09', '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--lang');
  });
});

describe('tilskudd letters', () => {
  it('writes one award letter per ordinary grant with an application', async () => {
    const out = tmp('brev');
    const r = await cli('letters', workbook, '--out', out, '--date', '2025-05-20');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Skrev 3 brev');
    expect(r.out).toContain('(2 tilsagn)');
    // One grant offer per ordinary grant, and one letter for the supplementary grant.
    expect(readdirSync(out).sort()).toEqual([
      'tildelingsbrev-2025-05-001.docx',
      'tildelingsbrev-2025-05-002.docx',
      'tilleggsbevilling-2025-05-001-1.docx',
    ]);
    const first = await docxText(join(out, 'tildelingsbrev-2025-05-001.docx'));
    expect(first[0]).toBe(
      'Tilsagn om tilskudd – Agdermodellen – barn og unges helsetjenester innen psykisk helse',
    );
    expect(first).toEqual(expect.arrayContaining(['20.05.2025', `441${NB}667`, `618${NB}333`, 'Vilkår']));
    const second = await docxText(join(out, 'tildelingsbrev-2025-05-002.docx'));
    expect(second[0]).toBe('Tilsagn om tilskudd – Skrøpelige eldre 65+ – delt datasenter Østre Agder / SSHF');
    expect(second).toContain(`625${NB}000`);
  });

  it('writes English letters with --lang en', async () => {
    const out = tmp('letters-en');
    const r = await cli('letters', workbook, '--out', out, '--date', '2025-05-20', '--lang', 'en');
    expect(r.code).toBe(0);
    const text = await docxText(join(out, 'tildelingsbrev-2025-05-001.docx'));
    expect(text[0]).toMatch(/^Grant offer – /);
    expect(text).toContain('Conditions');
  });

  it('exits 2 without --out or with a bad --date', async () => {
    expect((await cli('letters', workbook)).code).toBe(2);
    const r = await cli('letters', workbook, '--out', tmp('brev-bad'), '--date', '20.05.2025');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--date');
  });
});

describe('tilskudd publish', () => {
  it('writes the 360Giving JSON package', async () => {
    const out = tmp('pub/grants.json');
    const r = await cli('publish', workbook, '--format', '360giving', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 tilskudd');
    const json = JSON.parse(readFileSync(out, 'utf8')) as { grants: Array<{ id: string; currency: string }> };
    expect(json.grants).toHaveLength(3);
    for (const g of json.grants) {
      expect(g.id).toMatch(/^360G-/);
      expect(g.currency).toBe('NOK');
    }
  });

  it('writes the 360Giving CSV', async () => {
    const out = tmp('grants.csv');
    const r = await cli('publish', workbook, '--format', '360giving', '--out', out);
    expect(r.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('Identifier,Title,Description,Currency,')).toBe(true);
    expect(csv.split('\r\n').filter((l) => l.startsWith('360G-'))).toHaveLength(3);
  });

  it('writes the public overview for --year as .docx', async () => {
    const out = tmp('oversikt-2025.docx');
    const r = await cli('publish', workbook, '--format', 'overview', '--year', '2025', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2025');
    const text = await docxText(out);
    expect(text[0]).toBe('Oversikt over tildelinger 2025');
    expect(text).toEqual(expect.arrayContaining([`939${NB}829`, `2${NB}019${NB}829`, `9${NB}160${NB}000`]));
    expect(text.join(' ')).not.toContain('@');
  });

  it('writes the overview as Markdown with .md', async () => {
    const out = tmp('oversikt-2026.md');
    const r = await cli('publish', workbook, '--format', 'overview', '--year', '2026', '--out', out);
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# Oversikt over tildelinger 2026\n')).toBe(true);
    expect(md).not.toContain('@');
  });

  it.each([
    ['an unknown format', ['--format', 'pdf', '--out', 'x.json'], '--format'],
    ['a missing format', ['--out', 'x.json'], '--format'],
    ['a bad year', ['--format', 'overview', '--year', 'i fjor', '--out', 'x.docx'], '--year'],
  ])('exits 2 for %s', async (_label, args, message) => {
    const out = tmp(args[args.length - 1]!);
    const argv = [...args.slice(0, -1), out];
    const r = await cli('publish', workbook, ...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 without --out', async () => {
    const r = await cli('publish', workbook, '--format', '360giving');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out');
  });

  it.each(['360giving', 'overview'])(
    'exits 2 for a .txt --out with --format %s, writing nothing',
    async (format) => {
      const out = tmp(`${format}.txt`);
      const r = await cli('publish', workbook, '--format', format, '--year', '2025', '--out', out);
      expect(r.code).toBe(2);
      expect(r.err).not.toBe('');
      expect(existsSync(out)).toBe(false);
    },
  );
});

describe('page layout of the .docx documents', () => {
  const zipOf = async (file: string) => JSZip.loadAsync(readFileSync(file));

  it('puts the case number and «Side X av Y» in the memo footer', async () => {
    const out = tmp('footer/sak.docx');
    expect((await memo(out, '--case', '18-2025', '--cases', CASES)).code).toBe(0);
    const zip = await zipOf(out);
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footers).toHaveLength(1);
    const xml = await zip.file(footers[0]!)!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('')
      .replace(/\u2011/g, '-')
      .replace(/([a-zA-Z])\u00a0(\d{4})/g, '$1 $2');
    expect(text).toContain('Sak 18-2025');
    expect(text).toContain('Side');
    expect(xml).toMatch(/PAGE/);
    expect(xml).toMatch(/NUMPAGES/);
  });

  it('gives overview tables fixed column widths from their content, not even shares', async () => {
    const out = tmp('layout/oversikt.docx');
    const r = await cli('publish', workbook, '--format', 'overview', '--year', '2025', '--out', out);
    expect(r.code).toBe(0);
    const xml = await (await zipOf(out)).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = xml.match(/<w:tblGrid>(.*?)<\/w:tblGrid>/)![1]!;
    const widths = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(6);
    expect(new Set(widths).size).toBeGreaterThan(2);
    // The page's text width, A4 less 1 inch margins: 9 026 twips.
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9026);
  });
});
