import { columnLetter } from './contract';

/** `F5`: a cell in A1 notation, from its 0-based column and 1-based row. */
export const a1 = (column: number, row: number): string => `${columnLetter(column + 1)}${row}`;
