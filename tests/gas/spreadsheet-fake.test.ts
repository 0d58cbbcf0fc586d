import { runInNewContext } from 'node:vm';
import { CallLog } from './fakes/calls';
import { createSpreadsheetFakes, type SpreadsheetFakeOptions } from './fakes/spreadsheet';
import type { Mode } from './fakes/spreadsheet-base';

function setup(options: Partial<SpreadsheetFakeOptions> = {}) {
  const calls = new CallLog();
  let mode: Mode = 'normal';
  const fakes = createSpreadsheetFakes({ calls, mode: () => mode, ...options });
  const ss = fakes.SpreadsheetApp.getActiveSpreadsheet();
  calls.reset();
  return { ...fakes, calls, ss, setMode: (m: Mode) => (mode = m) };
}

/** A fresh fake with one sheet 'Data' holding `rows`; returns that sheet through the Apps Script API. */
function withSheet(rows: unknown[][] = [], options: Partial<SpreadsheetFakeOptions> = {}) {
  const env = setup(options);
  env.spreadsheet.addSheet('Data', rows);
  const sheet = env.ss.getSheetByName('Data')!;
  env.calls.reset();
  return { ...env, sheet };
}

const oslo = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

describe('spreadsheet and sheets', () => {
  test('a new spreadsheet has one active sheet, Sheet1, of 1000 rows x 26 columns', () => {
    const { ss, SpreadsheetApp } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(SpreadsheetApp.getActiveSheet().getName()).toBe('Sheet1');
    const sheet = ss.getSheets()[0]!;
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
      1000, 26, 0, 0,
    ]);
  });

  test('getSheetByName matches the exact name and returns null when missing', () => {
    const { ss, spreadsheet } = setup();
    spreadsheet.addSheet('Søknader');
    expect(ss.getSheetByName('Søknader')?.getName()).toBe('Søknader');
    expect(ss.getSheetByName('søknader')).toBeNull();
    expect(ss.getSheetByName('Missing')).toBeNull();
  });

  test('insertSheet places the sheet at a 0-based index, names it, and makes it active', () => {
    const { ss } = setup();
    const first = ss.insertSheet('First', 0);
    const last = ss.insertSheet('Last');
    const unnamed = ss.insertSheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Last', 'Sheet4']);
    expect([first.getIndex(), last.getIndex(), unnamed.getIndex()]).toEqual([1, 3, 4]);
    expect(ss.getActiveSheet().getName()).toBe('Sheet4');
    expect(new Set(ss.getSheets().map((s) => s.getSheetId())).size).toBe(4);
    expect(last.getParent().getId()).toBe(ss.getId());
  });

  test('insertSheet and setName refuse an existing name (case-insensitive) with Google’s message', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Logg');
    const message = 'A sheet with the name "Logg" already exists. Please enter another name.';
    expect(() => ss.insertSheet('Logg')).toThrow(message);
    expect(() => ss.getSheetByName('Sheet1')!.setName('Logg')).toThrow(message);
    expect(() => ss.insertSheet('LOGG')).toThrow('A sheet with the name "LOGG" already exists.');
    expect(sheet.setName('Logg').getName()).toBe('Logg');
    expect(sheet.setName('Journal').getName()).toBe('Journal');
  });

  test('insertSheet with a template is not implemented', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('Copy', { template: ss.getSheets()[0]! })).toThrow(TypeError);
  });

  test('deleteSheet removes a sheet, moves the selection, and refuses to remove the last one', () => {
    const { ss } = setup();
    const extra = ss.insertSheet('Extra');
    ss.deleteSheet(extra);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  test('setActiveSheet, sheet.activate and range.activate set the active sheet and range', () => {
    const { ss, spreadsheet, SpreadsheetApp } = setup();
    spreadsheet.addSheet('B');
    const b = ss.getSheetByName('B')!;
    expect(ss.setActiveSheet(b)).toBe(b);
    expect(ss.getActiveSheet().getName()).toBe('B');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A1');
    ss.getSheetByName('Sheet1')!.activate();
    expect(SpreadsheetApp.getActiveSheet().getName()).toBe('Sheet1');
    b.getRange('B2:C3').activate();
    expect(SpreadsheetApp.getActiveRange().getA1Notation()).toBe('B2:C3');
    expect(ss.getActiveSheet().getName()).toBe('B');
    expect(ss.getCurrentCell()?.getA1Notation()).toBe('B2');
  });

  test('identity, locale, time zone and the linked form url', () => {
    const { ss, spreadsheet } = setup({
      id: 'abc',
      name: 'Tilskudd',
      locale: 'nb_NO',
      timeZone: 'Europe/Oslo',
    });
    expect([ss.getId(), ss.getName(), ss.getUrl()]).toEqual([
      'abc',
      'Tilskudd',
      'https://docs.google.com/spreadsheets/d/abc/edit',
    ]);
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(['nb_NO', 'Europe/Oslo']);
    ss.setSpreadsheetLocale('en_GB');
    expect(ss.getSpreadsheetLocale()).toBe('en_GB');
    expect(ss.getFormUrl()).toBeNull();
    spreadsheet.addSheet('Skjemasvar 1');
    spreadsheet.setFormUrl('https://docs.google.com/forms/d/f/edit', 'Skjemasvar 1');
    expect(ss.getFormUrl()).toBe('https://docs.google.com/forms/d/f/edit');
    expect(ss.getSheetByName('Skjemasvar 1')!.getFormUrl()).toBe('https://docs.google.com/forms/d/f/edit');
    expect(ss.getSheetByName('Sheet1')!.getFormUrl()).toBeNull();
  });

  test('spreadsheet.getRange reads "Sheet!A1" notation, quoted names and the active sheet', () => {
    const { ss, spreadsheet } = withSheet([['a', 'b']]);
    spreadsheet.addSheet("Kari's ark", [['x']]);
    expect(ss.getRange('Data!A1:B1').getValues()).toEqual([['a', 'b']]);
    expect(ss.getRange("'Kari''s ark'!A1").getValue()).toBe('x');
    expect(ss.getRange('A1').getSheet().getName()).toBe('Sheet1');
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
  });

  test('toast is recorded with its title and timeout', () => {
    const { ss, ui } = setup();
    ss.toast('Lagret');
    ss.toast('3 rader', 'Import', 10);
    expect(ui.toasts).toEqual([
      { message: 'Lagret', title: '', timeoutSeconds: null },
      { message: '3 rader', title: 'Import', timeoutSeconds: 10 },
    ]);
  });

  test('getLastRow/getLastColumn count values and formulas, not formats or notes', () => {
    const { sheet } = withSheet();
    sheet.getRange('E10').setBackground('#ff0000').setNote('only a note');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C4').setValue('x');
    sheet.getRange('B7').setFormula('=1+1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
  });

  test('getDataRange of an empty sheet is A1', () => {
    expect(withSheet().sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  test('getSheetValues reads a block in one call; -1 reaches the last row or column with content', () => {
    const day = oslo(2025, 5, 9);
    const { sheet, calls } = withSheet([
      ['Navn', 'Dato', ''],
      ['Ada', day, 3],
    ]);
    sheet.getRange('E1').setNote('a note does not count');
    calls.reset();
    expect(sheet.getSheetValues(1, 1, -1, -1)).toEqual(sheet.getDataRange().getValues());
    expect(sheet.getSheetValues(1, 1, -1, -1)).toEqual([
      ['Navn', 'Dato', ''],
      ['Ada', day, 3],
    ]);
    expect(sheet.getSheetValues(1, 1, 1, -1)).toEqual([['Navn', 'Dato', '']]);
    expect(sheet.getSheetValues(2, 2, -1, 1)).toEqual([[day]]);
    expect(calls.count('Sheet.getSheetValues')).toBe(4);
    expect(calls.total('Range.')).toBe(1);
  });

  test('refuseMinusOne (Google documents no -1): getSheetValues refuses it, other counts still work', () => {
    const { sheet, spreadsheet } = withSheet([['Navn'], ['Ada']]);
    spreadsheet.refuseMinusOne = true;
    expect(() => sheet.getSheetValues(1, 1, -1, -1)).toThrow(/must be at least 1/);
    expect(() => sheet.getSheetValues(1, 1, 1, -1)).toThrow(/must be at least 1/);
    expect(sheet.getSheetValues(1, 1, 2, 1)).toEqual([['Navn'], ['Ada']]);
  });

  test('getSheetValues of an empty sheet with -1 is refused like a block of no rows', () => {
    expect(() => withSheet().sheet.getSheetValues(1, 1, -1, -1)).toThrow(/must be at least 1/);
  });

  test('appendRow writes after the last row with content, converting like setValues, and grows the sheet', () => {
    const { sheet, spreadsheet } = withSheet([['Navn', 'Beløp']]);
    sheet.appendRow(['Ola', '1500']);
    expect(spreadsheet.sheetData('Data').values).toEqual([
      ['Navn', 'Beløp'],
      ['Ola', 1500],
    ]);
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow(['Kari', '=B2*2']);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getRange('B3').getFormula()).toBe('=B2*2');
  });

  test('inserting columns shifts cells and column widths right and grows the sheet', () => {
    const { sheet, spreadsheet } = withSheet([['a', 'b', 'c']]);
    sheet.setColumnWidth(2, 250);
    sheet.insertColumnBefore(2);
    expect(spreadsheet.sheetData('Data').values).toEqual([['a', '', 'b', 'c']]);
    expect(sheet.getColumnWidth(3)).toBe(250);
    sheet.insertColumnAfter(1);
    sheet.insertColumnsAfter(5, 2);
    expect(spreadsheet.sheetData('Data').values).toEqual([['a', '', '', 'b', 'c']]);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getColumnWidth(1)).toBe(100);
    expect(() => sheet.insertColumnAfter(31)).toThrow('Those columns are out of bounds.');
  });

  test('insertRowsAfter and deleteRows move rows and change getMaxRows', () => {
    const { sheet, spreadsheet } = withSheet([['1'], ['2'], ['3']]);
    sheet.insertRowsAfter(1, 2);
    expect(spreadsheet.sheetData('Data').values).toEqual([['1'], [''], [''], ['2'], ['3']]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(spreadsheet.sheetData('Data').values).toEqual([['1'], ['2'], ['3']]);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertRowsAfter(0, 1)).toThrow('Those rows are out of bounds.');
  });

  test('deleteRows refuses to delete every non-frozen row; frozen rows are kept by setFrozenRows', () => {
    const { sheet } = withSheet();
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    sheet.deleteRows(2, 998);
    expect(sheet.getMaxRows()).toBe(2);
  });

  test('protect adds overlapping protections, listed by type on the sheet and spreadsheet', () => {
    const { ss, sheet, SpreadsheetApp } = withSheet();
    const p = sheet.protect().setDescription('Låst').setWarningOnly(true);
    sheet.protect();
    sheet.getRange('A1:B2').protect().setDescription('Range');
    expect([p.getDescription(), p.isWarningOnly()]).toEqual(['Låst', true]);
    expect(p.getProtectionType()).toBe(SpreadsheetApp.ProtectionType.SHEET);
    expect(p.getRange().getA1Notation()).toBe('A1:Z1000');
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(2);
    const ranges = ss.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    expect(ranges.map((r) => r.getDescription())).toEqual(['Range']);
    expect(ranges[0]!.getRange().getA1Notation()).toBe('A1:B2');
    p.remove();
    expect(ss.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
  });

  test('getProtections needs the enum, not its name', () => {
    const { sheet } = withSheet();
    const bad = 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
    expect(() => sheet.getProtections(bad)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.getProtections.",
    );
  });

  test('hideSheet/showSheet, and the last visible sheet cannot be hidden', () => {
    const { ss, sheet } = withSheet();
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    expect(() => ss.getSheetByName('Sheet1')!.hideSheet()).toThrow(
      "You can't hide all the sheets in a document.",
    );
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);
  });

  test('sheet.clear/clearContents/clearFormats', () => {
    const { sheet, spreadsheet } = withSheet([['a', 'b']]);
    sheet.getRange('A1:B1').setBackground('#00ff00').setNote('n');
    sheet.clearFormats();
    expect(spreadsheet.sheetData('Data')).toMatchObject({ values: [['a', 'b']], notes: [['n', 'n']] });
    expect(spreadsheet.sheetData('Data').backgrounds).toEqual([['#ffffff', '#ffffff']]);
    sheet.getRange('A1').setBackground('#00ff00');
    sheet.clearContents();
    expect(spreadsheet.sheetData('Data')).toMatchObject({
      values: [['', '']],
      backgrounds: [['#00ff00', '#ffffff']],
    });
    sheet.clear();
    expect(spreadsheet.sheetData('Data').values).toEqual([]);
  });

  test('getRangeList on a sheet and on the spreadsheet (active sheet)', () => {
    const { ss, sheet } = withSheet();
    expect(
      sheet
        .getRangeList(['A1', 'C2:D3'])
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1', 'C2:D3']);
    expect(ss.getRangeList(['B2']).getRanges()[0]!.getSheet().getName()).toBe('Sheet1');
  });
});

describe('ranges', () => {
  test('getRange(row, column, numRows, numColumns) and its position getters', () => {
    const { sheet } = withSheet();
    const range = sheet.getRange(2, 3, 4, 5);
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2, 3, 4, 5,
    ]);
    expect([range.getLastRow(), range.getLastColumn(), range.getA1Notation()]).toEqual([5, 7, 'C2:G5']);
    expect(sheet.getRange(1, 1).getA1Notation()).toBe('A1');
    expect(sheet.getRange(3, 28, 2).getA1Notation()).toBe('AB3:AB4');
    expect(range.getSheet().getName()).toBe('Data');
  });

  test('getRange rejects rows and columns below 1, empty sizes and non-integers', () => {
    const { sheet } = withSheet();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(NaN, 1)).toThrow("Cannot convert 'NaN' to int.");
  });

  test.each([
    ['A1', 'A1'],
    ['b2:d5', 'B2:D5'],
    ['D5:B2', 'B2:D5'],
    ['A:A', 'A1:A1000'],
    ['B:C', 'B1:C1000'],
    ['2:2', 'A2:Z2'],
    ['A2:C', 'A2:C1000'],
    ['AA10', 'AA10'],
  ])('A1 notation %s is the range %s', (a1, expected) => {
    expect(withSheet().sheet.getRange(a1).getA1Notation()).toBe(expected);
  });

  test.each(['A0', 'A', '1', 'A1:', ':B2', 'A1:5', 'Data!A1', '', 'A01'])(
    'A1 notation "%s" is not found',
    (a1) => {
      expect(() => withSheet().sheet.getRange(a1)).toThrow('Range not found');
    },
  );

  test('offset moves a range and optionally resizes it', () => {
    const range = withSheet().sheet.getRange('B2:C3');
    expect(range.offset(1, 2).getA1Notation()).toBe('D3:E4');
    expect(range.offset(-1, 0, 1).getA1Notation()).toBe('B1:C1');
    expect(range.offset(0, 0, 3, 1).getA1Notation()).toBe('B2:B4');
    expect(() => range.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });

  test('getValues returns a fresh deep copy with "" for empty cells', () => {
    const when = oslo(2025, 3, 1);
    const { sheet } = withSheet([['a', 1, when]]);
    const values = sheet.getRange('A1:D2').getValues();
    expect(values).toEqual([
      ['a', 1, when, ''],
      ['', '', '', ''],
    ]);
    values[0]![0] = 'changed';
    (values[0]![2] as Date).setFullYear(1999);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', 1, when]]);
    expect(sheet.getRange('A1:C1').getValues()[0]![2]).not.toBe(sheet.getRange('A1:C1').getValues()[0]![2]);
  });

  test('getValue reads the top-left cell; setValue writes every cell of the range', () => {
    const { sheet } = withSheet([['x', 'y']]);
    expect(sheet.getRange('A1:B1').getValue()).toBe('x');
    sheet.getRange('A2:B3').setValue(false);
    expect(sheet.getRange('A2:B3').getValues()).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  test('setValues stores numbers, booleans, Dates (copied) and "" for null/undefined', () => {
    const { sheet } = withSheet();
    const when = oslo(2025, 5, 1);
    sheet.getRange('A1:E1').setValues([[1.5, true, when, null, undefined]]);
    when.setFullYear(2000);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[1.5, true, oslo(2025, 5, 1), '', '']]);
  });

  test('setValues throws Google’s messages when the data does not fit the range', () => {
    const range = withSheet().sheet.getRange('A1:B3');
    expect(() =>
      range.setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues([[1], [2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2], [3], [5, 6]])).toThrow('The data has 1 but the range has 2.');
    expect(() => range.setValues([1, 2, 3] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  test('every 2-D setter checks the shape', () => {
    const range = withSheet().sheet.getRange('A1:B1');
    const one = [['x']];
    expect(() => range.setBackgrounds(one)).toThrow('The data has 1 but the range has 2.');
    expect(() => range.setNotes(one)).toThrow('The data has 1 but the range has 2.');
    expect(() => range.setNumberFormats(one)).toThrow('The data has 1 but the range has 2.');
    expect(() => range.setFormulas(one)).toThrow('The data has 1 but the range has 2.');
    expect(() => range.setFontWeights([['bold']])).toThrow('The data has 1 but the range has 2.');
    expect(() => range.setDataValidations([[null]])).toThrow('The data has 1 but the range has 2.');
  });

  test('a string starting with "=" becomes a formula; its value reads "#ERROR!" since the fake cannot evaluate', () => {
    const { sheet } = withSheet();
    sheet.getRange('A1:B1').setValues([['=SUM(1,2)', '=HYPERLINK("http://x")']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(1,2)', '=HYPERLINK("http://x")']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['#ERROR!', '#ERROR!']]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('#ERROR!');
    sheet.getRange('A1').setValue('plain');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('setFormula/setFormulas store formulas; getFormulas is "" for plain cells', () => {
    const { sheet } = withSheet([['x']]);
    sheet.getRange('B1').setFormula('=A1');
    sheet.getRange('C1:D1').setFormulas([['=B1', '']]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([['', '=A1', '=B1', '']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1');
  });

  test('a leading apostrophe stores the rest as literal text', () => {
    const { sheet } = withSheet();
    sheet.getRange('A1:C1').setValues([["'=1+1", "'0150", "'TRUE"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['=1+1', '0150', 'TRUE']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test.each([
    ['123', 123],
    ['-4.5', -4.5],
    ['1e3', 1000],
    ['0150', 150],
    ['.5', 0.5],
    ['12%', 0.12],
    ['TRUE', true],
    ['false', false],
    ['2025-01-31', oslo(2025, 1, 30, 23)],
    ['2025-07-01', oslo(2025, 6, 30, 22)],
    ['2025-02-30', '2025-02-30'],
    ['1,5', '1,5'],
    ['-foo', '-foo'],
    ['12 kr', '12 kr'],
  ])('setValue(%j) is stored as %j, like Sheets parses typed input', (input, expected) => {
    const { sheet } = withSheet();
    sheet.getRange('A1').setValue(input);
    expect(sheet.getRange('A1').getValue()).toEqual(expected);
  });

  test('the plain-text number format "@" keeps strings as they are (no numbers, no formulas)', () => {
    const { sheet } = withSheet();
    const range = sheet.getRange('A1:C1').setNumberFormat('@');
    range.setValues([['0150', '=1+1', 'TRUE']]);
    expect(range.getValues()).toEqual([['0150', '=1+1', 'TRUE']]);
    expect(range.getFormulas()).toEqual([['', '', '']]);
    expect(range.getNumberFormats()).toEqual([['@', '@', '@']]);
    expect(sheet.getRange('D1').getNumberFormat()).toBe('0.###############');
  });

  test('getDisplayValues returns strings in the spreadsheet locale and time zone', () => {
    const { sheet, ss } = withSheet(
      [[1234.5, -2.25, true, oslo(2025, 1, 30, 23), oslo(2025, 1, 31, 9), 'txt']],
      {
        locale: 'en_US',
      },
    );
    const range = sheet.getRange('A1:G1');
    expect(range.getDisplayValues()).toEqual([
      ['1234.5', '-2.25', 'TRUE', '2025-01-31', '2025-01-31 10:00:00', 'txt', ''],
    ]);
    ss.setSpreadsheetLocale('nb_NO');
    expect(range.getDisplayValues()[0]!.slice(0, 2)).toEqual(['1234,5', '-2,25']);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1234,5');
  });

  test('getDisplayValues follows number and date formats and the locale; getValues does not change', () => {
    const { sheet, ss } = withSheet([[400000, 0.125, oslo(2025, 1, 31, 9), 1234.5]], { locale: 'nb_NO' });
    sheet.getRange('A1').setNumberFormat('#,##0.00');
    sheet.getRange('B1').setNumberFormat('0.0%');
    sheet.getRange('C1').setNumberFormat('dd.mm.yyyy hh:mm');
    sheet.getRange('D1').setNumberFormat('#,##0 "kr"');
    const range = sheet.getRange('A1:D1');
    expect(range.getDisplayValues()).toEqual([
      ['400\u00a0000,00', '12,5%', '31.01.2025 10:00', '1\u00a0235 kr'],
    ]);
    ss.setSpreadsheetLocale('en_US');
    expect(range.getDisplayValues()).toEqual([['400,000.00', '12.5%', '31.01.2025 10:00', '1,235 kr']]);
    expect(range.getValues()[0]!.slice(0, 2)).toEqual([400000, 0.125]);
  });

  test('reads past the sheet throw; writes past it grow the sheet', () => {
    const { sheet } = withSheet();
    expect(() => sheet.getRange(1000, 1, 2).getValues()).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.getRange(1000, 26, 2, 3).setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1001, 28]);
    expect(sheet.getRange(1001, 28).getValue()).toBe(6);
  });

  test('backgrounds default to white, are lower-cased, and null resets them', () => {
    const { sheet } = withSheet();
    const range = sheet.getRange('A1:B1');
    expect(range.getBackground()).toBe('#ffffff');
    range.setBackground('#FFEE00');
    expect(range.getBackgrounds()).toEqual([['#ffee00', '#ffee00']]);
    range.setBackgrounds([['#000000', null]]);
    expect(range.getBackgrounds()).toEqual([['#000000', '#ffffff']]);
    range.setBackground(null);
    expect(range.getBackground()).toBe('#ffffff');
  });

  test('notes: setNote/setNotes/getNote/getNotes/clearNote', () => {
    const { sheet } = withSheet();
    const range = sheet.getRange('A1:B1');
    expect(range.getNote()).toBe('');
    range.setNote('sjekk');
    expect(range.getNotes()).toEqual([['sjekk', 'sjekk']]);
    range.setNotes([['a', null]]);
    expect(range.getNotes()).toEqual([['a', '']]);
    range.clearNote();
    expect(range.getNotes()).toEqual([['', '']]);
  });

  test('font weight, alignment and wrap are stored (read them with sheetData)', () => {
    const { sheet, spreadsheet } = withSheet();
    sheet.getRange('A1:B1').setFontWeight('bold').setHorizontalAlignment('center').setWrap(true);
    sheet.getRange('A2:B2').setFontWeights([['bold', null]]);
    expect(spreadsheet.sheetData('Data')).toMatchObject({
      fontWeights: [
        ['bold', 'bold'],
        ['bold', 'normal'],
      ],
      horizontalAlignments: [
        ['center', 'center'],
        [null, null],
      ],
      wraps: [
        [true, true],
        [null, null],
      ],
    });
  });

  test('clearFormat resets formats only; clearContent clears values only; clear() clears everything', () => {
    const { sheet, spreadsheet, SpreadsheetApp } = withSheet([['a']]);
    const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
    const range = sheet.getRange('A1');
    const dress = () =>
      range
        .setBackground('#ff0000')
        .setNumberFormat('0.00')
        .setFontWeight('bold')
        .setNote('n')
        .setDataValidation(rule);
    dress().clearFormat();
    expect(spreadsheet.sheetData('Data')).toMatchObject({
      values: [['a']],
      backgrounds: [['#ffffff']],
      numberFormats: [['0.###############']],
      fontWeights: [['normal']],
      notes: [['n']],
    });
    expect(range.getDataValidation()).not.toBeNull();
    dress().clearContent();
    expect(spreadsheet.sheetData('Data')).toMatchObject({
      values: [['']],
      backgrounds: [['#ff0000']],
      notes: [['n']],
    });
    range.setValue(true);
    dress().clear();
    expect(spreadsheet.sheetData('Data').values).toEqual([]);
    expect(range.getDataValidation()).toBeNull();
    dress().clear({ contentsOnly: true, commentsOnly: true });
    expect([range.getNote(), range.getBackground()]).toEqual(['', '#ff0000']);
    range.clear({ validationsOnly: true });
    expect(range.getDataValidation()).toBeNull();
  });

  test('range.protect creates a RANGE protection', () => {
    const { sheet, SpreadsheetApp } = withSheet();
    const protection = sheet.getRange('A1:C1').protect().setDescription('Header');
    expect(protection.getProtectionType()).toBe(SpreadsheetApp.ProtectionType.RANGE);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0]!.getDescription()).toBe('Header');
  });
});

describe('data validation', () => {
  test('the builder makes rules with Google’s criteria values and defaults', () => {
    const { SpreadsheetApp } = setup();
    const { DataValidationCriteria } = SpreadsheetApp;
    const list = SpreadsheetApp.newDataValidation().requireValueInList(['Ja', 'Nei']).build();
    expect(list.getCriteriaType()).toBe(DataValidationCriteria.VALUE_IN_LIST);
    expect(list.getCriteriaValues()).toEqual([['Ja', 'Nei'], true]);
    expect(list.getAllowInvalid()).toBe(true);
    expect(list.getHelpText()).toBeNull();
    const strict = SpreadsheetApp.newDataValidation()
      .requireNumberGreaterThanOrEqualTo(0)
      .setAllowInvalid(false)
      .setHelpText('Beløp ≥ 0')
      .build();
    expect([strict.getCriteriaType(), strict.getCriteriaValues()]).toEqual([
      DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO,
      [0],
    ]);
    expect([strict.getAllowInvalid(), strict.getHelpText()]).toEqual([false, 'Beløp ≥ 0']);
    expect(SpreadsheetApp.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe(
      DataValidationCriteria.CHECKBOX,
    );
    expect(SpreadsheetApp.newDataValidation().requireDate().build().getCriteriaType()).toBe(
      DataValidationCriteria.DATE_IS_VALID_DATE,
    );
    expect(
      SpreadsheetApp.newDataValidation().requireValueInList(['a'], false).build().getCriteriaValues(),
    ).toEqual([['a'], false]);
    expect(() => SpreadsheetApp.newDataValidation().build()).toThrow(
      'The data validation rule has no criteria.',
    );
  });

  test('enum values are objects that print as their name (== works, === with the string does not)', () => {
    const { SpreadsheetApp } = setup();
    const type = SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST as unknown;
    expect(String(type)).toBe('VALUE_IN_LIST');
    expect(type == 'VALUE_IN_LIST').toBe(true);
    expect(type === 'VALUE_IN_LIST').toBe(false);
  });

  test('setDataValidation(s) and getDataValidation(s); null removes the rule', () => {
    const { sheet, SpreadsheetApp } = withSheet();
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build();
    const range = sheet.getRange('A1:B1');
    expect(range.getDataValidation()).toBeNull();
    range.setDataValidation(rule);
    expect(range.getDataValidations()).toEqual([[rule, rule]]);
    range.setDataValidations([[null, rule]]);
    expect(range.getDataValidations()).toEqual([[null, rule]]);
    range.setDataValidation(null);
    expect(range.getDataValidations()).toEqual([[null, null]]);
    expect(() => range.setDataValidation({} as GoogleAppsScript.Spreadsheet.DataValidation)).toThrow(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
    );
  });

  test('a rule that rejects invalid data makes writes of invalid values throw; empty values pass', () => {
    const { sheet, SpreadsheetApp } = withSheet();
    const build = () => SpreadsheetApp.newDataValidation().setAllowInvalid(false);
    sheet.getRange('A1').setDataValidation(build().requireValueInList(['Ja', 'Nei']).build());
    sheet.getRange('B1').setDataValidation(build().requireCheckbox().build());
    sheet.getRange('C1').setDataValidation(build().requireNumberGreaterThanOrEqualTo(0).build());
    sheet.getRange('D1').setDataValidation(build().requireDate().build());
    sheet.getRange('A1:D1').setValues([['Ja', true, 5, '2025-01-01']]);
    sheet.getRange('A1:D1').setValues([['', '', '', '']]);
    const message = (a1: string) =>
      `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
    expect(() => sheet.getRange('A1').setValue('Kanskje')).toThrow(message('A1'));
    expect(() => sheet.getRange('B1').setValue('yes')).toThrow(message('B1'));
    expect(() => sheet.getRange('C1').setValue(-1)).toThrow(message('C1'));
    expect(() => sheet.getRange('D1').setValue('i går')).toThrow(message('D1'));
    expect(() => sheet.getRange('A1:B1').setValues([['Nei', 'x']])).toThrow(message('B1'));
    expect(sheet.getRange('A1').getValue()).toBe(''); // nothing written when any cell is rejected
  });

  test('rules that allow invalid data accept anything', () => {
    const { sheet, SpreadsheetApp } = withSheet();
    sheet
      .getRange('A1')
      .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Ja']).build());
    sheet.getRange('A1').setValue('Kanskje');
    expect(sheet.getRange('A1').getValue()).toBe('Kanskje');
  });
});

describe('RangeList', () => {
  test('each RangeList method is one call, applied to every range', () => {
    const { sheet, calls, spreadsheet, ss } = withSheet([['a', 'b', 'c']]);
    const list = sheet.getRangeList(['A1', 'C1']);
    calls.reset();
    list.setBackground('#ff0000').setNote('x').setFontWeight('bold');
    expect(calls.snapshot()).toEqual({
      'RangeList.setBackground': 1,
      'RangeList.setFontWeight': 1,
      'RangeList.setNote': 1,
    });
    expect(spreadsheet.sheetData('Data')).toMatchObject({
      backgrounds: [['#ff0000', '#ffffff', '#ff0000']],
      notes: [['x', '', 'x']],
      fontWeights: [['bold', 'normal', 'bold']],
    });
    list.clearFormat().clearNote();
    expect(spreadsheet.sheetData('Data')).toMatchObject({ backgrounds: [['#ffffff', '#ffffff', '#ffffff']] });
    list.clear();
    expect(spreadsheet.sheetData('Data').values).toEqual([['', 'b']]);
    list.activate();
    expect(calls.total('Range.')).toBe(0);
    expect(calls.total('RangeList.')).toBe(7);
    expect(ss.getActiveRange()?.getA1Notation()).toBe('C1');
  });

  test('an empty list is refused', () => {
    expect(() => withSheet().sheet.getRangeList([])).toThrow(
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.getRangeList.",
    );
  });
});

describe('call counting', () => {
  test('every public method call is recorded as Class.method', () => {
    const { SpreadsheetApp, calls } = setup();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    const range = sheet.getRange('A1:B2');
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.getValues();
    SpreadsheetApp.flush();
    expect(calls.snapshot()).toEqual({
      'Range.getValues': 2,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });

  test('test helpers count nothing', () => {
    const { spreadsheet, calls } = setup();
    spreadsheet.addSheet('X', [['a']]);
    spreadsheet.appendRaw('X', [['b']]);
    spreadsheet.setFormUrl('u');
    expect(spreadsheet.sheetData('X').values).toEqual([['a'], ['b']]);
    expect(calls.total()).toBe(0);
  });

  test('unimplemented methods do not exist (TypeError), as a kinder-than-Google fake would hide bugs', () => {
    const { sheet } = withSheet();
    const range = sheet.getRange('A1') as unknown as Record<string, unknown>;
    expect(range.merge).toBeUndefined();
    expect(() => (range.merge as () => void)()).toThrow(TypeError);
    expect((sheet as unknown as Record<string, unknown>).sort).toBeUndefined();
  });
});

describe('custom-function mode', () => {
  test('reads work; every mutation throws "You do not have permission to call X"', () => {
    const { sheet, ss, SpreadsheetApp, setMode } = withSheet([['a', 1]]);
    setMode('customFunction');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['a', 1]]);
    expect(ss.getSheetByName('Data')!.getLastRow()).toBe(1);
    SpreadsheetApp.flush();
    const refusals: [string, () => unknown][] = [
      ['setValues', () => sheet.getRange('A1').setValues([['x']])],
      ['setValue', () => sheet.getRange('A1').setValue('x')],
      ['setBackground', () => sheet.getRange('A1').setBackground('#000000')],
      ['clearContent', () => sheet.getRange('A1').clearContent()],
      ['appendRow', () => sheet.appendRow(['x'])],
      ['insertSheet', () => ss.insertSheet('New')],
      ['deleteRows', () => sheet.deleteRows(1, 1)],
      ['protect', () => sheet.protect()],
      ['toast', () => ss.toast('hi')],
      ['activate', () => sheet.activate()],
      ['setBackground', () => sheet.getRangeList(['A1']).setBackground(null)],
    ];
    for (const [method, call] of refusals) {
      expect(call).toThrow(`You do not have permission to call ${method}`);
    }
    expect(sheet.getRange('A1').getValue()).toBe('a');
  });

  test('getUi throws Google’s context error; errors are named Exception', () => {
    const { SpreadsheetApp, setMode } = setup();
    setMode('customFunction');
    let error: unknown;
    try {
      SpreadsheetApp.getUi();
    } catch (e) {
      error = e;
    }
    expect(String(error)).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    setMode('normal');
    expect(SpreadsheetApp.getUi()).toBeDefined();
  });

  test('errors and Dates are made with the sandbox realm’s constructors when given', () => {
    const realm = runInNewContext('({ Error, Date })') as { Error: ErrorConstructor; Date: DateConstructor };
    const { sheet } = withSheet([[oslo(2025, 1, 1)]], realm);
    expect(sheet.getRange('A1').getValue()).toBeInstanceOf(realm.Date);
    expect(sheet.getRange('A1').getValues()[0]![0]).toBeInstanceOf(realm.Date);
    let error: unknown;
    try {
      sheet.getRange(0, 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(realm.Error);
    expect(error).not.toBeInstanceOf(Error);
  });
});

describe('conditional formatting', () => {
  test('rules are built with a formula and ranges, read back, and replaced as a whole', () => {
    const { sheet, SpreadsheetApp, calls } = withSheet([['Status'], ['Rød']]);
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=A2="Rød"')
      .setBackground('#f4c7c3')
      .setRanges([sheet.getRange('A2:A10')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [read] = sheet.getConditionalFormatRules();
    expect(String(read!.getBooleanCondition()!.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(read!.getBooleanCondition()!.getCriteriaValues()).toEqual(['=A2="Rød"']);
    expect(read!.getRanges()[0]!.getA1Notation()).toBe('A2:A10');
    sheet.setConditionalFormatRules([]);
    expect(sheet.getConditionalFormatRules()).toEqual([]);
    expect(calls.count('Sheet.setConditionalFormatRules')).toBe(2);
  });

  test('every read hands out new rule objects; the sheet keeps its own copy of the rules it is given', () => {
    const { sheet, SpreadsheetApp, calls } = withSheet([['Status'], ['Rød']]);
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=TRUE')
      .setBackground('#fce8b2')
      .setRanges([sheet.getRange('A2')])
      .build();
    const given = [rule];
    sheet.setConditionalFormatRules(given);
    given.length = 0;
    const first = sheet.getConditionalFormatRules();
    const second = sheet.getConditionalFormatRules();
    expect(first).toHaveLength(1);
    expect(first[0]).not.toBe(rule);
    expect(second[0]).not.toBe(first[0]);
    expect(first.indexOf(second[0]!)).toBe(-1);
    first.pop();
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
    expect(second[0]!.getBooleanCondition()!.getBackground()).toBe('#fce8b2');
    expect(second[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual(['=TRUE']);
    expect(calls.count('Sheet.getConditionalFormatRules')).toBe(3);
    expect(calls.count('BooleanCondition.getBackground')).toBe(1);
  });

  test('a rule without a condition or without ranges cannot be built', () => {
    const { sheet, SpreadsheetApp } = withSheet([['x']]);
    expect(() =>
      SpreadsheetApp.newConditionalFormatRule()
        .setRanges([sheet.getRange('A1')])
        .build(),
    ).toThrow(/no condition/);
    expect(() => SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=TRUE').build()).toThrow(
      /no ranges/,
    );
    expect(() => SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('TRUE')).toThrow(
      /Invalid formula/,
    );
  });
});
