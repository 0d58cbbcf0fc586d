import type { CheckResult } from '../../core/check/check';
import type { MemoOptions } from '../../core/documents/memo';
import { plannedValues, planProposalSheet, proposalCells } from '../../core/documents/proposal-record';
import { mapHeaders, PROPOSALS } from '../../core/workbook/contract';
import { inLock, type Desk } from '../platform/desk';
import { appendLog } from '../platform/log';
import { dayCell, wrote } from '../platform/sheets';

/**
 * Records the memo's proposal in `Forslag` (the decision step reads it): the board case's rows are
 * rewritten in one `setValues` over the sheet, the other cases' rows written back as Google gave them,
 * with one `Logg` line. The same proposal again writes nothing; a changed proposal for a case already
 * decided is refused (see `planProposalSheet`). Under the lock, read and written in one hold.
 */
export function recordProposals(
  desk: Desk,
  result: CheckResult,
  options: MemoOptions,
): { changed: boolean; after: number } {
  return inLock(() => {
    const found = desk.sheets.find(PROPOSALS);
    const raw = found ? desk.sheets.data(found).values : undefined;
    const plan = planProposalSheet(
      result,
      found ? desk.sheets.values(found) : undefined,
      options.caseNumber ?? '',
      proposalCells(result, options, new Date()),
    );
    if (!plan.ok) throw plan.error;
    if (!plan.changed) return { changed: false, after: plan.after };
    const values = plannedValues(raw, plan);
    // The meeting is a calendar day: written as the spreadsheet's midnight, so it reads back as that day.
    const meeting = mapHeaders(PROPOSALS, plan.header).meeting;
    const zone = desk.sheets.timeZone();
    for (const a of values.slice(values.length - plan.add.length))
      if (meeting !== undefined && a[meeting] instanceof Date) a[meeting] = dayCell(a[meeting], zone);
    const sheet = found ?? desk.sheets.insert(PROPOSALS);
    // One write over the old extent too, so rows the case no longer has are blanked.
    const height = Math.max(values.length, raw?.length ?? 0);
    const width = Math.max(...values.map((r) => r.length), raw?.[0]?.length ?? 0);
    const grid = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => values[r]?.[c] ?? ''),
    );
    sheet.getRange(1, 1, height, width).setValues(grid);
    wrote(sheet);
    if (!found) sheet.setFrozenRows(1);
    appendLog(desk.sheets, desk.user, [
      {
        action: 'Forslag',
        caseId: options.caseNumber ?? '',
        before: `${plan.before} rader`,
        after: `${plan.after} forslag til møtet ${options.meetingDate}`,
      },
    ]);
    return { changed: true, after: plan.after };
  });
}
