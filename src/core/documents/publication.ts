import type { CheckResult } from '../check/check';
import type { Finding } from '../engine/findings';
import type { Allocation } from '../portfolio/records';
import type { Lang } from '../base/result';

/**
 * The one rule for every document that goes out (memo, award letters, the overview, 360Giving, the
 * reports and the economy export): a grant is held back while the check flags an error in the grant's
 * own data, and the documents say so.
 *
 * - What an error stops: an allocation with an error-level finding on its own row (an unreadable or
 *   missing date, an invalid amount, category or kind, a supplement's mistyped case id), or on its case
 *   identity (its case id missing or used by two applications, so whose grant it is cannot be told), is
 *   left out of the letters, the overview and 360Giving until it is corrected. Findings about the
 *   application itself (its budget, its parties) never hold a decided grant back.
 * - Where the reader is told: the command names each held-back grant with its errors and exits 1. The
 *   memo, the reports and the economy export count it as the sheet holds it (their figures are about the
 *   money decided) and the command says so in the same words.
 */
export interface Withheld {
  allocation: Allocation;
  /** The errors that stop it. */
  errors: Finding[];
}

/** The allocations held back, each with its errors, in sheet order. */
export function heldBack(result: CheckResult): Withheld[] {
  const errorsByRow = new Map<number, Finding[]>();
  const identity = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.severity !== 'error') continue;
    for (const row of new Set(f.cells.filter((c) => c.sheet === 'allocations').map((c) => c.row)))
      errorsByRow.set(row, [...(errorsByRow.get(row) ?? []), f]);
    if (f.rule === 'case-id-invalid' && f.ref !== '')
      identity.set(f.ref, [...(identity.get(f.ref) ?? []), f]);
  }
  const out: Withheld[] = [];
  for (const a of result.portfolio.allocations) {
    const errors = [...(errorsByRow.get(a.row) ?? []), ...(identity.get(a.caseId) ?? [])];
    if (errors.length > 0) out.push({ allocation: a, errors });
  }
  return out;
}

/** What may be published: the one selection both public exports use (the overview and 360Giving). */
export interface Publication {
  /** Allocations to publish, in sheet order. */
  allocations: Allocation[];
  /** Allocations left out, each with the errors that stop it. */
  withheld: Withheld[];
}

/**
 * With `year`, only allocations counted in that budget year (by the months of their period); a withheld
 * allocation whose year cannot be told is named for every year.
 */
export function publication(result: CheckResult, year?: number): Publication {
  const held = new Map(heldBack(result).map((w) => [w.allocation, w]));
  const years = new Map(result.ledger.entries.map((e) => [e.allocation, e.byYear]));
  const out: Publication = { allocations: [], withheld: [] };
  for (const a of result.portfolio.allocations) {
    const byYear = years.get(a) ?? null;
    const w = held.get(a);
    if (w) {
      if (year === undefined || byYear === null || byYear.has(year)) out.withheld.push(w);
    } else if (year === undefined || byYear?.has(year)) out.allocations.push(a);
  }
  return out;
}

/** One held-back grant in words: where it is, its case, its errors (the command's and the documents' note). */
export function withheldText(w: Withheld, lang: Lang): { where: string; errors: string[] } {
  const a = w.allocation;
  const where =
    lang === 'nb'
      ? `Tildelinger rad ${a.row}, sak ${a.caseId || '(uten saksnr)'}`
      : `Allocations row ${a.row}, case ${a.caseId || '(no case id)'}`;
  return { where, errors: w.errors.map((f) => `[${f.rule}] ${f.message[lang]}`) };
}
