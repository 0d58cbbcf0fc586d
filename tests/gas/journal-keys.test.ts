import { exampleWorkbook } from '../../src/example/agder';
import { answers, deskWith, formOf, submit, type Desk } from './desk-helpers';
import { responsesOf } from '../../src/core/intake/journal';

const NOW = Date.UTC(2026, 4, 12, 9);
const desk = () => deskWith(exampleWorkbook(), { now: NOW });
const count = (sb: Desk) =>
  sb.spreadsheet.sheetData('Søknader').values.filter((r) => r.some((v) => v !== '')).length;

/** What changes the response sheet's look must not make a registered response look new to the sweep. */
describe('the sweep after the response sheet changed', () => {
  function sweep(sb: Desk): string {
    sb.ui.answerAlert();
    sb.call('registerMissingResponses');
    return sb.ui.alerts.at(-1)!.prompt;
  }

  it('registers nothing again after a question was renamed in the form', () => {
    const sb = desk();
    const form = formOf(sb);
    for (let i = 0; i < 3; i++) submit(sb, answers({ title: `Prosjekt ${i}` }));
    const before = count(sb);
    form
      .getItems()
      .find((i) => i.getTitle() === 'Behov')!
      .setTitle('Hvilket behov møter prosjektet?');
    // Google renames the column's header in the response sheet (the fake does so at the next submission).
    const named = answers({ title: 'Prosjekt 3' });
    named['Hvilket behov møter prosjektet?'] = named['Behov']!;
    delete named['Behov'];
    submit(sb, named);
    expect(count(sb)).toBe(before + 1);
    expect(sweep(sb)).toMatch(/Alle skjemasvar er allerede registrert/);
    expect(count(sb)).toBe(before + 1);
  });

  it('registers nothing again after a person added a column of notes to the response sheet', () => {
    const sb = desk();
    formOf(sb);
    for (let i = 0; i < 3; i++) submit(sb, answers({ title: `Prosjekt ${i}` }));
    const before = count(sb);
    const journal = sb.fakes.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Skjemasvar 1')!;
    journal.getRange(1, journal.getLastColumn() + 1).setValue('Merknad');
    expect(sweep(sb)).toMatch(/Alle skjemasvar er allerede registrert/);
    expect(count(sb)).toBe(before);
  });

  it('registers nothing again after a person added a filled column to the response sheet', () => {
    const sb = desk();
    formOf(sb);
    for (let i = 0; i < 3; i++) submit(sb, answers({ title: `Prosjekt ${i}` }));
    const before = count(sb);
    const journal = sb.fakes.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Skjemasvar 1')!;
    const col = journal.getLastColumn() + 1;
    journal.getRange(1, col, 4, 1).setValues([['Merknad'], ['ringt'], ['venter på svar'], ['ok']]);
    expect(sweep(sb)).toMatch(/Alle skjemasvar er allerede registrert/);
    expect(count(sb)).toBe(before);
    // A new response is registered, without the person's column among its answers.
    submit(sb, answers({ title: 'Prosjekt 3' }));
    expect(count(sb)).toBe(before + 1);
    expect(JSON.stringify(sb.spreadsheet.sheetData('Søknader').values.at(-1))).not.toContain('Merknad');
  });

  it('registers nothing again after a number format was set on an answer column (display values change)', () => {
    const sb = desk();
    formOf(sb);
    for (let i = 0; i < 2; i++) submit(sb, answers({ title: `Prosjekt ${i}` }));
    const before = count(sb);
    const journal = sb.fakes.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Skjemasvar 1')!;
    const header = journal.getRange(1, 1, 1, journal.getLastColumn()).getValues()[0]!;
    // Sheets stores a typed number as a number: the amount column holds 400000, shown by its format.
    const amount = journal.getRange(2, header.findIndex((h) => /beløp/i.test(String(h))) + 1, 2, 1);
    amount.setValues([[400000], [400000]]);
    const shown = amount.getDisplayValues();
    amount.setNumberFormat('#,##0.00');
    expect(amount.getDisplayValues()).not.toEqual(shown);
    expect(sweep(sb)).toMatch(/Alle skjemasvar er allerede registrert/);
    expect(count(sb)).toBe(before);
  });

  it('registers nothing again after the spreadsheet time zone changed (the timestamps show otherwise)', () => {
    const sb = desk();
    formOf(sb);
    for (let i = 0; i < 3; i++) submit(sb, answers({ title: `Prosjekt ${i}` }));
    const before = count(sb);
    const ss = sb.fakes.SpreadsheetApp.getActiveSpreadsheet();
    const journal = ss.getSheetByName('Skjemasvar 1')!;
    const shown = journal.getRange(2, 1).getDisplayValue();
    // File › Settings › Time zone (the fake has no setter: its state stands for the setting).
    Object.assign(sb.spreadsheet, { timeZone: 'America/New_York' });
    expect(journal.getRange(2, 1).getDisplayValue()).not.toBe(shown);
    expect(sweep(sb)).toMatch(/Alle skjemasvar er allerede registrert/);
    expect(count(sb)).toBe(before);
  });

  it('registers nothing again after the spreadsheet locale changed from nb_NO to en_US (numbers and dates show otherwise)', () => {
    const sb = desk();
    formOf(sb);
    for (let i = 0; i < 3; i++) submit(sb, answers({ title: `Prosjekt ${i}` }));
    const before = count(sb);
    const ss = sb.fakes.SpreadsheetApp.getActiveSpreadsheet();
    const journal = ss.getSheetByName('Skjemasvar 1')!;
    // The amounts as Sheets holds typed numbers, shown with grouping: '400 000,00' in nb_NO.
    const header = journal.getRange(1, 1, 1, journal.getLastColumn()).getValues()[0]!;
    const amount = journal.getRange(2, header.findIndex((h) => /beløp/i.test(String(h))) + 1, 3, 1);
    amount.setValues([[400000], [400000], [400000]]).setNumberFormat('#,##0.00');
    const shown = journal.getDataRange().getDisplayValues();
    // File › Settings › Locale.
    ss.setSpreadsheetLocale('en_US');
    expect(journal.getDataRange().getDisplayValues()).not.toEqual(shown);
    expect(sweep(sb)).toMatch(/Every form response is already registered/); // the desk now speaks English
    expect(count(sb)).toBe(before);
    // A new response after the change is registered once.
    submit(sb, answers({ title: 'Prosjekt 3' }));
    expect(count(sb)).toBe(before + 1);
    expect(sweep(sb)).toMatch(/Every form response is already registered/); // the desk now speaks English
  });

  it.each([0, 1, 2, 3])(
    'does not register again a response an earlier version registered under its former key %i',
    (which) => {
      const sb = desk();
      formOf(sb);
      submit(sb, answers({ title: 'Prosjekt registrert før' }));
      const ss = sb.fakes.SpreadsheetApp.getActiveSpreadsheet();
      const range = ss.getSheetByName('Skjemasvar 1')!.getDataRange();
      const [response] = responsesOf(range.getDisplayValues(), range.getValues(), null);
      const apps = ss.getSheetByName('Søknader')!;
      const header = apps.getRange(1, 1, 1, apps.getLastColumn()).getValues()[0]!;
      const keyCell = apps.getRange(apps.getLastRow(), header.indexOf('Svar-ID') + 1);
      expect(keyCell.getValue()).toBe(response!.key);
      keyCell.setValue(response!.formerKeys[which] ?? response!.formerKeys[0]);
      const before = count(sb);
      expect(sweep(sb)).toMatch(/Alle skjemasvar er allerede registrert/);
      expect(count(sb)).toBe(before);
    },
  );
});

describe('exactly once across executions (Apps Script defers writes until a flush)', () => {
  it('lock released without flush: a sweep that gets the lock next registers nothing twice', () => {
    const sb = desk();
    formOf(sb);
    // The trigger finds the lock held and leaves both responses for the sweep.
    sb.fakes.LockService.holdFor('document', 'someone-else');
    for (let i = 0; i < 2; i++) submit(sb, answers({ title: `Prosjekt ${i}` }));
    sb.fakes.LockService.releaseAllHeldBy('someone-else');
    const before = count(sb);
    // A second member's sweep takes the lock the moment the first releases it, before the first ends.
    sb.fakes.LockService.onNextRelease(() => {
      sb.ui.answerAlert();
      sb.call('registerMissingResponses');
    });
    sb.ui.answerAlert();
    sb.call('registerMissingResponses');
    expect(count(sb)).toBe(before + 2);
    expect(sb.ui.alerts.map((a) => a.prompt).join('\n')).toMatch(/Alle skjemasvar er allerede registrert/);
  });

  it('getDocumentLock() may return null: the sweep runs under the script lock instead', () => {
    const sb = desk();
    formOf(sb);
    sb.fakes.LockService.holdFor('document', 'someone-else');
    submit(sb, answers({ title: 'Prosjekt uten dokumentlås' }));
    sb.fakes.LockService.releaseAllHeldBy('someone-else');
    sb.fakes.LockService.noDocument = true;
    const before = count(sb);
    sb.ui.answerAlert();
    sb.call('registerMissingResponses');
    expect(count(sb)).toBe(before + 1);
    expect(sb.calls.count('LockService.getScriptLock')).toBe(1);
  });
});
