import JSZip from 'jszip';
import { isFigure, ROWS_AT_ONCE, toDocx } from '../../src/cli/docx';
import { checkWorkbook } from '../../src/core/check/check';
import { h, ol, table, type DocModel } from '../../src/core/documents/model';
import { buildOverview } from '../../src/core/documents/overview';
import { exampleWorkbook } from '../../src/example/agder';
import { TODAY } from '../core/builders';
import { formatMoney } from '../../src/core/parse/money';

describe('isFigure: the cells a .docx table sets right-aligned', () => {
  it('takes amounts as formatMoney writes them, with and without the unit, and shares', () => {
    expect(isFigure(formatMoney(1_060_000))).toBe(true);
    expect(isFigure(formatMoney(1_060_000, false))).toBe(true);
    expect(isFigure(formatMoney(-481_829))).toBe(true);
    expect(isFigure('10,3 %')).toBe(true);
  });

  it('leaves words, case ids and dates as text', () => {
    expect(isFigure('Innvilges 900 000 kr')).toBe(false);
    expect(isFigure('2025-05-001')).toBe(false);
    expect(isFigure('09.05.2025')).toBe(false);
  });
});

describe('toDocx: page breaks a reader expects', () => {
  const xmlOf = async (doc: DocModel) => {
    const zip = await JSZip.loadAsync(await toDocx(doc));
    return zip.file('word/document.xml')!.async('string');
  };

  it('keeps a heading with what follows it, and a data row on one page', async () => {
    const xml = await xmlOf({
      title: 'Prøve',
      blocks: [
        h(2, 'Vedtak'),
        table(
          [
            ['Saksnr', 'Beløp'],
            ['2025-05-001', '1 060 000'],
          ],
          { header: true },
        ),
      ],
    });
    const heading = xml.slice(xml.indexOf('<w:p>', xml.indexOf('Heading2') - 400), xml.indexOf('Vedtak'));
    expect(heading).toContain('<w:keepNext/>');
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(2);
  });

  it('lets the long texts of a key-value table break across pages', async () => {
    const xml = await xmlOf({
      title: 'Prøve',
      blocks: [table([['Behov', 'lang tekst']], { keyValue: true })],
    });
    expect(xml).not.toContain('<w:cantSplit/>');
  });
});

describe('toDocx: a long table written row by row is the same document', () => {
  /** Every part of the file; the creation and change times (now, to the second) left out. */
  const partsOf = async (file: Buffer) => {
    const zip = await JSZip.loadAsync(file);
    const parts: Record<string, string> = {};
    for (const name of Object.keys(zip.files).sort())
      parts[name] =
        (await zip.file(name)?.async('string'))?.replace(
          /<dcterms:(created|modified)[^]*?<\/dcterms:\1>/g,
          '',
        ) ?? '';
    return parts;
  };
  const sameBothWays = async (doc: DocModel) => {
    const whole = await partsOf(await toDocx(doc, 'nb', Infinity));
    const byRow = await partsOf(await toDocx(doc, 'nb', 1));
    expect(Object.keys(byRow)).toEqual(Object.keys(whole));
    for (const name of Object.keys(whole)) expect([name, byRow[name]]).toEqual([name, whole[name]]);
    expect(byRow['word/document.xml']).not.toContain('\uffff');
    return whole['word/document.xml']!;
  };

  it('gives the public overview of a small portfolio part for part as docx writes it whole', async () => {
    const result = checkWorkbook(exampleWorkbook(), { today: TODAY });
    const xml = await sameBothWays(buildOverview(result, 2025));
    expect(xml.match(/<w:tr>/g)!.length).toBeGreaterThan(3);
  });

  it('keeps headers, fills, figures, compact and kept-together tables, lists, sections and the footer', async () => {
    const rows = [
      ['Saksnr', 'Søker', 'Beløp'],
      ['2025-05-001', 'Lag & «venner» <AS>', '1 060 000'],
      ['2025-05-002', 'Kor', '10,3 %'],
      ['2025-05-003', '', ''],
    ];
    await sameBothWays({
      title: 'Prøve',
      footer: { text: 'Oversikt', pages: { page: 'Side', of: 'av' } },
      blocks: [
        h(2, 'Tabeller'),
        ol([['første'], ['andre']]),
        table(rows, {
          header: true,
          fills: [
            [null, null, null],
            ['B7E1CD', null, 'F4CCCC'],
          ],
        }),
        table(rows, { compact: true, keepTogether: true, widths: [1, 3, 1] }),
        { type: 'section', landscape: true },
        table(
          [
            ['Behov', 'lang tekst'],
            ['Mål', 'kort'],
          ],
          { keyValue: true },
        ),
        table([['én rad']], { header: true }),
      ],
    });
  });

  it('writes tables longer than ROWS_AT_ONCE row by row by default, with every row', async () => {
    const rows = Array.from({ length: ROWS_AT_ONCE + 5 }, (_, r) => [`2025-05-${r}`, `${r} 000`]);
    const xml = await sameBothWays({ title: 'Lang', blocks: [table(rows, { header: true })] });
    const byDefault = await partsOf(await toDocx({ title: 'Lang', blocks: [table(rows, { header: true })] }));
    expect(byDefault['word/document.xml']).toBe(xml);
    expect(xml.match(/<w:tr>/g)).toHaveLength(ROWS_AT_ONCE + 5);
  });
});
