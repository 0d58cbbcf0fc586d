import type { CheckResult } from '../check/check';
import type { LedgerEntry } from '../money-flow/ledger';
import type { Lang } from '../base/result';
import type { Allocation } from '../portfolio/records';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../workbook/categories';
import { frameFor, type Settings } from '../workbook/settings';

export type Pots = Record<CategoryId, number>;

/** One budget year against the split key: each pot's key amount, what was there before and what this case adds. */
export interface PotYear {
  year: number;
  frame: number;
  /** The key's amount per pot (frame × share, rounded). */
  key: Pots;
  before: Pots;
  added: Pots;
  /** What the frame has left after `before` and `added`. */
  left: number;
}

const pots = (): Pots => ({ innovation: 0, administration: 0, operations: 0 });
const sum = (r: Pots) => CATEGORY_IDS.reduce((s, id) => s + r[id], 0);

/**
 * The split key's arithmetic for a board case, shared by the memo (what the proposal adds) and the
 * protocol (what was decided): per budget year, pro rata by month, each pot's key, what was allocated
 * before the meeting (every ledger entry decided by `meetingDate`, not `isThisCase`), what this case adds
 * (`added`, by year) and what the frame has left. Only the years this case touches; with nothing added,
 * every year allocated before.
 */
export function potYears(
  result: CheckResult,
  isThisCase: (e: LedgerEntry) => boolean,
  added: Array<{ category: CategoryId; byYear: Map<number, number> }>,
  meetingDate: string,
): PotYear[] {
  const settings = result.portfolio.settings;
  const before = new Map<number, Pots>();
  const adds = new Map<number, Pots>();
  const bucket = (m: Map<number, Pots>, year: number) => {
    let r = m.get(year);
    if (!r) m.set(year, (r = pots()));
    return r;
  };
  for (const e of result.ledger.entries) {
    if (isThisCase(e) || !decidedBy(e.allocation, meetingDate) || !e.category) continue;
    for (const [year, amount] of e.byYear ?? []) bucket(before, year)[e.category] += amount;
  }
  for (const a of added) for (const [year, amount] of a.byYear) bucket(adds, year)[a.category] += amount;
  const years = [...new Set([...adds.keys(), ...(adds.size > 0 ? [] : before.keys())])].sort((x, y) => x - y);
  return years.map((year) => {
    const frame = frameFor(settings, year);
    const was = bucket(before, year);
    const add = bucket(adds, year);
    const key = pots();
    for (const id of CATEGORY_IDS) key[id] = Math.round(frame * settings.key[id]);
    return { year, frame, key, before: was, added: add, left: frame - sum(was) - sum(add) };
  });
}

/** What a year's pots hold in all, before and added. */
export const potTotal = (y: PotYear): Pots => {
  const out = pots();
  for (const id of CATEGORY_IDS) out[id] = y.before[id] + y.added[id];
  return out;
};

export const potSum = sum;

/** Decided on or before the meeting (allocations without a valid date are counted). */
export const decidedBy = (a: Allocation, meetingDate: string) =>
  !a.date.ok || a.date.value.toISOString().slice(0, 10) <= meetingDate;

/** A share as a percentage with one decimal: «10,3 %» (NBSP before the sign). */
export const pct = (x: number, lang: Lang) =>
  `${String(Math.round(x * 1000) / 10).replace('.', lang === 'nb' ? ',' : '.')}\u00a0%`;

/** The split key in words: «innovasjon/prosjekt 80 %, administrasjon 5 % og samdrift/tiltak 15 %». */
export function keyInWords(settings: Settings, lang: Lang): string {
  const parts = CATEGORY_IDS.map(
    (id) => `${CATEGORY_LABELS[id][lang].toLowerCase()} ${pct(settings.key[id], lang)}`,
  );
  return `${parts.slice(0, -1).join(', ')} ${lang === 'nb' ? 'og' : 'and'} ${parts[parts.length - 1]}`;
}
