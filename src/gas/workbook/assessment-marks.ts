import { UNMARKED, markedParts, readAssessments, type AssessmentRow } from '../../core/assessment/form';
import { ASSESSMENTS, readTable } from '../../core/workbook/contract';
import { cellText } from '../../core/base/text';
import { ensureHasher, existingHasher, type Hasher } from '../platform/signing';
import { wrote, type SheetIndex } from '../platform/sheets';

/**
 * `Vurderinger` per assessor: every row Tilskudd writes carries a keyed mark (`Kontroll`) over who
 * answered what on which case, so a row typed by hand — a board rank by someone who is not *Leder*, or
 * scores in another assessor's name — does not count (rule `assessment-unmarked`). Marks are in use once
 * the key exists: set-up makes it and marks the rows already there (the *Leder* vouches for them).
 */
const PURPOSE = 'assessment';

type Cells = Pick<AssessmentRow, 'caseId' | 'assessor' | 'criterion' | 'score' | 'impartiality'>;

const markOf = (hash: Hasher, r: Cells) => hash(PURPOSE, markedParts(r));

/** The mark of a row about to be written (cells as they will read back); '' while marks are not in use. */
export function assessmentMark(cells: {
  caseId: string;
  assessor: string;
  criterion: string;
  score: string | number;
  impartiality: string;
}): string {
  const hash = existingHasher();
  return hash ? markOf(hash, { ...cells, score: cellText(cells.score) }) : '';
}

/**
 * `Vurderinger` as read, before the core sees it: each row whose mark does not hold gets `UNMARKED` in
 * its `Kontroll` cell (a missing column is added). A copy when marks are in use, so the operation's read
 * (`SheetIndex`) stays as Google gave it; the values themselves while they are not.
 */
export function checkMarks(read: readonly unknown[][]): unknown[][] {
  const hash = existingHasher();
  if (!hash || read.length === 0) return read as unknown[][];
  const values = read.map((row) => [...row]);
  const table = readTable(ASSESSMENTS, values);
  let col = table.columns.mark;
  if (col === undefined) {
    const header = values[table.headerRow - 1]!;
    col = header.length;
    header.push('Kontroll');
  }
  for (const r of readAssessments(values)) {
    if (r.mark !== markOf(hash, r)) values[r.row - 1]![col] = UNMARKED;
  }
  return values;
}

/** Under the lock (set-up, a new status form): makes the key if missing, then marks the rows there. */
export function ensureMarks(sheets: SheetIndex): void {
  const { hash, made } = ensureHasher();
  if (!made) return;
  const sheet = sheets.find(ASSESSMENTS);
  if (!sheet) return;
  const values = sheets.values(sheet);
  const table = readTable(ASSESSMENTS, values);
  const col = table.columns.mark;
  const rows = readAssessments(values);
  if (col === undefined || rows.length === 0) return;
  const first = rows[0]!.row;
  const last = rows[rows.length - 1]!.row;
  const marks = values.slice(first - 1, last).map((v) => [v[col] ?? '']);
  for (const r of rows) marks[r.row - first] = [markOf(hash, r)];
  sheet.getRange(first, col + 1, last - first + 1, 1).setValues(marks);
  wrote(sheet);
}
