import { layoutDocument, TEXT_WIDTH, type TableLayout } from './layout';
import { listEntries, plain, spanOf, type Block, type DocModel, type Footer, type Inline } from './model';

/**
 * The Google Docs renderer's arithmetic, pure: the document model as one list of Docs API
 * `batchUpdate` requests, written forward, so they may be sent in consecutive chunks (`requestChunks`)
 * within Google's limit on one request's size.
 *
 * Index model (Docs API "structure" guide): indexes count UTF-16 code units (an emoji outside the BMP
 * is two) of the text as Google keeps it (see `docsText`). An empty body is one paragraph, its newline
 * at index 1. Content is written forward at a cursor, the start of the trailing empty paragraph. Inserting a table
 * at an index first inserts a newline there, so the table starts one later; a table of R rows and C
 * columns with empty cells spans 2 + R·(2C + 1) indexes, and the paragraph of cell (r, c) starts at
 * S + 3 + r·(2C + 1) + 2c. Cells are filled last-first so that earlier indexes stay valid.
 */
export type DocsRequest = Record<string, unknown>;

const STYLE: Record<string, string> = { title: 'TITLE', 1: 'HEADING_1', 2: 'HEADING_2', 3: 'HEADING_3' };

interface Writer {
  cursor: number;
  requests: DocsRequest[];
}

const range = (startIndex: number, endIndex: number) => ({ startIndex, endIndex });

/**
 * Characters the Docs API silently drops from inserted text: the control characters U+0000–U+0008 and
 * U+000C–U+001F, and the BMP Private Use Area U+E000–U+F8FF (InsertTextRequest.text in the API reference,
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#inserttextrequest).
 * \f (U+000C) and \r (U+000D) are in that range too, but here they are line breaks: a space instead.
 */
// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u0008\u000E-\u001F\uE000-\uF8FF]/g;

/**
 * Text as it will stand in one paragraph or table cell: what Google would strip is dropped and line
 * breaks (\r, \n, \v, \f) become one space, so that the index arithmetic, counted in UTF-16 code units
 * (JS string length) as the Docs API counts, matches what Google stores.
 */
export function docsText(text: string): string {
  return text.replace(STRIPPED, '').replace(/[\r\n\v\f]+/g, ' ');
}

function paragraph(w: Writer, content: Inline[], style: string): void {
  const spans = content.map(spanOf).map((s) => ({ ...s, text: docsText(s.text) }));
  const text = spans.map((s) => s.text).join('');
  const start = w.cursor;
  const end = start + text.length + 1;
  w.requests.push(
    { insertText: { location: { index: start }, text: `${text}\n` } },
    {
      updateParagraphStyle: {
        range: range(start, end),
        paragraphStyle: { namedStyleType: style },
        fields: 'namedStyleType',
      },
    },
  );
  if (text.length > 0) {
    // Inserted text takes the style around it; reset, then mark the emphasised spans.
    w.requests.push({
      updateTextStyle: { range: range(start, end - 1), textStyle: {}, fields: 'bold,italic' },
    });
    let at = start;
    for (const s of spans) {
      if (s.text.length > 0 && (s.bold || s.italic)) {
        const textStyle = { ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}) };
        w.requests.push({
          updateTextStyle: { range: range(at, at + s.text.length), textStyle, fields: 'bold,italic' },
        });
      }
      at += s.text.length;
    }
  }
  w.cursor = end;
}

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });

/** A4 in the orientation the tables need, with the 72 pt margins the layout counts with. */
function pageStyle(landscape: boolean): DocsRequest {
  const [width, height] = landscape ? [841.9, 595.3] : [595.3, 841.9];
  const margin = (width - (landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait)) / 2;
  return {
    updateDocumentStyle: {
      documentStyle: {
        pageSize: { width: pt(width), height: pt(height) },
        marginLeft: pt(margin),
        marginRight: pt(margin),
      },
      fields: 'pageSize,marginLeft,marginRight',
    },
  };
}

function table(w: Writer, block: Extract<Block, { type: 'table' }>, layout: TableLayout): void {
  const rows = block.rows.length;
  const columns = Math.max(1, ...block.rows.map((r) => r.length));
  if (rows === 0) return;
  const cell = (r: number, c: number) => docsText(block.rows[r]?.[c] ?? '');
  const start = w.cursor + 1;
  const base = (r: number, c: number) => start + 3 + r * (2 * columns + 1) + 2 * c;
  w.requests.push({ insertTable: { rows, columns, location: { index: w.cursor } } });
  for (let r = rows - 1; r >= 0; r--) {
    for (let c = columns - 1; c >= 0; c--) {
      const text = cell(r, c);
      if (text !== '') w.requests.push({ insertText: { location: { index: base(r, c) }, text } });
    }
  }
  // Widths from the content (see layout.ts), so no word breaks inside a column.
  layout.widths.forEach((width, c) =>
    w.requests.push({
      updateTableColumnProperties: {
        tableStartLocation: { index: start },
        columnIndices: [c],
        tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(Math.floor(width * 10) / 10) },
        fields: 'widthType,width',
      },
    }),
  );
  // Where each cell's text ends up once all cells are filled: the table's size, bold header or labels.
  let shift = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const text = cell(r, c);
      const at = base(r, c) + shift;
      const head = (block.header && r === 0) || (block.keyValue && c === 0);
      if (text !== '') {
        const textStyle = { fontSize: pt(layout.fontSize), ...(head ? { bold: true } : {}) };
        w.requests.push({
          updateTextStyle: {
            range: range(at, at + text.length),
            textStyle,
            fields: head ? 'bold,fontSize' : 'fontSize',
          },
        });
      }
      shift += text.length;
    }
  }
  // Backgrounds through the table's start, which filling the cells does not move.
  block.fills?.forEach((row, r) =>
    row.forEach((fill, c) => {
      if (!fill || r >= rows || c >= columns) return;
      const part = (i: number) => parseInt(fill.slice(i, i + 2), 16) / 255;
      w.requests.push({
        updateTableCellStyle: {
          tableRange: {
            tableCellLocation: { tableStartLocation: { index: start }, rowIndex: r, columnIndex: c },
            rowSpan: 1,
            columnSpan: 1,
          },
          tableCellStyle: {
            backgroundColor: { color: { rgbColor: { red: part(0), green: part(2), blue: part(4) } } },
          },
          fields: 'backgroundColor',
        },
      });
    }),
  );
  w.cursor = start + 2 + rows * (2 * columns + 1) + shift;
}

/**
 * A section break on a new page (a newline then the break: two indexes, like a page break), and the new
 * section turned when it asks for the other orientation than the document's: `flipPageOrientation` is
 * relative to the document style. The style applies to the section after the break, which the empty
 * paragraph at the cursor now starts.
 */
function section(w: Writer, flip: boolean): void {
  w.requests.push({ insertSectionBreak: { location: { index: w.cursor }, sectionType: 'NEXT_PAGE' } });
  w.cursor += 2;
  if (flip) {
    w.requests.push({
      updateSectionStyle: {
        range: range(w.cursor, w.cursor + 1),
        sectionStyle: { flipPageOrientation: true },
        fields: 'flipPageOrientation',
      },
    });
  }
}

/** Requests that write `doc` into an empty body (or one emptied by `clearBody` first). */
export function docsRequests(doc: DocModel): DocsRequest[] {
  const w: Writer = { cursor: 1, requests: [] };
  const layout = layoutDocument(doc);
  let tables = 0;
  w.requests.push(pageStyle(layout.landscape));
  paragraph(w, [doc.title], STYLE.title!);
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'heading':
        paragraph(w, [block.text], STYLE[block.level]!);
        break;
      case 'paragraph':
        paragraph(w, block.content, 'NORMAL_TEXT');
        break;
      case 'list': {
        // One bullets request over all items, so they form one list and number 1, 2, 3. A sub-item is
        // written after a tab: `createParagraphBullets` nests a paragraph one level per leading tab and
        // removes the tabs, so the cursor moves back by as many.
        const start = w.cursor;
        let tabs = 0;
        for (const { item, sub } of listEntries(block)) {
          paragraph(w, item, 'NORMAL_TEXT');
          for (const x of sub) paragraph(w, ['\t', ...x], 'NORMAL_TEXT');
          tabs += sub.length;
        }
        const bulletPreset = block.ordered ? 'NUMBERED_DECIMAL_ALPHA_ROMAN' : 'BULLET_DISC_CIRCLE_SQUARE';
        if (block.items.length > 0)
          w.requests.push({ createParagraphBullets: { range: range(start, w.cursor), bulletPreset } });
        w.cursor -= tabs;
        break;
      }
      case 'table':
        table(w, block, layout.tables[tables++]!);
        break;
      case 'section':
        section(w, block.landscape !== layout.landscape);
        break;
      case 'pageBreak':
        w.requests.push({ insertPageBreak: { location: { index: w.cursor } } });
        w.cursor += 2;
        break;
    }
  }
  return w.requests;
}

/**
 * Writes a footer's text into the footer segment `footerId` whose content ends at `endIndex` (1 when
 * empty: a segment's indexes start at 0), replacing what it held. The Docs API has no request that
 * inserts a page-number field, so a Google Doc's footer carries the text only: page numbers are added
 * in Docs with Insert → Page numbers, and the .docx has them.
 */
export function footerRequests(
  footer: Footer | undefined,
  footerId: string,
  endIndex: number,
): DocsRequest[] {
  const at = (index: number) => ({ segmentId: footerId, index });
  const text = docsText(footer?.text ?? '');
  return [
    ...(endIndex > 1
      ? [{ deleteContentRange: { range: { segmentId: footerId, startIndex: 0, endIndex: endIndex - 1 } } }]
      : []),
    ...(text === ''
      ? []
      : [
          { insertText: { location: at(0), text } },
          {
            updateTextStyle: {
              range: { segmentId: footerId, startIndex: 0, endIndex: text.length },
              textStyle: { fontSize: pt(8) },
              fields: 'fontSize',
            },
          },
        ]),
  ];
}

/** Empties a body whose last index is `endIndex` (from `documents.get`), leaving its final newline. */
export function clearBody(endIndex: number): DocsRequest[] {
  return endIndex > 2 ? [{ deleteContentRange: { range: range(1, endIndex - 1) } }] : [];
}

/**
 * Google's API front ends refuse a request body over about 10 MB (not documented as a number): a
 * `batchUpdate` is sent in chunks of at most 2 MB of JSON, each taking up where the previous one ended.
 */
export const REQUEST_BYTES = 2_000_000;

/** UTF-8 bytes of a string, as it travels in a request body. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4; // a surrogate pair: one character of four bytes
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Consecutive chunks of `requests`, each a `{"requests":[…]}` body of at most `maxBytes`; sent in order
 * they do what the one list would. A single request over `maxBytes` goes alone.
 */
export function requestChunks(requests: readonly DocsRequest[], maxBytes = REQUEST_BYTES): DocsRequest[][] {
  const envelope = utf8Length('{"requests":[]}');
  const chunks: DocsRequest[][] = [];
  let chunk: DocsRequest[] = [];
  let bytes = envelope;
  for (const request of requests) {
    const size = utf8Length(JSON.stringify(request)) + 1; // and its comma
    if (chunk.length > 0 && bytes + size > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      bytes = envelope;
    }
    chunk.push(request);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * A Google Doc holds about 1 million characters and slows down well before: a document is written to
 * Google Docs only up to this many (the .docx from the command line has no such limit).
 */
export const DOC_CHARACTERS = 700_000;

/** The characters of a document's text: title, headings, paragraphs, list items and table cells. */
export function docCharacters(doc: DocModel): number {
  let n = doc.title.length;
  for (const block of doc.blocks) {
    if (block.type === 'heading') n += block.text.length + 1;
    else if (block.type === 'paragraph') n += plain(block.content).length + 1;
    else if (block.type === 'list')
      for (const { item, sub } of listEntries(block))
        for (const x of [item, ...sub]) n += plain(x).length + 1;
    else if (block.type === 'table')
      for (const row of block.rows) for (const cell of row) n += cell.length + 1;
  }
  return n;
}
