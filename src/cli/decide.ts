import type ExcelJS from 'exceljs';
import { TilskuddError } from '../core/base/errors';
import type { DecisionWrites, BoardDecision, FollowUpDecision } from '../core/decisions/decide';
import { parseMoney } from '../core/parse/money';
import { parseMonth, parsePeriod, type Period } from '../core/parse/period';
import type { Portfolio } from '../core/portfolio/records';
import { ALLOCATIONS, APPLICATIONS, LOG_SHEET, findSheetName, mapHeaders } from '../core/workbook/contract';

type Option = string | boolean | (string | boolean)[] | undefined;

const list = (v: Option): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

const bad = (nb: string, en: string) => new TilskuddError({ nb, en });

function caseAndValue(option: string, text: string): [string, string] {
  const i = text.indexOf('=');
  if (i <= 0)
    throw bad(
      `${option} «${text}» mangler saksnummer og verdi: skriv ${option} SAKSNR=VERDI.`,
      `${option} "${text}" lacks a case id and a value: write ${option} CASE=VALUE.`,
    );
  return [text.slice(0, i).trim(), text.slice(i + 1).trim()];
}

function amountOf(option: string, caseId: string, text: string): number {
  const m = parseMoney(text);
  if (!m.ok)
    throw bad(
      `${option} for sak ${caseId}: «${text}» er ikke et beløp (${m.reason.nb}).`,
      `${option} for case ${caseId}: "${text}" is not an amount (${m.reason.en}).`,
    );
  return m.value;
}

function periodOf(option: string, caseId: string, text: string | undefined): Period | undefined {
  if (text === undefined || text === '') return undefined;
  const p = parsePeriod(text);
  if (!p.ok)
    throw bad(
      `${option} for sak ${caseId}: ${p.reason.nb}.`,
      `${option} for case ${caseId}: ${p.reason.en}.`,
    );
  return p.value;
}

/**
 * The board's decisions from `--change`, `--preproject`, `--reject`/`--reason`, `--postpone`, `--only`, and on granted
 * projects `--approve-closure`, `--extend` and `--withdraw`.
 */
export function decisionsFromOptions(opts: Record<string, Option>): Array<BoardDecision | FollowUpDecision> {
  const out: Array<BoardDecision | FollowUpDecision> = [];
  for (const c of list(opts.change)) {
    const [caseId, value] = caseAndValue('--change', c);
    const [amount, period] = value.split(/:(.*)/s);
    out.push({
      caseId,
      kind: 'changed',
      amount: amountOf('--change', caseId, amount!),
      ...(periodOf('--change', caseId, period) ? { period: periodOf('--change', caseId, period)! } : {}),
    });
  }
  for (const c of list(opts.preproject)) {
    const [caseId, value] = caseAndValue('--preproject', c);
    const [amount, period] = value.split(/:(.*)/s);
    const p = periodOf('--preproject', caseId, period);
    out.push({
      caseId,
      kind: 'preProject',
      amount: amountOf('--preproject', caseId, amount!),
      ...(p ? { period: p } : {}),
    });
  }
  const rejects = list(opts.reject);
  const reasons = list(opts.reason);
  if (rejects.length !== reasons.length)
    throw bad(
      `Hvert --reject SAKSNR trenger sin --reason TEKST (fikk ${rejects.length} --reject og ${reasons.length} --reason).`,
      `Each --reject CASE needs its --reason TEXT (got ${rejects.length} --reject and ${reasons.length} --reason).`,
    );
  rejects.forEach((caseId, i) => out.push({ caseId: caseId.trim(), kind: 'rejected', reason: reasons[i]! }));
  for (const caseId of list(opts.postpone)) out.push({ caseId: caseId.trim(), kind: 'postponed' });
  const named = new Set(out.map((d) => d.caseId));
  for (const caseId of onlyCases(opts))
    if (!named.has(caseId)) {
      named.add(caseId);
      out.push({ caseId, kind: 'asRecommended' });
    }
  for (const caseId of list(opts['approve-closure'])) out.push({ caseId: caseId.trim(), kind: 'closure' });
  for (const c of list(opts.extend)) {
    const [caseId, value] = caseAndValue('--extend', c);
    out.push({ caseId, kind: 'extension', to: monthOf('--extend', caseId, value) });
  }
  for (const c of list(opts.withdraw)) {
    const [caseId, value] = c.includes('=') ? caseAndValue('--withdraw', c) : [c.trim(), ''];
    out.push({
      caseId,
      kind: 'withdrawal',
      ...(value !== '' ? { amount: amountOf('--withdraw', caseId, value) } : {}),
    });
  }
  return out;
}

/**
 * `--only SAKSNR[,SAKSNR]…`, repeated: the proposals the board decided in this case (as recommended unless another
 * option names them); every other proposal is left out.
 */
export function onlyCases(opts: Record<string, Option>): string[] {
  return list(opts.only)
    .flatMap((v) => v.split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** A new last month, `2027-06` (a day in it, `2027-06-30`, names the same month). */
export function monthOf(option: string, caseId: string, text: string): number {
  const m = parseMonth(text);
  if (!m.ok)
    throw bad(
      `${option} for sak ${caseId}: ${m.reason.nb}.`,
      `${option} for case ${caseId}: ${m.reason.en}.`,
    );
  return m.value;
}

/** `--inhabil SAKSNR=NAVN`, repeated: the members who stood aside, per case. */
export function recusedFromOptions(opts: Record<string, Option>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of list(opts.inhabil)) {
    const [caseId, name] = caseAndValue('--inhabil', c);
    out.set(caseId, [...(out.get(caseId) ?? []), name]);
  }
  return out;
}

/** The column (1-based) of `header` in `ws`'s header row, added at the end when the sheet has none. */
function columnFor(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  found: number | undefined,
  header: string,
): number {
  if (found !== undefined) return found + 1;
  const col = ws.getRow(headerRow).cellCount + 1;
  ws.getRow(headerRow).getCell(col).value = header;
  return col;
}

/** Writes the decisions into the loaded workbook: `Logg` first, then `Tildelinger` and `Søknader`. */
export function writeDecisions(wb: ExcelJS.Workbook, p: Portfolio, w: DecisionWrites, user: string): void {
  const names = wb.worksheets.map((s) => s.name);
  const logName = findSheetName(LOG_SHEET, names);
  const log = logName ? wb.getWorksheet(logName)! : wb.addWorksheet(LOG_SHEET.name);
  if (!logName) log.addRow(LOG_SHEET.fields.map((f) => f.header));
  const logColumns = mapHeaders(LOG_SHEET, (log.getRow(1).values as unknown[]).slice(1));
  const now = new Date();
  for (const line of w.log) {
    const row = log.getRow(log.rowCount + 1);
    const cells: Record<string, unknown> = { time: now, user, ...line };
    for (const [key, col] of Object.entries(logColumns))
      if (col !== undefined) row.getCell(col + 1).value = cells[key] as ExcelJS.CellValue;
  }

  const allocs = wb.getWorksheet(p.sheetNames.allocations)!;
  const allocColumns = p.columns.allocations;
  for (const a of w.allocations) {
    const row = allocs.getRow(allocs.rowCount + 1);
    for (const f of ALLOCATIONS.fields) {
      const col = allocColumns[f.key];
      const value = (a as Record<string, unknown>)[f.key];
      if (col !== undefined && value !== undefined && value !== '')
        row.getCell(col + 1).value = value as ExcelJS.CellValue;
    }
  }

  const apps = wb.getWorksheet(p.sheetNames.applications)!;
  const headerRow = headerRowOf(apps);
  const column = (key: 'status' | 'decision' | 'reason' | 'recused' | 'closure') =>
    columnFor(
      apps,
      headerRow,
      p.columns.applications[key],
      APPLICATIONS.fields.find((f) => f.key === key)!.header,
    );
  if (w.applications.length === 0) return;
  // Only the columns a decision writes are added: a closure writes neither `Vedtak` nor `Begrunnelse`.
  const wanted = (key: 'decision' | 'reason' | 'recused' | 'closure') =>
    w.applications.some((a) => a[key] !== undefined) ? column(key) : undefined;
  const cols = {
    status: column('status'),
    decision: wanted('decision'),
    reason: wanted('reason'),
    recused: wanted('recused'),
    closure: wanted('closure'),
  };
  for (const a of w.applications) {
    const row = apps.getRow(a.row);
    row.getCell(cols.status).value = a.status;
    for (const key of ['decision', 'reason', 'recused', 'closure'] as const) {
      const col = cols[key];
      const value = a[key];
      if (value !== undefined && col !== undefined) row.getCell(col).value = value;
    }
  }
}

/** The row holding `Søknader`'s headers (1 unless a title sits above them). */
function headerRowOf(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
    try {
      mapHeaders(APPLICATIONS, (ws.getRow(r).values as unknown[]).slice(1));
      return r;
    } catch {
      // not this row
    }
  }
  return 1;
}
