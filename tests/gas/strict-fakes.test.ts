import { CallLog } from './fakes/calls';
import { FakeDocsService, WRITES_PER_MINUTE } from './fakes/docs-api';
import { FakeFormApp } from './fakes/form-app';
import { FakeScriptApp } from './fakes/script-app';
import { createEnv, FakeSession } from './fakes/services';
import { createSpreadsheetFakes, type SpreadsheetFakeOptions } from './fakes/spreadsheet';
import { PROTECTED } from './fakes/spreadsheet-range';
import { FakeUtilities } from './fakes/utilities';
import { loadBundle } from './sandbox';

/**
 * The fakes as strict as Google where the product's safety depends on it: protections that refuse,
 * Sheets' conversion of typed strings, the Docs API's per-minute limit and its 403s, and simple triggers
 * in AuthMode.LIMITED.
 */

function sheetAs(user: { current: string }, options: Partial<SpreadsheetFakeOptions> = {}) {
  const fakes = createSpreadsheetFakes({ calls: new CallLog(), user: () => user.current, ...options });
  fakes.spreadsheet.addSheet('Medlemmer', [['Navn', 'E-post', 'Rolle']]);
  const ss = fakes.SpreadsheetApp.getActiveSpreadsheet();
  return { ...fakes, sheet: ss.getSheetByName('Medlemmer')!, ss };
}

describe('protections', () => {
  test('a new protection mirrors the spreadsheet (protects nothing) until its editors change', () => {
    const user = { current: 'leder@example.no' };
    const { sheet } = sheetAs(user);
    const protection = sheet.protect();
    user.current = 'leser@example.no';
    sheet.getRange('A2').setValue('I can still write');
    expect(protection.canEdit()).toBe(true);
  });

  test('after removeEditors only the owner, the kept editors and the remover may write', () => {
    const user = { current: 'leder@example.no' };
    const { sheet, spreadsheet } = sheetAs(user, { editors: ['leser@example.no'] });
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors());
    // Neither the owner nor the current user can be removed.
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(['eier@example.no', 'leder@example.no']);
    user.current = 'leser@example.no';
    expect(() => sheet.getRange('C2').setValue('Leder')).toThrow(PROTECTED);
    expect(() => sheet.getRange('C2').setBackground('#ff0000')).toThrow(PROTECTED);
    expect(() => sheet.clearContents()).toThrow(PROTECTED);
    expect(() => sheet.appendRow(['x', 'leser@example.no', 'Leder'])).toThrow(PROTECTED);
    expect(() => sheet.setConditionalFormatRules([])).toThrow(PROTECTED);
    expect(() => sheet.insertRowsAfter(1, 10)).toThrow(PROTECTED);
    expect(protection.canEdit()).toBe(false);
    // A person typing is refused the same way; the owner and an added editor are not.
    expect(() => spreadsheet.typeAs('leser@example.no', 'Medlemmer', 'C2', 'Leder')).toThrow(PROTECTED);
    spreadsheet.typeAs('eier@example.no', 'Medlemmer', 'C2', 'Leder');
    user.current = 'leder@example.no';
    protection.addEditor('sekretar@example.no');
    user.current = 'sekretar@example.no';
    sheet.getRange('C3').setValue('Sekretær');
    expect(spreadsheet.sheetData('Medlemmer').values[2]![2]).toBe('Sekretær');
  });

  test('a range protection covers only its range; a warning-only protection refuses nobody', () => {
    const user = { current: 'leder@example.no' };
    const { sheet } = sheetAs(user);
    const range = sheet.getRange('A1:C1').protect();
    range.removeEditors(range.getEditors());
    user.current = 'leser@example.no';
    sheet.getRange('A2').setValue('below the header');
    expect(() => sheet.getRange('B1').setValue('Header')).toThrow(PROTECTED);
    user.current = 'leder@example.no';
    range.setWarningOnly(true);
    user.current = 'leser@example.no';
    sheet.getRange('B1').setValue('Header');
  });

  test('only a user the protection lets edit may change it; canEdit says so first', () => {
    const user = { current: 'leder@example.no' };
    const { sheet } = sheetAs(user, { editors: ['leser@example.no'] });
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors());
    user.current = 'leser@example.no';
    expect(protection.canEdit()).toBe(false);
    expect(() => protection.addEditor('leser@example.no')).toThrow(PROTECTED);
    expect(() => protection.removeEditors(['leder@example.no'])).toThrow(PROTECTED);
    expect(() => protection.setWarningOnly(true)).toThrow(PROTECTED);
    expect(() => protection.setDescription('mine')).toThrow(PROTECTED);
    expect(() => protection.remove()).toThrow(PROTECTED);
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(['eier@example.no', 'leder@example.no']);
    // The owner may.
    user.current = 'eier@example.no';
    protection.addEditor('leser@example.no');
    expect(protection.canEdit()).toBe(true);
  });
});

describe('typed strings are converted as Sheets converts them', () => {
  const cases: Array<[string, string, unknown]> = [
    ['nb_NO', '0150', 150],
    ['nb_NO', '1,5', 1.5],
    ['nb_NO', '12%', 0.12],
    ['nb_NO', '12,5%', 0.125],
    ['nb_NO', '09.05.2025', new Date(Date.UTC(2025, 4, 8, 22))], // midnight in Oslo (summer time)
    ['en_US', '1.5', 1.5],
    ['en_US', '09.05.2025', '09.05.2025'],
    ['nb_NO', '31.02.2025', '31.02.2025'], // no such day: stays text
  ];
  test.each(cases)('%s: %p becomes %p', (locale, text, stored) => {
    const user = { current: 'leder@example.no' };
    const { sheet } = sheetAs(user, { locale });
    sheet.getRange('A2').setValue(text);
    expect(sheet.getRange('A2').getValue()).toEqual(stored);
  });

  test("nb_NO: '1.5' is the first of May of the current year in the spreadsheet's zone (the fake clock's)", () => {
    const { sheet } = sheetAs({ current: 'x@example.no' }, { locale: 'nb_NO' });
    sheet.getRange('A2').setValue('1.5');
    const value = sheet.getRange('A2').getValue() as Date;
    expect(Object.prototype.toString.call(value)).toBe('[object Date]');
    expect(sheet.getRange('A2').getDisplayValue()).toBe('2025-05-01'); // FIXED_NOW is in 2025
    // New Year's Eve 23:30 UTC is already the next year in Oslo.
    const late = sheetAs(
      { current: 'x@example.no' },
      { locale: 'nb_NO', now: () => Date.UTC(2026, 11, 31, 23, 30) },
    );
    late.sheet.getRange('A2').setValue('1.5');
    expect(late.sheet.getRange('A2').getDisplayValue()).toBe('2027-05-01');
  });

  test('a plain-text cell keeps every typed string as it is, from a script or a person', () => {
    const { sheet, spreadsheet } = sheetAs({ current: 'x@example.no' }, { locale: 'nb_NO' });
    sheet.getRange('A2:A6').setNumberFormat('@');
    sheet.getRange('A2:A5').setValues([['0150'], ['1.5'], ['09.05.2025'], ['12%']]);
    spreadsheet.typeAs('x@example.no', 'Medlemmer', 'A6', '1,5');
    expect(sheet.getRange('A2:A6').getValues()).toEqual([
      ['0150'],
      ['1.5'],
      ['09.05.2025'],
      ['12%'],
      ['1,5'],
    ]);
    spreadsheet.typeAs('x@example.no', 'Medlemmer', 'B2', '0150');
    expect(sheet.getRange('B2').getValue()).toBe(150);
  });
});

describe('the Docs API: per-minute write limit and permissions', () => {
  test(`the ${WRITES_PER_MINUTE + 1}st write request within a minute fails with 429, and succeeds after a wait`, () => {
    const env = createEnv();
    const docs = new FakeDocsService(env);
    const utilities = new FakeUtilities(env);
    const { documentId } = docs.Documents.create({ title: 'T' });
    const write = () =>
      docs.Documents.batchUpdate(
        { requests: [{ insertText: { text: 'a', location: { index: 1 } } }] },
        documentId,
      );
    for (let i = 1; i < WRITES_PER_MINUTE; i++) write();
    expect(write).toThrow(/429/);
    expect(() => docs.Documents.create({ title: 'U' })).toThrow(/Write requests per minute per user/);
    expect(docs.Documents.refused).toBe(2);
    utilities.sleep(60_000);
    write();
    // Another user has a limit of their own.
    env.execution.effectiveUser = 'annen@example.no';
    docs.Documents.create({ title: 'V' });
  });

  test('a document is the creator’s: 403 on get and batchUpdate for others until shared', () => {
    const env = createEnv();
    const docs = new FakeDocsService(env);
    const { documentId } = docs.Documents.create({ title: 'T' });
    const request = { requests: [{ insertText: { text: 'a', location: { index: 1 } } }] };
    env.execution.effectiveUser = 'leser@example.no';
    expect(() => docs.Documents.get(documentId)).toThrow(
      /docs\.documents\.get .*The caller does not have permission/,
    );
    docs.Documents.share(documentId, 'leser@example.no', 'reader');
    docs.Documents.get(documentId);
    expect(() => docs.Documents.batchUpdate(request, documentId)).toThrow(
      /docs\.documents\.batchUpdate .*The caller does not have permission/,
    );
    docs.Documents.share(documentId, 'leser@example.no', 'writer');
    docs.Documents.batchUpdate(request, documentId);
  });
});

describe('simple triggers (AuthMode.LIMITED)', () => {
  test('services that need authorisation throw, the address is hidden, the bound sheet still works', () => {
    const env = createEnv();
    env.execution.mode = 'simpleTrigger';
    expect(() => new FakeFormApp(env).create('Skjema')).toThrow(/You do not have permission/);
    expect(() => new FakeDocsService(env).Documents.create({ title: 'T' })).toThrow(/permission/);
    expect(() => new FakeScriptApp(env).getProjectTriggers()).toThrow(/permission/);
    expect(new FakeSession(env).getActiveUser().getEmail()).toBe('');
    expect(String(new FakeScriptApp(env).AuthMode.LIMITED)).toBe('LIMITED');
    const fakes = createSpreadsheetFakes({ calls: env.calls, mode: () => env.execution.mode });
    fakes.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A1').setValue('ok');
    fakes.SpreadsheetApp.getUi().createMenu('Tilskudd').addItem('x', 'y').addToUi();
  });
});

describe('the bundle under the strict fakes', () => {
  test('onOpen as a simple trigger (AuthMode.LIMITED) adds the menu without any authorised service', () => {
    const sb = loadBundle();
    sb.callAsSimpleTrigger('onOpen');
    expect(sb.ui.menus.map((m) => m.caption)).toEqual(['Tilskudd']);
    expect(sb.calls.count('Session.getActiveUser')).toBe(0);
  });
});
