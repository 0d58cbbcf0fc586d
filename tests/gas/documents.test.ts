import { exampleWorkbook } from '../../src/example/agder';
import { SECRETARY, deskWith, sheetCalls, type Desk } from './desk-helpers';

const docsCalls = (sb: Desk) => sb.calls.total('Docs.');

function memo(sb: Desk, date = '09.05.2025', caseNumber = '18-2025', cases = '2025-05-001, 2025-05-002') {
  sb.ui.answerPrompt(date).answerPrompt(caseNumber).answerPrompt(cases);
  sb.call('createMemo');
}

function rows(sb: Desk, sheet: string) {
  const [header, ...data] = sb.spreadsheet.sheetData(sheet).values as string[][];
  return data
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
}

describe('Lag saksfremstilling (Google Docs)', () => {
  it('writes the memo in one batchUpdate (and its new footer in a second), records it in Dokumenter and shows its link', () => {
    const sb = deskWith();
    memo(sb);
    expect(sb.calls.count('Docs.Documents.create')).toBe(1);
    // The footer's id comes in the reply to createFooter: its text can only follow in a second call.
    expect(sb.calls.count('Docs.Documents.batchUpdate')).toBe(2);
    expect(sb.fakes.Docs.Documents.footerText('fake-doc-1')).toBe(
      'Saksfremstilling · Sak 18-2025 · Helsefellesskapet Agder\n',
    );
    const [doc] = rows(sb, 'Dokumenter');
    expect(doc).toMatchObject({
      Nøkkel: 'memo:18-2025',
      Tittel: 'Saksfremstilling',
      'Dokument-ID': 'fake-doc-1',
    });
    const snap = sb.fakes.Docs.Documents.snapshot('fake-doc-1');
    const texts = snap.map((x) =>
      x.type === 'paragraph' ? x.text : x.rows.map((r) => r.join(' | ')).join('\n'),
    );
    expect(texts[0]).toBe('Saksfremstilling');
    expect(texts.join('\n')).toMatch(/Møtedato \| 09\.05\.2025/);
    expect(texts.join('\n')).toMatch(
      /tildeles 625\u00a0000\u00a0kr til et forprosjekt for perioden august 2025–desember 2025/,
    );
    const dialog = sb.ui.html.at(-1)!;
    expect(dialog.kind).toBe('modal');
    expect(dialog.content).toContain('href="https://docs.google.com/document/d/fake-doc-1/edit"');
    expect(rows(sb, 'Logg').at(-1)).toMatchObject({ Handling: 'Dokument laget', Sak: 'memo:18-2025' });
  });

  it('records the proposal in Forslag in one write with a Logg line, again unchanged, refused once decided and changed', () => {
    const sb = deskWith();
    memo(sb);
    expect(rows(sb, 'Forslag').map((r) => [r['Sak'], r['Saksnr'], r['Innstilling'], r['Beløp']])).toEqual([
      ['18-2025', '2025-05-001', 'Innvilges', 1_060_000],
      ['18-2025', '2025-05-002', 'Forprosjekt', 625_000],
      ['18-2025', 'ADM-2025', 'Innvilges', 939_829],
    ]);
    expect(rows(sb, 'Logg').find((r) => r['Handling'] === 'Forslag')).toMatchObject({ Sak: '18-2025' });
    sb.calls.reset();
    memo(sb);
    expect(rows(sb, 'Forslag')).toHaveLength(3);
    expect(rows(sb, 'Logg').filter((r) => r['Handling'] === 'Forslag')).toHaveLength(1);
    // 18-2025 is decided (Tildelinger names it): a changed proposal is refused, and no document is touched.
    const col = (sb.spreadsheet.sheetData('Søknader').values[0] as string[]).indexOf('Innstilt beløp');
    sb.spreadsheet
      .sheet('Søknader')
      .getRange(3, col + 1)
      .setValue(500_000);
    sb.calls.reset();
    sb.ui
      .answerPrompt('09.05.2025')
      .answerPrompt('18-2025')
      .answerPrompt('2025-05-001, 2025-05-002')
      .answerAlert();
    sb.call('createMemo');
    expect(sb.ui.alerts.at(-1)!.prompt).toContain('Sak 18-2025 er allerede vedtatt');
    expect(docsCalls(sb)).toBe(0);
    expect(rows(sb, 'Forslag').map((r) => r['Beløp'])).toEqual([1_060_000, 625_000, 939_829]);
  });

  it('does nothing when run again on unchanged data, and updates the same document when data changed', () => {
    const sb = deskWith();
    memo(sb, '09.05.2025', '19-2025');
    sb.calls.reset();
    memo(sb, '09.05.2025', '19-2025');
    expect(docsCalls(sb)).toBe(0);
    expect(sb.ui.html.at(-1)!.content).toContain('(uendret)');

    const col = (sb.spreadsheet.sheetData('Søknader').values[0] as string[]).indexOf('Innstilt beløp');
    sb.spreadsheet
      .sheet('Søknader')
      .getRange(3, col + 1)
      .setValue(500_000);
    sb.calls.reset();
    memo(sb, '09.05.2025', '19-2025');
    expect(sb.calls.count('Docs.Documents.create')).toBe(0);
    expect(sb.calls.count('Docs.Documents.get')).toBe(1);
    expect(sb.calls.count('Docs.Documents.batchUpdate')).toBe(1);
    expect(rows(sb, 'Dokumenter')).toHaveLength(1);
    const text = sb.fakes.Docs.Documents.snapshot('fake-doc-1')
      .map((x) => (x.type === 'paragraph' ? x.text : ''))
      .join('\n');
    expect(text).toMatch(/tildeles 500\u00a0000\u00a0kr til et forprosjekt/);
    expect(text).not.toMatch(/625\u00a0000\u00a0kr til et forprosjekt/);
    expect(text.match(/^Saksfremstilling$/gm)).toHaveLength(1);
    // The footer is rewritten in the same call, not doubled.
    expect(sb.fakes.Docs.Documents.footerText('fake-doc-1')).toBe(
      'Saksfremstilling · Sak 19-2025 · Helsefellesskapet Agder\n',
    );
  });

  it('makes a new document when the recorded one can no longer be opened', () => {
    // 19-2025: a case not yet decided, so a changed proposal is recorded and the document remade.
    const sb = deskWith();
    memo(sb, '09.05.2025', '19-2025');
    sb.fakes.Docs.Documents.docs.delete('fake-doc-1');
    const col = (sb.spreadsheet.sheetData('Søknader').values[0] as string[]).indexOf('Innstilt beløp');
    sb.spreadsheet
      .sheet('Søknader')
      .getRange(3, col + 1)
      .setValue(500_000);
    memo(sb, '09.05.2025', '19-2025');
    expect(rows(sb, 'Dokumenter')).toEqual([
      expect.objectContaining({ Nøkkel: 'memo:19-2025', 'Dokument-ID': 'fake-doc-2' }),
    ]);
    expect(sb.ui.html.at(-1)!.content).toContain('(laget)');
  });

  it('asks its questions without holding the lock, and takes it only to write', () => {
    const sb = deskWith();
    sb.fakes.LockService.holdFor('document', 'a-form-submission');
    sb.ui.answerPrompt('09.05.2025').answerPrompt('18-2025').answerPrompt('').answerAlert();
    sb.call('createMemo');
    expect(sb.ui.prompts).toHaveLength(3);
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/opptatt/);
    expect(docsCalls(sb)).toBe(0);
  });

  it('makes the same service calls for 10 and 500 applications', () => {
    const counts = [10, 500].map((n) => {
      const values = exampleWorkbook();
      const template = values['Søknader']![2]!;
      for (let i = 0; i < n; i++)
        values['Søknader']!.push(template.map((v, c) => (c === 0 ? `2025-05-${100 + i}` : v)));
      const sb = deskWith(values);
      memo(sb, '09.05.2025', '18-2025', '');
      return { docs: docsCalls(sb), sheets: sheetCalls(sb) };
    });
    // create, the body with createFooter, the footer's text.
    expect(counts[0]!.docs).toBe(3);
    expect(counts[1]).toEqual(counts[0]);
  });

  it('stops before the daily document quota with a clear message, creating nothing', () => {
    const values = exampleWorkbook();
    values['Innstillinger']!.push(['Dokumenter per dag', 1]);
    const sb = deskWith(values);
    sb.ui.answerAlert();
    sb.call('createLetters');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/Google tillater 1 nye dokumenter per dag/);
    expect(docsCalls(sb)).toBe(0);
  });

  it('counts new documents over Google’s rolling 24 hours, not the calendar day, and drops old counts', () => {
    const values = exampleWorkbook();
    values['Innstillinger']!.push(['Dokumenter per dag', 3]);
    // 23:30 in Oslo: the three letters (two grant offers, one supplementary grant) are made just before midnight.
    const sb = deskWith(values, { now: Date.UTC(2026, 2, 9, 22, 30) });
    const props = sb.fakes.PropertiesService;
    // An earlier version's per-day count of an old day is folded in once and deleted.
    sb.runAs({ email: SECRETARY }, () =>
      props.getUserProperties().setProperty('tilskudd.docsCreated.2026-03-01', '0'),
    );
    sb.call('createLetters');
    expect(sb.calls.count('Docs.Documents.create')).toBe(3);
    // One hour later it is a new calendar day, but Google still counts all three: the memo is refused.
    sb.clock.advance(3_600_000);
    sb.ui
      .answerPrompt('09.05.2025')
      .answerPrompt('18-2025')
      .answerPrompt('2025-05-001, 2025-05-002')
      .answerAlert();
    sb.call('createMemo');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(
      /Google tillater 3 nye dokumenter per dag.*3 er laget siste døgn/,
    );
    const keys = sb.runAs({ email: SECRETARY }, () => props.getUserProperties().getKeys());
    expect(keys.filter((k) => k.startsWith('tilskudd.docsCreated.'))).toEqual([]);
    // A day later the window has passed.
    sb.clock.advance(24 * 3_600_000);
    memo(sb);
    expect(sb.calls.count('Docs.Documents.create')).toBe(4);
  });

  it('refuses a meeting date that is no date', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('neste torsdag').answerAlert();
    sb.call('createMemo');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/Møtedato: «neste torsdag» er ikke en dato/);
  });
});

describe('Lag tildelingsbrev and Publiser oversikt', () => {
  it('dates letters by their decision, so writing them again another day changes nothing', () => {
    const sb = deskWith();
    sb.call('createLetters');
    const text = JSON.stringify(sb.fakes.Docs.Documents.snapshot('fake-doc-1'));
    expect(text).toContain('09.05.2025');
    sb.calls.reset();
    sb.call('createLetters');
    expect(docsCalls(sb)).toBe(0);
  });

  it('writes one letter per grant offer and per supplementary grant, and escapes every value in the links dialog', () => {
    const values = exampleWorkbook();
    const title = (values['Søknader']![0] as string[]).indexOf('Tittel');
    values['Søknader']![1]![title] = '<img src=x onerror=alert(1)>';
    const sb = deskWith(values);
    sb.call('createLetters');
    // The example's supplementary grant (60 000 kr, 15.10.2025) gets its own letter: three documents.
    expect(sb.calls.count('Docs.Documents.create')).toBe(3);
    expect(rows(sb, 'Dokumenter').map((r) => r['Nøkkel'])).toEqual([
      'letter:2025-05-001',
      'letter:2025-05-002',
      'supplement:2025-05-001:1',
    ]);
    const dialog = sb.ui.html.at(-1)!.content;
    expect(dialog).not.toContain('<img');
    expect(dialog).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('writes the supplementary grant’s letter and a rejection letter dated by its board case', () => {
    const values = exampleWorkbook();
    const apps = values['Søknader']!;
    const col = (name: string) => (apps[0] as string[]).indexOf(name);
    const rejected = [...apps[1]!];
    rejected[col('Saksnr')] = '2025-05-009';
    rejected[col('Tittel')] = 'Avslått tiltak';
    rejected[col('Status')] = 'Avslått';
    rejected[col('Vedtak')] = 'SSU 18-2025';
    rejected[col('Begrunnelse')] = 'Tiltaket ligger utenfor tilskuddets formål.';
    apps.push(rejected);
    const sb = deskWith(values);
    sb.call('createLetters');
    const docs = rows(sb, 'Dokumenter');
    expect(docs.map((r) => r['Nøkkel'])).toEqual([
      'letter:2025-05-001',
      'letter:2025-05-002',
      'supplement:2025-05-001:1',
      'rejection:2025-05-009',
    ]);
    const text = (key: string) =>
      JSON.stringify(
        sb.fakes.Docs.Documents.snapshot(String(docs.find((r) => r['Nøkkel'] === key)!['Dokument-ID'])),
      );
    expect(text('supplement:2025-05-001:1')).toContain('Tilsagn om tilleggsbevilling');
    expect(text('supplement:2025-05-001:1')).toContain('15.10.2025');
    const rejection = text('rejection:2025-05-009');
    expect(rejection).toContain('Svar på søknad om tilskudd – Avslått tiltak');
    expect(rejection).toContain('Tiltaket ligger utenfor tilskuddets formål.');
    // Dated by the meeting of board case 18-2025 (9 May), not by today (19 November).
    expect(rejection).toContain('09.05.2025');
    expect(rejection).not.toContain('19.11.2025');
    sb.calls.reset();
    sb.call('createLetters');
    expect(docsCalls(sb)).toBe(0);
  });

  it('publishes the overview of a year without personal data', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('2025');
    sb.call('publishOverview');
    const text = JSON.stringify(sb.fakes.Docs.Documents.snapshot('fake-doc-1'));
    expect(text).toContain('Oversikt over tildelinger 2025');
    expect(text).not.toContain('@');
  });
});

describe('documents written by two runs or members', () => {
  it('never makes a document twice when two runs write letters at once', () => {
    const sb = deskWith();
    const docs = sb.fakes.Docs.Documents;
    const original = docs.batchUpdate.bind(docs);
    let second = false;
    docs.batchUpdate = ((resource: Parameters<typeof original>[0], id: string) => {
      if (!second) {
        second = true;
        // Another member starts the same menu item while the first run waits for Google.
        sb.runAs({ executionId: 'other-run' }, () => sb.call('createLetters'));
      }
      return original(resource, id);
    }) as typeof docs.batchUpdate;
    sb.call('createLetters');
    expect(sb.calls.count('Docs.Documents.create')).toBe(3);
    const recorded = rows(sb, 'Dokumenter');
    expect(recorded.map((r) => r['Nøkkel']).sort()).toEqual([
      'letter:2025-05-001',
      'letter:2025-05-002',
      'supplement:2025-05-001:1',
    ]);
    expect(new Set(recorded.map((r) => r['Dokument-ID'])).size).toBe(3);
    expect(sb.ui.html[0]!.content).toContain('lages nå av en annen kjøring');
  });

  it('stops with the reason when the recorded document belongs to someone who has not shared it', () => {
    const sb = deskWith();
    memo(sb, '09.05.2025', '19-2025');
    const col = (sb.spreadsheet.sheetData('Søknader').values[0] as string[]).indexOf('Innstilt beløp');
    sb.spreadsheet
      .sheet('Søknader')
      .getRange(3, col + 1)
      .setValue(500_000);
    sb.fakes.Docs.Documents.get = (() => {
      throw new Error(
        'API call to docs.documents.get failed with error: The caller does not have permission',
      );
    }) as typeof sb.fakes.Docs.Documents.get;
    sb.ui
      .answerPrompt('09.05.2025')
      .answerPrompt('19-2025')
      .answerPrompt('2025-05-001, 2025-05-002')
      .answerAlert();
    sb.call('createMemo');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/kan ikke oppdateres av deg.*be vedkommende dele det/);
    expect(sb.calls.count('Docs.Documents.create')).toBe(1);
    expect(rows(sb, 'Dokumenter')).toHaveLength(1);
  });

  it('asks for the overview year without holding the lock', () => {
    const sb = deskWith();
    sb.fakes.LockService.holdFor('document', 'a-form-submission');
    sb.ui.answerPrompt('2025').answerAlert();
    sb.call('publishOverview');
    expect(sb.ui.prompts).toHaveLength(1);
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/opptatt/);
    expect(docsCalls(sb)).toBe(0);
  });
});

describe('Lag samarbeidsavtale (Google Docs)', () => {
  it('writes the draft agreement of the case asked for, keyed by the case, and keeps the person’s Arkivref.', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('2025-05-001');
    sb.call('createAgreement');
    const [doc] = rows(sb, 'Dokumenter');
    expect(doc).toMatchObject({ Nøkkel: 'agreement:2025-05-001', 'Dokument-ID': 'fake-doc-1' });
    const texts = sb.fakes.Docs.Documents.snapshot('fake-doc-1').map((x) =>
      x.type === 'paragraph' ? x.text : x.rows.map((r) => r.join(' | ')).join('\n'),
    );
    expect(texts[0]).toBe(
      'Samarbeidsavtale – Agdermodellen – barn og unges helsetjenester innen psykisk helse',
    );
    // A group of municipalities is no party: a line for the secretariat to fill in, in Docs as in .docx.
    expect(texts.join('\n')).toContain(
      '[Hver kommune i «Alle 25 kommuner i Agder» som egen part] | [Org.nr]',
    );
    // A person archives it and types the reference into Dokumenter's Arkivref. column: a rerun keeps it.
    const header = sb.spreadsheet.sheetData('Dokumenter').values[0] as string[];
    expect(header).toContain('Arkivref.');
    sb.spreadsheet
      .sheet('Dokumenter')
      .getRange(2, header.indexOf('Arkivref.') + 1)
      .setValue('2025/1234-5');
    sb.ui.answerPrompt('2025-05-001');
    sb.call('createAgreement');
    expect(rows(sb, 'Dokumenter')[0]).toMatchObject({ 'Arkivref.': '2025/1234-5' });
  });

  it('names the case when it has no grant', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('2099-01-001').answerAlert();
    sb.call('createAgreement');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/Sak 2099-01-001 har ingen ordinær tildeling/);
  });
});
