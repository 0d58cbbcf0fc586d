import { asGas, gasEnum, type Tracker } from './spreadsheet-base';
import {
  clearer,
  coerce,
  columnLetters,
  DEFAULT_BACKGROUND,
  DEFAULT_NUMBER_FORMAT,
  displayValue,
  FakeDataValidation,
  readValue,
  type Cell,
  type ClearOptions,
} from './spreadsheet-cells';
import type { FakeSheet } from './spreadsheet';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type Alignment = 'left' | 'center' | 'normal' | 'right' | null;

export const ProtectionType = gasEnum<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(['RANGE', 'SHEET']);

// ---- Cell helpers shared by Range and RangeList (not counted as calls) ------------------------------------

const paint = {
  background: (color: string | null) => (c: Cell) => {
    c.background = color?.toLowerCase() ?? DEFAULT_BACKGROUND;
  },
  note: (note: string | null) => (c: Cell) => {
    c.note = note ?? '';
  },
  fontWeight: (weight: FontWeight | null) => (c: Cell) => {
    c.fontWeight = weight ?? 'normal';
  },
  clearFormat: clearer({ formatOnly: true }),
};

const lastRowOf = (r: FakeRange): number => r.row + r.numRows - 1;
const lastColumnOf = (r: FakeRange): number => r.column + r.numColumns - 1;

/** Google refuses to read past the sheet; writes grow it instead (see Grid.grow). */
function checkInside(range: FakeRange): void {
  const { grid } = range.sheet;
  if (lastRowOf(range) > grid.maxRows || lastColumnOf(range) > grid.maxColumns) {
    throw range.sheet.ss.tracker.error(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  }
}

function read<T>(range: FakeRange, f: (c: Cell | undefined) => T): T[][] {
  checkInside(range);
  const { grid } = range.sheet;
  return Array.from({ length: range.numRows }, (_, i) =>
    Array.from({ length: range.numColumns }, (_, j) => f(grid.peek(range.row + i, range.column + j))),
  );
}

function readCorner<T>(range: FakeRange, f: (c: Cell | undefined) => T): T {
  checkInside(range);
  return f(range.sheet.grid.peek(range.row, range.column));
}

/** Applies `f` to every cell of the range with the matching item of `data` (same shape as the range). */
function write<T>(range: FakeRange, data: T[][], f: (c: Cell, item: T) => void): void {
  const { grid } = range.sheet;
  range.sheet.guard(range.row, range.column, lastRowOf(range), lastColumnOf(range));
  grid.grow(lastRowOf(range), lastColumnOf(range));
  data.forEach((row, i) => row.forEach((item, j) => f(grid.cell(range.row + i, range.column + j), item)));
}

const same = <T>(range: FakeRange, item: T): T[][] =>
  Array.from({ length: range.numRows }, () => Array.from({ length: range.numColumns }, () => item));

export function fill(range: FakeRange, f: (c: Cell) => void): void {
  write(range, same(range, null), (c) => f(c));
}

/** Every 2-D setter checks the data's shape against the range with Google's messages. */
function checkShape(range: FakeRange, method: string, data: unknown): asserts data is unknown[][] {
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
    throw range.sheet.ss.tracker.badArgs(`SpreadsheetApp.Range.${method}`, [data]);
  }
  if (data.length !== range.numRows) {
    throw range.sheet.ss.tracker.error(
      'The number of rows in the data does not match the number of rows in the range. ' +
        `The data has ${data.length} but the range has ${range.numRows}.`,
    );
  }
  const ragged = (data as unknown[][]).find((row) => row.length !== range.numColumns);
  if (ragged) {
    throw range.sheet.ss.tracker.error(
      'The number of columns in the data does not match the number of columns in the range. ' +
        `The data has ${ragged.length} but the range has ${range.numColumns}.`,
    );
  }
}

/** Google's limit per cell; a longer value refuses the whole write. */
export const CELL_CHARACTERS = 50_000;

/** setValue(s)/setFormula(s)/appendRow: convert like Sheets (see coerce), check validation rules, then store. */
export function writeValues(range: FakeRange, data: unknown[][], formula = false): void {
  const { grid, ss } = range.sheet;
  const staged = data.map((row, i) =>
    row.map((input, j) => {
      if (typeof input === 'string' && input.length > CELL_CHARACTERS)
        throw ss.tracker.error(
          `Your input contains more than the maximum of ${CELL_CHARACTERS} characters in a single cell.`,
        );
      const cell = grid.peek(range.row + i, range.column + j);
      const format = cell?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
      const next = coerce(input, format, ss.timeZone, formula, ss.locale, ss.now());
      const rule = cell?.validation;
      if (rule && !rule.allowInvalid && !next.formula && !rule.accepts(next.value)) {
        const a1 = `${columnLetters(range.column + j)}${range.row + i}`;
        throw ss.tracker.error(
          `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
        );
      }
      return next;
    }),
  );
  write(range, staged, (c, next) => Object.assign(c, next));
}

/** Ranges must be at least one cell and start at row/column 1 (Google's messages). */
export function makeRange(
  sheet: FakeSheet,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
): FakeRange {
  const { tracker } = sheet.ss;
  for (const n of [row, column, numRows, numColumns]) {
    if (!Number.isInteger(n)) throw tracker.error(`Cannot convert '${String(n)}' to int.`); // wording approximate
  }
  if (row < 1) throw tracker.error('The starting row of the range is too small.');
  if (column < 1) throw tracker.error('The starting column of the range is too small.');
  if (numRows < 1) throw tracker.error('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw tracker.error('The number of columns in the range must be at least 1.');
  return new FakeRange(sheet, row, column, numRows, numColumns);
}

type RangeApi = Pick<
  GRange,
  | 'activate'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFormula'
  | 'getFormulas'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
>;

/**
 * A fixed block of cells (like Google's, it does not move when rows are inserted). Single-value setters
 * (setValue, setNote, setBackground, ...) apply to every cell; single-value getters read the top-left cell.
 */
export class FakeRange implements RangeApi {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private get tracker(): Tracker {
    return this.sheet.ss.tracker;
  }

  private hit(method: string): void {
    this.tracker.hit('Range', method);
  }

  private self(): GRange {
    return asGas(this);
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.hit('getSheet');
    return asGas(this.sheet);
  }

  getRow(): number {
    this.hit('getRow');
    return this.row;
  }

  getColumn(): number {
    this.hit('getColumn');
    return this.column;
  }

  getNumRows(): number {
    this.hit('getNumRows');
    return this.numRows;
  }

  getNumColumns(): number {
    this.hit('getNumColumns');
    return this.numColumns;
  }

  /** The range's own last row/column (not the sheet's content). */
  getLastRow(): number {
    this.hit('getLastRow');
    return lastRowOf(this);
  }

  getLastColumn(): number {
    this.hit('getLastColumn');
    return lastColumnOf(this);
  }

  /** 'A1' for one cell, else 'A1:C3' (whole-column ranges are reported with their bounds, 'A1:A1000'). */
  getA1Notation(): string {
    this.hit('getA1Notation');
    const start = `${columnLetters(this.column)}${this.row}`;
    const single = this.numRows === 1 && this.numColumns === 1;
    return single ? start : `${start}:${columnLetters(lastColumnOf(this))}${lastRowOf(this)}`;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    this.hit('offset');
    const [r, c] = [this.row + rowOffset, this.column + columnOffset];
    return asGas(makeRange(this.sheet, r, c, numRows ?? this.numRows, numColumns ?? this.numColumns));
  }

  activate(): GRange {
    this.hit('activate');
    this.sheet.ss.select(this);
    return this.self();
  }

  /** Each call adds a protection, even if one already covers the range (Google's protections overlap). */
  protect(): GProtection {
    this.hit('protect');
    const protection = new FakeProtection(this.sheet, ProtectionType.RANGE, this);
    this.sheet.protections.push(protection);
    return asGas(protection);
  }

  // ---- values and formulas ----

  /** A fresh deep copy: changing the result never changes the sheet. Empty cells are ''. */
  getValues(): unknown[][] {
    this.hit('getValues');
    return this.valuesUncounted();
  }

  /** The values as getValues gives them, for a sheet method that reads them in its own one call. */
  valuesUncounted(): unknown[][] {
    return read(this, (c) => readValue(c, (d) => this.tracker.date(d)));
  }

  getValue(): unknown {
    this.hit('getValue');
    return readCorner(this, (c) => readValue(c, (d) => this.tracker.date(d)));
  }

  getDisplayValues(): string[][] {
    this.hit('getDisplayValues');
    const { locale, timeZone } = this.sheet.ss;
    return read(this, (c) => displayValue(c, locale, timeZone));
  }

  getDisplayValue(): string {
    this.hit('getDisplayValue');
    const { locale, timeZone } = this.sheet.ss;
    return readCorner(this, (c) => displayValue(c, locale, timeZone));
  }

  setValues(values: unknown[][]): GRange {
    this.hit('setValues');
    checkShape(this, 'setValues', values);
    writeValues(this, values);
    return this.self();
  }

  setValue(value: unknown): GRange {
    this.hit('setValue');
    writeValues(this, same(this, value));
    return this.self();
  }

  getFormulas(): string[][] {
    this.hit('getFormulas');
    return read(this, (c) => c?.formula ?? '');
  }

  getFormula(): string {
    this.hit('getFormula');
    return readCorner(this, (c) => c?.formula ?? '');
  }

  setFormulas(formulas: string[][]): GRange {
    this.hit('setFormulas');
    checkShape(this, 'setFormulas', formulas);
    writeValues(this, formulas, true);
    return this.self();
  }

  /** Sets the same formula text in every cell (Sheets would shift relative references; the fake does not). */
  setFormula(formula: string): GRange {
    this.hit('setFormula');
    writeValues(this, same(this, formula), true);
    return this.self();
  }

  // ---- formats and annotations ----

  getBackgrounds(): string[][] {
    this.hit('getBackgrounds');
    return read(this, (c) => c?.background ?? DEFAULT_BACKGROUND);
  }

  getBackground(): string {
    this.hit('getBackground');
    return readCorner(this, (c) => c?.background ?? DEFAULT_BACKGROUND);
  }

  /** Colours are stored lower-cased; null resets to white. Named colours are not converted to hex. */
  setBackground(color: string | null): GRange {
    this.hit('setBackground');
    fill(this, paint.background(color));
    return this.self();
  }

  setBackgrounds(colors: (string | null)[][]): GRange {
    this.hit('setBackgrounds');
    checkShape(this, 'setBackgrounds', colors);
    write(this, colors, (c, color) => paint.background(color)(c));
    return this.self();
  }

  getNotes(): string[][] {
    this.hit('getNotes');
    return read(this, (c) => c?.note ?? '');
  }

  getNote(): string {
    this.hit('getNote');
    return readCorner(this, (c) => c?.note ?? '');
  }

  setNote(note: string | null): GRange {
    this.hit('setNote');
    fill(this, paint.note(note));
    return this.self();
  }

  setNotes(notes: (string | null)[][]): GRange {
    this.hit('setNotes');
    checkShape(this, 'setNotes', notes);
    write(this, notes, (c, note) => paint.note(note)(c));
    return this.self();
  }

  clearNote(): GRange {
    this.hit('clearNote');
    fill(this, paint.note(null));
    return this.self();
  }

  getNumberFormats(): string[][] {
    this.hit('getNumberFormats');
    return read(this, (c) => c?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }

  getNumberFormat(): string {
    this.hit('getNumberFormat');
    return readCorner(this, (c) => c?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }

  /** '@' (plain text) makes later setValue(s) store strings as they are. */
  setNumberFormat(numberFormat: string): GRange {
    this.hit('setNumberFormat');
    fill(this, (c) => void (c.numberFormat = numberFormat));
    return this.self();
  }

  setNumberFormats(numberFormats: string[][]): GRange {
    this.hit('setNumberFormats');
    checkShape(this, 'setNumberFormats', numberFormats);
    write(this, numberFormats, (c, numberFormat) => void (c.numberFormat = numberFormat));
    return this.self();
  }

  setFontWeight(fontWeight: FontWeight | null): GRange {
    this.hit('setFontWeight');
    fill(this, paint.fontWeight(fontWeight));
    return this.self();
  }

  setFontWeights(fontWeights: (FontWeight | null)[][]): GRange {
    this.hit('setFontWeights');
    checkShape(this, 'setFontWeights', fontWeights);
    write(this, fontWeights, (c, weight) => paint.fontWeight(weight)(c));
    return this.self();
  }

  setHorizontalAlignment(alignment: Alignment): GRange {
    this.hit('setHorizontalAlignment');
    fill(this, (c) => void (c.horizontalAlignment = alignment));
    return this.self();
  }

  setWrap(isWrapEnabled: boolean): GRange {
    this.hit('setWrap');
    fill(this, (c) => void (c.wrap = isWrapEnabled));
    return this.self();
  }

  getDataValidations(): (GDataValidation | null)[][] {
    this.hit('getDataValidations');
    return read(this, (c) => asGas<GDataValidation | null>(c?.validation ?? null));
  }

  getDataValidation(): GDataValidation | null {
    this.hit('getDataValidation');
    return readCorner(this, (c) => asGas<GDataValidation | null>(c?.validation ?? null));
  }

  setDataValidation(rule: GDataValidation | null): GRange {
    this.hit('setDataValidation');
    const validation =
      rule && this.tracker.own(rule, FakeDataValidation, 'SpreadsheetApp.Range.setDataValidation');
    fill(this, (c) => void (c.validation = validation));
    return this.self();
  }

  setDataValidations(rules: (GDataValidation | null)[][]): GRange {
    this.hit('setDataValidations');
    checkShape(this, 'setDataValidations', rules);
    const own2d = rules.map((row) =>
      row.map(
        (rule) =>
          rule && this.tracker.own(rule, FakeDataValidation, 'SpreadsheetApp.Range.setDataValidations'),
      ),
    );
    write(this, own2d, (c, validation) => void (c.validation = validation));
    return this.self();
  }

  // ---- clearing ----

  /** Without options: contents, formats, notes and data validation (options narrow it, see clearer). */
  clear(options?: ClearOptions & { skipFilteredRows?: boolean }): GRange {
    this.hit('clear');
    fill(this, clearer(options));
    return this.self();
  }

  /** Values and formulas only; formats, notes and validation stay. */
  clearContent(): GRange {
    this.hit('clearContent');
    fill(this, clearer({ contentsOnly: true }));
    return this.self();
  }

  /** Resets background, number format, font weight, alignment and wrap (FORMAT_FIELDS). */
  clearFormat(): GRange {
    this.hit('clearFormat');
    fill(this, paint.clearFormat);
    return this.self();
  }
}

type RangeListApi = Pick<
  GRangeList,
  | 'activate'
  | 'clear'
  | 'clearFormat'
  | 'clearNote'
  | 'getRanges'
  | 'setBackground'
  | 'setFontWeight'
  | 'setNote'
>;

/** Each method is ONE counted call (`RangeList.setBackground`) however many ranges it touches. */
export class FakeRangeList implements RangeListApi {
  constructor(
    private readonly tracker: Tracker,
    private readonly ranges: FakeRange[],
  ) {}

  private hit(method: string): void {
    this.tracker.hit('RangeList', method);
  }

  private apply(method: string, f: (c: Cell) => void): GRangeList {
    this.hit(method);
    this.ranges.forEach((r) => fill(r, f));
    return asGas(this);
  }

  getRanges(): GRange[] {
    this.hit('getRanges');
    return asGas([...this.ranges]);
  }

  setBackground(color: string | null): GRangeList {
    return this.apply('setBackground', paint.background(color));
  }

  setNote(note: string | null): GRangeList {
    return this.apply('setNote', paint.note(note));
  }

  setFontWeight(fontWeight: FontWeight | null): GRangeList {
    return this.apply('setFontWeight', paint.fontWeight(fontWeight));
  }

  clear(options?: ClearOptions & { skipFilteredRows?: boolean }): GRangeList {
    return this.apply('clear', clearer(options));
  }

  clearFormat(): GRangeList {
    return this.apply('clearFormat', paint.clearFormat);
  }

  clearNote(): GRangeList {
    return this.apply('clearNote', paint.note(null));
  }

  /** The last range of the list becomes the active range. */
  activate(): GRangeList {
    this.hit('activate');
    const last = this.ranges[this.ranges.length - 1];
    if (last) last.sheet.ss.select(last);
    return asGas(this);
  }
}

type ProtectionApi = Pick<
  GProtection,
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setWarningOnly'
>;

/** The message Sheets gives a script (and a person) writing into a protected cell. */
export const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/**
 * Until its editors are changed (addEditor(s), removeEditor(s), setDomainEdit), a new protection mirrors
 * the spreadsheet's own permissions, so it protects nothing (Google's Sheet.protect reference). The first
 * change makes the list explicit: the spreadsheet's editors, then the change. The owner and the current
 * user can never be removed. Warning-only protections refuse nobody (people only get a warning). Only a
 * user the protection lets edit may change it (description, editors, warning, removal): others get
 * Google's refusal, which is why scripts ask `canEdit()` first.
 */
export class FakeProtection implements ProtectionApi {
  private description = '';
  private warningOnly = false;
  /** null while the protection mirrors the spreadsheet's permissions. */
  private editors: Set<string> | null = null;
  private domainEdit = false;

  constructor(
    private readonly sheet: FakeSheet,
    readonly type: GoogleAppsScript.Spreadsheet.ProtectionType,
    private readonly range: FakeRange,
  ) {}

  private hit(method: string): void {
    this.sheet.ss.tracker.hit('Protection', method);
  }

  /** Only a user who may edit the protected cells may change the protection (Google's `canEdit`). */
  private change(method: string): void {
    this.hit(method);
    if (!this.allows(this.sheet.ss.currentUser())) throw this.sheet.ss.tracker.error(PROTECTED);
  }

  private explicit(): Set<string> {
    this.editors ??= new Set(this.sheet.ss.editors().map((e) => e.toLowerCase()));
    return this.editors;
  }

  /** Whether `user` may edit the cells this protection covers (not counted as a call). */
  allows(user: string): boolean {
    if (this.warningOnly || this.editors === null) return true;
    const who = user.toLowerCase();
    return who !== '' && (who === this.sheet.ss.owner.toLowerCase() || this.editors.has(who));
  }

  /** Whether it covers the cell block (a sheet protection covers the whole sheet, however it grows). */
  covers(row: number, column: number, lastRow: number, lastColumn: number): boolean {
    if (this.type === ProtectionType.SHEET) return true;
    const r = this.range;
    return !(
      lastRow < r.row ||
      row > r.row + r.numRows - 1 ||
      lastColumn < r.column ||
      column > r.column + r.numColumns - 1
    );
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.hit('getProtectionType');
    return this.type;
  }

  getRange(): GRange {
    this.hit('getRange');
    return asGas(this.range);
  }

  getDescription(): string {
    this.hit('getDescription');
    return this.description;
  }

  setDescription(description: string): GProtection {
    this.change('setDescription');
    this.description = description;
    return asGas(this);
  }

  isWarningOnly(): boolean {
    this.hit('isWarningOnly');
    return this.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GProtection {
    this.change('setWarningOnly');
    this.warningOnly = warningOnly;
    return asGas(this);
  }

  /** The users who may edit (the owner first); while mirroring, the spreadsheet's editors. */
  getEditors(): GoogleAppsScript.Base.User[] {
    this.hit('getEditors');
    const { ss } = this.sheet;
    const emails = this.editors === null ? ss.editors() : [ss.owner, ...this.editors];
    return asGas([...new Set(emails.map((e) => e.toLowerCase()))].map((email) => ss.user(email)));
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GProtection {
    this.change('addEditor');
    this.explicit().add(emailOf(emailAddress).toLowerCase());
    return asGas(this);
  }

  addEditors(emailAddresses: string[]): GProtection {
    this.change('addEditors');
    const editors = this.explicit();
    for (const e of emailAddresses) editors.add(emailOf(e).toLowerCase());
    return asGas(this);
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): GProtection {
    this.change('removeEditor');
    this.remove1(emailOf(emailAddress));
    return asGas(this);
  }

  removeEditors(emailAddresses: (string | GoogleAppsScript.Base.User)[]): GProtection {
    this.change('removeEditors');
    for (const e of emailAddresses) this.remove1(emailOf(e));
    return asGas(this);
  }

  private remove1(email: string): void {
    const who = email.toLowerCase();
    const { ss } = this.sheet;
    const editors = this.explicit();
    if (who !== ss.owner.toLowerCase() && who !== ss.currentUser().toLowerCase()) editors.delete(who);
  }

  canEdit(): boolean {
    this.hit('canEdit');
    return this.allows(this.sheet.ss.currentUser());
  }

  canDomainEdit(): boolean {
    this.hit('canDomainEdit');
    return this.domainEdit;
  }

  /** Consumer accounts have no domain; the fake stores the flag and lets it make the list explicit. */
  setDomainEdit(editable: boolean): GProtection {
    this.change('setDomainEdit');
    this.explicit();
    this.domainEdit = editable;
    return asGas(this);
  }

  remove(): void {
    this.change('remove');
    this.sheet.protections.splice(this.sheet.protections.indexOf(this), 1);
  }
}

const emailOf = (u: string | GoogleAppsScript.Base.User): string =>
  typeof u === 'string' ? u : u.getEmail();
