import type { SubmittedResponse } from './form-app';
import { AuthMode, type TriggerSpec } from './script-app';
import { displayValue } from './spreadsheet-cells';
import { asGas } from './spreadsheet-base';
import { makeRange } from './spreadsheet-range';

/**
 * The event objects Google passes to installable triggers ("Event objects" reference). Made without
 * counting calls: Google builds them, the script does not.
 */

/**
 * Sheets' form-submit event: `range` is the response's row in the response sheet, `values` its cells as
 * displayed (timestamp first), `namedValues` title → [answer]. `blank` models the spurious second firing
 * Google sometimes sends for one response, whose answers are empty.
 */
export function formSubmitEvent(
  submitted: SubmittedResponse,
  trigger: Pick<TriggerSpec, 'uniqueId'>,
  options: { blank?: boolean } = {},
) {
  const { spreadsheet, sheetName, row } = submitted;
  const sheet = spreadsheet.sheet(sheetName);
  const width = sheet.grid.extent((c) => c.value !== '')[1];
  const shown = (r: number) =>
    Array.from({ length: width }, (_, c) =>
      displayValue(sheet.grid.peek(r, c + 1), spreadsheet.locale, spreadsheet.timeZone),
    );
  const header = shown(1);
  const values = options.blank ? header.map(() => '') : shown(row);
  const namedValues: Record<string, string[]> = {};
  header.forEach((title, c) => (namedValues[title] = [...(namedValues[title] ?? []), values[c]!]));
  return {
    authMode: AuthMode.FULL,
    namedValues,
    range: asGas<GoogleAppsScript.Spreadsheet.Range>(makeRange(sheet, row, 1, 1, width)),
    source: asGas<GoogleAppsScript.Spreadsheet.Spreadsheet>(spreadsheet),
    triggerUid: trigger.uniqueId,
    values,
  };
}

/** A time-driven trigger's event: the time fields (UTC) and the trigger's id. */
export function clockEvent(trigger: Pick<TriggerSpec, 'uniqueId'>, now: number) {
  const d = new Date(now);
  return {
    authMode: AuthMode.FULL,
    triggerUid: trigger.uniqueId,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    'week-of-year': weekOfYear(d),
    year: d.getUTCFullYear(),
  };
}

function weekOfYear(d: Date): number {
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.floor((d.getTime() - start) / (7 * 86_400_000)) + 1;
}
