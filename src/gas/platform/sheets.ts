import {
  findSheetName,
  mapHeaders,
  missingSheet,
  type FieldKey,
  type SheetSpec,
} from '../../core/workbook/contract';
import { isDate, neutralizeFormula } from '../../core/base/text';
import { tilskuddError } from '../../core/base/errors';
import { STRICTLY_PROTECTED } from '../../core/access/protections';

const PROTECTED = new Set<SheetSpec>(STRICTLY_PROTECTED);

function lookAlike(spec: SheetSpec, names: string[]): Error {
  const list = names.map((n) => `«${n}»`).join(', ');
  return tilskuddError(
    `Det finnes flere ark for «${spec.name}»: ${list}. Bare det beskyttede kan brukes (Tilskudd bestemmer ut fra det), så Tilskudd er stengt til de andre er slettet. Lederen eller eieren sletter arkene som ikke er beskyttet.`,
    `There is more than one sheet for "${spec.name}": ${list.replace(/[«»]/g, '"')}. Only the protected one may be used (Tilskudd decides from it), so Tilskudd is closed until the others are deleted. The chair or the owner deletes the sheets that are not protected.`,
  );
}

/**
 * Sheet I/O by header name: one `getValues` per sheet per operation, one `setValues` per write.
 * Columns are found by header every time, so users may reorder and insert columns freely.
 */
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The workbook's sheets, looked up once per operation: a sheet by its Norwegian or English name with
 * `getSheetByName` (one call per name asked), and only when neither answers, every sheet's name once
 * (`getSheets` and one `getName` per sheet) to find one renamed in case or spacing.
 */
export class SheetIndex {
  /** Sheets asked for by exact name this operation (null: no such sheet); one object per sheet. */
  private readonly byName = new Map<string, Sheet | null>();
  private readonly names = new Map<Sheet, string>();
  private scanned: { sheets: Sheet[]; names: string[] } | null = null;
  private all: Sheet[] | null = null;

  constructor(private readonly ss: Spreadsheet) {}

  private named(name: string): Sheet | null {
    if (this.scanned) {
      const i = this.scanned.names.indexOf(name);
      return i < 0 ? null : this.scanned.sheets[i]!;
    }
    if (!this.byName.has(name)) {
      const sheet = this.ss.getSheetByName(name);
      this.byName.set(name, sheet);
      if (sheet) this.names.set(sheet, name);
    }
    return this.byName.get(name)!;
  }

  /** Every sheet and its name, once per operation; sheets already found keep their object. */
  private scan(): { sheets: Sheet[]; names: string[] } {
    if (!this.scanned) {
      const sheets = this.sheets();
      const names = sheets.map((s) => s.getName());
      const known = sheets.map((s, i) => this.byName.get(names[i]!) ?? s);
      known.forEach((s, i) => this.names.set(s, names[i]!));
      this.scanned = { sheets: known, names };
    }
    return this.scanned;
  }

  private sheets(): Sheet[] {
    return (this.all ??= this.ss.getSheets());
  }

  /**
   * The sheet for a contract spec (Norwegian or English name, any case or spacing), or null. A sheet
   * Google protects for real (protections.ts) must be the only one of its names: an unprotected look-alike
   * (an editor's «Members» put in front) would otherwise decide rights or take the writes, so two refuse
   * instead of one being picked. Both names are asked for those; a look-alike that differs only in case or
   * spacing is never picked while the sheet has one of its names, and when it has neither, every name is
   * read and two matching refuse as well.
   */
  find(spec: SheetSpec): Sheet | null {
    const guarded = PROTECTED.has(spec);
    // By exact name first, whether the names were asked one by one or all read at once (`expect`).
    const hits: Array<[string, Sheet]> = [];
    for (const name of [spec.name, spec.en]) {
      const sheet = this.named(name);
      if (sheet) hits.push([name, sheet]);
      if (hits.length > 0 && !guarded) break;
    }
    if (hits.length > 1)
      throw lookAlike(
        spec,
        hits.map(([n]) => n),
      );
    if (hits.length === 1) return hits[0]![1];
    // Not under either name: renamed in case or spacing, or missing.
    const { sheets, names } = this.scan();
    if (guarded) {
      const matching = names.filter((n) => findSheetName(spec, [n]) !== undefined);
      if (matching.length > 1) throw lookAlike(spec, matching);
    }
    const name = findSheetName(spec, names);
    return name === undefined ? null : sheets[names.indexOf(name)]!;
  }

  /**
   * Tells the index that this operation will look up all of `specs`: when reading every sheet's name at
   * once (`getSheets` and one `getName` per sheet) costs fewer calls than asking for each by name (two
   * names for a protected sheet), every name is read now. One call (`getSheets`, kept) either way.
   */
  expect(specs: readonly SheetSpec[]): void {
    if (this.scanned) return;
    const byName = specs.reduce((n, spec) => n + (PROTECTED.has(spec) ? 2 : 1), 0);
    if (this.sheets().length < byName) this.scan();
  }

  require(spec: SheetSpec): Sheet {
    const sheet = this.find(spec);
    if (!sheet) throw missingSheet(spec);
    return sheet;
  }

  /**
   * The sheet with this id (ids survive renaming), or null. The sheet named `hint` (where it was last
   * seen) is tried first: one `getSheetByName` and one `getSheetId` then, one per sheet only when it was
   * renamed.
   */
  byId(id: number, hint?: string | null): Sheet | null {
    const named = hint ? this.named(hint) : null;
    if (named && this.idOf(named) === id) return named;
    return this.sheets().find((s) => this.idOf(s) === id) ?? null;
  }

  private readonly ids = new Map<Sheet, number>();

  /** The sheet's id, asked once per operation. */
  idOf(sheet: Sheet): number {
    let id = this.ids.get(sheet);
    if (id === undefined) {
      id = sheet.getSheetId();
      this.ids.set(sheet, id);
    }
    return id;
  }

  nameOf(sheet: Sheet): string {
    let name = this.names.get(sheet);
    if (name === undefined) {
      name = sheet.getName();
      this.names.set(sheet, name);
    }
    return name;
  }

  /** A new sheet under the spec's Norwegian name (or the one another run made since this index was read). */
  insert(spec: SheetSpec): Sheet {
    const sheet = this.ss.getSheetByName(spec.name) ?? this.ss.insertSheet(spec.name);
    this.names.set(sheet, spec.name);
    this.byName.set(spec.name, sheet);
    if (this.scanned) {
      this.scanned.sheets.push(sheet);
      this.scanned.names.push(spec.name);
    }
    this.all?.push(sheet);
    return sheet;
  }

  private readonly read = new Map<
    Sheet,
    { values: unknown[][]; block?: Range; wallClock?: unknown[][]; generation: number }
  >();

  /**
   * The sheet's values as Google gives them, read once per operation in one call (`getSheetValues` to
   * the last row and column with content, what `getDataRange` covers), and `range()`, that block as a
   * range (one more call, made only when asked: the highlights read notes and fills through it). Every
   * later use in the same operation reuses them; a write through this module forgets the sheet, so a
   * read after it sees the write.
   */
  data(sheet: Sheet): { values: unknown[][]; range: () => Range } {
    let hit = this.read.get(sheet);
    const generation = writes.get(sheet) ?? 0;
    if (!hit || hit.generation !== generation) {
      hit = { values: allValues(sheet), generation };
      this.read.set(sheet, hit);
    }
    const kept = hit;
    const range = () =>
      (kept.block ??= sheet.getRange(1, 1, kept.values.length, kept.values[0]?.length ?? 1));
    return { values: kept.values, range };
  }

  /** The values with dates as wall-clock dates in the spreadsheet's zone (see `toWallClock`), converted once. */
  values(sheet: Sheet): unknown[][] {
    const hit: { values: unknown[][]; wallClock?: unknown[][] } = this.data(sheet);
    hit.wallClock ??= toWallClock(
      hit.values.map((row) => [...row]),
      this.timeZone(),
    );
    return hit.wallClock;
  }

  private zone: string | undefined;

  /** The spreadsheet's time zone, asked once per operation. */
  timeZone(): string {
    return (this.zone ??= this.ss.getSpreadsheetTimeZone());
  }
}

/** Writes per sheet object: a read kept by a `SheetIndex` from before a write is read again. */
const writes = new WeakMap<Sheet, number>();

/** Records a write to `sheet` made outside this module's helpers, so a later read in the operation sees it. */
export function wrote(sheet: Sheet): void {
  writes.set(sheet, (writes.get(sheet) ?? 0) + 1);
}

type Range = GoogleAppsScript.Spreadsheet.Range;

/** All values of a sheet, header first, with dates as wall-clock dates in the spreadsheet's zone. */
export function readValues(sheet: Sheet, timeZone: string): unknown[][] {
  return toWallClock(allValues(sheet), timeZone);
}

/**
 * The header row (row 1) to the last column with content, in one call, without the blank columns after
 * its last title; empty for an empty sheet.
 */
export function headerRow(sheet: Sheet): unknown[] {
  let row: unknown[];
  try {
    row = sheet.getSheetValues(1, 1, 1, -1)[0]!;
  } catch {
    return []; // an empty sheet: Google refuses a block of no columns
  }
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row.slice(0, end);
}

/**
 * Every value from A1 to the last row and column with content, in one call. Google refuses a block of
 * no rows, which is what an empty sheet gives: its data range (A1) is read instead.
 */
function allValues(sheet: Sheet): unknown[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, -1);
  } catch {
    return sheet.getDataRange().getValues();
  }
}

let formatter: { zone: string; format: Intl.DateTimeFormat | null } | undefined;

/**
 * Sheets returns a date cell as the instant of its midnight in the spreadsheet's time zone; the core
 * reads dates by their UTC fields. This turns each Date into the same wall-clock fields in UTC.
 */
export function toWallClock(values: unknown[][], timeZone: string): unknown[][] {
  for (const row of values) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isDate(v)) row[c] = wallClock(v, timeZone);
    }
  }
  return values;
}

export function wallClock(date: Date, timeZone: string): Date {
  const [year, month, day, hour, minute, second] = fieldsIn(date, timeZone);
  return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
}

/**
 * A calendar day of the core (a Date at UTC midnight) as the cell value Sheets gives that day: midnight in
 * the spreadsheet's zone. Written as UTC midnight it would show, and read back as, the day before west of UTC.
 */
export function dayCell(day: Date, timeZone: string): Date {
  const target = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  let t = target;
  // Twice, as the offset at the first guess may differ from the one at midnight (a change of summer time).
  for (let i = 0; i < 2; i++) {
    const [year, month, d, hour, minute, second] = fieldsIn(new Date(t), timeZone);
    t += target - Date.UTC(year!, month! - 1, d!, hour!, minute!, second!);
  }
  return new Date(t);
}

/**
 * Year, month, day, hour, minute and second of an instant in a time zone. Intl (in V8, no service call)
 * when the runtime has its time-zone data; otherwise Utilities.formatDate, one call per date.
 */
function fieldsIn(date: Date, timeZone: string): number[] {
  if (formatter?.zone !== timeZone) {
    let format: Intl.DateTimeFormat | null = null;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      format = null;
    }
    formatter = { zone: timeZone, format };
  }
  if (!formatter.format) return Utilities.formatDate(date, timeZone, 'yyyy M d H m s').split(' ').map(Number);
  const parts: Record<string, number> = {};
  for (const p of formatter.format.formatToParts(date))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return [parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!];
}

/**
 * One sheet row for the given cells, placed by header; user text neutralised so it stays text. Over
 * `current` (the row as it is in the sheet) when given, so the other columns keep their values.
 */
export function rowFor<S extends SheetSpec>(
  spec: S,
  header: readonly unknown[],
  cells: Partial<Record<FieldKey<S>, unknown>>,
  current: readonly unknown[] = [],
): unknown[] {
  const columns = mapHeaders(spec, header);
  const row: unknown[] = header.map((_, c) => current[c] ?? '');
  for (const [key, value] of Object.entries(cells) as Array<[FieldKey<S>, unknown]>) {
    const col = columns[key];
    if (col !== undefined) row[col] = neutralizeFormula(value ?? '');
  }
  return row;
}

/**
 * Writes `cells` into row `at` (1-based; past the end appends) by header, over the span of the spec's
 * columns only: columns a person added before or after it are not touched, and those in between are
 * written back as they stand (formulas as formulas, text kept from becoming a formula). `values` is the
 * sheet as just read, under the lock.
 */
export function writeFields<S extends SheetSpec>(
  sheet: Sheet,
  spec: S,
  values: readonly (readonly unknown[])[],
  at: number,
  cells: Partial<Record<FieldKey<S>, unknown>>,
): void {
  const header = values[0] ?? [];
  const mapped = Object.values(mapHeaders(spec, header)) as number[];
  if (mapped.length === 0) return;
  const first = Math.min(...mapped);
  const last = Math.max(...mapped);
  const current = values[at - 1];
  const formulas = current ? sheet.getRange(at, first + 1, 1, last - first + 1).getFormulas()[0]! : [];
  const asIs = current ? current.map((v, c) => formulas[c - first] || neutralizeFormula(v)) : [];
  const row = rowFor(spec, header, cells, asIs).slice(first, last + 1);
  sheet.getRange(at, first + 1, 1, row.length).setValues([row]);
  wrote(sheet);
}

/** Writes rows below the last data row in one `setValues`. `dataRows` is the number of rows now there. */
export function appendRows(sheet: Sheet, dataRows: number, rows: unknown[][]): void {
  if (rows.length === 0) return;
  sheet.getRange(dataRows + 1, 1, rows.length, rows[0]!.length).setValues(rows);
  wrote(sheet);
}

/**
 * Writes rows after the sheet's last row as it is now (a row a person typed meanwhile is never written
 * over): one row with `appendRow`, which finds the end itself (one call); more with one `setValues`.
 */
export function appendAtEnd(sheet: Sheet, rows: unknown[][]): void {
  if (rows.length === 1) {
    sheet.appendRow(rows[0]!);
    wrote(sheet);
  } else appendRows(sheet, sheet.getLastRow(), rows);
}

/** The sheet of a spec, created with its header row when missing; with its header and data row count. */
export function sheetWithHeader(
  sheets: SheetIndex,
  spec: SheetSpec,
): { sheet: Sheet; header: unknown[]; rows: number } {
  let sheet = sheets.find(spec);
  if (!sheet) {
    sheet = sheets.insert(spec);
    sheet.getRange(1, 1, 1, spec.fields.length).setValues([spec.fields.map((f) => f.header)]);
    sheet.setFrozenRows(1);
  }
  const rows = Math.max(sheet.getLastRow(), 1);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  return { sheet, header, rows };
}
