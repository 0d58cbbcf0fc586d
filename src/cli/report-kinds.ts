import type { CheckResult } from '../core/check/check';
import type { DocModel } from '../core/documents/model';
import type { Lang, Reason } from '../core/base/result';
import type { WorkbookValues } from '../core/portfolio/records';
import { buildBoardStatus } from '../core/documents/follow-up/board-status';
import { annualReportGaps, buildAnnualReport, gapLines } from '../core/documents/follow-up/annual-report';
import { buildPlanReview } from '../core/documents/plan-review';
import { readPlanHistory } from '../core/plan/records';

/** The options every `tilskudd report` kind may read, already validated by the command. */
export interface ReportOptions {
  /** `--date` (default today): the day the report is for. */
  date: Date;
  /** `--year`, when given. */
  year: number | undefined;
  /** `--meeting` and `--case`: the board meeting and case number a board case is made for. */
  meeting?: string;
  caseNumber?: string;
  lang: Lang;
}

/** What a report is made from: the checked workbook, its raw values (for sheets such as history), the options. */
export interface ReportInput extends ReportOptions {
  result: CheckResult;
  values: WorkbookValues;
}

export interface ReportKind {
  /** One help line: what the kind writes. */
  describe: Reason;
  /** Checks the options this kind needs; the message when one is missing. */
  needs?: (o: ReportOptions) => Reason | null;
  build: (input: ReportInput) => DocModel;
  /** What is missing in the basis, one line each, printed before the document is written. */
  gaps?: (input: ReportInput) => string[];
  done: (out: string, o: ReportOptions) => Reason;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * `tilskudd report --kind …`: one entry per kind, so each feature adds its document here without
 * touching the command (the plan's review, the board's status report, the annual report).
 */
export const REPORT_KINDS: Record<string, ReportKind> = {
  plan: {
    describe: {
      nb: 'den årlige gjennomgangen av handlingsplanen per --date',
      en: 'the annual review of the action plan on --date',
    },
    build: ({ result, values, date, lang }) =>
      buildPlanReview(result, readPlanHistory(values), { date, lang }),
    done: (out) => ({
      nb: `Skrev den årlige gjennomgangen av handlingsplanen til ${out}.`,
      en: `Wrote the annual review of the action plan to ${out}.`,
    }),
  },
  status: {
    describe: {
      nb: 'statusrapport til beslutningsorganet per --date (som sak: --meeting, --case)',
      en: 'status report to the deciding body on --date (as a case: --meeting, --case)',
    },
    build: ({ result, date, meeting, caseNumber, lang }) =>
      buildBoardStatus(result, { date, meetingDate: meeting, caseNumber, lang }),
    done: (out, o) => ({
      nb: `Skrev statusrapporten per ${iso(o.date)} til ${out}.`,
      en: `Wrote the status report on ${iso(o.date)} to ${out}.`,
    }),
  },
  annual: {
    describe: {
      nb: 'årlig melding for budsjettåret --year, fra rapportene mottatt per --date (1. november: høststatus)',
      en: 'annual report for the budget year --year, from the reports received by --date (1 November: autumn status)',
    },
    needs: (o) =>
      o.year === undefined
        ? { nb: '--kind annual trenger --year ÅÅÅÅ.', en: '--kind annual needs --year YYYY.' }
        : null,
    build: ({ result, year, date, lang }) => buildAnnualReport(result, { year: year!, date, lang }),
    gaps: ({ result, year, date, lang }) => gapLines(annualReportGaps(result, { year: year!, date }), lang),
    done: (out, o) => ({
      nb: `Skrev årlig melding ${o.year} til ${out}.`,
      en: `Wrote the annual report ${o.year} to ${out}.`,
    }),
  },
};

/** The kinds' help lines, `--kind NAME  what it writes`, aligned. */
export function reportKindsHelp(lang: Lang): string {
  const width = Math.max(...Object.keys(REPORT_KINDS).map((k) => k.length));
  return Object.entries(REPORT_KINDS)
    .map(([name, k]) => `  --kind ${name.padEnd(width)}  ${k.describe[lang]}`)
    .join('\n');
}
