import type { CellRef } from '../engine/findings';
import { a1, boundsOf, overlaps } from '../workbook/a1';
import type { Portfolio } from './records';

/**
 * Where a cell a finding names is in the workbook: its sheet as named there and its A1 address; null when
 * the sheet lacks that column. The sheet's highlights, the findings list and the sidebar all go by this.
 */
export function addressOf(
  p: Pick<Portfolio, 'columns' | 'sheetNames'>,
  cell: CellRef,
): { sheet: string; a1: string } | null {
  const column = p.columns[cell.sheet][cell.field];
  return column === undefined ? null : { sheet: p.sheetNames[cell.sheet], a1: a1(column, cell.row) };
}

/** A cell or range as the sidebar and the sheet name it: the sheet's name and A1 notation. */
export interface Address {
  sheet: string;
  a1: string;
}

/**
 * The items (findings with their addresses) with any cell in the range `at` (a cell, a block, whole
 * columns or rows): what *Avvik i valgt celle* shows. A range that is not A1 notation holds none.
 */
export function aboutRange<T extends { cells: readonly Address[] }>(items: readonly T[], at: Address): T[] {
  const range = boundsOf(at.a1);
  if (!range) return [];
  return items.filter((item) =>
    item.cells.some((c) => {
      const cell = c.sheet === at.sheet ? boundsOf(c.a1) : null;
      return cell !== null && overlaps(cell, range);
    }),
  );
}
