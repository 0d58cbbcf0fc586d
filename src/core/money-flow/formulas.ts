import { parseCategory, type CategoryId } from '../workbook/categories';
import { tilskuddError } from '../base/errors';
import { parseMoney } from '../parse/money';
import { parseMonth, proRata } from '../parse/period';
import { DEFAULT_SETTINGS } from '../workbook/settings';
import { isBlank, normalizeKey, cellText } from '../base/text';

/**
 * The arithmetic behind the sheet's custom functions, on whole columns at once. Errors are thrown with
 * a Norwegian message naming the function, the row and what to fix; Sheets shows it on the cell.
 */
type Column = readonly (readonly unknown[])[];

const asColumn = (x: unknown): unknown[] => (Array.isArray(x) ? (x as unknown[][]).flat() : [x]);

function amountAt(fn: string, value: unknown, row: number): number {
  if (isBlank(value)) return 0;
  const parsed = parseMoney(value);
  if (!parsed.ok)
    throw tilskuddError(
      `${fn}: rad ${row} i beløpene: ${parsed.reason.nb}.`,
      `${fn}: row ${row} of the amounts: ${parsed.reason.en}.`,
    );
  return parsed.value;
}

function sameLength(fn: string, a: unknown[], b: unknown[], what: [string, string]): void {
  if (a.length !== b.length) {
    throw tilskuddError(
      `${fn}: ${what[0]} har ${a.length} celler, men ${what[1]} har ${b.length}. Velg like store områder.`,
      `${fn}: ${what[0]} has ${a.length} cells but ${what[1]} has ${b.length}. Choose ranges of the same size.`,
    );
  }
}

function monthAt(fn: string, value: unknown, row: number): number {
  const parsed = parseMonth(value);
  if (!parsed.ok)
    throw tilskuddError(`${fn}: rad ${row}: ${parsed.reason.nb}.`, `${fn}: row ${row}: ${parsed.reason.en}.`);
  return parsed.value;
}

/** A category cell as its id when it names one of the pots, else as normalised text (free grouping). */
const categoryKey = (value: unknown): CategoryId | string =>
  parseCategory(cellText(value)) ?? normalizeKey(cellText(value));

/**
 * The share of `total` (default: the sum of all amounts) that rows of `category` add up to. `category`
 * may be a column, giving a column of shares.
 */
export function allocationShare(
  amounts: unknown,
  categories: unknown,
  category: unknown,
  total?: unknown,
): number | number[][] {
  const fn = 'ALLOCATION_SHARE';
  const a = asColumn(amounts);
  const c = asColumn(categories);
  sameLength(fn, a, c, ['beløpene', 'kategoriene']);
  const sums = new Map<string, number>();
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    if (isBlank(a[i]) && isBlank(c[i])) continue;
    const amount = amountAt(fn, a[i], i + 1);
    const key = categoryKey(c[i]);
    sums.set(key, (sums.get(key) ?? 0) + amount);
    sum += amount;
  }
  const base = isBlank(total) ? sum : amountAt(fn, total, 1);
  if (base === 0)
    throw tilskuddError(`${fn}: totalen er 0, så andelen kan ikke regnes ut.`, `${fn}: the total is 0.`);
  const share = (cat: unknown) => (isBlank(cat) ? 0 : (sums.get(categoryKey(cat)) ?? 0) / base);
  return Array.isArray(category) ? (category as Column).map((row) => row.map(share)) : share(category);
}

/** The part of each amount (pro rata by month) that falls in budget year `year`. */
export function yearPart(amounts: unknown, from: unknown, to: unknown, year: unknown): number | number[][] {
  const fn = 'YEAR_PART';
  const y = Number(year);
  if (isBlank(year) || !Number.isInteger(y))
    throw tilskuddError(
      `${fn}: «${cellText(year)}» er ikke et årstall.`,
      `${fn}: "${cellText(year)}" is not a year.`,
    );
  const one = (amount: unknown, f: unknown, t: unknown, row: number) => {
    if (isBlank(amount)) return '';
    const value = amountAt(fn, amount, row);
    const from = monthAt(fn, f, row);
    const until = isBlank(t) ? from : monthAt(fn, t, row);
    if (until < from) {
      throw tilskuddError(
        `${fn}: rad ${row}: perioden slutter før den starter.`,
        `${fn}: row ${row}: the period ends before it starts.`,
      );
    }
    return proRata(value, { from, to: until }).get(y) ?? 0;
  };
  if (!Array.isArray(amounts)) return one(amounts, from, to, 1) as number;
  const a = asColumn(amounts);
  const f = asColumn(from);
  const t = asColumn(to);
  sameLength(fn, a, f, ['beløpene', 'fra-månedene']);
  sameLength(fn, a, t, ['beløpene', 'til-månedene']);
  return a.map((amount, i) => [one(amount, f[i], t[i], i + 1)]) as number[][];
}

/**
 * What is left of a category's key: `frame × key share` minus what rows of the category add up to.
 * The key share defaults to the category's share in the default split key (80/5/15).
 */
export function keyRemaining(
  amounts: unknown,
  categories: unknown,
  category: unknown,
  frame: unknown,
  key?: unknown,
): number {
  const fn = 'KEY_REMAINING';
  const id = parseCategory(cellText(category));
  const share = isBlank(key) ? (id ? DEFAULT_SETTINGS.key[id] : undefined) : Number(key);
  if (share === undefined || !Number.isFinite(share) || share < 0 || share > 1) {
    throw tilskuddError(
      `${fn}: oppgi nøkkelandelen (f.eks. 0,05) for «${cellText(category)}», eller bruk en av kategoriene.`,
      `${fn}: give the key share (e.g. 0.05) for "${cellText(category)}", or use one of the categories.`,
    );
  }
  const a = asColumn(amounts);
  const c = asColumn(categories);
  sameLength(fn, a, c, ['beløpene', 'kategoriene']);
  const wanted = categoryKey(category);
  let used = 0;
  for (let i = 0; i < a.length; i++)
    if (!isBlank(a[i]) && categoryKey(c[i]) === wanted) used += amountAt(fn, a[i], i + 1);
  return Math.round(amountAt(fn, frame, 1) * share) - used;
}
