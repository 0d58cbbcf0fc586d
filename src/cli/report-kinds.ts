import type { CheckResult } from '../core/check/check';
import type { DocModel } from '../core/documents/model';
import type { Lang, Reason } from '../core/base/result';
import type { WorkbookValues } from '../core/portfolio/records';
import { buildBoardStatus } from '../core/documents/follow-up/board-status';
import { annualReportGaps, buildAnnualReport, gapLines } from '../core/documents/follow-up/annual-report';
import { buildPlanReview } from '../core/documents/plan-review';
import { readPlanHistory } from '../core/plan/records';
import { buildProtocol } from '../core/decisions/protocol';
import { buildAgreement } from '../core/documents/agreement';
import { buildInformation } from '../core/documents/information';
import { buildRegionReport } from '../core/documents/region';
import { readRegionalInput } from '../core/plan/regional-input';

/** The options every `tilskudd report` kind may read, already validated by the command. */
export interface ReportOptions {
  /** `--date` (default today): the day the report is for. */
  date: Date;
  /** `--year`, when given. */
  year: number | undefined;
  /** `--case`, the case in the board's meeting, when given. */
  boardCase?: string | undefined;
  /** `--case`, when given: the project's case id. */
  case: string | undefined;
  /** `--region`, when given. */
  region: string | undefined;
  /** `--meeting`: the board meeting a board case is made for. */
  meeting?: string;
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
      nb: 'den årlige gjennomgangen av handlingsplanen per --date, med regionenes innspill (som sak: --meeting, --case)',
      en: "the annual review of the action plan on --date, with the regions' input (as a case: --meeting, --case)",
    },
    build: ({ result, values, date, meeting, boardCase, lang }) =>
      buildPlanReview(
        result,
        { history: readPlanHistory(values), input: readRegionalInput(values) },
        { date, meetingDate: meeting, caseNumber: boardCase, lang },
      ),
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
    build: ({ result, date, meeting, boardCase, lang }) =>
      buildBoardStatus(result, { date, meetingDate: meeting, caseNumber: boardCase, lang }),
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
  decisions: {
    describe: {
      nb: 'vedtaksprotokollen for saken --case (vedtakene slik de er registrert)',
      en: 'the decision protocol of case --case (the decisions as registered)',
    },
    needs: (o) =>
      o.boardCase
        ? null
        : { nb: '--kind decisions trenger --case 04-2026.', en: '--kind decisions needs --case 04-2026.' },
    build: ({ result, values, boardCase, lang }) =>
      buildProtocol(result, values, { boardCase: boardCase!, lang }),
    done: (out, o) => ({
      nb: `Skrev vedtaksprotokollen for sak ${o.boardCase} til ${out}.`,
      en: `Wrote the decision protocol of case ${o.boardCase} to ${out}.`,
    }),
  },
  agreement: {
    describe: {
      nb: 'utkast til samarbeidsavtale for det innvilgede prosjektet --case SAKSNR',
      en: 'draft written agreement for the granted project --case CASEID',
    },
    needs: (o) =>
      o.case === undefined
        ? { nb: '--kind agreement trenger --case SAKSNR.', en: '--kind agreement needs --case CASEID.' }
        : null,
    build: ({ result, case: caseId }) => buildAgreement(result, caseId!),
    done: (out, o) => ({
      nb: `Skrev utkastet til samarbeidsavtale for ${o.case} til ${out}.`,
      en: `Wrote the draft agreement for ${o.case} to ${out}.`,
    }),
  },
  information: {
    describe: {
      nb: 'informasjon til søkere fra innstillingene (også .html for nettsiden)',
      en: 'information for applicants from the settings (also .html for the website)',
    },
    build: ({ result }) => buildInformation(result.portfolio.settings),
    done: (out) => ({
      nb: `Skrev informasjonen til søkere til ${out}.`,
      en: `Wrote the information for applicants to ${out}.`,
    }),
  },
  region: {
    describe: {
      nb: 'oppfølging for regionen --region NAVN: prosjektene og regionens innspill til handlingsplanen',
      en: "follow-up for the region --region NAME: its projects and the region's input to the action plan",
    },
    needs: (o) =>
      o.region === undefined
        ? { nb: '--kind region trenger --region NAVN.', en: '--kind region needs --region NAME.' }
        : null,
    build: ({ result, values, region, date }) =>
      buildRegionReport(result, readRegionalInput(values), { region: region!, date }),
    done: (out, o) => ({
      nb: `Skrev oppfølgingen for ${o.region} til ${out}.`,
      en: `Wrote the follow-up for ${o.region} to ${out}.`,
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
