import type { CheckResult } from '../core/rules/check';
import type { DocModel } from '../core/documents/model';
import type { Lang, Reason } from '../core/base/result';
import { buildBoardStatus } from '../core/follow-up/documents/board-status';
import { buildAnnualReport } from '../core/follow-up/documents/annual-report';

/** The options every `tilskudd report` kind may read, already validated by the command. */
export interface ReportOptions {
  /** `--date` (default today): the day the report is for. */
  date: Date;
  /** `--year`, when given. */
  year: number | undefined;
  lang: Lang;
}

export interface ReportKind {
  /** One help line: the kind and what it writes. */
  describe: Reason;
  /** Checks the options this kind needs; the message when one is missing. */
  needs?: (o: ReportOptions) => Reason | null;
  build: (result: CheckResult, o: ReportOptions) => DocModel;
  done: (out: string, o: ReportOptions) => Reason;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * `tilskudd report --kind …`: one entry per kind, so each feature adds its document here without
 * touching the command (status and annual: issue 11).
 */
export const REPORT_KINDS: Record<string, ReportKind> = {
  status: {
    describe: {
      nb: 'status   statusrapport til porteføljestyret per --date (standard i dag)',
      en: 'status   status report to the portfolio board on --date (default today)',
    },
    build: (result, o) => buildBoardStatus(result, { date: o.date, lang: o.lang }),
    done: (out, o) => ({
      nb: `Skrev statusrapporten til porteføljestyret per ${iso(o.date)} til ${out}.`,
      en: `Wrote the status report to the portfolio board on ${iso(o.date)} to ${out}.`,
    }),
  },
  annual: {
    describe: {
      nb: 'annual   årlig melding for budsjettåret --year, fra rapportene mottatt per --date',
      en: 'annual   annual report for the budget year --year, from the reports received by --date',
    },
    needs: (o) =>
      o.year === undefined
        ? { nb: '--kind annual trenger --year ÅÅÅÅ.', en: '--kind annual needs --year YYYY.' }
        : null,
    build: (result, o) => buildAnnualReport(result, { year: o.year!, date: o.date, lang: o.lang }),
    done: (out, o) => ({
      nb: `Skrev årlig melding ${o.year} til ${out}.`,
      en: `Wrote the annual report ${o.year} to ${out}.`,
    }),
  },
};
