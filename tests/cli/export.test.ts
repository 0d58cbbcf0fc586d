import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { buildWorkbook } from '../../src/cli/xlsx';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { exampleWorkbook } from '../../src/example/agder';
import { PAYMENTS } from '../../src/core/workbook/contract';

const dir = mkdtempSync(join(tmpdir(), 'tilskudd-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function example(edit: (v: Record<string, unknown[][]>) => void = () => {}): Promise<string> {
  const values = exampleWorkbook();
  edit(values);
  const file = join(dir, `example-${Math.random().toString(36).slice(2)}.xlsx`);
  await buildWorkbook(values, DEFAULT_SETTINGS).xlsx.writeFile(file);
  return file;
}

describe('tilskudd export --format economy', () => {
  it('writes a CSV per project and budget year, then a total per year', async () => {
    const out = join(dir, 'okonomi.csv');
    const r = await cli(
      'export',
      await example(),
      '--format',
      'economy',
      '--out',
      out,
      '--date',
      '2026-12-01',
    );
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`Skrev økonomien (8 rader) til ${out}.`);
    const raw = readFileSync(out, 'utf8');
    // For Norwegian Excel: a byte order mark (so «rød» reads as UTF-8) and semicolons.
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const lines = raw.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Saksnr;Tittel;Region;Budsjettår;Tildelt;Utbetalt mot årets tildeling;Utbetalt i året (betalingsdato);Gjenstår å utbetale;Utbetalt for mye;Lys (forslag);Per dato',
    );
    // Paid both ways: against the year's allocation (the earliest year first) and by the payment's date.
    // Left to pay and paid too much stay apart, so a sum never nets one against the other.
    expect(lines.slice(1)).toEqual([
      '2025-05-001;Agdermodellen – barn og unges helsetjenester innen psykisk helse;Hele Agder;2025;455000;455000;560000;0;0;rød;2026-12-01',
      '2025-05-001;Agdermodellen – barn og unges helsetjenester innen psykisk helse;Hele Agder;2026;665000;105000;0;560000;0;rød;2026-12-01',
      '2025-05-002;Skrøpelige eldre 65+ – delt datasenter Østre Agder / SSHF;Østre Agder;2025;625000;0;0;625000;0;rød;2026-12-01',
      'ADM-2025;;;2025;939829;959829;939829;0;20000;rød;2026-12-01',
      'ADM-2025;;;2026;0;0;20000;0;0;rød;2026-12-01',
      'ADM-2026;;;2026;0;50000;50000;0;50000;rød;2026-12-01',
      'Sum;;;2025;2019829;1414829;1499829;625000;20000;;2026-12-01',
      'Sum;;;2026;665000;155000;70000;560000;50000;;2026-12-01',
    ]);
  });

  it('limits to one budget year and writes .xlsx in English', async () => {
    const out = join(dir, 'economy.xlsx');
    const r = await cli(
      'export',
      await example(),
      '--format',
      'economy',
      '--out',
      out,
      '--year',
      '2026',
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Economy')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Case ID',
      'Title',
      'Region',
      'Budget year',
      'Allocated',
      "Paid against the year's allocation",
      'Paid in the year (payment date)',
      'Left to pay',
      'Overpaid',
      'Light (suggested)',
      'As of',
    ]);
    const last = ws.rowCount;
    expect((ws.getRow(last).values as unknown[]).slice(1, 10)).toEqual([
      'Total',
      '',
      '',
      2026,
      665_000,
      155_000,
      70_000,
      560_000,
      50_000,
    ]);
  });

  it('neutralises a case id that a spreadsheet would read as a formula', async () => {
    const out = join(dir, 'formula.csv');
    const file = await example((v) => {
      v[PAYMENTS.name]!.push([
        '=HYPERLINK("http://x.example")',
        new Date(Date.UTC(2026, 0, 5)),
        10,
        '',
        '',
        '',
        '',
      ]);
    });
    await cli('export', file, '--format', 'economy', '--out', out);
    expect(readFileSync(out, 'utf8')).toContain(`"'=HYPERLINK(""http://x.example"")"`);
  });

  it.each([
    [['--format', 'economy'], /--out/],
    [['--format', 'ledger', '--out', 'x.csv'], /--format må være economy/],
    [['--format', 'economy', '--out', 'x.pdf'], /\.xlsx eller \.csv/],
    [['--format', 'economy', '--out', 'x.csv', '--year', '26'], /--year må være et årstall/],
  ])('refuses %j with exit 2', async (args, message) => {
    const r = await cli('export', await example(), ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('tilskudd publish --format overview --out FIL.csv', () => {
  it('writes the overview table with a byte order mark and semicolons, for Norwegian Excel', async () => {
    const out = join(dir, 'oversikt.csv');
    const r = await cli('publish', await example(), '--format', 'overview', '--year', '2025', '--out', out);
    expect(r.code).toBe(0);
    const raw = readFileSync(out, 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const lines = raw.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Prosjekt;Organisasjon;Kategori;Periode;Beløp 2025;Tildelt i alt');
    expect(lines.slice(1).every((l) => l.split(';').length === 6)).toBe(true);
    // Amounts as plain numbers (no grouping space, no minus sign U+2212), which a spreadsheet reads as
    // numbers in any locale; the document formats them.
    expect(lines.slice(1).map((l) => l.split(';').slice(4))).toEqual([
      ['455000', '1120000'],
      ['625000', '625000'],
      ['939829', '939829'],
    ]);
  });
});
