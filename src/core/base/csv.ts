import { neutralizeFormula } from './text';

type Cell = string | number | undefined;

/**
 * RFC 4180 CSV from rows of cells, comma-separated UTF-8 without a byte order mark (what a standard such
 * as 360Giving asks for); text that a spreadsheet would read as a formula is neutralised.
 */
export function toCsvRows(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return csv(rows, ',', (n) => String(n));
}

/**
 * CSV for people who open it in Excel or LibreOffice with Norwegian settings: a byte order mark so
 * «rød» is read as UTF-8, semicolons between the columns (the comma is the decimal sign there) and
 * numbers with a decimal comma.
 */
export function toSpreadsheetCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return '\uFEFF' + csv(rows, ';', (n) => String(n).replace('.', ','));
}

function csv(rows: ReadonlyArray<ReadonlyArray<Cell>>, sep: string, num: (n: number) => string): string {
  const special = new RegExp(`["${sep}\\r\\n]`);
  const cell = (v: Cell) => {
    if (v === undefined) return '';
    const text = typeof v === 'string' ? neutralizeFormula(v) : num(v);
    return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((r) => r.map(cell).join(sep)).join('\r\n') + '\r\n';
}
