import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import type { CheckJson } from '../../src/cli/report';
import { buildWorkbook } from '../../src/cli/xlsx';
import { ACTION_PLAN } from '../../src/core/workbook/contract';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { exampleWorkbook } from '../../src/example/agder';
import { cli, workDir } from './helpers';

const { tmp } = workDir('tilskudd-plan-cli-');

/** The example with the first measure's owner emptied, so one plan rule fires. */
async function workbook(): Promise<string> {
  const values = exampleWorkbook();
  values[ACTION_PLAN.name]![3]![ACTION_PLAN.fields.findIndex((f) => f.key === 'owner')] = '';
  const file = tmp('agder.xlsx');
  await buildWorkbook(values, DEFAULT_SETTINGS).xlsx.writeFile(file);
  return file;
}

describe('tilskudd check with an action plan', () => {
  it('runs the plan rules, with the assigned number as ref, and --write writes the numbers into Nr', async () => {
    const file = await workbook();
    const r = await cli('check', file, '--json', '--date', '2026-12-01');
    const plan = (JSON.parse(r.out) as CheckJson).findings.filter((f) => f.rule.startsWith('measure-'));
    expect(plan).toEqual([
      expect.objectContaining({ rule: 'measure-owner-missing', ref: '1.1.1', severity: 'warning' }),
      // The review's own plan repeats the wording of goal 1.1 as goal 1.3.
      expect.objectContaining({ rule: 'measure-text-duplicate', ref: '1.3', severity: 'warning' }),
    ]);
    const out = tmp('kontrollert.xlsx');
    await cli('check', file, '--write', out, '--date', '2026-12-01');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(ACTION_PLAN.name)!;
    const numbers = Array.from({ length: 30 }, (_, i) => ws.getRow(i + 2).getCell(1).value);
    expect(numbers.slice(0, 5)).toEqual(['1', '1.1', '1.1.1', '1.2', '1.2.1']);
    expect(numbers.at(-1)).toBe('3.3.1');
    expect(ws.getRow(4).getCell(1).numFmt).toBe('@');
    expect(ws.getRow(4).getCell(4).note).toMatch(/measure-owner-missing/);
  });
});

describe('tilskudd check --write on a plan without Nr', () => {
  it('adds the Nr column after the last one and leaves every other cell as it was', async () => {
    const values = exampleWorkbook();
    values[ACTION_PLAN.name] = values[ACTION_PLAN.name]!.map((row) => row.slice(1));
    const file = tmp('uten-nr.xlsx');
    await buildWorkbook(values, DEFAULT_SETTINGS).xlsx.writeFile(file);
    const out = tmp('med-nr.xlsx');
    await cli('check', file, '--write', out, '--date', '2026-12-01');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(ACTION_PLAN.name)!;
    const width = values[ACTION_PLAN.name]![0]!.length;
    expect(ws.getRow(1).getCell(width + 1).value).toBe('Nr');
    expect(ws.getRow(31).getCell(width + 1).value).toBe('3.3.1');
    expect(ws.getRow(4).getCell(2).value).toBe(values[ACTION_PLAN.name]![3]![1]);
  });
});

describe('tilskudd report --kind plan', () => {
  it('writes the annual review as Markdown with the numbers, the reds and the changes', async () => {
    const out = tmp('gjennomgang.md');
    const r = await cli(
      'report',
      await workbook(),
      '--kind',
      'plan',
      '--date',
      '2025-11-20',
      '--meeting',
      '2025-12-04',
      '--case',
      '30-2025',
      '--out',
      out,
    );
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/Skrev den årlige gjennomgangen/) });
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Årlig gjennomgang av handlingsplanen/);
    expect(md).toMatch(/### Fokusområde 2: Rett kompetanse på rett sted til rett tid/);
    expect(md).toMatch(/\*\*Tiltak:\*\* 1 grønn, 4 røde\./);
    expect(md).toMatch(
      /\| 3\.1\.2 \| Felles nettside med relevant innhold .* \| Kommunikasjonsrådgiver, Sekretariatet \|/,
    );
    expect(md).toMatch(/## Endringer siden forrige gjennomgang \(15\.11\.2024\)/);
    expect(md).toMatch(/\| 3\.2\.1 \| Partnerskapsmøter to ganger i året \| Gul \| Grønn \|/);
    expect(md).toMatch(/## Vedlegg: trafikklys for handlingsplanen per 20\.11\.2025/);
    // The board case's header from --meeting and --case, and the regions' input read from `Innspill`.
    expect(md).toMatch(/\| Møtedato \| 04\.12\.2025 \|\n\| Saksnummer \| 30-2025 \|/);
    expect(md).toMatch(/\| Innspill: Setesdal \| Gul: Digitale samtalerom/);
    expect(md).toMatch(/\| Østre Agder \| 2 \| 0 \| 0 \| 2 \| 0 \| 2 av 7: 2\.2\.1, 3\.1\.2 \|/);
  });

  it('writes a .docx whose matrix page is landscape with coloured light cells', async () => {
    const out = tmp('gjennomgang.docx');
    expect((await cli('report', await workbook(), '--kind', 'plan', '--out', out)).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/w:orient="landscape"/);
    expect(xml).toMatch(/w:fill="F4C7C3"/);
    expect(xml).toContain('Årlig gjennomgang av handlingsplanen');
  });

  it('refuses an unknown kind and a workbook without a plan, naming what to do', async () => {
    const file = await workbook();
    const bad = await cli('report', file, '--kind', 'nope', '--out', tmp('x.md'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--kind må være plan/);
    const values = exampleWorkbook();
    delete values[ACTION_PLAN.name];
    const without = tmp('uten.xlsx');
    await buildWorkbook(values, DEFAULT_SETTINGS).xlsx.writeFile(without);
    const r = await cli('report', without, '--kind', 'plan', '--out', tmp('y.md'));
    expect(r.code).toBe(2);
    // How to add the sheet offline too, not only the Google Sheets menu.
    expect(r.err).toMatch(/mangler arket «Handlingsplan».*Nivå, Tekst, Status.*tilskudd init/);
  });
});
