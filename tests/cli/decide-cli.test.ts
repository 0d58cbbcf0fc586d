import JSZip from 'jszip';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkbook, readValues } from '../../src/cli/xlsx';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { ALLOCATIONS, APPLICATIONS, LOG_SHEET } from '../../src/core/workbook/contract';
import { roundWorkbook } from '../core/decisions/round';
import { cli, workDir } from './helpers';

const { tmp } = workDir('tilskudd-decide-cli-');
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return sp([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' '));
}

let workbook = '';
beforeAll(async () => {
  workbook = tmp('runde.xlsx');
  await buildWorkbook(roundWorkbook(), DEFAULT_SETTINGS).xlsx.writeFile(workbook);
});

const DECISIONS = [
  '--change',
  '2026-05-001=700 000:2026-09-2027-06',
  '--preproject',
  '2026-05-002=300000',
  '--reject',
  '2026-05-003',
  '--reason',
  'Mangler forankring i kommunene',
  '--inhabil',
  '2026-05-002=Styremedlem A',
];

describe('tilskudd decide', () => {
  let decided = '';
  beforeAll(async () => {
    decided = tmp('vedtatt.xlsx');
    const r = await cli(
      'decide',
      workbook,
      '--case',
      '04-2026',
      '--meeting',
      '2026-05-20',
      '--out',
      decided,
      ...DECISIONS,
    );
    // Findings on the applications themselves are shown, never blocking (no written agreement yet).
    expect(r.err).toMatch(/^Merk \[contract-missing\] Sak 2026-05-001/m);
    expect(r.code).toBe(0);
  });

  it('writes the allocations, the statuses, the reasons and a Logg line per case into the copy', async () => {
    const v = await readValues(decided);
    const allocs = v[ALLOCATIONS.name]!.filter((r) => String(r[1]).startsWith('PS-sak 04-2026'));
    expect(allocs.map((r) => [r[0], r[1], r[5], r[6], r[7]])).toEqual([
      ['2026-05-001', 'PS-sak 04-2026', 700_000, '2026-09', '2027-06'],
      ['2026-05-002', 'PS-sak 04-2026 (forprosjekt)', 300_000, '2026-08', '2027-07'],
    ]);
    const apps = v[APPLICATIONS.name]!;
    const col = (h: string) => apps[0]!.indexOf(h);
    const row = (id: string) => apps.find((r) => r[0] === id)!;
    expect([col('Vedtak'), col('Begrunnelse'), col('Inhabil')].every((c) => c > 0)).toBe(true);
    expect(row('2026-05-003')[col('Status')]).toBe('Avslått');
    expect(row('2026-05-003')[col('Begrunnelse')]).toBe('Mangler forankring i kommunene');
    expect(row('2026-05-002')[col('Inhabil')]).toBe('Styremedlem A');
    const log = v[LOG_SHEET.name]!.slice(1);
    expect(log.map((r) => r[3])).toEqual(['2026-05-001', '2026-05-002', '2026-05-003']);
    // The input is never written.
    expect((await readValues(workbook))[ALLOCATIONS.name]).toHaveLength(5);
  });

  it('adds nothing when the same decisions are registered again, and writes no file', async () => {
    const out = tmp('igjen.xlsx');
    const r = await cli(
      'decide',
      decided,
      '--case',
      '04-2026',
      '--meeting',
      '2026-05-20',
      '--out',
      out,
      ...DECISIONS,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('allerede registrert');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses another change to a registered case, saying how to correct it (exit 1, nothing written)', async () => {
    const out = tmp('endret.xlsx');
    const r = await cli(
      'decide',
      decided,
      '--case',
      '04-2026',
      '--meeting',
      '2026-05-20',
      '--out',
      out,
      '--change',
      '2026-05-001=650000',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('Sak 2026-05-001 er allerede registrert i PS-sak 04-2026');
    expect(r.err).toContain('nytt vedtak i en ny sak');
    expect(existsSync(out)).toBe(false);
  });

  it('names an error in the decision itself and exits 1 without writing', async () => {
    const out = tmp('feil.xlsx');
    const r = await cli(
      'decide',
      workbook,
      '--case',
      '04-2026',
      '--meeting',
      '2026-05-20',
      '--out',
      out,
      '--change',
      '2026-05-001=0',
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Holdt utenfor.*Tildelinger rad \d+, sak 2026-05-001/s);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a --reject without its --reason, and never writes over its input', async () => {
    const r = await cli(
      'decide',
      workbook,
      '--case',
      '04-2026',
      '--meeting',
      '2026-05-20',
      '--out',
      tmp('x.xlsx'),
      '--reject',
      '2026-05-003',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('--reason');
    const same = await cli(
      'decide',
      workbook,
      '--case',
      '04-2026',
      '--meeting',
      '2026-05-20',
      '--out',
      workbook,
    );
    expect(same.code).toBe(2);
    expect(same.err).toContain('skriver aldri over');
  });

  it('the letters and the protocol say the same amounts for the same cases', async () => {
    const letters = tmp('brev');
    expect((await cli('letters', decided, '--out', letters)).code).toBe(0);
    const protocol = tmp('protokoll.docx');
    const r = await cli('report', decided, '--kind', 'decisions', '--case', '04-2026', '--out', protocol);
    expect(r.code).toBe(0);
    // Printed ids keep together with a non-breaking hyphen (U+2011): read as the plain id.
    const text = (await docxText(protocol)).replace(/\u2011/g, '-');
    const letterOf = async (id: string) => docxText(join(letters, `tildelingsbrev-${id}.docx`));
    expect(readdirSync(letters)).toEqual(
      expect.arrayContaining(['tildelingsbrev-2026-05-001.docx', 'tildelingsbrev-2026-05-002.docx']),
    );
    expect(readdirSync(letters)).not.toContain('tildelingsbrev-2026-05-003.docx');
    expect(await letterOf('2026-05-001')).toContain('700 000');
    expect(await letterOf('2026-05-002')).toContain('300 000');
    expect(text).toMatch(/2026-05-001 .*700 000/);
    expect(text).toMatch(/2026-05-002 .*300 000/);
    expect(text).toMatch(/2026-05-003 .*Avslått/);
    expect(text).toContain('Styremedlem A');
    expect(text).toContain('Mangler forankring i kommunene');
  });

  it('end to end: memo → decide → letters, rejection, protocol and agreement say the same', async () => {
    const recorded = tmp('med-forslag.xlsx');
    const memo = await cli(
      'memo',
      workbook,
      '--out',
      tmp('sak.docx'),
      '--case',
      '04-2026',
      '--meeting',
      '2026-05-20',
      '--record',
      recorded,
    );
    expect(memo.code).not.toBe(2);
    // The memo recorded its proposal; the decisions below are read against it.
    expect(((await readValues(recorded))['Forslag'] ?? []).length).toBeGreaterThan(1);
    const decidedCopy = tmp('vedtatt-fra-forslag.xlsx');
    const d = await cli(
      'decide',
      recorded,
      '--case',
      '04-2026',
      '--meeting',
      '2026-05-20',
      '--out',
      decidedCopy,
      ...DECISIONS,
    );
    expect(d.code).toBe(0);
    const letters = tmp('brev-e2e');
    expect((await cli('letters', decidedCopy, '--out', letters)).code).toBe(0);
    const read = (name: string) => docxText(join(letters, name));
    expect(await read('tildelingsbrev-2026-05-001.docx')).toContain('700 000');
    expect(await read('tildelingsbrev-2026-05-002.docx')).toContain('300 000');
    expect(await read('avslag-2026-05-003.docx')).toContain('Mangler forankring i kommunene');
    const protocol = tmp('protokoll-e2e.docx');
    expect(
      (await cli('report', decidedCopy, '--kind', 'decisions', '--case', '04-2026', '--out', protocol)).code,
    ).toBe(0);
    const text = (await docxText(protocol)).replace(/\u2011/g, '-');
    expect(text).toMatch(/2026-05-001 .*700 000/);
    expect(text).toMatch(/2026-05-003 .*Avslått/);
    const agreement = tmp('avtale-e2e.docx');
    expect(
      (await cli('report', decidedCopy, '--kind', 'agreement', '--case', '2026-05-001', '--out', agreement))
        .code,
    ).toBe(0);
    const agreed = (await docxText(agreement)).replace(/\u2011/g, '-');
    expect(agreed).toContain('700 000');
    expect(agreed).toContain('PS-sak 04-2026');
  });

  it('asks for --case with --kind decisions', async () => {
    const r = await cli('report', workbook, '--kind', 'decisions', '--out', tmp('p.md'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--kind decisions trenger --case');
  });
});

describe("tilskudd decide: the board's closures, extensions and withdrawals", () => {
  const FOLLOW_UPS = [
    '--extend',
    '2025-05-001=2026-12-31',
    '--withdraw',
    '2025-05-001=100 000',
    '--withdraw',
    '2025-05-002',
    '--approve-closure',
    '2025-05-002',
  ];
  const decideLater = (input: string, out: string, ...rest: string[]) =>
    cli('decide', input, '--case', '05-2026', '--meeting', '2026-06-10', '--out', out, ...rest);
  let decided = '';
  beforeAll(async () => {
    decided = tmp('avsluttet.xlsx');
    const r = await decideLater(workbook, decided, ...FOLLOW_UPS);
    expect(r.code).toBe(0);
  });

  it('writes the rows, the closure and a Logg line each, and no recommendation of the round', async () => {
    const v = await readValues(decided);
    const rows = v[ALLOCATIONS.name]!.filter((r) => String(r[1]) === 'PS-sak 05-2026');
    expect(rows.map((r) => [r[0], r[3], r[5], r[6], r[7]])).toEqual([
      ['2025-05-001', 'Forlengelse', 0, '2026-08', '2026-12'],
      ['2025-05-001', 'Inndragning', 100_000, '2026-07', '2026-07'],
      ['2025-05-002', 'Inndragning', 625_000, '2025-12', '2025-12'],
    ]);
    const apps = v[APPLICATIONS.name]!;
    const header = apps[0]!.map(String);
    const pre = apps.find((r) => r[0] === '2025-05-002')!;
    expect(pre[header.indexOf('Status')]).toBe('Avsluttet');
    expect(pre[header.indexOf('Avslutningsvedtak')]).toBe('PS-sak 05-2026');
    // The grant's own decision stays.
    expect(pre[header.indexOf('Vedtak')] ?? '').not.toBe('PS-sak 05-2026');
    expect(apps.filter((r) => r[header.indexOf('Vedtak')] === 'PS-sak 05-2026')).toEqual([]);
    const log = v[LOG_SHEET.name]!.slice(1).map((r) => [r[2], r[3]]);
    expect(log).toEqual([
      ['Avslutning godkjent', '2025-05-002'],
      ['Forlengelse', '2025-05-001'],
      ['Inndragning', '2025-05-001'],
      ['Inndragning', '2025-05-002'],
    ]);
  });

  it('--only decides the named proposals beside a closure and leaves the others for a later case', async () => {
    const out = tmp('bare.xlsx');
    const r = await decideLater(workbook, out, '--approve-closure', '2025-05-002', '--only', '2026-05-002');
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      'Ikke behandlet i PS-sak 05-2026 (venter på et senere vedtak): 2026-05-001, 2026-05-003.',
    );
    const apps = (await readValues(out))[APPLICATIONS.name]!;
    const header = apps[0]!.map(String);
    const decidedIn = apps.filter((r) => r[header.indexOf('Vedtak')] === 'PS-sak 05-2026').map((r) => r[0]);
    expect(decidedIn).toEqual(['2026-05-002']);
    // Without --only, the applications' recommendations are all decided, and the note says how to narrow it.
    const all = await decideLater(workbook, tmp('alle.xlsx'), '--postpone', '2026-05-003');
    expect(all.code).toBe(0);
    expect(all.err).toContain(
      'forslagene er søknadenes «Innstilling», og alle er vedtatt (2026-05-001, 2026-05-002, 2026-05-003)',
    );
    expect(all.err).toContain('--only SAKSNR');
  });

  it('adds nothing the second time, and refuses another extension in the same case (exit 1)', async () => {
    const again = tmp('avsluttet-igjen.xlsx');
    const r = await decideLater(decided, again, ...FOLLOW_UPS);
    expect(r.code).toBe(0);
    expect(r.out).toContain('allerede registrert slik');
    expect(existsSync(again)).toBe(false);
    const other = await decideLater(decided, again, '--extend', '2025-05-001=2027-03');
    expect(other.code).toBe(1);
    expect(sp(other.err)).toContain('(forlenget til desember 2026), og nå står det mars 2027');
    expect(existsSync(again)).toBe(false);
  });

  it('names a bad month or amount before reading the workbook', async () => {
    const out = tmp('feil-maaned.xlsx');
    const r = await decideLater(workbook, out, '--extend', '2025-05-001=desember');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('--extend for sak 2025-05-001');
    const w = await decideLater(workbook, out, '--withdraw', '2025-05-001=mye');
    expect(w.err).toContain('--withdraw for sak 2025-05-001');
    expect(existsSync(out)).toBe(false);
  });

  it('the protocol of the case lists the decisions', async () => {
    const md = tmp('protokoll-05.md');
    const r = await cli('report', decided, '--kind', 'decisions', '--case', '05-2026', '--out', md);
    expect(r.code).toBe(0);
    const text = sp(readFileSync(md, 'utf8'));
    expect(text).toContain('Perioden forlenget til desember 2026');
    expect(text).toContain('Inndratt 625 000 kr');
    expect(text).toContain('Avslutning godkjent');
  });
});
