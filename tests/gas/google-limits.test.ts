import { APPLICATIONS } from '../../src/core/workbook/contract';
import { exampleWorkbook } from '../../src/example/agder';
import { deskWith } from './desk-helpers';

/** Google's limits on what one cell and one Docs request may hold, met by what the product writes. */
describe('cells within 50 000 characters', () => {
  it('Kontroller portefølje does not fail when a cell holds ~50 000 characters (findings quote the cell)', () => {
    const values = exampleWorkbook();
    const header = values[APPLICATIONS.name]![0]!;
    const col = header.indexOf('Søkt beløp');
    values[APPLICATIONS.name]![1]![col] = 'x'.repeat(49_990);
    const sb = deskWith(values);
    sb.ui.answerAlert();
    sb.call('checkPortfolio');
    expect(sb.ui.alerts.map((a) => a.prompt).join('\n')).not.toMatch(/maximum|feil/i);
    const avvik = sb.spreadsheet.sheetData('Avvik').values;
    const message = avvik[0]!.indexOf('Melding');
    const quoting = avvik.filter((r) => String(r[message]).includes('xxxx'));
    expect(quoting.length).toBeGreaterThan(0);
    for (const r of quoting) expect(String(r[message]).length).toBeLessThan(1_000);
    // The cell's note quotes as little.
    const note = sb.spreadsheet.sheetData(APPLICATIONS.name).notes[1]![col]!;
    expect(note).toContain('xxxx');
    expect(note.length).toBeLessThan(1_000);
  });
});
