import { MEMBERS_SHEET } from '../../src/core/workbook/contract';
import { exampleWorkbook, sheetRows } from '../../src/example/agder';
import { answers, submit } from './desk-helpers';
import { loadBundle } from './sandbox';

const LEADER = 'leder@example.no';
const SECRETARY = 'sekretar@example.no';

/** A workbook set up and protected, whose form (and its triggers) a secretary made. */
function desk() {
  const sb = loadBundle({ activeUser: LEADER, now: Date.UTC(2026, 4, 12, 9) });
  for (const [name, rows] of Object.entries(exampleWorkbook())) sb.spreadsheet.addSheet(name, rows);
  sb.spreadsheet.addSheet(
    MEMBERS_SHEET.name,
    sheetRows(MEMBERS_SHEET, [
      { name: 'Leder', email: LEADER, role: 'Leder' },
      { name: 'Sekretær', email: SECRETARY, role: 'Sekretær' },
    ]),
  );
  sb.spreadsheet.share(LEADER, SECRETARY);
  sb.ui.answerAlert();
  sb.call('setupWorkbook');
  sb.ui.answerAlert();
  sb.runAs({ email: SECRETARY }, () => sb.call('createForm'));
  return sb;
}

const filled = (sb: ReturnType<typeof desk>, name: string) =>
  sb.spreadsheet.sheetData(name).values.filter((r) => r.some((v) => v !== '')).length;

describe('a trigger whose installer may no longer write Logg', () => {
  it('writes nothing (no row without its Logg line), throws nothing, and the response waits for the sweep', () => {
    const sb = desk();
    // The chair makes the secretary a reader and runs set-up: Logg's protection no longer lists them,
    // but the form-submit trigger still runs as its installer.
    const members = sb.fakes.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(MEMBERS_SHEET.name)!;
    members.getRange(3, 3).setValue('Leser');
    sb.ui.answerAlert();
    sb.call('setupWorkbook');
    const before = { apps: filled(sb, 'Søknader'), budget: filled(sb, 'Budsjett'), log: filled(sb, 'Logg') };

    expect(() => submit(sb, answers({ title: 'Prosjekt mens Logg er stengt' }))).not.toThrow();
    expect(filled(sb, 'Søknader')).toBe(before.apps);
    expect(filled(sb, 'Budsjett')).toBe(before.budget);
    expect(filled(sb, 'Logg')).toBe(before.log);
    expect(sb.fakes.console.lines.map((l) => l.text).join('\n')).toMatch(
      /left for the sweep.*protected sheet/,
    );

    // The chair's sweep registers it, once, with its Logg line.
    sb.ui.answerAlert();
    sb.call('registerMissingResponses');
    expect(filled(sb, 'Søknader')).toBe(before.apps + 1);
    expect(filled(sb, 'Logg')).toBe(before.log + 1);
  });
});
