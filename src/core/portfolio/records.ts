import { readAssessments, UNMARKED, type AssessmentRow } from '../assessment/form';
import { parseCategory, type CategoryId } from '../workbook/categories';
import {
  ACTION_PLAN,
  AGREEMENT_PARTIES,
  ALLOCATIONS,
  APPLICATIONS,
  ASSESSMENTS,
  BUDGET,
  DEADLINES,
  FINDINGS_SHEET,
  PAYMENTS,
  SETTINGS_SHEET,
  STATUS_REPORTS,
  findSheetName,
  missingSheet,
  readTable,
  type FieldKey,
  type SheetSpec,
  type Table,
  type TableRow,
} from '../workbook/contract';
import { parseMoney } from '../parse/money';
import { parseArchiveRef } from '../parse/archive-ref';
import { parseDay, parsePeriod, type Period } from '../parse/period';
import { fail, type Parsed, type Reason } from '../base/result';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../workbook/settings';
import { cellText, isBlank, splitAnswers } from '../base/text';
import {
  ALLOCATION_KINDS,
  PAYMENT_KINDS,
  RECOMMENDATIONS,
  parseTerm,
  parseYesNo,
} from '../workbook/vocabulary';
import { SHEETS, type SheetId } from '../workbook/sheets';
import { counts, toStatusReport, type StatusReport } from '../follow-up/status/reports';
import { toDeadlineOverride, type DeadlineOverride } from '../follow-up/deadlines/overrides';
import { isCut } from '../workbook/cell-limit';
import { readPlan, type Plan } from '../plan/records';

/**
 * Typed records read from the workbook. Cells that do not parse keep their reason (`Parsed`), so the
 * rules can say exactly what is wrong; nothing here decides whether a value is acceptable.
 */
export interface Application {
  row: number;
  caseId: string;
  /** `null` when the cell is blank (no date to judge the round by). */
  received: Parsed<Date> | null;
  title: string;
  applicant: string;
  email: string;
  category: CategoryId | null;
  type: string;
  municipalities: string[];
  hospital: boolean | null;
  region: string;
  priorityAreas: string[];
  need: string;
  knowledgeBase: string;
  benefitPlan: string;
  period: Parsed<Period>;
  requested: Parsed<number>;
  /** `null` when the cell is blank: no contribution stated. */
  ownMunicipality: Parsed<number> | null;
  ownHospital: Parsed<number> | null;
  permanentCosts: boolean | null;
  agreement: boolean | null;
  contract: boolean | null;
  /** The day the written agreement was signed, when `Samarbeidsavtale` holds a date (then `contract` is true). */
  contractSigned: Date | null;
  status: string;
  recommendation: Recommendation | null;
  /** The `Innstilling` cell as written, so an unknown value can be named. */
  recommendationText: string;
  /** `null` when blank: the memo then proposes the amount asked. */
  recommendedAmount: Parsed<number> | null;
  /** `Vedtak`: the reference of the board's decision registered on it ('' before the meeting). */
  decision: string;
  /** `Begrunnelse`: why the board decided as it did (a rejection's reason). */
  reason: string;
  /** `Inhabil`: board members who stood aside in the case (forvaltningsloven § 6). */
  recused: string;
  /** `Avslutningsvedtak`: the board decision that approved the project's closure ('' when none). */
  closure: string;
  orgNumber: string;
  /** `Arkivsaksnr`: the case's number in the secretariat's archive ('' when none is kept). */
  archiveCase: string;
  /** `Saksbehandler`: the officer named in this case's letters ('' when the setting names one for all). */
  caseOfficer: string;
  /** `Styringsgruppe`: the regional council (RS) or group steering the project; '' when none is named. */
  steeringGroup: string;
  /** `Andre svar`: answers the form intake could not place, "title: answer" per line. */
  otherAnswers: string;
  /** Fields whose text the intake cut to fit a cell (it ends with the marker). */
  truncated: string[];
}

export type Recommendation = keyof typeof RECOMMENDATIONS;

export interface BudgetLine {
  row: number;
  caseId: string;
  item: string;
  amount: Parsed<number>;
}

/** A withdrawal (*inndragning*) takes back what a project will not use: it counts negatively. */
export type AllocationKind = keyof typeof ALLOCATION_KINDS;

export interface Allocation {
  row: number;
  caseId: string;
  decision: string;
  date: Parsed<Date>;
  kind: AllocationKind | null;
  kindText: string;
  category: CategoryId | null;
  categoryText: string;
  amount: Parsed<number>;
  /** `null` when both Fra and Til are blank: the allocation counts in the year of its decision date. */
  period: Parsed<Period> | null;
  /** `Rapportert orienteringsorgan` (formerly `Rapportert SSU`) as written: a date (or yes) means reported; see `reported()`. */
  reportedSsu: string;
  /** `Akseptert`: true (Ja or a date), false (Nei) or null (blank, unreadable, or no such column). */
  accepted: boolean | null;
  /** The day the grant offer was accepted, when `Akseptert` holds a date. */
  acceptedOn: Date | null;
}

export type PaymentKind = keyof typeof PAYMENT_KINDS;

/** One `Utbetalinger` row: money paid to a project, or (a refund) paid back by it. */
export interface Payment {
  row: number;
  caseId: string;
  date: Parsed<Date>;
  amount: Parsed<number>;
  /** `null` when `Art` is neither a payment nor a refund (blank is a payment). */
  kind: PaymentKind | null;
  kindText: string;
  item: string;
  voucher: string;
  note: string;
}

/** One `Avtaleparter` row: a party to a project's written agreement and where it archived the signed copy. */
export interface AgreementParty {
  row: number;
  caseId: string;
  party: string;
  orgNumber: string;
  /** '' when the party has not given its archive reference. */
  archiveRef: string;
  /** `Signert`: true (Ja or a date), false (Nei) or null (blank or unreadable). */
  signed: boolean | null;
  /** The day the party signed, when `Signert` holds a date. */
  signedOn: Date | null;
}

export interface Portfolio {
  settings: Settings;
  applications: Application[];
  budget: BudgetLine[];
  allocations: Allocation[];
  /** The rows of the optional `Utbetalinger` sheet (absent: nothing paid yet). */
  payments: Payment[];
  /** The rows of the optional `Avtaleparter` sheet (absent: the parties are not registered one by one). */
  agreementParties?: AgreementParty[];
  /** 0-based column of each field per sheet, so findings can point at cells. */
  columns: Record<SheetId, Partial<Record<string, number>>>;
  /** The sheet names as found in the workbook (they may differ in case or be English). */
  sheetNames: Record<SheetId, string>;
  /** The rows of the optional `Vurderinger` sheet (absent: no assessments yet) that count. */
  assessments?: AssessmentRow[];
  /** Rows whose `Kontroll` does not hold (typed by hand, or changed): not counted, flagged. */
  unmarkedAssessments?: AssessmentRow[];
  /** What the reader had to work around and the user should know (a title row above the headers). */
  notes?: Reason[];
  /**
   * The optional `Statusrapporter` sheet. Absent (`undefined`), follow-up is not in use in this workbook
   * and the deadline rules stay silent; present, every granted project owes its reports.
   */
  statusReports?: StatusReport[];
  /** Reports whose `Kontroll` says they do not count yet (wrong code, closed or unknown case). */
  uncountedReports?: StatusReport[];
  /** Extensions and exemptions a person wrote in the optional `Frister` sheet. */
  deadlineOverrides?: DeadlineOverride[];
  /** The optional `Handlingsplan` sheet, numbered (absent: null, and its rules do not run). */
  plan: Plan | null;
}

/** All values of a workbook: sheet name → rows of cells, header first. */
export type WorkbookValues = Record<string, readonly (readonly unknown[])[]>;

const optionalMoney = (v: unknown): Parsed<number> | null => (isBlank(v) ? null : parseMoney(v));

function periodOf(from: unknown, to: unknown): Parsed<Period> {
  if (isBlank(from) && isBlank(to))
    return fail('mangler periode (Fra og Til)', 'period missing (From and To)');
  return parsePeriod(from, to);
}

/** `Samarbeidsavtale`: a date is the day it was signed (so, yes); otherwise Ja/Nei. */
function contractOf(value: unknown): { contract: boolean | null; contractSigned: Date | null } {
  const signed = parseDay(value);
  if (signed.ok) return { contract: true, contractSigned: signed.value };
  return { contract: parseYesNo(value), contractSigned: null };
}

/** `Akseptert`, read like `Samarbeidsavtale`: a date is the day the offer was accepted. */
function acceptanceOf(value: unknown): { accepted: boolean | null; acceptedOn: Date | null } {
  const { contract, contractSigned } = contractOf(value);
  return { accepted: contract, acceptedOn: contractSigned };
}

export function toApplication(r: TableRow<FieldKey<typeof APPLICATIONS>>, settings: Settings): Application {
  return {
    row: r.row,
    caseId: cellText(r.get('caseId')),
    received: isBlank(r.get('received')) ? null : parseDay(r.get('received')),
    title: cellText(r.get('title')),
    applicant: cellText(r.get('applicant')),
    email: cellText(r.get('email')),
    category: parseCategory(cellText(r.get('category'))),
    type: cellText(r.get('type')),
    municipalities: splitAnswers(r.get('municipalities')),
    hospital: parseYesNo(r.get('hospital')),
    region: cellText(r.get('region')),
    priorityAreas: splitAnswers(r.get('priorityAreas'), settings.priorityAreas),
    need: cellText(r.get('need')),
    knowledgeBase: cellText(r.get('knowledgeBase')),
    benefitPlan: cellText(r.get('benefitPlan')),
    period: periodOf(r.get('from'), r.get('to')),
    requested: parseMoney(r.get('requested')),
    ownMunicipality: optionalMoney(r.get('ownMunicipality')),
    ownHospital: optionalMoney(r.get('ownHospital')),
    permanentCosts: parseYesNo(r.get('permanentCosts')),
    agreement: parseYesNo(r.get('agreement')),
    ...contractOf(r.get('contract')),
    status: cellText(r.get('status')),
    recommendation: parseTerm(RECOMMENDATIONS, r.get('recommendation')),
    recommendationText: cellText(r.get('recommendation')),
    recommendedAmount: optionalMoney(r.get('recommendedAmount')),
    decision: cellText(r.get('decision')),
    reason: cellText(r.get('reason')),
    recused: cellText(r.get('recused')),
    closure: cellText(r.get('closure')),
    orgNumber: cellText(r.get('orgNumber')).replace(/\s/g, ''),
    archiveCase: parseArchiveRef(r.get('archiveCase')),
    caseOfficer: cellText(r.get('caseOfficer')),
    steeringGroup: cellText(r.get('steeringGroup')),
    otherAnswers: cellText(r.get('otherAnswers')),
    truncated: CUT_CHECKED.filter((key) => isCut(r.get(key))),
  };
}

/** The columns a form answer fills: where the intake may have cut one (a cheap test per cell). */
const CUT_CHECKED = [
  'title',
  'applicant',
  'email',
  'category',
  'type',
  'municipalities',
  'hospital',
  'region',
  'priorityAreas',
  'need',
  'knowledgeBase',
  'innovation',
  'benefitPlan',
  'from',
  'to',
  'requested',
  'ownMunicipality',
  'ownHospital',
  'permanentCosts',
  'agreement',
  'contract',
  'otherAnswers',
] as const satisfies ReadonlyArray<FieldKey<typeof APPLICATIONS>>;

function toBudgetLine(r: TableRow<FieldKey<typeof BUDGET>>): BudgetLine {
  return {
    row: r.row,
    caseId: cellText(r.get('caseId')),
    item: cellText(r.get('item')),
    amount: parseMoney(r.get('amount')),
  };
}

function toAllocation(r: TableRow<FieldKey<typeof ALLOCATIONS>>): Allocation {
  const kindText = cellText(r.get('kind'));
  const categoryText = cellText(r.get('category'));
  return {
    row: r.row,
    caseId: cellText(r.get('caseId')),
    decision: cellText(r.get('decision')),
    date: parseDay(r.get('date')),
    kind: parseTerm(ALLOCATION_KINDS, kindText),
    kindText,
    category: parseCategory(categoryText),
    categoryText,
    amount: parseMoney(r.get('amount')),
    period: isBlank(r.get('from')) && isBlank(r.get('to')) ? null : parsePeriod(r.get('from'), r.get('to')),
    reportedSsu: cellText(r.get('reportedSsu')),
    ...acceptanceOf(r.get('accepted')),
  };
}

function toPayment(r: TableRow<FieldKey<typeof PAYMENTS>>): Payment {
  const kindText = cellText(r.get('kind'));
  return {
    row: r.row,
    caseId: cellText(r.get('caseId')),
    date: parseDay(r.get('date')),
    amount: parseMoney(r.get('amount')),
    kind: kindText === '' ? 'payment' : parseTerm(PAYMENT_KINDS, kindText),
    kindText,
    item: cellText(r.get('item')),
    voucher: cellText(r.get('voucher')),
    note: cellText(r.get('note')),
  };
}

function toAgreementParty(r: TableRow<FieldKey<typeof AGREEMENT_PARTIES>>): AgreementParty {
  const { contract, contractSigned } = contractOf(r.get('signed'));
  return {
    row: r.row,
    caseId: cellText(r.get('caseId')),
    party: cellText(r.get('party')),
    orgNumber: cellText(r.get('orgNumber')).replace(/\s/g, ''),
    archiveRef: parseArchiveRef(r.get('archiveRef')),
    signed: contract,
    signedOn: contractSigned,
  };
}

function sheetValues(
  values: WorkbookValues,
  spec: SheetSpec,
): { name: string; rows: readonly (readonly unknown[])[] } {
  const name = findSheetName(spec, Object.keys(values));
  if (name === undefined) {
    // A sheet of the contract under its own name is never the renamed one.
    const known = [...Object.values(SHEETS), SETTINGS_SHEET, ASSESSMENTS, FINDINGS_SHEET];
    const others = Object.keys(values).filter((n) => !known.some((k) => findSheetName(k, [n])));
    throw missingSheet(spec, others);
  }
  return { name, rows: values[name]! };
}

/** The settings from the workbook's `Innstillinger` sheet, or the defaults when it has none. */
export function readSettings(values: WorkbookValues): Settings {
  const name = findSheetName(SETTINGS_SHEET, Object.keys(values));
  if (name === undefined) return DEFAULT_SETTINGS;
  return parseSettings(
    readTable(SETTINGS_SHEET, values[name]!).rows.map((r) => ({ ...r.cells, row: r.row })),
  );
}

/** Reads the whole workbook; a missing sheet or required header throws a TilskuddError naming it. */
export function readPortfolio(values: WorkbookValues): Portfolio {
  const apps = sheetValues(values, APPLICATIONS);
  const budget = sheetValues(values, BUDGET);
  const allocs = sheetValues(values, ALLOCATIONS);
  const appTable = readTable(APPLICATIONS, apps.rows);
  const budgetTable = readTable(BUDGET, budget.rows);
  const allocTable = readTable(ALLOCATIONS, allocs.rows);
  const settings = readSettings(values);
  const notes = [
    headerNote(apps.name, appTable.headerRow),
    headerNote(budget.name, budgetTable.headerRow),
    headerNote(allocs.name, allocTable.headerRow),
  ].filter((n): n is Reason => n !== null);
  const reports = optionalTable(values, STATUS_REPORTS);
  const deadlines = optionalTable(values, DEADLINES);
  const payments = optionalTable(values, PAYMENTS);
  const plan = readPlan(values);
  const parties = optionalTable(values, AGREEMENT_PARTIES);
  return {
    settings,
    applications: appTable.rows.map((r) => toApplication(r, settings)),
    budget: budgetTable.rows.map(toBudgetLine),
    allocations: allocTable.rows.map(toAllocation),
    payments: payments.table.rows.map(toPayment),
    ...(parties.present ? { agreementParties: parties.table.rows.map(toAgreementParty) } : {}),
    columns: {
      applications: appTable.columns,
      budget: budgetTable.columns,
      allocations: allocTable.columns,
      statusReports: reports.table.columns,
      deadlines: deadlines.table.columns,
      payments: payments.table.columns,
      plan: plan?.columns ?? {},
    },
    sheetNames: {
      applications: apps.name,
      budget: budget.name,
      allocations: allocs.name,
      statusReports: reports.name,
      deadlines: deadlines.name,
      payments: payments.name,
      plan: plan?.sheetName ?? ACTION_PLAN.name,
    },
    ...assessmentsOf(values),
    ...statusReportsOf(reports),
    deadlineOverrides: deadlines.table.rows.map(toDeadlineOverride),
    plan,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function headerNote(sheet: string, headerRow: number): Reason | null {
  if (headerRow === 1) return null;
  const above = headerRow === 2 ? 'rad 1' : `rad 1–${headerRow - 1}`;
  const aboveEn = headerRow === 2 ? 'row 1' : `rows 1–${headerRow - 1}`;
  return {
    nb: `Arket «${sheet}» har overskriftene i rad ${headerRow}; ${above} er lest som tittel og ikke som data.`,
    en: `Sheet "${sheet}" has its headers in row ${headerRow}; ${aboveEn} are read as a title, not as data.`,
  };
}

/** An optional sheet read by header; absent, it has no rows and keeps its Norwegian name. */
function optionalTable<S extends SheetSpec>(
  values: WorkbookValues,
  spec: S,
): { name: string; present: boolean; table: Table<FieldKey<S>> } {
  const name = findSheetName(spec, Object.keys(values));
  return name === undefined
    ? { name: spec.name, present: false, table: { columns: {}, headerRow: 1, rows: [] } }
    : { name, present: true, table: readTable(spec, values[name]!) };
}

function statusReportsOf(reports: {
  present: boolean;
  table: Table<FieldKey<typeof STATUS_REPORTS>>;
}): Pick<Portfolio, 'statusReports' | 'uncountedReports'> {
  if (!reports.present) return { statusReports: undefined };
  const all = reports.table.rows.map(toStatusReport);
  const waiting = all.filter((r) => !counts(r));
  return waiting.length === 0
    ? { statusReports: all }
    : { statusReports: all.filter(counts), uncountedReports: waiting };
}

function assessmentsOf(values: WorkbookValues): Pick<Portfolio, 'assessments' | 'unmarkedAssessments'> {
  const name = findSheetName(ASSESSMENTS, Object.keys(values));
  const rows = name === undefined ? [] : readAssessments(values[name]!);
  const unmarked = rows.filter((r) => r.mark === UNMARKED);
  return unmarked.length === 0
    ? { assessments: rows }
    : { assessments: rows.filter((r) => r.mark !== UNMARKED), unmarkedAssessments: unmarked };
}
