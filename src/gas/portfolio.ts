import { ALLOCATIONS, APPLICATIONS, BUDGET, SETTINGS_SHEET } from '../core/contract';
import type { WorkbookValues } from '../core/records';
import { findSheet, readValues, requireSheet, type Sheet, type Spreadsheet } from './sheets';

export interface WorkbookRead {
  values: WorkbookValues;
  /** The contract sheets by their name in this workbook. */
  sheets: Map<string, Sheet>;
}

/** Reads the contract sheets, one `getValues` each; a missing required sheet stops with its name. */
export function readWorkbook(ss: Spreadsheet, sheets: readonly Sheet[]): WorkbookRead {
  const timeZone = ss.getSpreadsheetTimeZone();
  const values: Record<string, unknown[][]> = {};
  const found = new Map<string, Sheet>();
  const read = (sheet: Sheet) => {
    const name = sheet.getName();
    values[name] = readValues(sheet, timeZone);
    found.set(name, sheet);
  };
  for (const spec of [APPLICATIONS, BUDGET, ALLOCATIONS]) read(requireSheet(sheets, spec));
  const settings = findSheet(sheets, SETTINGS_SHEET);
  if (settings) read(settings);
  return { values, sheets: found };
}
