import { parseMoney } from '../core/money';
import { isBlank } from '../core/text';
import { mapCells, type CellInput } from './cells';

/** `=NOK("kr 1 060 000,-")` → 1060000; works on a whole range. Blank stays blank. */
export function nok(amount: CellInput): unknown {
  return mapCells(amount, (value) => {
    if (isBlank(value)) return '';
    const parsed = parseMoney(value);
    if (!parsed.ok) throw new Error(`NOK: ${parsed.reason.nb}`);
    return parsed.value;
  });
}
