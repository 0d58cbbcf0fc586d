import { CallLog } from './fakes/calls';
import { DestinationType, FakeFormApp, type SubmittedResponse } from './fakes/form-app';
import { AuthMode, FakeScriptApp } from './fakes/script-app';
import { createEnv, NOT_FOUND } from './fakes/services';
import { createSpreadsheetFakes } from './fakes/spreadsheet';
import { clockEvent, formSubmitEvent } from './fakes/trigger-events';
import { loadBundle } from './sandbox';

/** A FormApp fake linked to one spreadsheet fake, recording what it tells the sandbox. */
function linked(locale = 'nb_NO') {
  const env = createEnv();
  const sheets = createSpreadsheetFakes({ calls: env.calls, locale });
  const told: SubmittedResponse[] = [];
  const app = new FakeFormApp(env, {
    spreadsheet: (id) => (id === 'fake-spreadsheet-id' ? sheets.spreadsheet : null),
    submitted: (r) => {
      // What a trigger sees when it runs: the row is already in the response sheet.
      expect(sheets.spreadsheet.sheetData(r.sheetName).values[r.row - 1]![0]).toBeInstanceOf(Date);
      told.push(r);
    },
  });
  const form = app.create('Søknad');
  form.addSectionHeaderItem().setTitle('Prosjektet');
  form.addTextItem().setTitle('Prosjekttittel').setRequired(true);
  form.addCheckboxItem().setTitle('Områder').setChoiceValues(['Barn og unge', 'Eldre']);
  return { env, sheets, app, form, told };
}

describe('FormApp submit without its trigger', () => {
  it('keeps the response and writes its row, but tells no trigger (left to the sweep)', () => {
    const { sheets, form, told } = linked();
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id').setPublished(true);
    form.submit({ Prosjekttittel: 'A' }, { trigger: false });
    expect(told).toHaveLength(0);
    expect(form.getResponses()).toHaveLength(1);
    expect(sheets.spreadsheet.sheetData('Skjemasvar 1').values).toHaveLength(2);
    form.submit({ Prosjekttittel: 'B' });
    expect(told).toHaveLength(1);
  });
});

describe('FormApp removeDestination', () => {
  it('unlinks: the response sheet keeps its rows but names no form, and new responses reach no sheet', () => {
    const { sheets, form, told } = linked();
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id').setPublished(true);
    form.submit({ Prosjekttittel: 'A' });
    const sheet = sheets.spreadsheet.getSheetByName('Skjemasvar 1')!;
    expect(sheet.getFormUrl()).toContain(form.getId());
    form.removeDestination();
    expect(sheet.getFormUrl()).toBeNull();
    expect(() => form.getDestinationId()).toThrow(/no response destination/);
    expect(form.submit({ Prosjekttittel: 'B' })).toBeNull(); // kept in the form only
    expect(sheets.spreadsheet.sheetData('Skjemasvar 1').values).toHaveLength(2);
    expect(told).toHaveLength(1);
  });
});

describe('FormApp publishing (forms made by scripts start unpublished since 30 June 2026)', () => {
  it('makes a new form unpublished, and publishing opens it to responses', () => {
    const { form } = linked();
    expect(form.isPublished()).toBe(false);
    expect(form.isAcceptingResponses()).toBe(false);
    expect(() => form.setAcceptingResponses(true)).toThrow(/must be published/);
    form.setPublished(true);
    expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([true, true]);
    form.setAcceptingResponses(false);
    expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([true, false]);
    form.setPublished(false);
    expect(form.isAcceptingResponses()).toBe(false);
  });

  it('refuses a submission to an unpublished or closed form, and one missing a required answer', () => {
    const { form, told } = linked();
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id');
    expect(() => form.submit({ Prosjekttittel: 'A' })).toThrow(/not published/);
    form.setPublished(true).setAcceptingResponses(false);
    expect(() => form.submit({ Prosjekttittel: 'A' })).toThrow(/no longer accepting responses/);
    form.setAcceptingResponses(true);
    expect(() => form.submit({ Områder: ['Eldre'] })).toThrow(/required question: Prosjekttittel/);
    expect(() => form.submit({ Prosjekttittel: 'A', Ukjent: 'x' })).toThrow(/no question titled Ukjent/);
    expect(told).toEqual([]);
  });
});

describe('a legacy form (made before publishing came)', () => {
  it('has no publish settings: isPublished/setPublished throw, responses open and close with setAcceptingResponses', () => {
    const { form, told } = linked();
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id');
    expect(form.supportsAdvancedResponderPermissions()).toBe(true);
    form.makeLegacy();
    expect(form.supportsAdvancedResponderPermissions()).toBe(false);
    expect(() => form.isPublished()).toThrow(/not supported for this form/);
    expect(() => form.setPublished(true)).toThrow(/not supported for this form/);
    expect(form.isAcceptingResponses()).toBe(true);
    form.submit({ Prosjekttittel: 'A' });
    form.setAcceptingResponses(false);
    expect(() => form.submit({ Prosjekttittel: 'B' })).toThrow(/no longer accepting responses/);
    form.setAcceptingResponses(true);
    form.submit({ Prosjekttittel: 'C' });
    expect(told.map((r) => r.row)).toEqual([2, 3]);
  });
});

describe('FormApp response sheet', () => {
  it('adds Skjemasvar 1 (timestamp and one column per question) on setDestination, and the next number for a second form', () => {
    const { app, form, sheets } = linked();
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id');
    expect(sheets.spreadsheet.sheetData('Skjemasvar 1').values).toEqual([
      ['Tidsmerke', 'Prosjekttittel', 'Områder'],
    ]);
    const sheet = sheets.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Skjemasvar 1')!;
    expect(app.openByUrl(sheet.getFormUrl()!)).toBe(form);
    expect(app.openByUrl(form.getEditUrl())).toBe(form);
    expect(() => app.openByUrl(form.getPublishedUrl())).toThrow(NOT_FOUND);
    app.create('Statusrapport').setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id');
    expect(sheets.spreadsheet.sheets.map((s) => s.name)).toContain('Skjemasvar 2');
    expect(() => app.create('X').setDestination(DestinationType.SPREADSHEET, 'other')).toThrow(NOT_FOUND);
  });

  it('is Form Responses 1 with Timestamp in an English spreadsheet', () => {
    const { form, sheets } = linked('en_GB');
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id');
    expect(sheets.spreadsheet.sheetData('Form Responses 1').values[0]![0]).toBe('Timestamp');
  });

  it('appends each submission (a Date, checkbox answers joined) before telling the triggers', () => {
    const { env, form, sheets, told } = linked();
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id').setPublished(true);
    const first = form.submit({ Prosjekttittel: 'Akutteam', Områder: ['Barn og unge', 'Eldre'] });
    env.clock.advance(60_000);
    const second = form.submit({ Prosjekttittel: 'Lærling' });
    expect(told).toEqual([first, second]);
    expect([first!.row, second!.row]).toEqual([2, 3]);
    const values = sheets.spreadsheet.sheetData('Skjemasvar 1').values;
    expect(values[1]!.slice(1)).toEqual(['Akutteam', 'Barn og unge, Eldre']);
    expect((values[2]![0] as Date).getTime() - (values[1]![0] as Date).getTime()).toBe(60_000);
  });

  it('renames a renamed question’s column and adds a column for a new question', () => {
    const { form, sheets } = linked();
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id').setPublished(true);
    form.getItems()[1]!.setTitle('Tittel på prosjektet');
    form.addParagraphTextItem().setTitle('Hvor hørte du om ordningen?');
    form.submit({ 'Tittel på prosjektet': 'A', 'Hvor hørte du om ordningen?': 'Nettsiden' });
    expect(sheets.spreadsheet.sheetData('Skjemasvar 1').values).toEqual([
      ['Tidsmerke', 'Tittel på prosjektet', 'Områder', 'Hvor hørte du om ordningen?'],
      [expect.any(Date), 'A', '', 'Nettsiden'],
    ]);
  });
});

describe('FormApp getResponses', () => {
  it('keeps every response with its timestamp and the answered questions, as the response sheet got them', () => {
    const { env, sheets, form } = linked();
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id').setPublished(true);
    form.submit({ Prosjekttittel: 'A', Områder: ['Barn og unge', 'Eldre'] });
    env.clock.advance(1500);
    form.submit({ Prosjekttittel: 'B' });
    const responses = form.getResponses();
    expect(responses).toHaveLength(2);
    const rows = sheets.spreadsheet.sheetData('Skjemasvar 1').values;
    // The same instant as the row's timestamp, a new Date each time.
    expect(responses.map((r) => r.getTimestamp().getTime())).toEqual(
      [rows[1]![0], rows[2]![0]].map((d) => (d as Date).getTime()),
    );
    const answers = responses.map((r) =>
      r.getItemResponses().map((i) => [i.getItem().getTitle(), i.getResponse()]),
    );
    // A checkbox answer is its choices (the sheet joins them with ", "); a blank question has none.
    expect(answers).toEqual([
      [
        ['Prosjekttittel', 'A'],
        ['Områder', ['Barn og unge', 'Eldre']],
      ],
      [['Prosjekttittel', 'B']],
    ]);
    expect(rows[1]![2]).toBe('Barn og unge, Eldre');
  });

  it('keeps responses sent while no sheet is linked, and after the sheet is unlinked', () => {
    const { form } = linked();
    form.setPublished(true);
    form.submit({ Prosjekttittel: 'Uten ark' });
    expect(form.getResponses().map((r) => r.getItemResponses()[0]!.getResponse())).toEqual(['Uten ark']);
  });

  it('a response being built has no timestamp', () => {
    const { form } = linked();
    expect(() => form.createResponse().getTimestamp()).toThrow(/not been submitted/);
  });

  it('a form shared with one member cannot be opened by another', () => {
    const { env, app, form } = linked();
    form.shareOnlyWith('eier@example.no');
    env.execution.effectiveUser = 'annen@example.no';
    expect(() => app.openById(form.getId())).toThrow(NOT_FOUND);
    expect(() => app.openByUrl(form.getEditUrl())).toThrow(NOT_FOUND);
    env.execution.effectiveUser = 'Eier@example.no';
    expect(app.openById(form.getId())).toBe(form);
  });
});

describe('trigger events', () => {
  function response() {
    const { form, sheets } = linked();
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id').setPublished(true);
    return { submitted: form.submit({ Prosjekttittel: 'Akutteam', Områder: ['Eldre'] })!, sheets };
  }

  it('gives the form-submit event its range, values, namedValues, triggerUid and authMode FULL', () => {
    const { submitted, sheets } = response();
    sheets.spreadsheet.tracker.calls.reset();
    const e = formSubmitEvent(submitted, { uniqueId: '9000001' });
    expect(sheets.spreadsheet.tracker.calls.total()).toBe(0); // Google makes the event, not the script
    expect(e.authMode).toBe(AuthMode.FULL);
    expect(e.triggerUid).toBe('9000001');
    expect(e.values).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      'Akutteam',
      'Eldre',
    ]);
    expect(e.namedValues).toEqual({
      Tidsmerke: [e.values[0]],
      Prosjekttittel: ['Akutteam'],
      Områder: ['Eldre'],
    });
    expect(e.range.getSheet().getName()).toBe('Skjemasvar 1');
    expect(e.range.getA1Notation()).toBe('A2:C2');
    expect(e.range.getDisplayValues()).toEqual([e.values]);
    expect(e.source.getId()).toBe('fake-spreadsheet-id');
  });

  it('gives the blank duplicate firing the same range but empty answers', () => {
    const { submitted } = response();
    const e = formSubmitEvent(submitted, { uniqueId: '1' }, { blank: true });
    expect(e.values).toEqual(['', '', '']);
    expect(Object.values(e.namedValues).flat().join('')).toBe('');
    expect(e.range.getRow()).toBe(2);
  });

  it('gives a clock event the trigger id and the time fields', () => {
    expect(clockEvent({ uniqueId: '7' }, Date.UTC(2026, 4, 12, 9, 30))).toMatchObject({
      authMode: AuthMode.FULL,
      triggerUid: '7',
      year: 2026,
      month: 5,
      'day-of-month': 12,
      hour: 9,
      minute: 30,
    });
  });

  it('has ScriptApp.AuthMode as an enum, not strings', () => {
    const scripts = new FakeScriptApp(createEnv());
    expect(String(scripts.AuthMode.LIMITED)).toBe('LIMITED');
    expect(scripts.AuthMode.FULL).not.toBe('FULL');
  });
});

describe('the sandbox delivers form submissions', () => {
  it('runs each form-submit trigger of the spreadsheet as its owner, with a real event, after the row landed', () => {
    const sb = loadBundle();
    const seen: unknown[] = [];
    // A stand-in handler in the bundle's global scope: what Google would call.
    (sb.context as Record<string, unknown>).onTestSubmit = function (e: { range: { getRow(): number } }) {
      seen.push({ row: e.range.getRow(), user: sb.fakes.Session.getEffectiveUser().getEmail() });
    };
    sb.runAs({ email: 'eier@example.no' }, () =>
      sb.fakes.ScriptApp.newTrigger('onTestSubmit')
        .forSpreadsheet('fake-spreadsheet-id')
        .onFormSubmit()
        .create(),
    );
    const form = sb.fakes.FormApp.create('F');
    form.addTextItem().setTitle('Navn');
    form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id').setPublished(true);
    const submitted = form.submit({ Navn: 'A' })!;
    sb.refireFormSubmit(submitted, { blank: true });
    expect(seen).toEqual([
      { row: 2, user: 'eier@example.no' },
      { row: 2, user: 'eier@example.no' },
    ]);
  });
});

describe('a spreadsheet form-submit trigger', () => {
  it('fires for every form linked to the spreadsheet, each event naming its own response sheet', () => {
    const sb = loadBundle();
    const seen: string[] = [];
    (sb.context as Record<string, unknown>).onTestSubmit = function (e: {
      range: { getSheet(): { getName(): string } };
    }) {
      seen.push(e.range.getSheet().getName());
    };
    sb.runAs({ email: 'eier@example.no' }, () =>
      sb.fakes.ScriptApp.newTrigger('onTestSubmit')
        .forSpreadsheet('fake-spreadsheet-id')
        .onFormSubmit()
        .create(),
    );
    const forms = ['Søknad', 'Statusrapport'].map((title) => {
      const form = sb.fakes.FormApp.create(title);
      form.addTextItem().setTitle('Navn');
      return form.setDestination(DestinationType.SPREADSHEET, 'fake-spreadsheet-id').setPublished(true);
    });
    forms[1]!.submit({ Navn: 'B' });
    forms[0]!.submit({ Navn: 'A' });
    expect(seen).toEqual(['Skjemasvar 2', 'Skjemasvar 1']);
  });
});

describe('Sheets cell limit', () => {
  it('refuses a write with a cell over 50 000 characters, writing none of it', () => {
    const calls = new CallLog();
    const { spreadsheet, SpreadsheetApp } = createSpreadsheetFakes({ calls });
    spreadsheet.addSheet('Data', [['a']]);
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!;
    expect(() => sheet.getRange(2, 1, 1, 2).setValues([['ok', 'x'.repeat(50_001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(spreadsheet.sheetData('Data').values).toEqual([['a']]);
    sheet.getRange(2, 1).setValue('y'.repeat(50_000));
    expect(String(spreadsheet.sheetData('Data').values[1]![0])).toHaveLength(50_000);
  });
});
