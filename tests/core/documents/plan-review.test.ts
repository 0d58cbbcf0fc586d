import JSZip from 'jszip';
import { toDocx } from '../../../src/cli/docx';
import { docsRequests } from '../../../src/core/documents/docs-requests';
import { layoutDocument, TEXT_WIDTH } from '../../../src/core/documents/layout';
import type { DocModel } from '../../../src/core/documents/model';
import { toMarkdown } from '../../../src/core/documents/text';
import { readPlanHistory } from '../../../src/core/plan/records';
import { buildPlanReview } from '../../../src/core/documents/plan-review';
import { readRegionalInput } from '../../../src/core/plan/regional-input';
import { checkWorkbook } from '../../../src/core/check/check';
import { ACTION_PLAN, PLAN_HISTORY, REGIONAL_INPUT } from '../../../src/core/workbook/contract';
import { AGDER_WORDS, innlandetWorkbook } from '../../fixtures/innlandet';
import { exampleWorkbook, sheetRows } from '../../../src/example/agder';
import { day, TODAY } from '../builders';

/** The review of the example, as the CLI and the menu build it. */
function review(date: Date, edit: (values: Record<string, unknown[][]>) => void = () => {}) {
  const values = exampleWorkbook();
  edit(values);
  const result = checkWorkbook(values, { today: date });
  return buildPlanReview(
    result,
    { history: readPlanHistory(values), input: readRegionalInput(values) },
    { date },
  );
}

describe('the annual review of the action plan', () => {
  it('uses the focus area comment as its summary, else a sentence from the counts', () => {
    expect(toMarkdown(review(TODAY))).toMatch(
      /\*\*Kort oppsummering:\*\* Fremkommer i hovedsak på grønt og gult nivå\. Rødt nivå: 3\.1\.2\./,
    );
    const md = toMarkdown(
      review(TODAY, (v) => {
        const comment = ACTION_PLAN.fields.findIndex((f) => f.key === 'comment');
        for (const row of v[ACTION_PLAN.name]!.slice(1)) if (row[1] === 'Fokusområde') row[comment] = '';
      }),
    );
    expect(md).toMatch(
      /Kort oppsummering:\*\* Fokusområdet fremkommer i stor grad på rødt nivå\. Rødt nivå: 2\.1\.1/,
    );
    expect(md).toMatch(
      /Fokusområdet fremkommer i hovedsak på grønt og gult nivå, med enkelte tiltak på rødt\./,
    );
  });

  it('compares with the last review saved before its day, not one saved the same day', () => {
    const sameDay = (v: Record<string, unknown[][]>) => {
      v[PLAN_HISTORY.name] = sheetRows(PLAN_HISTORY, [
        { date: TODAY, nr: '3.1.1', status: 'Rød', comment: '' },
      ]);
    };
    const md = toMarkdown(review(TODAY, sameDay));
    // A board document states the fact; how to save a review is the secretariat's business (docs, menu).
    expect(md).toMatch(/Det finnes ingen tidligere lagret gjennomgang å sammenligne med\./);
    expect(md).not.toMatch(/Tilskudd ›|Velg /);
    const later = toMarkdown(review(day('2026-12-02'), sameDay));
    expect(later).toMatch(/## Endringer siden forrige gjennomgang \(01\.12\.2026\)/);
    // The snapshot held only 3.1.1: the others are new since then.
    expect(later).toMatch(/\| 3\.1\.1 \| Kommunikasjonsgruppe for Helsefellesskapet \| Rød \| Grønn \|/);
    expect(later).toMatch(/\| 1\.1\.1 \| Prosjekt Akuttmedisinsk kjede \| ny \| Gul \|/);
  });

  it('puts the matrix on a landscape section laid out at its width, compact', () => {
    const doc = review(TODAY);
    const section = doc.blocks.findIndex((b) => b.type === 'section');
    expect(doc.blocks[section]).toEqual({ type: 'section', landscape: true });
    const layout = layoutDocument(doc);
    const matrix = layout.tables.at(-1)!;
    expect(matrix.fontSize).toBe(7.5);
    expect(Math.round(matrix.widths.reduce((a, b) => a + b, 0))).toBe(TEXT_WIDTH.landscape);
    // The tables before it keep the portrait page.
    expect(layout.sections).toEqual([{ landscape: false }, { landscape: true }]);
    expect(Math.round(layout.tables[0]!.widths.reduce((a, b) => a + b, 0))).toBe(TEXT_WIDTH.portrait);
    const block = doc.blocks.filter((b) => b.type === 'table').at(-1)!;
    if (block.type !== 'table') throw new Error('no matrix');
    const red = block.rows.findIndex((r) => r[0] === '1.3.1');
    expect([block.rows[red]!.at(-1), block.fills![red]!.at(-1)]).toEqual(['Rød', 'F4C7C3']);
  });

  it('writes English with --lang en', () => {
    const values = exampleWorkbook();
    const result = checkWorkbook(values, { today: TODAY });
    const md = toMarkdown(
      buildPlanReview(result, { history: readPlanHistory(values) }, { date: TODAY, lang: 'en' }),
    );
    expect(md).toMatch(/^# Annual review of the action plan/);
    expect(md).toMatch(/## Measures at red/);
    expect(md).toMatch(/\| 3\.1\.2 \| Felles nettside .* \| Red \|/);
  });
});

/** The key-value record of one measure, by its number. */
function record(doc: DocModel, nr: string) {
  const found = doc.blocks.find((x) => x.type === 'table' && x.keyValue && x.rows[0]![0] === nr);
  if (!found || found.type !== 'table') throw new Error(`no record of ${nr}`);
  return found;
}

const tableAfter = (doc: DocModel, heading: string) => {
  const at = doc.blocks.findIndex((x) => x.type === 'heading' && x.text === heading);
  const found = doc.blocks.slice(at).find((x) => x.type === 'table');
  if (at < 0 || !found || found.type !== 'table') throw new Error(`no table after ${heading}`);
  return found;
};

const withoutSheet = (name: string) => (v: Record<string, unknown[][]>) => {
  delete v[name];
};

/** The plan sheet without a column, as an older workbook has it. */
const withoutColumn = (key: string) => (v: Record<string, unknown[][]>) => {
  const col = ACTION_PLAN.fields.findIndex((f) => f.key === key);
  v[ACTION_PLAN.name] = v[ACTION_PLAN.name]!.map((row) => row.filter((_, i) => i !== col));
};

describe('the review as a board case, in the shape of the board’s own review', () => {
  const REVIEW_DAY = day('2025-11-20');
  const board = (edit?: (values: Record<string, unknown[][]>) => void) => {
    const values = exampleWorkbook();
    edit?.(values);
    const result = checkWorkbook(values, { today: REVIEW_DAY });
    return buildPlanReview(
      result,
      { history: readPlanHistory(values), input: readRegionalInput(values) },
      { date: REVIEW_DAY, meetingDate: '2025-12-04', caseNumber: '30-2025' },
    );
  };

  it('opens with the case header and the proposed decision, and numbers its pages', () => {
    const doc = board();
    expect(doc.blocks[0]).toMatchObject({
      type: 'table',
      keyValue: true,
      rows: [
        ['Råd/utvalg', 'Strategisk samarbeidsutvalg (SSU) - Helsefellesskapet Agder'],
        ['Møtedato', '04.12.2025'],
        ['Saksnummer', '30-2025'],
        ['Saksbehandler', 'Sekretariatet'],
        ['Sakstittel', 'Årlig gjennomgang av handlingsplanen per 20.11.2025'],
      ],
    });
    expect(doc.blocks[1]).toEqual({ type: 'heading', level: 2, text: 'Forslag til vedtak' });
    const md = toMarkdown(doc);
    expect(md).toContain(
      '1. SSU tar den årlige gjennomgangen av handlingsplanen per 20.11.2025 til orientering.',
    );
    expect(md).toContain(
      '2. SSU ber sekretariatet, i samarbeid med regionene, følge opp tiltakene på rødt nivå (1.3.1, 1.6.1, 2.1.1, 2.2.1, 2.2.2, 2.3.1, 3.1.2)',
    );
    expect(md).toContain('3. SSU slutter seg til sekretariatets vurderinger og forslag til oppfølging.');
    expect(md).toContain('4. Innspillene fra regionene tas med i arbeidet med neste handlingsplan.');
    expect(doc.footer).toEqual({
      text: 'Årlig gjennomgang av handlingsplanen · Sak 30-2025 · Helsefellesskapet Agder',
      pages: { page: 'Side', of: 'av' },
    });
  });

  it('gives every measure a record kept on one page: light, indicator, who, where and when, cases, comment, assessment', () => {
    const doc = board();
    const agdermodellen = record(doc, '1.2.1');
    expect(agdermodellen.keepTogether).toBe(true);
    expect(agdermodellen.rows).toEqual([
      ['1.2.1', 'Prosjekt Agdermodellen'],
      ['Status', 'Gul'],
      ['Indikator', 'Antall samhandlingsforløp tatt i bruk (mål: 3) (illustrativt)'],
      [
        'Ansvarlig · region · frist',
        'Prosjektleder Agdermodellen, Faglig samarbeidsutvalg barn og unge · Hele Agder · 31.12.2026',
      ],
      ['Saker', '2025-05-001 Agdermodellen – barn og unges helsetjenester innen psykisk helse (innvilget)'],
      ['Kommentar', 'Pågår; har nylig fått midler fra tilskuddet (sak 2025-05-001).'],
      ['Sekretariatets vurdering', 'ikke registrert'],
      ['Innspill fra regionene', 'ingen'],
    ]);
    expect(agdermodellen.fills![1]).toEqual([null, 'FCE8B2']);
    // Every measure of the plan has its record, in plan order, under its focus area.
    const numbers = doc.blocks.flatMap((x) =>
      x.type === 'table' && x.keepTogether && x.keyValue ? [x.rows[0]![0]] : [],
    );
    expect(numbers).toEqual([
      '1.1.1',
      '1.2.1',
      '1.3.1',
      '1.4.1',
      '1.5.1',
      '1.6.1',
      '2.1.1',
      '2.1.2',
      '2.2.1',
      '2.2.2',
      '2.3.1',
      '3.1.1',
      '3.1.2',
      '3.2.1',
      '3.3.1',
    ]);
    expect(record(doc, '3.1.2').rows).toContainEqual([
      'Sekretariatets vurdering',
      'Prioriteres for ny vurdering; ny sak legges fram for SSU.',
    ]);
  });

  it("puts each region's input under its measure, light coloured and in words, and sums it up per region", () => {
    const doc = board();
    const tech = record(doc, '1.5.1');
    const inputs = tech.rows.filter((r) => r[0]!.startsWith('Innspill:'));
    expect(inputs).toEqual([
      [
        'Innspill: Kristiansand (inkl. Lindesnes)',
        'Gul: Beslutningsstøtte og kunstig intelligens for treffsikre tjenester og god ressursbruk. (23.10.2025)',
      ],
      [
        'Innspill: Setesdal',
        'Gul: Digitale samtalerom i hver kommune og digitale konsultasjoner: avstandene må kunne løses på annen måte enn der sykehuset ligger i egen region. (21.10.2025)',
      ],
    ]);
    expect(tech.fills!.slice(-2)).toEqual([
      ['FCE8B2', null],
      ['FCE8B2', null],
    ]);
    const perRegion = tableAfter(doc, 'Innspill fra regionene');
    expect(perRegion.rows).toEqual([
      ['Region', 'Innspill', 'Grønn', 'Gul', 'Rød', 'Uten vurdering', 'Røde tiltak kommentert'],
      ['Østre Agder', '2', '0', '0', '2', '0', '2 av 7: 2.2.1, 3.1.2'],
      ['Lister', '2', '0', '1', '1', '0', '1 av 7: 1.3.1'],
      ['Setesdal', '1', '0', '1', '0', '0', '0 av 7'],
      ['Kristiansand (inkl. Lindesnes)', '2', '0', '1', '1', '0', '1 av 7: 2.2.2'],
    ]);
    const md = toMarkdown(doc);
    expect(md).toContain('4 regioner har gitt 7 innspill til 6 tiltak');
    expect(md).toContain('Ingen innspill er registrert fra: Hele Agder.');
    // The red measures' table says who commented on each.
    const reds = tableAfter(doc, 'Tiltak på rødt nivå');
    expect(reds.rows[0]).toEqual(['Nr', 'Tiltak', 'Ansvarlig', 'Kommentar', 'Innspill fra']);
    expect(reds.rows.find((r) => r[0] === '3.1.2')!.at(-1)).toBe('Østre Agder');
    expect(reds.rows.find((r) => r[0] === '1.6.1')!.at(-1)).toBe('–');
  });

  it('says so once when no region gave input, and shows no empty input rows', () => {
    const doc = board(withoutSheet(REGIONAL_INPUT.name));
    const md = toMarkdown(doc);
    expect(md).toMatch(/## Innspill fra regionene\n\nIngen innspill fra regionene er registrert\./);
    expect(md).not.toMatch(
      /Innspill:|Innspill fra regionene \| ingen|tas med i arbeidet med neste handlingsplan/,
    );
    expect(record(doc, '1.5.1').rows.at(-1)![0]).toBe('Sekretariatets vurdering');
  });

  it('names input on a number the plan does not have, and reads "1.3.1." as 1.3.1', () => {
    const doc = board((v) => {
      v[REGIONAL_INPUT.name]!.push(
        ['Lister', '9.9.9', 'Rød', 'Et tiltak som er tatt ut.', '', ''],
        ['Setesdal', '1.3.1.', 'Rød', 'Enig med Lister.', '', ''],
      );
    });
    const md = toMarkdown(doc);
    expect(md).toContain('Innspill til nummer som ikke finnes i handlingsplanen: 9.9.9 (Lister).');
    expect(record(doc, '1.3.1').rows.map((r) => r[0])).toContain('Innspill: Setesdal');
  });

  it("marks input that does not carry its region's code as unverified, and keeps it", () => {
    const doc = board((v) => {
      const sheet = v[REGIONAL_INPUT.name]!;
      sheet[0] = [...sheet[0]!, 'Kontroll'];
      sheet.push(['Lister', '1.3.1', 'Rød', 'Sendt uten regionens kode.', '', 'skjema', 'Ubekreftet']);
    });
    const firsts = record(doc, '1.3.1').rows.map((r) => r[0]);
    expect(firsts).toContain('Innspill: Lister (ubekreftet)');
  });

  it('reads an older plan sheet without «Sekretariatets vurdering» and says the assessment is not registered', () => {
    const doc = board(withoutColumn('secretariatAssessment'));
    const md = toMarkdown(doc);
    expect(md).toMatch(
      /## Sekretariatets vurderinger og forslag til oppfølging\n\nSekretariatets vurdering er ikke registrert\./,
    );
    expect(md).not.toContain('slutter seg til sekretariatets vurderinger');
    expect(record(doc, '3.1.2').rows).toContainEqual(['Sekretariatets vurdering', 'ikke registrert']);
  });

  it('writes the kept-together records as rows that neither split nor leave their next row in .docx', async () => {
    const zip = await JSZip.loadAsync(await toDocx(board()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.includes('<w:cantSplit/>')).toBe(true);
    expect(xml.includes('<w:keepNext/>')).toBe(true);
    // The page number and count are fields in the footer: «Side 2 av 9».
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/footer\d*\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(footers.some((f) => f.includes('NUMPAGES') && f.includes('Side '))).toBe(true);
  });
});

describe('the review for another community', () => {
  it('takes its deciding body and regions from the settings, with no trace of Agder', () => {
    const values = {
      ...innlandetWorkbook(),
      [ACTION_PLAN.name]: sheetRows(ACTION_PLAN, [
        { level: 'Fokusområde', text: 'Barn og unge' },
        { level: 'Hovedmål', text: 'Tidlig innsats' },
        { level: 'Tiltak', text: 'Felles modell for tidlig innsats', status: 'Rød', region: 'Hamarregionen' },
        { level: 'Hovedmål', text: 'Tidlig  innsats' },
      ]),
      [REGIONAL_INPUT.name]: sheetRows(REGIONAL_INPUT, [
        { region: 'Gjøvikregionen', nr: '1.1.1', assessment: 'Rød', comment: 'Må prioriteres.' },
      ]),
    };
    const result = checkWorkbook(values, { today: TODAY });
    expect(result.findings.filter((f) => f.rule === 'measure-text-duplicate').map((f) => f.ref)).toEqual([
      '1.2',
    ]);
    for (const lang of ['nb', 'en'] as const) {
      const doc = buildPlanReview(
        result,
        { history: [], input: readRegionalInput(values) },
        { date: TODAY, caseNumber: '11-2026', lang },
      );
      expect(`${toMarkdown(doc)}\n${JSON.stringify(docsRequests(doc))}`).not.toMatch(AGDER_WORDS);
    }
    const doc = buildPlanReview(result, { history: [], input: readRegionalInput(values) }, { date: TODAY });
    expect(doc.blocks[0]).toMatchObject({
      rows: expect.arrayContaining([['Råd/utvalg', 'Porteføljestyret – Helsefellesskapet Innlandet']]),
    });
    const md = toMarkdown(doc);
    expect(md).toContain('1. Porteføljestyret tar den årlige gjennomgangen av handlingsplanen');
    expect(md).toContain('| Gjøvikregionen | 1 | 0 | 0 | 1 | 0 | 1 av 1: 1.1.1 |');
    expect(md).toContain(
      'Ingen innspill er registrert fra: Hamarregionen, Lillehammerregionen, Hele Innlandet.',
    );
  });
});
