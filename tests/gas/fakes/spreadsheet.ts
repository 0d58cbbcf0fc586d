import type { CallLog } from './calls';
import { FakeHtmlService } from './html';
import { asGas, isDate, type Mode, Tracker } from './spreadsheet-base';
import { FIXED_NOW } from './services';
import {
  clearer,
  coerce,
  DataValidationCriteria,
  DEFAULT_BACKGROUND,
  DEFAULT_NUMBER_FORMAT,
  FakeDataValidation,
  FakeDataValidationBuilder,
  Grid,
  hasContent,
  isTouched,
  parseA1,
  readValue,
  type Cell,
  type ClearOptions,
  type Value,
} from './spreadsheet-cells';
import {
  FakeProtection,
  FakeRange,
  FakeRangeList,
  makeRange,
  PROTECTED,
  ProtectionType,
  writeValues,
} from './spreadsheet-range';
import { UiFake } from './ui';
import { BooleanCriteria, FakeConditionalFormatRuleBuilder, copyRule } from './conditional-format';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;

export interface SpreadsheetFakeOptions {
  calls: CallLog;
  /** getSpreadsheetLocale(); also the number style of getDisplayValues. Default 'en_US'. */
  locale?: string;
  /** getSpreadsheetTimeZone(); ISO date strings written to cells become midnight here. Default 'Europe/Oslo'. */
  timeZone?: string;
  /** Folder of the `<name>.html` files served by HtmlService.createHtmlOutputFromFile. */
  htmlDir?: string;
  /** Read on every call: in 'customFunction' mode document changes and getUi() throw. Default 'normal'. */
  mode?: () => Mode;
  /** The sandbox's Error constructor, so the fakes' exceptions are `instanceof Error` inside the vm. */
  Error?: ErrorConstructor;
  /** The sandbox's Date constructor, so Dates read from cells are `instanceof Date` inside the vm. */
  Date?: DateConstructor;
  /** The current time (ms), for the year of a typed '1.5'; default the fixed FIXED_NOW, never the real time. */
  now?: () => number;
  id?: string;
  name?: string;
  /** The account the script runs as (read on every write, for protections); default ''. */
  user?: () => string;
  /** The spreadsheet's owner, who may always edit; default 'eier@example.no'. */
  owner?: string;
  /** Who the spreadsheet is shared with for editing (users who run the script are added as they come). */
  editors?: string[];
}

/** Everything stored in a sheet, for assertions (counts no calls). Matrices cover the touched cells. */
export interface SheetData {
  /** As getValues() returns them (formulas read '#ERROR!'). */
  values: Value[][];
  formulas: string[][];
  backgrounds: string[][];
  notes: string[][];
  numberFormats: string[][];
  fontWeights: string[][];
  horizontalAlignments: (string | null)[][];
  wraps: (boolean | null)[][];
  validations: (FakeDataValidation | null)[][];
  frozenRows: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  columnWidths: number[];
}

/**
 * The SpreadsheetApp family for one bound spreadsheet. It starts with one empty sheet, 'Sheet1' (a
 * spreadsheet always has a sheet), which is active with A1 selected.
 */
export function createSpreadsheetFakes(options: SpreadsheetFakeOptions): {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  spreadsheet: FakeSpreadsheet;
  ui: UiFake;
} {
  const tracker = new Tracker(options.calls, options.mode, { Error: options.Error, Date: options.Date });
  const ui = new UiFake(tracker);
  const spreadsheet = new FakeSpreadsheet(tracker, ui, options);
  return {
    SpreadsheetApp: asGas(new FakeSpreadsheetApp(tracker, spreadsheet, ui)),
    HtmlService: asGas(new FakeHtmlService(tracker, options.htmlDir)),
    spreadsheet,
    ui,
  };
}

type SheetApi = Pick<
  GSheet,
  | 'activate'
  | 'appendRow'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'deleteRows'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getFormUrl'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getSheetId'
  | 'getSheetValues'
  | 'hideSheet'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumnsAfter'
  | 'insertRowsAfter'
  | 'isSheetHidden'
  | 'protect'
  | 'setColumnWidth'
  | 'setConditionalFormatRules'
  | 'setFrozenRows'
  | 'setName'
  | 'showSheet'
>;

/** A new sheet has 1000 rows and 26 columns, like Google's. */
export class FakeSheet implements SheetApi {
  readonly grid = new Grid();
  readonly protections: FakeProtection[] = [];
  hidden = false;
  frozenRows = 0;
  formUrl: string | null = null;
  conditionalFormatRules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];

  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  private hit(method: string): GSheet {
    this.ss.tracker.hit('Sheet', method);
    return asGas(this);
  }

  /** A range from A1 notation (no sheet name), for getRange and getRangeList. */
  a1Range(a1: string): FakeRange {
    const box = parseA1(a1, this.grid.maxRows, this.grid.maxColumns);
    if (!box) throw this.ss.tracker.error('Range not found');
    return new FakeRange(this, box.row, box.column, box.numRows, box.numColumns);
  }

  corner(): FakeRange {
    return new FakeRange(this, 1, 1, 1, 1);
  }

  /**
   * Refuses a change of the cell block unless every protection covering it allows `user` (default: the
   * account the script runs as), with Google's message. Not counted as a call.
   */
  guard(
    row: number,
    column: number,
    lastRow: number,
    lastColumn: number,
    user = this.ss.currentUser(),
  ): void {
    const refused = this.protections.some(
      (p) => p.covers(row, column, lastRow, lastColumn) && !p.allows(user),
    );
    if (refused) throw this.ss.tracker.error(PROTECTED);
  }

  private guardAll(): void {
    this.guard(1, 1, this.grid.maxRows, this.grid.maxColumns);
  }

  getName(): string {
    this.hit('getName');
    return this.name;
  }

  setName(name: string): GSheet {
    this.hit('setName');
    this.ss.checkNewName(name, this);
    this.name = name;
    return asGas(this);
  }

  /** 1-based position among the sheets. */
  getIndex(): number {
    this.hit('getIndex');
    return this.ss.sheets.indexOf(this) + 1;
  }

  getSheetId(): number {
    this.hit('getSheetId');
    return this.id;
  }

  getParent(): GSpreadsheet {
    this.hit('getParent');
    return asGas(this.ss);
  }

  getFormUrl(): string | null {
    this.hit('getFormUrl');
    return this.formUrl;
  }

  /** Last row holding a value or formula (formats and notes do not count); 0 for an empty sheet. */
  getLastRow(): number {
    this.hit('getLastRow');
    return this.grid.extent(hasContent)[0];
  }

  getLastColumn(): number {
    this.hit('getLastColumn');
    return this.grid.extent(hasContent)[1];
  }

  getMaxRows(): number {
    this.hit('getMaxRows');
    return this.grid.maxRows;
  }

  getMaxColumns(): number {
    this.hit('getMaxColumns');
    return this.grid.maxColumns;
  }

  /** A1 to the last row and column with content; just A1 on an empty sheet. */
  getDataRange(): GRange {
    this.hit('getDataRange');
    const [rows, columns] = this.grid.extent(hasContent);
    return asGas(new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(columns, 1)));
  }

  /**
   * The values of a block in one call, as getRange(...).getValues() gives them; -1 as the number of rows
   * or columns reaches the last row or column with content (Google's reference). On an empty sheet that is
   * none, and a block of no rows is refused as getRange refuses it.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    this.hit('getSheetValues');
    if (this.ss.refuseMinusOne && (numRows === -1 || numColumns === -1))
      throw this.ss.tracker.error('The number of rows in the range must be at least 1.');
    const [rows, columns] = this.grid.extent(hasContent);
    const height = numRows === -1 ? rows - startRow + 1 : numRows;
    const width = numColumns === -1 ? columns - startColumn + 1 : numColumns;
    return makeRange(this, startRow, startColumn, height, width).valuesUncounted();
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange('B2:D5' | 'A:A' | '2:2' | 'A2:C'). */
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    this.hit('getRange');
    if (typeof a === 'string') return asGas(this.a1Range(a));
    if (column === undefined) throw this.ss.tracker.badArgs('SpreadsheetApp.Sheet.getRange', [a]);
    return asGas(makeRange(this, a, column, numRows, numColumns));
  }

  getRangeList(a1Notations: string[]): GRangeList {
    this.hit('getRangeList');
    return this.ss.rangeList(this, a1Notations);
  }

  /** Writes after the last row with content, converting values like setValues; grows the sheet if needed. */
  appendRow(rowContents: unknown[]): GSheet {
    this.hit('appendRow');
    const row = this.grid.extent(hasContent)[0] + 1;
    writeValues(makeRange(this, row, 1, 1, rowContents.length), [rowContents]);
    return asGas(this);
  }

  private checkPosition(position: number, max: number, what: 'rows' | 'columns'): void {
    if (!Number.isInteger(position) || position < 1 || position > max) {
      throw this.ss.tracker.error(`Those ${what} are out of bounds.`);
    }
  }

  insertColumnBefore(beforePosition: number): GSheet {
    this.hit('insertColumnBefore');
    this.checkPosition(beforePosition, this.grid.maxColumns, 'columns');
    this.grid.insertColumns(beforePosition - 1, 1);
    return asGas(this);
  }

  insertColumnAfter(afterPosition: number): GSheet {
    this.hit('insertColumnAfter');
    this.checkPosition(afterPosition, this.grid.maxColumns, 'columns');
    this.grid.insertColumns(afterPosition, 1);
    return asGas(this);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this.hit('insertColumnsAfter');
    this.checkPosition(afterPosition, this.grid.maxColumns, 'columns');
    this.grid.insertColumns(afterPosition, howMany);
    return asGas(this);
  }

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this.hit('insertRowsAfter');
    this.guardAll();
    this.checkPosition(afterPosition, this.grid.maxRows, 'rows');
    this.grid.insertRows(afterPosition, howMany);
    return asGas(this);
  }

  /** Google refuses to delete every non-frozen row; frozen rows deleted with them unfreeze. */
  deleteRows(rowPosition: number, howMany: number): void {
    this.hit('deleteRows');
    this.guard(rowPosition, 1, rowPosition + howMany - 1, this.grid.maxColumns);
    this.checkPosition(rowPosition, this.grid.maxRows, 'rows');
    this.checkPosition(rowPosition + howMany - 1, this.grid.maxRows, 'rows');
    const frozenDeleted = Math.max(0, Math.min(this.frozenRows, rowPosition + howMany - 1) - rowPosition + 1);
    if (howMany - frozenDeleted >= this.grid.maxRows - this.frozenRows) {
      throw this.ss.tracker.error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.grid.deleteRows(rowPosition, howMany);
    this.frozenRows -= frozenDeleted;
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.hit('getConditionalFormatRules');
    return this.conditionalFormatRules.map((rule) => copyRule(rule, this.ss.tracker));
  }

  /** Replaces every rule of the sheet, as Google does. */
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.hit('setConditionalFormatRules');
    // Formatting is an edit: a protected sheet refuses it from someone who may not edit it.
    this.guardAll();
    if (!Array.isArray(rules)) throw this.ss.tracker.error('Invalid argument: rules');
    this.conditionalFormatRules = rules.map((rule) => copyRule(rule, this.ss.tracker));
  }

  getFrozenRows(): number {
    this.hit('getFrozenRows');
    return this.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.hit('setFrozenRows');
    this.frozenRows = rows;
  }

  getColumnWidth(columnPosition: number): number {
    this.hit('getColumnWidth');
    return this.grid.width(columnPosition);
  }

  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.hit('setColumnWidth');
    this.grid.setWidth(columnPosition, width);
    return asGas(this);
  }

  /** Each call adds a sheet protection, even if the sheet is already protected (Google's overlap). */
  protect(): GProtection {
    this.hit('protect');
    const whole = new FakeRange(this, 1, 1, this.grid.maxRows, this.grid.maxColumns);
    const protection = new FakeProtection(this, ProtectionType.SHEET, whole);
    this.protections.push(protection);
    return asGas(protection);
  }

  getProtections(type: GProtectionType): GProtection[] {
    this.hit('getProtections');
    return asGas(this.ss.protectionsOf([this], type, 'Sheet'));
  }

  /** Google refuses to hide the last visible sheet (wording approximate). */
  hideSheet(): GSheet {
    this.hit('hideSheet');
    if (this.ss.sheets.every((s) => s === this || s.hidden)) {
      throw this.ss.tracker.error("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return asGas(this);
  }

  showSheet(): GSheet {
    this.hit('showSheet');
    this.hidden = false;
    return asGas(this);
  }

  isSheetHidden(): boolean {
    this.hit('isSheetHidden');
    return this.hidden;
  }

  /** Like Range.clear on the whole sheet: without options, contents, formats, notes and validation. */
  clear(options?: Pick<ClearOptions, 'contentsOnly' | 'formatOnly'>): GSheet {
    this.hit('clear');
    this.guardAll();
    this.grid.cells().forEach(clearer(options));
    return asGas(this);
  }

  clearContents(): GSheet {
    this.hit('clearContents');
    this.guardAll();
    this.grid.cells().forEach(clearer({ contentsOnly: true }));
    return asGas(this);
  }

  clearFormats(): GSheet {
    this.hit('clearFormats');
    this.guardAll();
    this.grid.cells().forEach(clearer({ formatOnly: true }));
    return asGas(this);
  }

  /** Makes this the active sheet, with A1 selected. */
  activate(): GSheet {
    this.hit('activate');
    this.ss.select(this.corner());
    return asGas(this);
  }
}

type SheetOptions = { template?: GSheet };

type SpreadsheetApi = Pick<
  GSpreadsheet,
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getCurrentCell'
  | 'getFormUrl'
  | 'getId'
  | 'getName'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'setActiveSheet'
  | 'setSpreadsheetLocale'
  | 'toast'
>;

export class FakeSpreadsheet implements SpreadsheetApi {
  readonly sheets: FakeSheet[] = [];
  locale: string;
  readonly timeZone: string;
  readonly now: () => number;
  private readonly id: string;
  private readonly name: string;
  private formUrl: string | null = null;
  /**
   * Test hook: Google documents no -1 as a count in getSheetValues; with this set the fake refuses it, as
   * real Sheets might, so the product's fallback (and Diagnose's report of it) can be tested.
   */
  refuseMinusOne = false;
  private nextSheetId = 0;
  /** The active range; its sheet is the active sheet. */
  selection: FakeRange;
  readonly owner: string;
  private readonly sharedWith: Set<string>;
  private readonly runAs: () => string;
  /** The executions running now, innermost last (the sandbox says when each begins and ends). */
  private readonly running: string[] = [];
  /**
   * Writes not yet flushed, per execution: grid → cell (row * 1e6 + column) → the cell as every other
   * execution sees it (undefined: empty). Apps Script defers and bundles writes; another execution sees
   * them only after `SpreadsheetApp.flush()` or the end of the writing execution.
   */
  private readonly unflushed = new Map<string, Map<Grid, Map<number, Cell | undefined>>>();
  /** Per running execution, the others' pending cells taken out of sight while it runs (their own values). */
  private readonly hidden: Map<string, Map<Grid, Map<number, Cell | undefined>>>[] = [];

  constructor(
    readonly tracker: Tracker,
    private readonly ui: UiFake,
    options: Omit<SpreadsheetFakeOptions, 'calls'>,
  ) {
    this.locale = options.locale ?? 'en_US';
    this.timeZone = options.timeZone ?? 'Europe/Oslo';
    this.now = options.now ?? (() => FIXED_NOW);
    this.id = options.id ?? 'fake-spreadsheet-id';
    this.name = options.name ?? 'Untitled spreadsheet';
    this.owner = options.owner ?? 'eier@example.no';
    this.sharedWith = new Set((options.editors ?? []).map((e) => e.toLowerCase()));
    this.runAs = options.user ?? (() => '');
    this.selection = this.createSheet('Sheet1', 0).corner();
  }

  // ---- test helpers (not Apps Script API; no calls counted) ----

  /** Adds a sheet holding `rows` as raw cell values (no conversion: strings stay strings, '=' is not a formula). */
  addSheet(name: string, rows: unknown[][] = []): FakeSheet {
    this.checkNewName(name);
    const sheet = this.createSheet(name, this.sheets.length);
    this.putRaw(sheet, 1, rows);
    return sheet;
  }

  /** Appends raw rows after the last row with content (e.g. a form submission landing in its sheet). */
  appendRaw(sheetName: string, rows: unknown[][]): void {
    const sheet = this.sheet(sheetName);
    this.putRaw(sheet, sheet.grid.extent(hasContent)[0] + 1, rows);
  }

  /** Links a form: getFormUrl() of the spreadsheet and, if named, of its response sheet. */
  setFormUrl(url: string | null, sheetName?: string): void {
    this.formUrl = url;
    if (sheetName !== undefined) this.sheet(sheetName).formUrl = url;
  }

  sheetData(sheetName: string): SheetData {
    const sheet = this.sheet(sheetName);
    const { grid } = sheet;
    const [rows, columns] = grid.extent(isTouched);
    const matrix = <T>(f: (c: Cell | undefined) => T): T[][] =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => f(grid.peek(i + 1, j + 1))),
      );
    return {
      values: matrix((c) => readValue(c)),
      formulas: matrix((c) => c?.formula ?? ''),
      backgrounds: matrix((c) => c?.background ?? DEFAULT_BACKGROUND),
      notes: matrix((c) => c?.note ?? ''),
      numberFormats: matrix((c) => c?.numberFormat ?? DEFAULT_NUMBER_FORMAT),
      fontWeights: matrix((c) => c?.fontWeight ?? 'normal'),
      horizontalAlignments: matrix((c) => c?.horizontalAlignment ?? null),
      wraps: matrix((c) => c?.wrap ?? null),
      validations: matrix((c) => c?.validation ?? null),
      frozenRows: sheet.frozenRows,
      hidden: sheet.hidden,
      maxRows: grid.maxRows,
      maxColumns: grid.maxColumns,
      columnWidths: Array.from({ length: grid.maxColumns }, (_, i) => grid.width(i + 1)),
    };
  }

  /** Shares the spreadsheet for editing (a protection made explicit later starts from these editors). */
  share(...emails: string[]): void {
    for (const e of emails) this.sharedWith.add(e.toLowerCase());
  }

  /**
   * A person typing into a cell in the Sheets UI: refused by a protection that does not list them, and
   * converted like setValue (numbers, dates and percentages in the spreadsheet's locale unless the cell
   * is plain text). Counts no call.
   */
  typeAs(user: string, sheetName: string, a1: string, text: string): void {
    const sheet = this.sheet(sheetName);
    const range = sheet.a1Range(a1);
    sheet.guard(range.row, range.column, range.row, range.column, user);
    sheet.grid.grow(range.row, range.column);
    const cell = sheet.grid.cell(range.row, range.column);
    Object.assign(cell, coerce(text, cell.numberFormat, this.timeZone, false, this.locale, this.now()));
  }

  // ---- executions and deferred writes (the sandbox calls these; no calls counted) ----

  /**
   * An execution starts: it sees no other execution's unflushed writes (they are taken out of sight and
   * come back, on top of whatever it wrote, when it ends: the other's flush comes later and wins).
   */
  beginExecution(id: string): void {
    const away = new Map<string, Map<Grid, Map<number, Cell | undefined>>>();
    for (const [other, grids] of this.unflushed) {
      if (other === id) continue;
      const theirs = new Map<Grid, Map<number, Cell | undefined>>();
      for (const [grid, cells] of grids) {
        const mine = new Map<number, Cell | undefined>();
        for (const [key, before] of cells) {
          const [row, col] = cellAt(key);
          const current = grid.peek(row, col);
          mine.set(key, current && { ...current });
          grid.restore(row, col, before);
        }
        theirs.set(grid, mine);
      }
      away.set(other, theirs);
    }
    this.hidden.push(away);
    this.running.push(id);
  }

  /**
   * An execution ends: its writes become everyone's (Google flushes at the end), unless it was killed at
   * its time limit, when what it had not flushed is lost. The writes it hid come back.
   */
  endExecution(id: string, killed = false): void {
    if (killed) {
      for (const [grid, cells] of this.unflushed.get(id) ?? []) {
        for (const [key, before] of cells) grid.restore(...cellAt(key), before);
      }
    }
    this.unflushed.delete(id);
    this.running.pop();
    for (const [other, grids] of this.hidden.pop() ?? []) {
      const log = this.unflushed.get(other);
      for (const [grid, cells] of grids) {
        for (const [key, theirs] of cells) {
          const [row, col] = cellAt(key);
          const now = grid.peek(row, col);
          log?.get(grid)?.set(key, now && { ...now });
          grid.restore(row, col, theirs);
        }
      }
    }
  }

  /** `SpreadsheetApp.flush()`: the running execution's writes become visible to every other. */
  flushPending(): void {
    const id = this.running[this.running.length - 1];
    if (id !== undefined) this.unflushed.delete(id);
  }

  /** Remembers a cell as others see it before the running execution first changes it. */
  private deferWrite(grid: Grid, row: number, col: number): void {
    const id = this.running[this.running.length - 1];
    if (id === undefined) return; // a person typing, or a form's response landing: at once
    let grids = this.unflushed.get(id);
    if (!grids) this.unflushed.set(id, (grids = new Map()));
    let cells = grids.get(grid);
    if (!cells) grids.set(grid, (cells = new Map()));
    const key = row * 1e6 + col;
    if (cells.has(key)) return;
    const before = grid.peek(row, col);
    cells.set(key, before && { ...before });
  }

  /** Inserting or deleting rows or columns applies pending writes to that sheet first (a simplification). */
  private reshaped(grid: Grid): void {
    for (const grids of this.unflushed.values()) grids.delete(grid);
  }

  // ---- shared with the other fakes (no calls counted) ----

  /** The account the script runs as now; whoever runs it has edit access to the spreadsheet. */
  currentUser(): string {
    const user = this.runAs();
    if (user !== '') this.sharedWith.add(user.toLowerCase());
    return user;
  }

  /** The owner and everyone the spreadsheet is shared with for editing. */
  editors(): string[] {
    this.currentUser();
    return [this.owner, ...this.sharedWith];
  }

  user(email: string): GoogleAppsScript.Base.User {
    const tracker = this.tracker;
    return asGas({
      getEmail: () => {
        tracker.hit('User', 'getEmail');
        return email;
      },
    });
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`The fake spreadsheet has no sheet named "${name}".`);
    return sheet;
  }

  select(range: FakeRange): void {
    this.selection = range;
  }

  /** Sheet names are unique regardless of case. */
  checkNewName(name: string, renamed?: FakeSheet): void {
    if (this.sheets.some((s) => s !== renamed && s.name.toLowerCase() === name.toLowerCase())) {
      throw this.tracker.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  rangeList(sheet: FakeSheet, a1Notations: string[]): GRangeList {
    if (a1Notations.length === 0) throw this.tracker.badArgs('SpreadsheetApp.getRangeList', [a1Notations]);
    return asGas(
      new FakeRangeList(
        this.tracker,
        a1Notations.map((a1) => sheet.a1Range(a1)),
      ),
    );
  }

  protectionsOf(sheets: FakeSheet[], type: GProtectionType, cls: string): FakeProtection[] {
    if (type !== ProtectionType.RANGE && type !== ProtectionType.SHEET) {
      throw this.tracker.badArgs(`SpreadsheetApp.${cls}.getProtections`, [type]);
    }
    return sheets.flatMap((s) => s.protections.filter((p) => p.type === type));
  }

  private createSheet(name: string, index: number): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextSheetId++);
    sheet.grid.onWrite = (row, col) => this.deferWrite(sheet.grid, row, col);
    sheet.grid.onReshape = () => this.reshaped(sheet.grid);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  private putRaw(sheet: FakeSheet, firstRow: number, rows: unknown[][]): void {
    rows.forEach((row, i) =>
      row.forEach((value, j) => {
        const raw = value === null || value === undefined ? '' : value;
        sheet.grid.cell(firstRow + i, j + 1).value = isDate(raw) ? new Date(raw.getTime()) : (raw as Value);
      }),
    );
    sheet.grid.grow(firstRow + rows.length - 1, Math.max(0, ...rows.map((r) => r.length)));
  }

  private hit(method: string): void {
    this.tracker.hit('Spreadsheet', method);
  }

  // ---- Apps Script API ----

  getId(): string {
    this.hit('getId');
    return this.id;
  }

  getName(): string {
    this.hit('getName');
    return this.name;
  }

  getUrl(): string {
    this.hit('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetLocale(): string {
    this.hit('getSpreadsheetLocale');
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.hit('setSpreadsheetLocale');
    this.locale = locale;
  }

  getSpreadsheetTimeZone(): string {
    this.hit('getSpreadsheetTimeZone');
    return this.timeZone;
  }

  /** null unless a form is linked (see setFormUrl). */
  getFormUrl(): string | null {
    this.hit('getFormUrl');
    return this.formUrl;
  }

  getSheets(): GSheet[] {
    this.hit('getSheets');
    return asGas([...this.sheets]);
  }

  /** Exact (case-sensitive) name match; null when there is none. */
  getSheetByName(name: string): GSheet | null {
    this.hit('getSheetByName');
    return asGas(this.sheets.find((s) => s.name === name) ?? null);
  }

  /**
   * insertSheet([name][, index]): index is 0-based (default: last); the default name is 'SheetN'. The new
   * sheet becomes the active sheet. Templates are not implemented (TypeError).
   */
  insertSheet(a?: string | number | SheetOptions, b?: number | SheetOptions, c?: SheetOptions): GSheet {
    this.hit('insertSheet');
    if ([a, b, c].some((x) => typeof x === 'object' && x !== null)) {
      throw new TypeError('The spreadsheet fake does not implement insertSheet templates.');
    }
    let n = this.sheets.length + 1;
    while (this.sheets.some((s) => s.name === `Sheet${n}`)) n++;
    const name = typeof a === 'string' ? a : `Sheet${n}`;
    this.checkNewName(name);
    const sheet = this.createSheet(
      name,
      typeof a === 'number' ? a : typeof b === 'number' ? b : this.sheets.length,
    );
    this.select(sheet.corner());
    return asGas(sheet);
  }

  /** Google refuses to delete the last (visible) sheet (wording approximate). */
  deleteSheet(sheet: GSheet): void {
    this.hit('deleteSheet');
    const gone = this.tracker.own(sheet, FakeSheet, 'SpreadsheetApp.Spreadsheet.deleteSheet');
    if (this.sheets.every((s) => s === gone || s.hidden)) {
      throw this.tracker.error("You can't remove all the sheets in a document.");
    }
    this.sheets.splice(this.sheets.indexOf(gone), 1);
    const next = this.sheets.find((s) => !s.hidden);
    if (this.selection.sheet === gone && next) this.select(next.corner());
  }

  getActiveSheet(): GSheet {
    this.hit('getActiveSheet');
    return asGas(this.selection.sheet);
  }

  setActiveSheet(sheet: GSheet, _restoreSelection?: boolean): GSheet {
    this.hit('setActiveSheet');
    const target = this.tracker.own(sheet, FakeSheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this.select(target.corner());
    return sheet;
  }

  /** The selection: A1 of the active sheet until something is activated. */
  getActiveRange(): GRange | null {
    this.hit('getActiveRange');
    return asGas(this.selection);
  }

  getCurrentCell(): GRange | null {
    this.hit('getCurrentCell');
    return asGas(new FakeRange(this.selection.sheet, this.selection.row, this.selection.column, 1, 1));
  }

  /** 'A1:B2' on the active sheet, or 'Name!A1:B2' / "'My sheet'!A1" on a named one. */
  getRange(a1Notation: string): GRange {
    this.hit('getRange');
    const m = /^(?:'((?:[^']|'')+)'|([^'!][^!]*))!(.*)$/.exec(a1Notation);
    if (!m) return asGas(this.selection.sheet.a1Range(a1Notation));
    const name = m[1]?.replace(/''/g, "'") ?? m[2];
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw this.tracker.error('Range not found');
    return asGas(sheet.a1Range(m[3] ?? ''));
  }

  /** Ranges of the active sheet. */
  getRangeList(a1Notations: string[]): GRangeList {
    this.hit('getRangeList');
    return this.rangeList(this.selection.sheet, a1Notations);
  }

  getProtections(type: GProtectionType): GProtection[] {
    this.hit('getProtections');
    return asGas(this.protectionsOf(this.sheets, type, 'Spreadsheet'));
  }

  /** Recorded in `ui.toasts`; Google's default timeout (null) is 5 seconds. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.hit('toast');
    this.ui.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? null });
  }
}

const cellAt = (key: number): [number, number] => [Math.floor(key / 1e6), key % 1e6];

type SpreadsheetAppApi = Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  | 'BooleanCriteria'
  | 'DataValidationCriteria'
  | 'ProtectionType'
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
>;

/** openById/openByUrl/create are left out: the product only uses the bound spreadsheet (currentonly scope). */
class FakeSpreadsheetApp implements SpreadsheetAppApi {
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;

  constructor(
    private readonly tracker: Tracker,
    private readonly ss: FakeSpreadsheet,
    private readonly ui: UiFake,
  ) {}

  private hit(method: string): void {
    this.tracker.hit('SpreadsheetApp', method);
  }

  /** Counted (flushes are expensive in Sheets): makes this execution's writes visible to the others. */
  flush(): void {
    this.hit('flush');
    this.ss.flushPending();
  }

  getActive(): GSpreadsheet {
    this.hit('getActive');
    return asGas(this.ss);
  }

  getActiveSpreadsheet(): GSpreadsheet {
    this.hit('getActiveSpreadsheet');
    return asGas(this.ss);
  }

  getActiveSheet(): GSheet {
    this.hit('getActiveSheet');
    return asGas(this.ss.selection.sheet);
  }

  getActiveRange(): GRange {
    this.hit('getActiveRange');
    return asGas(this.ss.selection);
  }

  /** Custom functions (and other non-UI contexts) get Google's "Cannot call SpreadsheetApp.getUi() from this context." */
  getUi(): GoogleAppsScript.Base.Ui {
    this.hit('getUi');
    if (this.tracker.mode() === 'customFunction') {
      throw this.tracker.error('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return this.ui.ui;
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.hit('newConditionalFormatRule');
    return asGas(new FakeConditionalFormatRuleBuilder(this.tracker));
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.hit('newDataValidation');
    return asGas(new FakeDataValidationBuilder(this.tracker));
  }
}
