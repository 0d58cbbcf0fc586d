import { CATEGORY_IDS, type CategoryId } from '../workbook/categories';
import { proRata, yearOf, monthOfDay } from '../parse/period';
import type { Allocation, Application, Portfolio } from '../portfolio/records';
import { frameFor, type Settings } from '../workbook/settings';

/**
 * What each allocation counts against each budget year, and the per-year summary against the frame
 * and the split key. Computed once per check; the frame and key rules and every report read it.
 */
export interface LedgerEntry {
  allocation: Allocation;
  /** The allocation's own category, or (for a supplement without one) its project's. */
  category: CategoryId | null;
  /** `null` when the amount, period or date is unusable (flagged by the rules). */
  byYear: Map<number, number> | null;
}

export interface CategorySummary {
  amount: number;
  /** Share of the frame. */
  share: number;
  /** The split key's share. */
  key: number;
  keyAmount: number;
}

export interface YearSummary {
  year: number;
  frame: number;
  allocated: number;
  remaining: number;
  categories: Record<CategoryId, CategorySummary>;
  /** Allocated money whose category is unknown (flagged by `category-invalid`). */
  uncategorised: number;
}

export interface Ledger {
  /** One entry per allocation row, in sheet order. */
  entries: LedgerEntry[];
  years: Map<number, YearSummary>;
}

/**
 * Splits an allocation by budget year; `null` when amount or period/date is unusable. A withdrawal
 * (*inndragning*, a positive amount) counts negatively: it frees the frame of the years it names.
 */
export function yearSplit(a: Allocation): Map<number, number> | null {
  // An extension moves a project's end, not money: it splits nothing.
  if (a.kind === 'extension') return new Map();
  if (!a.amount.ok) return null;
  const amount = a.kind === 'withdrawal' ? -a.amount.value : a.amount.value;
  if (a.period) return a.period.ok ? proRata(amount, a.period.value) : null;
  return a.date.ok ? new Map([[yearOf(monthOfDay(a.date.value)), amount]]) : null;
}

export function buildLedger(p: Portfolio, extraYears: number[] = []): Ledger {
  const projectCategory = new Map<string, CategoryId>();
  for (const a of p.allocations) {
    if (a.kind === 'ordinary' && a.category && a.caseId !== '') projectCategory.set(a.caseId, a.category);
  }
  const applicationsByCase = new Map<string, Application>(p.applications.map((a) => [a.caseId, a]));
  const entries: LedgerEntry[] = [];
  for (const allocation of p.allocations) {
    const byYear = yearSplit(allocation);
    const category =
      allocation.category ??
      (allocation.categoryText === ''
        ? (projectCategory.get(allocation.caseId) ??
          applicationsByCase.get(allocation.caseId)?.category ??
          null)
        : null);
    entries.push({ allocation, category, byYear });
  }
  const years = new Map<number, YearSummary>();
  for (const year of extraYears) years.set(year, emptyYear(p.settings, year));
  for (const e of entries) {
    for (const [year, amount] of e.byYear ?? []) {
      let y = years.get(year);
      if (!y) years.set(year, (y = emptyYear(p.settings, year)));
      y.allocated += amount;
      if (e.category) y.categories[e.category].amount += amount;
      else y.uncategorised += amount;
    }
  }
  for (const y of years.values()) {
    y.allocated = round2(y.allocated);
    y.remaining = round2(y.frame - y.allocated);
    for (const c of Object.values(y.categories)) {
      c.amount = round2(c.amount);
      // Unrounded: rounding is for people (the report and the sheet format it), not for --json.
      c.share = y.frame > 0 ? c.amount / y.frame : 0;
    }
  }
  return { entries, years: new Map([...years].sort(([a], [b]) => a - b)) };
}

function emptyYear(s: Settings, year: number): YearSummary {
  const frame = frameFor(s, year);
  const categories = {} as Record<CategoryId, CategorySummary>;
  for (const id of CATEGORY_IDS) {
    categories[id] = { amount: 0, share: 0, key: s.key[id], keyAmount: Math.round(frame * s.key[id]) };
  }
  return { year, frame, allocated: 0, remaining: frame, categories, uncategorised: 0 };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
