import { shownFill } from './shown-fill';
import { APPLICATIONS } from '../../src/core/workbook/contract';
import { exampleWorkbook } from '../../src/example/agder';
import { menuFunctions } from './fakes/ui';
import { LEADER, SECRETARY, colOf, deskWith, sheetCalls } from './desk-helpers';
import { loadBundle } from './sandbox';

describe('loading the bundle', () => {
  it('makes no service call and no work at load time', () => {
    const sb = loadBundle();
    // Load time is measured by `npm run bench` (target ≤ 20 ms), never asserted here.
    expect(sb.load.calls).toBe(0);
  });
});

describe('onOpen', () => {
  it('adds the Norwegian Tilskudd menu whose every item is a global function of the bundle', () => {
    const sb = deskWith();
    sb.call('onOpen');
    const [menu] = sb.ui.menus;
    expect(menu!.caption).toBe('Tilskudd');
    const shape = (entries: NonNullable<typeof menu>['entries']): unknown[] =>
      entries.map((e) =>
        'submenu' in e ? { [e.caption]: shape(e.submenu) } : 'caption' in e ? e.caption : '—',
      );
    expect(shape(menu!.entries)).toEqual([
      'Kontroller portefølje',
      'Avvik',
      '—',
      {
        'Søknader og vurdering': [
          'Opprett søknadsskjema',
          'Registrer manglende svar',
          'Vurderingsskjema',
          'Fordeling',
        ],
      },
      {
        Dokumenter: [
          'Lag saksfremstilling',
          'Registrer vedtak',
          'Lag vedtaksprotokoll',
          'Lag tildelingsbrev',
          'Lag samarbeidsavtale',
          'Publiser oversikt',
          'Lag statusrapport til beslutningsorganet',
          'Lag årlig melding',
        ],
      },
      { Penger: ['Registrer tilleggsbevilling', 'Registrer utbetaling'] },
      { Oppfølging: ['Oppfølging', 'Opprett statusskjema', 'Vis påminnelser', 'Godkjenn sluttrapport'] },
      {
        Handlingsplan: [
          'Handlingsplan',
          'Nummerer handlingsplanen',
          'Lagre vurdering',
          'Opprett innspillsskjema',
          'Lenker til regionene',
          'Lag årlig gjennomgang',
        ],
      },
      '—',
      'Sett opp arbeidsboka',
      'Oppsettsveiviser',
      'Diagnose',
      'Om Tilskudd',
    ]);
    // The 30 actions, each once.
    expect(new Set(menuFunctions(menu!.entries)).size).toBe(30);
    for (const fn of menuFunctions(menu!.entries)) {
      expect(sb.context[fn as keyof typeof sb.context]).toEqual(expect.any(Function));
    }
  });

  it('speaks English when the spreadsheet locale is not Norwegian', () => {
    const sb = loadBundle({ locale: 'en_GB' });
    sb.call('onOpen');
    expect(sb.ui.menus[0]!.entries.at(-4)).toMatchObject({ caption: 'Set up workbook' });
    expect(sb.ui.menus[0]!.entries.at(-2)).toMatchObject({ caption: 'Diagnosis' });
    expect(sb.ui.menus[0]!.entries.at(-1)).toMatchObject({ caption: 'About Tilskudd' });
    expect(sb.ui.menus[0]!.entries[3]).toMatchObject({ caption: 'Applications and assessment' });
  });
});

describe('Sett opp arbeidsboka', () => {
  it('creates every sheet with headers, defaults, dropdowns, formats and protection, and makes its user leader', () => {
    const sb = loadBundle({ activeUser: SECRETARY });
    sb.call('setupWorkbook');
    const names = ['Søknader', 'Budsjett', 'Tildelinger', 'Innstillinger', 'Medlemmer', 'Avvik', 'Logg'];
    for (const name of names) expect(sb.spreadsheet.sheetData(name).frozenRows).toBe(1);
    const apps = sb.spreadsheet.sheetData('Søknader');
    expect(apps.values[0]).toEqual(APPLICATIONS.fields.map((f) => f.header));
    const category = apps.values[0]!.indexOf('Kategori');
    expect(apps.validations[1]![category]!.getCriteriaValues()[0]).toEqual([
      'Innovasjon/prosjekt',
      'Administrasjon',
      'Samdrift/tiltak',
    ]);
    expect(apps.numberFormats[5]![apps.values[0]!.indexOf('Søkt beløp')]).toBe('#,##0 "kr"');
    expect(apps.numberFormats[5]![apps.values[0]!.indexOf('Fra')]).toBe('@');
    expect(sb.spreadsheet.sheetData('Innstillinger').values[1]!.slice(0, 2)).toEqual(['Ramme', 9_160_000]);
    expect(sb.spreadsheet.sheetData('Medlemmer').values[1]).toEqual(['', SECRETARY, 'Leder', '', '']);
    const avvik = sb.spreadsheet.sheet('Avvik').getProtections(sb.fakes.SpreadsheetApp.ProtectionType.SHEET);
    expect(avvik).toHaveLength(1);
    expect(avvik[0]!.isWarningOnly()).toBe(true);
    expect(sb.ui.toasts.at(-1)!.message).toMatch(/Nye ark: Søknader, Budsjett/);
    const log = sb.spreadsheet.sheetData('Logg').values.filter((r) => r.some((v) => v !== ''));
    expect(log).toHaveLength(2);
  });

  it('changes nothing when run twice', () => {
    const sb = loadBundle({ activeUser: SECRETARY });
    sb.call('setupWorkbook');
    const before = Object.fromEntries(
      ['Søknader', 'Medlemmer', 'Logg', 'Avvik'].map((n) => [n, sb.spreadsheet.sheetData(n)]),
    );
    sb.call('setupWorkbook');
    for (const [name, data] of Object.entries(before)) expect(sb.spreadsheet.sheetData(name)).toEqual(data);
    expect(sb.ui.toasts.at(-1)!.message).toBe('Arbeidsboka var allerede satt opp.');
  });

  it('adds missing headers after the last column and never moves user data', () => {
    const values = exampleWorkbook();
    // A user moved "Status" first and deleted the optional columns.
    values['Søknader'] = values['Søknader']!.map((row) => {
      const status = row[APPLICATIONS.fields.findIndex((f) => f.key === 'status')];
      const rest = row.filter(
        (_, i) => !['status', 'innovation', 'responseKey'].includes(APPLICATIONS.fields[i]!.key),
      );
      return [status, ...rest];
    });
    const sb = deskWith(values, { activeUser: LEADER });
    const before = sb.spreadsheet.sheetData('Søknader').values;
    const width = before[0]!.length;
    sb.call('setupWorkbook');
    const after = sb.spreadsheet.sheetData('Søknader').values.slice(0, before.length);
    expect(after.map((r) => r.slice(0, width))).toEqual(before);
    expect(after[0]!.slice(width)).toEqual(['Innovasjon', 'Svar-ID']);
  });

  it('makes the first user leader of an empty Medlemmer sheet, once', () => {
    const sb = loadBundle({ activeUser: SECRETARY });
    sb.spreadsheet.addSheet('Medlemmer', [['Navn', 'E-post', 'Rolle', 'Organisasjon', 'Region']]);
    sb.call('setupWorkbook');
    sb.call('setupWorkbook');
    const members = sb.spreadsheet.sheetData('Medlemmer').values.filter((r) => r.some((v) => v !== ''));
    expect(members).toEqual([
      ['Navn', 'E-post', 'Rolle', 'Organisasjon', 'Region'],
      ['', SECRETARY, 'Leder', '', ''],
    ]);
  });

  it('fails closed when the user e-mail cannot be read', () => {
    const sb = loadBundle({ activeUser: '' });
    sb.ui.answerAlert();
    sb.call('setupWorkbook');
    expect(sb.ui.alerts[0]!.prompt).toMatch(/kan ikke lese e-postadressen din/);
    expect(sb.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });
});

describe('access', () => {
  it.each([
    ['a reader', 'leser@example.no', /som ikke gir lov til å kontrollere porteføljen/],
    ['a stranger', 'ukjent@example.no', /står ikke i arket «Medlemmer»/],
    ['an unknown user (other domain)', '', /kan ikke lese e-postadressen din/],
  ])('refuses %s to change data, and writes nothing', (_who, email, message) => {
    const sb = deskWith(exampleWorkbook(), { activeUser: email });
    sb.ui.answerAlert();
    sb.call('checkPortfolio');
    expect(sb.ui.alerts[0]!.prompt).toMatch(message);
    expect(sb.spreadsheet.getSheetByName('Avvik')).toBeNull();
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });
});

describe('Kontroller portefølje', () => {
  it('writes the findings to Avvik in one write, highlights and annotates the cells, and toasts the counts', () => {
    // Judged on 1 December 2026, after the projects' end, so the date-dependent rules (overdue final
    // report, unused funds, the economy light) are in the list too.
    const sb = deskWith(exampleWorkbook(), { now: Date.UTC(2026, 11, 1, 9) });
    sb.call('checkPortfolio');
    const avvik = sb.spreadsheet.sheetData('Avvik').values;
    expect(avvik[0]).toEqual(['Regel', 'Alvorlighet', 'Sak', 'Melding', 'Celle']);
    expect(avvik.slice(1).map((r) => `${r[0]} ${r[2]}`)).toEqual([
      'budget-incomplete 2025-05-002',
      'budget-incomplete 2025-05-002',
      'budget-incomplete 2025-05-002',
      'overspent ADM-2025',
      'payment-without-contract 2025-05-001',
      'payment-without-grant ADM-2026',
      // Both applications name a group of municipalities; Avtaleparter names no one yet.
      'agreement-parties-unnamed 2025-05-001',
      'agreement-parties-unnamed 2025-05-002',
      'contract-missing 2025-05-001',
      'contract-missing 2025-05-002',
      // The example's illustrative follow-up, judged by the script's clock (any day from October 2026).
      'final-report-overdue 2025-05-001',
      'key-exceeded 2025',
      // The plan's goal 1.3 repeats 1.1: its number stays the text 1.3 (not 1 March) in `Sak`.
      'measure-text-duplicate 1.3',
      'own-contribution-missing 2025-05-001',
      'own-contribution-missing 2025-05-002',
      'payment-outside-period ADM-2025',
      'status-red 2025-05-001',
      'supplement-not-reported 2025-05-001',
      'unused-funds 2025-05-001',
      'unused-funds 2025-05-002',
      'economy-light-differs 2025-05-001',
      'economy-light-differs 2025-05-002',
    ]);
    expect(avvik[1]![4]).toBe('Budsjett!C4');
    expect(avvik.find((r) => r[0] === 'measure-text-duplicate')![2]).toBe('1.3');
    // A follow-up finding is coloured in Statusrapporter too: what Sheets shows through the product's rules.
    const risk = colOf(sb, 'Statusrapporter', 'Risiko') + 1;
    expect(shownFill(sb, 'Statusrapporter', 3, risk)).toBe('#fce8b2');
    expect(shownFill(sb, 'Budsjett', 4, 3)).toBe('#f4c7c3');
    expect(shownFill(sb, 'Budsjett', 2, 3)).toBe('#ffffff');
    expect(shownFill(sb, 'Søknader', 2, colOf(sb, 'Søknader', 'Samarbeidsavtale') + 1)).toBe('#fce8b2');
    expect(shownFill(sb, 'Utbetalinger', 6, 1)).toBe('#f4c7c3');
    // The cells themselves: no fill and no note of the product's.
    const budget = sb.spreadsheet.sheetData('Budsjett');
    expect(budget.backgrounds.flat().filter((b) => b !== '#ffffff')).toEqual([]);
    expect(budget.notes.flat().filter((n) => n !== '')).toEqual([]);
    expect(sb.ui.toasts.at(-1)!.message).toBe('6 feil og 14 advarsler. Se arket «Avvik».');
    // Avvik; the Logg sheet this workbook lacked, its header and the log line in one write; the marks.
    expect(sb.calls.count('Range.setValues')).toBe(3);
    // Medlemmer (the role check), one read per sheet (the optional Utbetalinger, Statusrapporter, Frister and
    // Handlingsplan included), Avvik as it stands (written by header), and the log's header.
    expect(sb.calls.count('Range.getValues')).toBeLessThanOrEqual(11);
    expect(sb.calls.count('Range.getNotes') + sb.calls.count('Range.getBackgrounds')).toBe(0);
    expect(sb.calls.count('Range.setBackgrounds') + sb.calls.count('Range.setNotes')).toBe(0);
  });

  it("colours what the findings are about now, and never touches a person's notes or fills", () => {
    const sb = deskWith();
    sb.call('checkPortfolio');
    const sheet = sb.spreadsheet.sheet('Budsjett');
    sheet.getRange('C4').setNote('Sjekket med økonomi\nTilskudd: [budget-incomplete] gammel');
    sheet.getRange('C2').setBackground('#cfe2f3');
    sheet.getRange('C4:C6').setValues([[0], [0], [0]]);
    sb.call('checkPortfolio');
    const budget = sb.spreadsheet.sheetData('Budsjett');
    expect([2, 3, 4, 5, 6].map((r) => shownFill(sb, 'Budsjett', r, 3))).toEqual([
      '#cfe2f3',
      '#ffffff',
      '#ffffff',
      '#ffffff',
      '#ffffff',
    ]);
    expect(budget.notes[3]![2]).toBe('Sjekket med økonomi\nTilskudd: [budget-incomplete] gammel');
    expect(sb.spreadsheet.sheetData('Avvik').values.filter((r) => r[0] === 'budget-incomplete')).toEqual([]);
  });

  it("puts no colour on another case's cells after the rows are sorted, and colours them again at the next check", () => {
    const sb = deskWith();
    sb.call('checkPortfolio');
    const sheet = sb.spreadsheet.sheet('Budsjett');
    expect(shownFill(sb, 'Budsjett', 4, 3)).toBe('#f4c7c3');
    // Sorted by case, descending: 2025-05-002's lines move up, into the rows of 2025-05-001's.
    const rows = sheet.getDataRange().getValues();
    const [header, ...data] = rows;
    const sorted = [...data].sort((a, b) => String(b[0]).localeCompare(String(a[0])));
    sheet.getRange(1, 1, rows.length, header!.length).setValues([header!, ...sorted]);
    const caseAt = (r: number) => sheet.getRange(r, 1).getValue();
    const shown = () =>
      [2, 3, 4, 5, 6].filter((r) => shownFill(sb, 'Budsjett', r, 3) !== '#ffffff').map(caseAt);
    expect(shown().every((c) => c === '2025-05-002')).toBe(true);
    sb.call('checkPortfolio');
    expect(shown().length).toBeGreaterThan(0);
    expect(shown().every((c) => c === '2025-05-002')).toBe(true);
  });

  it("takes away the fills and notes an earlier version coloured with, once, keeping a person's text and fill", () => {
    const sb = deskWith();
    const sheet = sb.spreadsheet.sheet('Budsjett');
    // As the earlier version left them: its note under a person's line, its fill remembering the cell's own.
    sheet.getRange('C4').setNote('Sjekket\nTilskudd: [budget-incomplete] gammel\n[fyll før] #d9ead3');
    sheet.getRange('C4').setBackground('#f4c7c3');
    sheet.getRange('C5').setNote('Tilskudd: [budget-incomplete] gammel').setBackground('#f4c7c3');
    sb.fakes.PropertiesService.getDocumentProperties().setProperty(
      'tilskudd.check.highlights',
      JSON.stringify({ prints: { Budsjett: 'x' } }),
    );
    sb.call('checkPortfolio');
    const budget = sb.spreadsheet.sheetData('Budsjett');
    expect([budget.notes[3]![2], budget.backgrounds[3]![2]]).toEqual(['Sjekket', '#d9ead3']);
    expect([budget.notes[4]![2], budget.backgrounds[4]![2]]).toEqual(['', '#ffffff']);
    expect(
      sb.fakes.PropertiesService.getDocumentProperties().getProperty('tilskudd.check.highlights'),
    ).toBeNull();
    // Done once: the next check reads no notes.
    sb.calls.reset();
    sb.call('checkPortfolio');
    expect(sb.calls.count('Range.getNotes')).toBe(0);
  });

  it('keeps the plan number 1.3 as text in an Avvik the check makes again after set-up', () => {
    const sb = deskWith(undefined, { activeUser: LEADER });
    sb.call('setupWorkbook');
    sb.call('checkPortfolio');
    sb.spreadsheet.deleteSheet(sb.spreadsheet.getSheetByName('Avvik')!);
    sb.call('checkPortfolio');
    const avvik = sb.spreadsheet.sheetData('Avvik').values;
    expect(avvik.find((r) => r[0] === 'measure-text-duplicate')![2]).toBe('1.3');
  });

  it('keeps 1.3 as text in Avvik rows below those set-up formatted, without a call for the format', () => {
    const sb = deskWith(undefined, { activeUser: LEADER });
    sb.call('setupWorkbook');
    // As if the findings had outgrown set-up's rows: text only down to row 5, plain cells below.
    sb.fakes.PropertiesService.getDocumentProperties().setProperty('tilskudd.check.findingsTextRows', '5');
    const avvik = sb.spreadsheet.sheet('Avvik');
    avvik.getRange(6, 1, avvik.getMaxRows() - 5, avvik.getMaxColumns()).setNumberFormat('General');
    sb.calls.reset();
    sb.call('checkPortfolio');
    const rows = sb.spreadsheet.sheetData('Avvik').values;
    const at = rows.findIndex((r) => r[0] === 'measure-text-duplicate');
    expect(at).toBeGreaterThanOrEqual(5);
    expect(rows[at]![2]).toBe('1.3');
    expect(rows.slice(1).every((r) => r[2] === '' || typeof r[2] === 'string')).toBe(true);
    expect(sb.calls.count('Range.setNumberFormat')).toBe(0);
    // Run again with nothing changed: what Sheets kept equals what would be written, so nothing is.
    sb.calls.reset();
    sb.call('checkPortfolio');
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('makes the same number of sheet calls for 10 and 1 000 applications', () => {
    const counts = [10, 1000].map((n) => {
      const values = exampleWorkbook();
      const template = values['Søknader']![1]!;
      for (let i = 0; i < n; i++)
        values['Søknader']!.push(template.map((v, c) => (c === 0 ? `2025-05-${100 + i}` : v)));
      const sb = deskWith(values);
      sb.call('checkPortfolio');
      return sheetCalls(sb);
    });
    expect(counts[1]).toBe(counts[0]);
  });

  it('stops with the name of a missing header and writes nothing', () => {
    const values = exampleWorkbook();
    values['Tildelinger']![0]![values['Tildelinger']![0]!.indexOf('Beløp')] = 'Sum';
    const sb = deskWith(values);
    sb.ui.answerAlert();
    sb.call('checkPortfolio');
    expect(sb.ui.alerts[0]!.prompt).toMatch(/Arket «Tildelinger» mangler kolonnen «Beløp»/);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('says the workbook is busy while another execution holds the lock, and writes nothing', () => {
    const sb = deskWith();
    sb.fakes.LockService.holdFor('document', 'another-execution');
    sb.ui.answerAlert();
    sb.call('checkPortfolio');
    expect(sb.ui.alerts[0]!.prompt).toMatch(/opptatt/);
    expect(sb.spreadsheet.getSheetByName('Avvik')).toBeNull();
  });
});
