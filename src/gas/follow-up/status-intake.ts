import { deadlinesOf, dueDateToAnswer, type Deadline } from '../../core/follow-up/deadlines/deadlines';
import { formatDay } from '../../core/follow-up/dates';
import { mapStatusAnswers } from '../../core/follow-up/status-intake';
import { parseReportType } from '../../core/follow-up/status/reports';
import { otherAnswersText } from '../../core/intake/journal';
import { fitCell } from '../../core/workbook/cell-limit';
import { STATUS_REPORTS } from '../../core/workbook/contract';
import { REPORT_CHECKS, STATUSES, parseTerm } from '../../core/workbook/vocabulary';
import { readPortfolio } from '../../core/portfolio/records';
import { cellText, isDate } from '../../core/base/text';
import { todayIn } from '../platform/desk';
import type { LogEntry } from '../platform/log';
import { type JournalBatch, type JournalPlan, type JournalSpec } from '../intake/journal';
import { readWorkbook } from '../workbook/portfolio';
import { dayCell, rowFor } from '../platform/sheets';
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
  return { appends: [{ sheet: target.sheet, rows }], log, ids };
}
