/**
 * Custom functions receive a single value or a 2-D array (a range) and must answer in the same shape:
 * one call per range instead of one per cell keeps Sheets under its executions-per-second limit.
 */
export type CellInput = unknown | unknown[][];

export function mapCells(input: CellInput, fn: (value: unknown) => unknown): unknown {
  return Array.isArray(input) ? input.map((row: unknown[]) => row.map(fn)) : fn(input);
}
