import {
  ALLOCATIONS,
  APPLICATIONS,
  BUDGET,
  SETTINGS_SHEET,
  findSheetName,
  mapHeaders,
  readTable,
  type SheetSpec,
} from '../../../src/core/workbook/contract';
import { TilskuddError } from '../../../src/core/base/errors';
import { monthIndex } from '../../../src/core/parse/period';
import { readPortfolio, type WorkbookValues } from '../../../src/core/portfolio/records';
import { DEFAULT_SETTINGS } from '../../../src/core/workbook/settings';
import { sheetRows } from '../../../src/example/agder';
import { CASE_ID, application, validBook, workbookValues } from '../builders';

function thrown(fn: () => unknown): TilskuddError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TilskuddError);
    return e as TilskuddError;
  }
  throw new Error('expected a TilskuddError');
}

const headers = (spec: SheetSpec) => spec.fields.map((f) => f.header);

describe('mapHeaders', () => {
  it('finds every column in the contract order', () => {
    const columns = mapHeaders(BUDGET, headers(BUDGET));
    expect(columns).toEqual({ caseId: 0, item: 1, amount: 2 });
  });

  it('finds columns in any order, ignoring case and extra spaces', () => {
    const columns = mapHeaders(BUDGET, ['  BELØP ', 'post', 'SAKSNR', 'Kommentar']);
    expect(columns).toEqual({ amount: 0, item: 1, caseId: 2 });
  });

  it('accepts English headers and aliases', () => {
    const columns = mapHeaders(APPLICATIONS, [
      ...APPLICATIONS.fields.map((f) => f.en).filter((h) => h !== 'Case ID' && h !== 'Amount requested'),
      'case id',
      'Amount  requested',
    ]);
    expect(columns.caseId).toBe(APPLICATIONS.fields.length - 2);
    expect(columns.requested).toBe(APPLICATIONS.fields.length - 1);
    expect(Object.keys(columns)).toHaveLength(APPLICATIONS.fields.length);
  });

  it('accepts Norwegian aliases such as «Saksnummer» and «Søknadsbeløp»', () => {
    const renamed = headers(APPLICATIONS).map((h) =>
      h === 'Saksnr' ? 'Saksnummer' : h === 'Søkt beløp' ? 'Søknadsbeløp' : h,
    );
    const columns = mapHeaders(APPLICATIONS, renamed);
    expect(columns.caseId).toBe(0);
    expect(columns.requested).toBe(renamed.indexOf('Søknadsbeløp'));
  });

  it('ignores unknown extra columns', () => {
    const columns = mapHeaders(BUDGET, ['Notat', 'Saksnr', null, 'Post', '', 'Beløp', 'Ansvarlig']);
    expect(columns).toEqual({ caseId: 1, item: 3, amount: 5 });
  });

  it('takes the first of two columns with the same header', () => {
    expect(mapHeaders(BUDGET, ['Saksnr', 'Post', 'Beløp', 'Beløp']).amount).toBe(2);
  });

  it('names the sheet and the missing header, and says how to fix it', () => {
    const e = thrown(() => mapHeaders(BUDGET, ['Saksnr', 'Post']));
    expect(e.reason.nb).toContain('«Budsjett»');
    expect(e.reason.nb).toContain('kolonnen «Beløp»');
    expect(e.reason.nb).toContain('Legg den til');
    expect(e.reason.en).toContain('"Budsjett"');
    expect(e.reason.en).toContain('"Beløp"');
    expect(e.reason.en).not.toMatch(/[«»]/);
    expect(e.message).toBe(e.reason.nb);
  });

  it('lists every missing header when several are missing', () => {
    const e = thrown(() =>
      mapHeaders(
        APPLICATIONS,
        headers(APPLICATIONS).filter((h) => h !== 'Fra' && h !== 'Til'),
      ),
    );
    expect(e.reason.nb).toContain('«Søknader»');
    expect(e.reason.nb).toContain('kolonnene «Fra», «Til»');
    expect(e.reason.nb).toContain('Legg dem til');
    expect(e.reason.en).toContain('columns "Fra", "Til"');
  });

  it('does not require optional columns', () => {
    expect(mapHeaders(SETTINGS_SHEET, ['Innstilling', 'Verdi'])).toEqual({ key: 0, value: 1 });
  });
});

describe('readTable', () => {
  it('keys the cells by field whatever the column order', () => {
    const table = readTable(BUDGET, [
      ['Beløp', 'Ekstra', 'Saksnr', 'Post'],
      ['500 000', 'ignorert', CASE_ID, 'Lønn'],
    ]);
    expect(table.rows.map((r) => ({ row: r.row, cells: r.cells }))).toEqual([
      { row: 2, cells: { amount: '500 000', caseId: CASE_ID, item: 'Lønn' } },
    ]);
  });

  it('skips blank rows and keeps 1-based sheet row numbers', () => {
    const table = readTable(BUDGET, [
      headers(BUDGET),
      ['A', 'Lønn', 1],
      ['', '  ', null],
      [],
      ['B', 'Reise', 2],
      [undefined, undefined, undefined, 'bare i en ukjent kolonne'],
    ]);
    expect(table.rows.map((r) => [r.row, r.cells.caseId])).toEqual([
      [2, 'A'],
      [5, 'B'],
    ]);
  });

  it('returns no rows for a sheet with only a header', () => {
    expect(readTable(BUDGET, [headers(BUDGET)]).rows).toEqual([]);
  });

  it('throws for an empty sheet, naming its headers', () => {
    const e = thrown(() => readTable(BUDGET, []));
    expect(e.reason.nb).toContain('«Saksnr», «Post», «Beløp»');
  });
});

describe('findSheetName', () => {
  it.each([
    [APPLICATIONS, ['Budsjett', 'Søknader'], 'Søknader'],
    [APPLICATIONS, ['Applications', 'Budget'], 'Applications'],
    [APPLICATIONS, [' søknader '], ' søknader '],
    [BUDGET, ['budget'], 'budget'],
    [ALLOCATIONS, ['ALLOCATIONS'], 'ALLOCATIONS'],
    [SETTINGS_SHEET, ['Settings'], 'Settings'],
    [APPLICATIONS, ['Søknad', 'Ark1'], undefined],
  ])('finds %#', (spec, names, expected) => {
    expect(findSheetName(spec, names)).toBe(expected);
  });
});

describe('readPortfolio', () => {
  it('reads typed records from the valid book', () => {
    const p = readPortfolio(workbookValues(validBook()));
    expect(p.settings).toEqual(DEFAULT_SETTINGS);
    expect(p.applications).toHaveLength(1);
    const app = p.applications[0]!;
    expect(app).toMatchObject({
      row: 2,
      caseId: CASE_ID,
      municipalities: ['Arendal', 'Grimstad'],
      hospital: true,
      priorityAreas: ['Skrøpelige eldre', 'Bedre samhandling'],
      category: 'innovation',
      requested: { ok: true, value: 800_000 },
      ownMunicipality: { ok: true, value: 200_000 },
      period: { ok: true, value: { from: monthIndex(2025, 8), to: monthIndex(2026, 7) } },
      agreement: true,
      contract: true,
      permanentCosts: false,
    });
    expect(p.budget.map((l) => [l.row, l.amount])).toEqual([
      [2, { ok: true, value: 500_000 }],
      [3, { ok: true, value: 200_000 }],
      [4, { ok: true, value: 100_000 }],
    ]);
    expect(p.allocations[0]).toMatchObject({ row: 2, kind: 'ordinary', category: 'innovation' });
    expect(p.sheetNames).toEqual({
      applications: 'Søknader',
      budget: 'Budsjett',
      allocations: 'Tildelinger',
      // Optional follow-up sheets, absent here: their Norwegian names, and no reports (follow-up not in use).
      statusReports: 'Statusrapporter',
      deadlines: 'Frister',
      payments: 'Utbetalinger',
      // Without the optional plan sheet: the name it would have.
      plan: 'Handlingsplan',
    });
    expect(p.statusReports).toBeUndefined();
    expect(p.columns.applications.caseId).toBe(0);
  });

  it('reads English sheet names and headers', () => {
    const english = (spec: SheetSpec, rows: unknown[][]) => [spec.fields.map((f) => f.en), ...rows.slice(1)];
    const nb = workbookValues({ ...validBook(), settings: [{ key: 'Ramme', value: 5_000_000 }] });
    const values: WorkbookValues = {
      Applications: english(APPLICATIONS, nb['Søknader'] as unknown[][]),
      Budget: english(BUDGET, nb['Budsjett'] as unknown[][]),
      Allocations: english(ALLOCATIONS, nb['Tildelinger'] as unknown[][]),
      Settings: english(SETTINGS_SHEET, nb['Innstillinger'] as unknown[][]),
    };
    const p = readPortfolio(values);
    expect(p.sheetNames).toEqual({
      applications: 'Applications',
      budget: 'Budget',
      allocations: 'Allocations',
      statusReports: 'Statusrapporter',
      deadlines: 'Frister',
      payments: 'Utbetalinger',
      plan: 'Handlingsplan',
    });
    expect(p.applications[0]?.caseId).toBe(CASE_ID);
    expect(p.settings.defaultFrame).toBe(5_000_000);
  });

  it('reads a blank period on an allocation as null (counted in the decision year)', () => {
    const values = workbookValues({
      ...validBook(),
      allocations: [{ caseId: CASE_ID, amount: 1, from: '', to: '' }],
    });
    expect(readPortfolio(values).allocations[0]?.period).toBeNull();
  });

  it('keeps the reason for a blank application period', () => {
    const values = workbookValues({ ...validBook(), applications: [application({ from: '', to: '' })] });
    const period = readPortfolio(values).applications[0]?.period;
    expect(period?.ok).toBe(false);
  });

  it.each([
    ['Søknader', 'Søknader'],
    ['Budsjett', 'Budsjett'],
    ['Tildelinger', 'Tildelinger'],
  ])('throws naming the missing sheet %s', (sheet, name) => {
    const values = workbookValues(validBook());
    delete values[sheet];
    const e = thrown(() => readPortfolio(values));
    expect(e.reason.nb).toContain(`arket «${name}»`);
    expect(e.reason.en).toContain(`"${name}"`);
  });

  it('throws naming the sheet when a required header is missing', () => {
    const values = workbookValues(validBook());
    values['Tildelinger'] = [['Saksnr', 'Vedtak', 'Dato', 'Art', 'Kategori', 'Fra', 'Til', 'Rapportert SSU']];
    const e = thrown(() => readPortfolio(values));
    expect(e.reason.nb).toContain('«Tildelinger»');
    expect(e.reason.nb).toContain('«Beløp»');
  });

  it('uses the defaults without a settings sheet and reads the sheet when present', () => {
    expect(readPortfolio(workbookValues(validBook())).settings).toEqual(DEFAULT_SETTINGS);
    const values = workbookValues(validBook());
    values['Innstillinger'] = sheetRows(SETTINGS_SHEET, [{ key: 'Ramme 2026', value: '10 000 000' }]);
    expect(readPortfolio(values).settings.frames['2026']).toBe(10_000_000);
  });
});
