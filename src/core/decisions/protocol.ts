import type { Lang } from '../base/result';
import type { CheckResult } from '../check/check';
import { h, p, table, ul, type Block, type DocModel } from '../documents/model';
import { norwegianDate } from '../documents/memo';
import { formatMoney } from '../parse/money';
import { formatPeriod } from '../parse/period';
import type { WorkbookValues } from '../portfolio/records';
import { decidingBody, informedBody } from '../workbook/bodies';
import { RECOMMENDATIONS } from '../workbook/vocabulary';
import { followUpWords } from './follow-ups';
import { decisionRef, isOfDecision, readProposals, type Proposal } from './proposals';

const T = {
  nb: {
    title: (_body: string, ref: string) => `Vedtaksprotokoll – ${ref}`,
    meta: ['Organ', 'Sak', 'Møtedato', 'Saker'],
    decisions: 'Vedtak',
    head: ['Saksnr', 'Tittel', 'Innstilling', 'Vedtak', 'Beløp (kr)', 'Periode'],
    changes: 'Endringer fra innstillingen',
    noChanges: 'Vedtakene fulgte innstillingen i alle saker.',
    changed: (caseId: string, rec: string, dec: string) => `${caseId}: innstilt ${rec}, vedtatt ${dec}.`,
    reasons: 'Begrunnelser',
    recused: 'Inhabilitet (forvaltningsloven § 6)',
    noRecused: 'Ingen medlemmer meldte seg inhabile.',
    recusedIn: (caseId: string, names: string) => `${caseId}: ${names} fratrådte under behandlingen.`,
    followUps: 'Vedtak om innvilgede prosjekter',
    followUpHead: ['Saksnr', 'Tittel', 'Vedtak'],
    supplements: (body: string) => `Tilleggsbevillinger til orientering for ${body}`,
    suppHead: ['Saksnr', 'Dato', 'Beløp (kr)', 'Vedtak'],
    noSupplements: 'Ingen tilleggsbevillinger å orientere om.',
    notRegistered: 'Ikke registrert',
    total: 'Sum tildelt',
    footer: (ref: string) => `Vedtaksprotokoll ${ref}`,
  },
  en: {
    title: (_body: string, ref: string) => `Decision protocol – ${ref}`,
    meta: ['Body', 'Case', 'Meeting', 'Cases'],
    decisions: 'Decisions',
    head: ['Case', 'Title', 'Recommendation', 'Decision', 'Amount (NOK)', 'Period'],
    changes: 'Changes from the recommendation',
    noChanges: 'The decisions followed the recommendation in every case.',
    changed: (caseId: string, rec: string, dec: string) => `${caseId}: recommended ${rec}, decided ${dec}.`,
    reasons: 'Reasons',
    recused: 'Disqualification (Public Administration Act § 6)',
    noRecused: 'No member declared themselves disqualified.',
    recusedIn: (caseId: string, names: string) => `${caseId}: ${names} stood aside.`,
    followUps: 'Decisions on granted projects',
    followUpHead: ['Case', 'Title', 'Decision'],
    supplements: (body: string) => `Supplementary allocations for the information of ${body}`,
    suppHead: ['Case', 'Date', 'Amount (NOK)', 'Decision'],
    noSupplements: 'No supplementary allocations to report.',
    notRegistered: 'Not registered',
    total: 'Total granted',
    footer: (ref: string) => `Decision protocol ${ref}`,
  },
};

const recommended = (pr: Proposal, lang: Lang): string =>
  `${pr.recommendation ? RECOMMENDATIONS[pr.recommendation][lang] : '–'}${pr.amount.ok && pr.amount.value > 0 ? ` ${formatMoney(pr.amount.value)}` : ''}`;

/**
 * The decision protocol (*vedtaksprotokoll*) of one board case: each case's decision as registered in
 * `Tildelinger` and `Søknader` (never as proposed), the changes from the recommendation, the reasons, who
 * stood aside, and the secretariat's supplements not yet reported, for the body kept informed.
 */
export function buildProtocol(
  result: CheckResult,
  values: WorkbookValues,
  options: { boardCase: string; lang?: Lang },
): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const portfolio = result.portfolio;
  const body = decidingBody(portfolio.settings);
  const ref = decisionRef(portfolio, options.boardCase);
  const read = readProposals(portfolio, values, options.boardCase);
  const apps = new Map(portfolio.applications.map((a) => [a.caseId, a]));
  // The board's closures, extensions and withdrawals in this case, as registered.
  const followUps: string[][] = [];
  let meeting: Date | null = null;
  for (const a of portfolio.applications)
    if (a.closure !== '' && isOfDecision(a.closure, ref))
      followUps.push([a.caseId, a.title, followUpWords.closure()[lang]]);
  for (const kind of ['extension', 'withdrawal'] as const) {
    const byCase = new Map<string, { to: number; amount: number }>();
    for (const a of portfolio.allocations) {
      if (a.kind !== kind || !isOfDecision(a.decision, ref)) continue;
      if (a.date.ok) meeting = a.date.value;
      const was = byCase.get(a.caseId) ?? { to: -1, amount: 0 };
      byCase.set(a.caseId, {
        to: Math.max(was.to, a.period?.ok ? a.period.value.to : -1),
        amount: was.amount + (a.amount.ok ? a.amount.value : 0),
      });
    }
    for (const [caseId, x] of byCase)
      followUps.push([
        caseId,
        apps.get(caseId)?.title ?? '',
        (kind === 'extension' ? followUpWords.extension(x.to) : followUpWords.withdrawal(x.amount))[lang],
      ]);
  }
  // A case that only closed, extended or withdrew lists no recommendation waiting for another meeting.
  const registeredHere = (pr: Proposal) =>
    isOfDecision(apps.get(pr.caseId)?.decision ?? '', ref) ||
    portfolio.allocations.some((a) => a.caseId === pr.caseId && isOfDecision(a.decision, ref));
  const proposed =
    !read.fromMemo && followUps.length > 0 ? read.proposals.filter(registeredHere) : read.proposals;
  // Cases the board decided in this case without a proposal on record (typed in by hand): listed too.
  const unproposed = [
    ...new Set(
      portfolio.allocations
        .filter((a) => a.kind === 'ordinary' && isOfDecision(a.decision, ref))
        .map((a) => a.caseId)
        .filter((id) => !proposed.some((p) => p.caseId === id)),
    ),
  ].map((caseId): Proposal => ({
    caseId,
    title: '',
    category: null,
    categoryText: '',
    recommendation: null,
    amount: { ok: false, reason: { nb: 'ingen innstilling', en: 'no recommendation' } },
    period: null,
    reason: '',
    source: { sheet: portfolio.sheetNames.allocations, row: 0 },
  }));
  const proposals = [...proposed, ...unproposed];
  const rows: string[][] = [];
  const changes: string[] = [];
  const reasons: string[] = [];
  const recused: string[] = [];
  let total = 0;
  for (const pr of proposals) {
    const app = apps.get(pr.caseId);
    const grants = portfolio.allocations.filter(
      (a) => a.caseId === pr.caseId && a.kind === 'ordinary' && isOfDecision(a.decision, ref),
    );
    const registered = grants.length > 0 || (app !== undefined && isOfDecision(app.decision, ref));
    const amount = grants.reduce((s, a) => s + (a.amount.ok ? a.amount.value : 0), 0);
    total += amount;
    for (const a of grants) if (a.date.ok) meeting = a.date.value;
    const period = grants.find((a) => a.period?.ok)?.period;
    const status = app?.status ?? (grants.length > 0 ? (lang === 'nb' ? 'Innvilget' : 'Granted') : '');
    const preProject = grants.some((a) => /forprosjekt/i.test(a.decision));
    const decision = registered
      ? preProject && app === undefined
        ? 'Forprosjekt'
        : status
      : t.notRegistered;
    rows.push([
      pr.caseId,
      pr.title || app?.title || '',
      recommended(pr, lang),
      decision,
      registered && amount > 0 ? formatMoney(amount, false) : '',
      period?.ok ? formatPeriod(period.value, lang) : '',
    ]);
    const decidedWords = `${decision}${amount > 0 ? ` ${formatMoney(amount)}` : ''}${period?.ok ? `, ${formatPeriod(period.value, lang)}` : ''}`;
    const sameAmount = pr.amount.ok && pr.amount.value === amount;
    // A proposal that names no period (a pre-project's, before the memo records one) is not changed by one.
    const samePeriod =
      !period?.ok ||
      pr.period?.ok !== true ||
      (pr.period.value.from === period.value.from && pr.period.value.to === period.value.to);
    const sameKind =
      (pr.recommendation === 'reject') === (amount === 0) &&
      (pr.recommendation === 'preProject') === preProject;
    if (registered && pr.recommendation !== null && !(sameAmount && samePeriod && sameKind))
      changes.push(
        t.changed(
          pr.caseId,
          `${recommended(pr, lang)}${!samePeriod && pr.period?.ok ? `, ${formatPeriod(pr.period.value, lang)}` : ''}`,
          decidedWords,
        ),
      );
    if (app?.reason && registered) reasons.push(`${pr.caseId}: ${app.reason}`);
    if (app?.recused) recused.push(t.recusedIn(pr.caseId, app.recused));
  }
  const supplements = portfolio.allocations.filter(
    (a) =>
      a.kind === 'supplement' &&
      a.reportedSsu === '' &&
      a.date.ok &&
      (meeting === null || a.date.value.getTime() <= meeting.getTime()),
  );
  const informed = informedBody(portfolio.settings);
  const blocks: Block[] = [
    table(
      [
        [t.meta[0]!, body.name],
        [t.meta[1]!, ref],
        [t.meta[2]!, meeting ? norwegianDate(meeting.toISOString()) : '–'],
        [t.meta[3]!, String(proposals.length)],
      ],
      { keyValue: true },
    ),
    h(2, t.decisions),
    table([t.head, ...rows, [t.total, '', '', '', formatMoney(total, false), '']], {
      header: true,
      compact: true,
      widths: [3, 4, 4, 3, 3, 5],
    }),
    h(2, t.changes),
    changes.length === 0 ? p(t.noChanges) : ul(changes.map((c) => [c])),
    ...(reasons.length > 0 ? [h(2, t.reasons), ul(reasons.map((r) => [r]))] : []),
    ...(followUps.length > 0
      ? [h(2, t.followUps), table([t.followUpHead, ...followUps], { header: true, widths: [3, 6, 5] })]
      : []),
    h(2, t.recused),
    recused.length === 0 ? p(t.noRecused) : ul(recused.map((r) => [r])),
    h(2, t.supplements(informed.name)),
    supplements.length === 0
      ? p(t.noSupplements)
      : table(
          [
            t.suppHead,
            ...supplements.map((a) => [
              a.caseId,
              a.date.ok ? norwegianDate(a.date.value.toISOString()) : '',
              a.amount.ok ? formatMoney(a.amount.value, false) : '',
              a.decision,
            ]),
          ],
          { header: true },
        ),
  ];
  return { title: t.title(body.name, ref), blocks, footer: { text: t.footer(ref) } };
}
