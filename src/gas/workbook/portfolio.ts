import {
  ACTION_PLAN,
  ALLOCATIONS,
  APPLICATIONS,
  ASSESSMENTS,
  BUDGET,
  DEADLINES,
  PAYMENTS,
  SETTINGS_SHEET,
  STATUS_REPORTS,
  type SheetSpec,
} from '../../core/workbook/contract';
import type { WorkbookValues } from '../../core/portfolio/records';
import { checkMarks } from './assessment-marks';
import { type Sheet, type SheetIndex, type Spreadsheet } from '../platform/sheets';

/** The sheets `readWorkbook` looks up, required and optional. */
export const WORKBOOK_SHEETS: readonly SheetSpec[] = [
  APPLICATIONS,
  BUDGET,
  ALLOCATIONS,
  SETTINGS_SHEET,
  ASSESSMENTS,
  PAYMENTS,
  STATUS_REPORTS,
  DEADLINES,
  ACTION_PLAN,
];

export interface WorkbookRead {
  values: WorkbookValues;
  /** The contract sheets by their name in this workbook. */
  sheets: Map<string, Sheet>;
}

/** Reads the contract sheets, one `getValues` each per operation (see `SheetIndex.data`); a missing required sheet stops with its name. */
export function readWorkbook(ss: Spreadsheet, sheets: SheetIndex): WorkbookRead {
  const values: Record<string, unknown[][]> = {};
  const found = new Map<string, Sheet>();
  const read = (sheet: Sheet) => {
    const name = sheets.nameOf(sheet);
    values[name] = sheets.values(sheet);
    found.set(name, sheet);
  };
  for (const spec of [APPLICATIONS, BUDGET, ALLOCATIONS]) read(sheets.require(spec));
  const settings = sheets.find(SETTINGS_SHEET);
  if (settings) read(settings);
  // Optional sheets: assessments, payments, the follow-up's status reports and deadlines, the action plan.
  for (const spec of [ASSESSMENTS, PAYMENTS, STATUS_REPORTS, DEADLINES, ACTION_PLAN]) {
    const sheet = sheets.find(spec);
    if (sheet) read(sheet);
  }
  const assessments = sheets.find(ASSESSMENTS);
  if (assessments) values[sheets.nameOf(assessments)] = checkMarks(sheets.values(assessments));
  return { values, sheets: found };
}
