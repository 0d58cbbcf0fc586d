import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { highlightFormula, marksBlock } from '../../src/core/check/highlight-marks';
import type { Finding } from '../../src/core/engine/findings';
import type { SheetId } from '../../src/core/workbook/sheets';

/**
 * The highlight rule's formula as a spreadsheet engine evaluates it, not as the test helper
 * (`shown-fill.ts`) reads it: LibreOffice Calc computes the formula for each cell of a small `Budsjett`
 * beside the marks `marksBlock` makes, with ROW(), COLUMN() and the relative key references put in as a
 * conditional format would. Google's engine is not at hand; Calc shares its functions (IF, OR, MID,
 * INDIRECT, `&`) and text comparison. Skipped where LibreOffice is not installed.
 */
const SOFFICE = '/usr/bin/soffice';
const run = existsSync(SOFFICE) ? test : test.skip;

const budget = [
  ['Saksnr', 'Post', 'Beløp'],
  ['2025-05-001', 'Lønn', 100],
  ['2025-05-002', 'Reise', 'plassholder'],
  ['2025-05-002', 'Lønn', 'plassholder'],
  [123, 'Lønn', 'x'],
];
const finding = (row: number, field: string, severity: Finding['severity']) =>
  ({
    rule: 'r',
    severity,
    ref: '',
    message: { nb: '', en: '' },
    cells: [{ sheet: 'budget', row, field }],
  }) as unknown as Finding;
const columns = { budget: { caseId: 0, item: 1, amount: 2 } } as unknown as Parameters<
  typeof marksBlock
>[1]['columns'];

run('Calc colours what the marks say, only while the row still holds its key', async () => {
  const block = marksBlock(
    [finding(3, 'amount', 'error'), finding(4, 'amount', 'warning'), finding(5, 'amount', 'error')],
    { columns },
    (_id: SheetId, row) => [budget[row - 1]![0], budget[row - 1]![1]],
  );
  // The sheet as the check read it (`Som`), and after rows 3 and 4 (one case's two lines) traded places.
  const sheets: Record<string, unknown[][]> = {
    Som: budget,
    Byttet: [budget[0]!, budget[1]!, budget[3]!, budget[2]!, budget[4]!],
  };
  const wb = new ExcelJS.Workbook();
  const marks = wb.addWorksheet('Avviksfarger');
  block.forEach((r) => marks.addRow(r));
  for (const [name, rows] of Object.entries(sheets)) {
    const data = wb.addWorksheet(name);
    rows.forEach((r) => data.addRow(r));
    const out = wb.addWorksheet(`Ut${name}`);
    for (let row = 2; row <= 5; row++)
      for (let column = 1; column <= 3; column++)
        for (const severity of ['error', 'warning'] as const) {
          // As a rule over A2:… evaluates at (row, column): ROW(), COLUMN() and `$A2` moved to that cell.
          const formula = highlightFormula('Avviksfarger', 'budget', severity, [1, 2])
            .slice(1)
            .replace(/ROW\(\)/g, String(row))
            .replace(/COLUMN\(\)/g, String(column))
            .replace(/\$([A-Z])2/g, (_, c: string) => `${name}!$${c}${row}`);
          out.addRow([`${row},${column},${severity}`, { formula }]);
        }
  }
  const dir = mkdtempSync(join(tmpdir(), 'tilskudd-calc-'));
  try {
    await wb.xlsx.writeFile(join(dir, 'regel.xlsx'));
    // Every sheet to CSV (the last option), the formulas computed by Calc.
    execFileSync(
      SOFFICE,
      [
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        dir,
        join(dir, 'regel.xlsx'),
      ],
      { stdio: 'ignore', timeout: 120_000, env: { ...process.env, HOME: dir } },
    );
    const shown = (name: string) => {
      const csv = readFileSync(join(dir, `regel-Ut${name}.csv`), 'utf8')
        .trim()
        .split('\n');
      expect(csv).toHaveLength(4 * 3 * 2);
      return csv.filter((l) => l.endsWith(',TRUE')).map((l) => l.split('"')[1]);
    };
    // As read: each flagged cell in its own severity, nothing else.
    expect(shown('Som')).toEqual(['3,3,error', '4,3,warning', '5,3,error']);
    // Traded places: their keys differ now (Reise, Lønn), so neither shows a colour until the next check.
    // Row 5's key has a number in it: not kept, so not guarded.
    expect(shown('Byttet')).toEqual(['5,3,error']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
