/**
 * The Apps Script entry: only the globals Google calls (menus, triggers, custom functions, sidebar
 * endpoints). Everything here delegates to modules; the build appends a top-level stub per export.
 */
import { nok } from './gas/custom-functions';

/**
 * Leser et beløp skrevet på norsk (f.eks. «kr 1 060 000,-», «9,16 mill.») som et tall i kroner.
 * Reads a Norwegian-formatted amount as a number in NOK. Works on a whole range.
 *
 * @param {string|Array<Array<string>>} amount Beløp eller område med beløp / amount or range of amounts
 * @return {number|Array<Array<number>>} Beløpet i kroner / the amount in NOK
 * @customfunction
 */
export function NOK(amount: unknown): unknown {
  return nok(amount);
}
