import { asGas, gasEnum, isDate, type Tracker } from './spreadsheet-base';
import { zonedFields } from './zone';
import { FIXED_NOW } from './services';

type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export const DataValidationCriteria = gasEnum<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export type Value = string | number | boolean | Date;

/** One stored cell. Defaults are what Google returns for an untouched cell. */
export interface Cell {
  value: Value;
  formula: string;
  background: string;
  note: string;
  numberFormat: string;
  fontWeight: 'normal' | 'bold';
  horizontalAlignment: string | null;
  wrap: boolean | null;
  validation: FakeDataValidation | null;
}

export const DEFAULT_BACKGROUND = '#ffffff';
/** getNumberFormat() of a cell with the automatic format: Google returns '0.###############', not 'General'. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
/** The fake cannot evaluate formulas, so a formula cell reads as an error value (the real sheet would compute it). */
export const FORMULA_VALUE = '#ERROR!';

const BLANK: Readonly<Cell> = {
  value: '',
  formula: '',
  background: DEFAULT_BACKGROUND,
  note: '',
  numberFormat: DEFAULT_NUMBER_FORMAT,
  fontWeight: 'normal',
  horizontalAlignment: null,
  wrap: null,
  validation: null,
};
const FIELDS = Object.keys(BLANK) as (keyof Cell)[];

export const hasContent = (c: Cell): boolean => c.value !== '' || c.formula !== '';
export const isTouched = (c: Cell): boolean => FIELDS.some((k) => c[k] !== BLANK[k]);

/** What getValues returns for a cell: '' when empty, a fresh Date copy, '#ERROR!' for formulas. */
export function readValue(c: Cell | undefined, copy = (d: Date): Date => new Date(d.getTime())): Value {
  if (!c) return '';
  if (c.formula) return FORMULA_VALUE;
  return isDate(c.value) ? copy(c.value) : c.value;
}

/** What clearFormat() resets (not notes, not data validation). */
const FORMAT_FIELDS = ['background', 'numberFormat', 'fontWeight', 'horizontalAlignment', 'wrap'] as const;

export interface ClearOptions {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
}

/** clear() without options clears contents, formats, notes and validations; each `*Only` flag narrows it. */
export function clearer(options: ClearOptions = {}): (c: Cell) => void {
  const any = Boolean(
    options.commentsOnly || options.contentsOnly || options.formatOnly || options.validationsOnly,
  );
  const fields: (keyof Cell)[] = [
    ...(!any || options.contentsOnly ? (['value', 'formula'] as const) : []),
    ...(!any || options.formatOnly ? FORMAT_FIELDS : []),
    ...(!any || options.commentsOnly ? (['note'] as const) : []),
    ...(!any || options.validationsOnly ? (['validation'] as const) : []),
  ];
  return (c) => Object.assign(c, Object.fromEntries(fields.map((k) => [k, BLANK[k]])));
}

/** The cells of one sheet (1-based coordinates) and its size. Rows and cells are created on first write. */
export class Grid {
  private rows: (Cell | undefined)[][] = [];
  private widths: (number | undefined)[] = [];
  /**
   * Told before a cell changes: the spreadsheet keeps a copy of it as it was, which is what other
   * executions see until the writer flushes (deferred writes).
   */
  onWrite: ((row: number, col: number) => void) | null = null;
  /** Told before rows or columns are inserted or deleted (the spreadsheet applies pending writes first). */
  onReshape: (() => void) | null = null;

  constructor(
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  peek(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /** The cell, to be changed. */
  cell(row: number, col: number): Cell {
    this.onWrite?.(row, col);
    const cells = (this.rows[row - 1] ??= []);
    return (cells[col - 1] ??= { ...BLANK });
  }

  /** Puts a cell back as it was (undefined: never written), telling no one. */
  restore(row: number, col: number, cell: Cell | undefined): void {
    const cells = (this.rows[row - 1] ??= []);
    cells[col - 1] = cell && { ...cell };
  }

  /** Every stored cell, to be changed (cells never written are absent and hold the defaults). */
  cells(): Cell[] {
    const out: Cell[] = [];
    this.rows.forEach((cells, r) => cells.forEach((c, k) => c && out.push(this.cell(r + 1, k + 1))));
    return out;
  }

  /** Writing beyond the sheet adds rows/columns, as Sheets does for setValues and appendRow. */
  grow(lastRow: number, lastColumn: number): void {
    this.maxRows = Math.max(this.maxRows, lastRow);
    this.maxColumns = Math.max(this.maxColumns, lastColumn);
  }

  /** [last row, last column] holding a cell that satisfies `keep` (0 when none). */
  extent(keep: (c: Cell) => boolean): [number, number] {
    let lastRow = 0;
    let lastColumn = 0;
    this.rows.forEach((cells, r) =>
      cells.forEach((c, col) => {
        if (c && keep(c)) {
          lastRow = Math.max(lastRow, r + 1);
          lastColumn = Math.max(lastColumn, col + 1);
        }
      }),
    );
    return [lastRow, lastColumn];
  }

  insertRows(after: number, count: number): void {
    this.onReshape?.();
    this.rows.splice(after, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
  }

  deleteRows(first: number, count: number): void {
    this.onReshape?.();
    this.rows.splice(first - 1, count);
    this.maxRows -= count;
  }

  insertColumns(after: number, count: number): void {
    this.onReshape?.();
    const gap = (): undefined[] => Array.from({ length: count }, () => undefined);
    this.rows.forEach((cells) => cells.length > after && cells.splice(after, 0, ...gap()));
    if (this.widths.length > after) this.widths.splice(after, 0, ...gap());
    this.maxColumns += count;
  }

  /** Google's default column width is 100 pixels. */
  width(col: number): number {
    return this.widths[col - 1] ?? 100;
  }

  setWidth(col: number, width: number): void {
    this.widths[col - 1] = width;
  }
}

// ---- A1 notation --------------------------------------------------------------------------------------

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export interface Box {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * Parses 'A1', 'B2:D5', 'A:C' (whole columns), '2:4' (whole rows) and 'A2:C' (to the last row), in either
 * corner order. Anything else gives null (Google: "Range not found").
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): Box | null {
  const m = /^([A-Z]{1,3})?([1-9]\d*)?(?::([A-Z]{1,3})?([1-9]\d*)?)?$/i.exec(a1);
  const [, c1, r1, c2, r2] = m ?? [];
  const colon = a1.includes(':');
  const shapeOk = colon ? (c1 && r1 && c2) || (c1 && c2 && !r1 && !r2) || (r1 && r2 && !c1 && !c2) : c1 && r1;
  if (!shapeOk) return null;
  const rowA = r1 ? Number(r1) : 1;
  const rowB = colon ? (r2 ? Number(r2) : maxRows) : rowA;
  const colA = c1 ? columnNumber(c1) : 1;
  const colB = colon ? (c2 ? columnNumber(c2) : maxColumns) : colA;
  return {
    row: Math.min(rowA, rowB),
    column: Math.min(colA, colB),
    numRows: Math.abs(rowB - rowA) + 1,
    numColumns: Math.abs(colB - colA) + 1,
  };
}

// ---- Writing and displaying values ---------------------------------------------------------------------

/**
 * What Sheets stores for a value written with setValue(s)/appendRow or typed, given the cell's number
 * format and the spreadsheet's locale (setValues behaves like typing):
 * - null/undefined → '' (empty); Dates are copied; numbers and booleans stay as they are;
 * - a leading apostrophe quotes the rest as literal text ("'=1" stores the text '=1');
 * - in a plain-text cell (number format '@') every other string is stored as is;
 * - otherwise a leading '=' makes a formula, and strings that look like numbers ('123', '1e3', '0150' →
 *   150; the decimal separator is the locale's: '1,5' in nb_NO, '1.5' in en_US), percentages ('12%' →
 *   0.12), booleans ('TRUE', 'false') or dates are converted: ISO '2025-01-31' everywhere; in nb_NO also
 *   '09.05.2025' and '1.5' (1 May of the current year in the spreadsheet's zone), which is why '1.5' is a date in a Norwegian sheet. Every
 *   date is midnight in the spreadsheet's time zone. Sheets parses more (grouping, currencies, other date
 *   forms); the fake leaves those as strings.
 */
export function coerce(
  input: unknown,
  numberFormat: string,
  timeZone: string,
  formula = false,
  locale = 'en_US',
  now = FIXED_NOW,
): { value: Value; formula: string } {
  const v = (value: Value): { value: Value; formula: string } => ({ value, formula: '' });
  if (input === null || input === undefined) return v('');
  if (isDate(input)) return v(new Date(input.getTime()));
  if (typeof input === 'number' || typeof input === 'boolean') return v(input);
  const s = String(input);
  if (s.startsWith("'")) return v(s.slice(1));
  if (s.startsWith('=') && s.length > 1 && (formula || numberFormat !== '@'))
    return { value: '', formula: s };
  if (numberFormat === '@') return v(s);
  const norwegian = /^(nb|nn|no)(_|$)/i.test(locale);
  const number = norwegian ? /^[+-]?(\d+,?\d*|,\d+)(e[+-]?\d+)?$/i : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
  const toNumber = (t: string) => Number(norwegian ? t.replace(',', '.') : t);
  if (number.test(s)) return v(toNumber(s));
  if (s.endsWith('%') && number.test(s.slice(0, -1))) return v(toNumber(s.slice(0, -1)) / 100);
  if (/^(true|false)$/i.test(s)) return v(s.toLowerCase() === 'true');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dotted = norwegian ? /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?$/.exec(s) : null;
  const ymd: number[] | null = iso
    ? iso.slice(1).map(Number)
    : dotted
      ? [dotted[3] ? Number(dotted[3]) : zonedFields(now, timeZone)[0]!, Number(dotted[2]), Number(dotted[1])]
      : null;
  if (ymd) {
    const [y, m, d] = ymd as [number, number, number];
    const utc = new Date(Date.UTC(y, m - 1, d));
    if (utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d) return v(midnightIn(y, m, d, timeZone));
  }
  return v(s);
}

function midnightIn(y: number, m: number, d: number, timeZone: string): Date {
  const target = Date.UTC(y, m - 1, d);
  let t = target;
  for (let i = 0; i < 2; i++) {
    const [yy = 0, mm = 1, dd = 1, h = 0, mi = 0, s = 0] = zonedFields(t, timeZone);
    t += target - Date.UTC(yy, mm - 1, dd, h, mi, s);
  }
  return new Date(t);
}

/**
 * getDisplayValues: formulas show '#ERROR!', booleans 'TRUE'/'FALSE'. With the automatic number format,
 * numbers show in the spreadsheet locale (up to 15 significant digits, no grouping) and Dates as
 * 'yyyy-MM-dd' or 'yyyy-MM-dd HH:mm:ss' in the spreadsheet time zone. An explicit format is applied as
 * Sheets does for its common patterns: numbers ('0', '0.00', '#,##0', '0%', quoted or trailing text such
 * as ' kr'; grouping and decimal signs of the locale: '400 000,00' in nb_NO) and dates ('dd.mm.yyyy',
 * 'yyyy-mm-dd hh:mm:ss'; 'mm' after 'h' is minutes). So display values change with a format or the
 * locale while the value stays: never key identity on them.
 */
export function displayValue(c: Cell | undefined, locale: string, timeZone: string): string {
  const value = readValue(c);
  const pattern = c?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  const automatic = pattern === DEFAULT_NUMBER_FORMAT || pattern === '' || pattern === '@';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!automatic) return formatNumber(value, pattern, locale);
    const format = new Intl.NumberFormat(locale.replace('_', '-'), {
      useGrouping: false,
      maximumSignificantDigits: 15,
    });
    return format.format(value).replace('\u2212', '-');
  }
  if (isDate(value)) {
    const [y, m, d, h, mi, s] = zonedFields(value, timeZone).map((n) => String(n).padStart(2, '0'));
    if (!automatic && /[dmy]/i.test(pattern)) return formatDate(value, pattern, timeZone);
    return h === '00' && mi === '00' && s === '00' ? `${y}-${m}-${d}` : `${y}-${m}-${d} ${h}:${mi}:${s}`;
  }
  return value;
}

function formatNumber(value: number, pattern: string, locale: string): string {
  const literal = (t: string) => t.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const m = /^(.*?)([#0,. ]*[0#])(%?)(.*)$/.exec(pattern.split(';')[0]!);
  if (!m) return literal(pattern);
  const [, before = '', digits = '', percent, after = ''] = m;
  const decimals = /\.(0*)/.exec(digits)?.[1]?.length ?? 0;
  const text = new Intl.NumberFormat(locale.replace('_', '-'), {
    useGrouping: digits.includes(','),
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  })
    .format(percent ? value * 100 : value)
    .replace('\u2212', '-');
  return `${literal(before)}${text}${percent}${literal(after)}`;
}

function formatDate(value: Date, pattern: string, timeZone: string): string {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = zonedFields(value, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  let afterHour = false;
  return pattern.replace(/yyyy|yy|dd|d|mm|m|hh|h|HH|H|ss|s|"[^"]*"/g, (t) => {
    if (t.startsWith('"')) return t.slice(1, -1);
    const lower = t.toLowerCase();
    if (lower.startsWith('h')) afterHour = true;
    if (lower === 'yyyy') return String(y);
    if (lower === 'yy') return two(y % 100);
    if (lower === 'dd') return two(d);
    if (lower === 'd') return String(d);
    if (lower === 'hh') return two(h);
    if (lower === 'h') return String(h);
    if (lower === 'ss') return two(s);
    if (lower === 's') return String(s);
    const minutes = afterHour;
    return lower === 'mm' ? two(minutes ? mi : mo) : String(minutes ? mi : mo);
  });
}

// ---- Data validation -------------------------------------------------------------------------------------

type DataValidationApi = Pick<
  GoogleAppsScript.Spreadsheet.DataValidation,
  'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
>;

export class FakeDataValidation implements DataValidationApi {
  constructor(
    private readonly tracker: Tracker,
    readonly criteria: Criteria,
    readonly args: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string | null,
  ) {}

  getAllowInvalid(): boolean {
    this.tracker.hit('DataValidation', 'getAllowInvalid');
    return this.allowInvalid;
  }

  getCriteriaType(): Criteria {
    this.tracker.hit('DataValidation', 'getCriteriaType');
    return this.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.tracker.hit('DataValidation', 'getCriteriaValues');
    return this.args.map((a) => (Array.isArray(a) ? [...a] : a));
  }

  /** Google returns null when no help text was set (the typings say string). */
  getHelpText(): string {
    this.tracker.hit('DataValidation', 'getHelpText');
    return this.helpText as string;
  }

  /**
   * Whether a written value passes the rule. Sheets rejects a script write into a cell whose rule does not
   * allow invalid data ("The data you entered in cell A2 violates the data validation rules set on this
   * cell."); empty values always pass.
   */
  accepts(value: Value): boolean {
    const [first, second] = this.args;
    if (value === '') return true;
    switch (String(this.criteria)) {
      case 'VALUE_IN_LIST':
        return (first as unknown[]).map(String).includes(String(value));
      case 'CHECKBOX':
        return this.args.length === 0 ? typeof value === 'boolean' : value === first || value === second;
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return typeof value === 'number' && value >= Number(first);
      default: // DATE_IS_VALID_DATE
        return isDate(value);
    }
  }
}

type BuilderApi = Pick<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  | 'build'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireValueInList'
  | 'setAllowInvalid'
  | 'setHelpText'
>;
type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** SpreadsheetApp.newDataValidation(): a mutable builder whose methods return itself. */
export class FakeDataValidationBuilder implements BuilderApi {
  private criteria: Criteria | null = null;
  private args: unknown[] = [];
  private allowInvalid = true; // Google's default for new rules
  private helpText: string | null = null;

  constructor(private readonly tracker: Tracker) {}

  private require(method: string, criteria: Criteria, args: unknown[]): Builder {
    this.tracker.hit('DataValidationBuilder', method);
    this.criteria = criteria;
    this.args = args;
    return asGas(this);
  }

  /** getCriteriaValues() of the rule is [values, showDropdown]. */
  requireValueInList(values: string[], showDropdown = true): Builder {
    return this.require('requireValueInList', DataValidationCriteria.VALUE_IN_LIST, [
      [...values],
      showDropdown,
    ]);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): Builder {
    const args = [checkedValue, uncheckedValue].filter((a) => a !== undefined);
    return this.require('requireCheckbox', DataValidationCriteria.CHECKBOX, args);
  }

  requireNumberGreaterThanOrEqualTo(number: number): Builder {
    const criteria = DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO;
    return this.require('requireNumberGreaterThanOrEqualTo', criteria, [number]);
  }

  requireDate(): Builder {
    return this.require('requireDate', DataValidationCriteria.DATE_IS_VALID_DATE, []);
  }

  setAllowInvalid(allowInvalidData: boolean): Builder {
    this.tracker.hit('DataValidationBuilder', 'setAllowInvalid');
    this.allowInvalid = allowInvalidData;
    return asGas(this);
  }

  setHelpText(helpText: string): Builder {
    this.tracker.hit('DataValidationBuilder', 'setHelpText');
    this.helpText = helpText;
    return asGas(this);
  }

  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    this.tracker.hit('DataValidationBuilder', 'build');
    // The fake's own guard (wording is not Google's): a rule needs one require* call.
    if (this.criteria === null) throw this.tracker.error('The data validation rule has no criteria.');
    return asGas(
      new FakeDataValidation(this.tracker, this.criteria, this.args, this.allowInvalid, this.helpText),
    );
  }
}
