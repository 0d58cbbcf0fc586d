import { checkWorkbook } from '../../../src/core/check/check';
import type { CellRef, Finding, Severity } from '../../../src/core/engine/findings';
import { RULES, memoOf, ruleIds } from '../../../src/core/check/rules';
import { RULE_FAMILIES, says } from '../../../src/core/engine/rule';
import { CELL_LIMIT, clipQuotes, fitCell, isCut, QUOTE_LIMIT } from '../../../src/core/workbook/cell-limit';
import {
  CASE_ID,
  allocation,
  application,
  book,
  budgetLines,
  check,
  day,
  findingsOf,
  supplement,
  TODAY,
  validBook,
  workbookValues,
  withAllocation,
  withApplication,
  type Book,
} from '../builders';
import { FOLLOW_UP_RULE_IDS } from '../follow-up/rules/rule-ids';
import { ECONOMY_RULE_IDS, expectFires } from '../finding-checks';
import { factProblems } from '../facts';

/** `kr('800 001')` → the text formatMoney writes: NBSPs between groups and before `kr`. */
const kr = (amount: string) => `${amount.replace(/ /g, '\u00a0')}\u00a0kr`;

const app = (field: string, row = 2): CellRef => ({ sheet: 'applications', row, field });
const alloc = (field: string, row = 2): CellRef => ({ sheet: 'allocations', row, field });
const budget = (row: number): CellRef => ({ sheet: 'budget', row, field: 'amount' });

const addAllocations =
  (...rows: Parameters<typeof allocation>[0][]) =>
  (b: Book) => {
    b.allocations.push(...rows.map((r) => allocation(r)));
  };
const addSupplements =
  (...rows: Parameters<typeof supplement>[0][]) =>
  (b: Book) => {
    b.allocations.push(...rows.map((r) => supplement(r)));
  };

/** Premise rules about a grant's follow-up, not the case's readiness: not listed in the memo. */
const FOLLOW_UP_OF_GRANT = ['contract-missing', 'agreement-parties-unnamed'];

const RULE_IDS = [
  'frame-exceeded',
  'key-exceeded',
  'supplement-over-limit',
  'supplement-not-reported',
  'supplement-without-grant',
  'parties-missing',
  'agreement-missing',
  'contract-missing',
  'agreement-parties-unnamed',
  'budget-incomplete',
  'own-contribution-missing',
  'permanent-operating-cost',
  'priority-area-missing',
  'benefit-plan-missing',
  'period-invalid',
  'amount-invalid',
  'outside-round',
  'case-id-invalid',
  'category-invalid',
  'kind-invalid',
  'recommendation-invalid',
  'date-invalid',
  'form-answer-unmapped',
  'form-answer-truncated',
];

/** A need answer as the intake writes one that was 50 001 characters: cut, with the marker. */
const CUT_NEED = String(fitCell('x'.repeat(50_001)).value);

interface Positive {
  name: string;
  edit: (b: Book) => void;
  rule: string;
  severity: Severity;
  ref?: string;
  cells: CellRef[];
  /** Substrings of the Norwegian message: the cell, the problem, what to do. */
  nb: string[];
  en: string[];
  /** Other rules the change is expected to trigger as well. */
  alsoFires?: string[];
  /** The Norwegian fact documents print, where the case pins it. */
  fact?: string;
}

const POSITIVE: Positive[] = [
  {
    name: 'no municipality',
    edit: withApplication({ municipalities: '' }),
    rule: 'parties-missing',
    severity: 'error',
    cells: [app('municipalities')],
    nb: ['Søknader rad 2, «Kommuner»', 'Ingen kommune er part i søknaden', 'Fyll inn «Kommuner»'],
    en: ['Applications row 2, "Municipalities"', 'No municipality is a party', 'Fill in "Municipalities"'],
  },
  {
    name: 'hospital trust not a party',
    edit: withApplication({ hospital: 'Nei' }),
    rule: 'parties-missing',
    severity: 'error',
    cells: [app('municipalities')],
    nb: ['SSHF er ikke part i søknaden', 'Sett «Helseforetak» til Ja'],
    en: ['SSHF is not a party to the application', 'Set "Hospital trust" to Yes'],
  },
  {
    name: 'neither party',
    edit: withApplication({ municipalities: ' ', hospital: '' }),
    rule: 'parties-missing',
    severity: 'error',
    cells: [app('municipalities')],
    nb: ['Verken en kommune eller SSHF er part'],
    en: ['Neither a municipality nor SSHF'],
  },
  {
    name: 'agreement «Nei»',
    edit: withApplication({ agreement: 'Nei' }),
    rule: 'agreement-missing',
    severity: 'error',
    cells: [app('agreement')],
    nb: ['Søknader rad 2, «Enighet dokumentert»', 'ikke dokumentert', 'sett «Enighet dokumentert» til Ja'],
    en: ['Applications row 2, "Agreement documented"', 'set "Agreement documented" to Yes'],
  },
  {
    name: 'agreement blank',
    edit: withApplication({ agreement: '' }),
    rule: 'agreement-missing',
    severity: 'error',
    cells: [app('agreement')],
    nb: ['«Enighet dokumentert»'],
    en: ['"Agreement documented"'],
  },
  {
    name: 'allocation but no written agreement',
    edit: withApplication({ contract: 'Nei' }),
    rule: 'contract-missing',
    severity: 'warning',
    cells: [app('contract')],
    nb: [
      'Søknader rad 2, «Samarbeidsavtale»',
      'ingen skriftlig samarbeidsavtale',
      'Inngå avtalen før utbetaling',
    ],
    en: ['Applications row 2, "Written agreement"', 'Sign it before payment'],
  },
  {
    name: 'a granted project whose municipalities are a group and no Avtaleparter rows',
    edit: withApplication({ municipalities: 'Alle 25 kommuner i Agder' }),
    rule: 'agreement-parties-unnamed',
    severity: 'warning',
    cells: [app('municipalities')],
    nb: [
      'Søknader rad 2, «Kommuner»',
      '«Alle 25 kommuner i Agder» i stedet for kommunene',
      'arket Avtaleparter',
    ],
    en: ['"Alle 25 kommuner i Agder" instead of each municipality'],
  },
  {
    name: 'a granted project naming «Kommunene i Østre Agder» next to a municipality',
    edit: withApplication({ municipalities: 'Kommunene i Østre Agder; Arendal' }),
    rule: 'agreement-parties-unnamed',
    severity: 'warning',
    cells: [app('municipalities')],
    nb: ['«Kommunene i Østre Agder»'],
    en: ['"Kommunene i Østre Agder"'],
  },
  {
    name: 'granted status without allocation and no written agreement',
    edit: (b) => {
      withApplication({ contract: '', status: 'Delvis innvilget' })(b);
      b.allocations = [];
    },
    rule: 'contract-missing',
    severity: 'warning',
    cells: [app('contract')],
    nb: ['«Samarbeidsavtale»'],
    en: ['"Written agreement"'],
  },
  {
    name: 'no budget lines',
    edit: (b) => {
      b.budget = [];
    },
    rule: 'budget-incomplete',
    severity: 'error',
    cells: [app('requested')],
    nb: ['Søknader rad 2, «Søkt beløp»', 'ingen budsjettlinjer', `Legg inn postene med Saksnr ${CASE_ID}`],
    en: ['Applications row 2, "Amount requested"', 'no budget lines', 'Add the items'],
  },
  {
    name: 'a [Beløp] placeholder line',
    edit: (b) => {
      b.budget[1]!.amount = '[Beløp]';
    },
    rule: 'budget-incomplete',
    severity: 'error',
    cells: [budget(3)],
    nb: [
      'Budsjett rad 3, «Beløp»',
      'posten «Frikjøp sykepleiere»',
      'plassholder',
      'Fyll inn beløpet i kroner',
    ],
    en: ['Budget row 3, "Amount"', 'placeholder', 'Fill in the amount in NOK'],

    fact: 'Budsjettposten «Frikjøp sykepleiere» mangler beløp.',
  },
  {
    name: 'lines not adding up to the amount requested',
    edit: (b) => {
      b.budget[2]!.amount = 100_001;
    },
    rule: 'budget-incomplete',
    severity: 'error',
    cells: [budget(2), budget(3), budget(4)],
    nb: [
      `summerer til ${kr('800 001')}`,
      `søkt beløp er ${kr('800 000')}`,
      'Rett budsjettet eller søkt beløp',
    ],
    en: [`add up to ${kr('800 001')}`, `requested is ${kr('800 000')}`, 'Fix the budget or the amount'],
  },
  {
    name: 'no own contribution',
    edit: withApplication({ ownMunicipality: '', ownHospital: '' }),
    rule: 'own-contribution-missing',
    severity: 'warning',
    cells: [app('ownMunicipality')],
    nb: [
      'Søknader rad 2, «Egenandel kommune»',
      'ingen egenandel',
      'fyll inn «Egenandel kommune» og/eller «Egenandel helseforetak»',
    ],
    fact: 'Søknaden oppgir ingen egenandel fra partene.',
    en: ['Applications row 2, "Own contribution municipality"', 'no own contribution'],
  },
  {
    name: 'own contributions of zero',
    edit: withApplication({ ownMunicipality: 0, ownHospital: '0' }),
    rule: 'own-contribution-missing',
    severity: 'warning',
    cells: [app('ownMunicipality')],
    nb: ['ingen egenandel'],
    en: ['no own contribution'],
  },
  {
    name: 'permanent operating costs',
    edit: withApplication({ permanentCosts: 'Ja' }),
    rule: 'permanent-operating-cost',
    severity: 'warning',
    cells: [app('permanentCosts')],
    nb: [
      'Søknader rad 2, «Varige driftsutgifter»',
      'varige økte driftsutgifter',
      'Beskriv hvem som dekker dem',
    ],
    en: ['Applications row 2, "Permanent operating costs"', 'Describe who covers them'],
  },
  {
    name: 'no priority area',
    edit: withApplication({ priorityAreas: ' ; ' }),
    rule: 'priority-area-missing',
    severity: 'error',
    cells: [app('priorityAreas')],
    nb: ['Søknader rad 2, «Prioriterte områder»', 'Velg minst ett, f.eks. «Barn og unge»'],
    en: ['Applications row 2, "Priority areas"', 'Choose at least one'],
  },
  {
    name: 'no benefit plan',
    edit: withApplication({ benefitPlan: '  ' }),
    rule: 'benefit-plan-missing',
    severity: 'error',
    cells: [app('benefitPlan')],
    nb: [
      'Søknader rad 2, «Gevinstrealisering»',
      'beskriver ikke gevinstrealisering',
      'Beskriv hvilke gevinster',
    ],
    en: ['Applications row 2, "Benefit realisation"', 'Describe the benefits'],
  },
  {
    name: 'an application month that does not exist',
    edit: withApplication({ to: '2025-13' }),
    rule: 'period-invalid',
    severity: 'error',
    cells: [app('to')],
    nb: ['Søknader rad 2, «Til»', '«2025-13»', 'Skriv måneder som 2025-08 i «Fra» og «Til»'],
    en: ['Applications row 2, "To"', '"2025-13"', 'Write months such as 2025-08'],
  },
  {
    name: 'an application period ending before it starts',
    edit: withApplication({ from: '2026-07', to: '2025-08' }),
    rule: 'period-invalid',
    severity: 'error',
    cells: [app('from')],
    nb: ['Søknader rad 2, «Fra»', 'august 2025', 'juli 2026'],
    en: ['Applications row 2, "From"', 'August 2025', 'July 2026'],
  },
  {
    name: 'an application without period',
    edit: withApplication({ from: '', to: '' }),
    rule: 'period-invalid',
    severity: 'error',
    cells: [app('from')],
    nb: ['mangler periode'],
    en: ['period missing'],
  },
  {
    name: 'an allocation month that does not parse',
    edit: withAllocation({ to: 'snart' }),
    rule: 'period-invalid',
    severity: 'error',
    cells: [alloc('to')],
    nb: ['Tildelinger rad 2, «Til»', '«snart»'],
    en: ['Allocations row 2, "To"', '"snart"'],
  },
  {
    name: 'an allocation with neither period nor valid date',
    edit: withAllocation({ from: '', to: '', date: '31.02.2025' }),
    rule: 'date-invalid',
    severity: 'error',
    cells: [alloc('date')],
    nb: ['Tildelinger rad 2, «Dato»', 'Uten periode telles tildelingen i vedtaksåret', '«31.02.2025»'],
    en: ['Allocations row 2, "Date"', 'counts in its decision year'],
  },
  {
    name: 'an allocation date written as no Norwegian writes it',
    edit: withAllocation({ date: '13th of June' }),
    rule: 'date-invalid',
    severity: 'error',
    cells: [alloc('date')],
    nb: [
      'Tildelinger rad 2, «Dato»',
      '«13th of June» er ikke en dato',
      'publiseres ikke før den er rettet',
      'godtatt: 09.05.2025, 9.5.25, 09/05/2025, 9. mai 2025 eller 2025-05-09',
    ],
    en: ['Allocations row 2, "Date"', '"13th of June" is not a date', 'accepted: 09.05.2025'],
  },
  {
    name: 'an allocation without a decision date',
    edit: withAllocation({ date: '' }),
    rule: 'date-invalid',
    severity: 'error',
    cells: [alloc('date')],
    nb: ['Tildelinger rad 2, «Dato»', 'mangler dato'],
    en: ['date missing'],
  },
  {
    name: 'an unreadable received date (a warning: it only tells the round)',
    edit: withApplication({ received: 'forrige uke' }),
    rule: 'date-invalid',
    severity: 'warning',
    cells: [app('received')],
    nb: ['Søknader rad 2, «Mottatt»', '«forrige uke»', 'kan ikke søknadsrunden kontrolleres'],
    en: ['Applications row 2, "Received"', 'application round cannot be checked'],
  },
  {
    name: 'an amount requested that is no amount',
    edit: withApplication({ requested: 'abc' }),
    rule: 'amount-invalid',
    severity: 'error',
    cells: [app('requested')],
    nb: ['Søknader rad 2, «Søkt beløp»', '«abc»', 'Skriv et beløp i kroner'],
    en: ['Applications row 2, "Amount requested"', 'Write an amount in NOK'],
  },
  {
    name: 'a negative own contribution',
    edit: withApplication({ ownHospital: '-100 000' }),
    rule: 'amount-invalid',
    severity: 'error',
    cells: [app('ownHospital')],
    nb: ['Søknader rad 2, «Egenandel helseforetak»', 'ikke et positivt beløp'],
    en: ['Applications row 2, "Own contribution hospital"', 'not a positive amount'],
  },
  {
    name: 'an allocation of zero',
    edit: withAllocation({ amount: 0 }),
    rule: 'amount-invalid',
    severity: 'error',
    cells: [alloc('amount')],
    nb: ['Tildelinger rad 2, «Beløp»', 'ikke et positivt beløp'],
    en: ['Allocations row 2, "Amount"'],
  },
  {
    name: 'received in March',
    edit: withApplication({ received: day('2025-03-10') }),
    rule: 'outside-round',
    severity: 'warning',
    cells: [app('received')],
    nb: ['Søknader rad 2, «Mottatt»', 'mottatt i mars', '(mai og desember)', 'Behandle i neste runde'],
    en: ['Applications row 2, "Received"', 'received in Mar', '(May and Dec)'],
  },
  {
    name: 'received in March, with rounds from the settings',
    edit: (b) => {
      withApplication({ received: '10.03.2025' })(b);
      b.settings = [{ key: 'Søknadsrunder', value: 'april; oktober' }];
    },
    rule: 'outside-round',
    severity: 'warning',
    cells: [app('received')],
    nb: ['(april og oktober)'],
    en: ['(Apr and Oct)'],
  },
  {
    name: 'a case id used twice',
    edit: (b) => {
      b.applications.push(application({ title: 'Samme saksnummer' }));
    },
    rule: 'case-id-invalid',
    severity: 'error',
    cells: [app('caseId', 3)],
    nb: ['Søknader rad 3, «Saksnr»', 'også brukt i rad 2', 'Gi hver søknad sitt eget saksnummer'],
    en: ['Applications row 3, "Case ID"', 'also used in row 2'],
  },
  {
    name: 'an unknown recommendation',
    edit: withApplication({ recommendation: 'Kanskje' }),
    rule: 'recommendation-invalid',
    severity: 'error',
    cells: [app('recommendation')],
    nb: [
      '«Innstilling»',
      '«Kanskje» er ingen innstilling',
      'Velg Innvilges, Delvis, Forprosjekt eller Avslås',
    ],
    en: ['"Recommendation"', 'is not a recommendation'],
  },
  {
    name: 'a pre-project without a recommended amount',
    edit: withApplication({ recommendation: 'Forprosjekt' }),
    rule: 'recommendation-invalid',
    severity: 'error',
    cells: [app('recommendedAmount')],
    nb: ['«Innstilt beløp»', 'Fyll det inn'],
    en: ['needs a "Recommended amount"'],
  },
  {
    name: 'a partial grant of the whole amount asked',
    edit: withApplication({ recommendation: 'Delvis', recommendedAmount: 800_000 }),
    rule: 'recommendation-invalid',
    severity: 'error',
    cells: [app('recommendedAmount')],
    nb: ['ikke lavere enn søkt beløp', 'Velg Innvilges'],
    en: ['not below the amount requested'],
  },
  {
    name: 'a pre-project of 0 kr',
    edit: withApplication({ recommendation: 'Forprosjekt', recommendedAmount: 0 }),
    rule: 'recommendation-invalid',
    severity: 'error',
    cells: [app('recommendedAmount')],
    nb: ['ikke et positivt beløp'],
    en: ['not a positive amount'],
  },
  {
    name: 'Innvilges with another amount than asked',
    edit: withApplication({ recommendation: 'Innvilges', recommendedAmount: '5 000 000' }),
    rule: 'recommendation-invalid',
    severity: 'error',
    cells: [app('recommendedAmount')],
    nb: ['«Innvilges» gir søkt beløp', 'Velg Delvis'],
    en: ['grants the amount requested'],
  },
  {
    name: 'a pre-project larger than the amount asked',
    edit: withApplication({ recommendation: 'Forprosjekt', recommendedAmount: 900_000 }),
    rule: 'recommendation-invalid',
    severity: 'error',
    cells: [app('recommendedAmount')],
    nb: ['er større enn søkt beløp'],
    en: ['larger than the amount requested'],
  },
  {
    name: 'a recommended amount that is no amount',
    edit: withApplication({ recommendation: 'Forprosjekt', recommendedAmount: 'ca. 500 000' }),
    rule: 'recommendation-invalid',
    severity: 'error',
    cells: [app('recommendedAmount')],
    nb: ['«ca. 500 000»', 'Skriv beløpet i kroner'],
    en: ['"Recommended amount"'],
  },
  {
    name: 'an application without case id',
    edit: withApplication({ caseId: '' }),
    rule: 'case-id-invalid',
    severity: 'error',
    ref: '',
    cells: [app('caseId')],
    nb: ['Søknader rad 2, «Saksnr»', 'mangler saksnummer', 'Gi den et saksnummer'],
    en: ['Applications row 2, "Case ID"', 'has no case ID'],
    alsoFires: ['budget-incomplete'],
  },
  {
    name: 'an allocation category that is no category',
    edit: withAllocation({ category: 'Forskning' }),
    rule: 'category-invalid',
    severity: 'error',
    cells: [alloc('category')],
    nb: [
      'Tildelinger rad 2, «Kategori»',
      '«Forskning» er ingen kategori',
      'Velg Innovasjon/prosjekt, Administrasjon eller',
    ],
    en: ['Allocations row 2, "Category"', '"Forskning" is not a category'],
  },
  {
    name: 'an allocation without category and nothing to inherit it from',
    edit: addAllocations({
      caseId: 'ADM-2025',
      category: '',
      amount: 100_000,
      from: '2025-05',
      to: '2025-10',
    }),
    rule: 'category-invalid',
    severity: 'error',
    ref: 'ADM-2025',
    cells: [alloc('category', 3)],
    nb: ['Tildelinger rad 3, «Kategori»', 'kategori mangler'],
    en: ['Allocations row 3, "Category"', 'category missing'],
  },
  {
    name: 'an allocation kind that is no kind',
    edit: withAllocation({ kind: 'Ekstra' }),
    rule: 'kind-invalid',
    severity: 'error',
    cells: [alloc('kind')],
    nb: ['Tildelinger rad 2, «Art»', '«Ekstra» er ingen art', 'Velg Ordinær eller Tilleggsbevilling'],
    en: ['Allocations row 2, "Kind"', '"Ekstra" is not a kind'],
  },
  {
    name: 'an allocation without kind',
    edit: withAllocation({ kind: '' }),
    rule: 'kind-invalid',
    severity: 'error',
    cells: [alloc('kind')],
    nb: ['Tildelinger rad 2, «Art»', 'art mangler'],
    en: ['Allocations row 2, "Kind"', 'kind missing'],
  },
  {
    name: 'supplements adding up to 100 001 over two rows',
    edit: addSupplements({ amount: '60 000' }, { amount: 40_001, date: day('2025-12-01') }),
    rule: 'supplement-over-limit',
    severity: 'error',
    cells: [alloc('amount', 3), alloc('amount', 4)],
    nb: [
      `til sammen ${kr('100 001')}`,
      `${kr('1')} over`,
      `fullmakt på ${kr('100 000')}`,
      'Mer må vedtas av SSU',
    ],
    en: [`total ${kr('100 001')}`, 'More must be decided by the board'],
  },
  {
    name: 'a supplement over a limit set in the settings',
    edit: (b) => {
      addSupplements({ amount: '60 000' })(b);
      b.settings = [{ key: 'Grense tilleggsbevilling', value: '50 000' }];
    },
    rule: 'supplement-over-limit',
    severity: 'error',
    cells: [alloc('amount', 3)],
    nb: [`fullmakt på ${kr('50 000')}`],
    en: [`authority of ${kr('50 000')}`],
  },
  {
    name: 'a supplement not reported to SSU',
    edit: addSupplements({ reportedSsu: '' }),
    rule: 'supplement-not-reported',
    severity: 'warning',
    cells: [alloc('reportedSsu', 3)],
    nb: ['Tildelinger rad 3, «Rapportert orienteringsorgan»', 'ikke rapportert til SSU', 'fyll inn datoen'],
    en: ['Allocations row 3, "Reported to board"', 'fill in the date'],
  },
  {
    name: 'a supplement «reported» as Nei',
    edit: addSupplements({ reportedSsu: 'Nei' }),
    rule: 'supplement-not-reported',
    severity: 'warning',
    cells: [alloc('reportedSsu', 3)],
    nb: ['ikke rapportert til SSU.'],
    en: ['not reported to the board.'],
  },
  {
    name: 'a supplement whose «reported» is no date',
    edit: addSupplements({ reportedSsu: 'snart' }),
    rule: 'supplement-not-reported',
    severity: 'warning',
    cells: [alloc('reportedSsu', 3)],
    nb: ['ikke rapportert til SSU («snart» er ingen dato)'],
    en: ['("snart" is no date)'],
  },
  {
    name: 'a supplement to a case without ordinary grant',
    edit: addSupplements({ caseId: '2025-05-099' }),
    rule: 'supplement-without-grant',
    severity: 'error',
    ref: '2025-05-099',
    cells: [alloc('caseId', 3)],
    nb: ['Tildelinger rad 3, «Saksnr»', 'uten ordinær tildeling', 'legg saken fram for SSU'],
    en: ['Allocations row 3, "Case ID"', 'without an ordinary grant', 'take it to the board'],
  },
  {
    name: 'a supplement as the only allocation of the application',
    edit: (b) => {
      b.allocations = [supplement()];
    },
    rule: 'supplement-without-grant',
    severity: 'error',
    cells: [alloc('caseId', 2)],
    nb: ['uten ordinær tildeling'],
    en: ['without an ordinary grant'],
  },
  {
    name: 'the frame exceeded in 2025 only, counting the share of an allocation spanning two years',
    // 2025: 333 333 (valid book) + 8 500 000 + 5/12 of 1 200 000 = 9 333 333; 2026 stays far below.
    edit: addAllocations(
      { caseId: 'X-1', amount: 8_500_000, from: '2025-01', to: '2025-12' },
      { caseId: 'X-2', amount: 1_200_000, from: '2025-08', to: '2026-07' },
    ),
    rule: 'frame-exceeded',
    severity: 'error',
    ref: '2025',
    cells: [],
    nb: [
      `tildelt ${kr('9 333 333')}`,
      `${kr('173 333')} over rammen på ${kr('9 160 000')}`,
      'Reduser tildelingene',
    ],
    en: [`allocated ${kr('9 333 333')}`, 'over the frame', 'Reduce the allocations'],
    alsoFires: ['key-exceeded'],
  },
  {
    name: 'a frame set for the year in the settings',
    edit: (b) => {
      b.settings = [{ key: 'Ramme 2026', value: '400 000' }];
    },
    rule: 'frame-exceeded',
    severity: 'error',
    ref: '2026',
    cells: [],
    nb: [`tildelt ${kr('466 667')}`, `over rammen på ${kr('400 000')}`],
    en: [`over the frame of ${kr('400 000')}`],
    alsoFires: ['key-exceeded'],
  },
  {
    name: 'administration over its 5 % key',
    edit: addAllocations({
      caseId: 'ADM-2025',
      category: 'Administrasjon',
      amount: 458_001,
      from: '2025-01',
      to: '2025-12',
    }),
    rule: 'key-exceeded',
    severity: 'warning',
    ref: '2025',
    cells: [],
    nb: [
      `Administrasjon har fått ${kr('458 001')}`,
      'over nøkkelen på 5 %',
      kr('458 000'),
      'begrunn avviket',
    ],
    en: [`Administration has ${kr('458 001')}`, 'over its key of 5 %', 'explain the deviation'],
  },
  {
    name: 'an answer to a question the form mapping does not know',
    edit: withApplication({ otherAnswers: 'Hvor hørte du om ordningen?: Nettsiden' }),
    rule: 'form-answer-unmapped',
    severity: 'warning',
    cells: [app('otherAnswers')],
    nb: ['«Andre svar»', '«Hvor hørte du om ordningen?»', 'Flytt svarene'],
    en: ['"Other answers"', '"Hvor hørte du om ordningen?"', 'Move the answers'],
  },
  {
    name: 'two renamed questions, named by their titles',
    edit: withApplication({ otherAnswers: 'Behov (nytt navn): Mye\nKontaktperson: En rolle' }),
    rule: 'form-answer-unmapped',
    severity: 'warning',
    cells: [app('otherAnswers')],
    nb: ['«Behov (nytt navn)», «Kontaktperson»'],
    en: ['"Behov (nytt navn)", "Kontaktperson"'],
  },
  {
    name: 'a need answer cut to fit the 50 000-character cell',
    edit: withApplication({ need: CUT_NEED }),
    rule: 'form-answer-truncated',
    severity: 'warning',
    cells: [app('need')],
    nb: ['«Behov»', 'er avkortet', 'Hele svaret står i arket med skjemasvarene'],
    en: ['"Need"', 'was cut', 'The whole answer is in the form responses sheet'],
  },
];

describe('the valid book', () => {
  it('yields no findings', () => {
    expect(check(validBook()).findings).toEqual([]);
  });

  it('runs exactly the rules of the contract', () => {
    // assessor-disqualified reads the Vurderinger sheet; its cases are in tests/core/assessment.test.ts.
    // assessment-unmarked needs the Sheets adapter's key; its cases are in tests/gas/security.test.ts.
    // The action plan's rules read Handlingsplan; their cases are in tests/core/plan.test.ts.
    // The follow-up rules judge fixed days; their cases are in tests/core/follow-up/rules.test.ts.
    const plan = ruleIds('plan');
    expect(RULES.map((r) => r.id).sort()).toEqual(
      [
        ...RULE_IDS,
        'assessor-disqualified',
        'assessment-unmarked',
        'intake-stuck',
        ...plan,
        ...ECONOMY_RULE_IDS,
        ...FOLLOW_UP_RULE_IDS,
      ].sort(),
    );
  });
});

describe('a finding written as problem and action', () => {
  it('composes the message from both and the fact from the problem alone', () => {
    const text = says({
      problem: { nb: 'Søknaden oppgir ingen egenandel', en: 'The application states no own contribution' },
      action: { nb: 'Fyll inn «Egenandel kommune».', en: 'Fill in "Own contribution municipality".' },
    });
    expect(text).toEqual({
      nb: 'Søknaden oppgir ingen egenandel. Fyll inn «Egenandel kommune».',
      en: 'The application states no own contribution. Fill in "Own contribution municipality".',
      fact: { nb: 'Søknaden oppgir ingen egenandel.', en: 'The application states no own contribution.' },
    });
  });

  it.each(['parties-missing', 'agreement-missing', 'contract-missing', 'own-contribution-missing'])(
    '%s states in its message the fact the memo prints',
    (rule) => {
      const c = POSITIVE.find((p) => p.rule === rule)!;
      const book = validBook();
      c.edit(book);
      const f = check(book).findings.find((x) => x.rule === rule)!;
      for (const lang of ['nb', 'en'] as const) expect(f.message[lang]).toContain(f.fact[lang]);
    },
  );
});

describe('rule families', () => {
  it('puts every rule in a family, and every family has rules', () => {
    for (const family of Object.keys(RULE_FAMILIES) as Array<keyof typeof RULE_FAMILIES>)
      expect([family, ruleIds(family).length > 0]).toEqual([family, true]);
    expect(RULES.flatMap((r) => (r.family in RULE_FAMILIES ? [] : [r.id]))).toEqual([]);
  });

  it('keeps the follow-up of money and projects out of the memo, and what would name an assessor', () => {
    const followUp = [...ruleIds('money'), ...ruleIds('follow-up')];
    expect(followUp).toHaveLength(15);
    expect(followUp.map(memoOf)).toEqual(followUp.map(() => 'none'));
    expect(memoOf('assessor-disqualified')).toBe('none');
    // Not listed under the case, but an error still holds it back.
    expect([...FOLLOW_UP_OF_GRANT, ...ruleIds('supplement')].map(memoOf)).toEqual([
      'hidden',
      'hidden',
      'hidden',
      'hidden',
      'hidden',
    ]);
    expect(
      RULE_IDS.filter((id) => !FOLLOW_UP_OF_GRANT.includes(id) && !id.startsWith('supplement-')).map(memoOf),
    ).toEqual(
      RULE_IDS.filter((id) => !FOLLOW_UP_OF_GRANT.includes(id) && !id.startsWith('supplement-')).map(
        () => 'listed',
      ),
    );
  });
});

describe.each(RULE_IDS)('%s', (rule) => {
  const cases = POSITIVE.filter((c) => c.rule === rule);

  it('has positive cases', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases.map((c) => [c.name, c] as const))('fires on %s', (_, c) => {
    expectFires(check(book(c.edit)), rule, c);
  });
});

interface Negative {
  rule: string;
  name: string;
  edit: (b: Book) => void;
}

const NEGATIVE: Negative[] = [
  ...[
    '09/05/2025',
    '9. mai 2025',
    '09.05.25',
    '2. mai 2025',
    '9 mai 2025',
    '9.\u00a0mai 2025',
    '9. sep. 2025',
    '9-5-2025',
  ].map((date) => ({
    rule: 'date-invalid',
    name: `the allocation date ${JSON.stringify(date)}`,
    edit: withAllocation({ date }),
  })),
  { rule: 'date-invalid', name: 'a blank received date', edit: withApplication({ received: '' }) },
  {
    rule: 'date-invalid',
    name: 'a received date «12. mai 2025»',
    edit: withApplication({ received: '12. mai 2025' }),
  },
  {
    rule: 'recommendation-invalid',
    name: '«Avslått» (an alias of Avslås)',
    edit: withApplication({ recommendation: 'Avslått' }),
  },
  {
    rule: 'recommendation-invalid',
    name: 'a partial grant below the amount asked',
    edit: withApplication({ recommendation: 'Delvis', recommendedAmount: '400 000' }),
  },
  {
    rule: 'recommendation-invalid',
    name: 'Innvilges without an amount',
    edit: withApplication({ recommendation: 'Innvilges' }),
  },
  {
    rule: 'parties-missing',
    name: 'one municipality and SSHF as «x»',
    edit: withApplication({ municipalities: 'Lindesnes', hospital: 'x' }),
  },
  { rule: 'agreement-missing', name: 'agreement as «yes»', edit: withApplication({ agreement: 'yes' }) },
  { rule: 'agreement-missing', name: 'agreement as a checkbox', edit: withApplication({ agreement: true }) },
  {
    rule: 'agreement-parties-unnamed',
    name: 'municipalities named one by one («Arendal kommune», «Kristiansand»)',
    edit: withApplication({ municipalities: 'Arendal kommune; Kristiansand' }),
  },
  {
    rule: 'agreement-parties-unnamed',
    name: 'a group while the parties are registered in Avtaleparter',
    edit: (b) => {
      withApplication({ municipalities: 'Alle 25 kommuner i Agder' })(b);
      b.agreementParties = [{ caseId: CASE_ID, party: 'Arendal kommune', archiveRef: '', signed: '' }];
    },
  },
  {
    rule: 'agreement-parties-unnamed',
    name: 'a group on an application still under assessment',
    edit: (b) => {
      withApplication({ municipalities: 'Alle 25 kommuner i Agder', status: 'Under vurdering' })(b);
      b.allocations = [];
    },
  },
  {
    rule: 'contract-missing',
    name: 'no contract while still under assessment',
    edit: (b) => {
      withApplication({ contract: '', status: 'Under vurdering' })(b);
      b.allocations = [];
    },
  },
  {
    rule: 'budget-incomplete',
    name: 'lines with øre adding up exactly',
    edit: (b) => {
      b.budget = [
        { caseId: CASE_ID, item: 'Lønn', amount: '500 000,50' },
        { caseId: CASE_ID, item: 'Reise', amount: '199 999,50' },
        { caseId: CASE_ID, item: 'Samlinger', amount: 'kr. 100.000' },
      ];
    },
  },
  {
    rule: 'budget-incomplete',
    name: 'lines of another case not counted',
    edit: (b) => {
      b.budget.push(...budgetLines('2025-05-011'));
    },
  },
  {
    rule: 'own-contribution-missing',
    name: 'only SSHF contributes',
    edit: withApplication({ ownMunicipality: '', ownHospital: '1' }),
  },
  {
    rule: 'permanent-operating-cost',
    name: 'permanent costs left blank',
    edit: withApplication({ permanentCosts: '' }),
  },
  {
    rule: 'priority-area-missing',
    name: 'one area per line',
    edit: withApplication({ priorityAreas: 'Rehabilitering\nBarn og unge' }),
  },
  {
    rule: 'benefit-plan-missing',
    name: 'a short benefit plan',
    edit: withApplication({ benefitPlan: 'Kortere ventetid.' }),
  },
  {
    rule: 'period-invalid',
    name: 'months as dates and names',
    edit: withApplication({ from: day('2025-08-01'), to: 'juli 2026' }),
  },
  {
    rule: 'period-invalid',
    name: 'an allocation without period but with a decision date',
    edit: withAllocation({ from: '', to: '' }),
  },
  {
    rule: 'amount-invalid',
    name: 'an own contribution of zero beside a positive one',
    edit: withApplication({ ownMunicipality: '0' }),
  },
  {
    rule: 'amount-invalid',
    name: 'an allocation amount with øre',
    edit: withAllocation({ amount: '800 000,00' }),
  },
  { rule: 'outside-round', name: 'received in December', edit: withApplication({ received: '01.12.2025' }) },
  {
    rule: 'outside-round',
    name: 'received in March when March is a round in the settings',
    edit: (b) => {
      withApplication({ received: day('2025-03-10') })(b);
      b.settings = [{ key: 'Søknadsrunder', value: 'mars; september' }];
    },
  },
  {
    rule: 'case-id-invalid',
    name: 'two applications with their own ids',
    edit: (b) => {
      b.applications.push(application({ caseId: '2025-05-011' }));
      b.budget.push(...budgetLines('2025-05-011'));
    },
  },
  { rule: 'category-invalid', name: 'a supplement without category', edit: addSupplements({ category: '' }) },
  {
    rule: 'category-invalid',
    name: 'an English category',
    edit: withAllocation({ category: 'Innovation/projects' }),
  },
  {
    rule: 'kind-invalid',
    name: 'kind aliases',
    edit: addSupplements({ kind: 'Tillegg' }, { kind: 'supplementary', amount: 1 }),
  },
  { rule: 'kind-invalid', name: 'English ordinary', edit: withAllocation({ kind: 'ordinary' }) },
  {
    rule: 'supplement-over-limit',
    name: 'supplements of exactly 100 000',
    edit: addSupplements({ amount: '60 000' }, { amount: 40_000 }),
  },
  {
    rule: 'supplement-not-reported',
    name: 'a reported supplement',
    edit: addSupplements({ reportedSsu: '20.11.2025' }),
  },
  {
    rule: 'supplement-not-reported',
    name: 'a supplement reported as «Ja»',
    edit: addSupplements({ reportedSsu: 'Ja' }),
  },
  { rule: 'supplement-without-grant', name: 'a supplement to a granted project', edit: addSupplements({}) },
  {
    rule: 'frame-exceeded',
    name: 'an allocation whose 2025 share keeps 2025 within the frame',
    // 2025: 333 333 + 8 500 000 + 2/12 of 1 200 000 = 9 033 333, although the amounts add up to 10.5 million.
    edit: addAllocations(
      { caseId: 'X-1', amount: 8_500_000, from: '2025-01', to: '2025-12' },
      { caseId: 'X-2', amount: 1_200_000, from: '2025-11', to: '2026-10' },
    ),
  },
  {
    rule: 'key-exceeded',
    name: 'administration exactly at its key',
    edit: addAllocations({
      caseId: 'ADM-2025',
      category: 'Administrasjon',
      amount: 458_000,
      from: '2025-01',
      to: '2025-12',
    }),
  },
  {
    rule: 'form-answer-unmapped',
    name: 'an empty Andre svar',
    edit: withApplication({ otherAnswers: '  ' }),
  },
  {
    rule: 'form-answer-unmapped',
    name: 'answers kept in a withdrawn application',
    edit: withApplication({ otherAnswers: 'Spørsmål: svar', status: 'Trukket' }),
  },
  {
    rule: 'form-answer-truncated',
    name: 'a long answer under the limit',
    edit: withApplication({ need: 'x'.repeat(49_000) }),
  },
  {
    rule: 'form-answer-truncated',
    name: 'a text that mentions the marker in the middle',
    edit: withApplication({ need: 'Vi skrev [Avkortet av Tilskudd: nei] midt i teksten og [slutt]' }),
  },
];

describe.each(RULE_IDS)('%s stays quiet', (rule) => {
  const cases = NEGATIVE.filter((c) => c.rule === rule);

  it('has negative cases', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases.map((c) => [c.name, c] as const))('on %s', (_, c) => {
    expect(findingsOf(check(book(c.edit)), rule)).toEqual([]);
  });
});

describe('the fact documents print', () => {
  const base = check(book(withApplication({ ownMunicipality: '', ownHospital: '' }))).findings[0]!;
  const withFact = (nb: string): Finding => ({ ...base, fact: { nb, en: 'The application is fine.' } });

  it('is accepted when it states what is so', () => {
    expect(factProblems(base)).toEqual([]);
    expect(factProblems(withFact('Budsjettposten «Samlinger» mangler beløp.'))).toEqual([]);
  });

  it.each([
    ['an instruction', 'Søknaden oppgir ingen egenandel. Fyll inn beløpet.'],
    ['an instruction after a colon', 'Delfinansiering: sett «Helseforetak» til Ja.'],
    ['a column name', 'Søknaden mangler «Egenandel kommune».'],
    ['a cell reference', 'Søknader rad 2 mangler beløp.'],
    ['its case id', `Sak ${CASE_ID} mangler beløp.`],
    ['no sentence', 'mangler beløp'],
    ['nothing', ''],
  ])('is refused when it holds %s', (_, nb) => {
    expect(factProblems(withFact(nb))).not.toEqual([]);
  });
});

describe('findings across rules', () => {
  it('skips every premise rule for rejected and withdrawn applications', () => {
    for (const status of ['Avslått', 'Trukket', 'rejected', 'Withdrawn']) {
      const result = check(
        book((b) => {
          b.applications = [{ caseId: CASE_ID, status, received: day('2025-03-01'), requested: 'mye' }];
          b.budget = [{ caseId: CASE_ID, item: 'Fase 2', amount: '[Beløp]' }];
          b.allocations = [];
        }),
      );
      expect(result.findings).toEqual([]);
    }
  });

  it('still checks a rejected application for its case id', () => {
    const result = check(
      book((b) => {
        b.applications.push(application({ status: 'Avslått' }));
      }),
    );
    expect(result.findings.map((f) => [f.rule, f.cells])).toEqual([['case-id-invalid', [app('caseId', 3)]]]);
  });

  it('reports one finding per placeholder line', () => {
    const result = check(
      book((b) => {
        b.budget[0]!.amount = '[Beløp]';
        b.budget[2]!.amount = 'xxx';
      }),
    );
    expect(findingsOf(result, 'budget-incomplete').map((f) => f.cells)).toEqual([[budget(2)], [budget(4)]]);
  });

  it('sorts errors before warnings, then by rule and reference', () => {
    const result = check(
      book((b) => {
        withApplication({ permanentCosts: 'Ja', agreement: 'Nei', benefitPlan: '' })(b);
        b.applications.push(application({ caseId: '2025-05-002', agreement: 'Nei' }));
        b.budget.push(...budgetLines('2025-05-002'));
      }),
    );
    expect(result.findings.map((f) => [f.severity, f.rule, f.ref])).toEqual([
      ['error', 'agreement-missing', '2025-05-002'],
      ['error', 'agreement-missing', CASE_ID],
      ['error', 'benefit-plan-missing', CASE_ID],
      ['warning', 'permanent-operating-cost', CASE_ID],
    ]);
  });
});

describe('messages that quote a cell', () => {
  it('quote at most QUOTE_LIMIT characters of it, in either language, and leave short quotes and the rest whole', () => {
    const long = 'x'.repeat(49_990);
    const nb = clipQuotes(
      `Søknader rad 2, «Søkt beløp»: «${long}» er ikke et beløp i kroner. Skriv beløpet.`,
    );
    expect(nb).toBe(
      `Søknader rad 2, «Søkt beløp»: «${'x'.repeat(QUOTE_LIMIT - 1)}…» er ikke et beløp i kroner. Skriv beløpet.`,
    );
    const en = clipQuotes(`"${long}" is not an amount in NOK`);
    expect(en).toBe(`"${'x'.repeat(QUOTE_LIMIT - 1)}…" is not an amount in NOK`);
    const short = `«${'y'.repeat(QUOTE_LIMIT)}» er ikke et beløp`;
    expect(clipQuotes(short)).toBe(short);
  });
});

describe('form answers the intake kept', () => {
  it('cuts after neutralising, to exactly the limit, and leaves a text at the limit whole', () => {
    const formula = fitCell(`=${'x'.repeat(CELL_LIMIT)}`);
    expect(String(formula.value).startsWith("'=")).toBe(true);
    expect(String(formula.value)).toHaveLength(CELL_LIMIT);
    expect(formula.cutFrom).toBe(CELL_LIMIT + 2);
    expect(String(formula.value)).toMatch(/svaret hadde 50\u00a0002 tegn/);
    const whole = fitCell('y'.repeat(CELL_LIMIT));
    expect(whole).toEqual({ value: 'y'.repeat(CELL_LIMIT), cutFrom: 0 });
    expect(fitCell(1_060_000)).toEqual({ value: 1_060_000, cutFrom: 0 });
    expect(isCut(formula.value)).toBe(true);
    expect(isCut(whole.value)).toBe(false);
  });
});

describe('intake-stuck', () => {
  it('fires once per stuck journal the adapter recorded, naming why and since when, and is quiet otherwise', () => {
    const since = new Date(Date.UTC(2025, 10, 3, 8));
    const stuck = [
      {
        journal: { nb: 'søknadsskjemaet', en: 'application form' },
        since,
        reason: { nb: 'Arket «Søknader» mangler «Svar-ID».', en: 'The "Søknader" sheet lacks "Svar-ID".' },
      },
    ];
    const found = checkWorkbook(workbookValues(validBook()), {
      today: TODAY,
      intakeStuck: stuck,
    }).findings.filter((f) => f.rule === 'intake-stuck');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message.nb).toMatch(
      /^Svar fra søknadsskjemaet er ikke registrert siden 2025-11-03: Arket «Søknader» mangler «Svar-ID»\./,
    );
    expect(check(validBook()).findings.some((f) => f.rule === 'intake-stuck')).toBe(false);
  });
});
