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
import JSZip from 'jszip';
import xml from 'xml';
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

/** A table's layout and how many columns its widest row has, for `rowOf`. */
interface TableFrame {
  block: Extract<Block, { type: 'table' }>;
  layout: TableLayout;
  columns: number;
}

function rowOf({ block, layout, columns }: TableFrame, r: number): TableRow {
  const row = block.rows[r]!;
  return new TableRow({
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
  });
}

/** The table with its first `rows` rows (all by default). */
function tableOf(frame: TableFrame, rows = frame.block.rows.length): Table {
  const widths = frame.layout.widths.map(dxa);
  const margin = frame.block.compact ? 10 : 40;
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
    rows: Array.from({ length: rows }, (_, r) => rowOf(frame, r)),
  });
}

const frameOf = (block: Extract<Block, { type: 'table' }>, layout: TableLayout): TableFrame => ({
  block,
  layout,
  columns: block.rows.reduce((n, r) => Math.max(n, r.length), 0),
});

function render(
  block: Block,
  listIndex: number,
  table: (block: Extract<Block, { type: 'table' }>) => Paragraph | Table,
): Array<Paragraph | Table> {
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
      return [table(block), new Paragraph({ text: '' })];
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
export async function toDocx(
  doc: DocModel,
  lang: Lang = doc.lang ?? 'nb',
  rowsAtOnce = ROWS_AT_ONCE,
): Promise<Buffer> {
  const layout = layoutDocument(doc);
  // A table longer than `rowsAtOnce` rows stands in docx's model as a marker paragraph; its rows are written
  // into the XML one at a time (`tableXml`) and that XML takes the marker's place.
  const long = new Map<number, TableFrame>();
  const build = () => {
    let k = 0;
    return documentOf(doc, lang, layout, (block) => {
      const frame = frameOf(block, layout.tables[k]!);
      const index = k++;
      if (block.rows.length <= rowsAtOnce) return tableOf(frame);
      long.set(index, frame);
      return markerOf(index);
    });
  };
  const document = build();
  if (long.size === 0) return Packer.toBuffer(document);
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  let body = await zip.file(DOCUMENT_XML)!.async('string');
  const context = { file: document, viewWrapper: document.Document, stack: [] };
  for (const [index, frame] of long) {
    const parts = body.split(xml(markerOf(index).prepForXml(context)));
    if (parts.length !== 2) throw new Error(`table ${index}: its marker is not in the document once`);
    body = parts[0] + tableXml(frame, context) + parts[1];
  }
  // Packed again by docx, with the document's XML given: every other part is docx's as before.
  return Packer.toBuffer(build(), undefined, [{ path: DOCUMENT_XML, data: body }]);
}

/** Tables longer than this are written row by row: 10 000 rows at once took about 450 MB as docx objects. */
export const ROWS_AT_ONCE = 200;

const DOCUMENT_XML = 'word/document.xml';

/**
 * A paragraph no text of a document can make: every text passes `xmlSafe`, which removes U+FFFF, so its
 * XML is found exactly where the table goes.
 */
const markerOf = (index: number) => new Paragraph({ children: [new TextRun(`\uffff${index}\uffff`)] });

type XmlContext = Parameters<Table['prepForXml']>[0];

/** The table's XML as docx writes it, with only one row at a time as docx objects. */
function tableXml(frame: TableFrame, context: XmlContext): string {
  const first = xml(tableOf(frame, 1).prepForXml(context));
  const end = first.lastIndexOf('</w:tbl>');
  const parts = [first.slice(0, end)];
  for (let r = 1; r < frame.block.rows.length; r++) parts.push(xml(rowOf(frame, r).prepForXml(context)));
  parts.push(first.slice(end));
  return parts.join('');
}

function documentOf(
  doc: DocModel,
  lang: Lang,
  layout: ReturnType<typeof layoutDocument>,
  table: (block: Extract<Block, { type: 'table' }>) => Paragraph | Table,
): Document {
  let lists = 0;
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
        ...render(block, block.type === 'list' && block.ordered ? ++lists : 0, table),
      );
  }
  return new Document({
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
}
