/**
 * Numbering of the action plan: `1` for a focus area, `1.2` for its second main goal, `1.2.3` for a
 * measure. A number once given is kept (nothing is renumbered unless the user asks); a row without one
 * gets the next free number under its parent, after every number already given there anywhere in the
 * sheet, so a deleted measure's number is not reused and an inserted row never takes a later row's.
 */
export type PlanLevel = 1 | 2 | 3;

export interface Numberable {
  level: PlanLevel | null;
  /** `Nr` as written ('' when empty). */
  given: string;
}

export type NumberIssue =
  | { index: number; kind: 'duplicate'; first: number }
  | { index: number; kind: 'misfit'; expected: string }
  | { index: number; kind: 'orphan' }
  | { index: number; kind: 'level' }
  | { index: number; kind: 'parentInvalid' };

export interface Numbering {
  /** The number of each row: the given one, the assigned one, or '' when it cannot be placed. */
  numbers: string[];
  /** Whether the number was assigned now (the row had none). */
  assigned: boolean[];
  /** Index of each row's parent row, -1 for focus areas and rows that cannot be placed. */
  parents: number[];
  issues: NumberIssue[];
}

const WELL_FORMED = /^[1-9]\d*(?:\.[1-9]\d*)*$/;

/** `1.2.` and ` 1. 2` are read as `1.2`; a number cell (1.2 as a float) as its text. */
export const normalizeNumber = (text: string): string => text.replace(/\s+/g, '').replace(/\.$/, '');

const depth = (nr: string) => (WELL_FORMED.test(nr) ? nr.split('.').length : 0);
const parentOf = (nr: string) => nr.slice(0, Math.max(nr.lastIndexOf('.'), 0));

/** What a row at `level` under `parentNr` is numbered like: `2.n` for a main goal under focus area 2. */
export const expectedShape = (level: PlanLevel, parentNr: string): string =>
  level === 1 ? 'n' : `${parentNr}.n`;

export function numberPlan(rows: readonly Numberable[]): Numbering {
  const given = rows.map((r) => normalizeNumber(r.given));
  // The highest child number already given under each parent, counting every given number.
  const highest = new Map<string, number>();
  for (const nr of given) {
    if (depth(nr) === 0) continue;
    const last = Number(nr.slice(nr.lastIndexOf('.') + 1));
    const parent = parentOf(nr);
    if (last > (highest.get(parent) ?? 0)) highest.set(parent, last);
  }
  const numbers: string[] = [];
  const assigned: boolean[] = [];
  const parents: number[] = [];
  const issues: NumberIssue[] = [];
  const seen = new Map<string, number>();
  // The last row seen at each level, so a row finds its parent above it.
  const last: Record<PlanLevel, number> = { 1: -1, 2: -1, 3: -1 };

  rows.forEach((row, index) => {
    const own = given[index]!;
    const level = row.level;
    numbers.push(own);
    assigned.push(false);
    parents.push(-1);
    if (level === null) {
      issues.push({ index, kind: 'level' });
      return;
    }
    const parent = level === 1 ? -1 : last[(level - 1) as PlanLevel];
    if (level > 1 && parent < 0) {
      issues.push({ index, kind: 'orphan' });
      return;
    }
    parents[index] = parent;
    const parentNr = parent < 0 ? '' : numbers[parent]!;
    if (own !== '') {
      const first = seen.get(own);
      if (first !== undefined) issues.push({ index, kind: 'duplicate', first });
      else {
        seen.set(own, index);
        if (depth(own) !== level || parentOf(own) !== parentNr)
          issues.push({ index, kind: 'misfit', expected: expectedShape(level, parentNr) });
      }
    } else if (level > 1 && depth(parentNr) !== level - 1) {
      issues.push({ index, kind: 'parentInvalid' });
    } else {
      const next = (highest.get(parentNr) ?? 0) + 1;
      highest.set(parentNr, next);
      const nr = parentNr === '' ? String(next) : `${parentNr}.${next}`;
      numbers[index] = nr;
      assigned[index] = true;
      seen.set(nr, index);
    }
    last[level] = index;
    for (let deeper = level + 1; deeper <= 3; deeper++) last[deeper as PlanLevel] = -1;
  });
  return { numbers, assigned, parents, issues };
}
