import { checkWorkbook } from '../../../../src/core/check/check';
import { buildBoardStatus } from '../../../../src/core/documents/follow-up/board-status';
import { buildAnnualReport } from '../../../../src/core/documents/follow-up/annual-report';
import type { Block, DocModel } from '../../../../src/core/documents/model';
import { toPlainText } from '../../../../src/core/documents/text';
import { exampleWorkbook } from '../../../../src/example/agder';
import { book, day, workbookValues } from '../../builders';

const example = (today: string) => checkWorkbook(exampleWorkbook(), { today: day(today) });
const tables = (doc: DocModel) =>
  doc.blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
const headings = (doc: DocModel) =>
  doc.blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading').map((b) => b.text);
const NB = '\u00a0';

describe('Statusrapport til porteføljestyret', () => {
  const doc = buildBoardStatus(example('2026-05-15'), { date: day('2026-05-15') });
  const text = toPlainText(doc);

  it('has the portfolio with the three lights and the overall one as words, per project', () => {
    expect(doc.title).toBe('Statusrapport til porteføljestyret 15. mai 2026');
    const [portfolio] = tables(doc);
    expect(portfolio!.rows[0]).toEqual([
      'Prosjekt',
      'Framdrift',
      'Økonomi',
      'Risiko',
      'Samlet',
      'Siste rapport',
      'Neste frist',
    ]);
    expect(portfolio!.rows.slice(1).map((r) => r.slice(1))).toEqual([
      ['Gul', 'Grønn', 'Rød', 'Rød', '30. april 2026', '30. september 2026'],
      ['Grønn', 'Grønn', 'Gul', 'Gul', '20. februar 2026', '–'],
    ]);
    expect(text).toContain('Samlet: 0 grønne, 1 gule, 1 røde, 0 uten rapport ennå.');
    // Colour and word: each light cell is tinted by its light, so it reads in colour and in black and white.
    // The tints of the one presentation table, the same as the sheet's and the plan review's.
    expect(portfolio!.fills![1]).toEqual([null, 'FCE8B2', 'B7E1CD', 'F4C7C3', 'F4C7C3']);
  });

  it('has the economy per project: allocated by the day, spent, left and forecast', () => {
    const economy = tables(doc)[1]!;
    // Agdermodellen: 1 060 000 + the illustrative 60 000 supplement; spent 690 000 as reported.
    expect(economy.rows[1]!.slice(1)).toEqual([
      `1${NB}120${NB}000`,
      `690${NB}000`,
      `430${NB}000`,
      `1${NB}120${NB}000`,
    ]);
  });

  it('lists every yellow and red item with its comment and action, the decisions and the supplements', () => {
    expect(headings(doc)).toEqual([
      'Porteføljen',
      'Økonomi per prosjekt',
      'Gule og røde forhold',
      '2025-05-001 Agdermodellen – barn og unges helsetjenester innen psykisk helse',
      '2025-05-002 Skrøpelige eldre 65+ – delt datasenter Østre Agder / SSHF',
      'Forfalte og manglende rapporter',
      'Saker porteføljestyret bes ta stilling til',
      'Tilleggsbevillinger til orientering',
    ]);
    expect(text).toContain('Risiko: Rød');
    expect(text).toContain('Kommentar: Fastlegene i to regioner deltar ennå ikke');
    expect(text).toContain('Avvik og tiltak: Forløpet for spiseforstyrrelser er forsinket');
    expect(text).toContain('SSU bes ta stilling til å forlenge prosjektperioden til 31.12.2026.');
    expect(text).toContain('Ingen rapporter er på etterskudd.');
    expect(text).toContain(`15.10.2025\t60${NB}000\tSekretariatet (eksempel)`);
  });

  it('lists overdue reports with their original due date and how late they are', () => {
    const late = toPlainText(buildBoardStatus(example('2026-10-11'), { date: day('2026-10-11') }));
    expect(late).toContain(
      '2025-05-001 Agdermodellen – barn og unges helsetjenester innen psykisk helse: sluttrapport med frist 30. september 2026, 11 dager over fristen.',
    );
  });

  it('does not yet count a report received after the day', () => {
    const before = buildBoardStatus(example('2026-04-29'), { date: day('2026-04-29') });
    expect(tables(before)[0]!.rows[1]!.slice(1, 6)).toEqual([
      'Grønn',
      'Gul',
      'Grønn',
      'Gul',
      '28. oktober 2025',
    ]);
  });

  it('speaks English', () => {
    const en = buildBoardStatus(example('2026-05-15'), { date: day('2026-05-15'), lang: 'en' });
    expect(en.title).toBe('Status report to the portfolio board 15 May 2026');
    expect(tables(en)[0]!.rows[1]!.slice(1, 5)).toEqual(['Yellow', 'Green', 'Red', 'Red']);
  });

  it('says so when there is nothing to report', () => {
    const empty = toPlainText(
      buildBoardStatus(checkWorkbook(workbookValues(book()), { today: day('2025-09-01') }), {
        date: day('2025-09-01'),
      }),
    );
    expect(empty).toContain('Samlet: 0 grønne, 0 gule, 0 røde, 1 uten rapport ennå.');
    expect(empty).toContain('Ingen prosjekter har gult eller rødt lys.');
    expect(empty).toContain('Prosjektene ber ikke om beslutninger.');
  });
});

describe('Årlig melding', () => {
  it('has the frame and key with what was allocated per category in the year', () => {
    const doc = buildAnnualReport(example('2027-01-15'), { year: 2025 });
    expect(doc.title).toBe('Årlig melding 2025');
    expect(tables(doc)[0]!.rows).toEqual([
      ['Kategori', 'Nøkkel', 'Nøkkelbeløp', 'Tildelt 2025'],
      ['Innovasjon/prosjekt', '80 %', `7${NB}328${NB}000 kr`, `1${NB}080${NB}000 kr`],
      ['Administrasjon', '5 %', `458${NB}000 kr`, `939${NB}829 kr`],
      ['Samdrift/tiltak', '15 %', `1${NB}374${NB}000 kr`, `0 kr`],
      ['Rammen', '100 %', `9${NB}160${NB}000 kr`, `2${NB}019${NB}829 kr`],
    ]);
  });

  it('describes each project from its reports up to 31 December, and the granted period', () => {
    const doc = buildAnnualReport(example('2027-01-15'), { year: 2026 });
    const text = toPlainText(doc);
    expect(headings(doc)).toContain(
      'Agdermodellen – barn og unges helsetjenester innen psykisk helse (2025-05-001)',
    );
    expect(text).toContain(
      'Effekter mot indikatorene\tBaseline: 0 av 3 forløp i bruk. Nå: 2 av 3 i bruk i to regioner.',
    );
    expect(text).toContain('Læringspunkter\tForløp som utvikles sammen med brukerne tas raskere i bruk.');
    expect(text).toContain('Potensial for spredning\tForløpene kan tas i bruk i alle regioner');
    expect(text).toContain(`Tildelt 2026\t665${NB}000 kr`);
    // The data centre's money is all in 2025, so 2026 does not list it.
    expect(text).not.toContain('(2025-05-002)');
    const y2025 = toPlainText(buildAnnualReport(example('2027-01-15'), { year: 2025 }));
    expect(y2025).toContain('Periode\taugust 2025–desember 2025');
    expect(y2025).toContain('Avsluttede prosjekter og sluttrapporter');
  });

  it('lists closed projects and final reports with their receiving unit and benefit owner', () => {
    const values = exampleWorkbook();
    // The data centre's pre-project money counted in 2025; its final report came in February 2026, and
    // the annual report is written in March.
    const result = checkWorkbook(values, { today: day('2026-03-01') });
    // By default from the reports of the year itself: the final report is not in yet.
    expect(toPlainText(buildAnnualReport(result, { year: 2025 }))).toContain(
      'Ingen av årets prosjekter er avsluttet eller har levert sluttrapport.',
    );
    const doc = buildAnnualReport(result, { year: 2025, date: day('2026-03-01') });
    const closed = tables(doc).at(-1)!;
    expect(closed.rows).toEqual([
      ['Prosjekt', 'Mottaker i drift', 'Gevinsteier', 'Klar for drift'],
      [
        '2025-05-002 Skrøpelige eldre 65+ – delt datasenter Østre Agder / SSHF',
        'Østre Agder-samarbeidet, analyseenheten',
        'Kommunalsjef helse i vertskommunen (rolle)',
        'Nei',
      ],
    ]);
  });
});
