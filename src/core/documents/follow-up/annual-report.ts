import type { CheckResult } from '../../check/check';
import { h, p, table, ul, type Block, type DocModel } from '../model';
import { leftOutText } from '../publication';
import { asOf, type AsOf } from '../as-of';
import { unsignedPaymentBlocks, unsignedPayments } from './unsigned-payments';
import { CATEGORY_IDS, CATEGORY_LABELS } from '../../workbook/categories';
import { formatMoney } from '../../parse/money';
import { formatDay, formatPeriod, monthIndex } from '../../parse/period';
import type { Lang, Reason } from '../../base/result';
import { LIGHT_LABEL } from '../../follow-up/status/lights';
import type { StatusReport } from '../../follow-up/status/reports';
import { projectStatuses, type ProjectStatus } from '../../follow-up/status/project-status';
import { buildEconomy, isUnused, signedPayment, type Economy } from '../../money-flow/economy';
import { partiesText } from '../memo';
import type { Application } from '../../portfolio/records';

export interface AnnualReportOptions {
  year: number;
  /** The day the report is written and its reports counted by (default 31 December of the year). */
  date?: Date;
  lang?: Lang;
}

const T = {
  nb: {
    title: (y: number) => `Årlig melding ${y}`,
    from: 'Fra',
    fromText: (trust: string, community: string) =>
      `${trust}, som forvalter tilskuddet, utarbeidet av sekretariatet for ${community}`,
    to: 'Til',
    period: 'Periode',
    periodText: (y: number) => `Budsjettåret ${y} (01.01.${y}–31.12.${y})`,
    date: 'Dato',
    asOf: 'Status per',
    intro: (community: string, rhf: string, y: number, d: string) =>
      `Melding fra ${community} til ${rhf} om rekrutterings- og samhandlingstilskuddet for budsjettåret ${y}, med status per ${d}: ramme, tildelinger og utbetalinger, og per tiltak prioriterte områder, framdrift, effekter, læringspunkter og potensial for spredning, slik prosjektene har rapportert dem (datoen for rapporten står ved hvert svar).`,
    gaps: 'Opplysninger som mangler',
    gapsIntro: 'Disse opplysningene var ikke rapportert per datoen for meldingen:',
    frame: 'Ramme og fordelingsnøkkel',
    frameHeader: (y: number, d: string) => ['Kategori', 'Nøkkel', 'Nøkkelbeløp', `Tildelt ${y} per ${d}`],
    frameRow: 'Rammen',
    money: 'Økonomi',
    moneyHeader: (d: string) => ['Hva', `Beløp per ${d}`],
    rows: {
      frame: (y: number) => `Ramme ${y}`,
      allocated: (y: number, d: string) => `Tildelt for ${y} per ${d}`,
      paid: (y: number) => `Utbetalt i ${y} (etter betalingsdato)`,
      paidAgainst: (y: number) => `Utbetalt mot tildelingen for ${y}`,
      overpaid: (y: number) => `Utbetalt mer enn tildelt for ${y}`,
      unused: (y: number) => `Tildelt for ${y}, ubrukt (prosjektet og fristen er ute)`,
      withdrawn: (y: number, d: string) => `Inndratt for ${y} per ${d}`,
      carried: (y: number) => `Tildelt for ${y}, ikke utbetalt (overføres)`,
      free: (y: number) => `Ikke tildelt av rammen for ${y}`,
    },
    admin: (amount: string, share: string, key: string, keyAmount: string) =>
      `Administrasjon: ${amount} (${share} av rammen) mot nøkkelens ${key} (${keyAmount}).`,
    adminOver: (over: string) => ` Det er ${over} over nøkkelen.`,
    reconcile: (y: number) =>
      `Utbetalt i ${y} etter betalingsdato skiller seg fra utbetalt mot tildelingen for ${y}: en utbetaling fyller prosjektets tildelinger fra det tidligste året og kan derfor høre til et annet års tildeling. Tildelt for ${y} er utbetalt mot tildelingen, pluss ubrukt og overført, minus det som er utbetalt mer enn tildelt.`,
    adminBasis: (decisions: string) => ` Grunnlag: ${decisions}.`,
    own: 'Egenandeler',
    ownHeader: ['Sak', 'Kommune', 'Helseforetak', 'Sum'],
    ownTotal: 'Sum',
    noOwn: 'Ingen av årets prosjekter oppgir egenandeler.',
    projects: 'Tiltakene',
    noProjects: 'Ingen prosjekter med tilskudd i året.',
    labels: {
      purpose: 'Formål',
      areas: 'Prioriterte områder',
      parties: 'Parter',
      period: 'Periode',
      status: 'Status',
      light: 'Siste statuslys',
      allocatedYear: (y: number, d: string) => `Tildelt ${y} per ${d}`,
      allocatedTotal: (d: string) => `Tildelt i alt per ${d}`,
      paid: (d: string) => `Utbetalt i alt per ${d}`,
      spent: 'Brukt (siste rapport)',
      progress: 'Framdrift',
      effects: 'Effekter mot indikatorene',
      goals: 'Måloppnåelse',
      learning: 'Læringspunkter',
      spread: 'Potensial for spredning',
    },
    state: {
      closed: 'Avsluttet',
      notStarted: 'Ikke startet',
      ongoing: 'Pågår',
      ended: 'Perioden er ute, ikke avsluttet',
      finalIn: 'Sluttrapport mottatt, ikke avsluttet',
    },
    fromReport: (d: string) => `(rapport ${d})`,
    notReported: (d: string) => `Ikke rapportert per ${d}.`,
    none: '–',
    closed: 'Avsluttede prosjekter og sluttrapporter',
    closedHeader: ['Sak', 'Mottaker i drift', 'Gevinsteier', 'Klar for drift'],
    noClosed: 'Ingen av årets prosjekter er avsluttet eller har levert sluttrapport.',
    yes: 'Ja',
    no: 'Nei',
    missing: {
      noReport: 'ingen statusrapport mottatt',
      progress: 'framdrift',
      benefits: 'effekter mot indikatorene',
      learning: 'læringspunkter',
      spread: 'potensial for spredning',
      spent: 'forbruk',
      final: 'sluttrapport',
      own: 'egenandel',
    },
  },
  en: {
    title: (y: number) => `Annual report ${y}`,
    from: 'From',
    fromText: (trust: string, community: string) =>
      `${trust}, which holds the grant, prepared by the secretariat of ${community}`,
    to: 'To',
    period: 'Period',
    periodText: (y: number) => `Budget year ${y} (${y}-01-01–${y}-12-31)`,
    date: 'Date',
    asOf: 'Status on',
    intro: (community: string, rhf: string, y: number, d: string) =>
      `Report from ${community} to ${rhf} on the recruitment and collaboration grant for the budget year ${y}, status on ${d}: frame, allocations and payments, and per measure its priority areas, progress, effects, learning points and potential for spread as the projects reported them (each answer gives the date of its report).`,
    gaps: 'Information missing',
    gapsIntro: 'This information had not been reported by the date of the report:',
    frame: 'Frame and split key',
    frameHeader: (y: number, d: string) => ['Category', 'Key', 'Key amount', `Allocated ${y} by ${d}`],
    frameRow: 'Frame',
    money: 'Economy',
    moneyHeader: (d: string) => ['What', `Amount by ${d}`],
    rows: {
      frame: (y: number) => `Frame ${y}`,
      allocated: (y: number, d: string) => `Allocated for ${y} by ${d}`,
      paid: (y: number) => `Paid in ${y} (by payment date)`,
      paidAgainst: (y: number) => `Paid against the allocation for ${y}`,
      overpaid: (y: number) => `Paid beyond the allocation for ${y}`,
      unused: (y: number) => `Allocated for ${y}, unused (project and deadline over)`,
      withdrawn: (y: number, d: string) => `Withdrawn for ${y} by ${d}`,
      carried: (y: number) => `Allocated for ${y}, not paid (carried forward)`,
      free: (y: number) => `Frame for ${y} not allocated`,
    },
    admin: (amount: string, share: string, key: string, keyAmount: string) =>
      `Administration: ${amount} (${share} of the frame) against the key's ${key} (${keyAmount}).`,
    adminOver: (over: string) => ` That is ${over} over the key.`,
    reconcile: (y: number) =>
      `Paid in ${y} by payment date differs from paid against the allocation for ${y}: a payment fills the project's allocations from the earliest year, so it may belong to another year's allocation. Allocated for ${y} is paid against the allocation, plus unused and carried forward, less what was paid beyond the allocation.`,
    adminBasis: (decisions: string) => ` Basis: ${decisions}.`,
    own: 'Own contributions',
    ownHeader: ['Case', 'Municipality', 'Hospital trust', 'Total'],
    ownTotal: 'Total',
    noOwn: "None of the year's projects states own contributions.",
    projects: 'The measures',
    noProjects: 'No granted projects in the year.',
    labels: {
      purpose: 'Purpose',
      areas: 'Priority areas',
      parties: 'Parties',
      period: 'Period',
      status: 'Status',
      light: 'Latest status light',
      allocatedYear: (y: number, d: string) => `Allocated ${y} by ${d}`,
      allocatedTotal: (d: string) => `Allocated in total by ${d}`,
      paid: (d: string) => `Paid in total by ${d}`,
      spent: 'Spent (latest report)',
      progress: 'Progress',
      effects: 'Effects against indicators',
      goals: 'Goal achievement',
      learning: 'Learning points',
      spread: 'Potential for spread',
    },
    state: {
      closed: 'Closed',
      notStarted: 'Not started',
      ongoing: 'Ongoing',
      ended: 'Period over, not closed',
      finalIn: 'Final report received, not closed',
    },
    fromReport: (d: string) => `(report ${d})`,
    notReported: (d: string) => `Not reported by ${d}.`,
    none: '–',
    closed: 'Closed projects and final reports',
    closedHeader: ['Case', 'Receiving unit', 'Benefit owner', 'Ready for operations'],
    noClosed: "None of the year's projects is closed or has delivered its final report.",
    yes: 'Yes',
    no: 'No',
    missing: {
      noReport: 'no status report received',
      progress: 'progress',
      benefits: 'effects against indicators',
      learning: 'learning points',
      spread: 'potential for spread',
      spent: 'spending',
      final: 'final report',
      own: 'own contribution',
    },
  },
};

const kr = (n: number) => `${formatMoney(Math.round(n), false)} kr`;
const pct = (x: number, lang: Lang) =>
  `${String(Math.round(x * 1000) / 10).replace('.', lang === 'nb' ? ',' : '.')}\u00a0%`;
const day = (d: Date) => formatDay(d, 'nb');

type AnswerKey = 'benefits' | 'learning' | 'spread' | 'goals' | 'comment';

/** The latest non-empty answer to a field over the project's reports, with the report it comes from. */
function latest(reports: StatusReport[], key: AnswerKey): { text: string; report: StatusReport } | null {
  for (let i = reports.length - 1; i >= 0; i--) {
    const r = reports[i]!;
    if (r[key] !== '') return { text: r[key], report: r };
  }
  return null;
}

/** What the annual report is made of for one year: the projects with money in it and their reports. */
interface Basis {
  year: number;
  end: Date;
  statuses: ProjectStatus[];
  reportsOf: (caseId: string) => StatusReport[];
  inYear: Map<string, number>;
  total: Map<string, number>;
  /** The portfolio and its ledger as of `end`: what was decided or paid after it is not there yet. */
  then: AsOf;
  economy: Economy;
}

function basisOf(result: CheckResult, options: AnnualReportOptions): Basis {
  const { year } = options;
  const end = options.date ?? new Date(Date.UTC(year, 11, 31));
  // Allocations, supplements, withdrawals, extensions and payments dated after the day are left out
  // of every table alike: the report states the portfolio as it stood that day.
  const then = asOf(result, end, [year]);
  const { portfolio, ledger } = then;
  const inYear = new Map<string, number>();
  const total = new Map<string, number>();
  for (const e of ledger.entries) {
    const a = e.allocation;
    if (!a.amount.ok || a.caseId === '') continue;
    total.set(a.caseId, (total.get(a.caseId) ?? 0) + (a.kind === 'withdrawal' ? -1 : 1) * a.amount.value);
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
  const economy = buildEconomy(portfolio, end, ledger);
  return { year, end, statuses, reportsOf, inYear, total, then, economy };
}

/** One project's gaps in the annual report's basis: what its reports do not say by the day. */
export interface AnnualGap {
  caseId: string;
  title: string;
  missing: Reason[];
}

const periodOver = (s: ProjectStatus, end: Date) =>
  monthIndex(end.getUTCFullYear(), end.getUTCMonth() + 1) > s.period.to;

/**
 * What is missing for the annual report of a year, per project, so the secretariat can ask for it
 * before the report is written: no report at all, an answer never given (progress, effects, learning,
 * spread, spending), a final report for a project whose period is over, own contributions.
 */
export function annualReportGaps(result: CheckResult, options: AnnualReportOptions): AnnualGap[] {
  const basis = basisOf(result, options);
  const out: AnnualGap[] = [];
  for (const s of basis.statuses) {
    const reports = basis.reportsOf(s.caseId);
    const missing: Reason[] = [];
    const word = (k: keyof (typeof T)['nb']['missing']) => ({ nb: T.nb.missing[k], en: T.en.missing[k] });
    if (reports.length === 0) missing.push(word('noReport'));
    else {
      if (!latest(reports, 'comment')) missing.push(word('progress'));
      if (!latest(reports, 'benefits')) missing.push(word('benefits'));
      if (!latest(reports, 'learning')) missing.push(word('learning'));
      if (!latest(reports, 'spread')) missing.push(word('spread'));
      if (!reports.some((r) => r.spent?.ok)) missing.push(word('spent'));
    }
    if (periodOver(s, basis.end) && !reports.some((r) => r.type === 'final')) missing.push(word('final'));
    const a = s.application;
    if (!a.ownMunicipality?.ok && !a.ownHospital?.ok) missing.push(word('own'));
    if (missing.length > 0) out.push({ caseId: s.caseId, title: a.title, missing });
  }
  return out;
}

/** The gaps as lines, «2025-05-001 Tittel: læringspunkter, sluttrapport», for the CLI and the menu. */
export function gapLines(gaps: AnnualGap[], lang: Lang): string[] {
  return gaps.map((g) => `${g.caseId} ${g.title}: ${g.missing.map((m) => m[lang]).join(', ')}`);
}

/**
 * *Årlig melding* to the regional health authority for a budget year, as of a day (31 December by
 * default; 1 November for the autumn status): sender, recipient, period and date; what is missing; the
 * frame and key; the money (frame, allocated, paid, unused, withdrawn, carried forward, administration
 * against its key); own contributions; per project its priority areas, status, progress, effects,
 * learning and spread, each with the date of the report it comes from; closed projects.
 */
export function buildAnnualReport(result: CheckResult, options: AnnualReportOptions): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const basis = basisOf(result, options);
  const { year, end, statuses } = basis;
  const settings = result.portfolio.settings;
  const summary = basis.then.ledger.years.get(year);
  const blocks: Block[] = [
    table(
      [
        [t.from, t.fromText(settings.hospitalTrust, settings.community)],
        [t.to, settings.regionalHealthAuthority],
        [t.period, t.periodText(year)],
        [t.date, day(end)],
      ],
      { keyValue: true },
    ),
    p(t.intro(settings.community, settings.regionalHealthAuthority, year, day(end))),
  ];
  const gaps = annualReportGaps(result, options);
  if (gaps.length > 0) blocks.push(h(2, t.gaps), p(t.gapsIntro), ul(gapLines(gaps, lang).map((l) => [l])));
  blocks.push(h(2, t.frame));
  if (summary) {
    blocks.push(
      table(
        [
          t.frameHeader(year, day(end)),
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
  blocks.push(
    ...moneyBlocks(basis, lang),
    ...unsignedPaymentBlocks(unsignedPayments(result, end, lang, new Date(Date.UTC(year, 0, 1))), lang),
    ...ownBlocks(basis, lang),
  );
  blocks.push(h(2, t.projects));
  if (statuses.length === 0) blocks.push(p(t.noProjects));
  for (const s of statuses) blocks.push(...projectBlocks(result, s, basis, lang));
  blocks.push(h(2, t.closed), ...closedBlocks(basis, lang));
  return {
    title: t.title(year),
    blocks,
    footer: {
      text: `${t.title(year)} · ${settings.community}`,
      pages: lang === 'nb' ? { page: 'Side', of: 'av' } : { page: 'Page', of: 'of' },
    },
  };
}

/** Frame, allocated, paid by payment date, unused, withdrawn, carried forward; administration against its key. */
function moneyBlocks(basis: Basis, lang: Lang): Block[] {
  const t = T[lang];
  const { year, end } = basis;
  const { ledger, portfolio, leftOut } = basis.then;
  const summary = ledger.years.get(year);
  if (!summary) return [];
  let paid = 0;
  for (const pay of portfolio.payments) {
    const amount = signedPayment(pay);
    if (amount === null || !pay.date.ok) continue;
    if (pay.date.value.getUTCFullYear() === year) paid += amount;
  }
  let withdrawn = 0;
  for (const e of ledger.entries)
    if (e.allocation.kind === 'withdrawal') withdrawn -= e.byYear?.get(year) ?? 0;
  const { economy } = basis;
  let unused = 0;
  let carried = 0;
  let paidAgainst = 0;
  let overpaid = 0;
  // The year's part of each project's money not paid: unused once the project's deadline is out,
  // carried forward while the project may still draw on it. What was paid against the year's allocation
  // makes the table add up (a payment fills the earliest year first, `paidByYear`).
  for (const e of economy.projects.values()) {
    const y = e.byYear.find((x) => x.year === year);
    if (!y) continue;
    paidAgainst += y.paid;
    if (y.remaining < 0) overpaid -= y.remaining;
    if (y.remaining <= 0) continue;
    if (isUnused(e, end)) unused += y.remaining;
    else carried += y.remaining;
  }
  const r = t.rows;
  const left = leftOutText(leftOut, lang);
  const admin = summary.categories.administration;
  const adminShare = summary.frame > 0 ? admin.amount / summary.frame : 0;
  const decisions = [
    ...new Set(
      ledger.entries
        .filter((e) => e.category === 'administration' && e.byYear?.has(year) && e.allocation.decision !== '')
        .map((e) => e.allocation.decision),
    ),
  ];
  const adminText =
    t.admin(kr(admin.amount), pct(adminShare, lang), pct(admin.key, lang), kr(admin.keyAmount)) +
    (admin.amount > admin.keyAmount ? t.adminOver(kr(admin.amount - admin.keyAmount)) : '') +
    (decisions.length > 0 ? t.adminBasis(decisions.join('; ')) : '');
  return [
    h(2, t.money),
    table(
      [
        t.moneyHeader(day(end)),
        [r.frame(year), kr(summary.frame)],
        [r.allocated(year, day(end)), kr(summary.allocated)],
        [r.paid(year), kr(paid)],
        [r.paidAgainst(year), kr(paidAgainst)],
        ...(overpaid > 0 ? [[r.overpaid(year), kr(overpaid)]] : []),
        [r.unused(year), kr(unused)],
        [r.withdrawn(year, day(end)), kr(withdrawn)],
        [r.carried(year), kr(carried)],
        [r.free(year), kr(summary.remaining)],
      ],
      { header: true },
    ),
    ...(paid === paidAgainst ? [] : [p(t.reconcile(year))]),
    p(adminText),
    // A grant whose amount or period cannot be read is in no year's figures: the reader is told.
    ...(left === '' ? [] : [p(left)]),
  ];
}

function ownBlocks(basis: Basis, lang: Lang): Block[] {
  const t = T[lang];
  const v = (x: Application['ownMunicipality']) => (x?.ok ? x.value : 0);
  const rows = basis.statuses
    .map((s) => s.application)
    .filter((a) => v(a.ownMunicipality) + v(a.ownHospital) > 0);
  if (rows.length === 0) return [h(2, t.own), p(t.noOwn)];
  const sum = (f: (a: Application) => number) => rows.reduce((s, a) => s + f(a), 0);
  return [
    h(2, t.own),
    table(
      [
        t.ownHeader,
        ...rows.map((a) => [
          a.caseId,
          kr(v(a.ownMunicipality)),
          kr(v(a.ownHospital)),
          kr(v(a.ownMunicipality) + v(a.ownHospital)),
        ]),
        [
          t.ownTotal,
          kr(sum((a) => v(a.ownMunicipality))),
          kr(sum((a) => v(a.ownHospital))),
          kr(sum((a) => v(a.ownMunicipality) + v(a.ownHospital))),
        ],
      ],
      { header: true },
    ),
  ];
}

function stateOf(s: ProjectStatus, end: Date, finalIn: boolean, lang: Lang): string {
  const st = T[lang].state;
  if (s.closed) return st.closed;
  if (finalIn) return st.finalIn;
  const month = monthIndex(end.getUTCFullYear(), end.getUTCMonth() + 1);
  if (month < s.period.from) return st.notStarted;
  return month > s.period.to ? st.ended : st.ongoing;
}

function projectBlocks(result: CheckResult, s: ProjectStatus, basis: Basis, lang: Lang): Block[] {
  const t = T[lang];
  const l = t.labels;
  const a = s.application;
  const reports = basis.reportsOf(s.caseId);
  const dated = (key: AnswerKey) => {
    const x = latest(reports, key);
    return x && x.report.received.ok
      ? `${x.text} ${t.fromReport(day(x.report.received.value))}`
      : t.notReported(day(basis.end));
  };
  const last = s.lastReport;
  const spent =
    last?.spent?.ok && last.received.ok
      ? `${kr(last.spent.value)} ${t.fromReport(day(last.received.value))}`
      : t.notReported(day(basis.end));
  const final = [...reports].reverse().find((r) => r.type === 'final');
  const paid = basis.economy.projects.get(s.caseId)?.paid;
  const light = s.lights.overall ? LIGHT_LABEL[s.lights.overall][lang] : t.none;
  const rows: string[][] = [
    [l.purpose, a.need || a.benefitPlan],
    [l.areas, a.priorityAreas.join('; ') || t.none],
    [l.parties, partiesText(a, result.portfolio.settings)],
    [l.period, formatPeriod(s.period, lang)],
    [l.status, stateOf(s, basis.end, final !== undefined, lang)],
    [l.light, light],
    [l.allocatedYear(basis.year, day(basis.end)), kr(basis.inYear.get(s.caseId) ?? 0)],
    [l.allocatedTotal(day(basis.end)), kr(basis.total.get(s.caseId) ?? 0)],
    [l.paid(day(basis.end)), paid === undefined ? kr(0) : kr(paid)],
    [l.spent, spent],
    [l.progress, dated('comment')],
    [l.effects, dated('benefits')],
    ...(final ? [[l.goals, dated('goals')]] : []),
    [l.learning, dated('learning')],
    [l.spread, dated('spread')],
  ];
  return [h(3, `${a.title} (${s.caseId})`), table(rows, { keyValue: true })];
}

function closedBlocks(basis: Basis, lang: Lang): Block[] {
  const t = T[lang];
  const notReported = t.notReported(day(basis.end));
  const rows = basis.statuses
    .map((s) => ({ s, final: [...basis.reportsOf(s.caseId)].reverse().find((r) => r.type === 'final') }))
    .filter(({ s, final }) => s.closed || final !== undefined)
    .map(({ s, final }) => {
      const ready = final?.readyForOperations;
      return [
        s.caseId,
        final?.receiver || notReported,
        final?.benefitOwner || notReported,
        ready === true ? t.yes : ready === false ? t.no : notReported,
      ];
    });
  return rows.length === 0 ? [p(t.noClosed)] : [table([t.closedHeader, ...rows], { header: true })];
}
