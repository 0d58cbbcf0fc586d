import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { toCsvRows } from '../core/base/csv';
import type { Lang } from '../core/base/result';
import type { CheckResult } from '../core/check/check';
import { economyRows } from '../core/money-flow/economy-export';
import { buildWorkbook } from './xlsx';

/** `tilskudd export --format economy`: per project and budget year allocated, paid, remaining. */
export const ECONOMY_SHEET: Record<Lang, string> = { nb: 'Økonomi', en: 'Economy' };

/** Writes the economy table to `out` (.csv, else .xlsx); returns the number of data rows. */
export async function writeEconomy(
  result: CheckResult,
  out: string,
  lang: Lang,
  year?: number,
): Promise<number> {
  const rows = economyRows(result.economy, lang, year);
  mkdirSync(dirname(out), { recursive: true });
  if (/\.csv$/i.test(out)) writeFileSync(out, toCsvRows(rows));
  else await buildWorkbook({ [ECONOMY_SHEET[lang]]: rows }, result.portfolio.settings).xlsx.writeFile(out);
  return rows.length - 1;
}
