import { deskWith, type Desk } from './desk-helpers';

/** The Dokumenter sheet's rows as objects by header. */
function documents(sb: Desk) {
  const [header, ...data] = sb.spreadsheet.sheetData('Dokumenter').values as string[][];
  return data
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
}

const texts = (sb: Desk, id: string) =>
  sb.fakes.Docs.Documents.snapshot(id).map((x) =>
    x.type === 'paragraph' ? x.text : x.rows.map((r) => r.join(' | ')).join('\n'),
  );

describe('Lag statusrapport til beslutningsorganet (Google Docs)', () => {
  it('writes the report for the date asked in one batchUpdate, with tinted lights, recorded in Dokumenter', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('15.05.2026').answerPrompt('09.06.2026').answerPrompt('22-2026');
    sb.call('createBoardStatus');
    expect(sb.calls.count('Docs.Documents.create')).toBe(1);
    // The content, then the footer's text (its id comes in the reply to createFooter), as the memo's.
    expect(sb.calls.count('Docs.Documents.batchUpdate')).toBe(2);
    expect(documents(sb)).toEqual([
      expect.objectContaining({
        Nøkkel: 'status:22-2026',
        Tittel: 'Statusrapport til SSU per 15.05.2026',
      }),
    ]);
    const text = texts(sb, 'fake-doc-1').join('\n');
    expect(text).toContain('Møtedato | 09.06.2026');
    expect(text).toContain('Saksnummer | 22-2026');
    expect(text).toContain('Gul | Grønn | Rød | Rød | 30.04.2026 | 30.09.2026');
    const portfolio = sb.fakes.Docs.Documents.snapshot('fake-doc-1').filter((x) => x.type === 'table')[1];
    const fills = portfolio?.type === 'table' ? portfolio.fills : undefined;
    // The lights' cells are tinted (Framdrift yellow, Risiko red; the next project's Framdrift green).
    expect([fills?.[1]?.[2], fills?.[1]?.[4], fills?.[2]?.[2]]).toEqual(['FCE8B2', 'F4C7C3', 'B7E1CD']);
  });

  it('does nothing when run again for the same date on unchanged data, and updates the same document', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('15.05.2026').answerPrompt('').answerPrompt('');
    sb.call('createBoardStatus');
    sb.calls.reset();
    sb.ui.answerPrompt('2026-05-15').answerPrompt('').answerPrompt('');
    sb.call('createBoardStatus');
    expect(sb.calls.total('Docs.')).toBe(0);
    expect(sb.ui.html.at(-1)!.content).toContain('(uendret)');

    // A new comment in a report changes the document: the same one is rewritten, none is added.
    const header = sb.spreadsheet.sheetData('Statusrapporter').values[0] as string[];
    sb.spreadsheet
      .sheet('Statusrapporter')
      .getRange(3, header.indexOf('Kommentar') + 1)
      .setValue('Fastlegeutvalgene er nå med.');
    sb.calls.reset();
    sb.ui.answerPrompt('15.05.2026').answerPrompt('').answerPrompt('');
    sb.call('createBoardStatus');
    expect(sb.calls.count('Docs.Documents.create')).toBe(0);
    expect(sb.calls.count('Docs.Documents.batchUpdate')).toBe(1);
    expect(documents(sb)).toHaveLength(1);
    expect(texts(sb, 'fake-doc-1').join('\n')).toContain('Fastlegeutvalgene er nå med.');
  });

  it('refuses a date it cannot read, writing nothing', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('i morgen').answerAlert();
    sb.call('createBoardStatus');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/Dato: «i morgen» er ikke en dato/);
    expect(sb.calls.total('Docs.')).toBe(0);
  });
});

describe('Lag årlig melding (Google Docs)', () => {
  it('writes the annual report for the year under annual:YYYY, after showing what is missing', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('2025').answerPrompt('').answerAlert('YES');
    sb.call('createAnnualReport');
    const dialog = sb.ui.alerts.find((a) => /mangler i prosjektenes rapporter/.test(a.prompt))!;
    expect(dialog.prompt).toContain('2025-05-001 Agdermodellen');
    expect(documents(sb)).toEqual([
      expect.objectContaining({ Nøkkel: 'annual:2025', Tittel: 'Årlig melding 2025' }),
    ]);
    const text = texts(sb, 'fake-doc-1').join('\n');
    expect(text).toContain('Ramme og fordelingsnøkkel');
    expect(text).toContain('Agdermodellen – barn og unges helsetjenester innen psykisk helse (2025-05-001)');
  });

  it('writes nothing when the secretariat answers No to the missing list; the 1 November status has its own key', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('2025').answerPrompt('01.11.2025').answerAlert('NO');
    sb.call('createAnnualReport');
    expect(sb.calls.total('Docs.')).toBe(0);
    sb.ui.answerPrompt('2025').answerPrompt('01.11.2025').answerAlert('YES');
    sb.call('createAnnualReport');
    expect(documents(sb)).toEqual([expect.objectContaining({ Nøkkel: 'annual:2025:2025-11-01' })]);
    expect(texts(sb, 'fake-doc-1').join('\n')).toContain('Dato | 01.11.2025');
  });

  it('refuses a year that is not four digits', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('25').answerAlert();
    sb.call('createAnnualReport');
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/«25» er ikke et årstall/);
    expect(sb.calls.total('Docs.')).toBe(0);
  });
});
