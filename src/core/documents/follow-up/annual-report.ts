import type { CheckResult } from '../../check/check';
import { h, p, table, type Block, type DocModel } from '../model';
import { CATEGORY_IDS, CATEGORY_LABELS } from '../../workbook/categories';
import { formatMoney } from '../../parse/money';
import { formatPeriod } from '../../parse/period';
import type { Lang } from '../../base/result';
import { LIGHT_LABEL } from '../../follow-up/status/lights';
import type { StatusReport } from '../../follow-up/status/reports';
import { projectStatuses, type ProjectStatus } from '../../follow-up/status/project-status';

const T = {
  nb: {
    title: (y: number) => `Årlig melding ${y}`,
    intro: (community: string, y: number) =>
      `Rapport fra ${community} til Helse Sør-Øst om rekrutterings- og samhandlingstilskuddet for budsjettåret ${y}: ramme og fordeling, og per tiltak formål, parter, status, effekter, læringspunkter og potensial for spredning, fra prosjektenes rapporter.`,
    frame: 'Ramme og fordelingsnøkkel',
    frameHeader: (y: number) => ['Kategori', 'Nøkkel', 'Nøkkelbeløp', `Tildelt ${y}`],
    frameRow: 'Rammen',
    projects: 'Tiltakene',
    noProjects: 'Ingen prosjekter med tilskudd i året.',
    labels: {
      purpose: 'Formål',
      parties: 'Parter',
      period: 'Periode',
      status: 'Status',
      light: 'Siste statuslys',
      allocatedYear: (y: number) => `Tildelt ${y}`,
      allocatedTotal: 'Tildelt i alt',
      spent: 'Brukt (siste rapport)',
      effects: 'Effekter mot indikatorene',
      goals: 'Måloppnåelse',
      learning: 'Læringspunkter',
      spread: 'Potensial for spredning',
    },
    hospital: 'Sørlandet sykehus HF',
    notReported: '(ikke rapportert)',
    closed: 'Avsluttede prosjekter og sluttrapporter',
    closedHeader: ['Prosjekt', 'Mottaker i drift', 'Gevinsteier', 'Klar for drift'],
    noClosed: 'Ingen av årets prosjekter er avsluttet eller har levert sluttrapport.',
    unused: 'Ubrukte midler og inndragninger',
    unusedText: (left: string, frame: string, y: number) =>
      `Av rammen på ${frame} for ${y} er ${left} ikke tildelt. Midler et prosjekt ikke bruker, føres tilbake til rammen ved formell inndragning.`,
    yes: 'Ja',
    no: 'Nei',
  },
  en: {
    title: (y: number) => `Annual report ${y}`,
    intro: (community: string, y: number) =>
      `Report from ${community} to the regional health authority on the recruitment and collaboration grant for the budget year ${y}: frame and allocation, and per measure its purpose, parties, status, effects, learning points and potential for spread, from the projects' reports.`,
    frame: 'Frame and split key',
    frameHeader: (y: number) => ['Category', 'Key', 'Key amount', `Allocated ${y}`],
    frameRow: 'Frame',
    projects: 'The measures',
    noProjects: 'No granted projects in the year.',
    labels: {
      purpose: 'Purpose',
      parties: 'Parties',
      period: 'Period',
      status: 'Status',
      light: 'Latest status light',
      allocatedYear: (y: number) => `Allocated ${y}`,
      allocatedTotal: 'Allocated in total',
      spent: 'Spent (latest report)',
      effects: 'Effects against indicators',
      goals: 'Goal achievement',
      learning: 'Learning points',
      spread: 'Potential for spread',
    },
    hospital: 'Sørlandet sykehus HF',
    notReported: '(not reported)',
    closed: 'Closed projects and final reports',
    closedHeader: ['Project', 'Receiving unit', 'Benefit owner', 'Ready for operations'],
    noClosed: "None of the year's projects is closed or has delivered its final report.",
    unused: 'Unused money and withdrawals',
    unusedText: (left: string, frame: string, y: number) =>
      `Of the frame of ${frame} for ${y}, ${left} is not allocated. Money a project does not use returns to the frame by a formal withdrawal.`,
    yes: 'Yes',
    no: 'No',
  },
};

const kr = (n: number) => `${formatMoney(Math.round(n), false)} kr`;

/** The latest non-empty answer to a field over the project's reports up to the day. */
function latestText(reports: StatusReport[], key: 'benefits' | 'learning' | 'spread' | 'goals'): string {
  for (let i = reports.length - 1; i >= 0; i--) if (reports[i]![key] !== '') return reports[i]![key];
  return '';
}

/**
 * *Årlig melding* for a budget year, from the reports received by `date` (default 31 December; the
 * report to the regional health authority is written in the new year, so the CLI gives the day of writing): frame and key with what was allocated per
 * category; per project that has money in the year its purpose, parties, status, effects, learning and
 * spread (the latest answers in its reports), money allocated and used; closed projects with their
 * receiving unit and benefit owner; what is left of the frame.
 */
export function buildAnnualReport(
  result: CheckResult,
  options: { year: number; date?: Date; lang?: Lang },
): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const { year } = options;
  const { portfolio, ledger } = result;
  const end = options.date ?? new Date(Date.UTC(year, 11, 31));
  const inYear = new Map<string, number>();
  const total = new Map<string, number>();
  for (const e of ledger.entries) {
    const a = e.allocation;
    if (!a.amount.ok) continue;
    total.set(a.caseId, (total.get(a.caseId) ?? 0) + a.amount.value);
    const part = e.byYear?.get(year);
    if (part !== undefined) inYear.set(a.caseId, (inYear.get(a.caseId) ?? 0) + part);
  }
  const statuses = projectStatuses(portfolio, end).filter((s) => inYear.has(s.caseId));
  const reportsOf = (caseId: string) =>
    (portfolio.statusReports ?? [])
      .filter((r) => r.caseId === caseId && r.received.ok && r.received.value <= end)
      .sort((x, y) =>
        x.received.ok && y.received.ok ? x.received.value.getTime() - y.received.value.getTime() : 0,
      );
  const summary = ledger.years.get(year);
  const blocks: Block[] = [p(t.intro(portfolio.settings.community, year)), h(2, t.frame)];
  if (summary) {
    blocks.push(
      table(
        [
          t.frameHeader(year),
          ...CATEGORY_IDS.map((id) => {
            const c = summary.categories[id];
            return [CATEGORY_LABELS[id][lang], `${Math.round(c.key * 100)} %`, kr(c.keyAmount), kr(c.amount)];
          }),
          [t.frameRow, '100 %', kr(summary.frame), kr(summary.allocated)],
        ],
        { header: true },
      ),
    );
  }
  blocks.push(h(2, t.projects));
  if (statuses.length === 0) blocks.push(p(t.noProjects));
  for (const s of statuses) blocks.push(...projectBlocks(s, reportsOf(s.caseId), inYear, total, year, lang));
  blocks.push(h(2, t.closed), ...closedBlocks(statuses, reportsOf, lang));
  if (summary) {
    blocks.push(h(2, t.unused), p(t.unusedText(kr(summary.remaining), kr(summary.frame), year)));
  }
  return { title: t.title(year), blocks };
}

function projectBlocks(
  s: ProjectStatus,
  reports: StatusReport[],
  inYear: Map<string, number>,
  total: Map<string, number>,
  year: number,
  lang: Lang,
): Block[] {
  const t = T[lang];
  const l = t.labels;
  const a = s.application;
  const orNot = (text: string) => text || t.notReported;
  const parties = [...a.municipalities, ...(a.hospital ? [t.hospital] : [])].join(', ');
  const last = s.lastReport;
  const spent = last?.spent?.ok ? kr(last.spent.value) : t.notReported;
  const final = [...reports].reverse().find((r) => r.type === 'final');
  const rows: string[][] = [
    [l.purpose, a.need || a.benefitPlan],
    [l.parties, parties],
    [l.period, formatPeriod(s.period, lang)],
    [l.status, a.status],
    [l.light, s.lights.overall ? LIGHT_LABEL[s.lights.overall][lang] : t.notReported],
    [l.allocatedYear(year), kr(inYear.get(s.caseId) ?? 0)],
    [l.allocatedTotal, kr(total.get(s.caseId) ?? 0)],
    [l.spent, spent],
    [l.effects, orNot(latestText(reports, 'benefits'))],
    ...(final ? [[l.goals, orNot(final.goals)]] : []),
    [l.learning, orNot(latestText(reports, 'learning'))],
    [l.spread, orNot(latestText(reports, 'spread'))],
  ];
  return [h(3, `${a.title} (${s.caseId})`), table(rows, { keyValue: true })];
}

function closedBlocks(
  statuses: ProjectStatus[],
  reportsOf: (caseId: string) => StatusReport[],
  lang: Lang,
): Block[] {
  const t = T[lang];
  const rows = statuses
    .map((s) => ({ s, final: [...reportsOf(s.caseId)].reverse().find((r) => r.type === 'final') }))
    .filter(({ s, final }) => s.closed || final !== undefined)
    .map(({ s, final }) => {
      const ready = final?.readyForOperations;
      return [
        `${s.caseId} ${s.application.title}`,
        final?.receiver || t.notReported,
        final?.benefitOwner || t.notReported,
        ready === true ? t.yes : ready === false ? t.no : t.notReported,
      ];
    });
  return rows.length === 0 ? [p(t.noClosed)] : [table([t.closedHeader, ...rows], { header: true })];
}
