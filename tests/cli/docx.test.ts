import JSZip from 'jszip';
import { isFigure, toDocx } from '../../src/cli/docx';
import { h, table, type DocModel } from '../../src/core/documents/model';
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
