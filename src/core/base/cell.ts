import { fail, type Parsed } from './result';

/**
 * A formula cell the file holds without its last computed value (a workbook written by a program that
 * does not calculate, or saved before calculating). The adapter hands it to the core instead of a blank,
 * so a rule can say "this is a formula without a value" rather than "the amount is missing".
 * It reads as '' where text is expected.
 */
export class UncomputedFormula {
  constructor(readonly formula: string) {}

  toString(): string {
    return '';
  }
}

/** The reason a parser gives for an uncomputed formula, or null for any other value. */
export function uncomputedReason<T>(value: unknown): Parsed<T> | null {
  if (!(value instanceof UncomputedFormula)) return null;
  return fail(
    `cellen har formelen «=${value.formula}», men fila har ikke lagret verdien (åpne fila i Excel eller LibreOffice, lagre den, og kontroller igjen)`,
    `the cell holds the formula "=${value.formula}", but the file has no stored value for it (open the file in Excel or LibreOffice, save it, and check again)`,
  );
}
