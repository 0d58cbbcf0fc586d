import { fail, ok, type Parsed } from '../base/result';
import { isDate } from '../base/text';
import { uncomputedReason } from '../base/cell';

/**
 * Months, periods and pro rata by budget year.
 *
 * A month is stored as one integer, `year * 12 + (month - 1)`, so that ranges and counts are plain
 * arithmetic. Dates are read by their UTC fields: exceljs hands over wall-clock dates that way, and the
 * Apps Script adapter converts sheet dates to the same convention before they reach the core.
 */
export type MonthIndex = number;

export interface Period {
  from: MonthIndex;
  to: MonthIndex;
}

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + (month - 1);
export const yearOf = (m: MonthIndex): number => Math.floor(m / 12);
export const monthOf = (m: MonthIndex): number => (m % 12) + 1;

const MONTH_NAMES: Record<string, number> = {
  jan: 1,
  januar: 1,
  january: 1,
  feb: 2,
  februar: 2,
  february: 2,
  mar: 3,
  mars: 3,
  march: 3,
  apr: 4,
  april: 4,
  mai: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  des: 12,
  dec: 12,
  desember: 12,
  december: 12,
};

export const MONTH_NAMES_NB = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];
const MONTH_NAMES_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Spreadsheets store dates as days since 1899-12-30; a date cell formatted as text or number arrives
 * as that serial. Serials 20000–80000 are 1954–2119; larger numbers (202508) are compact months.
 */
const isSerialDate = (x: unknown): x is number => typeof x === 'number' && x >= 20000 && x <= 80000;
const fromSerial = (serial: number) => new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);

const ISO_MONTH = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;
const COMPACT = /^(\d{4})(\d{2})$/;
const DOTTED = /^(?:(\d{1,2})\.)?(\d{1,2})[./](\d{4})$/;
const NAMED = /^([a-zæøå]+)\.?\s*(\d{4})$/i;

function valid(year: number, month: number, day?: string): boolean {
  if (!(year >= 1900 && year <= 2999 && month >= 1 && month <= 12)) return false;
  if (day === undefined) return true;
  const d = Number(day);
  return d >= 1 && new Date(Date.UTC(year, month - 1, d)).getUTCMonth() === month - 1;
}

function badMonth<T>(text: string): Parsed<T> {
  return fail(
    `«${text}» er ikke en måned (skriv f.eks. 2025-08 eller august 2025)`,
    `"${text}" is not a month (write e.g. 2025-08 or August 2025)`,
  );
}

/** A month from `2025-08`, `202508`, `08.2025`, `1.8.2025`, `aug. 2025`, `august 2025` or a Date. */
export function parseMonth(input: unknown): Parsed<MonthIndex> {
  if (isDate(input)) {
    if (Number.isNaN(input.getTime())) return fail('ugyldig dato', 'invalid date');
    return ok(monthIndex(input.getUTCFullYear(), input.getUTCMonth() + 1));
  }
  if (isSerialDate(input)) return parseMonth(fromSerial(input));
  if (typeof input === 'number' && Number.isInteger(input)) return parseMonth(String(input));
  const formula = uncomputedReason<MonthIndex>(input);
  if (formula) return formula;
  if (typeof input !== 'string') return fail('mangler måned', 'month missing');
  const text = input.trim();
  if (text === '') return fail('mangler måned', 'month missing');
  let year: number;
  let month: number;
  let day: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = ISO_MONTH.exec(text))) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = m[3];
  } else if ((m = COMPACT.exec(text))) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else if ((m = DOTTED.exec(text))) {
    year = Number(m[3]);
    month = Number(m[2]);
    day = m[1];
  } else if ((m = NAMED.exec(text))) {
    const named = MONTH_NAMES[m[1]!.toLowerCase()];
    if (named === undefined) return badMonth(text);
    year = Number(m[2]);
    month = named;
  } else {
    return badMonth(text);
  }
  return valid(year, month, day) ? ok(monthIndex(year, month)) : badMonth(text);
}

const RANGE_SEPARATORS = /\s*(?:[–—]|\s-\s|-|\s(?:til|to)\s)\s*/g;

/** A period from two cells (`Fra`, `Til`), or from one text such as `202508–202607`. */
export function parsePeriod(from: unknown, to?: unknown): Parsed<Period> {
  if (to === undefined && typeof from === 'string') return parseRange(from);
  const start = parseMonth(from);
  if (!start.ok) return fail(`Fra: ${start.reason.nb}`, `From: ${start.reason.en}`);
  const end = parseMonth(to);
  if (!end.ok) return fail(`Til: ${end.reason.nb}`, `To: ${end.reason.en}`);
  return ordered(start.value, end.value);
}

function ordered(from: MonthIndex, to: MonthIndex): Parsed<Period> {
  if (to < from) {
    return fail(
      `perioden slutter (${formatMonth(to)}) før den starter (${formatMonth(from)})`,
      `the period ends (${formatMonth(to, 'en')}) before it starts (${formatMonth(from, 'en')})`,
    );
  }
  return ok({ from, to });
}

function parseRange(text: string): Parsed<Period> {
  const trimmed = text.trim();
  // Try every separator position: "2025-08-2026-07" has hyphens inside the months too.
  for (const sep of trimmed.matchAll(RANGE_SEPARATORS)) {
    const left = parseMonth(trimmed.slice(0, sep.index));
    const right = parseMonth(trimmed.slice(sep.index + sep[0].length));
    if (left.ok && right.ok) return ordered(left.value, right.value);
  }
  const single = parseMonth(trimmed);
  if (single.ok) return ok({ from: single.value, to: single.value });
  return fail(
    `«${trimmed}» er ikke en periode (skriv f.eks. 2025-08–2026-07)`,
    `"${trimmed}" is not a period (write e.g. 2025-08–2026-07)`,
  );
}

export function formatMonth(m: MonthIndex, lang: 'nb' | 'en' = 'nb'): string {
  const names = lang === 'nb' ? MONTH_NAMES_NB : MONTH_NAMES_EN;
  return `${names[monthOf(m) - 1]} ${yearOf(m)}`;
}

export function formatPeriod(p: Period, lang: 'nb' | 'en' = 'nb'): string {
  return `${formatMonth(p.from, lang)}–${formatMonth(p.to, lang)}`;
}

/** A day as Norwegians write it (09.05.2025), or ISO (2025-05-09) in English. */
export function formatDay(d: Date, lang: 'nb' | 'en' = 'nb'): string {
  const iso = d.toISOString().slice(0, 10);
  return lang === 'nb' ? iso.split('-').reverse().join('.') : iso;
}

export const monthsIn = (p: Period): number => p.to - p.from + 1;

/** Months of the period falling in each calendar year, in year order. */
export function monthsPerYear(p: Period): Array<[year: number, months: number]> {
  const out: Array<[number, number]> = [];
  for (let year = yearOf(p.from); year <= yearOf(p.to); year++) {
    const start = Math.max(p.from, monthIndex(year, 1));
    const end = Math.min(p.to, monthIndex(year, 12));
    out.push([year, end - start + 1]);
  }
  return out;
}

/**
 * Splits an amount over budget years by months (Aug 2025–Jul 2026: 5/12 to 2025, 7/12 to 2026) in whole
 * kroner (øre when the amount has øre), the parts summing exactly to the amount by largest remainder.
 */
export function proRata(amount: number, p: Period): Map<number, number> {
  if (yearOf(p.from) === yearOf(p.to)) return new Map([[yearOf(p.from), amount]]);
  const unit = Number.isInteger(amount) ? 1 : 100;
  const total = Math.round(amount * unit);
  const shares = monthsPerYear(p);
  const months = monthsIn(p);
  const parts = shares.map(([year, n]) => {
    const exact = (total * n) / months;
    const floor = Math.floor(exact);
    return { year, value: floor, remainder: exact - floor };
  });
  let left = total - parts.reduce((s, x) => s + x.value, 0);
  // Ties go to the earlier year, so the split is deterministic.
  const byRemainder = [...parts].sort((a, b) => b.remainder - a.remainder || a.year - b.year);
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) byRemainder[i]!.value++;
  return new Map(parts.map((x) => [x.year, x.value / unit]));
}

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/;
// 09.05.2025, 9.5.25, 09/05/2025, 09-05-2025: day first, as Norwegians write; a time may follow.
const NUMERIC_DAY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:\s.*)?$/;
// 9. mai 2025, 2. mai 2025, 9 mai 25, 9. sep. 2025, 9 May 2025.
const NAMED_DAY = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?,?\s+(\d{4}|\d{2})(?:\s.*)?$/i;

/** The forms `parseDay` reads, for messages that say what to write. */
export const DAY_FORMS = {
  nb: '09.05.2025, 9.5.25, 09/05/2025, 9. mai 2025 eller 2025-05-09',
  en: '09.05.2025, 9.5.25, 09/05/2025, 9 May 2025 or 2025-05-09',
};

/** Two-digit years are this century's: grants are decided now, not in the 1900s. */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

function dayParts(text: string): [year: number, month: number, day: number] | null {
  let m = ISO_DAY.exec(text);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  if ((m = NUMERIC_DAY.exec(text))) return [fullYear(m[3]!), Number(m[2]), Number(m[1])];
  if ((m = NAMED_DAY.exec(text))) {
    const month = MONTH_NAMES[m[2]!.toLowerCase()];
    return month === undefined ? null : [fullYear(m[3]!), month, Number(m[1])];
  }
  return null;
}

/** A calendar day from a Date cell or the text forms of `DAY_FORMS`, as a UTC midnight Date. */
export function parseDay(input: unknown): Parsed<Date> {
  if (isSerialDate(input)) return parseDay(fromSerial(input));
  if (isDate(input)) {
    if (Number.isNaN(input.getTime())) return fail('ugyldig dato', 'invalid date');
    return ok(new Date(Date.UTC(input.getUTCFullYear(), input.getUTCMonth(), input.getUTCDate())));
  }
  const formula = uncomputedReason<Date>(input);
  if (formula) return formula;
  const text = typeof input === 'string' ? input.replace(/[\s\u00a0\u202f]+/g, ' ').trim() : '';
  if (text === '') return fail('mangler dato', 'date missing');
  const parts = dayParts(text);
  if (parts) {
    const [year, month, day] = parts;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900) return ok(date);
  }
  return fail(
    `«${text}» er ikke en dato (skriv f.eks. 09.05.2025)`,
    `"${text}" is not a date (write e.g. 2025-05-09)`,
  );
}

export const monthOfDay = (d: Date): MonthIndex => monthIndex(d.getUTCFullYear(), d.getUTCMonth() + 1);

/** "1. november 2025" / "1 November 2025": a day as the documents and messages write it. */
export function formatLongDay(d: Date, lang: 'nb' | 'en' = 'nb'): string {
  const month = (lang === 'nb' ? MONTH_NAMES_NB : MONTH_NAMES_EN)[d.getUTCMonth()];
  return lang === 'nb'
    ? `${d.getUTCDate()}. ${month} ${d.getUTCFullYear()}`
    : `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}
