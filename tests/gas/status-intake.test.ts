import { STATUS_QUESTIONS } from '../../src/core/follow-up/status-form';
import { STATUS_REPORTS } from '../../src/core/workbook/contract';
import { exampleWorkbook } from '../../src/example/agder';
import type { FakeForm } from './fakes/form-app';
import { deskWith, sheetCalls, statusCodeOf, type Desk } from './desk-helpers';

/**
 * The status form's intake in the sandbox, through the same journal as the application form: the form
 * made by the menu, responses sent through the FormApp fake (response sheet first, then the triggers),
 * replays, blank firings and a held lock; the hourly sweep catches up.
 */
function desk(timeZone?: string): { sb: Desk; form: FakeForm } {
  const values = exampleWorkbook();
  values[STATUS_REPORTS.name] = [STATUS_REPORTS.fields.map((f) => f.header)];
  const sb = deskWith(values, { timeZone });
  sb.ui.answerAlert();
  sb.call('createStatusForm');
  const form = [...sb.fakes.FormApp.forms.values()].find((f) => f.getTitle().startsWith('Statusrapport'))!;
  return { sb, form };
}

const title = (key: string) => STATUS_QUESTIONS.find((q) => q.key === key)!.title.nb;

function report(overrides: Record<string, string> = {}): Record<string, string> {
  const base: Record<string, string> = {
    caseId: '2025-05-001',
    type: 'Halvårsrapport',
    reportedBy: 'Prosjektleder, Arendal kommune',
    progress: 'Grønn',
    economy: 'Gul',
    risk: 'Grønn',
    comment: 'Rekruttering forsinket',
    spent: '420000',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [title(k), v]));
}

/** A project leader sends the form from the link in their reminder: the case's code is filled in. */
function send(sb: Desk, form: FakeForm, answers: Record<string, string>) {
  sb.clock.advance(1000);
  const code = title('check');
  const caseId = answers[title('caseId')] ?? '';
  return form.submit(code in answers ? answers : { ...answers, [code]: statusCodeOf(sb, caseId) })!;
}

const rows = (sb: Desk) => {
  const [header, ...data] = sb.spreadsheet.sheetData(STATUS_REPORTS.name).values as unknown[][];
  return data.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
};

describe('the status form', () => {
  it('is generated from the schema, published, linked to its response sheet, with its own trigger', () => {
    const { sb, form } = desk();
    const snapshot = form.snapshot();
    const titles = snapshot.items
      .filter((i) => i.type !== 'SECTION_HEADER' && i.type !== 'PAGE_BREAK')
      .map((i) => i.title);
    expect(titles).toEqual(STATUS_QUESTIONS.map((q) => q.title.nb));
    expect(form.isPublished()).toBe(true);
    expect(form.canEditResponse()).toBe(false);
    const handlers = sb.fakes.ScriptApp.allTriggers()
      .map((t) => t.handler)
      .sort();
    expect(handlers).toEqual(['onFormSubmit', 'runHourly']);
    // The prefilled link of a reminder fills the case id question.
    const caseItem = form.getItems().find((i) => i.getTitle() === 'Saksnummer')!;
    const codeItem = form.getItems().find((i) => i.getTitle() === 'Kode')!;
    expect(
      sb.fakes.PropertiesService.getDocumentProperties().getProperty('tilskudd.statusForm.prefilledUrl'),
    ).toBe(
      `${form.getPublishedUrl()}?usp=pp_url&entry.${caseItem.getId()}=TILSKUDDSAKSNR&entry.${codeItem.getId()}=TILSKUDDKODE`,
    );
  });

  it('registers a report with its due date from the engine, neutralised text and unknown answers kept', () => {
    const { sb, form } = desk();
    send(sb, form, report({ comment: '=IMPORTXML("https://evil.example";"//a")' }));
    const [r] = rows(sb);
    expect(r).toMatchObject({
      Saksnr: '2025-05-001',
      Type: 'Halvårsrapport',
      Framdrift: 'Grønn',
      Økonomi: 'Gul',
      'Forbruk hittil': 420_000,
      Kommentar: '=IMPORTXML("https://evil.example";"//a")', // the text itself…
    });
    const data = sb.spreadsheet.sheetData(STATUS_REPORTS.name);
    expect(data.formulas.flat().filter((f) => f !== '')).toEqual([]); // …never a formula
    // The earliest open one, 1 Nov 2025, as Sheets holds a day: midnight in the spreadsheet's zone (Oslo).
    expect(r!['Frist']).toEqual(new Date(Date.UTC(2025, 9, 31, 23)));
    // The response's key and its keyed mark, so a key typed there does not count.
    expect(String(r!['Svar-ID'])).toMatch(/^[0-9a-z]+\.k[0-9a-f]{20}$/);
    // A question renamed in the form: its answer is kept in Andre svar, not placed.
    form
      .getItems()
      .find((i) => i.getTitle() === title('dependencies'))!
      .setTitle('Samarbeid med andre');
    send(sb, form, { ...report({ caseId: '2025-05-002' }), 'Samarbeid med andre': 'Agdermodellen' });
    const second = rows(sb)[1]!;
    expect(second['Andre svar']).toBe('Samarbeid med andre: Agdermodellen');
    expect(second['Avhengigheter']).toBe('');
    // Two reports for the same case answer two due dates: 1 Nov 2025, then 1 May 2026.
    send(sb, form, report());
    expect(rows(sb)[2]!['Frist']).toEqual(new Date(Date.UTC(2026, 3, 30, 22)));
  });

  it('west of UTC, writes the due date as the day it is, not the evening before', () => {
    const { sb, form } = desk('America/New_York');
    send(sb, form, report());
    const sheet = sb.fakes.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(STATUS_REPORTS.name)!;
    const [header, first] = sheet.getRange(1, 1, 2, sheet.getLastColumn()).getDisplayValues();
    expect(first![header!.indexOf('Frist')]).toMatch(/^2025-11-01\b/); // not 2025-10-31 20:00
  });

  it('keeps 200 interleaved reports, 50 while the lock is held, with replays and blank firings: one sweep registers the rest, each once', () => {
    const { sb, form } = desk();
    const responses = [];
    for (let i = 0; i < 200; i++) {
      const held = i % 4 === 1;
      if (held) sb.fakes.LockService.holdFor('document', 'another-execution');
      const caseId = i % 2 === 0 ? '2025-05-001' : '2025-05-002';
      const response = send(sb, form, report({ caseId, comment: `Rapport ${i}` }));
      responses.push(response);
      if (i % 5 === 0) sb.refireFormSubmit(response);
      if (i % 7 === 0) sb.refireFormSubmit(response, { blank: true });
      if (held) sb.fakes.LockService.releaseAllHeldBy('another-execution');
      if (i % 11 === 0 && i > 0 && (i - 1) % 4 !== 1) sb.refireFormSubmit(responses[i - 1]!);
    }
    expect(rows(sb)).toHaveLength(150);
    sb.fireClockTriggers(); // the hourly sweep (the reminder run sends nothing: reminders are off)
    const all = rows(sb);
    expect(all).toHaveLength(200);
    expect(new Set(all.map((r) => r['Svar-ID'])).size).toBe(200);
    expect(all.map((r) => r['Kommentar']).sort()).toEqual(
      Array.from({ length: 200 }, (_, i) => `Rapport ${i}`).sort(),
    );
    // The application intake's own trigger saw every status response and wrote nothing to Søknader.
    expect(sb.spreadsheet.sheetData('Søknader').values).toHaveLength(exampleWorkbook()['Søknader']!.length);
    sb.calls.reset();
    sb.ui.answerAlert();
    sb.call('registerMissingResponses');
    expect(rows(sb)).toHaveLength(200);
    expect(sb.calls.count('Range.setValues')).toBe(0);
    expect(sheetCalls(sb)).toBeGreaterThan(0);
  });

  it('writes nothing for a forged event or a google.script.run call', () => {
    const { sb, form } = desk();
    const response = send(sb, form, report());
    const before = rows(sb).length;
    sb.runAs({ email: 'leser@example.no' }, () => {
      sb.call('onStatusFormSubmit', { triggerUid: 'guess', range: { getRow: () => response.row } });
      sb.call('onStatusFormSubmit', undefined);
    });
    expect(rows(sb)).toHaveLength(before);
  });
});
