import { fail, ok, type Parsed } from '../base/result';
import { uncomputedReason } from '../base/cell';

/**
 * Norwegian money parsing and formatting.
 *
 * Accepted: `1 060 000` (space, NBSP U+00A0 or NNBSP U+202F as thousands separator), `1.060.000`,
 * `1060000`, `kr 1 060 000,-`, `kr. 1.060.000,–`, `500 kr`, `NOK 500`, `1 060 000,50`, `9,16 mill.`,
 * `1,2 mill`, a leading `-` or Unicode minus, and numbers straight from cells.
 */

const NBSP = '\u00a0';
const MINUS = '\u2212';

const PLACEHOLDER = /^\[.*\]$|^x+$|^\?+$|^tbd$|^-$/i;
const CURRENCY_PREFIX = /^(?:kr\.?|nok)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:kr\.?|nok|kroner)$/i;
const WHOLE_KRONER_SUFFIX = /,[-–—]$/;
const MILLIONS = /^(\d+(?:[.,]\d+)?)\s*(?:mill(?:\.|ioner|ion)?|mnok|mill\.?\s*kr(?:oner)?)$/i;
// Digits with optional thousands groups (space, NBSP, NNBSP or dot) and optional øre after a comma.
const GROUPED = /^(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,(\d{1,2}))?$/;
const PLAIN_INTEGER = /^\d+$/;

export function parseMoney(input: unknown): Parsed<number> {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? ok(input) : fail('er ikke et tall', 'is not a number');
  }
  if (typeof input !== 'string') {
    const formula = uncomputedReason<number>(input);
    if (formula) return formula;
    if (input === null || input === undefined) return fail('mangler beløp', 'amount missing');
    return fail('er ikke et beløp', 'is not an amount');
  }
  let text = input.trim();
  if (text === '') return fail('mangler beløp', 'amount missing');
  if (PLAIN_INTEGER.test(text)) return ok(Number(text));
  if (PLACEHOLDER.test(text)) {
    return fail(`«${text}» er en plassholder, ikke et beløp`, `"${text}" is a placeholder, not an amount`);
  }
  let sign = 1;
  if (text[0] === '-' || text[0] === MINUS) {
    sign = -1;
    text = text.slice(1).trimStart();
  }
  text = text
    .replace(CURRENCY_PREFIX, '')
    .replace(WHOLE_KRONER_SUFFIX, '')
    .replace(CURRENCY_SUFFIX, '')
    .replace(WHOLE_KRONER_SUFFIX, '')
    .trim();
  // "kr -500" is fine; a second sign ("--500", "-kr -500") is a typo, not a positive amount.
  if (text[0] === '-' || text[0] === MINUS) {
    if (sign === -1) return notMoney(input);
    sign = -1;
    text = text.slice(1).trimStart();
  }

  const millions = MILLIONS.exec(text);
  if (millions) {
    // "9.160 mill." in the seed means 9,16 million: with "mill" a single dot or comma is a decimal mark.
    const value = Number(millions[1]!.replace(',', '.')) * 1_000_000;
    return ok(sign * Math.round(value));
  }
  const grouped = GROUPED.exec(text);
  if (!grouped)
    return fail(`«${input.trim()}» er ikke et beløp i kroner`, `"${input.trim()}" is not an amount in NOK`);
  const whole = Number(grouped[1]!.replace(/[ \u00a0\u202f.]/g, ''));
  const ore = grouped[2] ? Number(grouped[2].padEnd(2, '0')) / 100 : 0;
  return ok(sign * (whole + ore));
}

const notMoney = (input: string): Parsed<number> =>
  fail(`«${input.trim()}» er ikke et beløp i kroner`, `"${input.trim()}" is not an amount in NOK`);

/** `1060000` → `1 060 000 kr` with non-breaking spaces, as Norwegians write it; øre only when present. */
export function formatMoney(amount: number, unit = true): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const rounded = Math.round(abs * 100) / 100;
  const whole = Math.floor(rounded);
  const ore = Math.round((rounded - whole) * 100);
  let digits = String(whole);
  let grouped = '';
  while (digits.length > 3) {
    grouped = NBSP + digits.slice(-3) + grouped;
    digits = digits.slice(0, -3);
  }
  grouped = digits + grouped;
  const body = ore > 0 ? `${grouped},${String(ore).padStart(2, '0')}` : grouped;
  return `${negative && rounded > 0 ? MINUS : ''}${body}${unit ? `${NBSP}kr` : ''}`;
}
