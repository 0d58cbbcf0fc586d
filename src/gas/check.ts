import { checkWorkbook, type CheckResult } from '../core/rules/check';
import { FINDINGS_SHEET, columnLetter } from '../core/workbook/contract';
import { SEVERITY_LABEL, type Finding, type Severity } from '../core/rules/findings';
import type { SheetId } from '../core/workbook/records';
import type { Lang } from '../core/base/result';
import { withOwnNote, withoutOwnNote } from '../core/workbook/notes';
import { neutralizeFormula } from '../core/base/text';
import { todayIn } from './desk';
import { readWorkbook } from './portfolio';
import type { Sheet, SheetIndex } from './sheets';

/**
 * "Kontroller portefølje": every rule over the whole workbook, findings to `Avvik` in one write, the
 * offending cells highlighted and annotated in batched calls, earlier highlights cleared. The number of
 * service calls does not depend on the number of rows.
 */
const COLOR: Record<Severity, string> = { error: '#f4c7c3', warning: '#fce8b2' };

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
  const result = checkWorkbook(read.values, { today: todayIn(ss) });
  writeFindings(sheets, result, lang);
  const ids: SheetId[] = ['applications', 'budget', 'allocations'];
  if (result.portfolio.plan) ids.push('plan');
  for (const id of ids) {
    const name = result.portfolio.sheetNames[id];
    highlight(read.sheets.get(name)!, read.values[name]!, id, result, lang);
  }
  return {
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
  };
}

export function cellA1(result: CheckResult, f: Finding): string {
  const cell = f.cells[0];
  if (!cell) return '';
  const col = result.portfolio.columns[cell.sheet][cell.field];
  return col === undefined
    ? ''
    : `${result.portfolio.sheetNames[cell.sheet]}!${columnLetter(col + 1)}${cell.row}`;
}

function writeFindings(sheets: SheetIndex, result: CheckResult, lang: Lang): void {
  const sheet = sheets.find(FINDINGS_SHEET) ?? sheets.insert(FINDINGS_SHEET);
  const rows: unknown[][] = [FINDINGS_SHEET.fields.map((f) => (lang === 'nb' ? f.header : f.en))];
  for (const f of result.findings) {
    rows.push(
      [f.rule, SEVERITY_LABEL[f.severity][lang], f.ref, f.message[lang], cellA1(result, f)].map(
        neutralizeFormula,
      ),
    );
  }
  sheet.clearContents();
  sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
}

function highlight(
  sheet: Sheet,
  values: readonly (readonly unknown[])[],
  id: SheetId,
  result: CheckResult,
  lang: Lang,
): void {
  const height = values.length;
  const width = values[0]?.length ?? 0;
  if (height < 2 || width === 0) return;
  const range = sheet.getRange(1, 1, height, width);
  const notes = range.getNotes();
  const cleared: string[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      // Keep what a person wrote in the note; drop what an earlier check wrote.
      const kept = withoutOwnNote(notes[r]![c]!);
      if (kept === null) continue;
      notes[r]![c] = kept;
      cleared.push(`${columnLetter(c + 1)}${r + 1}`);
    }
  }
  const marked: Record<Severity, Set<string>> = { error: new Set(), warning: new Set() };
  const lines = new Map<string, string[]>();
  const columns = result.portfolio.columns[id];
  for (const f of result.findings) {
    for (const cell of f.cells) {
      const col = cell.sheet === id ? columns[cell.field] : undefined;
      if (col === undefined) continue;
      const key = `${cell.row - 1}:${col}`;
      lines.set(key, [...(lines.get(key) ?? []), `[${f.rule}] ${f.message[lang]}`]);
      marked[f.severity].add(`${columnLetter(col + 1)}${cell.row}`);
    }
  }
  for (const [key, own] of lines) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    notes[r]![c] = withOwnNote(notes[r]![c]!, own);
  }
  for (const a1 of marked.error) marked.warning.delete(a1);
  range.setNotes(notes);
  if (cleared.length > 0) sheet.getRangeList(cleared).setBackground(null);
  for (const severity of ['warning', 'error'] as Severity[]) {
    if (marked[severity].size > 0) sheet.getRangeList([...marked[severity]]).setBackground(COLOR[severity]);
  }
}
