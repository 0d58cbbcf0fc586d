import { columnLetter } from './contract';

/** `F5`: a cell in A1 notation, from its 0-based column and 1-based row. */
export const a1 = (column: number, row: number): string => `${columnLetter(column + 1)}${row}`;

/** A block of cells, 1-based and inclusive; a whole column or row is open (Infinity) the other way. */
export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const columnNumber = (letters: string) =>
  Array.from(letters).reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

const END = /^([A-Z]{0,3})(\d{0,7})$/;

/**
 * The cells of an A1 range as Sheets writes it (`C4`, `C4:D6`, a whole column `C:C`, a whole row `4:4`),
 * or null when it is none of these.
 */
export function boundsOf(range: string): Bounds | null {
  const parts = range.toUpperCase().split(':');
  if (parts.length > 2) return null;
  const ends = parts.map((p) => END.exec(p));
  if (ends.some((m) => !m || m[0] === '' || /^0/.test(m[2]!))) return null;
  const [from, to = from] = ends as RegExpExecArray[];
  // A cell names both; both ends of a range name a column, a row, or both, alike (`C:4` is no range).
  if (parts.length === 1 && (from![1] === '' || from![2] === '')) return null;
  if ((from![1] === '') !== (to![1] === '') || (from![2] === '') !== (to![2] === '')) return null;
  const col = (m: RegExpExecArray, open: number) => (m[1] === '' ? open : columnNumber(m[1]!));
  const row = (m: RegExpExecArray, open: number) => (m[2] === '' ? open : Number(m[2]));
  const [c1, c2] = [col(from!, 1), col(to!, Infinity)];
  const [r1, r2] = [row(from!, 1), row(to!, Infinity)];
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

/** Whether two blocks share a cell. */
export const overlaps = (a: Bounds, b: Bounds): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
