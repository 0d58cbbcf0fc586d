import { parseMoney } from '../core/parse/money';
import { isBlank, isDate } from '../core/base/text';
import { wallClock } from './sheets';
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
 * Date cells reach a custom function as the instant of their midnight in the script's time zone; the
 * core reads dates by their UTC fields. Converted here, and only when a Date is present (no service call
 * otherwise), as the sheet reader does for whole sheets.
 */
export function wallClockDates(input: CellInput): unknown {
  const hasDate = Array.isArray(input)
    ? (input as unknown[][]).some((row) => row.some(isDate))
    : isDate(input);
  if (!hasDate) return input;
  const zone = Session.getScriptTimeZone();
  return mapCells(input, (value) => (isDate(value) ? wallClock(value, zone) : value));
}
