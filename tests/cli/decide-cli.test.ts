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
    expect(r.err).toMatch(/^Merk \[contract-missing\] Sak 2026-05-001/);
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

  it('asks for --case with --kind decisions', async () => {
    const r = await cli('report', workbook, '--kind', 'decisions', '--out', tmp('p.md'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--kind decisions trenger --case');
  });
});
