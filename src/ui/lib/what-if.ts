import type { DashboardData, YearView } from '../../core/money-flow/dashboard';

/** Runs in the sidebar: only type imports, so the page does not carry the core's settings parser. */
/** The years as they would be with the chosen candidates granted in full. */
export function whatIf(data: DashboardData, chosen: ReadonlySet<string>): YearView[] {
  return data.years.map((y) => {
    const pots = y.pots.map((p) => ({ ...p }));
    let added = 0;
    let uncategorised = y.uncategorised;
    for (const c of data.candidates) {
      const amount = chosen.has(c.caseId) ? (c.byYear[String(y.year)] ?? 0) : 0;
      if (amount === 0) continue;
      added += amount;
      const pot = pots.find((p) => p.id === c.category);
      if (pot) pot.amount += amount;
      else uncategorised += amount;
    }
    const allocated = y.allocated + added;
    return { ...y, allocated, remaining: y.frame - allocated, pots, uncategorised };
  });
}
