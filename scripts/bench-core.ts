// Core benchmark: generated portfolios of 100, 1 000 and 10 000 applications with twice as many
// allocation rows, checked from raw sheet values (as a sheet or an .xlsx hands them over).
import { checkWorkbook } from '../src/core/check/check';
import { ALLOCATIONS, APPLICATIONS, BUDGET } from '../src/core/workbook/contract';
import { parseMoney } from '../src/core/parse/money';
import { sheetRows } from '../src/example/agder';
import { buildMemo } from '../src/core/documents/memo';
import { toMarkdown } from '../src/core/documents/text';

const AMOUNTS = [
  '1 060 000',
  'kr 1.060.000,-',
  '500 kr',
  '9,16 mill.',
  'NOK 625000',
  '1\u00a0500\u00a0000',
  939829,
];
const CATEGORIES = ['Innovasjon/prosjekt', 'Administrasjon', 'Samdrift/tiltak'];

export function portfolio(n: number): Record<string, unknown[][]> {
  const apps = [];
  const budget = [];
  const allocations = [];
  for (let i = 0; i < n; i++) {
    const caseId = `2025-${i % 2 ? '05' : '12'}-${String(i + 1).padStart(5, '0')}`;
    const requested = 100_000 + (i % 50) * 10_000;
    apps.push({
      caseId,
      received: i % 7 ? '2025-05-02' : '2025-06-01',
      title: `Prosjekt ${i}`,
      applicant: 'Kommune',
      email: 'postmottak@example.no',
      category: CATEGORIES[i % 3],
      type: 'Ny søknad',
      municipalities: 'Arendal; Grimstad',
      hospital: i % 11 ? 'Ja' : 'Nei',
      region: 'Østre Agder',
      priorityAreas: 'Barn og unge',
      need: 'Behov',
      knowledgeBase: 'Kunnskap',
      benefitPlan: i % 13 ? 'Gevinster' : '',
      from: '2025-08',
      to: '2026-07',
      requested: requested.toLocaleString('nb-NO'),
      ownMunicipality: i % 5 ? '50 000' : '',
      ownHospital: '',
      permanentCosts: 'Nei',
      agreement: 'Ja',
      contract: i % 3 ? 'Ja' : 'Nei',
      status: 'Innvilget',
    });
    budget.push(
      { caseId, item: 'Lønn', amount: requested - 10_000 },
      { caseId, item: 'Drift', amount: '10 000' },
    );
    allocations.push(
      {
        caseId,
        decision: 'SSU',
        date: '09.05.2025',
        kind: 'Ordinær',
        category: CATEGORIES[i % 3],
        amount: requested,
        from: '202508',
        to: '202607',
      },
      {
        caseId,
        decision: 'Sekretariatet',
        date: '2025-10-15',
        kind: 'Tilleggsbevilling',
        category: '',
        amount: AMOUNTS[i % AMOUNTS.length] === 939829 ? 40_000 : '40 000',
        from: '',
        to: '',
        reportedSsu: i % 4 ? '01.11.2025' : '',
      },
    );
  }
  return {
    [APPLICATIONS.name]: sheetRows(APPLICATIONS, apps),
    [BUDGET.name]: sheetRows(BUDGET, budget),
    [ALLOCATIONS.name]: sheetRows(ALLOCATIONS, allocations),
  };
}

/**
 * Best and median of repeated runs after a warm-up. Each run starts from a collected heap (when node runs
 * with --expose-gc, as `npm run bench` does), as every CLI run and Apps Script execution starts fresh:
 * otherwise a run pays for the garbage of the runs before it.
 */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function time(fn: () => void, runs: number): { best: number; median: number } {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { best: samples[0]!, median: samples[Math.floor(samples.length / 2)]! };
}

export function benchCore() {
  return [100, 1_000, 10_000].map((n) => {
    const values = portfolio(n);
    let findings = 0;
    const { best, median } = time(
      () => (findings = checkWorkbook(values, { today: new Date(Date.UTC(2026, 11, 1)) }).findings.length),
      15,
    );
    const rows = n * 5; // applications + budget lines + allocations
    return { applications: n, allocations: 2 * n, best, median, usPerRow: (best * 1000) / rows, findings };
  });
}

export function benchMoney(): number {
  const inputs = Array.from({ length: 1_000_000 }, (_, i) => AMOUNTS[i % AMOUNTS.length]);
  const { median } = time(() => {
    for (const x of inputs) parseMoney(x);
  }, 5);
  return Math.round((inputs.length / median) * 1000);
}

/** The decision memo for 500 applications, built and rendered as Markdown (target < 1 000 ms). */
export function benchMemo(): number {
  const result = checkWorkbook(portfolio(500), { today: new Date(Date.UTC(2026, 11, 1)) });
  return time(() => toMarkdown(buildMemo(result, { meetingDate: '2025-05-09' })), 5).median;
}
