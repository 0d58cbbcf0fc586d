import type { CheckResult } from '../../core/check/check';
import {
  HIGHLIGHTED,
  ROW_KEY,
  highlightFormula,
  isHighlightFormula,
  marksBlock,
} from '../../core/check/highlight-marks';
import { FINDING_COLOURS_SHEET, mapHeaders } from '../../core/workbook/contract';
import { PLAIN_TEXT, SEVERITY_FILL, sheetColor } from '../../core/workbook/presentation';
import { SHEETS, type SheetId } from '../../core/workbook/sheets';
import type { Severity } from '../../core/engine/findings';
import type { WorkbookValues } from '../../core/portfolio/records';
import { documentProperties } from '../platform/properties';
import { wrote, type Sheet, type SheetIndex } from '../platform/sheets';
import { editable } from '../platform/protect';

/**
 * The check's colours in Google Sheets (see core/check/highlight-marks.ts): the marks in one write on the
 * hidden sheet `Avviksfarger`, and the rules that read them put on a highlighted sheet once (by set-up,
 * or by the check when a sheet with findings has none yet or has grown past them).
 */

/** What the last check left: the rows it wrote, each sheet's rules as put on (by name), the marks' digest. */
interface Kept {
  height: number;
  rules: Record<string, { rows: number; columns: number }>;
  digest: string;
}

const PROPERTY = 'tilskudd.check.marks';
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** Empty rows a sheet that has outgrown its rules gets below its data. */
const ROOM = 1000;

function kept(): Kept {
  try {
    const k = JSON.parse(documentProperties().getProperty(PROPERTY) ?? 'null') as Partial<Kept> | null;
    if (
      k &&
      typeof k.height === 'number' &&
      k.rules &&
      typeof k.rules === 'object' &&
      typeof k.digest === 'string'
    )
      return k as Kept;
  } catch {
    // a damaged property: the marks are written and the rules put on again
  }
  return { height: 0, rules: {}, digest: '' };
}

const save = (k: Kept) => documentProperties().setProperty(PROPERTY, JSON.stringify(k));

/** The marks sheet, made hidden with every cell as text when missing (set-up protects it). */
function marksSheet(sheets: SheetIndex): { sheet: Sheet; made: boolean } {
  const found = sheets.find(FINDING_COLOURS_SHEET);
  if (found) return { sheet: found, made: false };
  const sheet = sheets.insert(FINDING_COLOURS_SHEET);
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).setNumberFormat(PLAIN_TEXT);
  sheet.hideSheet();
  return { sheet, made: true };
}

/**
 * Puts the product's highlight rules on one sheet, first, over the whole sheet below its header; a
 * person's rules and the plan's lights stay after them. Returns what they cover. A sheet whose data fills
 * its rows (`filled`: the data's height) first gets `ROOM` empty rows more, as Sheets' own «add rows»
 * does: rows a form appends then fall inside the rules, which are put on again only every `ROOM` rows.
 */
function putRules(
  sheet: Sheet,
  id: SheetId,
  marksName: string,
  key: number | undefined,
  filled = 0,
): { rows: number; columns: number } {
  let rows = sheet.getMaxRows();
  if (rows < filled + ROOM) {
    sheet.insertRowsAfter(rows, filled + ROOM - rows);
    rows = filled + ROOM;
  }
  const columns = sheet.getMaxColumns();
  const range = sheet.getRange(2, 1, Math.max(rows - 1, 1), columns);
  const others = sheet
    .getConditionalFormatRules()
    .filter((rule) => !isHighlightFormula(String(rule.getBooleanCondition()?.getCriteriaValues()[0] ?? '')));
  const ours = SEVERITIES.map((severity) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(highlightFormula(marksName, id, severity, key === undefined ? null : key + 1))
      .setBackground(sheetColor(SEVERITY_FILL[severity]))
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules([...ours, ...others]);
  return { rows, columns };
}

/** The column of a sheet's row key in its header (row 1, as set-up leaves it), if it has one. */
function keyColumn(id: SheetId, header: readonly unknown[]): number | undefined {
  try {
    return (mapHeaders(SHEETS[id], header) as Record<string, number | undefined>)[ROW_KEY[id]];
  } catch {
    return undefined;
  }
}

/** Set-up: the marks sheet, and the rules on every highlighted sheet the workbook has. */
export function prepareHighlights(sheets: SheetIndex): void {
  const { sheet: marks } = marksSheet(sheets);
  const name = sheets.nameOf(marks);
  const k = kept();
  for (const id of HIGHLIGHTED) {
    const sheet = sheets.find(SHEETS[id]);
    // A sheet protected by someone else (set-up names it and who may change it) keeps its rules.
    if (!sheet || !editable(sheet)) continue;
    k.rules[sheets.nameOf(sheet)] = putRules(
      sheet,
      id,
      name,
      keyColumn(id, sheets.data(sheet).values[0] ?? []),
    );
  }
  save(k);
}

/**
 * After a check: the rules put on any sheet with findings that lacks them or has outgrown them, then the
 * marks written in one block when they differ from the last check's. `read` holds the values the check
 * read, by sheet name. Returns the sheets whose rules the user may not put on (a protected sheet they may
 * not edit): their new rows stay without colour until someone who may edit them checks or runs set-up.
 */
export function writeHighlights(
  sheets: SheetIndex,
  read: Map<string, Sheet>,
  values: WorkbookValues,
  result: CheckResult,
): string[] {
  const k = kept();
  const refused: string[] = [];
  const p = result.portfolio;
  const keyOf = (id: SheetId, row: number) => {
    const col = p.columns[id][ROW_KEY[id]];
    return col === undefined ? undefined : values[p.sheetNames[id]]?.[row - 1]?.[col];
  };
  const block = marksBlock(result.findings, p, keyOf, k.height);
  const digest = digestOf(block);
  const { sheet: marks, made } = marksSheet(sheets);
  const name = sheets.nameOf(marks);
  const write = made || digest !== k.digest;
  let changed = write;
  for (const id of HIGHLIGHTED) {
    const sheetName = p.sheetNames[id];
    const sheet = read.get(sheetName);
    const data = values[sheetName];
    if (!sheet || !data) continue;
    const has = k.rules[sheetName];
    const flagged = block.some((row, r) => r > 0 && row[2 * HIGHLIGHTED.indexOf(id)] !== '');
    if (!flagged) continue;
    if (!has || data.length > has.rows || (data[0]?.length ?? 0) > has.columns) {
      try {
        k.rules[sheetName] = putRules(sheet, id, name, p.columns[id][ROW_KEY[id]], has ? data.length : 0);
        changed = true;
      } catch {
        refused.push(sheetName);
      }
    }
  }
  if (!changed) return refused;
  if (write) {
    marks.getRange(1, 1, block.length, block[0]!.length).setValues(block);
    wrote(marks);
  }
  // Rows beyond the last mark are blank now: the next check clears no further than that.
  let last = block.length;
  while (last > 1 && block[last - 1]!.every((v) => v === '')) last--;
  save({ height: last, rules: k.rules, digest: digestOf(block.slice(0, last)) });
  return refused;
}

/** cyrb53 of the block's text: equal digests, equal marks. */
function digestOf(block: readonly (readonly string[])[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const row of block) {
    const text = `${row.join('\u0001')}\u0002`;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(36)}.${(h1 >>> 0).toString(36)}`;
}
