import type { Lang } from '../base/result';
import type { CheckResult } from '../check/check';
import { h, p, table, ul, type Block, type DocModel } from '../documents/model';
import { norwegianDate } from '../documents/memo';
import { keyInWords, pct, potSum, potTotal, potYears, type PotYear } from '../documents/pots';
import type { LedgerEntry } from '../money-flow/ledger';
import { CATEGORY_IDS, CATEGORY_LABELS } from '../workbook/categories';
import type { Settings } from '../workbook/settings';
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
    key: 'Fordelingsnøkkelen',
    keyIntro: (words: string, keyCase: string) =>
      `Fordelingsnøkkelen er veiledende: ${words} av rammen${keyCase === '' ? '' : ` (sak ${keyCase})`}. Slik fordeler de vedtatte tildelingene seg mot den, regnet inn i hvert budsjettår etter antall måneder i perioden:`,
    keyYear: (y: number) => `Budsjettår ${y}`,
    keyHead: ['Kategori', 'Nøkkel', 'Nøkkelbeløp', 'Tildelt før', 'Vedtatt nå', 'Sum', 'Andel'],
    frameRow: 'Rammen',
    overKey: (
      label: string,
      y: number,
      used: string,
      share: string,
      key: string,
      keyAmount: string,
      over: string,
    ) =>
      `${label} ${y}: ${used}, ${share} av rammen mot nøkkelen på ${key} (${keyAmount}), ${over} over nøkkelen.`,
    overFrame: (y: number, over: string) => `Rammen ${y}: tildelingene går ${over} ut over rammen.`,
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
    key: 'The split key',
    keyIntro: (words: string, keyCase: string) =>
      `The split key is guiding: ${words} of the frame${keyCase === '' ? '' : ` (case ${keyCase})`}. This is how the decided allocations fall against it, counted in each budget year by the months of their period:`,
    keyYear: (y: number) => `Budget year ${y}`,
    keyHead: ['Category', 'Key', 'Key amount', 'Allocated before', 'Decided now', 'Total', 'Share'],
    frameRow: 'Frame',
    overKey: (
      label: string,
      y: number,
      used: string,
      share: string,
      key: string,
      keyAmount: string,
      over: string,
    ) =>
      `${label} ${y}: ${used}, ${share} of the frame against a key of ${key} (${keyAmount}), ${over} over the key.`,
    overFrame: (y: number, over: string) => `Frame ${y}: the allocations exceed the frame by ${over}.`,
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
  // The split key, with the memo's arithmetic: what this board case decided against what was there before.
  const decidedHere = (e: LedgerEntry) =>
    e.allocation.kind === 'ordinary' && isOfDecision(e.allocation.decision, ref);
  const keyYears = potYears(
    result,
    decidedHere,
    result.ledger.entries.flatMap((e) =>
      decidedHere(e) && e.category && e.byYear ? [{ category: e.category, byYear: e.byYear }] : [],
    ),
    meeting ? meeting.toISOString().slice(0, 10) : '9999-12-31',
  );
  const keyBlocks = keyYears.length === 0 ? [] : splitKeyBlocks(keyYears, portfolio.settings, lang);
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
    ...keyBlocks,
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

/** The split key's section: the key in words, per budget year the pots against it, and each overrun named. */
function splitKeyBlocks(years: PotYear[], settings: Settings, lang: Lang): Block[] {
  const t = T[lang];
  const money = (n: number) => formatMoney(Math.round(n), false);
  const notes: string[] = [];
  const tables = years.flatMap((y) => {
    const total = potTotal(y);
    const rows = CATEGORY_IDS.map((id) => {
      if (total[id] > y.key[id] && y.added[id] > 0)
        notes.push(
          t.overKey(
            CATEGORY_LABELS[id][lang],
            y.year,
            formatMoney(Math.round(total[id])),
            pct(total[id] / y.frame, lang),
            pct(settings.key[id], lang),
            formatMoney(y.key[id]),
            formatMoney(Math.round(total[id] - y.key[id])),
          ),
        );
      return [
        CATEGORY_LABELS[id][lang],
        pct(settings.key[id], lang),
        money(y.key[id]),
        money(y.before[id]),
        money(y.added[id]),
        money(total[id]),
        pct(y.frame > 0 ? total[id] / y.frame : 0, lang),
      ];
    });
    if (y.left < 0) notes.push(t.overFrame(y.year, formatMoney(Math.round(-y.left))));
    const used = potSum(total);
    return [
      h(3, t.keyYear(y.year)),
      table(
        [
          t.keyHead,
          ...rows,
          [
            t.frameRow,
            '',
            money(y.frame),
            money(potSum(y.before)),
            money(potSum(y.added)),
            money(used),
            pct(y.frame > 0 ? used / y.frame : 0, lang),
          ],
        ],
        { header: true, compact: true },
      ),
    ];
  });
  return [
    h(2, t.key),
    p(t.keyIntro(keyInWords(settings, lang), settings.keyCase.trim())),
    ...tables,
    ...(notes.length > 0 ? [ul(notes.map((n) => [n]))] : []),
  ];
}
