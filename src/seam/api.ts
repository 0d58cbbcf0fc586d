import type { Action } from '../core/access/roles';
/**
 * The typed seam between the sidebars (browser) and the Apps Script server: every `google.script.run`
 * endpoint, its arguments and its result. The client calls only these names; `src/main.ts` exports a
 * top-level function per name; `src/gas/entry/sidebars.ts` implements them, taking every argument as
 * `unknown` and re-validating it. Only primitives, arrays and plain objects cross: dates are ISO strings.
 */
import type { CaseAssessment } from '../core/assessment/scores';
import type { Ground } from '../core/assessment/form';
import type { CategoryId } from '../core/workbook/categories';
import type { DashboardData } from '../core/money-flow/dashboard';
import type { EconomyView } from '../core/money-flow/economy-view';
import type { Severity } from '../core/engine/findings';
import type { Lang } from '../core/base/result';
import type { Address } from '../core/portfolio/address';
import type { ProjectView } from '../core/follow-up/overview';

/** Every endpoint answers with a value or the refusal, already in the user's language. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface CaseSummary {
  caseId: string;
  title: string;
  applicant: string;
  /** Municipalities and, when a party, the hospital trust. */
  parties: string;
  /** Formatted amount asked, or the cell as written when it is not an amount. */
  amount: string;
  period: string;
  status: string;
  findings: Array<{ severity: Severity; message: string }>;
}

export interface MyAnswers {
  ground: Ground | null;
  selection: Record<string, { answer: 'yes' | 'no' | ''; comment: string }>;
  scores: Record<string, { score: number | null; comment: string }>;
}

export interface RankRow {
  caseId: string;
  title: string;
  weightedScore: number | null;
  selectionHolds: boolean | null;
  rank: number | null;
  finalRank: number | null;
  boardRank: number | null;
  boardReason: string;
  disagreement: boolean;
}

export interface AssessmentView {
  lang: Lang;
  user: string;
  cases: Array<{ caseId: string; title: string }>;
  /** The case shown: the one asked for, else the selected row in Søknader, else the first. */
  caseId: string;
  summary: CaseSummary | null;
  scale: Array<{ score: number; label: string }>;
  grounds: Array<{ id: Ground; label: string }>;
  selection: Array<{ id: string; label: string }>;
  criteria: Array<{ label: string; weight: number }>;
  mine: MyAnswers;
  result: CaseAssessment | null;
  ranking: RankRow[];
}

export interface AssessmentInput {
  caseId: string;
  ground: Ground;
  selection: Array<{ id: string; answer: 'yes' | 'no'; comment: string }>;
  scores: Array<{ label: string; score: number; comment: string }>;
}

export interface OverrideInput {
  caseId: string;
  rank: number;
  reason: string;
}

export interface DashboardView {
  lang: Lang;
  data: DashboardData;
  /** Sum of the supplementary authority per project, for the heading. */
  limit: number;
  /** Allocated against paid per year, and per project with the derived light. */
  economy: EconomyView;
  /** One sentence naming the grants the totals leave out (amount or period unreadable); empty when none. */
  leftOut: string;
}

export interface FindingView {
  rule: string;
  severity: Severity;
  ref: string;
  message: string;
  /** Where to go when clicked: a sheet and an A1 range in it, or null. */
  target: { sheet: string; a1: string } | null;
  /** Every cell the finding is about (the cells the check colours), each a sheet and an A1 cell. */
  cells: Address[];
}

export interface FindingsView {
  lang: Lang;
  findings: FindingView[];
  /** The sheets the check reads, as named in this workbook. */
  sheets: string[];
  /** ISO time of the check. */
  checkedAt: string;
}

export interface SupplementProject {
  caseId: string;
  title: string;
  category: CategoryId | null;
  limit: number;
  used: number;
  left: number;
}

export interface SupplementView {
  lang: Lang;
  limit: number;
  projects: SupplementProject[];
}

export interface SupplementRequest {
  caseId: string;
  amount: string;
  reason: string;
  /** The same supplement within ten minutes is a new one (else refused as a repeat). */
  confirmed?: boolean;
}

export interface SupplementDone {
  caseId: string;
  amount: number;
  left: number;
  message: string;
}

export interface FollowUpView {
  lang: Lang;
  /** ISO day the lights and due dates are judged against. */
  today: string;
  regions: string[];
  projects: ProjectView[];
}

export interface PaymentProjectView {
  caseId: string;
  title: string;
  allocated: number;
  paid: number;
  left: number;
  contract: boolean;
  /** ISO day the written agreement was signed, when known. */
  contractSigned: string | null;
  items: string[];
  /** The grant offer's acceptance (ISO day when known); null when acceptance is not judged for it. */
  acceptance: { accepted: boolean; on: string | null } | null;
}

export interface WithdrawalView {
  caseId: string;
  title: string;
  amount: number;
  rows: Array<{ year: number; amount: number }>;
}

export interface PaymentView {
  lang: Lang;
  /** Today in the spreadsheet's zone (ISO), the dialog's default date. */
  today: string;
  projects: PaymentProjectView[];
  /** Projects with unused money past the refund deadline: the withdrawal each calls for. */
  withdrawals: WithdrawalView[];
}

export interface PaymentRequest {
  caseId: string;
  kind: 'payment' | 'refund';
  amount: string;
  /** ISO day (from the date input) or 09.05.2025. */
  date: string;
  voucher: string;
  item: string;
  /** The same payment within ten minutes is a new one (else refused as a repeat). */
  confirmed?: boolean;
}

export interface PaymentDone {
  caseId: string;
  amount: number;
  left: number;
  message: string;
}

/** A row of the action plan as the Handlingsplan sidebar shows it. */
export interface PlanNode {
  /** The sheet row, to select it. */
  row: number;
  /** The number the product assigns ('' when the row cannot be placed). */
  number: string;
  level: 1 | 2 | 3;
  text: string;
  owner: string;
  organisation: string;
  region: string;
  /** Formatted deadline, or the cell as written. */
  due: string;
  light: 'green' | 'yellow' | 'red' | 'waiting' | null;
  /** `Status` as written. */
  status: string;
  comment: string;
  indicator: string;
  /** Grant projects that carry the measure; `economy` is null until the economy follow-up provides it. */
  cases: Array<{ caseId: string; title: string; status: string; known: boolean; economy: string | null }>;
  /** Messages of the plan's findings about this row. */
  findings: string[];
}

export interface PlanView {
  lang: Lang;
  /** The plan sheet's name, for selecting a row. */
  sheet: string;
  items: PlanNode[];
}

/** A field of the set-up wizard: a row of `Innstillinger` (`name`, its id), shown in the user's language. */
export interface WizardFieldView {
  name: string;
  label: string;
  help: string;
  group: string;
  groupLabel: string;
  required: boolean;
  /** The value as the sheet holds it now (or the default), written as the sheet writes it. */
  value: string;
}

export interface WizardView {
  lang: Lang;
  /** A workbook never used: the set-up makes `user` its leader. */
  fresh: boolean;
  user: string;
  fields: WizardFieldView[];
  /** This spreadsheet already has its application form. */
  formExists: boolean;
}

/** What one step of the wizard made or changed, one line each, in the user's language. */
export interface WizardDone {
  lines: string[];
}

/** One proposal of a board case as *Registrer vedtak* lists it. */
export interface DecisionProposalView {
  caseId: string;
  title: string;
  /** The recommendation in the user's language ('' when none). */
  recommendation: string;
  /** The recommended amount, null when it is not an amount. */
  amount: number | null;
  period: string;
  /** The application's `Vedtak` as registered ('' before the meeting). */
  registered: string;
}

/** A granted project the board may close, extend or withdraw unused money from. */
export interface DecisionProjectView {
  caseId: string;
  title: string;
  /** The project's period in the user's language ('' when unknown). */
  period: string;
  /** Its last month, `YYYY-MM` ('' when unknown): an extension gives a later one. */
  end: string;
  /** Allocated − paid: what a withdrawal takes by default. */
  unused: number;
}

export interface DecisionsView {
  lang: Lang;
  boardCase: string;
  /** The board cases the memo wrote proposals for. */
  boardCases: string[];
  /** ISO day: the meeting of the board case, or today. */
  meeting: string;
  /** True when the proposals are the memo's `Forslag` rows, false when read from the applications. */
  fromMemo: boolean;
  proposals: DecisionProposalView[];
  /** Granted projects not closed: for the board's closures, extensions and withdrawals. */
  projects: DecisionProjectView[];
}

/** What the board did with one proposal; `notDecided`: not in this board case (it waits for a later one). */
export const DECISION_KINDS = [
  'asRecommended',
  'changed',
  'preProject',
  'rejected',
  'postponed',
  'notDecided',
] as const;

export type DecisionKindInput = (typeof DECISION_KINDS)[number];

export type FollowUpKindInput = 'closure' | 'extension' | 'withdrawal';

export interface DecisionRequest {
  boardCase: string;
  /** ISO day. */
  meeting: string;
  /** One per proposal the dialog listed; a proposal the server has but the dialog did not list is left out. */
  decisions: Array<{
    caseId: string;
    kind: DecisionKindInput;
    amount: string;
    /** A changed period, e.g. 2026-08–2027-07 ('' keeps the proposal's). */
    period: string;
    reason: string;
    /** Members who stood aside (forvaltningsloven § 6). */
    recused: string;
  }>;
  /**
   * The board's decisions on granted projects: `value` is the new last month (`YYYY-MM`) of an extension,
   * the amount of a withdrawal ('' for all that is unused), '' for a closure.
   */
  followUps?: Array<{ caseId: string; kind: FollowUpKindInput; value: string }>;
}

export interface DecisionsDone {
  ref: string;
  /** Cases written (0 when all were registered before). */
  written: number;
  /** Findings on the applications themselves, shown, not blocking. */
  notes: string[];
  message: string;
}

/** The endpoints as the client sees them. */
export interface Api {
  assessmentLoad(caseId: string): Result<AssessmentView>;
  assessmentSave(input: AssessmentInput): Result<AssessmentView>;
  assessmentOverride(input: OverrideInput): Result<AssessmentView>;
  dashboardLoad(): Result<DashboardView>;
  findingsLoad(): Result<FindingsView>;
  findingsRecheck(): Result<FindingsView>;
  findingsSelect(target: { sheet: string; a1: string }): Result<null>;
  /** The user's selected range (null when Sheets has none). */
  findingsSelection(): Result<Address | null>;
  supplementLoad(): Result<SupplementView>;
  supplementRegister(input: SupplementRequest): Result<SupplementDone>;
  followUpLoad(): Result<FollowUpView>;
  followUpSelect(caseId: string): Result<null>;
  paymentLoad(): Result<PaymentView>;
  paymentRegister(input: PaymentRequest): Result<PaymentDone>;
  withdrawalRegister(caseId: string): Result<PaymentDone>;
  planLoad(): Result<PlanView>;
  wizardLoad(): Result<WizardView>;
  wizardSave(values: Record<string, string>): Result<WizardDone>;
  wizardForm(): Result<WizardDone>;
  decisionsLoad(boardCase: string): Result<DecisionsView>;
  decisionsRegister(input: DecisionRequest): Result<DecisionsDone>;
}

export type Endpoint = keyof Api;

/** The server side: the same names and results, every argument untrusted. */
type Untrusted<T extends unknown[]> = { [I in keyof T]: unknown };
export type Server = {
  [K in Endpoint]: (...args: Untrusted<Parameters<Api[K]>>) => ReturnType<Api[K]>;
};

/** Every endpoint name, checked against `Api` both ways, so a test can assert each is a bundle global. */
export const ENDPOINTS = [
  'assessmentLoad',
  'assessmentSave',
  'assessmentOverride',
  'dashboardLoad',
  'findingsLoad',
  'findingsRecheck',
  'findingsSelect',
  'findingsSelection',
  'supplementLoad',
  'supplementRegister',
  'followUpLoad',
  'followUpSelect',
  'paymentLoad',
  'paymentRegister',
  'withdrawalRegister',
  'planLoad',
  'wizardLoad',
  'wizardSave',
  'wizardForm',
  'decisionsLoad',
  'decisionsRegister',
] as const satisfies readonly Endpoint[];
type Missing = Exclude<Endpoint, (typeof ENDPOINTS)[number]>;
export const ALL_LISTED: Missing extends never ? true : false = true;

/**
 * The built HTML files (`build/<name>.html`), the menu functions that open them and their titles: the
 * server's `setTitle` and the page's own `<title>` (written by the build, set again in the user's language)
 * are this one string.
 */
export const PAGES = {
  Assessment: {
    opener: 'openAssessment',
    kind: 'sidebar',
    action: 'read',
    title: { nb: 'Vurderingsskjema', en: 'Assessment form' },
  },
  Dashboard: {
    opener: 'openDashboard',
    kind: 'sidebar',
    action: 'read',
    title: { nb: 'Fordeling', en: 'Allocation' },
  },
  Findings: {
    opener: 'openFindings',
    kind: 'sidebar',
    action: 'read',
    title: { nb: 'Avvik', en: 'Findings' },
  },
  Supplement: {
    opener: 'openSupplementDialog',
    kind: 'dialog',
    action: 'money',
    title: { nb: 'Tilleggsbevilling', en: 'Supplementary allocation' },
  },
  FollowUp: {
    opener: 'openFollowUp',
    kind: 'sidebar',
    action: 'read',
    title: { nb: 'Oppfølging', en: 'Follow-up' },
  },
  Payment: {
    opener: 'openPaymentDialog',
    kind: 'dialog',
    action: 'money',
    title: { nb: 'Utbetaling og inndragning', en: 'Payment and withdrawal' },
  },
  Plan: {
    opener: 'openPlan',
    kind: 'sidebar',
    action: 'read',
    title: { nb: 'Handlingsplan', en: 'Action plan' },
  },
  Setup: {
    opener: 'openSetupWizard',
    kind: 'dialog',
    action: 'settings',
    title: { nb: 'Oppsettsveiviser', en: 'Set-up wizard' },
  },
  Decisions: {
    opener: 'openDecisionsDialog',
    kind: 'dialog',
    action: 'decide',
    title: { nb: 'Registrer vedtak', en: 'Register decisions' },
  },
} as const satisfies Record<
  string,
  { opener: string; kind: 'sidebar' | 'dialog'; action: Action; title: { nb: string; en: string } }
>;
export type Page = keyof typeof PAGES;
