import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { spanOf, type Block, type DocModel, type Inline } from '../core/documents/model';
import { xmlSafe } from '../core/base/text';

/**
 * The .docx renderer (Node): the document model as Word, with real headings, lists and tables. Every text
 * passes `xmlSafe`, so a control character pasted into a cell cannot make a file Word refuses to open.
 */

const FONT = 'Calibri';
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B7B7B7' };

const runs = (content: Inline[]) =>
  content.map((x) => {
    const s = spanOf(x);
    return new TextRun({ text: xmlSafe(s.text), bold: s.bold, italics: s.italic });
  });

function tableOf(block: Extract<Block, { type: 'table' }>): Table {
  const columns = Math.max(...block.rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // Label columns narrow, values wide; other tables share the width evenly.
    columnWidths: block.keyValue ? [2700, 6300] : undefined,
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
            return new TableCell({
              shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF1F5' } : undefined,
              margins: { top: 40, bottom: 40, left: 80, right: 80 },
              children: [
                new Paragraph({
                  alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  children: [new TextRun({ text: xmlSafe(row[c] ?? ''), bold: head })],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

function render(block: Block, listIndex: number): Array<Paragraph | Table> {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(xmlSafe(block.text))] }),
      ];
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
      return [tableOf(block), new Paragraph({ text: '' })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export async function toDocx(doc: DocModel): Promise<Buffer> {
  let lists = 0;
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(doc.title))] }),
    // Each ordered list restarts its numbering.
    ...doc.blocks.flatMap((block) => render(block, block.type === 'list' && block.ordered ? ++lists : 0)),
  ];
  const document = new Document({
    creator: 'Tilskudd',
    title: xmlSafe(doc.title),
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
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
