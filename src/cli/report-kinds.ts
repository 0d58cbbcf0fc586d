import type { CheckResult } from '../core/rules/check';
import type { DocModel } from '../core/documents/model';
import type { Lang } from '../core/base/result';
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
  /** What `--kind` asks for, and the document it writes, for the usage text and messages. */
  describe: string;
  /** Checks the options this kind needs; returns the Norwegian message when one is missing. */
  needs?: (o: ReportOptions) => string | null;
  build: (result: CheckResult, o: ReportOptions) => DocModel;
  done: (out: string, o: ReportOptions) => string;
}

/**
 * `tilskudd report --kind …`: one entry per kind, so each feature adds its document here without
 * touching the command (status and annual: issue 11).
 */
export const REPORT_KINDS: Record<string, ReportKind> = {
  status: {
    describe: 'status: statusrapport til porteføljestyret per --date',
    build: (result, o) => buildBoardStatus(result, { date: o.date, lang: o.lang }),
    done: (out, o) =>
      `Skrev statusrapporten til porteføljestyret per ${o.date.toISOString().slice(0, 10)} til ${out}.`,
  },
  annual: {
    describe: 'annual: årlig melding for budsjettåret --year, fra rapportene mottatt per --date',
    needs: (o) => (o.year === undefined ? '--kind annual trenger --year ÅÅÅÅ.' : null),
    build: (result, o) => buildAnnualReport(result, { year: o.year!, date: o.date, lang: o.lang }),
    done: (out, o) => `Skrev årlig melding ${o.year} til ${out}.`,
  },
};
