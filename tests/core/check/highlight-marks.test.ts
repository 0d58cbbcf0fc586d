import {
  highlightFormula,
  highlightSeverity,
  marksBlock,
  marksColumns,
} from '../../../src/core/check/highlight-marks';
import type { Finding } from '../../../src/core/engine/findings';
import type { SheetId } from '../../../src/core/workbook/sheets';

const finding = (severity: Finding['severity'], sheet: SheetId, row: number, field: string): Finding =>
  ({
    rule: 'r',
    severity,
    ref: '',
    message: { nb: '', en: '' },
    cells: [{ sheet, row, field }],
  }) as unknown as Finding;

const columns = {
  applications: { caseId: 0, amount: 2 },
  budget: { caseId: 0, amount: 3 },
  allocations: {},
  payments: {},
  statusReports: {},
  deadlines: {},
  plan: { nr: 0, owner: 1 },
} as const;
const keys: Record<string, unknown[]> = {
  'applications:2': ['2025-05-001'],
  'budget:4': ['2025-05-002', 1234],
};
const keyOf = (id: SheetId, row: number) => keys[`${id}:${row}`] ?? [];

describe('the marks of a check', () => {
  it('gives each flagged cell its most severe code, keeps a text key and no other', () => {
    const block = marksBlock(
      [
        finding('warning', 'applications', 2, 'amount'),
        finding('error', 'applications', 2, 'amount'),
        finding('info', 'applications', 2, 'caseId'),
        finding('warning', 'budget', 4, 'amount'),
      ],
      { columns },
      keyOf,
    );
    expect(block).toHaveLength(4);
    expect(block[0]!.slice(0, 4)).toEqual(['Søknader', 'Søknader: nøkkel', 'Budsjett', 'Budsjett: nøkkel']);
    const app = marksColumns('applications');
    const budget = marksColumns('budget');
    expect([block[1]![app.flags - 1], block[1]![app.key - 1]]).toEqual(['i.e', '#2025-05-001']);
    // A key with a number in it is not kept: the row is not guarded (Sheets would compare it as other text).
    expect([block[3]![budget.flags - 1], block[3]![budget.key - 1]]).toEqual(['...w', '']);
    expect(block[2]!.every((v) => v === '')).toBe(true);
  });

  it('pads with blank rows to clear the last check, and marks nothing for a header or an unknown column', () => {
    const block = marksBlock(
      [finding('error', 'plan', 1, 'owner'), finding('error', 'plan', 3, 'nosuch')],
      { columns },
      keyOf,
      6,
    );
    expect(block).toHaveLength(6);
    expect(
      block
        .slice(1)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });

  it('writes a formula its own test recognises, quoting the sheet name', () => {
    const guarded = highlightFormula("Ark'en", 'budget', 'error', [1, 2]);
    expect(guarded).toBe(
      `=IF(MID(INDIRECT("'Ark''en'!C"&ROW()),COLUMN(),1)="e",OR(INDIRECT("'Ark''en'!D"&ROW())="",INDIRECT("'Ark''en'!D"&ROW())="#"&$A2&"|"&$B2),FALSE)`,
    );
    const open = highlightFormula('Avviksfarger', 'plan', 'info', []);
    expect(open).toBe(`=MID(INDIRECT("'Avviksfarger'!M"&ROW()),COLUMN(),1)="i"`);
    expect([guarded, open].map(highlightSeverity)).toEqual(['error', 'info']);
    expect(highlightSeverity('=REGEXMATCH(LOWER(TRIM(I2)),"^(grønn)")')).toBeNull();
  });

  it('recognises its rules as a Norwegian spreadsheet may give them back: `;`, spaces, case', () => {
    const given = `=if(mid(indirect("'Avviksfarger'!C"&row());column();1)="W";OR(INDIRECT("'Avviksfarger'!D"&ROW())="";TRUE);FALSE)`;
    expect(highlightSeverity(given)).toBe('warning');
    expect(highlightSeverity('= MID( INDIRECT("\'X\'!A" & ROW() ) , COLUMN() , 1 ) = "e"')).toBe('error');
  });
});
