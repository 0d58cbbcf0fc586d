import type { CheckResult } from '../../check/check';
import { supplementBlocks } from '../memo';
import { b, h, ol, p, table, ul, type Block, type DocModel, type Inline } from '../model';
import { boardCaseHeader } from '../board-case';
import { formatMoney } from '../../parse/money';
import { formatDay, formatLongDay } from '../../parse/period';
import type { Lang } from '../../base/result';
import { countOf, sentenceStart } from '../../base/text';
import { LIGHT_FILL } from '../../workbook/presentation';
import { decidingBody } from '../../workbook/bodies';
import { LIGHT_LABEL, type Light } from '../../follow-up/status/lights';
import { lightsNotGreen } from '../../follow-up/status/reports';
import { projectStatuses, type ProjectStatus } from '../../follow-up/status/project-status';
import { buildEconomy, type ProjectEconomy } from '../../money-flow/economy';
import { leftOutText } from '../publication';
import { asOf } from '../as-of';
import { unsignedPaymentBlocks, unsignedPayments } from './unsigned-payments';

/** The board case around the status report: its meeting and case number, as the memo's header has them. */
export interface BoardStatusOptions {
  /** The day the status is for. */
  date: Date;
  /** ISO date of the meeting (default: the status day). */
  meetingDate?: string;
  /** The board's case number, `22-2026`. */
  caseNumber?: string;
  lang?: Lang;
}

const T = {
  nb: {
    title: (body: string, d: string) => `Statusrapport til ${body} per ${d}`,
    docTitle: 'Statusrapport',
    caseWord: 'Sak',
    pages: { page: 'Side', of: 'av' },
    subjectText: (d: string) => `Status for prosjektene med tilskudd per ${d}`,
    proposal: 'Forslag til vedtak',
    facts: 'Saksopplysninger',
    takeNote: (body: string, d: string) =>
      `${body} tar statusrapporten for prosjektene per ${d} til orientering.`,
    followUp: (body: string) =>
      `${body} ber sekretariatet følge opp prosjektene med rødt lys, forfalte rapporter og utbetalinger uten skriftlig avtale, og legge fram status i neste møte.`,
    askedFor: 'Beslutningene prosjektene ber om, behandles i møtet.',
    intro: (community: string, n: number, d: string) =>
      `${community}: status per ${d} for ${countOf(n, 'prosjekt', 'prosjekter')} med tilskudd som ikke er avsluttet, fra prosjektenes halvårsrapporter. Lysene er grønn (i rute), gul (problemer eller risiko) og rød (alvorlig); samlet lys er det verste av de tre.`,
    counts: (g: number, y: number, r: number, none: number) =>
      `Samlet lys: ${countOf(g, 'grønt', 'grønne')}, ${countOf(y, 'gult', 'gule')}, ${countOf(r, 'rødt', 'røde')}; ${none === 0 ? 'alle har rapportert' : `${countOf(none, 'prosjekt', 'prosjekter')} uten rapport ennå`}.`,
    closedCount: (n: number) =>
      `${countOf(n, 'prosjekt', 'prosjekter')} er avsluttet og vises som avsluttet.`,
    portfolio: 'Porteføljen',
    portfolioHeader: [
      'Sak',
      'Prosjekt',
      'Framdrift',
      'Økonomi',
      'Risiko',
      'Samlet',
      'Siste rapport',
      'Neste frist',
    ],
    closed: 'Avsluttet',
    economy: 'Økonomi per prosjekt',
    economyHeader: [
      'Sak',
      'Tildelt',
      'Utbetalt',
      'Utbetalt av tildelt',
      'Tid gått av perioden',
      'Lys fra utbetalingene',
      'Økonomilys rapportert',
      'Forbruk rapportert',
    ],
    economyNote:
      'Tildelt er ordinære tildelinger og tilleggsbevillinger med fradrag for inndragninger, vedtatt per dato; utbetalt er utbetalinger med fradrag for tilbakebetalinger per dato. Lyset fra utbetalingene sammenligner andelen utbetalt med andelen av perioden som er gått, og er et forslag ved siden av lyset og forbruket prosjektet selv rapporterte sist.',
    issues: 'Gule og røde forhold',
    noIssues: 'Ingen prosjekter har gult eller rødt lys.',
    aspect: { progress: 'Framdrift', economy: 'Økonomi', risk: 'Risiko' },
    comment: 'Kommentar',
    actions: 'Avvik og tiltak',
    noComment: '(ingen kommentar)',
    overdue: 'Forfalte og manglende rapporter',
    noOverdue: 'Ingen rapporter er på etterskudd.',
    halfYear: 'halvårsrapport',
    final: 'sluttrapport',
    overdueLine: (kind: string, due: string, ext: string, days: number) =>
      `${kind} med frist ${due}${ext}, ${countOf(days, 'dag', 'dager')} over fristen`,
    extended: (d: string) => ` (utsatt til ${d})`,
    decisions: (body: string) => `Saker ${body} bes ta stilling til`,
    noDecisions: 'Prosjektene ber ikke om beslutninger.',
    changes: 'Endringsbehov',
    supplements: 'Tilleggsbevillinger til orientering',
    none: '–',
  },
  en: {
    title: (body: string, d: string) => `Status report to ${body} on ${d}`,
    docTitle: 'Status report',
    caseWord: 'Case',
    pages: { page: 'Page', of: 'of' },
    subjectText: (d: string) => `Status of the granted projects on ${d}`,
    proposal: 'Proposed decision',
    facts: 'Facts',
    takeNote: (body: string, d: string) => `${body} takes note of the projects' status report on ${d}.`,
    followUp: (body: string) =>
      `${body} asks the secretariat to follow up the projects with a red light, overdue reports and payments without a written agreement, and to report at the next meeting.`,
    askedFor: 'The decisions the projects ask for are taken in the meeting.',
    intro: (community: string, n: number, d: string) =>
      `${community}: status on ${d} of ${countOf(n, 'granted project', 'granted projects')} not yet closed, from the projects' half-yearly reports. Lights are green (on track), yellow (issues or risk) and red (significant); the overall light is the worst of the three.`,
    counts: (g: number, y: number, r: number, none: number) =>
      `Overall lights: ${g} green, ${y} yellow, ${r} red; ${none === 0 ? 'all have reported' : `${countOf(none, 'project', 'projects')} without a report yet`}.`,
    closedCount: (n: number) => `${countOf(n, 'project is', 'projects are')} closed and shown as closed.`,
    portfolio: 'The portfolio',
    portfolioHeader: ['Case', 'Project', 'Progress', 'Economy', 'Risk', 'Overall', 'Last report', 'Next due'],
    closed: 'Closed',
    economy: 'Economy per project',
    economyHeader: [
      'Case',
      'Allocated',
      'Paid',
      'Paid of allocated',
      'Period gone',
      'Light from payments',
      'Economy light reported',
      'Spent reported',
    ],
    economyNote:
      'Allocated is the ordinary and supplementary allocations less withdrawals decided by the date; paid is the payments less refunds by the date. The light from the payments compares the share paid with the share of the period gone, a suggestion beside the light and spending the project itself last reported.',
    issues: 'Yellow and red items',
    noIssues: 'No project has a yellow or red light.',
    aspect: { progress: 'Progress', economy: 'Economy', risk: 'Risk' },
    comment: 'Comment',
    actions: 'Deviations and actions',
    noComment: '(no comment)',
    overdue: 'Overdue and missing reports',
    noOverdue: 'No report is overdue.',
    halfYear: 'half-yearly report',
    final: 'final report',
    overdueLine: (kind: string, due: string, ext: string, days: number) =>
      `${kind} due ${due}${ext}, ${countOf(days, 'day', 'days')} late`,
    extended: (d: string) => ` (extended to ${d})`,
    decisions: (body: string) => `Decisions ${body} is asked for`,
    noDecisions: 'The projects ask for no decisions.',
    changes: 'Change requests',
    supplements: 'Supplementary allocations for information',
    none: '–',
  },
};

const DAY = 86_400_000;
const money = (n: number | null) => (n === null ? '–' : formatMoney(Math.round(n), false));
const pct = (x: number, lang: Lang) => `${String(Math.round(x * 100))}${lang === 'nb' ? '\u00a0%' : '%'}`;
const lightWord = (l: Light | null, lang: Lang) => (l === null ? '–' : LIGHT_LABEL[l][lang]);
const projectName = (s: ProjectStatus) => `${s.caseId} ${s.application.title}`;
/** A day as 15.05.2026: no space or hyphen, so a table never breaks it across lines. */
const shortDay = (d: Date) => formatDay(d, 'nb');

/**
 * *Statusrapport* as a board case for the deciding body: the header (body, meeting, case number),
 * the proposed decision, every project's lights in words (closed ones marked closed), paid against
 * allocated with the light the payments give beside what the project reported, every payment made
 * without a written agreement, the yellow and red items, overdue reports, the decisions asked for and
 * the supplementary allocations for information. Page numbers in the footer.
 */
export function buildBoardStatus(result: CheckResult, options: BoardStatusOptions): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const day = options.date;
  const settings = result.portfolio.settings;
  const body = decidingBody(settings);
  // The portfolio as it stood on the day: later allocations, supplements, withdrawals, extensions and
  // payments are left out of every table alike.
  const then = asOf(result, day);
  const all = projectStatuses(then.portfolio, day);
  const active = all.filter((s) => !s.closed);
  const closedCount = all.length - active.length;
  const count = (l: Light | null) => active.filter((s) => s.lights.overall === l).length;
  const economy = buildEconomy(then.portfolio, day, then.ledger).projects;
  // A grant of the day whose amount or period cannot be read is in no figure of the table: say which.
  const left = leftOutText(then.leftOut, lang);
  const unsigned = unsignedPayments(result, day, lang);
  const asks = decisionBlocks(active, lang);
  const meeting = options.meetingDate ?? day.toISOString().slice(0, 10);
  const dayText = shortDay(day);
  const proposal: Inline[][] = [[t.takeNote(sentenceStart(body.inText), dayText)]];
  if (count('red') > 0 || active.some((s) => s.overdue.length > 0) || unsigned.length > 0)
    proposal.push([t.followUp(sentenceStart(body.inText))]);
  if (asks.length > 0) proposal.push([t.askedFor]);

  const blocks: Block[] = [
    boardCaseHeader(
      {
        board: body.name,
        meeting: shortDay(new Date(`${meeting}T00:00:00Z`)),
        caseNumber: options.caseNumber ?? '',
        officer: settings.caseOfficer,
        subject: t.subjectText(dayText),
      },
      lang,
    ),
    h(2, t.proposal),
    ol(proposal),
    h(2, t.facts),
    p(t.intro(settings.community, active.length, formatLongDay(day, lang))),
    p(b(t.counts(count('green'), count('yellow'), count('red'), count(null)))),
    ...(closedCount > 0 ? [p(t.closedCount(closedCount))] : []),
    h(2, t.portfolio),
    table(
      [
        t.portfolioHeader,
        ...all.map((s) => [
          s.caseId,
          s.application.title,
          ...lightsOf(s).map((l) => lightWord(l, lang)),
          s.lastReport?.received.ok ? shortDay(s.lastReport.received.value) : t.none,
          s.closed ? t.closed : s.nextDue ? shortDay(s.nextDue.effectiveDue) : t.none,
        ]),
      ],
      {
        header: true,
        fills: [[], ...all.map((s) => [null, null, ...lightsOf(s).map((l) => (l ? LIGHT_FILL[l] : null))])],
      },
    ),
    h(2, t.economy),
    economyTable(all, economy, lang),
    p(t.economyNote),
    ...(left === '' ? [] : [p(left)]),
    ...unsignedPaymentBlocks(unsigned, lang),
    h(2, t.issues),
    ...issueBlocks(active, lang),
    h(2, t.overdue),
    ...overdueBlocks(active, day, lang),
    h(2, t.decisions(body.inText)),
    ...(asks.length > 0 ? [ul(asks)] : [p(t.noDecisions)]),
    h(2, t.supplements),
    ...supplementBlocks(result, day.toISOString().slice(0, 10), lang),
  ];
  const footer = [
    t.docTitle,
    options.caseNumber ? `${t.caseWord} ${options.caseNumber}` : '',
    settings.community,
  ]
    .filter((x) => x !== '')
    .join(' · ');
  return { title: t.title(body.inText, dayText), blocks, footer: { text: footer, pages: t.pages } };
}

const lightsOf = (s: ProjectStatus) => [s.lights.progress, s.lights.economy, s.lights.risk, s.lights.overall];

function economyTable(statuses: ProjectStatus[], economy: Map<string, ProjectEconomy>, lang: Lang): Block {
  const t = T[lang];
  const rows = statuses.map((s) => {
    const e = economy.get(s.caseId);
    const last = s.lastReport;
    return [
      s.caseId,
      money(e?.allocated ?? 0),
      money(e?.paid ?? 0),
      e && e.allocated > 0 ? pct(e.usedShare, lang) : t.none,
      e?.period ? pct(e.elapsedShare, lang) : t.none,
      e ? LIGHT_LABEL[e.light][lang] : t.none,
      lightWord(last?.economy ?? null, lang),
      money(last?.spent?.ok ? last.spent.value : null),
    ];
  });
  const fills = [
    [],
    ...statuses.map((s) => {
      const e = economy.get(s.caseId);
      const reported = s.lastReport?.economy ?? null;
      return [
        null,
        null,
        null,
        null,
        null,
        e ? LIGHT_FILL[e.light] : null,
        reported ? LIGHT_FILL[reported] : null,
        null,
      ];
    }),
  ];
  return table([t.economyHeader, ...rows], { header: true, fills });
}

/** Every payment the check found made without (or before) the written agreement, by the day. */
function issueBlocks(statuses: ProjectStatus[], lang: Lang): Block[] {
  const t = T[lang];
  const out: Block[] = [];
  for (const s of statuses) {
    const r = s.lastReport;
    if (!r) continue;
    const aspects = lightsNotGreen(r);
    if (aspects.length === 0) continue;
    const items: Inline[][] = aspects.map((k) => [b(`${t.aspect[k]}: ${LIGHT_LABEL[r[k]!][lang]}`)]);
    items.push([b(`${t.comment}:`), ` ${r.comment || t.noComment}`]);
    if (r.deviations) items.push([b(`${t.actions}:`), ` ${r.deviations}`]);
    out.push(h(3, projectName(s)), ul(items));
  }
  return out.length === 0 ? [p(t.noIssues)] : out;
}

function overdueBlocks(statuses: ProjectStatus[], day: Date, lang: Lang): Block[] {
  const t = T[lang];
  const items: Inline[][] = statuses.flatMap((s) =>
    s.overdue.map((d): Inline[] => [
      b(projectName(s)),
      `: ${t.overdueLine(
        d.type === 'final' ? t.final : t.halfYear,
        shortDay(d.due),
        d.extendedTo ? t.extended(shortDay(d.extendedTo)) : '',
        Math.round((day.getTime() - d.effectiveDue.getTime()) / DAY),
      )}.`,
    ]),
  );
  return items.length === 0 ? [p(t.noOverdue)] : [ul(items)];
}

function decisionBlocks(statuses: ProjectStatus[], lang: Lang): Inline[][] {
  const t = T[lang];
  const items: Inline[][] = [];
  for (const s of statuses) {
    const r = s.lastReport;
    if (r?.decisions) items.push([b(projectName(s)), `: ${r.decisions}`]);
    if (r?.changes) items.push([b(projectName(s)), ` (${t.changes.toLowerCase()}): ${r.changes}`]);
  }
  return items;
}
