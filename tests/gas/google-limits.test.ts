import { ALLOCATIONS, APPLICATIONS } from '../../src/core/workbook/contract';
import {
  EXAMPLE_ALLOCATIONS,
  EXAMPLE_APPLICATIONS,
  exampleWorkbook,
  sheetRows,
} from '../../src/example/agder';
import { REQUEST_BYTES } from '../../src/core/documents/docs-requests';
import { deskWith, type Desk } from './desk-helpers';

/** Google's limits on what one cell and one Docs request may hold, met by what the product writes. */
describe('cells within 50 000 characters', () => {
  it('Kontroller portefølje does not fail when a cell holds ~50 000 characters (findings quote the cell)', () => {
    const values = exampleWorkbook();
    const header = values[APPLICATIONS.name]![0]!;
    const col = header.indexOf('Søkt beløp');
    values[APPLICATIONS.name]![1]![col] = 'x'.repeat(49_990);
    const sb = deskWith(values);
    sb.ui.answerAlert();
    sb.call('checkPortfolio');
    expect(sb.ui.alerts.map((a) => a.prompt).join('\n')).not.toMatch(/maximum|feil/i);
    const avvik = sb.spreadsheet.sheetData('Avvik').values;
    const message = avvik[0]!.indexOf('Melding');
    const quoting = avvik.filter((r) => String(r[message]).includes('xxxx'));
    expect(quoting.length).toBeGreaterThan(0);
    for (const r of quoting) expect(String(r[message]).length).toBeLessThan(1_000);
    // The cell is coloured through the marks, which hold no text of the cell.
    const marks = sb.spreadsheet.sheetData('Avviksfarger').values.flat().map(String);
    expect(marks.some((m) => m.includes('xx'))).toBe(false);
  });
});

/** The example with `n` more granted projects in 2025 (copies of the first one, illustrative). */
function withGrants(n: number) {
  const values = exampleWorkbook();
  const ids = Array.from({ length: n }, (_, i) => `2025-05-${String(101 + i)}`);
  values[APPLICATIONS.name] = sheetRows(APPLICATIONS, [
    ...EXAMPLE_APPLICATIONS,
    ...ids.map((caseId, i) => ({ ...EXAMPLE_APPLICATIONS[0]!, caseId, title: `Prosjekt ${i + 1}` })),
  ]);
  values[ALLOCATIONS.name] = sheetRows(ALLOCATIONS, [
    ...EXAMPLE_ALLOCATIONS,
    ...ids.map((caseId) => ({ ...EXAMPLE_ALLOCATIONS[0]!, caseId })),
  ]);
  return values;
}

function publishOverview(sb: Desk, year = '2025') {
  sb.ui.answerPrompt(year).answerAlert();
  sb.call('publishOverview');
}

const GRANTS = 2_000;

describe('documents within Google Docs request and size limits', () => {
  it('a large Google Doc is not one batchUpdate: the overview of 2 000 grants (2.6 MB of requests) goes in chunks of at most 2 MB', () => {
    const sb = deskWith(withGrants(GRANTS));
    publishOverview(sb);
    const docs = sb.fakes.Docs.Documents;
    expect(sb.calls.count('Docs.Documents.create')).toBe(1);
    expect(sb.calls.count('Docs.Documents.batchUpdate')).toBeGreaterThanOrEqual(2);
    expect(docs.largestBody).toBeLessThanOrEqual(REQUEST_BYTES);
    // The table of grants has every row: the chunks took up where the one before ended.
    const grants = docs.snapshot('fake-doc-1').find((b) => b.type === 'table')!;
    const rows = (grants as { rows: string[][] }).rows;
    expect(rows).toHaveLength(1 + 3 + GRANTS); // the header, the example's three, the copies
    expect(rows.at(-1)![0]).toBe(`Prosjekt ${GRANTS}`);
  });

  it('an overview beyond 700 000 characters is refused before anything is made, pointing to the .docx from the CLI', () => {
    const sb = deskWith(withGrants(7_000));
    publishOverview(sb);
    expect(sb.calls.count('Docs.Documents.create')).toBe(0);
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(
      /«Oversikt over tildelinger 2025» blir [\d\s\u00a0]+ tegn, for langt for Google Docs.*Ingenting er laget.*npx tilskudd publish FIL\.xlsx --format overview --year 2025 --out oversikt-2025\.docx/,
    );
  });
});
