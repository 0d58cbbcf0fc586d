import { tilskuddError } from '../base/errors';
import { cellText, isBlank } from '../base/text';
import { parseMoney } from '../parse/money';

/**
 * Resource arithmetic for pricing positions, as the secretariat's cost estimate does (case
 * 18-2025): a working year is 1 680 hours, 20 % of a position is 336 hours a year. Every argument may be a
 * single value or a range; ranges must have the same shape and the answer has that shape (one call per
 * range keeps Sheets under its executions-per-second limit). Blank cells of a range give blank answers.
 */
export const HOURS_PER_YEAR = 1680;

type Arg = { value: unknown; name: [nb: string, en: string]; fallback?: number };

/**
 * A number from a cell: 0,2, 0.2, 20 % (0.2), 1 680, 850.000 (a thousands dot), 850 000 kr or a number;
 * null when it is not one.
 */
function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = cellText(value);
  if (text.endsWith('%')) {
    const n = numberOf(text.slice(0, -1).trim());
    return n === null ? null : n / 100;
  }
  if (/^-?\d+,\d+$/.test(text)) return Number(text.replace(',', '.'));
  const money = parseMoney(text);
  if (money.ok) return money.value;
  return /^-?\d+\.\d+$/.test(text) ? Number(text) : null;
}

const shapeOf = (x: unknown): [number, number] | null =>
  Array.isArray(x) ? [x.length, (x[0] as unknown[] | undefined)?.length ?? 0] : null;

/** Applies `compute` cell by cell over the arguments, single values repeated over the range's shape. */
function overCells(
  fn: string,
  args: Arg[],
  compute: (values: number[]) => number,
): number | Array<Array<number | ''>> {
  const ranged = args.find((a) => Array.isArray(a.value));
  const shape = ranged ? shapeOf(ranged.value)! : null;
  for (const a of args) {
    const s = shapeOf(a.value);
    if (s && shape && (s[0] !== shape[0] || s[1] !== shape[1])) {
      throw tilskuddError(
        `${fn}: ${a.name[0]} er ${s[0]}×${s[1]} celler, men ${ranged!.name[0]} er ${shape[0]}×${shape[1]}. Velg like store områder, eller én celle.`,
        `${fn}: ${a.name[1]} is ${s[0]}×${s[1]} cells but ${ranged!.name[1]} is ${shape[0]}×${shape[1]}. Choose ranges of the same size, or one cell.`,
      );
    }
  }
  const cell = (r: number, c: number): number | '' => {
    const raw = args.map((a) => (Array.isArray(a.value) ? (a.value as unknown[][])[r]![c] : a.value));
    if (shape && isBlank(raw[0])) return '';
    const values = args.map((a, i) => {
      if (isBlank(raw[i]) && a.fallback !== undefined) return a.fallback;
      const n = numberOf(raw[i]);
      if (n === null || n < 0) {
        const where = shape ? ` (rad ${r + 1})` : '';
        const whereEn = shape ? ` (row ${r + 1})` : '';
        throw tilskuddError(
          `${fn}: ${a.name[0]}${where} «${cellText(raw[i])}» er ikke et tall som 0,2 eller 20 %.`,
          `${fn}: ${a.name[1]}${whereEn} "${cellText(raw[i])}" is not a number such as 0.2 or 20 %.`,
        );
      }
      return n;
    });
    return Math.round(compute(values) * 100) / 100;
  };
  if (!shape) return cell(0, 0) as number;
  return Array.from({ length: shape[0] }, (_, r) => Array.from({ length: shape[1] }, (_, c) => cell(r, c)));
}

/** Hours of `positions` (0,2 = 20 %) over `months` (default 12), at `hoursPerYear` (default 1 680). */
export function positionHours(positions: unknown, months?: unknown, hoursPerYear?: unknown) {
  return overCells(
    'POSITION_HOURS',
    [
      { value: positions, name: ['stillingsandelen', 'the positions'] },
      { value: months, name: ['månedene', 'the months'], fallback: 12 },
      { value: hoursPerYear, name: ['timer per år', 'hours per year'], fallback: HOURS_PER_YEAR },
    ],
    ([p, m, h]) => p! * h! * (m! / 12),
  );
}

/** Cost of `positions` at `annualCost` a year over `months` (default 12), plus `socialCostRate` (default 0). */
export function positionCost(
  positions: unknown,
  annualCost: unknown,
  months?: unknown,
  socialCostRate?: unknown,
) {
  return overCells(
    'POSITION_COST',
    [
      { value: positions, name: ['stillingsandelen', 'the positions'] },
      { value: annualCost, name: ['årskostnaden', 'the annual cost'] },
      { value: months, name: ['månedene', 'the months'], fallback: 12 },
      { value: socialCostRate, name: ['sosiale kostnader', 'the social cost rate'], fallback: 0 },
    ],
    ([p, cost, m, rate]) => p! * cost! * (m! / 12) * (1 + rate!),
  );
}

/** `hours` × `hourlyRate`. */
export function hoursCost(hours: unknown, hourlyRate: unknown) {
  return overCells(
    'HOURS_COST',
    [
      { value: hours, name: ['timene', 'the hours'] },
      { value: hourlyRate, name: ['timeprisen', 'the hourly rate'] },
    ],
    ([h, rate]) => h! * rate!,
  );
}
