import type { CheckResult } from '../../core/check/check';
import { hash53 } from '../../core/base/hash';
import {
  HIGHLIGHTED,
  ROW_KEY,
  highlightFormula,
  highlightSeverity,
  marksBlock,
  marksColumns,
} from '../../core/check/highlight-marks';
import { FINDING_COLOURS_SHEET, mapHeaders } from '../../core/workbook/contract';
import { SEVERITY_FILL, sheetColor } from '../../core/workbook/presentation';
import { SHEETS, type SheetId } from '../../core/workbook/sheets';
import type { Severity } from '../../core/engine/findings';
import type { WorkbookValues } from '../../core/portfolio/records';
import { documentProperties } from '../platform/properties';
import { editable } from '../platform/protect';
import { wrote, type Sheet, type SheetIndex } from '../platform/sheets';

/**
 * The check's colours in Google Sheets (see core/check/highlight-marks.ts): the marks in one write on the
 * hidden sheet `Avviksfarger`, and the rules that read them put on a highlighted sheet once (by set-up,
 * or by the check when a sheet with findings has none yet, or may have lost some of its rows).
 */

/** The rules on one sheet as they were put on: the rows and columns they cover, the key fields they compare. */
interface Rules {
  rows: number;
  columns: number;
  keys: string[];
  /** The sheet's height at the last check: a lower one means rows were deleted, and the rules shrank. */
  height: number;
}

/** What the last check left: the marks sheet's name, the rows it wrote, each sheet's rules (by name), the marks' digest. */
interface Kept {
  marksName: string;
  height: number;
  rules: Record<string, Rules>;
  digest: string;
}

const PROPERTY = 'tilskudd.check.marks';
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** Empty rows a sheet whose data nearly fills it gets below its data when its rules are put on. */
const ROOM = 1000;

function kept(): Kept {
  try {
    const k = JSON.parse(documentProperties().getProperty(PROPERTY) ?? 'null') as Partial<Kept> | null;
    if (
      k &&
      typeof k.marksName === 'string' &&
      typeof k.height === 'number' &&
      k.rules &&
      typeof k.rules === 'object' &&
      typeof k.digest === 'string'
    )
      return k as Kept;
  } catch {
    // a damaged property: the marks are written and the rules put on again
  }
  return { marksName: '', height: 0, rules: {}, digest: '' };
}

const save = (k: Kept) => documentProperties().setProperty(PROPERTY, JSON.stringify(k));

/** The marks sheet, made hidden when missing (set-up protects it; Diagnose says when it is not). */
function marksSheet(sheets: SheetIndex): { sheet: Sheet; made: boolean } {
  const found = sheets.find(FINDING_COLOURS_SHEET);
  if (found) return { sheet: found, made: false };
  const sheet = sheets.insert(FINDING_COLOURS_SHEET);
  sheet.hideSheet();
  return { sheet, made: true };
}

/** The product's highlight rules on a sheet, and everyone else's. */
export function splitRules(sheet: Sheet): {
  ours: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  others: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
} {
  const all = sheet.getConditionalFormatRules();
  const isOurs = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) =>
    highlightSeverity(String(rule.getBooleanCondition()?.getCriteriaValues()[0] ?? '')) !== null;
  return { ours: all.filter(isOurs), others: all.filter((r) => !isOurs(r)) };
}

/** The key fields of `id` the sheet has, and their columns (0-based), from its header's column map. */
function keyFields(id: SheetId, columns: Partial<Record<string, number>>): { keys: string[]; at: number[] } {
  const keys = ROW_KEY[id].filter((k) => columns[k] !== undefined);
  return { keys, at: keys.map((k) => columns[k]!) };
}

/**
 * Puts the product's highlight rules on one sheet, first, over every row below its header and the columns
 * that hold data (`width`; each cell a rule covers costs Sheets an INDIRECT per rule, so not the empty
 * columns to the right: a column filled there later makes the check put the rules on again); a person's
 * rules and the plan's lights stay after them. When its data (`height` rows) has outgrown the
 * rules (`grown`) and leaves fewer than a tenth of `ROOM` rows empty, the sheet first gets `ROOM` empty rows
 * more, as Sheets' own «add rows» does: rows a form appends then fall inside the rules, which are put on
 * again only every `ROOM` rows.
 */
function putRules(
  sheet: Sheet,
  id: SheetId,
  marksName: string,
  columns: Partial<Record<string, number>>,
  height: number,
  width: number,
  grown = false,
): Rules {
  let rows = sheet.getMaxRows();
  if (grown && rows - height < ROOM / 10) {
    sheet.insertRowsAfter(rows, height + ROOM - rows);
    rows = height + ROOM;
  }
  const range = sheet.getRange(2, 1, Math.max(rows - 1, 1), Math.max(width, 1));
  const { keys, at } = keyFields(id, columns);
  const ours = SEVERITIES.map((severity) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(
        highlightFormula(
          marksName,
          id,
          severity,
          at.map((c) => c + 1),
        ),
      )
      .setBackground(sheetColor(SEVERITY_FILL[severity]))
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules([...ours, ...splitRules(sheet).others]);
  return { rows, columns: width, keys, height };
}

/** A sheet's columns by field from its header (row 1, as set-up leaves it); none when it cannot be read. */
function headerColumns(id: SheetId, header: readonly unknown[]): Partial<Record<string, number>> {
  try {
    return mapHeaders(SHEETS[id], header);
  } catch {
    return {};
  }
}

/** Set-up: the marks sheet, and the rules on every highlighted sheet the workbook has that this user may edit. */
export function prepareHighlights(sheets: SheetIndex): void {
  const { sheet: marks } = marksSheet(sheets);
  const name = sheets.nameOf(marks);
  const k = kept();
  for (const id of HIGHLIGHTED) {
    const sheet = sheets.find(SHEETS[id]);
    // A sheet protected by someone else (set-up names it and who may change it) keeps its rules.
    if (!sheet || !editable(sheet)) continue;
    const values = sheets.data(sheet).values;
    k.rules[sheets.nameOf(sheet)] = putRules(
      sheet,
      id,
      name,
      headerColumns(id, values[0] ?? []),
      values.length,
      values[0]?.length ?? 0,
    );
  }
  save({ ...k, marksName: name });
}

/**
 * After a check: the rules put on again on any sheet with findings whose rules may no longer reach its rows
 * (none yet, grown past them, rows deleted, key columns come or gone, the marks sheet renamed), then the marks
 * written in one block when they differ from the last check's. `read` holds the sheets the check read, by
 * name. Returns the sheets whose rules the user may not renew (a protected sheet they may not edit): their
 * new rows stay without colour until someone who may edit them checks or runs set-up.
 */
export function writeHighlights(
  sheets: SheetIndex,
  read: Map<string, Sheet>,
  values: WorkbookValues,
  result: CheckResult,
): string[] {
  const k = kept();
  const p = result.portfolio;
  // The key cells as the sheet has them now: rules that compare others are stale, and put on again.
  const keyOf = (id: SheetId, row: number) =>
    keyFields(id, p.columns[id]).at.map((c) => values[p.sheetNames[id]]?.[row - 1]?.[c]);
  const block = marksBlock(result.findings, p, keyOf, k.height);
  const digest = digestOf(block);
  const { sheet: marks, made } = marksSheet(sheets);
  const name = sheets.nameOf(marks);
  const renamed = name !== k.marksName;
  const refused: string[] = [];
  const rules: Record<string, Rules> = {};
  for (const id of HIGHLIGHTED) {
    const sheetName = p.sheetNames[id];
    const sheet = read.get(sheetName);
    const data = values[sheetName];
    if (!sheet || !data) continue;
    const has = k.rules[sheetName];
    const flagged = block.some((row, r) => r > 0 && row[marksColumns(id).flags - 1] !== '');
    const stale =
      !has ||
      renamed ||
      data.length > has.rows ||
      data.length < has.height ||
      (data[0]?.length ?? 0) > has.columns ||
      has.keys.join('|') !== keyFields(id, p.columns[id]).keys.join('|');
    if (!stale) {
      rules[sheetName] = { ...has, height: data.length };
      continue;
    }
    // Stale rules are kept as recorded (the reason stays visible) until the sheet has findings to colour.
    if (has) rules[sheetName] = has;
    if (!flagged) continue;
    if (editable(sheet))
      rules[sheetName] = putRules(
        sheet,
        id,
        name,
        p.columns[id],
        data.length,
        data[0]?.length ?? 0,
        has !== undefined && data.length > has.rows,
      );
    else refused.push(sheetName);
  }
  if (made || digest !== k.digest) {
    marks.getRange(1, 1, block.length, block[0]!.length).setValues(block);
    wrote(marks);
  }
  // Rows beyond the last mark are blank now: the next check clears no further than that.
  let last = block.length;
  while (last > 1 && block[last - 1]!.every((v) => v === '')) last--;
  const next: Kept = { marksName: name, height: last, rules, digest: digestOf(block.slice(0, last)) };
  if (JSON.stringify(next) !== JSON.stringify(k)) save(next);
  return refused;
}

/** The block's text hashed: equal digests, equal marks. */
const digestOf = (block: readonly (readonly string[])[]): string =>
  hash53(block.map((row) => row.join('\u0001')).join('\u0002'));
