import { deadlinesOf, dueDateToAnswer, type Deadline } from '../../core/follow-up/deadlines/deadlines';
import { formatDay } from '../../core/follow-up/dates';
import { UNVERIFIED_LIMITS, mapStatusAnswers, unverifiedGate } from '../../core/follow-up/status-intake';
import { parseReportType } from '../../core/follow-up/status/reports';
import { otherAnswersText } from '../../core/intake/journal';
import { fitCell } from '../../core/workbook/cell-limit';
import { STATUS_REPORTS } from '../../core/workbook/contract';
import { REPORT_CHECKS, STATUSES, parseTerm } from '../../core/workbook/vocabulary';
import { readPortfolio } from '../../core/portfolio/records';
import { cellText, countOf, isDate } from '../../core/base/text';
import { todayIn } from '../platform/desk';
import type { LogEntry } from '../platform/log';
import { type JournalBatch, type JournalPlan, type JournalSpec } from '../intake/journal';
import { readWorkbook } from '../workbook/portfolio';
import { dayCell, rowFor, wallClock } from '../platform/sheets';
import { documentProperties } from '../platform/properties';
import { existingHasher } from '../platform/signing';
import { formCode, type FormLink } from '../intake/form-link';

/**
 * The status form's intake, through the same journal as the application form (lock, one key for trigger
 * and sweep, one write per sheet, cell limit, neutralised text, unknown answers kept in `Andre svar`):
 * each new response becomes a `Statusrapporter` row. `Frist` is the earliest open due date of its case
 * and type (the due-date engine), so a late report still answers the date it was owed for.
 */
type Cells = Partial<Record<(typeof STATUS_REPORTS)['fields'][number]['key'], unknown>>;

export const STATUS_FORM_ID_PROPERTY = 'tilskudd.statusFormId';

/** Each project's link to the status form: the case id prefilled with its code (`intake/form-link.ts`). */
export const STATUS_LINK: FormLink = { property: 'tilskudd.statusForm.prefilledUrl', purpose: 'status' };

export const STATUS_JOURNAL: JournalSpec<typeof STATUS_REPORTS> = {
  id: 'status',
  label: { nb: 'statusskjemaet', en: 'status form' },
  formIdProperty: STATUS_FORM_ID_PROPERTY,
  target: STATUS_REPORTS,
  keyField: 'responseKey',
  otherField: 'otherAnswers',
  plan: planStatusReports,
};

const dueKey = (d: Pick<Deadline, 'caseId' | 'type' | 'due'>) => `${d.caseId}|${d.type}|${d.due.getTime()}`;

function planStatusReports(batch: JournalBatch<typeof STATUS_REPORTS>): JournalPlan {
  const { ss, sheets, target } = batch;
  const portfolio = readPortfolio(readWorkbook(ss, sheets).values);
  let open = deadlinesOf(portfolio, todayIn(ss, sheets));
  const known = new Set(portfolio.applications.map((a) => a.caseId));
  const closed = new Set(
    portfolio.applications.filter((a) => parseTerm(STATUSES, a.status) === 'closed').map((a) => a.caseId),
  );
  const hash = existingHasher();
  const header = target.values[0]!;
  const now = new Date();
  const dayOf = (value: unknown) =>
    wallClock(isDate(value) ? value : now, batch.timeZone)
      .toISOString()
      .slice(0, 10);
  const { caseId: caseCol, check: checkCol, received: receivedCol } = target.columns;
  const admit = unverifiedGate(
    checkCol === undefined
      ? []
      : target.values
          .slice(1)
          .filter((row) => UNCOUNTED.has(cellText(row[checkCol]).trim()))
          .map((row) => ({
            caseId: caseCol === undefined ? '' : cellText(row[caseCol]).trim(),
            day: dayOf(receivedCol === undefined ? null : row[receivedCol]),
          })),
  );
  const held = new Map<string, Array<{ caseId: string; row: number }>>();
  const rows: unknown[][] = [];
  const log: LogEntry[] = [];
  const ids: string[] = [];
  for (const response of batch.responses) {
    const submission = mapStatusAnswers(response.answers);
    const cut: string[] = [];
    const cells: Cells = {};
    for (const [key, value] of Object.entries(submission.cells)) {
      const f = fitCell(value);
      if (f.cutFrom > 0) cut.push(key);
      cells[key as keyof Cells] = f.value;
    }
    const caseId = cellText(cells.caseId).trim();
    // The code from the link is not kept: in its place, whether the report counts (REPORT_CHECKS).
    const code = cellText(cells.check).trim();
    const check = !known.has(caseId)
      ? REPORT_CHECKS.unknown.nb
      : closed.has(caseId)
        ? REPORT_CHECKS.closed.nb
        : hash === null
          ? ''
          : code !== '' && code === formCode(STATUS_LINK, caseId, hash)
            ? REPORT_CHECKS.token.nb
            : REPORT_CHECKS.unverified.nb;
    const counted = check === '' || check === REPORT_CHECKS.token.nb;
    // A flood of reports that do not count is held back (left in the response sheet, counted in Logg).
    const day = dayOf(response.timestamp);
    if (!counted && !admit(caseId, day)) {
      held.set(day, [...(held.get(day) ?? []), { caseId, row: response.row }]);
      continue;
    }
    const type = parseReportType(cellText(cells.type));
    const due = type ? dueDateToAnswer(open, caseId, type) : null;
    // Two reports in one batch answer two due dates, not the same one twice; one that does not count
    // (yet) leaves its due date open.
    if (due && type && counted) open = open.filter((d) => dueKey(d) !== dueKey({ caseId, type, due }));
    const other = fitCell(otherAnswersText(submission.unmatched));
    if (other.cutFrom > 0) cut.push('otherAnswers');
    rows.push(
      rowFor(STATUS_REPORTS, header, {
        ...cells,
        caseId,
        check,
        due: due ? dayCell(due, batch.timeZone) : '',
        received: isDate(response.timestamp) ? response.timestamp : now,
        responseKey: response.key,
        otherAnswers: other.value,
      }),
    );
    ids.push(caseId);
    log.push({
      action: 'Statusrapport mottatt',
      caseId,
      after: [
        cellText(cells.type) || 'uten type',
        check === '' ? 'uten kode' : check,
        due ? `frist ${formatDay(due)}` : 'ingen åpen frist funnet',
        `Framdrift ${cellText(cells.progress)}, Økonomi ${cellText(cells.economy)}, Risiko ${cellText(cells.risk)}`,
        `skjemasvar rad ${response.row} i «${batch.responseSheetName}»`,
        ...(known.has(caseId) ? [] : [`ukjent saksnummer «${caseId}»`]),
        ...(cellText(cells.reportedBy) ? [`rapportert av ${cellText(cells.reportedBy)}`] : []),
        ...(submission.unmatched.length > 0
          ? [`andre svar: ${submission.unmatched.map((u) => u.title).join(', ')}`]
          : []),
        ...(cut.length > 0 ? [`avkortet: ${cut.join(', ')}`] : []),
      ].join('; '),
    });
  }
  const flood = heldBack(held, batch.responseSheetName, now);
  return {
    appends: rows.length > 0 ? [{ sheet: target.sheet, rows }] : [],
    log: [...log, ...flood.log],
    ids,
    commit: flood.commit,
  };
}

/** The checks of reports that do not count: these are limited per case and day (`UNVERIFIED_LIMITS`). */
const UNCOUNTED = new Set<string>([
  REPORT_CHECKS.unverified.nb,
  REPORT_CHECKS.unknown.nb,
  REPORT_CHECKS.closed.nb,
]);

/** Per day of the held reports' timestamps: how many the last `Logg` line counted, and when (ms). */
const HELD_PROPERTY = 'tilskudd.status.heldBack';
const HOUR = 3_600_000;
/** Counts of days further back are forgotten; their held reports stay held, without a new line. */
const HELD_KEPT_DAYS = 400;

/**
 * One `Logg` line per day with held reports: at once for the first, then at most once an hour while the
 * count grows. The submit trigger sees one report at a time, the sweep every held one, so a day's count
 * is the largest seen. The counts are kept in a document property (one small entry per day of a flood).
 */
function heldBack(
  held: ReadonlyMap<string, ReadonlyArray<{ caseId: string; row: number }>>,
  sheetName: string,
  now: Date,
): { log: LogEntry[]; commit?: () => LogEntry[] } {
  if (held.size === 0) return { log: [] };
  const props = documentProperties();
  let kept: Record<string, { n: number; at: number }> = {};
  try {
    kept = (JSON.parse(props.getProperty(HELD_PROPERTY) ?? '{}') ?? {}) as typeof kept;
  } catch {
    // a damaged count starts again
  }
  const oldest = new Date(now.getTime() - HELD_KEPT_DAYS * 24 * HOUR).toISOString().slice(0, 10);
  const out: LogEntry[] = [];
  for (const [day, reports] of [...held].sort(([a], [b]) => a.localeCompare(b))) {
    if (day < oldest) continue;
    const before = kept[day] ?? { n: 0, at: 0 };
    const count = Math.max(before.n, reports.length);
    if (count <= before.n || (before.n > 0 && now.getTime() - before.at < HOUR)) continue;
    kept[day] = { n: count, at: now.getTime() };
    const perCase = new Map<string, number>();
    for (const r of reports) perCase.set(r.caseId, (perCase.get(r.caseId) ?? 0) + 1);
    const cases = [...perCase].map(([id, n]) => `«${id || 'uten saksnummer'}» (${n})`);
    const rowsText =
      reports.length === 1
        ? `rad ${reports[0]!.row}`
        : `rad ${reports[0]!.row}–${reports[reports.length - 1]!.row}`;
    out.push({
      action: 'Statusrapporter holdt tilbake',
      caseId: perCase.size === 1 ? reports[0]!.caseId : '',
      after: [
        `${countOf(count, 'statusrapport', 'statusrapporter')} uten riktig kode med tidsmerke ${day} er ikke registrert: over grensen på ${UNVERIFIED_LIMITS.perCase} per sak og ${UNVERIFIED_LIMITS.perDay} i alt per døgn`,
        `saker: ${cases.slice(0, 10).join(', ')}${cases.length > 10 ? ` og ${cases.length - 10} til` : ''}`,
        `de står i «${sheetName}» (${rowsText})`,
        'rapporter med prosjektets kode registreres alltid',
      ].join('; '),
    });
  }
  for (const day of Object.keys(kept)) if (day < oldest) delete kept[day];
  // Remembered once the lines are written (`commit`), so a refused write logs them again next time.
  const text = JSON.stringify(kept);
  return {
    log: out,
    commit:
      out.length > 0
        ? () => {
            props.setProperty(HELD_PROPERTY, text);
            return [];
          }
        : undefined,
  };
}
