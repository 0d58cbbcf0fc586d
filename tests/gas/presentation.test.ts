import { buildWorkbook } from '../../src/cli/xlsx';
import { emptyWorkbook } from '../../src/example/agder';
import { SHEETS } from '../../src/core/workbook/sheets';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { NUMBER_FORMAT, SEVERITY_FILL } from '../../src/core/workbook/presentation';
import { loadBundle } from './sandbox';
import { SECRETARY } from './desk-helpers';

/** What the fake (like Sheets) reports for a cell nobody formatted. */
const UNFORMATTED = '0.###############';

describe('one presentation table for the sheet and the .xlsx template', () => {
  it('gives every column the same number format in the set-up sheet and in the template', () => {
    const sb = loadBundle({ activeUser: SECRETARY });
    sb.call('setupWorkbook');
    const template = buildWorkbook(emptyWorkbook(), DEFAULT_SETTINGS);
    let compared = 0;
    for (const spec of Object.values(SHEETS)) {
      const ws = template.getWorksheet(spec.name);
      if (!ws || !sb.spreadsheet.getSheetByName(spec.name)) continue;
      const data = sb.spreadsheet.sheetData(spec.name);
      spec.fields.forEach((field, i) => {
        const expected = NUMBER_FORMAT[field.kind];
        const inSheet = data.numberFormats[1]![data.values[0]!.indexOf(field.header)];
        const inTemplate = ws.getColumn(i + 1).numFmt;
        expect([spec.name, field.header, inSheet]).toEqual([
          spec.name,
          field.header,
          expected ?? UNFORMATTED,
        ]);
        expect([spec.name, field.header, inTemplate]).toEqual([spec.name, field.header, expected]);
        compared++;
      });
    }
    // Identifiers and free text are plain text in both (the template formatted only money, dates and months).
    expect(NUMBER_FORMAT.id).toBe('@');
    expect(NUMBER_FORMAT.longtext).toBe('@');
    expect(compared).toBeGreaterThan(50);
  });

  it('highlights a finding in the same colour in the sheet and in the checked .xlsx', () => {
    // The sheet's colours are asserted in menu.test.ts (#f4c7c3), the .xlsx ones in cli.test.ts (FFF4C7C3).
    expect(SEVERITY_FILL).toEqual({ error: 'F4C7C3', warning: 'FCE8B2', info: 'DDEBF7' });
  });
});
