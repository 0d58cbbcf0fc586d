import ExcelJS from 'exceljs';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { choicesFor } from '../core/workbook/choices';
import {
  ACTION_PLAN,
  FINDINGS_SHEET,
  findSheetName,
  columnLetter,
  type Field,
  type SheetSpec,
} from '../core/workbook/contract';
import { SEVERITY_LABEL, type CellRef, type Finding } from '../core/engine/findings';
import type { Portfolio, WorkbookValues } from '../core/portfolio/records';
import { SHEETS, type SheetId } from '../core/workbook/sheets';
import type { Lang } from '../core/base/result';
import type { Settings } from '../core/workbook/settings';
import { withOwnNote, withoutOwnNote } from '../core/workbook/notes';
import { neutralizeFormula, xmlSafe } from '../core/base/text';
import { NUMBER_FORMAT, PLAIN_TEXT, SEVERITY_FILL } from '../core/workbook/presentation';
import { tilskuddError } from '../core/base/errors';
import { UncomputedFormula } from '../core/base/cell';
import { isFileError } from './errors';

/** Reading and writing .xlsx files with exceljs: the offline twin of the Apps Script sheet adapter. */

type CellValue = ExcelJS.CellValue;

/** A cell as the core expects it: the shown value of formulas, plain text of rich text and links. */
export function plainValue(value: CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('result' in value && value.result !== undefined) return plainValue(value.result as CellValue);
  // A formula the file holds without its computed value: named as such by the rules, not read as blank.
  if ('formula' in value || 'sharedFormula' in value)
    return new UncomputedFormula(('formula' in value ? value.formula : value.sharedFormula) ?? '');
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return plainValue(value.text as CellValue);
  if ('error' in value) return value.error;
  return '';
}

const SAVE_AS = {
  nb: 'Åpne den i Excel og velg Fil › Lagre som › «Excel-arbeidsbok (.xlsx)» (LibreOffice: «Excel 2007-365 (.xlsx)»; Google Sheets: Fil › Last ned › «Microsoft Excel (.xlsx)»), og bruk den nye fila.',
  en: 'Open it in Excel and choose File › Save As › "Excel Workbook (.xlsx)" (LibreOffice: "Excel 2007-365 (.xlsx)"; Google Sheets: File › Download › "Microsoft Excel (.xlsx)"), and use the new file.',
};

/** What a file that is no .xlsx is, told from its first bytes, so the message says what to do. */
function notXlsx(path: string, data: Buffer): Error | null {
  const what = (nb: string, en: string, fix = SAVE_AS) =>
    tilskuddError(`«${path}» ${nb} ${fix.nb}`, `"${path}" ${en} ${fix.en}`);
  if (data.length === 0)
    return what(
      'er tom (0 byte): den ble kanskje ikke lagret ferdig, eller kopieringen stoppet.',
      'is empty (0 bytes): it may not have been saved completely, or the copy stopped.',
      {
        nb: 'Åpne originalen i Excel, lagre den som «Excel-arbeidsbok (.xlsx)», og prøv igjen.',
        en: 'Open the original in Excel, save it as "Excel Workbook (.xlsx)", and try again.',
      },
    );
  const head = data.subarray(0, 4).toString('latin1');
  if (head === '\xd0\xcf\x11\xe0')
    return what(
      'er en eldre Excel-fil (.xls) eller en passordbeskyttet arbeidsbok; Tilskudd leser bare .xlsx uten passord.',
      'is an older Excel file (.xls) or a password-protected workbook; Tilskudd reads only .xlsx without a password.',
    );
  if (head !== 'PK\x03\x04') {
    const start = data.subarray(0, 4096);
    return start.includes(0)
      ? what('er ikke en Excel-arbeidsbok (.xlsx).', 'is not an Excel workbook (.xlsx).')
      : what(
          'er en tekstfil (CSV eller lignende), ikke en Excel-arbeidsbok. Sjekk at kolonnene er delt riktig når du åpner den.',
          'is a text file (CSV or similar), not an Excel workbook. Check that the columns are split correctly when you open it.',
        );
  }
  // A zip's directory is at its end: without it the file was cut short.
  if (data.lastIndexOf('PK\x05\x06', undefined, 'latin1') < 0)
    return what(
      'er ufullstendig (avkortet): slutten av fila mangler, kanskje fordi kopieringen eller nedlastingen stoppet.',
      'is incomplete (truncated): the end of the file is missing, perhaps because the copy or download stopped.',
      {
        nb: 'Hent en ny kopi, eller åpne originalen i Excel og lagre den som «Excel-arbeidsbok (.xlsx)».',
        en: 'Get a new copy, or open the original in Excel and save it as "Excel Workbook (.xlsx)".',
      },
    );
  if (data.includes('opendocument.spreadsheet', 0, 'latin1'))
    return what(
      'er et OpenDocument-regneark (.ods), ikke en Excel-arbeidsbok.',
      'is an OpenDocument spreadsheet (.ods), not an Excel workbook.',
    );
  if (!data.includes('xl/workbook.xml', 0, 'latin1'))
    return what(
      'er en zip-fil, men ikke en Excel-arbeidsbok (.xlsx).',
      'is a zip file, but not an Excel workbook (.xlsx).',
    );
  return null;
}

/**
 * The bytes of the workbook at `path`, or a message that names the file and says what to do: missing, a
 * folder, empty, cut short, .xls, .ods, .csv. Checked before any parsing, as exceljs's stream reader never
 * settles on an empty or broken file (the command would end without an exit code).
 */
async function workbookBytes(path: string): Promise<Buffer> {
  if (!existsSync(path))
    throw tilskuddError(
      `Filen «${path}» finnes ikke. Sjekk stien.`,
      `The file "${path}" does not exist. Check the path.`,
    );
  if (statSync(path).isDirectory())
    throw tilskuddError(
      `«${path}» er en mappe, ikke en arbeidsbok. Oppgi selve .xlsx-fila, ikke mappa den ligger i.`,
      `"${path}" is a folder, not a workbook. Give the .xlsx file itself, not the folder it is in.`,
    );
  const data = await readFile(path);
  const wrong = notXlsx(path, data);
  if (wrong) throw wrong;
  return data;
}

/** Parses the bytes; a zip that still cannot be read is damaged. */
async function parsing<T>(path: string, parse: () => Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (e) {
    if (isFileError(e)) throw e;
    throw tilskuddError(
      `«${path}» er en skadet Excel-arbeidsbok som ikke kan leses. ${SAVE_AS.nb}`,
      `"${path}" is a damaged Excel workbook that cannot be read. ${SAVE_AS.en}`,
    );
  }
}

/** The whole workbook with styles and notes, for commands that write it back (`check --write`). */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const data = await workbookBytes(path);
  const wb = new ExcelJS.Workbook();
  await parsing(path, () => wb.xlsx.load(data as unknown as ExcelJS.Buffer));
  return wb;
}

/**
 * Only the cell values, streamed row by row without exceljs's object model: what every command that
 * does not write the workbook back needs, in a fraction of the memory (see `npm run bench`). The stream
 * needs the workbook part before the sheets, as Excel and exceljs write them; a file ordered otherwise
 * is read whole instead.
 */
export async function readValues(path: string): Promise<WorkbookValues> {
  const data = await workbookBytes(path);
  return parsing(path, async () => {
    try {
      return await streamValues(data);
    } catch {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
      return workbookValues(wb);
    }
  });
}

async function streamValues(data: Buffer): Promise<WorkbookValues> {
  const out: Record<string, unknown[][]> = {};
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  for await (const ws of reader) {
    const rows: unknown[][] = [];
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      const cells = row.values as CellValue[];
      const values: unknown[] = new Array(Math.max(cells.length - 1, 0));
      for (let c = 1; c < cells.length; c++) values[c - 1] = plainValue(cells[c]);
      // Rows keep their sheet row number: empty rows in between are left out of the stream.
      while (rows.length < row.number - 1) rows.push([]);
      rows.push(values);
    }
    const name = (ws as unknown as { name?: string }).name;
    if (name === undefined) throw new Error('worksheet before workbook part');
    out[name] = rows;
  }
  // exceljs's stream can split a multi-byte character where one chunk of a part ends («��r» for «år»):
  // then the whole-file reader, which never does, reads it instead.
  if (Object.values(out).some((rows) => rows.some((row) => row.some(replaced))))
    throw new Error('character split by the stream');
  return out;
}

const replaced = (v: unknown) => typeof v === 'string' && v.includes('\uFFFD');

/**
 * Replaces one sheet's values (header first) in a loaded workbook, adding the sheet when it is missing;
 * the other sheets are not touched. Dates stay dates, numbers numbers.
 */
export function replaceSheetValues(
  wb: ExcelJS.Workbook,
  name: string,
  values: readonly (readonly unknown[])[],
): void {
  const ws = wb.getWorksheet(name) ?? wb.addWorksheet(name);
  const rows = Math.max(ws.rowCount, values.length);
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const source = values[r - 1] ?? [];
    const width = Math.max(row.cellCount, source.length);
    for (let c = 1; c <= width; c++) row.getCell(c).value = (source[c - 1] ?? null) as CellValue;
    row.commit();
  }
  if (values.length > 0) ws.getRow(1).font = { bold: true };
}

/** All sheets' values, header first; each row padded to the sheet's width. */
export function workbookValues(wb: ExcelJS.Workbook): WorkbookValues {
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const width = ws.columnCount;
    const rows: unknown[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values: unknown[] = new Array(width);
      for (let c = 1; c <= width; c++) values[c - 1] = plainValue(row.getCell(c).value);
      rows.push(values);
    }
    out[ws.name] = rows;
  });
  return out;
}

/** A1 address of a finding's cell, or '' when its column is not in the sheet. */
export function cellAddress(p: Portfolio, cell: CellRef): string {
  const col = p.columns[cell.sheet][cell.field];
  return col === undefined ? '' : `${columnLetter(col + 1)}${cell.row}`;
}

/**
 * Adds (or replaces) the `Avvik` sheet and highlights each offending cell by severity with a note.
 * Highlights from an earlier run (notes starting with "Tilskudd:") are cleared first.
 */
export function annotate(wb: ExcelJS.Workbook, p: Portfolio, findings: Finding[], lang: Lang): void {
  for (const id of Object.keys(SHEETS) as SheetId[]) {
    const ws = wb.getWorksheet(p.sheetNames[id]);
    ws?.eachRow((row) =>
      row.eachCell((cell) => {
        const kept = withoutOwnNote(noteText(cell));
        if (kept !== null) {
          cell.note = kept;
          setFill(cell, null);
        }
      }),
    );
  }
  const marks = new Map<
    string,
    { sheet: SheetId; address: string; severity: Finding['severity']; notes: string[] }
  >();
  for (const f of findings) {
    for (const cell of f.cells) {
      const address = cellAddress(p, cell);
      if (address === '') continue;
      const key = `${cell.sheet}!${address}`;
      const mark = marks.get(key) ?? { sheet: cell.sheet, address, severity: f.severity, notes: [] };
      if (f.severity === 'error') mark.severity = 'error';
      mark.notes.push(`[${f.rule}] ${f.message[lang]}`);
      marks.set(key, mark);
    }
  }
  for (const m of marks.values()) {
    const cell = wb.getWorksheet(p.sheetNames[m.sheet])!.getCell(m.address);
    setFill(cell, excelColor(SEVERITY_FILL[m.severity]));
    cell.note = withOwnNote(noteText(cell), m.notes);
  }

  const existing = findSheetName(
    FINDINGS_SHEET,
    wb.worksheets.map((w) => w.name),
  );
  if (existing !== undefined) wb.removeWorksheet(wb.getWorksheet(existing)!.id);
  const ws = wb.addWorksheet(FINDINGS_SHEET.name);
  ws.addRow(FINDINGS_SHEET.fields.map((f) => (lang === 'nb' ? f.header : f.en)));
  for (const f of findings) {
    const first = f.cells[0];
    const where = first ? `${p.sheetNames[first.sheet]}!${cellAddress(p, first)}` : '';
    ws.addRow(
      [f.rule, SEVERITY_LABEL[f.severity][lang], f.ref, f.message[lang], where].map(neutralizeFormula),
    );
    const last = ws.lastRow!;
    setFill(last.getCell(2), excelColor(SEVERITY_FILL[f.severity]));
  }
  styleHeader(ws, [22, 12, 16, 100, 22]);
}

/**
 * Writes the numbers the product assigns into the plan's `Nr` (as text), adding the column after the last
 * one when the sheet has none; given numbers are left as they are. Returns how many rows got a number.
 */
export function writePlanNumbers(wb: ExcelJS.Workbook, p: Portfolio): number {
  const plan = p.plan;
  const assigned = plan?.items.filter((i) => i.assigned) ?? [];
  if (!plan || assigned.length === 0) return 0;
  const ws = wb.getWorksheet(plan.sheetName)!;
  let col = plan.columns.nr;
  if (col === undefined) {
    // After the header's last filled cell (styles may give the row more cells than it uses).
    let last = 0;
    ws.getRow(1).eachCell((cell, n) => {
      if (String(plainValue(cell.value)).trim() !== '') last = n;
    });
    col = last;
    ws.getRow(1).getCell(col + 1).value = ACTION_PLAN.fields.find((f) => f.key === 'nr')!.header;
  }
  for (const item of assigned) {
    const cell = ws.getRow(item.row).getCell(col + 1);
    cell.numFmt = PLAIN_TEXT;
    cell.value = item.number;
  }
  return assigned.length;
}

const noteText = (cell: ExcelJS.Cell): string =>
  (typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join('')) ?? '';

/** exceljs shares one style object between cells of a row or column: give the cell its own copy first. */
function setFill(cell: ExcelJS.Cell, argb: string | null): void {
  const fill: ExcelJS.Fill = argb
    ? { type: 'pattern', pattern: 'solid', fgColor: { argb } }
    : { type: 'pattern', pattern: 'none' };
  cell.style = { ...cell.style, fill };
}

function styleHeader(ws: ExcelJS.Worksheet, widths: number[]): void {
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** `FF` + RRGGBB, as exceljs takes a colour. */
const excelColor = (rgb: string) => `FF${rgb}`;

const WIDTH: Partial<Record<Field['kind'], number>> = { longtext: 40, text: 24, list: 28, email: 26 };

/**
 * A workbook with every sheet of the contract, styled headers, number formats and dropdowns (the
 * template of `tilskudd init`, and the example workbook of the demo).
 */
export function buildWorkbook(values: WorkbookValues, settings: Settings): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tilskudd';
  for (const [name, rows] of Object.entries(values)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow([...row]);
    const spec = [...Object.values(SHEETS)].find((s) => s.name === name);
    if (spec) formatSheet(ws, spec, settings);
    else styleHeader(ws, [36, 40, 60]);
  }
  return wb;
}

/** exceljs supports range-wide validations (one rule for a whole column) but leaves them out of its typings. */
interface RangeValidations {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
}

function formatSheet(ws: ExcelJS.Worksheet, spec: SheetSpec, settings: Settings): void {
  styleHeader(
    ws,
    spec.fields.map((f) => WIDTH[f.kind] ?? 16),
  );
  const lastRow = Math.max(ws.rowCount, 500);
  spec.fields.forEach((field, i) => {
    const col = ws.getColumn(i + 1);
    const format = NUMBER_FORMAT[field.kind];
    if (format) col.numFmt = format;
    const list = choicesFor(field, settings);
    if (list) {
      const letter = columnLetter(i + 1);
      (ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
        type: 'list',
        allowBlank: true,
        showErrorMessage: field.kind !== 'region',
        formulae: [`"${list.join(',')}"`],
      });
    }
  });
  ws.getRow(1).numFmt = PLAIN_TEXT;
}

/**
 * Removes characters XML cannot hold from every text of the workbook (values, rich text, links, notes)
 * before it is written: exceljs would write them as they are, and Excel then refuses the whole file.
 * Returns the cells changed ("Søknader!C2"), so the user is told.
 */
export function makeXmlSafe(wb: ExcelJS.Workbook): string[] {
  const changed: string[] = [];
  const safe = (text: string) => {
    const s = xmlSafe(text);
    return s === text ? null : s;
  };
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        let touched = false;
        const v = cell.value;
        if (typeof v === 'string') {
          const s = safe(v);
          if (s !== null) [cell.value, touched] = [s, true];
        } else if (v && typeof v === 'object' && 'richText' in v) {
          const texts = v.richText.map((r) => ({ ...r, text: xmlSafe(r.text) }));
          if (texts.some((r, i) => r.text !== v.richText[i]!.text))
            [cell.value, touched] = [{ richText: texts }, true];
        } else if (v && typeof v === 'object' && 'hyperlink' in v && typeof v.text === 'string') {
          const s = safe(v.text);
          if (s !== null) [cell.value, touched] = [{ ...v, text: s }, true];
        }
        const note = noteText(cell);
        const safeNote = safe(note);
        if (safeNote !== null) [cell.note, touched] = [safeNote, true];
        if (touched) changed.push(`${ws.name}!${cell.address}`);
      }),
    ),
  );
  return changed;
}
