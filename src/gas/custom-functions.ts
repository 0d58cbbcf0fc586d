import { parseMoney } from '../core/money';
import { isBlank } from '../core/text';
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
