import { memoOf } from '../check/rules';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../workbook/categories';
import { assessPortfolio, impartialityParagraph } from '../assessment/scores';
import type { CheckResult } from '../check/check';
import { tilskuddError } from '../base/errors';
import type { Finding } from '../engine/findings';
import { formatMoney } from '../parse/money';
import { formatPeriod, proRata, type Period } from '../parse/period';
import type { Allocation, Application, Recommendation } from '../portfolio/records';
import { reported } from '../money-flow/records';
import type { Lang } from '../base/result';
import { isActive, isGrantedStatus } from '../workbook/status';
import { sentenceStart } from '../base/text';
import { decidingBody } from '../workbook/bodies';
import { frameFor, type Settings } from '../workbook/settings';
import { RECOMMENDATIONS } from '../workbook/vocabulary';
import { b, h, ol, p, table, ul, type Block, type DocModel, type Inline } from './model';

/**
 * The decision memo (*saksfremstilling*) for an SSU meeting, as the seeds of cases 18-2025 and 47-2024
 * lay it out: header table, proposed decisions, attachments, background, facts with the frame and the
 * split key per pot, each case, cases not ready for decision, supplementary allocations for information,
 * and the assessment.
 */
export interface MemoOptions {
  /** ISO date of the meeting, `2025-05-09`. */
  meetingDate: string;
  /** The board's case number, `18-2025`. */
  caseNumber?: string;
  /** Case ids to propose; default: active applications without an ordinary grant yet. */
  cases?: string[];
  lang?: Lang;
}

export interface Proposal {
  application: Application;
  kind: Recommendation;
  amount: number;
  period: Period | null;
  category: CategoryId;
}

const T = {
  nb: {
    title: 'Saksfremstilling',
    caseWord: 'Sak',
    pages: { page: 'Side', of: 'av' },
    board: 'Råd/utvalg',
    meeting: 'Møtedato',
    caseNumber: 'Saksnummer',
    officer: 'Saksbehandler',
    subject: 'Sakstittel',
    subjectText: 'Rekrutterings- og samhandlingstilskudd',
    proposal: 'Forslag til vedtak',
    noProposal: 'Ingen saker er klare for vedtak.',
    other: 'Andre vedtak formuleres i møtet.',
    attachments: 'Vedlegg',
    guidelines: (c: string) => `Retningslinjer for forvaltning av tilskuddsmidlene${c ? ` (sak ${c})` : ''}`,
    application: (t: string) => `Søknad: ${t}`,
    background: 'Bakgrunn for saken',
    facts: 'Saksopplysninger',
    keyTable: ['Hva', 'Andel', 'kr/år'],
    frameRow: 'Overført i rammen',
    pots: (y: number) => `Fordeling ${y}`,
    potHeader: ['Kategori', 'Nøkkel', 'Tildelt før', 'Dette forslaget', 'Gjenstår'],
    frameTotal: 'Hele rammen',
    cases: 'Søknadene',
    fields: {
      applicant: 'Søker',
      parties: 'Parter',
      region: 'Region',
      areas: 'Prioriterte områder',
      period: 'Periode',
      asked: 'Søkt beløp',
      own: 'Egenandel',
      recommendation: 'Innstilling',
    },
    findings: 'Avvik',
    noFindings: 'Ingen avvik.',
    notReady: 'Saker som ikke er klare for vedtak',
    notReadyIntro: 'Disse sakene har feil som må rettes før de kan innstilles:',
    supplements: 'Tilleggsbevillinger til orientering',
    supplementsIntro: (limit: string) =>
      `Porteføljesekretariatet kan gi tilleggsbevilling til vedtatte prosjekt, oppad begrenset til ${limit} per prosjekt. Disse er gitt siden forrige rapportering:`,
    supplementHeader: ['Sak', 'Prosjekt', 'Dato', 'Beløp', 'Vedtak'],
    noSupplements: 'Ingen nye tilleggsbevillinger.',
    assessment: 'Vurdering',
  },
  en: {
    title: 'Decision memo',
    caseWord: 'Case',
    pages: { page: 'Page', of: 'of' },
    board: 'Board',
    meeting: 'Meeting date',
    caseNumber: 'Case number',
    officer: 'Case officer',
    subject: 'Subject',
    subjectText: 'Recruitment and collaboration grant',
    proposal: 'Proposed decision',
    noProposal: 'No case is ready for decision.',
    other: 'Other decisions are worded in the meeting.',
    attachments: 'Attachments',
    guidelines: (c: string) => `Guidelines for managing the grant${c ? ` (case ${c})` : ''}`,
    application: (t: string) => `Application: ${t}`,
    background: 'Background',
    facts: 'Facts',
    keyTable: ['What', 'Share', 'NOK/year'],
    frameRow: 'Frame received',
    pots: (y: number) => `Allocation ${y}`,
    potHeader: ['Category', 'Key', 'Allocated before', 'This proposal', 'Remaining'],
    frameTotal: 'Whole frame',
    cases: 'The applications',
    fields: {
      applicant: 'Applicant',
      parties: 'Parties',
      region: 'Region',
      areas: 'Priority areas',
      period: 'Period',
      asked: 'Amount requested',
      own: 'Own contribution',
      recommendation: 'Recommendation',
    },
    findings: 'Findings',
    noFindings: 'No findings.',
    notReady: 'Cases not ready for decision',
    notReadyIntro: 'These cases have errors to fix before they can be recommended:',
    supplements: 'Supplementary allocations for information',
    supplementsIntro: (limit: string) =>
      `The secretariat may grant supplementary allocations to approved projects, up to ${limit} per project. Granted since the last report:`,
    supplementHeader: ['Case', 'Project', 'Date', 'Amount', 'Decision'],
    noSupplements: 'No new supplementary allocations.',
    assessment: 'Assessment',
  },
};

const kr = (n: number) => `kr ${formatMoney(n, false)}`;
/** " (sak 47-2024)", or nothing when the setting is blank. */
const caseRef = (word: string, c: string) => (c === '' ? '' : ` (${word} ${c})`);
const pct = (x: number, lang: Lang) =>
  `${String(Math.round(x * 1000) / 10).replace('.', lang === 'nb' ? ',' : '.')} %`;
export const norwegianDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2}).*$/, '$3.$2.$1');

/** The proposal for each selected case, and the cases held back by error-level findings. */
export function proposals(
  result: CheckResult,
  cases?: string[],
): { ready: Proposal[]; notReady: Application[] } {
  const { portfolio, findings } = result;
  const byId = new Map(portfolio.applications.map((a) => [a.caseId, a]));
  const ordinary = new Map<string, Allocation>();
  for (const a of portfolio.allocations)
    if (a.kind === 'ordinary' && !ordinary.has(a.caseId)) ordinary.set(a.caseId, a);
  const selected = cases
    ? cases.map((id) => {
        const app = byId.get(id.trim());
        if (!app)
          throw tilskuddError(
            `Sak «${id}» finnes ikke i arket Søknader.`,
            `Case "${id}" is not in the Applications sheet.`,
          );
        return app;
      })
    : portfolio.applications.filter(
        (a) => isActive(a) && !ordinary.has(a.caseId) && !isGrantedStatus(a.status),
      );
  // Errors hold a case back unless their rule says nothing about its readiness (the rule's memo field).
  const errors = new Set(
    findings.filter((f) => f.severity === 'error' && memoOf(f.rule) !== 'none').map((f) => f.ref),
  );
  const badRecommendation = new Set(
    findings.filter((f) => f.rule === 'recommendation-invalid').map((f) => f.ref),
  );
  const ready: Proposal[] = [];
  const notReady: Application[] = [];
  for (const app of selected) {
    const kind = app.recommendation ?? 'grant';
    // A pre-project or a rejection is the answer to an incomplete application; a grant needs a clean one.
    if (
      badRecommendation.has(app.caseId) ||
      (errors.has(app.caseId) && (kind === 'grant' || kind === 'partial'))
    ) {
      notReady.push(app);
      continue;
    }
    const allocation = ordinary.get(app.caseId);
    const asked = app.requested.ok ? app.requested.value : 0;
    const amount = kind === 'reject' ? 0 : app.recommendedAmount?.ok ? app.recommendedAmount.value : asked;
    const period = allocation?.period?.ok ? allocation.period.value : app.period.ok ? app.period.value : null;
    ready.push({ application: app, kind, amount, period, category: app.category ?? 'innovation' });
  }
  return { ready, notReady };
}

function proposalLine(pr: Proposal, lang: Lang): Inline[] {
  const { application: app, amount, period } = pr;
  const title = `${app.title} (${app.caseId})`;
  const when = period
    ? lang === 'nb'
      ? ` for perioden ${formatPeriod(period)}`
      : ` for ${formatPeriod(period, 'en')}`
    : '';
  const asked = app.requested.ok ? app.requested.value : 0;
  if (lang === 'en') {
    if (pr.kind === 'reject') return [b(title), ' is rejected.'];
    const what =
      pr.kind === 'preProject'
        ? ' for a pre-project'
        : pr.kind === 'partial'
          ? ` of ${kr(asked)} requested`
          : '';
    return [b(title), ` is granted ${kr(amount)}${what}${when}, according to the attached application.`];
  }
  if (pr.kind === 'reject') return [b(title), ' avslås.'];
  const what =
    pr.kind === 'preProject' ? ' til et forprosjekt' : pr.kind === 'partial' ? ` av søkte ${kr(asked)}` : '';
  return [b(title), ` tildeles ${kr(amount)}${what}${when}, iht. vedlagte søknad.`];
}

export function buildMemo(result: CheckResult, options: MemoOptions): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const { portfolio, findings } = result;
  const settings = portfolio.settings;
  const { ready, notReady } = proposals(result, options.cases);
  const byCase = new Map<string, Finding[]>();
  for (const f of findings) byCase.set(f.ref, [...(byCase.get(f.ref) ?? []), f]);
  const proposedIds = new Set(ready.map((pr) => pr.application.caseId));
  const firstYear = Number(options.meetingDate.slice(0, 4));

  const blocks: Block[] = [
    table(
      [
        [t.board, settings.board],
        [t.meeting, norwegianDate(options.meetingDate)],
        [t.caseNumber, options.caseNumber ?? ''],
        [t.officer, settings.caseOfficer],
        [t.subject, t.subjectText],
      ],
      { keyValue: true },
    ),
    h(2, t.proposal),
    ready.length > 0 ? ol(ready.map((pr) => proposalLine(pr, lang))) : p(t.noProposal),
    p(t.other),
    h(2, t.attachments),
    ol([
      [t.guidelines(settings.guidelinesCase)],
      ...ready.map((pr) => [t.application(pr.application.title)]),
    ]),
    h(2, t.background),
    p(
      lang === 'nb'
        ? `${settings.community} forvalter et varig rekrutterings- og samhandlingstilskudd på ${kr(frameFor(settings, firstYear))} per år. ${sentenceStart(decidingBody(settings).inText)} har vedtatt rammer og retningslinjer for forvaltningen${caseRef('sak', settings.guidelinesCase)} og en veiledende fordelingsnøkkel mellom innovasjon, administrasjon og samdrift${caseRef('sak', settings.keyCase)}. Søknadene er mottatt i søknadsrunden, kontrollert mot premissene og vurdert av porteføljesekretariatet.`
        : `${settings.community} manages a permanent recruitment and collaboration grant of ${kr(frameFor(settings, firstYear))} a year. The board has adopted guidelines${caseRef('case', settings.guidelinesCase)} and a guiding split key between innovation, administration and joint operations${caseRef('case', settings.keyCase)}. The applications were received in the round, checked against the premises and assessed by the secretariat.`,
    ),
    h(2, t.facts),
    table(
      [
        t.keyTable,
        [t.frameRow, '', formatMoney(frameFor(settings, firstYear), false)],
        ...CATEGORY_IDS.map((id) => [
          CATEGORY_LABELS[id][lang],
          pct(settings.key[id], lang),
          formatMoney(Math.round(frameFor(settings, firstYear) * settings.key[id]), false),
        ]),
      ],
      { header: true },
    ),
    ...potTables(result, ready, proposedIds, options.meetingDate, lang),
    h(2, t.cases),
    ...ready.flatMap((pr) =>
      caseSection(pr.application, byCase.get(pr.application.caseId) ?? [], pr, settings, lang),
    ),
  ];
  if (notReady.length > 0) {
    blocks.push(
      h(2, t.notReady),
      p(t.notReadyIntro),
      ...notReady.flatMap((app) => caseSection(app, byCase.get(app.caseId) ?? [], null, settings, lang)),
    );
  }
  blocks.push(h(2, t.supplements), ...supplementBlocks(result, options.meetingDate, lang));
  const assessment = assessmentBlocks(result, [...ready.map((pr) => pr.application), ...notReady], lang);
  if (assessment.length > 0) blocks.push(h(2, t.assessment), ...assessment);
  // Like the seed memos: the board's case number and the page on every page.
  const footer = [
    t.title,
    options.caseNumber ? `${t.caseWord} ${options.caseNumber}` : '',
    settings.community,
  ]
    .filter((x) => x !== '')
    .join(' · ');
  return { title: t.title, blocks, footer: { text: footer, pages: t.pages } };
}

/** Per budget year touched: each pot's key, what was allocated before, what this proposal adds, what remains. */
/** Decided on or before the meeting (allocations without a valid date are counted). */
const decidedBy = (a: Allocation, meetingDate: string) =>
  !a.date.ok || a.date.value.toISOString().slice(0, 10) <= meetingDate;

function potTables(
  result: CheckResult,
  ready: Proposal[],
  proposedIds: Set<string>,
  meetingDate: string,
  lang: Lang,
): Block[] {
  const t = T[lang];
  const settings = result.portfolio.settings;
  const before = new Map<number, Record<CategoryId, number>>();
  const added = new Map<number, Record<CategoryId, number>>();
  const bucket = (m: Map<number, Record<CategoryId, number>>, year: number) => {
    let r = m.get(year);
    if (!r) m.set(year, (r = { innovation: 0, administration: 0, operations: 0 }));
    return r;
  };
  for (const e of result.ledger.entries) {
    // The proposed cases' own ordinary allocations are what this memo decides: not "before".
    if (e.allocation.kind === 'ordinary' && proposedIds.has(e.allocation.caseId)) continue;
    if (!decidedBy(e.allocation, meetingDate)) continue;
    if (!e.category) continue;
    for (const [year, amount] of e.byYear ?? []) bucket(before, year)[e.category] += amount;
  }
  for (const pr of ready) {
    if (pr.amount <= 0 || !pr.period) continue;
    for (const [year, amount] of proRata(pr.amount, pr.period)) bucket(added, year)[pr.category] += amount;
  }
  const years = [...new Set([...added.keys(), ...(added.size > 0 ? [] : before.keys())])].sort(
    (x, y) => x - y,
  );
  return years.flatMap((year) => {
    const frame = frameFor(settings, year);
    const was = bucket(before, year);
    const add = bucket(added, year);
    const rows = CATEGORY_IDS.map((id) => {
      const key = Math.round(frame * settings.key[id]);
      return [
        CATEGORY_LABELS[id][lang],
        money(key),
        money(was[id]),
        money(add[id]),
        money(key - was[id] - add[id]),
      ];
    });
    const sum = (r: Record<CategoryId, number>) => CATEGORY_IDS.reduce((s, id) => s + r[id], 0);
    rows.push([
      t.frameTotal,
      money(frame),
      money(sum(was)),
      money(sum(add)),
      money(frame - sum(was) - sum(add)),
    ]);
    return [h(3, t.pots(year)), table([t.potHeader, ...rows], { header: true })];
  });
}

const money = (n: number) => formatMoney(Math.round(n), false);

/** "Arendal, Grimstad, SSHF": the municipalities and, when it takes part, the hospital trust's short name. */
export const partiesText = (app: Application, settings: Settings): string =>
  [...app.municipalities, ...(app.hospital ? [settings.hospitalTrustShort] : [])].join(', ');

function caseSection(
  app: Application,
  findings: Finding[],
  pr: Proposal | null,
  settings: Settings,
  lang: Lang,
): Block[] {
  const t = T[lang];
  const f = t.fields;
  const parties = partiesText(app, settings);
  const trust = settings.hospitalTrustShort;
  const own = [
    app.ownMunicipality?.ok
      ? `${lang === 'nb' ? 'kommune' : 'municipality'} ${kr(app.ownMunicipality.value)}`
      : '',
    app.ownHospital?.ok ? `${trust} ${kr(app.ownHospital.value)}` : '',
  ]
    .filter((x) => x !== '')
    .join(', ');
  const rows: string[][] = [
    [f.applicant, app.applicant],
    [f.parties, parties],
    [f.region, app.region],
    [f.areas, app.priorityAreas.join('; ')],
    [f.period, app.period.ok ? formatPeriod(app.period.value, lang) : app.period.reason[lang]],
    [f.asked, app.requested.ok ? kr(app.requested.value) : app.requested.reason[lang]],
    [f.own, own === '' ? '–' : own],
  ];
  if (pr)
    rows.push([
      f.recommendation,
      `${RECOMMENDATIONS[pr.kind][lang]}${pr.kind === 'reject' ? '' : `, ${kr(pr.amount)}`}`,
    ]);
  return [
    h(3, `${app.caseId} ${app.title}`),
    table(rows, { keyValue: true }),
    ...(() => {
      const shown = findings.filter((x) => memoOf(x.rule) === 'listed');
      // The fact, not the message: the board reads what is so, not which cell to fill in.
      return [shown.length > 0 ? ul(shown.map((x) => [x.fact[lang]])) : p(t.noFindings)];
    })(),
  ];
}

/** The secretariat's assessment of the memo's cases, where scores or declarations exist; no names. */
function assessmentBlocks(result: CheckResult, apps: Application[], lang: Lang): Block[] {
  const ids = new Set(apps.map((a) => a.caseId));
  const assessed = assessPortfolio(result.portfolio).filter(
    (c) => ids.has(c.caseId) && c.declarations.length > 0,
  );
  if (assessed.length === 0) return [];
  const nb = lang === 'nb';
  const yesNo = (x: boolean | null) =>
    x === null
      ? nb
        ? 'ikke ferdig'
        : 'incomplete'
      : x
        ? nb
          ? 'oppfylt'
          : 'met'
        : nb
          ? 'ikke oppfylt'
          : 'not met';
  const score = (x: number | null) => (x === null ? '–' : String(x).replace('.', nb ? ',' : '.'));
  const rows = assessed.map((c) => [
    `${c.caseId} ${c.title}`,
    yesNo(c.selectionHolds),
    score(c.weightedScore),
    c.finalRank === null ? '–' : String(c.finalRank),
    [c.disagreement ? (nb ? 'uenighet mellom vurdererne' : 'assessors disagree') : '', c.boardReason]
      .filter((x) => x !== '')
      .join('; '),
  ]);
  return [
    p(
      nb
        ? `Søknadene er vurdert etter ${decidingBody(result.portfolio.settings).genitive} kriterier for utvelgelse (alle må være oppfylt) og prioritering (vektet, skala 1–5).`
        : "The applications were assessed against the board's selection criteria (all must hold) and prioritisation criteria (weighted, scale 1–5).",
    ),
    table(
      [
        nb
          ? ['Sak', 'Utvelgelseskriterier', 'Vektet poeng', 'Rangering', 'Merknad']
          : ['Case', 'Selection criteria', 'Weighted score', 'Rank', 'Note'],
        ...rows,
      ],
      { header: true },
    ),
    h(3, nb ? 'Habilitet' : 'Impartiality'),
    ...assessed.map((c) => p(b(c.caseId), `: ${impartialityParagraph(c, lang)}`)),
  ];
}

/** The supplementary allocations decided by the day and not yet reported to SSU, for information. */
export function supplementBlocks(result: CheckResult, meetingDate: string, lang: Lang): Block[] {
  const t = T[lang];
  const titles = new Map(result.portfolio.applications.map((a) => [a.caseId, a.title]));
  const rows = result.portfolio.allocations
    .filter((a) => a.kind === 'supplement' && reported(a) !== true && decidedBy(a, meetingDate))
    .map((a) => [
      a.caseId,
      titles.get(a.caseId) ?? '',
      a.date.ok ? norwegianDate(a.date.value.toISOString()) : '',
      a.amount.ok ? formatMoney(a.amount.value, false) : '',
      a.decision,
    ]);
  const intro = p(t.supplementsIntro(kr(result.portfolio.settings.supplementLimit)));
  return rows.length === 0
    ? [intro, p(t.noSupplements)]
    : [intro, table([t.supplementHeader, ...rows], { header: true })];
}
