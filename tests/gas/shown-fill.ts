import type { FakeConditionalFormatRule } from './fakes/conditional-format';
import type { FakeRange } from './fakes/spreadsheet-range';
import type { Desk } from './desk-helpers';

/**
 * The fill Sheets shows in a cell: the first conditional-format rule over it whose formula holds, else the
 * cell's own fill. The fakes store rules but do not evaluate formulas; this evaluates the two shapes the
 * product writes (the check's highlights and the plan's lights) as Sheets does, and refuses any other
 * formula so a test never reads a colour it did not work out. The highlight formula's meaning (MID over
 * an INDIRECT row, the key compared as text, IF before OR) is checked in LibreOffice Calc by
 * highlight-formula-calc.test.ts.
 */
export function shownFill(sb: Desk, sheetName: string, row: number, column: number): string {
  const sheet = sb.spreadsheet.sheet(sheetName);
  const rules = sheet.conditionalFormatRules as unknown as FakeConditionalFormatRule[];
  for (const rule of rules) {
    const range = (rule.ranges as unknown as FakeRange[]).find(
      (r) =>
        row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns,
    );
    if (!range) continue;
    const formula = String(rule.condition.values[0]);
    if (holds(sb, sheetName, formula, range, row, column)) return rule.condition.background ?? '#ffffff';
  }
  return sb.spreadsheet.sheetData(sheetName).backgrounds[row - 1]?.[column - 1] ?? '#ffffff';
}

const HIGHLIGHT =
  /^=(?:IF\()?MID\(INDIRECT\("'((?:[^']|'')+)'!([A-Z]+)"&ROW\(\)\),COLUMN\(\),1\)="([a-z])"(?:,OR\(INDIRECT\("'(?:[^']|'')+'!([A-Z]+)"&ROW\(\)\)="",INDIRECT\("'(?:[^']|'')+'!\4"&ROW\(\)\)="#"&(\$[A-Z]+\d+(?:&"\|"&\$[A-Z]+\d+)*)\),FALSE\))?$/;
const LIGHT = /^=REGEXMATCH\(LOWER\(TRIM\(([A-Z]+)(\d+)\)\),"(.*)"\)$/;

function holds(sb: Desk, sheetName: string, formula: string, range: FakeRange, row: number, column: number) {
  const cell = (name: string, r: number, c: number): unknown => {
    try {
      return sb.spreadsheet.sheetData(name).values[r - 1]?.[c - 1] ?? '';
    } catch {
      // INDIRECT to a sheet that is not there: #REF!, and the rule does not hold
      return undefined;
    }
  };
  const h = HIGHLIGHT.exec(formula);
  if (h) {
    const marks = h[1]!.replace(/''/g, "'");
    const flags = cell(marks, row, letterNumber(h[2]!));
    if (
      flags === undefined ||
      String(flags)
        .charAt(column - 1)
        .toLowerCase() !== h[3]
    )
      return false;
    if (!h[4]) return true;
    const key = cell(marks, row, letterNumber(h[4])) ?? '';
    // `$A2` is relative in its row: written for the range's first row. `&` makes each cell text.
    const own = h[5]!
      .split('&"|"&')
      .map((ref) => /^\$([A-Z]+)(\d+)$/.exec(ref)!)
      .map((m) => textOf(cell(sheetName, row + Number(m[2]) - range.row, letterNumber(m[1]!))))
      .join('|');
    // Sheets' `=` is false between a number (or date) and text: only a text key can equal the text.
    if (typeof key !== 'string') return false;
    return key === '' || key.toLowerCase() === `#${own}`.toLowerCase();
  }
  const l = LIGHT.exec(formula);
  if (l) {
    const value = cell(sheetName, row + Number(l[2]) - range.row, letterNumber(l[1]!));
    return new RegExp(l[3]!).test(textOf(value).trim().toLowerCase());
  }
  throw new Error(`shownFill cannot evaluate ${formula}`);
}

/** A cell as `&` makes it text; only text and whole numbers are needed here. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (v === undefined || v === null) return '';
  throw new Error(`shownFill cannot turn ${String(v)} into text as Sheets does`);
}

const letterNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
