import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { toSpreadsheetCsv } from '../core/base/csv';
import type { Lang } from '../core/base/result';
import type { CheckResult } from '../core/check/check';
import { economyRows } from '../core/money-flow/economy-export';
import { buildEconomy, portfolioAsOf } from '../core/money-flow/economy';
import { buildWorkbook } from './xlsx';

/** `tilskudd export --format economy`: per project and budget year allocated, paid, remaining. */
export const ECONOMY_SHEET: Record<Lang, string> = { nb: 'Økonomi', en: 'Economy' };

/** Writes the economy table to `out` (.csv, else .xlsx); returns the number of data rows. */
export async function writeEconomy(
  result: CheckResult,
  out: string,
  lang: Lang,
  asOf: Date,
  year?: number,
): Promise<number> {
  // As of the day: payments and allocations dated after it are left out.
  const then = portfolioAsOf(result.portfolio, asOf);
  const rows = economyRows(buildEconomy(then, asOf), then.payments, asOf, lang, year);
  mkdirSync(dirname(out), { recursive: true });
  // For Norwegian Excel and LibreOffice: a byte order mark and semicolons (see toSpreadsheetCsv).
  if (/\.csv$/i.test(out)) writeFileSync(out, toSpreadsheetCsv(rows));
  else await buildWorkbook({ [ECONOMY_SHEET[lang]]: rows }, result.portfolio.settings).xlsx.writeFile(out);
  return rows.length - 1;
}
