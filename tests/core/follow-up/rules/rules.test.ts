import { checkWorkbook } from '../../../../src/core/check/check';
import type { CellRef, Finding } from '../../../../src/core/engine/findings';
import {
  CASE_ID,
  book,
  day,
  payment,
  withAllocation,
  withApplication,
  workbookValues,
  type Book,
  type StatusReportRow,
} from '../../builders';
import { FOLLOW_UP_RULE_IDS } from './rule-ids';
import { report } from '../reports';
import { expectFact } from '../../facts';

/** The valid book with follow-up in use (a `Statusrapporter` sheet) and the given reports. */
const withReports =
  (...reports: StatusReportRow[]) =>
  (b: Book) => {
    b.statusReports = reports;
  };

const both =
  (...edits: Array<(b: Book) => void>) =>
  (b: Book) => {
    for (const e of edits) e(b);
  };

const extension = (due: string, to: string) => (b: Book) => {
  b.deadlines = [{ caseId: CASE_ID, due: day(due), type: 'Halvårsrapport', extendedTo: day(to) }];
};

const findings = (edit: (b: Book) => void, today: string, rule: string): Finding[] =>
  checkWorkbook(workbookValues(book(edit)), { today: day(today) }).findings.filter((f) => f.rule === rule);

const reportCell = (field: string, row = 2): CellRef => ({ sheet: 'statusReports', row, field });

interface Case {
  rule: string;
  name: string;
  edit: (b: Book) => void;
  today: string;
  /** For positive cases: the cells and substrings of the two messages. */
  cells?: CellRef[];
  nb?: string[];
  en?: string[];
}

/** Payments in Utbetalinger (follow-up of payments in use): 100 000 of the 800 000 allocated. */
const paid =
  (...amounts: number[]) =>
  (b: Book) => {
    b.payments = amounts.map((amount) => payment({ amount }));
  };
/** All three half-yearly/final reports green on economy, the last one in August 2026. */
const greenReports = withReports(
  report('2025-11-01', '2025-11-01'),
  report('2026-05-01', '2026-05-01'),
  report('2026-09-30', '2026-08-20', { type: 'Sluttrapport' }),
);

const POSITIVE: Case[] = [
  {
    rule: 'economy-light-differs',
    name: 'a green economy light while 13 % is paid after the whole period',
    edit: both(greenReports, paid(100_000)),
    today: '2026-09-01',
    cells: [reportCell('economy', 4)],
    nb: [
      'prosjektet rapporterer grønt lys for økonomi, men utbetalingene gir rødt: 13 % av tildelingen er utbetalt etter 100 % av perioden',
    ],
    en: ['reports a green economy light, but its payments give red'],
  },
  {
    rule: 'status-report-overdue',
    name: 'a day late',
    edit: withReports(),
    today: '2025-11-02',
    cells: [{ sheet: 'applications', row: 2, field: 'caseId' }],
    nb: ['halvårsrapporten med frist 1. november 2025 er ikke levert, 1 dag over fristen', 'Utsatt til'],
    en: ['the half-yearly report due 1 November 2025 is not delivered, 1 day late', 'Extended to'],
  },
  {
    rule: 'status-report-overdue',
    name: 'a day after the extension',
    edit: both(withReports(), extension('2025-11-01', '2025-12-01')),
    today: '2025-12-02',
    cells: [{ sheet: 'deadlines', row: 2, field: 'extendedTo' }],
    nb: ['frist 1. november 2025 (utsatt til 1. desember 2025) er ikke levert, 1 dag over'],
    en: ['due 1 November 2025 (extended to 1 December 2025)'],
  },
  {
    rule: 'status-report-overdue',
    name: 'a project starting between two due dates, late for its first',
    edit: both(withReports(), withAllocation({ from: '2025-06', to: '2026-03' })),
    today: '2025-11-02',
    nb: ['frist 1. november 2025'],
  },
  {
    rule: 'status-report-overdue',
    name: 'a report for another due date (the first is still owed)',
    edit: withReports(report('2026-05-01', '2026-04-28')),
    today: '2026-05-02',
    nb: ['frist 1. november 2025', '182 dager over fristen'],
  },
  {
    rule: 'final-report-overdue',
    name: 'a day after the final report was due',
    edit: withReports(report('2025-11-01', '2025-11-01'), report('2026-05-01', '2026-05-01')),
    today: '2026-10-01',
    nb: ['sluttrapporten med frist 30. september 2026 er ikke levert, 1 dag over fristen'],
    en: ['the final report due 30 September 2026 is not delivered'],
  },
  {
    rule: 'final-report-overdue',
    name: 'a project that ends before the next status date',
    edit: both(withReports(), withAllocation({ from: '2025-08', to: '2025-10' })),
    today: '2026-01-01',
    nb: ['sluttrapporten med frist 31. desember 2025'],
  },
  {
    rule: 'status-comment-missing',
    name: 'a yellow and a red light without a comment',
    edit: withReports(report('2025-11-01', '2025-10-30', { economy: 'Gul', risk: 'Rød' })),
    today: '2025-11-01',
    cells: [reportCell('comment')],
    nb: ['Statusrapporter rad 2, «Kommentar»', 'økonomi gul og risiko rød, men ingen kommentar', 'Skriv hva'],
    en: ['Status reports row 2, "Comment"', 'economy yellow and risk red but no comment'],
  },
  {
    rule: 'status-red',
    name: 'the latest report has a red light',
    edit: withReports(
      report('2025-11-01', '2025-10-30'),
      report('2026-05-01', '2026-04-29', { risk: 'Rød', comment: 'Nøkkelperson slutter.' }),
    ),
    today: '2026-05-02',
    cells: [reportCell('risk', 3)],
    nb: ['siste statusrapport (mottatt 29. april 2026) har rødt lys for risiko', 'porteføljestyret'],
    en: ['the latest status report (received 29 April 2026) has a red light for risk'],
  },
  {
    rule: 'status-report-invalid',
    name: 'an unknown type and light',
    edit: withReports(report('2025-11-01', '2025-10-30', { type: 'Kvartalsrapport', progress: 'Blå' })),
    today: '2025-10-31',
    cells: [reportCell('type'), reportCell('progress')],
    nb: ['Type «Kvartalsrapport» er verken Halvårsrapport eller Sluttrapport', 'Framdrift «Blå»'],
    en: ['Type "Kvartalsrapport" is neither', 'Progress "Blå" is not Green, Yellow or Red'],
  },
  {
    rule: 'status-report-invalid',
    name: 'a case that is not in Søknader',
    edit: withReports(report('2025-11-01', '2025-10-30', { caseId: '2099-01-001' })),
    today: '2025-10-31',
    nb: ['Saksnr «2099-01-001» finnes ikke i Søknader'],
  },
];

const NEGATIVE: Case[] = [
  {
    rule: 'economy-light-differs',
    name: 'a green light the payments agree with',
    edit: both(greenReports, paid(800_000)),
    today: '2026-09-01',
  },
  {
    rule: 'economy-light-differs',
    name: 'a yellow light while the payments give red (the project already says so)',
    edit: both(
      withReports(report('2026-05-01', '2026-08-20', { economy: 'Gul', comment: 'Lite brukt.' })),
      paid(100_000),
    ),
    today: '2026-09-01',
  },
  {
    rule: 'economy-light-differs',
    name: 'a workbook without Utbetalinger (no derived light to compare)',
    edit: greenReports,
    today: '2026-09-01',
  },
  { rule: 'status-report-overdue', name: 'on the due day', edit: withReports(), today: '2025-11-01' },
  {
    rule: 'status-report-overdue',
    name: 'a report delivered on the due day',
    edit: withReports(report('2025-11-01', '2025-11-01')),
    today: '2026-02-01',
  },
  {
    rule: 'status-report-overdue',
    name: 'a report delivered late (it is delivered now)',
    edit: withReports(report('2025-11-01', '2025-11-20')),
    today: '2026-02-01',
  },
  {
    rule: 'status-report-overdue',
    name: 'on the last day of an extension',
    edit: both(withReports(), extension('2025-11-01', '2025-12-01')),
    today: '2025-12-01',
  },
  {
    rule: 'status-report-overdue',
    name: 'an exemption',
    edit: both(withReports(), (b) => {
      b.deadlines = [{ caseId: CASE_ID, due: '01.11.2025', type: 'Halvårsrapport', exempt: 'Ja' }];
    }),
    today: '2026-02-01',
  },
  {
    rule: 'status-report-overdue',
    name: 'a project starting between two due dates, before its first',
    edit: both(withReports(), withAllocation({ from: '2025-06', to: '2026-03' })),
    today: '2025-11-01',
  },
  {
    rule: 'status-report-overdue',
    name: 'a project that ends before the next status date',
    edit: both(withReports(), withAllocation({ from: '2025-08', to: '2025-10' })),
    today: '2026-03-01',
  },
  {
    rule: 'status-report-overdue',
    name: 'a closed project (Avsluttet owes nothing more)',
    edit: both(withReports(), withApplication({ status: 'Avsluttet' })),
    today: '2027-01-01',
  },
  {
    rule: 'status-report-overdue',
    name: 'a rejected application',
    edit: both(withReports(), withApplication({ status: 'Avslått' }), (b) => (b.allocations = [])),
    today: '2027-01-01',
  },
  {
    rule: 'status-report-overdue',
    name: 'a workbook without Statusrapporter (follow-up not in use)',
    edit: () => {},
    today: '2027-01-01',
  },
  {
    rule: 'final-report-overdue',
    name: 'on the final due day',
    edit: withReports(report('2025-11-01', '2025-11-01'), report('2026-05-01', '2026-05-01')),
    today: '2026-09-30',
  },
  {
    rule: 'final-report-overdue',
    name: 'a final report delivered (whatever its Frist)',
    edit: withReports(
      report('2025-11-01', '2025-11-01'),
      report('2026-05-01', '2026-05-01'),
      report('2026-08-01', '2026-10-15', { type: 'Sluttrapport' }),
    ),
    today: '2026-12-01',
  },
  {
    rule: 'status-comment-missing',
    name: 'a yellow light with a comment',
    edit: withReports(
      report('2025-11-01', '2025-10-30', { economy: 'Gul', comment: 'Forsinket ansettelse.' }),
    ),
    today: '2025-11-01',
  },
  {
    rule: 'status-comment-missing',
    name: 'all green without a comment',
    edit: withReports(report('2025-11-01', '2025-10-30')),
    today: '2025-11-01',
  },
  {
    rule: 'status-red',
    name: 'an earlier red report followed by a green one',
    edit: withReports(
      report('2025-11-01', '2025-10-30', { progress: 'Rød', comment: 'Forsinket.' }),
      report('2026-05-01', '2026-04-29'),
    ),
    today: '2026-05-02',
  },
  {
    rule: 'status-red',
    name: 'a red report of a closed project',
    edit: both(
      withReports(report('2025-11-01', '2025-10-30', { progress: 'Rød', comment: 'Forsinket.' })),
      withApplication({ status: 'Avsluttet' }),
    ),
    today: '2025-11-01',
  },
  {
    rule: 'status-report-invalid',
    name: 'English names for type and lights',
    edit: withReports(
      report('2025-11-01', '2025-10-30', {
        type: 'Half-yearly',
        progress: 'green',
        economy: 'Amber',
        risk: 'RED',
        comment: 'x',
      }),
    ),
    today: '2025-10-31',
  },
];

describe.each(FOLLOW_UP_RULE_IDS)('%s', (rule) => {
  const cases = POSITIVE.filter((c) => c.rule === rule);
  it('has positive cases', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.name, c] as const))('fires on %s', (_, c) => {
    const [f, ...more] = findings(c.edit, c.today, rule);
    expect(more).toEqual([]);
    expect(f).toBeDefined();
    expect(f!.severity).toBe(rule === 'economy-light-differs' ? 'info' : 'warning');
    if (c.name !== 'a case that is not in Søknader') expect(f!.ref).toBe(CASE_ID);
    if (c.cells) expect(f!.cells).toEqual(c.cells);
    for (const text of c.nb ?? []) expect(f!.message.nb).toContain(text);
    for (const text of c.en ?? []) expect(f!.message.en).toContain(text);
    expect(f!.message.nb).toMatch(/^Sak .*\.$/);
    expect(f!.message.en).toMatch(/^Case .*\.$/);
    expect(f!.message.en).not.toMatch(/[«»]|\b(?:Sak|rad|Søknader|ikke)\b/);
    // The fact a document prints: the problem alone, no cell, no instruction.
    expectFact(f!);
    expect(f!.fact.nb).not.toMatch(/Statusrapporter|Frister/);
  });
});

describe.each(FOLLOW_UP_RULE_IDS)('%s stays quiet', (rule) => {
  const cases = NEGATIVE.filter((c) => c.rule === rule);
  it('has negative cases', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.name, c] as const))('on %s', (_, c) => {
    expect(findings(c.edit, c.today, rule)).toEqual([]);
  });
});
