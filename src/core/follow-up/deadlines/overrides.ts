import { DEADLINES, type FieldKey, type TableRow } from '../../workbook/contract';
import { parseDay } from '../../parse/period';
import type { Parsed } from '../../base/result';
import { cellText, isBlank } from '../../base/text';
import { parseYesNo } from '../../workbook/vocabulary';
import { parseReportType, type ReportType } from '../status/reports';

/** What a person wrote in a `Frister` row: an extension (`Utsatt til`) or an exemption (`Fritatt`). */
export interface DeadlineOverride {
  row: number;
  caseId: string;
  due: Parsed<Date>;
  type: ReportType | null;
  /** `null` when blank. */
  extendedTo: Parsed<Date> | null;
  exempt: boolean;
  /** The row's cells as written, so a rewrite of `Frister` keeps rows the engine no longer owes. */
  cells: Record<string, unknown>;
}

export function toDeadlineOverride(r: TableRow<FieldKey<typeof DEADLINES>>): DeadlineOverride {
  return {
    row: r.row,
    caseId: cellText(r.get('caseId')),
    due: parseDay(r.get('due')),
    type: parseReportType(cellText(r.get('type'))),
    extendedTo: isBlank(r.get('extendedTo')) ? null : parseDay(r.get('extendedTo')),
    exempt: parseYesNo(r.get('exempt')) === true,
    cells: r.cells,
  };
}
