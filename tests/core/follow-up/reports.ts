import { CASE_ID, day, type StatusReportRow } from '../builders';

/** A report of the builders' project answering a due date, delivered on `received`, all green. */
export const report = (due: string, received: string, extra: StatusReportRow = {}): StatusReportRow => ({
  caseId: CASE_ID,
  due: day(due),
  received: day(received),
  type: 'Halvårsrapport',
  progress: 'Grønn',
  economy: 'Grønn',
  risk: 'Grønn',
  ...extra,
});
