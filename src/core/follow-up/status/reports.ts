import { STATUS_REPORTS, type FieldKey, type TableRow } from '../../workbook/contract';
import { parseMoney } from '../../parse/money';
import { parseDay } from '../../parse/period';
import type { Parsed } from '../../base/result';
import { cellText, isBlank, normalizeKey } from '../../base/text';
import { REPORT_CHECKS, REPORT_TYPES, parseTerm, parseYesNo } from '../../workbook/vocabulary';
import { parseLight, worstLight, type Light } from './lights';

export type ReportType = keyof typeof REPORT_TYPES;

export const parseReportType = (text: string): ReportType | null => parseTerm(REPORT_TYPES, text);

/** A row of `Statusrapporter`, typed; cells that do not parse keep their reason or their text. */
export interface StatusReport {
  row: number;
  caseId: string;
  due: Parsed<Date>;
  received: Parsed<Date>;
  type: ReportType | null;
  typeText: string;
  progress: Light | null;
  economy: Light | null;
  risk: Light | null;
  /** The light cells as written, so an unknown value can be named. */
  lightText: { progress: string; economy: string; risk: string };
  comment: string;
  milestones: string;
  deviations: string;
  dependencies: string;
  spent: Parsed<number> | null;
  forecast: Parsed<number> | null;
  benefits: string;
  changes: string;
  decisions: string;
  reportedBy: string;
  goals: string;
  learning: string;
  spread: string;
  receiver: string;
  benefitOwner: string;
  readyForOperations: boolean | null;
  /** Whether it counts: `none` (blank: typed in the sheet or from before codes), `token`, `confirmed`; else why not. */
  check: ReportCheck;
  checkText: string;
}

export type ReportCheck = 'none' | keyof typeof REPORT_CHECKS;

/** `Kontroll` as written; any text starting *Bekreftet* is a secretariat member's confirmation. */
export function reportCheck(text: string): ReportCheck {
  const key = normalizeKey(text);
  if (key === '') return 'none';
  if (key.startsWith('bekreftet') || key.startsWith('confirmed')) return 'confirmed';
  return parseTerm(REPORT_CHECKS, key) ?? 'unverified';
}

/** Reports that change deadlines, reminders and closure: not those waiting for confirmation. */
export const counts = (r: Pick<StatusReport, 'check'>): boolean =>
  r.check === 'none' || r.check === 'token' || r.check === 'confirmed';

export type StatusReportRow = TableRow<FieldKey<typeof STATUS_REPORTS>>;

const optionalMoney = (v: unknown): Parsed<number> | null => (isBlank(v) ? null : parseMoney(v));

export function toStatusReport(r: StatusReportRow): StatusReport {
  const text = (k: FieldKey<typeof STATUS_REPORTS>) => cellText(r.get(k));
  const typeText = text('type');
  return {
    row: r.row,
    caseId: text('caseId'),
    due: parseDay(r.get('due')),
    received: parseDay(r.get('received')),
    type: parseReportType(typeText),
    typeText,
    progress: parseLight(text('progress')),
    economy: parseLight(text('economy')),
    risk: parseLight(text('risk')),
    lightText: { progress: text('progress'), economy: text('economy'), risk: text('risk') },
    comment: text('comment'),
    milestones: text('milestones'),
    deviations: text('deviations'),
    dependencies: text('dependencies'),
    spent: optionalMoney(r.get('spent')),
    forecast: optionalMoney(r.get('forecast')),
    benefits: text('benefits'),
    changes: text('changes'),
    decisions: text('decisions'),
    reportedBy: text('reportedBy'),
    goals: text('goals'),
    learning: text('learning'),
    spread: text('spread'),
    receiver: text('receiver'),
    benefitOwner: text('benefitOwner'),
    readyForOperations: parseYesNo(r.get('readyForOperations')),
    check: reportCheck(text('check')),
    checkText: text('check'),
  };
}

/** The report's overall light: the worst of progress, economy and risk. */
export const overallLight = (r: StatusReport): Light | null => worstLight([r.progress, r.economy, r.risk]);

/** The lights that are yellow or red, by field key. */
export function lightsNotGreen(r: StatusReport): Array<'progress' | 'economy' | 'risk'> {
  return (['progress', 'economy', 'risk'] as const).filter((k) => r[k] === 'yellow' || r[k] === 'red');
}
