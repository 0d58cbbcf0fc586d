import type { CheckResult } from '../../check/check';
import { supplementBlocks } from '../memo';
import { b, h, p, table, ul, type Block, type DocModel, type Inline } from '../model';
import { formatMoney } from '../../parse/money';
import { formatLongDay } from '../../parse/period';
import type { Lang } from '../../base/result';
import { countOf } from '../../base/text';
import { LIGHT_FILL } from '../../workbook/presentation';
import { LIGHT_LABEL, type Light } from '../../follow-up/status/lights';
import { lightsNotGreen } from '../../follow-up/status/reports';
import { projectStatuses, type ProjectStatus } from '../../follow-up/status/project-status';
import { projectMoney } from './economy';

const T = {
  nb: {
    title: (d: string) => `Statusrapport til porteføljestyret ${d}`,
    intro: (community: string, n: number, d: string) =>
      `${community}: status for ${countOf(n, 'prosjekt', 'prosjekter')} med tilskudd per ${d}, fra prosjektenes halvårsrapporter. Lysene er grønn (i rute), gul (problemer eller risiko) og rød (alvorlig); samlet lys er det verste av de tre.`,
    counts: (g: number, y: number, r: number, none: number) =>
      `Samlet: ${g} grønne, ${y} gule, ${r} røde, ${none} uten rapport ennå.`,
    portfolio: 'Porteføljen',
    portfolioHeader: ['Prosjekt', 'Framdrift', 'Økonomi', 'Risiko', 'Samlet', 'Siste rapport', 'Neste frist'],
    economy: 'Økonomi per prosjekt',
    economyHeader: ['Prosjekt', 'Tildelt', 'Forbruk hittil', 'Gjenstår', 'Prognose'],
    economyNote:
      'Tildelt er ordinære tildelinger og tilleggsbevillinger vedtatt per dato. Forbruk hittil og prognose er det prosjektet rapporterte sist; gjenstår er tildelt minus forbruk.',
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
    decisions: 'Saker porteføljestyret bes ta stilling til',
    noDecisions: 'Prosjektene ber ikke om beslutninger.',
    changes: 'Endringsbehov',
    supplements: 'Tilleggsbevillinger til orientering',
    none: '–',
  },
  en: {
    title: (d: string) => `Status report to the portfolio board ${d}`,
    intro: (community: string, n: number, d: string) =>
      `${community}: status of ${countOf(n, 'granted project', 'granted projects')} on ${d}, from the projects' half-yearly reports. Lights are green (on track), yellow (issues or risk) and red (significant); the overall light is the worst of the three.`,
    counts: (g: number, y: number, r: number, none: number) =>
      `Overall: ${g} green, ${y} yellow, ${r} red, ${none} without a report yet.`,
    portfolio: 'The portfolio',
    portfolioHeader: ['Project', 'Progress', 'Economy', 'Risk', 'Overall', 'Last report', 'Next due'],
    economy: 'Economy per project',
    economyHeader: ['Project', 'Allocated', 'Spent to date', 'Left', 'Forecast'],
    economyNote:
      'Allocated is the ordinary and supplementary allocations decided by the date. Spent and forecast are what the project last reported; left is allocated minus spent.',
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
    decisions: 'Decisions the board is asked for',
    noDecisions: 'The projects ask for no decisions.',
    changes: 'Change requests',
    supplements: 'Supplementary allocations for information',
    none: '–',
  },
};

const DAY = 86_400_000;
const money = (n: number | null) => (n === null ? '–' : formatMoney(Math.round(n), false));
const lightWord = (l: Light | null, lang: Lang) => (l === null ? '–' : LIGHT_LABEL[l][lang]);
const projectName = (s: ProjectStatus) => `${s.caseId} ${s.application.title}`;

/**
 * *Statusrapport til porteføljestyret* for a day: the portfolio's lights per project (the word, so it
 * reads in black and white), the economy per project, every yellow and red item with its comment and
 * action, overdue reports, the decisions asked for, and supplementary allocations for information.
 */
export function buildBoardStatus(result: CheckResult, options: { date: Date; lang?: Lang }): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const day = options.date;
  const statuses = projectStatuses(result.portfolio, day).filter((s) => !s.closed);
  const count = (l: Light | null) => statuses.filter((s) => s.lights.overall === l).length;
  const blocks: Block[] = [
    p(t.intro(result.portfolio.settings.community, statuses.length, formatLongDay(day, lang))),
    p(b(t.counts(count('green'), count('yellow'), count('red'), count(null)))),
    h(2, t.portfolio),
    table(
      [
        t.portfolioHeader,
        ...statuses.map((s) => [
          projectName(s),
          ...lightsOf(s).map((l) => lightWord(l, lang)),
          s.lastReport?.received.ok ? formatLongDay(s.lastReport.received.value, lang) : t.none,
          s.nextDue ? formatLongDay(s.nextDue.effectiveDue, lang) : t.none,
        ]),
      ],
      {
        header: true,
        fills: [[], ...statuses.map((s) => [null, ...lightsOf(s).map((l) => (l ? LIGHT_FILL[l] : null))])],
      },
    ),
    h(2, t.economy),
    table(
      [
        t.economyHeader,
        ...statuses.map((s) => {
          const m = projectMoney(result, s.caseId, day, s.lastReport);
          return [
            projectName(s),
            money(m.allocated),
            money(m.spent),
            money(m.spent === null ? null : m.allocated - m.spent),
            money(m.forecast),
          ];
        }),
      ],
      { header: true },
    ),
    p(t.economyNote),
    h(2, t.issues),
    ...issueBlocks(statuses, lang),
    h(2, t.overdue),
    ...overdueBlocks(statuses, day, lang),
    h(2, t.decisions),
    ...decisionBlocks(statuses, lang),
    h(2, t.supplements),
    ...supplementBlocks(result, day.toISOString().slice(0, 10), lang),
  ];
  return { title: t.title(formatLongDay(day, lang)), blocks };
}

const lightsOf = (s: ProjectStatus) => [s.lights.progress, s.lights.economy, s.lights.risk, s.lights.overall];

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
        formatLongDay(d.due, lang),
        d.extendedTo ? t.extended(formatLongDay(d.extendedTo, lang)) : '',
        Math.round((day.getTime() - d.effectiveDue.getTime()) / DAY),
      )}.`,
    ]),
  );
  return items.length === 0 ? [p(t.noOverdue)] : [ul(items)];
}

function decisionBlocks(statuses: ProjectStatus[], lang: Lang): Block[] {
  const t = T[lang];
  const items: Inline[][] = [];
  for (const s of statuses) {
    const r = s.lastReport;
    if (r?.decisions) items.push([b(projectName(s)), `: ${r.decisions}`]);
    if (r?.changes) items.push([b(projectName(s)), ` (${t.changes.toLowerCase()}): ${r.changes}`]);
  }
  return items.length === 0 ? [p(t.noDecisions)] : [ul(items)];
}
