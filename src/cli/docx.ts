import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { spanOf, type Block, type DocModel, type Inline } from '../core/documents/model';

/** The .docx renderer (Node): the document model as Word, with real headings, lists and tables. */

const FONT = 'Calibri';
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B7B7B7' };

const runs = (content: Inline[]) =>
  content.map((x) => {
    const s = spanOf(x);
    return new TextRun({ text: s.text, bold: s.bold, italics: s.italic });
  });

/** Text width in twips: A4 less 2.5 cm margins, or a landscape page less 1.27 cm margins. */
const TEXT_WIDTH = { portrait: 9000, landscape: 15400 };

function tableOf(block: Extract<Block, { type: 'table' }>, landscape: boolean): Table {
  const columns = Math.max(...block.rows.map((r) => r.length));
  const width = TEXT_WIDTH[landscape ? 'landscape' : 'portrait'];
  const total = block.widths?.reduce((a, w) => a + w, 0) ?? 0;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // Label columns narrow, values wide; given widths as shares; other tables share the width evenly.
    columnWidths: block.keyValue
      ? [2700, 6300]
      : block.widths
        ? block.widths.map((w) => Math.round((w / total) * width))
        : undefined,
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
          children: Array.from({ length: columns }, (_, c) => {
            const head = (block.header && r === 0) || (block.keyValue && c === 0);
            const numeric = !head && c > 0 && /^[−-]?\d[\d\u00a0 ]*(,\d+)?( kr| %)?$/.test(row[c] ?? '');
            const fill = block.fills?.[r]?.[c] ?? (head ? 'EEF1F5' : null);
            const margin = block.compact ? 10 : 40;
            return new TableCell({
              shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
              margins: { top: margin, bottom: margin, left: 80, right: 80 },
              children: [
                new Paragraph({
                  alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  children: [
                    new TextRun({ text: row[c] ?? '', bold: head, size: block.compact ? 15 : undefined }),
                  ],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

function render(block: Block, listIndex: number, landscape: boolean): Array<Paragraph | Table> {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.content), spacing: { after: 120 } })];
    case 'list':
      return block.items.map(
        (item) =>
          new Paragraph({
            children: runs(item),
            numbering: block.ordered ? { reference: 'numbers', level: 0, instance: listIndex } : undefined,
            bullet: block.ordered ? undefined : { level: 0 },
          }),
      );
    case 'table':
      return [tableOf(block, landscape), new Paragraph({ text: '' })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    // Sections are split in toDocx.
    case 'section':
      return [];
  }
}

export async function toDocx(doc: DocModel): Promise<Buffer> {
  let lists = 0;
  // A `section` block starts a Word section (a new page) in its orientation.
  const sections: Array<{ landscape: boolean; children: Array<Paragraph | Table> }> = [
    {
      landscape: false,
      children: [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] })],
    },
  ];
  for (const block of doc.blocks) {
    if (block.type === 'section') sections.push({ landscape: block.landscape, children: [] });
    // Each ordered list restarts its numbering.
    else
      sections[sections.length - 1]!.children.push(
        ...render(
          block,
          block.type === 'list' && block.ordered ? ++lists : 0,
          sections[sections.length - 1]!.landscape,
        ),
      );
  }
  const document = new Document({
    creator: 'Tilskudd',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
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
          ],
        },
      ],
    },
    sections: sections.map((section) => ({
      properties: section.landscape
        ? {
            page: {
              size: { orientation: PageOrientation.LANDSCAPE },
              margin: { top: 720, bottom: 720, left: 720, right: 720 },
            },
          }
        : undefined,
      children: section.children,
    })),
  });
  return Packer.toBuffer(document);
}
