import {
  ACTION_PLAN,
  ALLOCATIONS,
  APPLICATIONS,
  BUDGET,
  DEADLINES,
  PAYMENTS,
  PLAN_HISTORY,
  REGIONAL_INPUT,
  SETTINGS_SHEET,
  STATUS_REPORTS,
  type FieldKey,
  type SheetSpec,
} from '../core/workbook/contract';
import { DEFAULT_SETTINGS, settingsToRows } from '../core/workbook/settings';
import { EXAMPLE_DEADLINES, EXAMPLE_STATUS_REPORTS } from './follow-up';
import { EXAMPLE_INPUT, EXAMPLE_PLAN, EXAMPLE_PLAN_HISTORY } from './agder-plan';

/**
 * The bundled example: the real cases of SSU case 18-2025 (Helsefellesskapet Agder, meeting 09.05.2025),
 * with roles and invented organisational addresses instead of people. Where the seed is silent (months of
 * the data-centre project, the supplementary allocation) the values are marked as illustrative.
 */
type Row<S extends SheetSpec> = Partial<Record<FieldKey<S>, unknown>>;

/** Rows in the contract's column order, header first. */
export function sheetRows<S extends SheetSpec>(spec: S, rows: Array<Row<S>>): unknown[][] {
  return [
    spec.fields.map((f) => f.header),
    ...rows.map((r) => spec.fields.map((f) => (r as Record<string, unknown>)[f.key] ?? '')),
  ];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const EXAMPLE_APPLICATIONS: Array<Row<typeof APPLICATIONS>> = [
  {
    caseId: '2025-05-001',
    received: day('2025-05-02'),
    title: 'Agdermodellen – barn og unges helsetjenester innen psykisk helse',
    applicant: 'Faglig samarbeidsutvalg barn og unge',
    email: 'postmottak@example.no',
    category: 'Innovasjon/prosjekt',
    type: 'Videreføring',
    municipalities: 'Alle 25 kommuner i Agder',
    hospital: 'Ja',
    region: 'Hele Agder',
    priorityAreas: 'Barn og unge; Integrert psykisk helse- og rustjeneste',
    need: 'Tjenestene til barn og unge oppleves fragmenterte, uoversiktlige og lite sammenhengende (innsiktsseminarer i alle regioner, Ukom, Barneombudet).',
    knowledgeBase:
      'Nasjonale rapporter og opptrappingsplanen for barn og unges psykiske helse; modell inspirert av Helse Fonna; ca. 600 deltakere i innsiktsarbeidet.',
    benefitPlan:
      'Tre nye samhandlingsforløp (angst, depresjon, spiseforstyrrelser) med tydelig ansvarsdeling og digitale sammenkart; evaluering med InnoMed.',
    from: '2025-08',
    to: '2026-07',
    requested: '1 060 000',
    permanentCosts: 'Nei',
    agreement: 'Ja',
    contract: 'Nei',
    status: 'Innvilget',
    recommendation: 'Innvilges',
    decision: 'SSU 18-2025',
  },
  {
    caseId: '2025-05-002',
    received: day('2025-05-02'),
    title: 'Skrøpelige eldre 65+ – delt datasenter Østre Agder / SSHF',
    applicant: 'Østre Agder-samarbeidet og SSHF',
    email: 'postmottak@example.no',
    category: 'Innovasjon/prosjekt',
    type: 'Ny søknad',
    municipalities: 'Kommunene i Østre Agder',
    hospital: 'Ja',
    region: 'Østre Agder',
    priorityAreas: 'Skrøpelige eldre; Bedre samhandling',
    need: 'Flere eldre og relativt færre ansatte; helsedata fra sykehus og kommuner analyseres i liten grad på tvers av nivåene.',
    knowledgeBase:
      'Norges digitaliseringsstrategi mot 2030; fem års koblede helsedata mellom kommuner og sykehus.',
    benefitPlan:
      'Identifisere befolkningsgrupper med gevinst av tidlig behandling; prediksjon og strategisk styring i felles helsetjeneste.',
    // Illustrative: the seed asks for 12 months without naming them.
    from: '2025-08',
    to: '2026-07',
    requested: '1 500 000',
    permanentCosts: 'Nei',
    agreement: 'Ja',
    contract: 'Nei',
    status: 'Forprosjekt',
    // The municipalities' proposal in the memo: a pre-project now, 5/12 of a full shared position.
    recommendation: 'Forprosjekt',
    recommendedAmount: 625_000,
    decision: 'SSU 18-2025 (forprosjekt)',
  },
];

export const EXAMPLE_BUDGET: Array<Row<typeof BUDGET>> = [
  { caseId: '2025-05-001', item: 'Drifts- og lønnskostnader, ett år (202508–202607)', amount: '1 060 000' },
  { caseId: '2025-05-002', item: 'Lønnskostnader for ett årsverk i 12 måneder', amount: '1 500 000' },
  { caseId: '2025-05-002', item: 'Fase 2: Juridiske avklaringer', amount: '[Beløp]' },
  { caseId: '2025-05-002', item: 'Fase 2: Datatekniske avklaringer', amount: '[Beløp]' },
  { caseId: '2025-05-002', item: 'Fase 2: Utvikling og implementering av plattform', amount: '[Beløp]' },
];

export const EXAMPLE_ALLOCATIONS: Array<Row<typeof ALLOCATIONS>> = [
  {
    caseId: '2025-05-001',
    decision: 'SSU 18-2025',
    date: day('2025-05-09'),
    kind: 'Ordinær',
    category: 'Innovasjon/prosjekt',
    amount: 1_060_000,
    from: '2025-08',
    to: '2026-07',
    // Illustrative: the offer accepted before the first payment (the seeds record no acceptance).
    accepted: day('2025-05-27'),
  },
  {
    // The municipalities' proposal: a pre-project, 625 000 now (5/12 of a full position).
    caseId: '2025-05-002',
    decision: 'SSU 18-2025 (forprosjekt)',
    date: day('2025-05-09'),
    kind: 'Ordinær',
    category: 'Innovasjon/prosjekt',
    amount: 625_000,
    from: '2025-08',
    to: '2025-12',
  },
  {
    // The secretariat's cost for six months as the memo estimates it (1,6 positions incl. social costs).
    caseId: 'ADM-2025',
    decision: 'SSU 18-2025 (sekretariat)',
    date: day('2025-05-09'),
    kind: 'Ordinær',
    category: 'Administrasjon',
    amount: 939_829,
    from: '2025-05',
    to: '2025-10',
  },
  {
    // Illustrative: a supplementary allocation by the secretariat, not yet reported to SSU, with the reason
    // *Registrer tilleggsbevilling* writes after who decided (the seeds record no supplement).
    caseId: '2025-05-001',
    decision:
      'Porteføljesekretariatet: regionale samlinger for å ta i bruk de nye samhandlingsforløpene i alle regionene',
    date: day('2025-10-15'),
    kind: 'Tilleggsbevilling',
    category: 'Innovasjon/prosjekt',
    amount: '60 000',
    from: '2025-11',
    to: '2026-07',
  },
];

/**
 * Illustrative payments (the seeds record none), chosen so that the economy follow-up has something to
 * say: Agdermodellen half paid without a written agreement and not drawn since, the pre-project never
 * paid, the secretariat's cost paid in two halves and then 20 000 over its allocation, late, and a
 * payment booked on a case with no allocation yet.
 */
export const EXAMPLE_PAYMENTS: Array<Row<typeof PAYMENTS>> = [
  {
    caseId: '2025-05-001',
    date: day('2025-08-15'),
    amount: 560_000,
    voucher: 'Eksempel 1',
    note: 'Første halvdel',
  },
  { caseId: 'ADM-2025', date: day('2025-06-30'), amount: 469_915, voucher: 'Eksempel 2' },
  { caseId: 'ADM-2025', date: day('2025-10-31'), amount: 469_914, voucher: 'Eksempel 3' },
  { caseId: 'ADM-2025', date: day('2026-03-13'), amount: 20_000, voucher: 'Eksempel 4', note: 'Etterslep' },
  { caseId: 'ADM-2026', date: day('2026-01-30'), amount: 50_000, voucher: 'Eksempel 5', note: 'Før vedtak' },
];

function workbook(
  applications: Array<Row<typeof APPLICATIONS>>,
  budget: Array<Row<typeof BUDGET>>,
  allocations: Array<Row<typeof ALLOCATIONS>>,
  payments: Array<Row<typeof PAYMENTS>>,
  statusReports: Array<Row<typeof STATUS_REPORTS>> = [],
  deadlines: Array<Row<typeof DEADLINES>> = [],
): Record<string, unknown[][]> {
  return {
    [APPLICATIONS.name]: sheetRows(APPLICATIONS, applications),
    [BUDGET.name]: sheetRows(BUDGET, budget),
    [ALLOCATIONS.name]: sheetRows(ALLOCATIONS, allocations),
    [PAYMENTS.name]: sheetRows(PAYMENTS, payments),
    [SETTINGS_SHEET.name]: sheetRows(SETTINGS_SHEET, settingsToRows(DEFAULT_SETTINGS)),
    [STATUS_REPORTS.name]: sheetRows(STATUS_REPORTS, statusReports),
    [DEADLINES.name]: sheetRows(DEADLINES, deadlines),
  };
}

/** The example workbook's values: sheet name → rows, header first. */
export const exampleWorkbook = (): Record<string, unknown[][]> => ({
  ...workbook(
    EXAMPLE_APPLICATIONS,
    EXAMPLE_BUDGET,
    EXAMPLE_ALLOCATIONS,
    EXAMPLE_PAYMENTS,
    EXAMPLE_STATUS_REPORTS,
    EXAMPLE_DEADLINES,
  ),
  [ACTION_PLAN.name]: sheetRows(ACTION_PLAN, EXAMPLE_PLAN),
  [PLAN_HISTORY.name]: sheetRows(PLAN_HISTORY, EXAMPLE_PLAN_HISTORY),
  [REGIONAL_INPUT.name]: sheetRows(REGIONAL_INPUT, EXAMPLE_INPUT),
});

/** Every sheet of the contract with its headers and the default settings: the template. */
export const emptyWorkbook = (): Record<string, unknown[][]> => ({
  ...workbook([], [], [], []),
  [ACTION_PLAN.name]: sheetRows(ACTION_PLAN, []),
});
