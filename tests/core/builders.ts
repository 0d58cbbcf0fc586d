import { checkWorkbook, type CheckResult } from '../../src/core/check/check';
import {
  AGREEMENT_PARTIES,
  ALLOCATIONS,
  APPLICATIONS,
  BUDGET,
  DEADLINES,
  PAYMENTS,
  SETTINGS_SHEET,
  STATUS_REPORTS,
  type FieldKey,
  type SheetSpec,
} from '../../src/core/workbook/contract';
import type { Finding } from '../../src/core/engine/findings';
import type { WorkbookValues } from '../../src/core/portfolio/records';
import { sheetRows } from '../../src/example/agder';

/**
 * A tiny workbook builder for rule tests: `validBook()` is one fully valid, granted application with
 * its budget and an ordinary allocation, and yields no findings at all. Tests change one thing with
 * `book((b) => ...)` and look at what the check says.
 */
export type RowOf<S extends SheetSpec> = Partial<Record<FieldKey<S>, unknown>>;
export type ApplicationRow = RowOf<typeof APPLICATIONS>;
export type BudgetRow = RowOf<typeof BUDGET>;
export type AllocationRow = RowOf<typeof ALLOCATIONS>;
export type PaymentRow = RowOf<typeof PAYMENTS>;
export type SettingRow = { key: string; value: unknown };
export type StatusReportRow = RowOf<typeof STATUS_REPORTS>;
export type DeadlineRow = RowOf<typeof DEADLINES>;
export type AgreementPartyRow = RowOf<typeof AGREEMENT_PARTIES>;

export interface Book {
  applications: ApplicationRow[];
  budget: BudgetRow[];
  allocations: AllocationRow[];
  /** Rows of the `Innstillinger` sheet; the sheet is left out when undefined. */
  settings?: SettingRow[];
  /** Rows of `Statusrapporter`; the sheet (and with it the follow-up) is left out when undefined. */
  statusReports?: StatusReportRow[];
  /** Rows of `Frister`; left out when undefined. */
  deadlines?: DeadlineRow[];
  /** Rows of the `Utbetalinger` sheet; the sheet is left out when undefined. */
  payments?: PaymentRow[];
  /** Rows of the `Avtaleparter` sheet; the sheet is left out when undefined. */
  agreementParties?: AgreementPartyRow[];
}

export const CASE_ID = '2025-05-010';
export const REQUESTED = 800_000;

export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** The day the tests judge date-dependent rules against (the first session of the follow-up work). */
export const TODAY = new Date(Date.UTC(2026, 11, 1));

export function application(overrides: ApplicationRow = {}): ApplicationRow {
  return {
    caseId: CASE_ID,
    received: day('2025-05-12'),
    title: 'Felles læringsnettverk for hjemmetjenester og sykehus',
    applicant: 'Sekretariatet',
    email: 'postmottak@example.no',
    category: 'Innovasjon/prosjekt',
    type: 'Ny søknad',
    municipalities: 'Arendal; Grimstad',
    hospital: 'Ja',
    region: 'Østre Agder',
    priorityAreas: 'Skrøpelige eldre; Bedre samhandling',
    need: 'Mange reinnleggelser av skrøpelige eldre.',
    knowledgeBase: 'Erfaringer fra tidligere samhandlingsprosjekter.',
    benefitPlan: 'Færre reinnleggelser, målt kvartalsvis.',
    from: '2025-08',
    to: '2026-07',
    requested: '800 000',
    ownMunicipality: '200 000',
    ownHospital: '100 000',
    permanentCosts: 'Nei',
    agreement: 'Ja',
    contract: 'Ja',
    status: 'Innvilget',
    ...overrides,
  };
}

/** Three lines in the formats people type, adding up to REQUESTED. */
export function budgetLines(caseId = CASE_ID): BudgetRow[] {
  return [
    { caseId, item: 'Prosjektleder 50 %', amount: '500 000' },
    { caseId, item: 'Frikjøp sykepleiere', amount: 'kr 200 000,-' },
    { caseId, item: 'Samlinger', amount: 100_000 },
  ];
}

export function allocation(overrides: AllocationRow = {}): AllocationRow {
  return {
    caseId: CASE_ID,
    decision: 'SSU 30-2025',
    date: day('2025-06-13'),
    kind: 'Ordinær',
    category: 'Innovasjon/prosjekt',
    amount: REQUESTED,
    from: '2025-08',
    to: '2026-07',
    reportedSsu: '',
    // The grant offer accepted a week after the decision, before the first payment.
    accepted: day('2025-06-20'),
    ...overrides,
  };
}

/** A supplementary allocation by the secretariat, reported to SSU. */
export function supplement(overrides: AllocationRow = {}): AllocationRow {
  return allocation({
    decision: 'Sekretariatet',
    date: day('2025-10-15'),
    kind: 'Tilleggsbevilling',
    amount: '40 000',
    from: '2025-11',
    to: '2026-07',
    reportedSsu: '2025-11-20',
    ...overrides,
  });
}

/** A payment to the valid book's project, inside its period and after its agreement. */
export function payment(overrides: PaymentRow = {}): PaymentRow {
  return { caseId: CASE_ID, date: day('2025-09-01'), amount: '200 000', voucher: 'Bilag 1', ...overrides };
}

export function validBook(): Book {
  return { applications: [application()], budget: budgetLines(), allocations: [allocation()] };
}

/** The valid book with one change applied. */
export function book(edit: (b: Book) => void = () => {}): Book {
  const b = validBook();
  edit(b);
  return b;
}

/** Applies overrides to the first application, the usual single change. */
export const withApplication =
  (overrides: ApplicationRow) =>
  (b: Book): void => {
    b.applications[0] = { ...b.applications[0], ...overrides };
  };

/** Applies overrides to the first allocation. */
export const withAllocation =
  (overrides: AllocationRow) =>
  (b: Book): void => {
    b.allocations[0] = { ...b.allocations[0], ...overrides };
  };

export function workbookValues(b: Book): WorkbookValues {
  const values: WorkbookValues = {
    [APPLICATIONS.name]: sheetRows(APPLICATIONS, b.applications),
    [BUDGET.name]: sheetRows(BUDGET, b.budget),
    [ALLOCATIONS.name]: sheetRows(ALLOCATIONS, b.allocations),
  };
  if (b.settings) values[SETTINGS_SHEET.name] = sheetRows(SETTINGS_SHEET, b.settings);
  if (b.statusReports) values[STATUS_REPORTS.name] = sheetRows(STATUS_REPORTS, b.statusReports);
  if (b.deadlines) values[DEADLINES.name] = sheetRows(DEADLINES, b.deadlines);
  if (b.payments) values[PAYMENTS.name] = sheetRows(PAYMENTS, b.payments);
  if (b.agreementParties) values[AGREEMENT_PARTIES.name] = sheetRows(AGREEMENT_PARTIES, b.agreementParties);
  return values;
}

export function check(b: Book): CheckResult {
  return checkWorkbook(workbookValues(b), { today: TODAY });
}

export const findingsOf = (result: CheckResult, rule: string): Finding[] =>
  result.findings.filter((f) => f.rule === rule);

/** `[rule, ref]` pairs, sorted, for comparing whole results. */
export const pairs = (findings: Finding[]): Array<[string, string]> =>
  findings
    .map((f): [string, string] => [f.rule, f.ref])
    .sort(([a, b], [c, d]) => a.localeCompare(c) || b.localeCompare(d));
