import { APPLICATIONS, BUDGET, STATUS_REPORTS } from '../../src/core/workbook/contract';
import { exampleWorkbook, sheetRows } from '../../src/example/agder';
import { LEADER, answers, deskWith, formOf, sheetCalls, submit, type Desk } from './desk-helpers';

/**
 * Every menu action, sidebar endpoint and trigger of the bundle, each run once on a portfolio of `n`
 * applications, with the Spreadsheet service calls it made. `npm run bench` prints them and
 * tests/gas/action-calls.test.ts holds them flat in rows and within their targets: in real Sheets each
 * call is a round trip.
 */
export interface ActionRun {
  /** The global function called (menu item, endpoint or trigger handler). */
  name: string;
  kind: 'menu' | 'endpoint' | 'trigger';
  /** Done before counting: the state the action is measured in (a form made, a payment possible). */
  prepare?: (sb: Desk) => void;
  /** Runs the action; false when it was refused (then its count measures the refusal, not the work). */
  run: (sb: Desk) => boolean;
}

const col = (header: string) => APPLICATIONS.fields.findIndex((f) => f.header === header);

/**
 * The example workbook of SSU 18-2025 with its first application copied until there are `n`; the first
 * grant's agreement is signed (payments possible) and the second has a final report (closure possible).
 */
export function portfolioOf(n: number): Record<string, unknown[][]> {
  const values = exampleWorkbook();
  const apps = values[APPLICATIONS.name]!;
  apps[1]![col('Samarbeidsavtale')] = new Date(Date.UTC(2025, 7, 1));
  const template = apps[1]!;
  for (let i = 0; i < n - 2; i++)
    apps.push(template.map((v, c) => (c === 0 ? `2025-05-${String(i + 3).padStart(4, '0')}` : v)));
  values[STATUS_REPORTS.name] = sheetRows(STATUS_REPORTS, [
    ...sheetRowsOf(values[STATUS_REPORTS.name]!),
    {
      caseId: '2025-05-002',
      due: new Date(Date.UTC(2026, 1, 28)),
      received: new Date(Date.UTC(2026, 1, 20)),
      type: 'Sluttrapport',
      progress: 'Grønn',
      economy: 'Grønn',
      risk: 'Gul',
      comment: '',
      receiver: 'Østre Agder helsetjenester',
      learning: 'Avklar behandlingsgrunnlag tidlig',
      readyForOperations: 'Nei',
    },
  ]);
  return values;
}

/** The example's status report rows as records by field key, so one can be added by `sheetRows`. */
function sheetRowsOf(rows: unknown[][]): Array<Record<string, unknown>> {
  const [header, ...data] = rows;
  const keys = header!.map((h) => STATUS_REPORTS.fields.find((f) => f.header === h)?.key ?? String(h));
  return data.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]])));
}

const ok = (r: unknown) => (r as { ok?: boolean }).ok === true;
const noAlert = (sb: Desk, before: number) => sb.ui.alerts.length === before;
/** Runs a menu item that ends with an alert (its report) or none; queued answers are the user's. */
const menu =
  (fn: string, answer: (sb: Desk) => void = () => undefined, as?: string) =>
  (sb: Desk) => {
    answer(sb);
    const before = sb.ui.alerts.length;
    if (as) sb.runAs({ email: as }, () => sb.call(fn));
    else sb.call(fn);
    return (
      sb.ui.pendingAnswers === 0 &&
      (noAlert(sb, before) || !/nekter|gir (deg )?ikke|Fant ingen|opptatt/i.test(sb.ui.alerts.at(-1)!.prompt))
    );
  };

const assessment = {
  caseId: '2025-05-001',
  ground: 'none',
  selection: ['priority', 'innovation', 'benefit'].map((id) => ({ id, answer: 'yes', comment: '' })),
  scores: [
    'Størst potensial til å møte fremtidens tjenestebehov',
    'Løser spesifikke samhandlingsutfordringer',
    'Gjennomførbart med egenfinansiert personell eller ekstern finansiering',
    'Balansert total portefølje',
  ].map((label) => ({ label, score: 4, comment: '' })),
};

export const ACTIONS: ActionRun[] = [
  // The menu, in menu order.
  { name: 'checkPortfolio', kind: 'menu', run: menu('checkPortfolio') },
  {
    name: 'checkPortfolio (again, nothing changed)',
    kind: 'menu',
    prepare: (sb) => void menu('checkPortfolio')(sb),
    run: menu('checkPortfolio'),
  },
  { name: 'openFindings', kind: 'menu', run: menu('openFindings') },
  { name: 'createForm', kind: 'menu', run: menu('createForm', (sb) => sb.ui.answerAlert()) },
  {
    name: 'registerMissingResponses',
    kind: 'menu',
    prepare: (sb) => void formOf(sb),
    run: menu('registerMissingResponses', (sb) => sb.ui.answerAlert()),
  },
  { name: 'openAssessment', kind: 'menu', run: menu('openAssessment') },
  { name: 'openDashboard', kind: 'menu', run: menu('openDashboard') },
  {
    name: 'createMemo',
    kind: 'menu',
    run: menu('createMemo', (sb) =>
      sb.ui.answerPrompt('09.05.2025').answerPrompt('18-2025').answerPrompt(''),
    ),
  },
  { name: 'createLetters', kind: 'menu', run: menu('createLetters') },
  {
    name: 'createAgreement',
    kind: 'menu',
    run: menu('createAgreement', (sb) => sb.ui.answerPrompt('2025-05-001')),
  },
  { name: 'publishOverview', kind: 'menu', run: menu('publishOverview', (sb) => sb.ui.answerPrompt('2025')) },
  {
    name: 'createBoardStatus',
    kind: 'menu',
    run: menu('createBoardStatus', (sb) =>
      sb.ui.answerPrompt('15.05.2026').answerPrompt('').answerPrompt('22-2026'),
    ),
  },
  {
    name: 'createAnnualReport',
    kind: 'menu',
    // The year, the day (empty: today), Yes to the list of what is missing.
    run: menu('createAnnualReport', (sb) => sb.ui.answerPrompt('2025').answerPrompt('').answerAlert('YES')),
  },
  { name: 'openSupplementDialog', kind: 'menu', run: menu('openSupplementDialog') },
  { name: 'openPaymentDialog', kind: 'menu', run: menu('openPaymentDialog') },
  { name: 'openFollowUp', kind: 'menu', run: menu('openFollowUp') },
  { name: 'createStatusForm', kind: 'menu', run: menu('createStatusForm', (sb) => sb.ui.answerAlert()) },
  { name: 'showReminders', kind: 'menu', run: menu('showReminders', (sb) => sb.ui.answerAlert()) },
  {
    name: 'approveFinalReport',
    kind: 'menu',
    prepare: (sb) => sb.spreadsheet.sheet(APPLICATIONS.name).getRange('B3').activate(),
    run: menu('approveFinalReport', (sb) => sb.ui.answerAlert('YES'), LEADER),
  },
  { name: 'openPlan', kind: 'menu', run: menu('openPlan') },
  { name: 'numberPlan', kind: 'menu', run: menu('numberPlan') },
  { name: 'savePlanReview', kind: 'menu', run: menu('savePlanReview') },
  {
    name: 'createPlanReview',
    kind: 'menu',
    run: menu('createPlanReview', (sb) => sb.ui.answerPrompt('04.12.2025').answerPrompt('30-2025')),
  },
  { name: 'setupWorkbook', kind: 'menu', run: menu('setupWorkbook', () => undefined, LEADER) },
  {
    name: 'runDiagnosis',
    kind: 'menu',
    prepare: (sb) => void formOf(sb),
    run: menu('runDiagnosis', () => undefined, LEADER),
  },
  // The sidebars' and dialogs' endpoints.
  { name: 'assessmentLoad', kind: 'endpoint', run: (sb) => ok(sb.call('assessmentLoad', '')) },
  { name: 'assessmentSave', kind: 'endpoint', run: (sb) => ok(sb.call('assessmentSave', assessment)) },
  {
    name: 'assessmentOverride',
    kind: 'endpoint',
    run: (sb) =>
      sb.runAs({ email: LEADER }, () =>
        ok(sb.call('assessmentOverride', { caseId: '2025-05-002', rank: 1, reason: 'Styrets vurdering' })),
      ),
  },
  { name: 'dashboardLoad', kind: 'endpoint', run: (sb) => ok(sb.call('dashboardLoad')) },
  { name: 'findingsLoad', kind: 'endpoint', run: (sb) => ok(sb.call('findingsLoad')) },
  { name: 'findingsRecheck', kind: 'endpoint', run: (sb) => ok(sb.call('findingsRecheck')) },
  {
    name: 'findingsSelect',
    kind: 'endpoint',
    run: (sb) => ok(sb.call('findingsSelect', { sheet: APPLICATIONS.name, a1: 'B2' })),
  },
  {
    name: 'findingsSelection',
    kind: 'endpoint',
    prepare: (sb) => sb.spreadsheet.sheet(BUDGET.name).getRange('C4').activate(),
    run: (sb) => ok(sb.call('findingsSelection')),
  },
  { name: 'supplementLoad', kind: 'endpoint', run: (sb) => ok(sb.call('supplementLoad')) },
  {
    name: 'supplementRegister',
    kind: 'endpoint',
    run: (sb) =>
      ok(sb.call('supplementRegister', { caseId: '2025-05-001', amount: '5 000', reason: 'Samling' })),
  },
  { name: 'followUpLoad', kind: 'endpoint', run: (sb) => ok(sb.call('followUpLoad')) },
  { name: 'followUpSelect', kind: 'endpoint', run: (sb) => ok(sb.call('followUpSelect', '2025-05-002')) },
  { name: 'paymentLoad', kind: 'endpoint', run: (sb) => ok(sb.call('paymentLoad')) },
  {
    name: 'paymentRegister',
    kind: 'endpoint',
    run: (sb) =>
      ok(
        sb.call('paymentRegister', {
          caseId: '2025-05-001',
          kind: 'payment',
          amount: '100 000',
          date: '2026-01-10',
          voucher: 'Bilag 9',
          item: '',
        }),
      ),
  },
  {
    name: 'withdrawalRegister',
    kind: 'endpoint',
    run: (sb) => ok(sb.call('withdrawalRegister', '2025-05-001')),
  },
  { name: 'planLoad', kind: 'endpoint', run: (sb) => ok(sb.call('planLoad')) },
  // Triggers: a form submission, and the hourly sweep with nothing left to register.
  {
    name: 'onFormSubmit',
    kind: 'trigger',
    prepare: (sb) => void formOf(sb),
    run: (sb) => {
      submit(sb, answers());
      return true;
    },
  },
  {
    // An hour after the day's reminders were checked (they are off): the sweep alone.
    name: 'runHourly (nothing to do)',
    kind: 'trigger',
    prepare: (sb) => {
      formOf(sb);
      sb.fireClockTriggers();
    },
    run: (sb) => {
      sb.fireClockTriggers();
      return true;
    },
  },
];

/** The day the actions run: after the example's deadlines, so a payment or a withdrawal can be registered. */
const MEASURED_ON = { now: Date.UTC(2026, 11, 1, 9) };

/**
 * One action on a desk of `n` applications just set up (*Sett opp arbeidsboka*, as a secretariat's
 * workbook is: every sheet of the contract under its name, the four protected): its Spreadsheet calls,
 * time, and whether it succeeded.
 */
export function measureAction(action: ActionRun, n: number) {
  const sb = deskWith(portfolioOf(n), MEASURED_ON);
  sb.runAs({ email: LEADER }, () => sb.call('setupWorkbook'));
  action.prepare?.(sb);
  sb.calls.reset();
  const t0 = performance.now();
  const done = action.run(sb);
  return { calls: sheetCalls(sb), ms: performance.now() - t0, done, snapshot: sb.calls.snapshot() };
}
