import { DEADLINES } from '../../workbook/contract';
import { DEADLINE_STATUSES, REPORT_TYPES } from '../../workbook/vocabulary';
import type { Lang } from '../../base/result';
import type { Deadline } from './deadlines';
import type { DeadlineOverride } from './overrides';

/**
 * The `Frister` sheet's values (header first) as the product writes them: one row per due date, the
 * person's `Utsatt til` and `Fritatt` as they wrote them, the `Status` computed. Rows a person kept for a
 * due date the engine no longer owes (the period was changed) stay, after the owed ones, untouched.
 */
export function deadlineSheetValues(
  deadlines: readonly Deadline[],
  overrides: readonly DeadlineOverride[],
  lang: Lang,
): unknown[][] {
  const header = DEADLINES.fields.map((f) => (lang === 'nb' ? f.header : f.en));
  const used = new Set<DeadlineOverride>();
  const rows = deadlines.map((d) => {
    if (d.override) used.add(d.override);
    return [
      d.caseId,
      d.due,
      REPORT_TYPES[d.type][lang],
      d.override?.cells.extendedTo ?? '',
      d.override?.cells.exempt ?? '',
      DEADLINE_STATUSES[d.status][lang],
    ];
  });
  const kept = overrides
    .filter((o) => !used.has(o))
    .map((o) => DEADLINES.fields.map((f) => o.cells[f.key] ?? ''));
  return [header, ...rows, ...kept];
}
