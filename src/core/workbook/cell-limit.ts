import { neutralizeFormula } from '../base/text';
import { formatMoney } from '../parse/money';

/**
 * Google Sheets holds at most 50 000 characters in a cell and refuses the whole `setValues` otherwise.
 * Text written by the product is neutralised first (a leading apostrophe counts), then cut so that it
 * fits with a visible marker saying how long it was; a rule flags every cut cell.
 */
export const CELL_LIMIT = 50_000;

const MARKER_START = ' […] [Avkortet av Tilskudd: ';
const MARKER = /\s\[…\] \[Avkortet av Tilskudd: [^\]]*\]$/;

export interface FittedCell {
  value: unknown;
  /** The characters the original had (after neutralising) when it was cut; 0 when it fitted. */
  cutFrom: number;
}

/** The value as it can be written: neutralised, and cut with the marker when over the limit. */
export function fitCell(value: unknown): FittedCell {
  const safe = neutralizeFormula(value);
  if (typeof safe !== 'string' || safe.length <= CELL_LIMIT) return { value: safe, cutFrom: 0 };
  const marker = `${MARKER_START}svaret hadde ${formatMoney(safe.length, false)} tegn; hele svaret står i arket med skjemasvarene]`;
  return { value: safe.slice(0, CELL_LIMIT - marker.length) + marker, cutFrom: safe.length };
}

/** Text the product composes (messages, log lines) that may quote an answer: cut to `max` with an ellipsis. */
export function clipText(text: string, max = CELL_LIMIT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** At most this many characters of what was found are quoted in a message (a cell may hold 50 000). */
export const QUOTE_LIMIT = 200;
const LONG_QUOTE = new RegExp(`«([^«»]{${QUOTE_LIMIT + 1},})»|"([^"]{${QUOTE_LIMIT + 1},})"`, 'g');

/**
 * A message with every quote of what was found («…» or "…") cut to QUOTE_LIMIT characters, so that a
 * message quoting a full cell still fits a cell itself and stays readable.
 */
export function clipQuotes(text: string): string {
  if (text.length <= QUOTE_LIMIT) return text;
  return text.replace(LONG_QUOTE, (_, nb: string | undefined, en: string | undefined) =>
    nb !== undefined ? `«${clipText(nb, QUOTE_LIMIT)}»` : `"${clipText(en!, QUOTE_LIMIT)}"`,
  );
}

/** Whether a cell holds text the product cut to fit (it ends with the marker). */
export const isCut = (value: unknown): boolean =>
  typeof value === 'string' && value.endsWith(']') && MARKER.test(value);

/** The first cell over the limit in rows about to be written, as [row index, column index], or null. */
export function overLimit(rows: readonly (readonly unknown[])[]): [number, number] | null {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.length > CELL_LIMIT) return [r, c];
    }
  }
  return null;
}
