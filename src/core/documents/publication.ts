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
 *   money decided) and the command says so in the same words. A grant whose amount or period cannot be
 *   read is in no total: the check's report, the memo, the board status, the annual report and the
 *   dashboard say so in one sentence (`leftOutText`).
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

/**
 * The held-back grants the totals leave out: those whose amount or period (or date) cannot be read, so
 * no budget year can be given their money (`yearSplit`). The others are counted as the sheet holds them.
 */
export function leftOutOfTotals(result: CheckResult): Withheld[] {
  const unplaced = new Set(result.ledger.entries.filter((e) => e.byYear === null).map((e) => e.allocation));
  return heldBack(result).filter((w) => unplaced.has(w.allocation));
}

/** How many case ids a sentence names before it says "and N more". */
const NAMED = 3;

/**
 * One sentence for a reader of totals: how many grants were left out because of errors in their own
 * data, naming the first cases; empty when none was.
 */
export function leftOutText(left: readonly Withheld[], lang: Lang): string {
  if (left.length === 0) return '';
  const ids = left.map((w) => w.allocation.caseId || (lang === 'nb' ? '(uten saksnr)' : '(no case id)'));
  const named = ids.slice(0, NAMED);
  const more = ids.length - named.length;
  const n = left.length;
  if (lang === 'nb') {
    const list = `${named.join(', ')}${more > 0 ? ` og ${more} til` : ''}`;
    return `${n} ${n === 1 ? 'tildeling' : 'tildelinger'} (sak ${list}) er holdt utenfor summene fordi beløpet eller perioden ikke kan leses. Rett feilene i Tildelinger, så telles ${n === 1 ? 'den' : 'de'} med.`;
  }
  const list = `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  return `${n} ${n === 1 ? 'allocation' : 'allocations'} (case ${list}) ${n === 1 ? 'is' : 'are'} left out of the totals because the amount or period cannot be read. Correct the errors in Allocations and ${n === 1 ? 'it is' : 'they are'} counted.`;
}
