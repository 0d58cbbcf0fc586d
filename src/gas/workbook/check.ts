import { checkWorkbook, type CheckResult } from '../../core/check/check';
import {
  FINDINGS_SHEET,
  LOG_SHEET,
  MEMBERS_SHEET,
  mapHeaders,
  missingFields,
  type SheetSpec,
} from '../../core/workbook/contract';
import { addressOf } from '../../core/portfolio/address';
import { SEVERITY_LABEL, severityRank, type Finding, type Severity } from '../../core/engine/findings';
import type { SheetId } from '../../core/workbook/sheets';
import type { Lang } from '../../core/base/result';
import { NOTE_PREFIX, rememberedFill, withOwnNote, withoutOwnNote } from '../../core/workbook/notes';
import { cellText, neutralizeFormula } from '../../core/base/text';
import { PLAIN_TEXT, SEVERITY_FILL, sheetColor } from '../../core/workbook/presentation';
import { clipText } from '../../core/workbook/cell-limit';
import { todayIn } from '../platform/desk';
import { stuckIntake } from '../platform/intake-health';
import { WORKBOOK_SHEETS, readWorkbook } from './portfolio';
import { rowFor, wrote, type SheetIndex } from '../platform/sheets';
import { documentProperties } from '../platform/properties';

type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * "Kontroller portefølje": every rule over the whole workbook, findings to `Avvik` in one write, the
 * offending cells highlighted and annotated in batched calls, earlier highlights cleared. The number of
 * service calls does not depend on the number of rows.
 */

/** Every sheet a check looks up: the role's, the portfolio's, `Avvik` and `Logg`. */
export const CHECK_SHEETS: readonly SheetSpec[] = [
  MEMBERS_SHEET,
  ...WORKBOOK_SHEETS,
  FINDINGS_SHEET,
  LOG_SHEET,
];

export interface CheckSummary {
  errors: number;
  warnings: number;
}

export function runCheck(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheets: SheetIndex,
  lang: Lang,
): CheckSummary {
  const read = readWorkbook(ss, sheets);
  const result = checkWorkbook(read.values, { today: todayIn(ss, sheets), intakeStuck: stuckIntake() });
  writeFindings(sheets, result, lang);
  const ids: SheetId[] = ['applications', 'budget', 'allocations', 'payments', 'statusReports', 'deadlines'];
  if (result.portfolio.plan) ids.push('plan');
  const marked = lastMarks(ss);
  for (const id of ids) {
    const name = result.portfolio.sheetNames[id];
    // Utbetalinger and the follow-up sheets are optional: highlighted when the workbook has them.
    const sheet = read.sheets.get(name);
    if (!sheet) continue;
    const values = read.values[name]!;
    const marks = marksOf(values, id, result, lang);
    const print = fingerprint(values, marks);
    // The same values and findings as when this sheet was last highlighted: its marks stand.
    if (marked.was[name] !== print) highlight(sheets.data(sheet).range, values, marks);
    marked.now[name] = print;
  }
  marked.save();
  return {
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
  };
}

export function cellA1(result: CheckResult, f: Finding): string {
  const cell = f.cells[0];
  const at = cell ? addressOf(result.portfolio, cell) : null;
  return at ? `${at.sheet}!${at.a1}` : '';
}

const RESOLVED = { nb: 'Løst', en: 'Resolved' };

/**
 * `Avvik` rewritten by header in one write. Columns a person added keep their values with the finding
 * they were written beside (matched by rule, case and cell); a finding that is gone keeps its row, marked
 * resolved, while a person's column in it holds something. Missing product headers are added at the end.
 */
function writeFindings(sheets: SheetIndex, result: CheckResult, lang: Lang): void {
  const found = sheets.find(FINDINGS_SHEET);
  const sheet = found ?? sheets.insert(FINDINGS_SHEET);
  // A sheet made just now is empty: nothing to read.
  const read = found ? sheets.data(found) : null;
  const old: unknown[][] = read ? read.values : [[]];
  const header = old[0]!.some((h) => h !== '') ? [...old[0]!] : [];
  for (const f of missingFields(FINDINGS_SHEET, header)) header.push(lang === 'nb' ? f.header : f.en);
  const columns = mapHeaders(FINDINGS_SHEET, header);
  const mine = new Set(Object.values(columns) as number[]);
  const extra = header.map((_, c) => c).filter((c) => !mine.has(c));
  // Formulas can only be in a person's columns: read when there are some.
  const formulas = read && extra.length > 0 ? read.range().getFormulas() : [[]];
  const keyOf = (rule: unknown, ref: unknown, cell: unknown) =>
    [rule, ref, cell].map(cellText).join('\u0000');
  // A person's cells per finding, as they stand (formulas as formulas, text never becoming one).
  const kept = new Map<string, { row: unknown[]; cells: unknown[] }>();
  for (let r = 1; r < old.length; r++) {
    const row = old[r]!;
    const cells = extra.map((c) => formulas[r]?.[c] || neutralizeFormula(row[c] ?? ''));
    if (cells.every((v) => v === '')) continue;
    kept.set(keyOf(row[columns.rule!], row[columns.ref!], row[columns.cell!]), { row, cells });
  }
  const rows: unknown[][] = [header];
  const withExtra = (row: unknown[], key: string) => {
    const person = kept.get(key);
    kept.delete(key);
    if (person) extra.forEach((c, i) => (row[c] = person.cells[i]));
    return row;
  };
  for (const f of result.findings) {
    const where = cellA1(result, f);
    const row = rowFor(FINDINGS_SHEET, header, {
      rule: f.rule,
      severity: SEVERITY_LABEL[f.severity][lang],
      ref: f.ref,
      // The rules quote little of a cell; the limit still holds for a message that lists many things.
      message: clipText(f.message[lang]),
      cell: where,
    });
    rows.push(withExtra(row, keyOf(f.rule, f.ref, where)));
  }
  for (const [key, { row: was }] of [...kept]) {
    const row = rowFor(FINDINGS_SHEET, header, {
      rule: was[columns.rule!],
      severity: RESOLVED[lang],
      ref: was[columns.ref!],
      message: was[columns.message!],
      cell: was[columns.cell!],
    });
    rows.push(withExtra(row, key));
  }
  // Blank the rows the sheet had beyond the new ones, in the same write.
  while (rows.length < old.length) rows.push(header.map(() => ''));
  // The same findings as the sheet shows (a check run again): nothing to write.
  if (sameCells(rows, old)) return;
  // `Sak` as text: an action plan's number such as 1.3 would otherwise be read as a date (1 March).
  if (rows.length > 1) sheet.getRange(2, columns.ref! + 1, rows.length - 1, 1).setNumberFormat(PLAIN_TEXT);
  sheet.getRange(1, 1, rows.length, header.length).setValues(rows);
  wrote(sheet);
}

/** Whether `rows` holds exactly the text `values` (as read) shows, cell for cell. */
const sameCells = (rows: readonly (readonly unknown[])[], values: readonly (readonly unknown[])[]) =>
  rows.length === values.length &&
  rows.every(
    (row, r) =>
      row.length === values[r]!.length &&
      row.every((v, c) => typeof v === 'string' && typeof values[r]![c] === 'string' && v === values[r]![c]),
  );

/** Where the highlighting of each sheet was last left (see `lastMarks`). */
const MARKS_PROPERTY = 'tilskudd.check.highlights';

/**
 * The fingerprint of each sheet as it was last highlighted, by sheet name, from a document property
 * stamped with the spreadsheet's id (a copy of the spreadsheet starts afresh). `now` collects this run's
 * fingerprints; `save` writes them (only the sheets of this run) when one differs. One call (the id),
 * one property read and at most one write.
 */
function lastMarks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  was: Record<string, string>;
  now: Record<string, string>;
  save: () => void;
} {
  const props = documentProperties();
  const id = ss.getId();
  const was: Record<string, string> = {};
  try {
    const kept = JSON.parse(props.getProperty(MARKS_PROPERTY) ?? 'null') as {
      id?: unknown;
      prints?: Record<string, unknown>;
    } | null;
    if (kept?.id === id && kept.prints && typeof kept.prints === 'object')
      for (const [name, print] of Object.entries(kept.prints))
        if (typeof print === 'string') was[name] = print;
  } catch {
    // a damaged property: every sheet is highlighted again
  }
  const now: Record<string, string> = {};
  return {
    was,
    now,
    save: () => {
      const names = Object.keys(now);
      if (names.length !== Object.keys(was).length || names.some((n) => was[n] !== now[n]))
        props.setProperty(MARKS_PROPERTY, JSON.stringify({ id, prints: now }));
    },
  };
}

interface Marks {
  width: number;
  /** The notes' lines per cell, by number (row × width + column): no string per cell of a large sheet. */
  lines: Map<number, string[]>;
  /** A cell shows its most severe finding's colour. */
  severity: Map<number, Severity>;
}

/** What the findings put on one sheet: a note's lines and a colour per cell. No service call. */
function marksOf(
  values: readonly (readonly unknown[])[],
  id: SheetId,
  result: CheckResult,
  lang: Lang,
): Marks {
  const width = values[0]?.length ?? 0;
  const lines = new Map<number, string[]>();
  const severity = new Map<number, Severity>();
  const columns = result.portfolio.columns[id];
  for (const f of result.findings) {
    for (const cell of f.cells) {
      const col = cell.sheet === id ? columns[cell.field] : undefined;
      if (col === undefined) continue;
      const key = (cell.row - 1) * width + col;
      lines.set(key, [...(lines.get(key) ?? []), `[${f.rule}] ${f.message[lang]}`]);
      const was = severity.get(key);
      if (was === undefined || severityRank(f.severity) < severityRank(was)) severity.set(key, f.severity);
    }
  }
  return { width, lines, severity };
}

/**
 * A digest of a sheet's values and of the marks its findings make (cells, lines, colours): equal
 * digests mean the highlight pass would find nothing to change, unless a person changed a note or a
 * fill by hand since (docs/known-limits.md). Two 32-bit hashes (cyrb53), fed cell by cell.
 */
function fingerprint(values: readonly (readonly unknown[])[], marks: Marks): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  feed(`${values.length}x${marks.width}|${NOTE_PREFIX}|${Object.values(SEVERITY_FILL).join(',')}`);
  for (const row of values) {
    feed('\u0002');
    for (const v of row) feed(`\u0001${v instanceof Date ? `d${v.getTime()}` : `${typeof v}${String(v)}`}`);
  }
  for (const [key, lines] of [...marks.lines].sort(([a], [b]) => a - b))
    feed(`\u0003${key}:${marks.severity.get(key)}:${lines.join('\u0001')}`);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(36)}.${(h1 >>> 0).toString(36)}`;
}

/**
 * Notes and fills of one sheet in at most five calls (the block, its notes and fills read, each written
 * once): the product's part of each note is replaced (a person's text before and after it is kept, see
 * core/workbook/notes.ts), and a cell whose finding is gone gets back the fill it had before it was
 * highlighted (remembered in the note's own part), unless a person has given it another fill since. The
 * fills go back as one block: every other cell gets the fill it was just read with (the default as
 * null, so banding and a blank cell stay as they were).
 */
function highlight(
  range: () => Range,
  values: readonly (readonly unknown[])[],
  { width, lines, severity }: Marks,
): void {
  const height = values.length;
  if (height < 2 || width === 0) return;
  const notes = range().getNotes();
  const ours = new Set(Object.values(SEVERITY_FILL).map((f) => sheetColor(f).toLowerCase()));
  // No finding and no note of the product's: nothing to clear or set, and the fills are not read.
  if (lines.size === 0 && !notes.some((row) => row.some((n) => n.includes(NOTE_PREFIX)))) return;
  const fills = range().getBackgrounds();
  const next: (string | null)[][] = fills.map((row) =>
    row.map((f) => (f.toLowerCase() === DEFAULT_FILL ? null : f)),
  );
  let notesChanged = false;
  let fillsChanged = false;
  const paint = (r: number, c: number, color: string | null) => {
    if ((color ?? DEFAULT_FILL).toLowerCase() === fills[r]![c]!.toLowerCase()) return;
    next[r]![c] = color;
    fillsChanged = true;
  };
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const key = r * width + c;
      const own = lines.get(key);
      const note = notes[r]![c]!;
      // Most cells: no finding and no note of the product's.
      if (!own && !note.includes(NOTE_PREFIX)) continue;
      const person = withoutOwnNote(note);
      const fill = fills[r]![c]!.toLowerCase();
      // The cell's own fill: the one remembered while the product's colour is on it, else its fill now
      // (a person may have re-coloured a highlighted cell: their colour is the one to give back).
      const before = ours.has(fill) ? (person !== null ? rememberedFill(note) : null) : fill;
      let now = note;
      if (own) {
        now = clipText(withOwnNote(person ?? note, own, before === DEFAULT_FILL ? null : before));
        // A cell shows its most severe finding's colour.
        paint(r, c, sheetColor(SEVERITY_FILL[severity.get(key)!]));
      } else if (person !== null) {
        now = person;
        if (ours.has(fill)) paint(r, c, before);
      }
      if (now !== note) {
        notes[r]![c] = now;
        notesChanged = true;
      }
    }
  }
  // A check that finds what the last one found writes nothing: same notes, cells already in colour.
  if (notesChanged) range().setNotes(notes);
  if (fillsChanged) range().setBackgrounds(next);
}

const DEFAULT_FILL = '#ffffff';
