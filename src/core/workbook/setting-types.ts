import * as z from 'zod/mini';
import { cellText, splitAnswers, splitList } from '../base/text';
import { parseMoney } from '../parse/money';
import { MONTH_NAMES_NB, monthOf, parseMonth } from '../parse/period';
import { YES_NO, parseYesNo } from './vocabulary';

/**
 * The kinds of value a setting takes: how a cell of `Innstillinger` is read (Norwegian numbers, percentages,
 * lists, yes/no, months, days of the year), what it must satisfy, and how set-up writes it back, so that
 * a written value always reads back as itself.
 */
export interface SettingType<T> {
  /** What a value must satisfy, checked on every row read and on the settings as a whole. */
  schema: z.ZodMiniType<T>;
  /** The value of a non-blank cell, or null when it is not one (the reader names the row). */
  parse(value: unknown): T | null;
  /** The cell set-up writes. */
  write(value: T): string | number | boolean;
}

const integer = (value: unknown): number => {
  const text = cellText(value).replace(/\s/g, '');
  return typeof value === 'number' ? value : text === '' ? NaN : Number(text);
};

/** Whole kroner as Norwegian money is written: `9 160 000`, `8 000 000 kr`, `9,5 mill.`; above 0. */
export const money: SettingType<number> = {
  schema: z.number().check(z.positive()),
  parse: (v) => {
    const parsed = parseMoney(v);
    return parsed.ok ? parsed.value : null;
  },
  write: (n) => n,
};

/** A whole number from `min` up: days, months, counts. */
export const count = (min: number): SettingType<number> => ({
  schema: z.number().check(z.int(), z.gte(min)),
  parse: (v) => {
    const n = integer(v);
    return Number.isFinite(n) ? n : null;
  },
  write: (n) => n,
});

/** A decimal number, comma or point (`1,5`), from 0 up: a criterion's weight. */
export const weight: SettingType<number> = {
  schema: z.number().check(z.gte(0)),
  parse: (v) => {
    const n = typeof v === 'number' ? v : Number(cellText(v).replace(',', '.'));
    return Number.isFinite(n) ? n : null;
  },
  write: (n) => n,
};

/** A share: `80 %`, `80`, `0,8` and 0.8 are all 80 %. */
export const percent: SettingType<number> = {
  schema: z.number().check(z.gte(0), z.lte(1)),
  parse: parsePercent,
  write: (x) => `${Math.round(x * 10000) / 100} %`,
};

function parsePercent(value: unknown): number | null {
  if (typeof value === 'number') return value > 1 ? value / 100 : value;
  const m = /^(\d+(?:[.,]\d+)?)\s*%?$/.exec(cellText(value));
  if (!m) return null;
  const n = Number(m[1]!.replace(',', '.'));
  return cellText(value).includes('%') || n > 1 ? n / 100 : n;
}

/** Free text, trimmed; `required` when the documents cannot do without it. */
export const text = (required: boolean, clean: (s: string) => string = (s) => s): SettingType<string> => ({
  schema: required ? z.string().check(z.minLength(1)) : z.string(),
  parse: (v) => clean(cellText(v)),
  write: (s) => s,
});

/** Ja/Nei (and every yes/no the workbook accepts). */
export const yesNo: SettingType<boolean> = {
  schema: z.boolean(),
  parse: parseYesNo,
  write: (b) => (b ? YES_NO.yes.nb : YES_NO.no.nb),
};

/** Names separated by semicolons or line breaks (a name may hold a comma). */
export const list: SettingType<string[]> = {
  schema: z.array(z.string()).check(z.minLength(1)),
  parse: splitList,
  write: (names) => names.join('; '),
};

/** Month names, Norwegian or English, full or short (`mai; des.`). */
export const months: SettingType<number[]> = {
  schema: z.array(z.number().check(z.int(), z.gte(1), z.lte(12))).check(z.minLength(1)),
  parse: (v) => {
    const found = splitAnswers(v).map(parseMonthName);
    return found.some((m) => m === null) ? null : (found as number[]);
  },
  write: (ms) => ms.map((m) => MONTH_NAMES_NB[m - 1]).join('; '),
};

export interface DayOfYear {
  day: number;
  month: number;
}

/** Days of the year (`1. mai; 1. november`), in calendar order. */
export const daysOfYear: SettingType<DayOfYear[]> = {
  schema: z.array(
    z.object({ month: z.number().check(z.int(), z.gte(1), z.lte(12)), day: z.number().check(z.int()) }),
  ),
  parse: (v) => {
    const dates = splitAnswers(v).map(parseDayOfYear);
    if (dates.length === 0 || dates.some((x) => x === null)) return null;
    return (dates as DayOfYear[]).sort((a, b) => a.month - b.month || a.day - b.day);
  },
  write: (ds) => ds.map((d) => `${d.day}. ${MONTH_NAMES_NB[d.month - 1]}`).join('; '),
};

/** "1. mai", "1 May", "01.05", "1.5." → day and month; null when it is no real day of a month. */
export function parseDayOfYear(text: string): DayOfYear | null {
  const t = text.trim().toLowerCase();
  const named = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?$/.exec(t);
  const dotted = /^(\d{1,2})[./](\d{1,2})\.?$/.exec(t);
  const day = Number((named ?? dotted)?.[1]);
  const month = named ? parseMonthName(named[2]!) : dotted ? Number(dotted[2]) : null;
  if (month === null || !(month >= 1 && month <= 12)) return null;
  // A leap year, so 29 February is accepted (it falls on 1 March in other years).
  return new Date(Date.UTC(2000, month - 1, day)).getUTCMonth() === month - 1 && day >= 1
    ? { day, month }
    : null;
}

function parseMonthName(name: string): number | null {
  const parsed = parseMonth(`${name.replace(/\.$/, '')} 2000`);
  return parsed.ok ? monthOf(parsed.value) : null;
}
