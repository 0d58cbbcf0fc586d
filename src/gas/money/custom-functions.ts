import { parseMoney } from '../../core/parse/money';
import { isBlank, isDate } from '../../core/base/text';
import { wallClock } from '../platform/sheets';
import { mapCells, type CellInput } from './cells';

/** `=NOK(...)`: pure, one call per range; the thrown message is what Sheets shows on the cell. */
export function nok(amount: CellInput): unknown {
  return mapCells(amount, (value) => {
    if (isBlank(value)) return '';
    const parsed = parseMoney(value);
    if (!parsed.ok) throw new Error(`NOK: ${parsed.reason.nb}`);
    return parsed.value;
  });
}

/**
 * A date cell reaches a custom function as an exact instant: its midnight in the spreadsheet's time zone
 * (which may differ from the script's); the core reads dates by their UTC fields. Converted here in the
 * spreadsheet's zone (reading it is allowed in custom functions), and only when a Date is present (no
 * service call otherwise), as the sheet reader does for whole sheets.
 */
export function wallClockDates(input: CellInput): unknown {
  const hasDate = Array.isArray(input)
    ? (input as unknown[][]).some((row) => row.some(isDate))
    : isDate(input);
  if (!hasDate) return input;
  const zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  return mapCells(input, (value) => (isDate(value) ? wallClock(value, zone) : value));
}
