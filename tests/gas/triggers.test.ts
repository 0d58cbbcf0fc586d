import { STATUS_QUESTIONS } from '../../src/core/follow-up/status-form';
import { APPLICATIONS, SETTINGS_SHEET, STATUS_REPORTS } from '../../src/core/workbook/contract';
import { DEFAULT_SETTINGS, settingsToRows } from '../../src/core/workbook/settings';
import { exampleWorkbook, sheetRows } from '../../src/example/agder';
import type { FakeForm } from './fakes/form-app';
import { EventType, TriggerSource, type TriggerSpec } from './fakes/script-app';
import { LEADER, SECRETARY, answers, deskWith, formOf, type Desk } from './desk-helpers';

/**
 * The document's two triggers: one spreadsheet form-submit trigger routing every linked form's response
 * to its journal, one hourly clock trigger sweeping every journal and sending the day's reminders. An
 * add-on may hold one trigger of each type per user and document (the fake refuses a second), and an
 * installation of an earlier version (four triggers) moves to the two on the next set-up.
 */
function desk(): { sb: Desk; application: FakeForm; status: FakeForm } {
  const values = exampleWorkbook();
  values[STATUS_REPORTS.name] = [STATUS_REPORTS.fields.map((f) => f.header)];
  values[SETTINGS_SHEET.name] = sheetRows(
    SETTINGS_SHEET,
    settingsToRows({ ...DEFAULT_SETTINGS, emailReminders: true }),
  );
  const sb = deskWith(values);
  const application = formOf(sb);
  sb.ui.answerAlert();
  sb.call('createStatusForm');
  const status = [...sb.fakes.FormApp.forms.values()].find((f) => f.getTitle().startsWith('Statusrapport'))!;
  return { sb, application, status };
}

/** An applicant sends the application form (one second on, so each response is its own). */
function submit(sb: Desk, named: Record<string, string[]>) {
  const form = [...sb.fakes.FormApp.forms.values()][0]!;
  sb.clock.advance(1000);
  return form.submit(Object.fromEntries(Object.entries(named).filter(([t]) => t !== 'Tidsmerke')))!;
}

const statusReport = (caseId: string) =>
  Object.fromEntries(
    Object.entries({
      caseId,
      type: 'Halvårsrapport',
      reportedBy: 'Prosjektleder',
      progress: 'Grønn',
      economy: 'Grønn',
      risk: 'Grønn',
      comment: '',
      spent: '1000',
    }).map(([k, v]) => [STATUS_QUESTIONS.find((q) => q.key === k)!.title.nb, v]),
  );

/** The rows with anything in them (set-up may leave blank rows under the data). */
const dataRows = (sb: Desk, sheet: string) =>
  (sb.spreadsheet.sheetData(sheet).values as unknown[][]).slice(1).filter((r) => r.some((v) => v !== ''));
/** The response keys registered in a sheet. */
const keysOf = (sb: Desk, sheet: string) => {
  const [header, ...rows] = sb.spreadsheet.sheetData(sheet).values as unknown[][];
  const col = (header as string[]).indexOf('Svar-ID');
  return rows.map((r) => String(r[col])).filter((k) => k !== '');
};

/** No user holds two triggers of one type for one document (the add-on rule). */
function typesPerOwner(triggers: TriggerSpec[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const t of triggers) {
    const key = `${t.owner} ${String(t.eventType)} ${t.sourceId ?? 'clock'}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return count;
}

/** An earlier version's four triggers, held by `owner`, and the properties that named their installer. */
function oldInstallation(sb: Desk, owner: string): void {
  const app = sb.fakes.ScriptApp;
  for (const who of new Set(app.allTriggers().map((t) => t.owner)))
    sb.runAs({ email: who }, () => app.getProjectTriggers().forEach((t) => app.deleteTrigger(t)));
  const props = sb.fakes.PropertiesService.getDocumentProperties();
  props.deleteProperty('tilskudd.triggers.owner');
  props.setProperties({
    'tilskudd.triggerOwner': owner,
    'tilskudd.triggerOwner.onStatusFormSubmit': owner,
    'tilskudd.triggerOwner.sendReminders': owner,
  });
  const id = sb.spreadsheet.getId();
  const submit = { eventType: EventType.ON_FORM_SUBMIT, source: TriggerSource.SPREADSHEETS, sourceId: id };
  const clock = { eventType: EventType.CLOCK, source: TriggerSource.CLOCK, sourceId: null };
  app.installLegacy({ handler: 'onFormSubmit', owner, ...submit });
  app.installLegacy({ handler: 'registerMissingResponses', owner, ...clock, schedule: { everyHours: 1 } });
  app.installLegacy({ handler: 'onStatusFormSubmit', owner, ...submit });
  app.installLegacy({ handler: 'sendReminders', owner, ...clock, schedule: { everyDays: 1, atHour: 7 } });
}

describe('the trigger budget', () => {
  it('no user holds two triggers of one type with both forms and reminders on, and each form reaches its journal', () => {
    const { sb, status } = desk();
    sb.ui.answerAlert();
    sb.runAs({ email: LEADER }, () => sb.call('setupWorkbook')); // another member's set-up: adds none
    const triggers = sb.fakes.ScriptApp.allTriggers();
    expect(triggers.map((t) => `${t.owner} ${t.handler}`).sort()).toEqual([
      `${SECRETARY} onFormSubmit`,
      `${SECRETARY} runHourly`,
    ]);
    expect([...typesPerOwner(triggers).values()].every((n) => n === 1)).toBe(true);
    // The one submit trigger fires for both forms; each response lands in its own journal, once.
    const before = dataRows(sb, APPLICATIONS.name).length;
    submit(sb, answers());
    sb.clock.advance(1000);
    status.submit(statusReport('2025-05-001'));
    expect(dataRows(sb, APPLICATIONS.name)).toHaveLength(before + 1);
    expect(dataRows(sb, STATUS_REPORTS.name)).toHaveLength(1);
    sb.fireClockTriggers(); // the hourly sweep finds nothing left
    expect(dataRows(sb, APPLICATIONS.name)).toHaveLength(before + 1);
    expect(dataRows(sb, STATUS_REPORTS.name)).toHaveLength(1);
  });
});

describe('the move of an old installation', () => {
  it('four triggers → two on the next set-up; no response lost, none doubled', () => {
    const { sb, status } = desk();
    oldInstallation(sb, SECRETARY);
    expect(sb.fakes.ScriptApp.allTriggers()).toHaveLength(4);
    // Before the move: both old submit triggers fire for each response and route it; once each.
    const first = submit(sb, answers());
    sb.clock.advance(1000);
    status.submit(statusReport('2025-05-001'));
    expect(keysOf(sb, APPLICATIONS.name)).toHaveLength(1);
    expect(dataRows(sb, STATUS_REPORTS.name)).toHaveLength(1);

    sb.ui.answerAlert();
    sb.call('setupWorkbook');
    expect(
      sb.fakes.ScriptApp.allTriggers()
        .map((t) => `${t.owner} ${t.handler}`)
        .sort(),
    ).toEqual([`${SECRETARY} onFormSubmit`, `${SECRETARY} runHourly`]);
    const props = sb.fakes.PropertiesService.getDocumentProperties();
    expect(props.getProperty('tilskudd.triggerOwner.sendReminders')).toBeNull();

    sb.refireFormSubmit(first); // a replay after the move
    submit(sb, answers({ title: 'Etter flyttingen' }));
    sb.clock.advance(1000);
    status.submit(statusReport('2025-05-002'));
    sb.fireClockTriggers();
    const keys = keysOf(sb, APPLICATIONS.name);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(dataRows(sb, STATUS_REPORTS.name)).toHaveLength(2);
  });

  it('when another member owns the old ones: set-up names them, and their set-up removes theirs', () => {
    const { sb, status } = desk();
    oldInstallation(sb, SECRETARY);
    const before = dataRows(sb, APPLICATIONS.name).length;
    sb.ui.answerAlert().answerAlert();
    sb.runAs({ email: LEADER }, () => sb.call('setupWorkbook')); // cannot delete another's triggers
    expect(sb.ui.alerts.at(-1)!.prompt).toContain(
      `${SECRETARY} har utløsere fra en tidligere versjon. Be dem velge Tilskudd › Sett opp arbeidsboka`,
    );
    expect(sb.fakes.ScriptApp.allTriggers()).toHaveLength(6);
    // Meanwhile three submit triggers fire for each response: it is registered once.
    submit(sb, answers({ title: 'Mens begge finnes' }));
    sb.clock.advance(1000);
    status.submit(statusReport('2025-05-001'));
    sb.fireClockTriggers();
    expect(dataRows(sb, APPLICATIONS.name)).toHaveLength(before + 1);
    expect(dataRows(sb, STATUS_REPORTS.name)).toHaveLength(1);

    // The secretariat member's set-up: their role may not set up the workbook, but their old triggers go.
    sb.ui.answerAlert();
    sb.call('setupWorkbook');
    expect(
      sb.fakes.ScriptApp.allTriggers()
        .map((t) => `${t.owner} ${t.handler}`)
        .sort(),
    ).toEqual([`${LEADER} onFormSubmit`, `${LEADER} runHourly`]);
    expect([...typesPerOwner(sb.fakes.ScriptApp.allTriggers()).values()].every((n) => n === 1)).toBe(true);
    submit(sb, answers({ title: 'Etter flyttingen' }));
    expect(dataRows(sb, APPLICATIONS.name)).toHaveLength(before + 2);
  });

  it('an old handler called without a trigger event writes nothing', () => {
    const { sb } = desk();
    const before = dataRows(sb, STATUS_REPORTS.name).length;
    sb.call('onStatusFormSubmit', { triggerUid: 'guess' });
    sb.call('sendReminders', undefined);
    sb.call('runHourly', { triggerUid: 'forged' });
    expect(dataRows(sb, STATUS_REPORTS.name)).toHaveLength(before);
    expect(sb.fakes.MailApp.outbox).toEqual([]);
  });
});
