import { enumOf, type Fake, FakeBase, type FakeEnv, NOT_FOUND } from './services';

type Docs = typeof GoogleAppsScript.Document;
type ElementType = GoogleAppsScript.Document.ElementType;
type ParagraphHeading = GoogleAppsScript.Document.ParagraphHeading;
type GlyphType = GoogleAppsScript.Document.GlyphType;
type HorizontalAlignment = GoogleAppsScript.Document.HorizontalAlignment;

export const ElementType = enumOf<Docs['ElementType']>(
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
);
export const ParagraphHeading = enumOf<Docs['ParagraphHeading']>(
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
);
export const GlyphType = enumOf<Docs['GlyphType']>(
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
);
export const HorizontalAlignment = enumOf<Docs['HorizontalAlignment']>('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');

/** Quotas page: 250 documents created a day for consumer accounts (1 500 for Workspace). */
export const DOCS_CREATED_PER_DAY = 250;

// ---------------------------------------------------------------------------------------------------------
// Content model

/** Text with per-character formatting. */
interface Run {
  text: string;
  bold: boolean[];
  italic: boolean[];
}

interface ParagraphState {
  type: 'PARAGRAPH' | 'LIST_ITEM';
  run: Run;
  heading: ParagraphHeading;
  alignment: HorizontalAlignment | null;
  glyph: GlyphType;
  nesting: number;
  /** A page break or horizontal rule lives inside a paragraph: a Body holds only paragraphs, lists and tables. */
  contains: 'PAGE_BREAK' | 'HORIZONTAL_RULE' | null;
}

interface CellState {
  run: Run;
  background: string | null;
}

interface TableState {
  type: 'TABLE';
  rows: CellState[][];
  borderWidth: number;
}

type Block = ParagraphState | TableState;

interface DocState {
  id: string;
  name: string;
  blocks: Block[];
}

/** One opened handle: saveAndClose() closes it, and openById gives a fresh one. */
interface Handle {
  env: FakeEnv;
  doc: DocState;
  open: boolean;
}

/** Readable document content for tests: enum members as names, bold/italic as the formatted substrings. */
export type DocBlock =
  | {
      type: 'PARAGRAPH' | 'LIST_ITEM';
      text: string;
      heading: string;
      alignment?: string;
      glyph?: string;
      nesting?: number;
      contains?: 'PAGE_BREAK' | 'HORIZONTAL_RULE';
      bold?: string[];
      italic?: string[];
    }
  | { type: 'TABLE'; rows: string[][]; borderWidth: number };

const newRun = (text: string): Run => ({
  text,
  bold: Array<boolean>(text.length).fill(false),
  italic: Array<boolean>(text.length).fill(false),
});

const newParagraph = (type: ParagraphState['type'], text: string): ParagraphState => ({
  type,
  run: newRun(text),
  heading: ParagraphHeading.NORMAL,
  alignment: null,
  glyph: GlyphType.BULLET,
  nesting: 0,
  contains: null,
});

/** The maximal substrings whose flag is set. */
function spans(text: string, flags: boolean[]): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && flags[i]) current += text.charAt(i);
    else if (current !== '') {
      out.push(current);
      current = '';
    }
  }
  return out;
}

function blockSnapshot(b: Block): DocBlock {
  if (b.type === 'TABLE') {
    return { type: 'TABLE', rows: b.rows.map((r) => r.map((c) => c.run.text)), borderWidth: b.borderWidth };
  }
  const bold = spans(b.run.text, b.run.bold);
  const italic = spans(b.run.text, b.run.italic);
  return {
    type: b.type,
    text: b.run.text,
    heading: String(b.heading),
    ...(b.alignment && { alignment: String(b.alignment) }),
    ...(b.type === 'LIST_ITEM' && { glyph: String(b.glyph), nesting: b.nesting }),
    ...(b.contains && { contains: b.contains }),
    ...(bold.length > 0 && { bold }),
    ...(italic.length > 0 && { italic }),
  };
}

/** Approximation of Google's getText(): paragraphs one per line, table cells one per line. */
const blockText = (b: Block): string =>
  b.type === 'TABLE' ? b.rows.map((r) => r.map((c) => c.run.text).join('\n')).join('\n') : b.run.text;

// ---------------------------------------------------------------------------------------------------------
// DocumentApp and Document

export class FakeDocumentApp
  extends FakeBase
  implements
    Fake<
      GoogleAppsScript.Document.DocumentApp,
      'create' | 'openById' | 'ElementType' | 'ParagraphHeading' | 'GlyphType' | 'HorizontalAlignment'
    >
{
  readonly ElementType = ElementType;
  readonly ParagraphHeading = ParagraphHeading;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  private readonly docs = new Map<string, DocState>();

  constructor(
    env: FakeEnv,
    private readonly dailyCreateQuota = DOCS_CREATED_PER_DAY,
  ) {
    super(env, 'DocumentApp');
  }

  /** A new document's body holds one empty paragraph, as in Google Docs. */
  create(name: string): FakeDocument {
    this.track('create', true);
    if (this.docs.size >= this.dailyCreateQuota) {
      throw this.fail('Service invoked too many times for one day: docs create.');
    }
    const doc: DocState = {
      id: `fake-doc-${this.docs.size + 1}`,
      name: String(name),
      blocks: [newParagraph('PARAGRAPH', '')],
    };
    this.docs.set(doc.id, doc);
    return new FakeDocument({ env: this.env, doc, open: true });
  }

  openById(id: string): FakeDocument {
    this.track('openById', true);
    const doc = this.docs.get(id);
    if (!doc) throw this.fail(NOT_FOUND);
    return new FakeDocument({ env: this.env, doc, open: true });
  }

  /** Test helper: every document created, in order, as plain data (uncounted). */
  documents(): { id: string; name: string; body: DocBlock[] }[] {
    return [...this.docs.values()].map((d) => ({
      id: d.id,
      name: d.name,
      body: d.blocks.map(blockSnapshot),
    }));
  }
}

/** Base of every document fake: counts calls, and refuses changes through a closed handle. */
abstract class DocObject extends FakeBase {
  protected constructor(
    protected readonly handle: Handle,
    className: string,
  ) {
    super(handle.env, className);
  }

  /** Google: "Document is closed, its contents cannot be updated." after saveAndClose(). */
  protected change(method: string): void {
    this.track(method);
    if (!this.handle.open) throw this.fail('Document is closed, its contents cannot be updated.');
  }
}

export class FakeDocument
  extends DocObject
  implements
    Fake<
      GoogleAppsScript.Document.Document,
      'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'saveAndClose'
    >
{
  constructor(handle: Handle) {
    super(handle, 'Document');
  }

  /** Test helper: the body as plain data (uncounted). */
  snapshot(): DocBlock[] {
    return this.handle.doc.blocks.map(blockSnapshot);
  }

  getId(): string {
    this.track('getId');
    return this.handle.doc.id;
  }

  getName(): string {
    this.track('getName');
    return this.handle.doc.name;
  }

  setName(name: string): this {
    this.change('setName');
    this.handle.doc.name = String(name);
    return this;
  }

  getUrl(): string {
    this.track('getUrl');
    return `https://docs.google.com/document/d/${this.handle.doc.id}/edit`;
  }

  getBody(): FakeBody {
    this.track('getBody');
    return new FakeBody(this.handle);
  }

  saveAndClose(): void {
    this.change('saveAndClose');
    this.handle.open = false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Body

type BodyMethods =
  | 'appendParagraph'
  | 'appendListItem'
  | 'appendTable'
  | 'appendPageBreak'
  | 'appendHorizontalRule'
  | 'clear'
  | 'getText'
  | 'getNumChildren'
  | 'getChild'
  | 'getType';

export class FakeBody extends DocObject implements Fake<GoogleAppsScript.Document.Body, BodyMethods> {
  constructor(handle: Handle) {
    super(handle, 'Body');
  }

  private get blocks(): Block[] {
    return this.handle.doc.blocks;
  }

  /** The fake supports the text forms only (not appending a copied element). */
  appendParagraph(text: string | object): FakeParagraph {
    this.change('appendParagraph');
    return new FakeParagraph(
      this.handle,
      this.append(newParagraph('PARAGRAPH', this.text(text, 'appendParagraph'))),
    );
  }

  appendListItem(text: string | object): FakeListItem {
    this.change('appendListItem');
    return new FakeListItem(
      this.handle,
      this.append(newParagraph('LIST_ITEM', this.text(text, 'appendListItem'))),
    );
  }

  /**
   * Rows of strings, all of one length (the fake rejects ragged rows and non-strings rather than guess).
   * A section cannot end with a table, so Google adds an empty paragraph after it.
   */
  appendTable(cells?: string[][] | object): FakeTable {
    this.change('appendTable');
    if (!Array.isArray(cells)) throw this.fail('The fake supports appendTable(cells) only');
    const rows: unknown[][] = cells;
    const width = rows[0]?.length ?? 0;
    const ok = width > 0 && rows.every((r) => r.length === width && r.every((c) => typeof c === 'string'));
    if (!ok) throw this.fail('Invalid argument: cells (a non-empty rectangle of strings is required)');
    const table = this.append({
      type: 'TABLE',
      rows: rows.map((r) => r.map((text) => ({ run: newRun(String(text)), background: null }))),
      borderWidth: 1,
    });
    this.blocks.push(newParagraph('PARAGRAPH', ''));
    return new FakeTable(this.handle, table);
  }

  /** Google puts the page break in a new paragraph (a Body holds no bare page breaks). */
  appendPageBreak(): FakeLeaf {
    this.change('appendPageBreak');
    this.append({ ...newParagraph('PARAGRAPH', ''), contains: 'PAGE_BREAK' });
    return new FakeLeaf(this.handle, 'PageBreak', ElementType.PAGE_BREAK);
  }

  /** Google: "The HorizontalRule will be contained in a new Paragraph." */
  appendHorizontalRule(): FakeLeaf {
    this.change('appendHorizontalRule');
    this.append({ ...newParagraph('PARAGRAPH', ''), contains: 'HORIZONTAL_RULE' });
    return new FakeLeaf(this.handle, 'HorizontalRule', ElementType.HORIZONTAL_RULE);
  }

  /** A cleared body keeps one empty paragraph. */
  clear(): this {
    this.change('clear');
    this.blocks.splice(0, this.blocks.length, newParagraph('PARAGRAPH', ''));
    return this;
  }

  getText(): string {
    this.track('getText');
    return this.blocks.map(blockText).join('\n');
  }

  getNumChildren(): number {
    this.track('getNumChildren');
    return this.blocks.length;
  }

  getChild(childIndex: number): FakeElement {
    this.track('getChild');
    const block = this.blocks[childIndex];
    if (!Number.isInteger(childIndex) || !block) {
      throw this.fail(
        `Child index (${childIndex}) must be less than the number of child elements (${this.blocks.length}).`,
      );
    }
    return new FakeElement(this.handle, block);
  }

  getType(): ElementType {
    this.track('getType');
    return ElementType.BODY_SECTION;
  }

  private text(text: string | object, method: string): string {
    if (typeof text === 'object') throw this.fail(`The fake supports ${method}(text) only`);
    return String(text);
  }

  private append<B extends Block>(block: B): B {
    this.blocks.push(block);
    return block;
  }
}

/** Removing from the body; Google refuses to remove the section's last paragraph. */
function removeBlock(handle: Handle, block: Block, fail: (m: string) => Error): void {
  const { blocks } = handle.doc;
  const index = blocks.indexOf(block);
  if (index < 0) throw fail('Element is not in the document');
  if (index === blocks.length - 1) throw fail("Can't remove the last paragraph in a document section.");
  blocks.splice(index, 1);
}

// ---------------------------------------------------------------------------------------------------------
// Elements

const ELEMENT_TYPE: Record<Block['type'], ElementType> = {
  PARAGRAPH: ElementType.PARAGRAPH,
  LIST_ITEM: ElementType.LIST_ITEM,
  TABLE: ElementType.TABLE,
};

/** The generic `Element` of getChild(): its type, casts (which throw for another type) and removal. */
export class FakeElement
  extends DocObject
  implements
    Fake<
      GoogleAppsScript.Document.Element,
      'getType' | 'asParagraph' | 'asListItem' | 'asTable' | 'removeFromParent'
    >
{
  constructor(
    handle: Handle,
    private readonly block: Block,
  ) {
    super(handle, 'Element');
  }

  getType(): ElementType {
    this.track('getType');
    return ELEMENT_TYPE[this.block.type];
  }

  asParagraph(): FakeParagraph {
    return new FakeParagraph(this.handle, this.cast('asParagraph', 'PARAGRAPH') as ParagraphState);
  }

  asListItem(): FakeListItem {
    return new FakeListItem(this.handle, this.cast('asListItem', 'LIST_ITEM') as ParagraphState);
  }

  asTable(): FakeTable {
    return new FakeTable(this.handle, this.cast('asTable', 'TABLE') as TableState);
  }

  removeFromParent(): this {
    this.change('removeFromParent');
    removeBlock(this.handle, this.block, (m) => this.fail(m));
    return this;
  }

  private cast(method: string, type: Block['type']): Block {
    this.track(method);
    if (this.block.type !== type) throw this.fail(`Cannot cast ${this.block.type} to ${type}.`);
    return this.block;
  }
}

type ParagraphMethods =
  | 'getText'
  | 'setText'
  | 'getHeading'
  | 'setHeading'
  | 'getAlignment'
  | 'setAlignment'
  | 'editAsText'
  | 'getType'
  | 'removeFromParent';

abstract class ParagraphLike extends DocObject {
  protected constructor(
    handle: Handle,
    className: string,
    protected readonly state: ParagraphState,
  ) {
    super(handle, className);
  }

  getText(): string {
    this.track('getText');
    return this.state.run.text;
  }

  /** Replaces the text; formatting starts over. */
  setText(text: string): void {
    this.change('setText');
    this.state.run = newRun(String(text));
  }

  getHeading(): ParagraphHeading {
    this.track('getHeading');
    return this.state.heading;
  }

  setHeading(heading: ParagraphHeading): this {
    this.change('setHeading');
    this.state.heading = heading;
    return this;
  }

  getAlignment(): HorizontalAlignment {
    this.track('getAlignment');
    return this.state.alignment ?? HorizontalAlignment.LEFT;
  }

  setAlignment(alignment: HorizontalAlignment): this {
    this.change('setAlignment');
    this.state.alignment = alignment;
    return this;
  }

  editAsText(): FakeText {
    this.track('editAsText');
    return new FakeText(this.handle, () => this.state.run);
  }

  getType(): ElementType {
    this.track('getType');
    return ELEMENT_TYPE[this.state.type];
  }

  removeFromParent(): this {
    this.change('removeFromParent');
    removeBlock(this.handle, this.state, (m) => this.fail(m));
    return this;
  }
}

export class FakeParagraph
  extends ParagraphLike
  implements Fake<GoogleAppsScript.Document.Paragraph, ParagraphMethods>
{
  constructor(handle: Handle, state: ParagraphState) {
    super(handle, 'Paragraph', state);
  }
}

export class FakeListItem
  extends ParagraphLike
  implements
    Fake<
      GoogleAppsScript.Document.ListItem,
      ParagraphMethods | 'getGlyphType' | 'setGlyphType' | 'getNestingLevel' | 'setNestingLevel'
    >
{
  constructor(handle: Handle, state: ParagraphState) {
    super(handle, 'ListItem', state);
  }

  getGlyphType(): GlyphType {
    this.track('getGlyphType');
    return this.state.glyph;
  }

  setGlyphType(glyphType: GlyphType): this {
    this.change('setGlyphType');
    this.state.glyph = glyphType;
    return this;
  }

  getNestingLevel(): number {
    this.track('getNestingLevel');
    return this.state.nesting;
  }

  /** Google Docs lists nest 0 to 8 levels deep. */
  setNestingLevel(nestingLevel: number): this {
    this.change('setNestingLevel');
    if (!Number.isInteger(nestingLevel) || nestingLevel < 0 || nestingLevel > 8) {
      throw this.fail(`Invalid argument: nestingLevel (${nestingLevel})`);
    }
    this.state.nesting = nestingLevel;
    return this;
  }
}

/** Text of a paragraph, list item or cell; offsets are inclusive and must fall inside the text. */
export class FakeText
  extends DocObject
  implements Fake<GoogleAppsScript.Document.Text, 'getText' | 'setBold' | 'setItalic' | 'getType'>
{
  constructor(
    handle: Handle,
    private readonly run: () => Run,
  ) {
    super(handle, 'Text');
  }

  getText(): string {
    this.track('getText');
    return this.run().text;
  }

  setBold(startOrBold: number | boolean, endOffsetInclusive?: number, bold?: boolean): this {
    this.change('setBold');
    return this.format('bold', startOrBold, endOffsetInclusive, bold);
  }

  setItalic(startOrItalic: number | boolean, endOffsetInclusive?: number, italic?: boolean): this {
    this.change('setItalic');
    return this.format('italic', startOrItalic, endOffsetInclusive, italic);
  }

  getType(): ElementType {
    this.track('getType');
    return ElementType.TEXT;
  }

  private format(key: 'bold' | 'italic', first: number | boolean, end?: number, value?: boolean): this {
    const run = this.run();
    if (typeof first === 'boolean') {
      run[key].fill(first);
      return this;
    }
    if (
      !Number.isInteger(first) ||
      !Number.isInteger(end) ||
      first < 0 ||
      end === undefined ||
      end < first ||
      end >= run.text.length
    ) {
      throw this.fail(`Invalid offsets ${first}..${end} for text of length ${run.text.length}`);
    }
    run[key].fill(Boolean(value), first, end + 1);
    return this;
  }
}

export class FakeTable
  extends DocObject
  implements
    Fake<
      GoogleAppsScript.Document.Table,
      | 'getNumRows'
      | 'getRow'
      | 'getCell'
      | 'getBorderWidth'
      | 'setBorderWidth'
      | 'getText'
      | 'getType'
      | 'removeFromParent'
    >
{
  constructor(
    handle: Handle,
    private readonly state: TableState,
  ) {
    super(handle, 'Table');
  }

  getNumRows(): number {
    this.track('getNumRows');
    return this.state.rows.length;
  }

  getRow(rowIndex: number): FakeTableRow {
    this.track('getRow');
    return new FakeTableRow(this.handle, this.pick(this.state.rows, rowIndex));
  }

  getCell(rowIndex: number, cellIndex: number): FakeTableCell {
    this.track('getCell');
    return new FakeTableCell(this.handle, this.pick(this.pick(this.state.rows, rowIndex), cellIndex));
  }

  getBorderWidth(): number {
    this.track('getBorderWidth');
    return this.state.borderWidth;
  }

  setBorderWidth(width: number): this {
    this.change('setBorderWidth');
    this.state.borderWidth = width;
    return this;
  }

  getText(): string {
    this.track('getText');
    return blockText(this.state);
  }

  getType(): ElementType {
    this.track('getType');
    return ElementType.TABLE;
  }

  removeFromParent(): this {
    this.change('removeFromParent');
    removeBlock(this.handle, this.state, (m) => this.fail(m));
    return this;
  }

  private pick<T>(list: T[], index: number): T {
    const found = list[index];
    if (!Number.isInteger(index) || found === undefined) {
      throw this.fail(
        `Child index (${index}) must be less than the number of child elements (${list.length}).`,
      );
    }
    return found;
  }
}

export class FakeTableRow
  extends DocObject
  implements Fake<GoogleAppsScript.Document.TableRow, 'getCell' | 'getNumCells' | 'getText' | 'getType'>
{
  constructor(
    handle: Handle,
    private readonly cells: CellState[],
  ) {
    super(handle, 'TableRow');
  }

  getCell(cellIndex: number): FakeTableCell {
    this.track('getCell');
    const cell = this.cells[cellIndex];
    if (!Number.isInteger(cellIndex) || !cell) {
      throw this.fail(
        `Child index (${cellIndex}) must be less than the number of child elements (${this.cells.length}).`,
      );
    }
    return new FakeTableCell(this.handle, cell);
  }

  getNumCells(): number {
    this.track('getNumCells');
    return this.cells.length;
  }

  getText(): string {
    this.track('getText');
    return this.cells.map((c) => c.run.text).join('\n');
  }

  getType(): ElementType {
    this.track('getType');
    return ElementType.TABLE_ROW;
  }
}

export class FakeTableCell
  extends DocObject
  implements
    Fake<
      GoogleAppsScript.Document.TableCell,
      'getText' | 'setText' | 'editAsText' | 'setBackgroundColor' | 'getType'
    >
{
  constructor(
    handle: Handle,
    private readonly cell: CellState,
  ) {
    super(handle, 'TableCell');
  }

  getText(): string {
    this.track('getText');
    return this.cell.run.text;
  }

  setText(text: string): this {
    this.change('setText');
    this.cell.run = newRun(String(text));
    return this;
  }

  editAsText(): FakeText {
    this.track('editAsText');
    return new FakeText(this.handle, () => this.cell.run);
  }

  /** Not in the Fake pick: the typings say string, but Google answers null when no colour was set. */
  getBackgroundColor(): string | null {
    this.track('getBackgroundColor');
    return this.cell.background;
  }

  setBackgroundColor(color: string): this {
    this.change('setBackgroundColor');
    this.cell.background = color;
    return this;
  }

  getType(): ElementType {
    this.track('getType');
    return ElementType.TABLE_CELL;
  }
}

/** PageBreak and HorizontalRule: leaf elements with nothing to edit. */
export class FakeLeaf extends DocObject implements Fake<GoogleAppsScript.Document.PageBreak, 'getType'> {
  constructor(
    handle: Handle,
    className: string,
    private readonly type: ElementType,
  ) {
    super(handle, className);
  }

  getType(): ElementType {
    this.track('getType');
    return this.type;
  }
}
