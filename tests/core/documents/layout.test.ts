import fc from 'fast-check';
import {
  TEXT_WIDTH,
  layoutDocument,
  layoutTable,
  textWidth,
  unbreakable,
} from '../../../src/core/documents/layout';
import { table, type Block } from '../../../src/core/documents/model';
import { buildOverview } from '../../../src/core/documents/overview';
import { checkWorkbook } from '../../../src/core/check/check';
import { exampleWorkbook } from '../../../src/example/agder';
import { TODAY } from '../builders';

type TableBlock = Extract<Block, { type: 'table' }>;

/** Every word of every cell is narrower than its column (less the padding). */
function wordsFit(t: TableBlock, widths: number[], size: number): string[] {
  const broken: string[] = [];
  t.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const bold = (t.header === true && r === 0) || (t.keyValue === true && c === 0);
      for (const word of unbreakable(cell))
        if (textWidth(word, size, bold) > widths[c]! - 10) broken.push(word);
    }),
  );
  return broken;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('table layout', () => {
  it('measures wider text wider, and bold wider than regular', () => {
    expect(textWidth('Helsefellesskapet', 10)).toBeGreaterThan(textWidth('Helse', 10));
    expect(textWidth('Organisasjon', 10, true)).toBeGreaterThan(textWidth('Organisasjon', 10));
    expect(textWidth('mmm', 10)).toBeGreaterThan(textWidth('iii', 10));
  });

  it('breaks lines only at spaces and after hyphens, dashes and slashes, never at NBSP', () => {
    expect(unbreakable('Innovasjon/prosjekt Østre Agder-samarbeidet')).toEqual([
      'Innovasjon/',
      'prosjekt',
      'Østre',
      'Agder-',
      'samarbeidet',
    ]);
    expect(unbreakable('1\u00a0120\u00a0000')).toEqual(['1\u00a0120\u00a0000']);
  });

  it('gives the overview of the example columns that hold every word, on a portrait page', () => {
    const result = checkWorkbook(exampleWorkbook(), { today: TODAY });
    const doc = buildOverview(result, 2025);
    const layout = layoutDocument(doc);
    const tables = doc.blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(layout.landscape).toBe(false);
    tables.forEach((t, i) => {
      const { widths, fontSize } = layout.tables[i]!;
      expect(wordsFit(t, widths, fontSize)).toEqual([]);
      expect(sum(widths)).toBeCloseTo(TEXT_WIDTH.portrait, 5);
    });
    // The columns that broke words before: «Agdermodel|len», «Organisasj|on», «Helsefeless|kapet».
    const [, org] = layout.tables[0]!.widths;
    expect(org).toBeGreaterThan(textWidth('Helsefellesskapet', layout.tables[0]!.fontSize));
  });

  it('turns the page when a table is too wide for portrait, and back when it is not', () => {
    const wide = table(
      [Array.from({ length: 6 }, (_, i) => `Overskrift${i}`), Array(6).fill('Helsefellesskapet')],
      { header: true },
    );
    const layout = layoutDocument({ title: 'Bred', blocks: [wide] });
    expect(layout.landscape).toBe(true);
    expect(wordsFit(wide as TableBlock, layout.tables[0]!.widths, layout.tables[0]!.fontSize)).toEqual([]);
    expect(layoutDocument({ title: 'Smal', blocks: [table([['a', 'b']])] }).landscape).toBe(false);
  });

  it('lines up the label column of key-value tables', () => {
    const a = layoutTable(table([['Søker', 'x']], { keyValue: true }) as TableBlock, 451)!;
    const b = layoutTable(table([['Søker', 'a longer value']], { keyValue: true }) as TableBlock, 451)!;
    expect(a.widths[0]).toBeCloseTo(b.widths[0]!, 5);
  });

  it('gives a key-value table that fits on one line the widths it needs, even with a short label', () => {
    // One unbreakable value (an e-mail address) about 80 % of the page wide: the label's quarter of the
    // page must not squeeze it.
    let link = 'postmottak@example.no';
    while (textWidth(`a${link}`, 10) + 12 < 0.8 * 451) link = `a${link}`;
    const t = table([['Lenke', link]], { keyValue: true }) as TableBlock;
    const laid = layoutTable(t, 451)!;
    expect(laid.fontSize).toBe(10);
    expect(wordsFit(t, laid.widths, laid.fontSize)).toEqual([]);
    expect(sum(laid.widths)).toBeCloseTo(451, 5);
  });

  it('fills the page and holds every word whenever the words fit (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zæøå]{1,14}$/);
    const cell = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((cols) =>
            fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 }),
          ),
        fc.boolean(),
        (rows, header) => {
          const t = table(rows, { header }) as TableBlock;
          const layout = layoutTable(t, TEXT_WIDTH.portrait);
          if (!layout) return;
          expect(sum(layout.widths)).toBeCloseTo(TEXT_WIDTH.portrait, 5);
          expect(wordsFit(t, layout.widths, layout.fontSize)).toEqual([]);
        },
      ),
    );
  });
});
