import type { CellRef } from '../engine/findings';
import { a1 } from '../workbook/a1';
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
