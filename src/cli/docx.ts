import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { keepTogether, layoutDocument, type TableLayout } from '../core/documents/layout';
import {
  listEntries,
  spanOf,
  type Block,
  type DocModel,
  type Footer as FooterModel,
  type Inline,
} from '../core/documents/model';
import { xmlSafe } from '../core/base/text';
import type { Lang } from '../core/base/result';
import { HEADER_FILL } from '../core/workbook/presentation';

/**
 * The .docx renderer (Node): the document model as Word, with real headings, lists and tables. Every text
 * passes `xmlSafe`, so a control character pasted into a cell cannot make a file Word refuses to open.
 */

/** An amount or a share as the documents write it (`1 060 000`, `1 060 000 kr`, `10,3 %`): set right-aligned. */
export const isFigure = (text: string): boolean =>
  /^[−-]?\d[\d\u00a0 ]*(,\d+)?([ \u00a0](kr|%))?$/.test(text);

const FONT = 'Calibri';
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
/** Half-points: 8 pt. */
const FOOTER_SIZE = 16;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B7B7B7' };

/** Text as printed: XML-safe, ids and dates kept on one line (see `keepTogether`). */
const printed = (text: string) => keepTogether(xmlSafe(text));

const runs = (content: Inline[]) =>
  content.map((x) => {
    const s = spanOf(x);
    return new TextRun({ text: printed(s.text), bold: s.bold, italics: s.italic });
  });

/** Points to twentieths of a point (Word's DXA). */
const dxa = (pt: number) => Math.floor(pt * 20);

function tableOf(block: Extract<Block, { type: 'table' }>, layout: TableLayout): Table {
  const columns = Math.max(...block.rows.map((r) => r.length));
  const widths = layout.widths.map(dxa);
  const margin = block.compact ? 10 : 40;
  return new Table({
    // Fixed widths from the content (see layout.ts), so Word and LibreOffice break no word inside.
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // Cell margins once for the table, and per cell only what differs from Word's defaults: a table of
    // 10 000 rows is 60 000 cells, and each object per cell costs memory (see `npm run bench`).
    margins: { top: margin, bottom: margin, left: 80, right: 80 },
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: block.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: block.header && r === 0,
          // No row of a data table breaks across pages (a row is one case or measure); a key-value table's
          // long texts may. A record kept together also keeps each row with the next.
          cantSplit: block.keepTogether || !block.keyValue || undefined,
          children: Array.from({ length: columns }, (_, c) => {
            const head = (block.header && r === 0) || (block.keyValue && c === 0);
            const numeric = !head && !block.keyValue && c > 0 && isFigure(row[c] ?? '');
            const fill = block.fills?.[r]?.[c] ?? (head ? HEADER_FILL : null);
            // No per-cell width: the fixed layout takes the columns' widths from the table grid.
            return new TableCell({
              shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
              children: [
                new Paragraph({
                  alignment: numeric ? AlignmentType.RIGHT : undefined,
                  keepNext: (block.keepTogether && r < block.rows.length - 1) || undefined,
                  children: [
                    new TextRun({
                      text: printed(row[c] ?? ''),
                      bold: head || undefined,
                      size: layout.fontSize * 2,
                    }),
                  ],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

function render(block: Block, listIndex: number, next: () => TableLayout): Array<Paragraph | Table> {
  switch (block.type) {
    case 'heading':
      return [
        // A heading never ends a page: it stays with what it heads.
        new Paragraph({
          heading: HEADINGS[block.level],
          keepNext: true,
          keepLines: true,
          children: [new TextRun(printed(block.text))],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.content), spacing: { after: 120 } })];
    case 'list': {
      const item = (content: Inline[], level: number) =>
        new Paragraph({
          children: runs(content),
          numbering: block.ordered ? { reference: 'numbers', level, instance: listIndex } : undefined,
          bullet: block.ordered ? undefined : { level },
        });
      return listEntries(block).flatMap(({ item: top, sub }) => [
        item(top, 0),
        ...sub.map((x) => item(x, 1)),
      ]);
    }
    case 'table':
      return [tableOf(block, next()), new Paragraph({ text: '' })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    // Sections are split in toDocx.
    case 'section':
      return [];
  }
}

/** "Saksfremstilling · Sak 18-2025 · … · Side 2 av 5", small and grey at the foot of every page. */
function footerOf(footer: FooterModel): Footer {
  const run = { size: FOOTER_SIZE, color: '5F6368' };
  const pages = footer.pages
    ? [
        new TextRun({ ...run, text: `${footer.text === '' ? '' : ' · '}${footer.pages.page} ` }),
        new TextRun({ ...run, children: [PageNumber.CURRENT] }),
        new TextRun({ ...run, text: ` ${footer.pages.of} ` }),
        new TextRun({ ...run, children: [PageNumber.TOTAL_PAGES] }),
      ]
    : [];
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        // The style too: LibreOffice shows page-number fields in the paragraph's size, not the run's.
        style: 'Footer',
        children: [new TextRun({ ...run, text: printed(footer.text) }), ...pages],
      }),
    ],
  });
}

/** The language Word and LibreOffice (and the PDFs they make) announce: Norwegian bokmål, or English. */
export const DOCX_LANGUAGE = { nb: 'nb-NO', en: 'en-GB' } as const;

/**
 * The document as .docx, accessible: its language (`lang`, else the model's, else bokmål) on the default
 * style, its title in the file's properties and as the first heading (the Title style at outline level 1,
 * so the headings that follow, levels 2 and 3, are in order), table header rows repeated on each page.
 */
export async function toDocx(doc: DocModel, lang: Lang = doc.lang ?? 'nb'): Promise<Buffer> {
  let lists = 0;
  const layout = layoutDocument(doc);
  let table = 0;
  const next = () => layout.tables[table++]!;
  // A `section` block starts a Word section (a new page) in its orientation.
  const sections: Array<Array<Paragraph | Table>> = [
    [
      new Paragraph({
        heading: HeadingLevel.TITLE,
        outlineLevel: 0,
        children: [new TextRun(printed(doc.title))],
      }),
    ],
  ];
  for (const block of doc.blocks) {
    if (block.type === 'section') sections.push([]);
    // Each ordered list restarts its numbering.
    else
      sections[sections.length - 1]!.push(
        ...render(block, block.type === 'list' && block.ordered ? ++lists : 0, next),
      );
  }
  const document = new Document({
    creator: 'Tilskudd',
    title: xmlSafe(doc.title),
    styles: {
      default: { document: { run: { font: FONT, size: 22, language: { value: DOCX_LANGUAGE[lang] } } } },
      paragraphStyles: [
        { id: 'Footer', name: 'Footer', basedOn: 'Normal', run: { size: FOOTER_SIZE, color: '5F6368' } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'numbers',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 425, hanging: 425 } } },
            },
            {
              level: 1,
              format: LevelFormat.LOWER_LETTER,
              text: '%2)',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 850, hanging: 425 } } },
            },
          ],
        },
      ],
    },
    sections: sections.map((children, k) => ({
      // Landscape pages (wide tables, the one-page matrix that serves as a slide) keep the side margins the
      // layout counts with and gain height from narrower top and bottom margins.
      properties: layout.sections[k]!.landscape
        ? { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 720, bottom: 720 } } }
        : {},
      footers: doc.footer ? { default: footerOf(doc.footer) } : undefined,
      children,
    })),
  });
  return Packer.toBuffer(document);
}
