import { neutralizeFormula } from './text';

/** RFC 4180 CSV from rows of cells; text that a spreadsheet would read as a formula is neutralised. */
export function toCsvRows(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  const cell = (v: string | number | undefined) => {
    if (v === undefined) return '';
    const text = String(typeof v === 'string' ? neutralizeFormula(v) : v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
