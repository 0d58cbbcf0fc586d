import { TODAY } from '../builders';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../../src/core/check/check';
import { ALLOCATIONS, APPLICATIONS, SETTINGS_SHEET } from '../../../src/core/workbook/contract';
import { grants360, toCsv, toPackageJson, type Grant360 } from '../../../src/core/documents/giving360';
import { validOrgNumber } from '../../../src/core/parse/orgnr';
import { exampleWorkbook } from '../../../src/example/agder';

type Values = Record<string, unknown[][]>;

/** The standard's schemas, vendored with their licence note (CC BY 4.0, see its README). */
const DATA_DIR = join(__dirname, '..', '..', 'data', '360giving');
const GRANT_SCHEMA_142 =
  'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json';
/**
 * A schema file, without its `$schema`: the files name the 2020-12 meta-schema by its http:// URL, which
 * Ajv2020 (registered as https://) does not know; Ajv2020 validates draft 2020-12 anyway.
 */
function readSchema(name: string): Record<string, unknown> {
  const { $schema, ...schema } = JSON.parse(readFileSync(`${DATA_DIR}/${name}`, 'utf8')) as Record<
    string,
    unknown
  >;
  expect($schema).toMatch(/draft\/2020-12/);
  return schema;
}

/** Sets a cell by header in a sheet's data row (1-based like the sheet: row 2 is the first data row). */
function setCell(v: Values, sheet: string, row: number, header: string, value: unknown) {
  const rows = v[sheet]!;
  const c = rows[0]!.indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${sheet}`);
  rows[row - 1]![c] = value;
}

/** Sets a setting's value in the Innstillinger sheet. */
function setSetting(v: Values, key: string, value: unknown) {
  const rows = v[SETTINGS_SHEET.name]!;
  const row = rows.find((r) => r[0] === key);
  if (!row) throw new Error(`no setting ${key}`);
  row[1] = value;
}

const exportOf = (v: Values = exampleWorkbook()) => grants360(checkWorkbook(v, { today: TODAY }));

/** A minimal RFC 4180 parser, to read the export back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[k + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      k++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

describe('validOrgNumber', () => {
  it.each([
    ['963296746', true],
    ['921060440', true],
    ['963 296 746', true],
    ['963\u00a0296\u00a0746', true],
    ['921 060 440', true],
    ['963296747', false], // wrong check digit
    ['921060441', false],
    ['96329674', false], // 8 digits
    ['9632967460', false], // 10 digits
    ['963296720', false], // first eight give check 10: invalid whatever the last digit
    ['963296729', false],
    ['', false],
    ['abcdefghi', false],
    ['963-296-746', false],
  ])('%j → %s', (input, valid) => {
    expect(validOrgNumber(input)).toBe(valid);
  });

  it('rejects every number whose check would be 10', () => {
    for (let d = 0; d <= 9; d++) expect(validOrgNumber(`96329672${d}`)).toBe(false);
  });
});

describe('grants360 on the example', () => {
  const grants = exportOf();

  it("exports every grant: 2 ordinary and 1 supplementary; the secretariat's own cost is no grant", () => {
    expect(grants).toHaveLength(3);
    expect(grants.map((g) => g.amountAwarded)).toEqual([1_060_000, 625_000, 60_000]);
    expect(grants.map((g) => g.title)).toEqual([
      'Agdermodellen – barn og unges helsetjenester innen psykisk helse',
      'Skrøpelige eldre 65+ – delt datasenter Østre Agder / SSHF',
      'Agdermodellen – barn og unges helsetjenester innen psykisk helse',
    ]);
    // Amount applied for belongs to the ordinary grant of an application only.
    expect(grants.map((g) => g.amountAppliedFor)).toEqual([1_060_000, 1_500_000, undefined]);
  });

  it("says what was paid on each grant: the case's payments fill its ordinary grant first", () => {
    // 560 000 paid to Agdermodellen, nothing yet to the data centre.
    expect(grants.map((g) => g.amountDisbursed)).toEqual([560_000, undefined, 0]);
  });

  it('gives unique ids with the 360G- prefix, NOK and ISO award dates', () => {
    const ids = grants.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const g of grants) {
      expect(g.id).toMatch(/^360G-[A-Za-z0-9-]+$/);
      expect(g.currency).toBe('NOK');
      expect(g.awardDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(g.fundingOrganization).toEqual([
        { id: '360G-tilskudd-agder-forvalter', name: 'Helsefellesskapet Agder' },
      ]);
      expect(g.grantProgramme).toEqual([{ title: 'Rekrutterings- og samhandlingstilskudd' }]);
    }
    expect(grants.map((g) => g.awardDate)).toEqual(['2025-05-09', '2025-05-09', '2025-10-15']);
  });

  it('builds ids from the case and the kind, not from the sheet row', () => {
    expect(grants.map((g) => g.id)).toEqual([
      '360G-tilskudd-agder-2025-05-001-T1',
      '360G-tilskudd-agder-2025-05-002-T1',
      '360G-tilskudd-agder-2025-05-001-TB1',
    ]);
  });

  it('plans from the first day of the first month to the last day of the last month', () => {
    expect(grants.map((g) => g.plannedDates)).toEqual([
      [{ startDate: '2025-08-01', endDate: '2026-07-31', duration: 12 }],
      [{ startDate: '2025-08-01', endDate: '2025-12-31', duration: 5 }],
      [{ startDate: '2025-11-01', endDate: '2026-07-31', duration: 9 }],
    ]);
  });

  it('without a valid org number, identifies the recipient by the prefix', () => {
    expect(grants.map((g) => g.recipientOrganization)).toEqual([
      [
        {
          id: '360G-tilskudd-agder-org-faglig-samarbeidsutvalg-barn-og-unge',
          name: 'Faglig samarbeidsutvalg barn og unge',
        },
      ],
      [
        {
          id: '360G-tilskudd-agder-org-ostre-agder-samarbeidet-og-sshf',
          name: 'Østre Agder-samarbeidet og SSHF',
        },
      ],
      [
        {
          id: '360G-tilskudd-agder-org-faglig-samarbeidsutvalg-barn-og-unge',
          name: 'Faglig samarbeidsutvalg barn og unge',
        },
      ],
    ]);
  });
});

describe('grants360 planned dates', () => {
  it.each([
    ['2023-11', '2024-02', '2024-02-29', 4],
    ['2023-11', '2025-02', '2025-02-28', 16],
    ['2022-11', '2023-02', '2023-02-28', 4],
    ['2025-06', '2025-06', '2025-06-30', 1],
  ])('a period %s to %s ends on %s', (from, to, end, duration) => {
    const v = exampleWorkbook();
    setCell(v, ALLOCATIONS.name, 3, 'Fra', from);
    setCell(v, ALLOCATIONS.name, 3, 'Til', to);
    expect(exportOf(v)[1]!.plannedDates).toEqual([{ startDate: `${from}-01`, endDate: end, duration }]);
  });

  it('an allocation without a period is planned for the month of its decision', () => {
    const v = exampleWorkbook();
    setCell(v, ALLOCATIONS.name, 5, 'Fra', '');
    setCell(v, ALLOCATIONS.name, 5, 'Til', '');
    expect(exportOf(v)[2]!.plannedDates).toEqual([
      { startDate: '2025-10-01', endDate: '2025-10-31', duration: 1 },
    ]);
  });
});

describe('grants360 organisation identifiers', () => {
  it.each(['963296746', '963 296 746'])('uses NO-BRC- for a valid Org.nr %j', (orgNumber) => {
    const v = exampleWorkbook();
    setCell(v, APPLICATIONS.name, 2, 'Org.nr', orgNumber);
    const grants = exportOf(v);
    // The ordinary grant and the supplementary allocation of 2025-05-001.
    expect(grants[0]!.recipientOrganization).toEqual([
      { id: 'NO-BRC-963296746', name: 'Faglig samarbeidsutvalg barn og unge' },
    ]);
    expect(grants[2]!.recipientOrganization[0]!.id).toBe('NO-BRC-963296746');
    expect(grants[1]!.recipientOrganization[0]!.id).toBe(
      '360G-tilskudd-agder-org-ostre-agder-samarbeidet-og-sshf',
    );
  });

  it.each([
    ['wrong check digit', '963296747'],
    ['8 digits', '96329674'],
    ['check 10', '963296720'],
    ['letters', 'ukjent'],
  ])('falls back to the prefix id for an invalid Org.nr (%s)', (_label, orgNumber) => {
    const v = exampleWorkbook();
    setCell(v, APPLICATIONS.name, 2, 'Org.nr', orgNumber);
    expect(exportOf(v)[0]!.recipientOrganization[0]!.id).toBe(
      '360G-tilskudd-agder-org-faglig-samarbeidsutvalg-barn-og-unge',
    );
  });

  it.each(['921060440', '921 060 440'])('uses NO-BRC- for the funder from «Org.nr forvalter» %j', (value) => {
    const v = exampleWorkbook();
    setSetting(v, 'Org.nr forvalter', value);
    for (const g of exportOf(v))
      // The legal holder of the money, the hospital trust, funds the grant.
      expect(g.fundingOrganization).toEqual([{ id: 'NO-BRC-921060440', name: 'Sørlandet sykehus HF' }]);
  });

  it.each(['921060441', '92106044', '963296720'])(
    'falls back for an invalid «Org.nr forvalter» %j',
    (value) => {
      const v = exampleWorkbook();
      setSetting(v, 'Org.nr forvalter', value);
      for (const g of exportOf(v)) expect(g.fundingOrganization[0]!.id).toBe('360G-tilskudd-agder-forvalter');
    },
  );

  it('uses the 360Giving-prefiks setting for grant ids', () => {
    const v = exampleWorkbook();
    setSetting(v, '360Giving-prefiks', '360G-hf-test');
    const grants = exportOf(v);
    for (const g of grants) expect(g.id.startsWith('360G-hf-test-')).toBe(true);
    expect(new Set(grants.map((g) => g.id)).size).toBe(3);
    expect(grants[2]!.id).toBe('360G-hf-test-2025-05-001-TB1');
  });
});

describe('grants360 persistent ids', () => {
  /** The workbook with allocation rows appended (the header stays first). */
  function withAllocations(rows: Array<Record<string, unknown>>): Values {
    const v = exampleWorkbook();
    const sheet = v[ALLOCATIONS.name]!;
    const header = sheet[0]!;
    for (const row of rows) sheet.push(header.map((h) => row[String(h)] ?? ''));
    return v;
  }
  const extra = [
    { Saksnr: '2025-05-002', Vedtak: 'SSU 20-2025', Dato: '2025-03-01', Art: 'Ordinær', Beløp: 90_000 },
    { Saksnr: '2025-05-002', Vedtak: 'SSU 21-2025', Dato: '2025-09-01', Art: 'Ordinær', Beløp: 10_000 },
    { Saksnr: '2025-05-002', Vedtak: 'SSU 22-2025', Dato: '2025-09-01', Art: 'Ordinær', Beløp: 5_000 },
    { Saksnr: '2025-05-001', Vedtak: 'Sekr. 2', Dato: '2025-06-01', Art: 'Tilleggsbevilling', Beløp: 7_000 },
    { Saksnr: '', Vedtak: 'Uten sak', Dato: '2025-06-01', Art: 'Ordinær', Beløp: 1_000 },
  ];
  const byDecision = (grants: Grant360[]) =>
    Object.fromEntries(grants.map((g) => [`${g.description}|${g.amountAwarded}|${g.awardDate}`, g.id]));

  it("numbers a case's grants of each kind by decision date, then amount", () => {
    const v = withAllocations(extra);
    const ids = exportOf(v).map((g) => [g.amountAwarded, g.awardDate, g.id]);
    expect(ids).toEqual([
      [1_060_000, '2025-05-09', '360G-tilskudd-agder-2025-05-001-T1'],
      [625_000, '2025-05-09', '360G-tilskudd-agder-2025-05-002-T2'],
      [60_000, '2025-10-15', '360G-tilskudd-agder-2025-05-001-TB2'],
      [90_000, '2025-03-01', '360G-tilskudd-agder-2025-05-002-T1'],
      [10_000, '2025-09-01', '360G-tilskudd-agder-2025-05-002-T4'],
      [5_000, '2025-09-01', '360G-tilskudd-agder-2025-05-002-T3'],
      [7_000, '2025-06-01', '360G-tilskudd-agder-2025-05-001-TB1'],
      // The row without a case id has an error finding: it is withheld until corrected.
    ]);
  });

  it('gives the same grants the same ids when the Tildelinger rows are reversed', () => {
    const v = withAllocations(extra);
    const before = exportOf(v);
    const sheet = v[ALLOCATIONS.name]!;
    v[ALLOCATIONS.name] = [sheet[0]!, ...sheet.slice(1).reverse()];
    const after = exportOf(v);
    expect(after.map((g) => g.amountAwarded)).toEqual(before.map((g) => g.amountAwarded).reverse());
    expect(new Set(after.map((g) => g.id))).toEqual(new Set(before.map((g) => g.id)));
    expect(byDecision(after)).toEqual(byDecision(before));
    expect(new Set(after.map((g) => g.id)).size).toBe(after.length);
  });

  it('breaks a full tie (same case, kind, date and amount) by sheet row', () => {
    const twin = {
      Saksnr: '2025-05-002',
      Vedtak: 'Tvilling',
      Dato: '2025-05-09',
      Art: 'Ordinær',
      Beløp: 625_000,
    };
    const ids = exportOf(withAllocations([twin])).map((g) => g.id);
    expect(ids[1]).toBe('360G-tilskudd-agder-2025-05-002-T1');
    expect(ids[3]).toBe('360G-tilskudd-agder-2025-05-002-T2');
  });
});

describe('360Giving JSON package', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...readSchema('360-giving-schema.json'), $id: GRANT_SCHEMA_142 });
  const validate = ajv.compile(readSchema('360-giving-package-schema.json'));

  const valid = (json: string) => {
    const ok = validate(JSON.parse(json));
    return ok ? null : validate.errors;
  };

  it('validates against the package and grant schemas', () => {
    const json = toPackageJson(exportOf());
    expect(valid(json)).toBeNull();
    const parsed = JSON.parse(json) as { grants: Grant360[] };
    expect(Object.keys(parsed)).toEqual(['grants']);
    expect(parsed.grants).toHaveLength(3);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('validates with org numbers and odd text too', () => {
    const v = exampleWorkbook();
    setCell(v, APPLICATIONS.name, 2, 'Org.nr', '963 296 746');
    setCell(v, APPLICATIONS.name, 3, 'Tittel', 'Tittel, med "sitat"\nog linjeskift');
    setSetting(v, 'Org.nr forvalter', '921060440');
    expect(valid(toPackageJson(exportOf(v)))).toBeNull();
  });

  it('the validator does catch an invalid grant', () => {
    const [g] = exportOf();
    const bad = { ...g!, amountAwarded: 'mye' } as unknown as Grant360;
    expect(valid(toPackageJson([bad]))).not.toBeNull();
    expect(valid(JSON.stringify({ grants: [] }))).not.toBeNull();
  });

  it('keeps formula-looking text literal in JSON (only the CSV neutralises)', () => {
    const v = exampleWorkbook();
    setCell(v, APPLICATIONS.name, 2, 'Tittel', "=cmd|'/c calc'!A1");
    expect(exportOf(v)[0]!.title).toBe("=cmd|'/c calc'!A1");
  });
});

describe('360Giving CSV', () => {
  const standardTitles = parseCsv(readFileSync(`${DATA_DIR}/grants-column-titles.csv`, 'utf8').trim())[0]!;

  it('uses standard column titles in its header', () => {
    const csv = toCsv(exportOf());
    const header = csv.split('\r\n')[0]!.split(',');
    expect(header).toEqual([
      'Identifier',
      'Title',
      'Description',
      'Currency',
      'Amount Applied For',
      'Amount Awarded',
      'Amount Disbursed',
      'Award Date',
      'Planned Dates:Start Date',
      'Planned Dates:End Date',
      'Planned Dates:Duration (months)',
      'Recipient Org:Identifier',
      'Recipient Org:Name',
      'Funding Org:Identifier',
      'Funding Org:Name',
      'Grant Programme:Title',
    ]);
    expect(standardTitles.length).toBeGreaterThan(20);
    for (const title of header) expect(standardTitles).toContain(title);
  });

  it('writes one record per grant with CRLF line ends', () => {
    const grants = exportOf();
    const csv = toCsv(grants);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const records = parseCsv(csv);
    expect(records).toHaveLength(4);
    for (const r of records) expect(r).toHaveLength(16);
    const [header, first, , supplement] = records;
    const col = (name: string) => header!.indexOf(name);
    expect(first![col('Identifier')]).toBe(grants[0]!.id);
    expect(first![col('Amount Awarded')]).toBe('1060000');
    expect(first![col('Amount Applied For')]).toBe('1060000');
    expect(first![col('Planned Dates:End Date')]).toBe('2026-07-31');
    expect(first![col('Planned Dates:Duration (months)')]).toBe('12');
    expect(first![col('Amount Disbursed')]).toBe('560000');
    expect(supplement![col('Amount Applied For')]).toBe('');
    // The description holds commas: quoted, and read back whole.
    expect(first![col('Description')]).toBe(grants[0]!.description);
    expect(csv).toContain(`"${grants[0]!.description}"`);
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const v = exampleWorkbook();
    const title = 'Tittel, med "sitat"\nog linjeskift';
    setCell(v, APPLICATIONS.name, 3, 'Tittel', title);
    setCell(v, APPLICATIONS.name, 3, 'Søker', 'Kommune A; "B"');
    const csv = toCsv(exportOf(v));
    expect(csv).toContain('"Tittel, med ""sitat""\nog linjeskift"');
    expect(csv).toContain('"Kommune A; ""B"""');
    const records = parseCsv(csv);
    expect(records).toHaveLength(4);
    expect(records[2]![1]).toBe(title);
    expect(records[2]![12]).toBe('Kommune A; "B"');
  });

  it.each([
    ["=cmd|'/c calc'!A1", "'=cmd|'/c calc'!A1"],
    ['+1+1', "'+1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
  ])('neutralises a formula-looking title %j with a leading apostrophe', (title, cell) => {
    const v = exampleWorkbook();
    setCell(v, APPLICATIONS.name, 2, 'Tittel', title);
    const csv = toCsv(exportOf(v));
    const records = parseCsv(csv);
    expect(records[1]![1]).toBe(cell);
    expect(records[3]![1]).toBe(cell);
    expect(csv).not.toMatch(new RegExp(`(^|,)${title.replace(/[|+()\\^$.*?[\]{}]/g, '\\$&')}`, 'm'));
  });

  it('neutralises formula-looking descriptions too', () => {
    const v = exampleWorkbook();
    setCell(v, APPLICATIONS.name, 2, 'Behov', '=IMPORTXML("http://x", "//a")');
    const records = parseCsv(toCsv(exportOf(v)));
    expect(records[1]![2]).toBe('\'=IMPORTXML("http://x", "//a")');
  });
});
