/**
 * Norwegian organisation numbers: nine digits, the last a mod-11 check over the first eight with weights
 * 3, 2, 7, 6, 5, 4, 3, 2 (remainder 0 gives 0; a check of 10 means the number is invalid).
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

export function validOrgNumber(input: string): boolean {
  const digits = input.replace(/[\s\u00a0]/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[8]);
}
