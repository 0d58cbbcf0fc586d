import { STATUS_QUESTIONS } from '../../src/core/follow-up/status-form';
import { APPLICATIONS, STATUS_REPORTS } from '../../src/core/workbook/contract';
import { exampleWorkbook } from '../../src/example/agder';
import { DestinationType, type FakeForm } from './fakes/form-app';
import { answers, deskWith, formOf, type Desk } from './desk-helpers';

/**
 * Forms that stay linked: a form made again leaves links already sent pointing at the old one, so the
 * old form stays open for `Gammelt skjema åpent (dager)` with a notice of the new one, its responses are
 * registered, and then the hourly trigger closes and unlinks it. Every journal keeps its form id and
 * creation time, and a response sheet that no longer belongs to its form is linked again.
 */
const DAY = 86_400_000;

const forms = (sb: Desk) => [...sb.fakes.FormApp.forms.values()];
const props = (sb: Desk) => sb.fakes.PropertiesService.getDocumentProperties();

function send(sb: Desk, form: FakeForm, named: Record<string, string[]>) {
  sb.clock.advance(1000);
  return form.submit(Object.fromEntries(Object.entries(named).filter(([t]) => t !== 'Tidsmerke')));
}

const titles = (sb: Desk) => {
  const [header, ...rows] = sb.spreadsheet.sheetData(APPLICATIONS.name).values as unknown[][];
  const col = (header as string[]).indexOf('Tittel');
  return rows.map((r) => String(r[col])).filter((t) => t !== '');
};

function renewed(): { sb: Desk; old: FakeForm; made: FakeForm } {
  const sb = deskWith();
  const old = formOf(sb);
  sb.ui.answerAlert('YES').answerAlert();
  sb.call('createForm');
  const made = forms(sb).at(-1)!;
  return { sb, old, made };
}

describe('an application form made again (the old one was left open, its responses landing nowhere)', () => {
  it('asks first, keeps the old form open with a notice pointing to the new one, and registers its responses', () => {
    const { sb, old, made } = renewed();
    expect(made).not.toBe(old);
    expect(sb.ui.alerts.at(-2)!.prompt).toMatch(
      /Søknadsskjemaet finnes allerede[\s\S]*Det gamle tar imot svar i 14 dager til, med en melding om det nye/,
    );
    expect(old.getDescription()).toMatch(
      new RegExp(
        `^Dette skjemaet er erstattet av et nytt: ${made.getPublishedUrl()}\\nSvar som sendes her, registreres fram til 03\\.12\\.2025`,
      ),
    );
    expect(old.isAcceptingResponses()).toBe(true);
    send(sb, old, answers({ title: 'Sendt til det gamle skjemaet' }));
    send(sb, made, answers({ title: 'Sendt til det nye skjemaet' }));
    expect(titles(sb)).toEqual(
      expect.arrayContaining(['Sendt til det gamle skjemaet', 'Sendt til det nye skjemaet']),
    );
    // The hourly trigger sweeps both and registers nothing twice.
    const before = titles(sb).length;
    sb.fireClockTriggers();
    expect(titles(sb)).toHaveLength(before);
  });

  it('closes and unlinks the old form when its days are over, after a last sweep', () => {
    const { sb, old, made } = renewed();
    const oldSheet = sb.spreadsheet.getSheetByName('Skjemasvar 1')!;
    // A response the trigger missed (its lock was busy) waits in the old sheet for the sweep.
    sb.fakes.LockService.getDocumentLock()!.tryLock(0);
    send(sb, old, answers({ title: 'Mens arbeidsboka var opptatt' }));
    sb.fakes.LockService.releaseAllHeldBy(sb.execution.id);
    sb.clock.advance(13 * DAY);
    sb.fireClockTriggers();
    expect(old.isAcceptingResponses()).toBe(true); // day 13 of 14: still open
    expect(titles(sb)).toContain('Mens arbeidsboka var opptatt');
    sb.clock.advance(2 * DAY);
    sb.fireClockTriggers();
    expect(old.isAcceptingResponses()).toBe(false);
    expect(oldSheet.getFormUrl()).toBeNull(); // unlinked; its rows stay
    expect(() => old.getDestinationId()).toThrow(/no response destination/);
    expect(() => send(sb, old, answers())).toThrow(/no longer accepting|not published/);
    const logg = sb.spreadsheet.sheetData('Logg').values as unknown[][];
    expect(logg.some((r) => r.includes('Gammelt skjema stengt'))).toBe(true);
    expect(props(sb).getProperty('tilskudd.application.old.formId')).toBeNull();
    // The new form goes on.
    send(sb, made, answers({ title: 'Etter stengingen' }));
    expect(titles(sb)).toContain('Etter stengingen');
    const count = titles(sb).length;
    sb.fireClockTriggers();
    expect(titles(sb)).toHaveLength(count);
  });

  it('answered no, keeps the form and makes none', () => {
    const sb = deskWith();
    formOf(sb);
    sb.ui.answerAlert('NO').answerAlert();
    sb.call('createForm');
    expect(forms(sb)).toHaveLength(1);
  });
});

describe('a status form made again', () => {
  it('asks first; reminders carry the new link; the old form’s reports are registered', () => {
    const values = exampleWorkbook();
    values[STATUS_REPORTS.name] = [STATUS_REPORTS.fields.map((f) => f.header)];
    const sb = deskWith(values);
    sb.ui.answerAlert();
    sb.call('createStatusForm');
    const old = forms(sb).at(-1)!;
    sb.ui.answerAlert('NO');
    sb.call('createStatusForm');
    expect(forms(sb)).toHaveLength(1);
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/^Statusskjemaet finnes allerede/);
    sb.ui.answerAlert('YES').answerAlert();
    sb.call('createStatusForm');
    const made = forms(sb).at(-1)!;
    expect(props(sb).getProperty('tilskudd.statusForm.prefilledUrl')).toContain(made.getId());
    expect(old.getDescription()).toMatch(/^Dette skjemaet er erstattet av et nytt/);
    const report = Object.fromEntries(
      Object.entries({
        caseId: '2025-05-001',
        type: 'Halvårsrapport',
        reportedBy: 'PL',
        progress: 'Grønn',
        economy: 'Grønn',
        risk: 'Grønn',
        spent: '1',
      }).map(([k, v]) => [STATUS_QUESTIONS.find((q) => q.key === k)!.title.nb, v]),
    );
    sb.clock.advance(1000);
    old.submit(report);
    const rows = (sb.spreadsheet.sheetData(STATUS_REPORTS.name).values as unknown[][]).slice(1);
    expect(rows.filter((r) => r[0] === '2025-05-001')).toHaveLength(1);
  });
});

describe('the journal and its form', () => {
  it('keeps the form id and its creation time', () => {
    const sb = deskWith();
    const form = formOf(sb);
    expect(JSON.parse(props(sb).getProperty('tilskudd.application.form')!)).toEqual({
      id: form.getId(),
      created: sb.clock.now(),
    });
  });

  it('links again a response sheet that no longer belongs to its form (unlinked and linked in Google Forms)', () => {
    const sb = deskWith();
    const form = formOf(sb);
    form.removeDestination();
    form.setDestination(DestinationType.SPREADSHEET, sb.spreadsheet.getId()); // a new sheet, Skjemasvar 2
    send(sb, form, answers({ title: 'I det nye arket' }));
    sb.fireClockTriggers();
    expect(titles(sb)).toContain('I det nye arket');
    expect(props(sb).getProperty('tilskudd.application.responseSheetName')).toBe('Skjemasvar 2');
    send(sb, form, answers({ title: 'Straks registrert' })); // the submit trigger finds it at once now
    expect(titles(sb)).toContain('Straks registrert');
  });
});
