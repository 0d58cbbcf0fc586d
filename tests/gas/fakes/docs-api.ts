import { FakeBase, type FakeEnv } from './services';

/**
 * The Docs advanced service (`Docs.Documents.create/get/batchUpdate`, Docs API v1) over an index-exact
 * model of a document body, so request lists are checked against the API's index rules:
 *
 * - every position is one index: characters, each paragraph's newline, a page break, and a table's
 *   start, each row's start, each cell's start and the table's end (a 2×2 empty table spans 12 indexes);
 * - characters are UTF-16 code units (an emoji outside the BMP is two indexes), counted after the API
 *   has stripped U+0000–U+0008, U+000C–U+001F and U+E000–U+F8FF from the inserted text;
 * - an empty body is one paragraph whose newline is at index 1; the body's end index is one past it;
 * - text and tables go only inside an existing paragraph ("The insertion index must be inside the bounds
 *   of an existing paragraph"); inserting a table first inserts a newline, so it starts one later;
 * - the final newline cannot be deleted, nor part of a table;
 * - `createParagraphBullets` nests each paragraph one level per leading tab (at most 8) and removes those
 *   tabs, so the text after them moves back by as many indexes;
 * - a table cell's background is set through the table's start index and the cell's row and column
 *   (`updateTableCellStyle` with `tableRange`), the colour as `rgbColor` fractions 0–1;
 * - a section break (`insertSectionBreak`) goes inside a paragraph, not in a table; a newline is
 *   inserted before it, so it takes two indexes like a page break; `updateSectionStyle` styles the
 *   sections its range overlaps (the section after each break; only `flipPageOrientation` here);
 * - `batchUpdate` is atomic: one invalid request and none are applied (`Invalid requests[i].kind: …`);
 * - write requests (`create`, `batchUpdate`) are limited to 60 per minute per user ("Usage limits" of
 *   the Docs API): the 61st within a minute fails with HTTP 429 until the oldest is a minute old (the
 *   fake clock, which `Utilities.sleep` advances); a refused request does not count;
 * - a request body over 10 MB (10 485 760 bytes of JSON) is refused by Google's front end before the API
 *   sees it ("Request payload size exceeds the limit"), so nothing of it is applied and it does not count;
 * - a document belongs to the user who created it: `get` needs reader or writer access, `batchUpdate`
 *   writer access, otherwise HTTP 403 "The caller does not have permission" (`share` grants access).
 */
type Token =
  | { t: 'char'; ch: string; bold: boolean; italic: boolean; size?: number }
  | { t: 'nl'; style: string; list: string | null; nesting?: number }
  | { t: 'pageBreak' }
  | { t: 'sectionBreak'; flipped: boolean }
  | { t: 'tableStart'; columns: number; widths: Array<number | null> }
  | { t: 'rowStart' }
  | { t: 'cellStart'; fill?: string }
  | { t: 'tableEnd' };

interface Doc {
  id: string;
  title: string;
  tokens: Token[];
  owner: string;
  access: Map<string, 'reader' | 'writer'>;
  /** `documentStyle`: page size and margins in points, as `updateDocumentStyle` set them. */
  style: Record<string, number>;
  /** Footers by id (segments whose indexes start at 0), and the one `createFooter` made the default. */
  footers: Map<string, Token[]>;
  defaultFooterId?: string;
}

/** Requests a footer segment takes in this fake (the API allows more; the renderers need these). */
const SEGMENT_KINDS = new Set([
  'insertText',
  'deleteContentRange',
  'updateTextStyle',
  'updateParagraphStyle',
]);

/** A request on a segment (0-based indexes) as one on a body (1-based), so DocBody can apply it. */
function shifted(r: Record<string, unknown>): Record<string, unknown> {
  const out = { ...r };
  const location = r.location as { index?: number } | undefined;
  const range = r.range as { startIndex?: number; endIndex?: number } | undefined;
  if (location) out.location = { ...location, index: (location.index ?? NaN) + 1 };
  if (range) out.range = { startIndex: (range.startIndex ?? NaN) + 1, endIndex: (range.endIndex ?? NaN) + 1 };
  return out;
}

/** Dimension fields of DocumentStyle the fake models (points). */
const PAGE_FIELDS = ['pageSize', 'marginLeft', 'marginRight', 'marginTop', 'marginBottom'];

/** Docs API write requests per minute per user. */
export const WRITES_PER_MINUTE = 60;

export type DocSnapshotItem =
  | {
      type: 'paragraph';
      style: string;
      text: string;
      bold: string[];
      list: string | null;
      number?: number;
      /** The list nesting level, when above 0 (a sub-item). */
      nesting?: number;
    }
  | { type: 'table'; rows: string[][]; bold: string[]; fills?: string[][] };

class RequestError extends Error {}

/**
 * What the API silently drops from inserted text: the control characters U+0000–U+0008 and
 * U+000C–U+001F, and the BMP Private Use Area U+E000–U+F8FF (InsertTextRequest.text in the API reference,
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#inserttextrequest).
 */
// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;

const BULLET_LIST_PRESETS = new Set(['BULLET_DISC_CIRCLE_SQUARE', 'NUMBERED_DECIMAL_ALPHA_ROMAN']);
const NAMED_STYLES = new Set([
  'NORMAL_TEXT',
  'TITLE',
  'SUBTITLE',
  'HEADING_1',
  'HEADING_2',
  'HEADING_3',
  'HEADING_4',
]);

class DocBody {
  private lists = 0;
  constructor(readonly tokens: Token[]) {}

  get endIndex(): number {
    return this.tokens.length + 1;
  }

  private at(index: number): Token | undefined {
    return this.tokens[index - 1];
  }

  /** The newline ending the paragraph that holds `index`. */
  private paragraphEnd(index: number): Extract<Token, { t: 'nl' }> {
    for (let i = index; i < this.endIndex; i++) {
      const tok = this.at(i)!;
      if (tok.t === 'nl') return tok;
    }
    throw new RequestError('Index is not inside a paragraph.');
  }

  private insidePagraph(index: number): void {
    if (!Number.isInteger(index) || index < 1 || index >= this.endIndex) {
      throw new RequestError(
        `Index ${index} must be less than the end index of the referenced segment, ${this.endIndex}.`,
      );
    }
    const tok = this.at(index)!;
    if (tok.t !== 'char' && tok.t !== 'nl' && tok.t !== 'pageBreak') {
      throw new RequestError(
        'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
      );
    }
  }

  private inTable(index: number): boolean {
    let depth = 0;
    for (let i = 1; i < index; i++) {
      const tok = this.at(i)!;
      if (tok.t === 'tableStart') depth++;
      if (tok.t === 'tableEnd') depth--;
    }
    return depth > 0;
  }

  private checkRange(r: { startIndex?: number; endIndex?: number } | undefined): [number, number] {
    const start = r?.startIndex;
    const end = r?.endIndex;
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start! < 1 ||
      end! > this.endIndex ||
      start! >= end!
    ) {
      throw new RequestError(
        `The range [${start}, ${end}) is invalid for a body ending at ${this.endIndex}.`,
      );
    }
    return [start!, end!];
  }

  insertText(index: number, text: string): void {
    this.insidePagraph(index);
    const container = this.paragraphEnd(index);
    const before = this.at(index - 1);
    const after = this.at(index);
    const model = before?.t === 'char' ? before : after?.t === 'char' ? after : undefined;
    // One index per UTF-16 code unit (a surrogate pair is two), after Google's stripping.
    const tokens: Token[] = text
      .replace(STRIPPED, '')
      .split('')
      .map((ch) =>
        ch === '\n'
          ? { t: 'nl', style: container.style, list: container.list }
          : { t: 'char', ch, bold: model?.bold ?? false, italic: model?.italic ?? false },
      );
    this.tokens.splice(index - 1, 0, ...tokens);
  }

  insertTable(index: number, rows: number, columns: number): void {
    this.insidePagraph(index);
    if (!(rows >= 1 && columns >= 1))
      throw new RequestError('A table needs at least one row and one column.');
    if (this.inTable(index)) throw new RequestError('Tables cannot be inserted inside a table in this fake.');
    const container = this.paragraphEnd(index);
    const tokens: Token[] = [
      { t: 'nl', style: container.style, list: container.list },
      { t: 'tableStart', columns, widths: Array<number | null>(columns).fill(null) },
    ];
    for (let r = 0; r < rows; r++) {
      tokens.push({ t: 'rowStart' });
      for (let c = 0; c < columns; c++)
        tokens.push({ t: 'cellStart' }, { t: 'nl', style: 'NORMAL_TEXT', list: null });
    }
    tokens.push({ t: 'tableEnd' });
    this.tokens.splice(index - 1, 0, ...tokens);
  }

  insertPageBreak(index: number): void {
    this.insidePagraph(index);
    if (this.inTable(index)) throw new RequestError('Page breaks cannot be inserted inside a table.');
    const container = this.paragraphEnd(index);
    this.tokens.splice(
      index - 1,
      0,
      { t: 'pageBreak' },
      { t: 'nl', style: container.style, list: container.list },
    );
  }

  insertSectionBreak(index: number, sectionType: unknown): void {
    if (sectionType !== 'NEXT_PAGE' && sectionType !== 'CONTINUOUS')
      throw new RequestError(`Unknown sectionType ${String(sectionType)}.`);
    this.insidePagraph(index);
    if (this.inTable(index)) throw new RequestError('Section breaks cannot be inserted inside a table.');
    const container = this.paragraphEnd(index);
    this.tokens.splice(
      index - 1,
      0,
      { t: 'nl', style: container.style, list: container.list },
      { t: 'sectionBreak', flipped: false },
    );
  }

  /** Sets `flipPageOrientation` of every section the range overlaps (the body's first section has no token here). */
  updateSectionStyle(r: unknown, style: Record<string, unknown>, fields: unknown): void {
    const [start, end] = this.checkRange(r as { startIndex: number; endIndex: number });
    if (fields !== 'flipPageOrientation')
      throw new RequestError('fields must be flipPageOrientation in this fake.');
    const flipped = style.flipPageOrientation === true;
    let section: Extract<Token, { t: 'sectionBreak' }> | null = null;
    for (let i = 1; i < end; i++) {
      const tok = this.at(i)!;
      if (tok.t === 'sectionBreak') {
        section = tok;
        if (i >= start) tok.flipped = flipped;
      } else if (i === start && section) section.flipped = flipped;
    }
    if (!section) throw new RequestError('The first section is not styled in this fake.');
  }

  /** `updateTableCellStyle` of `backgroundColor` over a `tableRange` (row and column spans). */
  updateTableCellStyle(r: Record<string, unknown>): void {
    if (r.fields !== 'backgroundColor')
      throw new RequestError('fields must be backgroundColor in this fake.');
    const range = r.tableRange as
      | {
          tableCellLocation?: {
            tableStartLocation?: { index?: number };
            rowIndex?: number;
            columnIndex?: number;
          };
          rowSpan?: number;
          columnSpan?: number;
        }
      | undefined;
    const start = range?.tableCellLocation?.tableStartLocation?.index;
    if (!Number.isInteger(start) || this.at(start!)?.t !== 'tableStart')
      throw new RequestError(`No table starts at index ${String(start)}.`);
    const rows: Array<Array<Extract<Token, { t: 'cellStart' }>>> = [];
    for (let i = start! + 1, depth = 0; i < this.endIndex; i++) {
      const tok = this.at(i)!;
      if (tok.t === 'tableStart') depth++;
      else if (tok.t === 'tableEnd' && depth-- === 0) break;
      else if (depth === 0 && tok.t === 'rowStart') rows.push([]);
      else if (depth === 0 && tok.t === 'cellStart') rows[rows.length - 1]!.push(tok);
    }
    const row = range?.tableCellLocation?.rowIndex ?? 0;
    const column = range?.tableCellLocation?.columnIndex ?? 0;
    const rowSpan = range?.rowSpan ?? 1;
    const columnSpan = range?.columnSpan ?? 1;
    if (row < 0 || column < 0 || row + rowSpan > rows.length || column + columnSpan > (rows[0]?.length ?? 0))
      throw new RequestError(`The table range is outside the table (${rows.length} rows).`);
    const rgb = (
      r.tableCellStyle as { backgroundColor?: { color?: { rgbColor?: Record<string, number> } } } | undefined
    )?.backgroundColor?.color?.rgbColor;
    const part = (n: number | undefined) => {
      if (n !== undefined && !(n >= 0 && n <= 1)) throw new RequestError('rgbColor values must be 0–1.');
      return Math.round((n ?? 0) * 255)
        .toString(16)
        .padStart(2, '0')
        .toUpperCase();
    };
    const fill = rgb ? `${part(rgb.red)}${part(rgb.green)}${part(rgb.blue)}` : undefined;
    for (let y = row; y < row + rowSpan; y++)
      for (let x = column; x < column + columnSpan; x++) rows[y]![x]!.fill = fill;
  }

  /** Paragraph newlines whose paragraph overlaps [start, end). */
  private paragraphsIn(start: number, end: number): Array<Extract<Token, { t: 'nl' }>> {
    const out: Array<Extract<Token, { t: 'nl' }>> = [];
    let paragraphStart = 1;
    for (let i = 1; i < this.endIndex; i++) {
      const tok = this.at(i)!;
      if (tok.t === 'nl') {
        if (paragraphStart < end && i + 1 > start) out.push(tok);
        paragraphStart = i + 1;
      } else if (tok.t !== 'char' && tok.t !== 'pageBreak') {
        paragraphStart = i + 1;
      }
    }
    return out;
  }

  updateParagraphStyle(r: unknown, namedStyleType: unknown): void {
    const [start, end] = this.checkRange(r as { startIndex: number; endIndex: number });
    if (typeof namedStyleType !== 'string' || !NAMED_STYLES.has(namedStyleType)) {
      throw new RequestError(`Unknown namedStyleType ${String(namedStyleType)}.`);
    }
    for (const nl of this.paragraphsIn(start, end)) nl.style = namedStyleType;
  }

  updateTextStyle(r: unknown, textStyle: Record<string, unknown>, fields: unknown): void {
    const [start, end] = this.checkRange(r as { startIndex: number; endIndex: number });
    const names = typeof fields === 'string' ? fields.split(',').map((f) => f.trim()) : [];
    if (names.length === 0 || names.some((n) => n !== 'bold' && n !== 'italic' && n !== 'fontSize')) {
      throw new RequestError(
        `fields must name the text style properties to update (bold, italic, fontSize), got ${String(fields)}.`,
      );
    }
    // A Dimension: { magnitude, unit: 'PT' } (TextStyle.fontSize in the API reference).
    const size = textStyle.fontSize as { magnitude?: unknown; unit?: unknown } | undefined;
    if (
      names.includes('fontSize') &&
      size !== undefined &&
      (typeof size.magnitude !== 'number' || size.unit !== 'PT')
    )
      throw new RequestError('fontSize must be a Dimension { magnitude, unit: "PT" }.');
    for (let i = start; i < end; i++) {
      const tok = this.at(i)!;
      if (tok.t !== 'char') continue;
      for (const n of names) {
        if (n === 'fontSize') tok.size = size?.magnitude as number | undefined;
        else tok[n as 'bold' | 'italic'] = textStyle[n] === true;
      }
    }
  }

  /** UpdateTableColumnPropertiesRequest: the table must start at the location; widths of 5 pt or more. */
  updateTableColumnProperties(r: Record<string, unknown>): void {
    const at = (r.tableStartLocation as { index?: number } | undefined)?.index as number;
    const tok = this.at(at);
    if (tok?.t !== 'tableStart') throw new RequestError(`No table starts at index ${at}.`);
    const fields = typeof r.fields === 'string' ? r.fields.split(',').map((f) => f.trim()) : [];
    if (fields.length === 0 || fields.some((f) => f !== 'width' && f !== 'widthType'))
      throw new RequestError(`fields must name width and/or widthType, got ${String(r.fields)}.`);
    const props = (r.tableColumnProperties ?? {}) as {
      widthType?: string;
      width?: { magnitude?: number; unit?: string };
    };
    if (props.widthType !== 'FIXED_WIDTH' && props.widthType !== 'EVENLY_DISTRIBUTED')
      throw new RequestError(`Unknown widthType ${String(props.widthType)}.`);
    const width = props.width;
    if (props.widthType === 'FIXED_WIDTH' && (width?.unit !== 'PT' || !(Number(width.magnitude) >= 5)))
      throw new RequestError('The column width must be at least 5 points.');
    const indices = (r.columnIndices as number[] | undefined) ?? [...tok.widths.keys()];
    for (const c of indices) {
      if (!Number.isInteger(c) || c < 0 || c >= tok.columns)
        throw new RequestError(`Column index ${c} is outside a table of ${tok.columns} columns.`);
      tok.widths[c] = props.widthType === 'FIXED_WIDTH' ? width!.magnitude! : null;
    }
  }

  /** Test helper: each table's column widths (null: evenly distributed), and the font sizes of its text. */
  tables(): Array<{ widths: Array<number | null>; sizes: number[] }> {
    const out: Array<{ widths: Array<number | null>; sizes: Set<number> }> = [];
    let depth = 0;
    for (const tok of this.tokens) {
      if (tok.t === 'tableStart') {
        out.push({ widths: [...tok.widths], sizes: new Set() });
        depth++;
      } else if (tok.t === 'tableEnd') depth--;
      else if (tok.t === 'char' && depth > 0 && tok.size !== undefined) out.at(-1)!.sizes.add(tok.size);
    }
    return out.map((t) => ({ widths: t.widths, sizes: [...t.sizes] }));
  }

  createParagraphBullets(r: unknown, preset: unknown): void {
    const [start, end] = this.checkRange(r as { startIndex: number; endIndex: number });
    if (typeof preset !== 'string' || !BULLET_LIST_PRESETS.has(preset))
      throw new RequestError(`Unknown bulletPreset ${String(preset)}.`);
    const list = `${preset}#${++this.lists}`;
    // As Google: each paragraph's leading tabs set its nesting level and are removed (last paragraph
    // first, so the earlier indexes stay put), which moves everything after them back.
    const starts: number[] = [];
    let paragraphStart = 1;
    for (let i = 1; i < this.endIndex; i++) {
      const tok = this.at(i)!;
      if (tok.t === 'nl') {
        if (paragraphStart < end && i + 1 > start) starts.push(paragraphStart);
        paragraphStart = i + 1;
      } else if (tok.t !== 'char' && tok.t !== 'pageBreak') paragraphStart = i + 1;
    }
    for (const at of starts.reverse()) {
      let tabs = 0;
      while (this.at(at + tabs)?.t === 'char' && (this.at(at + tabs) as { ch: string }).ch === '\t') tabs++;
      if (tabs > 8) throw new RequestError('A list paragraph can be nested at most 8 levels.');
      this.tokens.splice(at - 1, tabs);
      const nl = this.paragraphEnd(at);
      nl.list = list;
      nl.nesting = tabs;
    }
  }

  deleteContentRange(r: unknown): void {
    const [start, end] = this.checkRange(r as { startIndex: number; endIndex: number });
    if (end >= this.endIndex)
      throw new RequestError('The range cannot include the newline character at the end of the segment.');
    const removed = this.tokens.slice(start - 1, end - 1);
    const opened = removed.filter((t) => t.t === 'tableStart').length;
    const closed = removed.filter((t) => t.t === 'tableEnd').length;
    if (opened !== closed || this.inTable(start))
      throw new RequestError('Invalid deletion range: it cannot delete part of a table.');
    this.tokens.splice(start - 1, end - start);
  }

  /** A readable model: paragraphs with style, text, bold runs and list numbers; tables with cell text. */
  snapshot(): DocSnapshotItem[] {
    const out: DocSnapshotItem[] = [];
    const counters = new Map<string, number>();
    let text = '';
    let bold: string[] = [];
    let run = '';
    const flushRun = () => {
      if (run !== '') bold.push(run);
      run = '';
    };
    let table: { rows: string[][]; bold: string[]; fills: string[][] } | null = null;
    for (const tok of this.tokens) {
      if (tok.t === 'char') {
        text += tok.ch;
        if (tok.bold) run += tok.ch;
        else flushRun();
      } else if (tok.t === 'pageBreak') {
        text += '\f';
      } else if (tok.t === 'sectionBreak') {
        // Sections are read with `sections()`.
      } else if (tok.t === 'nl') {
        flushRun();
        if (table) {
          const row = table.rows[table.rows.length - 1]!;
          row[row.length - 1] =
            row[row.length - 1] === undefined || row[row.length - 1] === ''
              ? text
              : `${row[row.length - 1]}\n${text}`;
          table.bold.push(...bold);
        } else {
          // Numbered per list and level: a sub-item counts apart from the items above it.
          const key = `${tok.list}@${tok.nesting ?? 0}`;
          const number = tok.list?.startsWith('NUMBERED') ? (counters.get(key) ?? 0) + 1 : undefined;
          if (number !== undefined) counters.set(key, number);
          if (number !== undefined && (tok.nesting ?? 0) === 0)
            for (const k of counters.keys())
              if (k.startsWith(`${tok.list}@`) && k !== key) counters.delete(k);
          out.push({
            type: 'paragraph',
            style: tok.style,
            text,
            bold,
            list: tok.list,
            ...(number ? { number } : {}),
            ...(tok.nesting ? { nesting: tok.nesting } : {}),
          });
        }
        text = '';
        bold = [];
      } else if (tok.t === 'tableStart') {
        table = { rows: [], bold: [], fills: [] };
      } else if (tok.t === 'rowStart') {
        table!.rows.push([]);
        table!.fills.push([]);
      } else if (tok.t === 'cellStart') {
        table!.rows[table!.rows.length - 1]!.push('');
        table!.fills[table!.fills.length - 1]!.push(tok.fill ?? '');
      } else {
        const { fills, ...rest } = table!;
        out.push({ type: 'table', ...rest, ...(fills.flat().some((f) => f !== '') ? { fills } : {}) });
        table = null;
      }
    }
    return out;
  }

  /** The body as the API's `documents.get` returns it, with start and end indexes. */
  content(): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [{ endIndex: 1, sectionBreak: {} }];
    let start = 1;
    let depth = 0;
    let tableStart = 0;
    for (let i = 1; i < this.endIndex; i++) {
      const tok = this.at(i)!;
      if (tok.t === 'tableStart') {
        if (depth === 0) tableStart = i;
        depth++;
      } else if (tok.t === 'tableEnd') {
        depth--;
        if (depth === 0) {
          out.push({ startIndex: tableStart, endIndex: i + 1, table: {} });
          start = i + 1;
        }
      } else if (tok.t === 'sectionBreak' && depth === 0) {
        out.push({
          startIndex: i,
          endIndex: i + 1,
          sectionBreak: { sectionStyle: { flipPageOrientation: tok.flipped } },
        });
        start = i + 1;
      } else if (tok.t === 'nl' && depth === 0) {
        out.push({
          startIndex: start,
          endIndex: i + 1,
          paragraph: { paragraphStyle: { namedStyleType: tok.style } },
        });
        start = i + 1;
      }
    }
    return out;
  }
}

/** UpdateDocumentStyleRequest for the page: size and margins as Dimensions in points. */
function updateDocumentStyle(style: Record<string, number>, r: Record<string, unknown>): void {
  const fields = typeof r.fields === 'string' ? r.fields.split(',').map((f) => f.trim()) : [];
  if (fields.length === 0 || fields.some((f) => !PAGE_FIELDS.includes(f)))
    throw new RequestError(
      `fields must name page style properties (${PAGE_FIELDS.join(', ')}), got ${String(r.fields)}.`,
    );
  const ds = (r.documentStyle ?? {}) as Record<string, unknown>;
  const pt = (d: unknown, name: string): number => {
    const dim = d as { magnitude?: unknown; unit?: unknown } | undefined;
    if (typeof dim?.magnitude !== 'number' || dim.unit !== 'PT' || dim.magnitude < 0)
      throw new RequestError(`${name} must be a Dimension { magnitude, unit: "PT" }.`);
    return dim.magnitude;
  };
  for (const f of fields) {
    if (f === 'pageSize') {
      const size = ds.pageSize as { width?: unknown; height?: unknown } | undefined;
      style.width = pt(size?.width, 'pageSize.width');
      style.height = pt(size?.height, 'pageSize.height');
    } else style[f] = pt(ds[f], f);
  }
}

class FakeDocuments extends FakeBase {
  readonly docs = new Map<string, Doc>();
  private created = 0;
  /** Times (fake clock) of each user's accepted write requests. */
  private readonly writes = new Map<string, number[]>();
  /** Write requests refused with 429, for assertions. */
  refused = 0;
  /** The largest `batchUpdate` body sent (bytes of JSON, refused ones too), for assertions and the bench. */
  largestBody = 0;
  private footerIds = 0;

  constructor(env: FakeEnv) {
    super(env, 'Docs.Documents');
  }

  private get user(): string {
    return this.env.execution.effectiveUser.toLowerCase();
  }

  /** Counts a write request against the user's per-minute limit, or refuses it with 429. */
  private write(method: string): void {
    const now = this.env.clock.now();
    const recent = (this.writes.get(this.user) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= WRITES_PER_MINUTE) {
      this.refused++;
      throw this.fail(
        `API call to docs.documents.${method} failed with error: Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'docs.googleapis.com' (HTTP 429).`,
      );
    }
    recent.push(now);
    this.writes.set(this.user, recent);
  }

  private allowed(doc: Doc, need: 'reader' | 'writer', method: string): void {
    const level = doc.owner === this.user ? 'writer' : doc.access.get(this.user);
    if (level === 'writer' || (need === 'reader' && level === 'reader')) return;
    throw this.fail(
      `API call to docs.documents.${method} failed with error: The caller does not have permission`,
    );
  }

  /** Test helper: gives `email` read or write access to a document (as sharing in Drive would). */
  share(documentId: string, email: string, level: 'reader' | 'writer'): void {
    this.find(documentId).access.set(email.toLowerCase(), level);
  }

  create(resource: { title?: string }): { documentId: string; title: string } {
    this.track('create', true);
    this.write('create');
    // Ids are never reused, like Google's (a deleted document's id stays unknown).
    const id = `fake-doc-${++this.created}`;
    const title = String(resource?.title ?? 'Untitled document');
    // A new document in a Norwegian account: A4 with 72 pt margins.
    const style = {
      width: 595.3,
      height: 841.9,
      marginLeft: 72,
      marginRight: 72,
      marginTop: 72,
      marginBottom: 72,
    };
    this.docs.set(id, {
      id,
      title,
      tokens: [{ t: 'nl', style: 'NORMAL_TEXT', list: null }],
      style,
      footers: new Map(),
      owner: this.user,
      access: new Map(),
    });
    return { documentId: id, title };
  }

  get(documentId: string): {
    documentId: string;
    title: string;
    body: { content: Array<Record<string, unknown>> };
    documentStyle: { defaultFooterId?: string };
    footers: Record<string, { footerId: string; content: Array<Record<string, unknown>> }>;
  } {
    this.track('get', true);
    const doc = this.find(documentId);
    this.allowed(doc, 'reader', 'get');
    const footers = Object.fromEntries(
      [...doc.footers].map(([footerId, tokens]) => [
        footerId,
        // One paragraph per footer in this fake: [0, length).
        { footerId, content: [{ startIndex: 0, endIndex: tokens.length, paragraph: {} }] },
      ]),
    );
    return {
      documentId,
      title: doc.title,
      body: { content: new DocBody(doc.tokens).content() },
      documentStyle: doc.defaultFooterId ? { defaultFooterId: doc.defaultFooterId } : {},
      footers,
    };
  }

  batchUpdate(
    resource: { requests?: Array<Record<string, unknown>> },
    documentId: string,
  ): { documentId: string; replies: object[] } {
    this.track('batchUpdate', true);
    const bytes = Buffer.byteLength(JSON.stringify(resource ?? {}), 'utf8');
    this.largestBody = Math.max(this.largestBody, bytes);
    if (bytes > REQUEST_LIMIT_BYTES)
      throw this.fail(
        `API call to docs.documents.batchUpdate failed with error: Request payload size exceeds the limit: ${REQUEST_LIMIT_BYTES} bytes.`,
      );
    const doc = this.find(documentId);
    this.allowed(doc, 'writer', 'batchUpdate');
    this.write('batchUpdate');
    const requests = resource?.requests;
    if (!Array.isArray(requests) || requests.length === 0)
      throw this.fail(
        'API call to docs.documents.batchUpdate failed with error: Must specify at least one request.',
      );
    // Atomic: work on a copy, keep it only if every request applied.
    const body = new DocBody(
      doc.tokens.map((t) => (t.t === 'tableStart' ? { ...t, widths: [...t.widths] } : { ...t })),
    );
    const style = { ...doc.style };
    const footers = new Map([...doc.footers].map(([id, tokens]) => [id, tokens.map((t) => ({ ...t }))]));
    let defaultFooterId = doc.defaultFooterId;
    const replies: object[] = [];
    requests.forEach((request, i) => {
      const [kind, raw] = Object.entries(request)[0] ?? ['(empty)', {}];
      const r = (raw ?? {}) as Record<string, unknown>;
      replies.push({});
      try {
        const segment =
          (r.location as { segmentId?: string } | undefined)?.segmentId ??
          (r.range as { segmentId?: string } | undefined)?.segmentId;
        if (kind === 'updateDocumentStyle') updateDocumentStyle(style, r);
        else if (kind === 'createFooter') {
          if (r.type !== 'DEFAULT') throw new RequestError(`Unknown footer type ${String(r.type)}.`);
          if (defaultFooterId) throw new RequestError('A footer of the specified type already exists.');
          defaultFooterId = `kix.footer${++this.footerIds}`;
          footers.set(defaultFooterId, [{ t: 'nl', style: 'NORMAL_TEXT', list: null }]);
          replies[i] = { createFooter: { footerId: defaultFooterId } };
        } else if (segment) {
          const tokens = footers.get(segment);
          if (!tokens) throw new RequestError(`Segment ${segment} was not found.`);
          if (!SEGMENT_KINDS.has(kind))
            throw new RequestError(`${kind} in a footer is not modelled by the fake.`);
          this.apply(new DocBody(tokens), kind, shifted(r));
        } else this.apply(body, kind, r);
      } catch (e) {
        if (!(e instanceof RequestError)) throw e;
        throw this.fail(
          `API call to docs.documents.batchUpdate failed with error: Invalid requests[${i}].${kind}: ${e.message}`,
        );
      }
    });
    doc.tokens = body.tokens;
    doc.style = style;
    doc.footers = footers;
    doc.defaultFooterId = defaultFooterId;
    return { documentId, replies };
  }

  private apply(body: DocBody, kind: string, r: Record<string, unknown>): void {
    const index = (r.location as { index?: number } | undefined)?.index as number;
    switch (kind) {
      case 'insertText':
        if (typeof r.text !== 'string') throw new RequestError('text is required.');
        return body.insertText(index, r.text);
      case 'insertTable':
        return body.insertTable(index, Number(r.rows), Number(r.columns));
      case 'insertPageBreak':
        return body.insertPageBreak(index);
      case 'updateParagraphStyle':
        if (r.fields !== 'namedStyleType')
          throw new RequestError('fields must be namedStyleType in this fake.');
        return body.updateParagraphStyle(
          r.range,
          (r.paragraphStyle as { namedStyleType?: unknown })?.namedStyleType,
        );
      case 'updateTextStyle':
        return body.updateTextStyle(r.range, (r.textStyle as Record<string, unknown>) ?? {}, r.fields);
      case 'createParagraphBullets':
        return body.createParagraphBullets(r.range, r.bulletPreset);
      case 'deleteContentRange':
        return body.deleteContentRange(r.range);
      case 'updateTableColumnProperties':
        return body.updateTableColumnProperties(r);
      case 'updateTableCellStyle':
        return body.updateTableCellStyle(r);
      case 'insertSectionBreak':
        return body.insertSectionBreak(index, r.sectionType);
      case 'updateSectionStyle':
        return body.updateSectionStyle(r.range, (r.sectionStyle as Record<string, unknown>) ?? {}, r.fields);
      default:
        throw new RequestError(`Unknown request kind ${kind} (not modelled by the fake).`);
    }
  }

  private find(id: string): Doc {
    const doc = this.docs.get(String(id));
    if (!doc)
      throw this.fail(`API call to docs.documents.get failed with error: Requested entity was not found.`);
    return doc;
  }

  /** Test helper: the document as readable data. */
  snapshot(id: string): DocSnapshotItem[] {
    return new DocBody(this.find(id).tokens).snapshot();
  }

  /** Test helper: each section after the first, as whether its page orientation is flipped. */
  sections(id: string): boolean[] {
    return this.find(id).tokens.flatMap((t) => (t.t === 'sectionBreak' ? [t.flipped] : []));
  }

  /** Test helper: the tables' column widths and text sizes. */
  tables(id: string): Array<{ widths: Array<number | null>; sizes: number[] }> {
    return new DocBody(this.find(id).tokens).tables();
  }

  /** Test helper: the default footer's text, or null without one. */
  footerText(id: string): string | null {
    const doc = this.find(id);
    const tokens = doc.defaultFooterId ? doc.footers.get(doc.defaultFooterId) : undefined;
    return tokens ? tokens.map((t) => (t.t === 'char' ? t.ch : t.t === 'nl' ? '\n' : '')).join('') : null;
  }

  /** Test helper: the page size and margins in points. */
  pageStyle(id: string): Record<string, number> {
    return { ...this.find(id).style };
  }
}

/** Google's front ends refuse request bodies over 10 MiB. */
export const REQUEST_LIMIT_BYTES = 10 * 1024 * 1024;

/** The `Docs` global of an Apps Script project with the Docs advanced service enabled. */
export class FakeDocsService {
  readonly Documents: FakeDocuments;
  constructor(env: FakeEnv) {
    this.Documents = new FakeDocuments(env);
  }
}
