import type { CheckResult } from '../check/check';
import { tilskuddError, type TilskuddError } from '../base/errors';
import { neutralizeFormula, normalizeKey } from '../base/text';
import { formatMoney, parseMoney } from '../parse/money';
import { monthOf, parseMonth, yearOf, type MonthIndex } from '../parse/period';
import { CATEGORY_LABELS } from '../workbook/categories';
import { mapHeaders, PROPOSALS, readTable, type FieldKey } from '../workbook/contract';
import { RECOMMENDATIONS } from '../workbook/vocabulary';
import { decidedUnder, proposals, type MemoOptions, type Proposal } from './memo';

/**
 * What the memo proposes, as rows of the product sheet `Forslag` (one per case, also the proposals without
 * an application), so the decision step can register the board's decisions against them. The memo and
 * these rows come from the one `proposals()`, so they cannot disagree.
 */
export type ProposalCells = Record<FieldKey<typeof PROPOSALS>, unknown>;

const monthText = (m: MonthIndex) => `${yearOf(m)}-${String(monthOf(m)).padStart(2, '0')}`;
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** The rows a memo records: its ready proposals, in the memo's order. */
export function proposalCells(result: CheckResult, options: MemoOptions, made: Date): ProposalCells[] {
  const caseNumber = options.caseNumber?.trim() ?? '';
  const { ready } = proposals(result, options.cases, caseNumber, 'nb');
  return ready.map((pr: Proposal) => ({
    boardCase: caseNumber,
    meeting: day(options.meetingDate),
    caseId: pr.caseId,
    title: pr.title,
    category: CATEGORY_LABELS[pr.category].nb,
    recommendation: RECOMMENDATIONS[pr.kind].nb,
    amount: pr.amount,
    from: pr.period ? monthText(pr.period.from) : '',
    to: pr.period ? monthText(pr.period.to) : '',
    reason: '',
    made,
  }));
}

export type ProposalSheetPlan =
  | {
      ok: true;
      /** The header as it stands (the contract's for a new sheet). */
      header: unknown[];
      /** Data rows kept as they are: 0-based indexes into the sheet's values (header at 0). */
      keep: number[];
      /** The case's rows, cells by header; `base` is the row replaced, whose other columns are carried over. */
      add: Array<{ cells: unknown[]; base: number | null }>;
      /** False when the case's rows already say the same: nothing to write. */
      changed: boolean;
      /** Rows of this board case before and after. */
      before: number;
      after: number;
    }
  | { ok: false; error: TilskuddError };

/**
 * The sheet after the plan, from `source`: the values as read (the plan may have been made from a copy
 * with dates converted, and the kept rows are written back as Google gave them).
 */
export function plannedValues(
  source: readonly (readonly unknown[])[] | undefined,
  plan: Extract<ProposalSheetPlan, { ok: true }>,
): unknown[][] {
  const width = plan.header.length;
  const over = (base: readonly unknown[], cells: unknown[]) =>
    Array.from({ length: Math.max(width, base.length) }, (_, c) =>
      c < cells.length && cells[c] !== undefined ? cells[c] : (base[c] ?? ''),
    );
  return [
    plan.header,
    ...plan.keep.map((i) => [...source![i]!]),
    ...plan.add.map((a) => over(a.base === null ? [] : source![a.base]!, a.cells)),
  ];
}

/** What a row proposes, without when it was made: two memos of the same proposal compare equal. */
function fingerprint(cells: Partial<Record<string, unknown>>): string {
  const text = (v: unknown) => normalizeKey(String(v ?? ''));
  // Sheets turns «2025-08» into a date and may write an amount as text: compare what they mean.
  const monthOf = (v: unknown) => {
    const m = parseMonth(v);
    return m.ok ? String(m.value) : text(v);
  };
  const amount = parseMoney(cells.amount);
  return [
    text(cells.caseId),
    text(cells.title),
    text(cells.category),
    text(cells.recommendation),
    amount.ok ? String(amount.value) : text(cells.amount),
    monthOf(cells.from),
    monthOf(cells.to),
  ].join('|');
}

/**
 * The `Forslag` sheet with the rows of `boardCase` replaced by `cells`; the other cases' rows, and columns
 * a person added, stay as they are. Refused when the board case is already decided (an allocation names
 * it) and its recorded rows differ: what the board decided on is not rewritten afterwards. Unchanged
 * rows are kept with their first `Laget`, so making the memo again changes nothing.
 */
export function planProposalSheet(
  result: CheckResult,
  current: readonly (readonly unknown[])[] | undefined,
  boardCase: string,
  cells: ProposalCells[],
): ProposalSheetPlan {
  if (boardCase.trim() === '')
    return {
      ok: false,
      error: tilskuddError(
        'Forslaget kan ikke lagres i arket «Forslag» uten saksnummer: oppgi saksnummeret i møtet (f.eks. 18-2025).',
        'The proposal cannot be recorded in the "Proposals" sheet without a case number: give the board case number (e.g. 18-2025).',
      ),
    };
  const header =
    current && current.length > 0 && current[0]!.some((c) => String(c ?? '').trim() !== '')
      ? [...current[0]!]
      : PROPOSALS.fields.map((f) => f.header);
  const columns = mapHeaders(PROPOSALS, header);
  const table = current && current.length > 1 ? readTable(PROPOSALS, current) : { rows: [] };
  const same = (v: unknown) => normalizeKey(String(v ?? '')) === normalizeKey(boardCase);
  const mine = table.rows.filter((r) => same(r.get('boardCase')));
  const theirs = new Set(mine.map((r) => r.row));
  const old = mine.map((r) => fingerprint(r.cells));
  const next = cells.map(fingerprint);
  const unchanged = old.length === next.length && old.every((x, i) => x === next[i]);
  const keepAll = (current ?? []).slice(1).map((_, i) => i + 1);
  if (unchanged && old.length > 0)
    return {
      ok: true,
      header,
      keep: keepAll,
      add: [],
      changed: false,
      before: old.length,
      after: old.length,
    };
  const decided = result.portfolio.allocations.some((a) => decidedUnder(a, boardCase));
  if (decided && mine.length > 0) {
    const list = cells.map((c) => `${String(c.caseId)} ${formatMoney(Number(c.amount))}`).join(', ');
    return {
      ok: false,
      error: tilskuddError(
        `Sak ${boardCase} er allerede vedtatt (arket Tildelinger viser vedtak i saken), og forslaget i arket «Forslag» er annerledes enn det saksfremstillingen nå foreslår (${list}). Et forslag som er vedtatt, endres ikke i etterkant. Gi en ny sak et nytt saksnummer, eller rett i Tildelinger om vedtaket er registrert feil.`,
        `Case ${boardCase} is already decided (the Allocations sheet shows decisions in it), and its rows in the "Proposals" sheet differ from what the memo now proposes (${list}). A decided proposal is not changed afterwards. Give a new case a new case number, or correct Allocations if the decision was registered wrongly.`,
      ),
    };
  }
  const rowOf = (c: ProposalCells) => {
    const row: unknown[] = new Array<unknown>(header.length);
    for (const [key, value] of Object.entries(c) as Array<[FieldKey<typeof PROPOSALS>, unknown]>) {
      const col = columns[key];
      if (col !== undefined) row[col] = neutralizeFormula(value);
    }
    return row;
  };
  // A person's own columns on a replaced row are carried over by case id.
  const previous = new Map(mine.map((r) => [normalizeKey(String(r.get('caseId') ?? '')), r.row - 1]));
  return {
    ok: true,
    header,
    keep: keepAll.filter((i) => !theirs.has(i + 1)),
    add: cells.map((c) => ({ cells: rowOf(c), base: previous.get(normalizeKey(String(c.caseId))) ?? null })),
    changed: true,
    before: mine.length,
    after: cells.length,
  };
}
