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
import { boardCaseHeader } from './board-case';
import { leftOutOfTotals, leftOutText } from './publication';
import { decidedBy, keyInWords, pct, potSum, potYears } from './pots';
import type { LedgerEntry } from '../money-flow/ledger';

/**
 * The decision memo (*saksfremstilling*) for a meeting of the deciding body, as the seeds of cases 18-2025 and 47-2024
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
  caseId: string;
  title: string;
  /** `null` for a proposal without an application (the secretariat's cost, decided under the memo's case). */
  application: Application | null;
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
      `Porteføljesekretariatet kan gi tilleggsbevilling til vedtatte prosjekt, oppad begrenset til ${limit} per prosjekt.`,
    supplementsGiven: 'Disse er gitt siden forrige rapportering:',
    supplementHeader: ['Sak', 'Prosjekt', 'Dato', 'Beløp', 'Vedtak'],
    noSupplements: 'Det er ikke gitt tilleggsbevillinger siden forrige rapportering.',
    assessment: 'Vurdering',
    noAssessment:
      'Det er ikke registrert noen vurdering etter kriteriene for sakene i dette forslaget. Innstillingen bygger på saksopplysningene over.',
    noApplication: (admin: boolean) =>
      admin
        ? 'Forslaget har ingen søknad: beløpet dekker sekretariatets kostnader etter overslaget i denne saken.'
        : 'Forslaget har ingen søknad: beløpet er registrert under denne saken.',
    conclusion: 'Konklusjon: ',
    ownMissing:
      'Tilskuddet er delfinansiering. Partenes egne bidrag må avklares og stå i samarbeidsavtalen før tilskuddet utbetales.',
  },
  en: {
    title: 'Decision memo',
    caseWord: 'Case',
    pages: { page: 'Page', of: 'of' },
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
      `The secretariat may grant supplementary allocations to approved projects, up to ${limit} per project.`,
    supplementsGiven: 'Granted since the last report:',
    supplementHeader: ['Case', 'Project', 'Date', 'Amount', 'Decision'],
    noSupplements: 'No supplementary allocations have been granted since the last report.',
    assessment: 'Assessment',
    noAssessment:
      'No assessment against the criteria is registered for the cases of this proposal. The recommendation rests on the facts above.',
    noApplication: (admin: boolean) =>
      admin
        ? 'This proposal has no application: the amount covers the secretariat’s cost as estimated in this case.'
        : 'This proposal has no application: the amount is registered under this case.',
    conclusion: 'Conclusion: ',
    ownMissing:
      'The grant is partial financing. The parties’ own contributions must be settled and written into the agreement before payment.',
  },
};

const kr = (n: number) => formatMoney(n);
export const norwegianDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2}).*$/, '$3.$2.$1');

/**
 * Whether an allocation's decision names the board case `caseNumber` («SSU 18-2025 (sekretariat)»): it is
 * then decided by the memo for that case, so it is part of its proposal, not "allocated before".
 */
export function decidedUnder(a: Allocation, caseNumber: string | undefined): boolean {
  const c = caseNumber?.trim() ?? '';
  if (c === '') return false;
  const escaped = c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w-])${escaped}($|[^\\w-])`).test(a.decision);
}

/** A proposal without an application: its own title from the category (the secretariat's cost). */
const allocationTitle = (a: Allocation, lang: Lang) =>
  a.category ? CATEGORY_LABELS[a.category][lang] : lang === 'nb' ? 'Tildeling' : 'Allocation';

/**
 * The proposal for each selected case, the ordinary allocations already registered under the memo's own
 * board case (with or without an application: the secretariat's cost is one), and the cases held back by
 * error-level findings.
 */
export function proposals(
  result: CheckResult,
  cases?: string[],
  caseNumber?: string,
  lang: Lang = 'nb',
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
    : portfolio.applications.filter((a) => {
        const own = ordinary.get(a.caseId);
        return (
          isActive(a) && (own === undefined ? !isGrantedStatus(a.status) : decidedUnder(own, caseNumber))
        );
      });
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
    ready.push({
      caseId: app.caseId,
      title: app.title,
      application: app,
      kind,
      amount,
      period,
      category: app.category ?? 'innovation',
    });
  }
  // Ordinary allocations registered under this board case for cases not selected above are part of the
  // proposal too: leaving them out would count them as decided before and hide them from the decision.
  const taken = new Set([...ready.map((x) => x.caseId), ...notReady.map((x) => x.caseId)]);
  for (const a of portfolio.allocations) {
    if (a.kind !== 'ordinary' || taken.has(a.caseId) || !decidedUnder(a, caseNumber) || !a.amount.ok)
      continue;
    taken.add(a.caseId);
    const app = byId.get(a.caseId) ?? null;
    ready.push({
      caseId: a.caseId,
      title: app?.title ?? allocationTitle(a, lang),
      application: app,
      kind: app?.recommendation ?? 'grant',
      amount: a.amount.value,
      period: a.period?.ok ? a.period.value : null,
      category: a.category ?? app?.category ?? 'innovation',
    });
  }
  return { ready, notReady };
}

function proposalLine(pr: Proposal, lang: Lang): Inline[] {
  const { application: app, amount, period } = pr;
  const title = `${pr.title} (${pr.caseId})`;
  const when = period
    ? lang === 'nb'
      ? ` for perioden ${formatPeriod(period)}`
      : ` for ${formatPeriod(period, 'en')}`
    : '';
  const asked = app?.requested.ok ? app.requested.value : 0;
  const attached = app
    ? lang === 'nb'
      ? ', iht. vedlagte søknad'
      : ', according to the attached application'
    : '';
  if (lang === 'en') {
    if (pr.kind === 'reject') return [b(title), ' is rejected.'];
    const what =
      pr.kind === 'preProject'
        ? ' for a pre-project'
        : pr.kind === 'partial'
          ? ` of ${kr(asked)} requested`
          : '';
    return [b(title), ` is granted ${kr(amount)}${what}${when}${attached}.`];
  }
  if (pr.kind === 'reject') return [b(title), ' avslås.'];
  const what =
    pr.kind === 'preProject' ? ' til et forprosjekt' : pr.kind === 'partial' ? ` av søkte ${kr(asked)}` : '';
  return [b(title), ` tildeles ${kr(amount)}${what}${when}${attached}.`];
}

/** The background: what the community manages, and only the earlier decisions that exist. */
function background(settings: Settings, caseNumber: string, year: number, lang: Lang): string {
  const nb = lang === 'nb';
  const body = decidingBody(settings);
  const frame = kr(frameFor(settings, year));
  const guidelines = settings.guidelinesCase.trim();
  const key = settings.keyCase.trim();
  const sentences = [
    nb
      ? `${settings.community} forvalter et varig rekrutterings- og samhandlingstilskudd på ${frame} per år.`
      : `${settings.community} manages a permanent recruitment and collaboration grant of ${frame} a year.`,
  ];
  if (guidelines !== '' && guidelines !== caseNumber)
    sentences.push(
      nb
        ? `${sentenceStart(body.inText)} har vedtatt rammer og retningslinjer for forvaltningen (sak ${guidelines}).`
        : `${sentenceStart(body.inText)} has adopted guidelines for managing the grant (case ${guidelines}).`,
    );
  if (key !== '' && key === caseNumber)
    sentences.push(
      nb
        ? `Denne saken legger fram en veiledende fordelingsnøkkel mellom innovasjon, administrasjon og samdrift (${keyInWords(settings, lang)}).`
        : `This case proposes a guiding split key between innovation, administration and joint operations (${keyInWords(settings, lang)}).`,
    );
  else if (key !== '')
    sentences.push(
      nb
        ? `${sentenceStart(body.inText)} har vedtatt en veiledende fordelingsnøkkel mellom innovasjon, administrasjon og samdrift (sak ${key}).`
        : `${sentenceStart(body.inText)} has adopted a guiding split key between innovation, administration and joint operations (case ${key}).`,
    );
  sentences.push(
    nb
      ? 'Søknadene er mottatt i søknadsrunden, kontrollert mot premissene og vurdert av porteføljesekretariatet.'
      : 'The applications were received in the round, checked against the premises and assessed by the secretariat.',
  );
  return sentences.join(' ');
}

export function buildMemo(result: CheckResult, options: MemoOptions): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const { portfolio, findings } = result;
  const settings = portfolio.settings;
  const caseNumber = options.caseNumber?.trim() ?? '';
  const { ready, notReady } = proposals(result, options.cases, caseNumber, lang);
  const byCase = new Map<string, Finding[]>();
  for (const f of findings) byCase.set(f.ref, [...(byCase.get(f.ref) ?? []), f]);
  const firstYear = Number(options.meetingDate.slice(0, 4));
  const keyAdopted = caseNumber !== '' && settings.keyCase.trim() === caseNumber;
  const decisions: Inline[][] = ready.map((pr) => proposalLine(pr, lang));
  if (keyAdopted)
    decisions.push([
      lang === 'nb'
        ? `Fordelingsnøkkelen ${keyInWords(settings, lang)} vedtas som veiledende for tildelingene.`
        : `The split key ${keyInWords(settings, lang)} is adopted as guiding for the allocations.`,
    ]);
  const withApplication = ready.filter((pr) => pr.application !== null);

  const blocks: Block[] = [
    boardCaseHeader(
      {
        board: settings.board,
        meeting: norwegianDate(options.meetingDate),
        caseNumber,
        officer: settings.caseOfficer,
        subject: t.subjectText,
      },
      lang,
    ),
    h(2, t.proposal),
    decisions.length > 0 ? ol(decisions) : p(t.noProposal),
    p(t.other),
    h(2, t.attachments),
    ol([
      ...(settings.guidelinesCase.trim() !== '' ? [[t.guidelines(settings.guidelinesCase.trim())]] : []),
      ...withApplication.map((pr) => [t.application(pr.title)]),
    ]),
    h(2, t.background),
    p(background(settings, caseNumber, firstYear, lang)),
    h(2, t.facts),
    table(
      [
        t.keyTable,
        [t.frameRow, '', money(frameFor(settings, firstYear))],
        ...CATEGORY_IDS.map((id) => [
          CATEGORY_LABELS[id][lang],
          pct(settings.key[id], lang),
          money(frameFor(settings, firstYear) * settings.key[id]),
        ]),
      ],
      { header: true },
    ),
    ...potTables(result, ready, caseNumber, options.meetingDate, lang),
    h(2, t.cases),
    ...ready.flatMap((pr) => caseSection(pr, byCase.get(pr.caseId) ?? [], settings, lang)),
  ];
  if (notReady.length > 0) {
    blocks.push(
      h(2, t.notReady),
      p(t.notReadyIntro),
      ...notReady.flatMap((app) =>
        caseSection(
          {
            caseId: app.caseId,
            title: app.title,
            application: app,
            kind: 'grant',
            amount: 0,
            period: null,
            category: app.category ?? 'innovation',
          },
          byCase.get(app.caseId) ?? [],
          settings,
          lang,
          false,
        ),
      ),
    );
  }
  blocks.push(h(2, t.supplements), ...supplementBlocks(result, options.meetingDate, lang));
  const assessment = assessmentBlocks(
    result,
    [...withApplication.map((pr) => pr.application!), ...notReady],
    lang,
  );
  blocks.push(h(2, t.assessment), ...(assessment.length > 0 ? assessment : [p(t.noAssessment)]));
  // Like the seed memos: the board's case number and the page on every page.
  const footer = [t.title, caseNumber ? `${t.caseWord} ${caseNumber}` : '', settings.community]
    .filter((x) => x !== '')
    .join(' · ');
  return { title: t.title, blocks, footer: { text: footer, pages: t.pages } };
}

/**
 * Per budget year touched: each pot's key, what was allocated before, what this proposal adds (pro rata
 * by month), what remains; then, in plain sentences, why a figure differs from the amounts in the
 * decisions (pro rata) and what a negative remainder or a key overrun means for the decision.
 */
function potTables(
  result: CheckResult,
  ready: Proposal[],
  caseNumber: string,
  meetingDate: string,
  lang: Lang,
): Block[] {
  const t = T[lang];
  const nb = lang === 'nb';
  const settings = result.portfolio.settings;
  const proposedIds = new Set(ready.map((pr) => pr.caseId));
  // What this memo decides is not "before": the proposed cases' ordinary allocations, and every ordinary
  // allocation registered under the memo's own board case.
  const isThisCase = (e: LedgerEntry) =>
    e.allocation.kind === 'ordinary' &&
    (proposedIds.has(e.allocation.caseId) || decidedUnder(e.allocation, caseNumber));
  const years = potYears(
    result,
    isThisCase,
    ready.flatMap((pr) =>
      pr.amount > 0 && pr.period ? [{ category: pr.category, byYear: proRata(pr.amount, pr.period) }] : [],
    ),
    meetingDate,
  );
  const spread: Inline[] = [];
  /** Per year and pot, the parts this proposal adds: a sum of a split and another amount is spelled out. */
  const parts = new Map<string, number[]>();
  let anySplit = false;
  for (const pr of ready) {
    if (pr.amount <= 0 || !pr.period) continue;
    const split = proRata(pr.amount, pr.period);
    anySplit ||= split.size > 1;
    for (const [year, amount] of split) {
      const k = `${year}|${pr.category}`;
      parts.set(k, [...(parts.get(k) ?? []), amount]);
    }
    if (split.size > 1) {
      const parts = [...split].map(([y, v]) => `${kr(v)} ${nb ? 'i' : 'in'} ${y}`);
      spread.push(
        `${pr.title} (${pr.caseId}): ${kr(pr.amount)} ${nb ? 'for' : 'for'} ${formatPeriod(pr.period, lang)} ${nb ? 'gir' : 'gives'} ${parts.join(nb ? ' og ' : ' and ')}.`,
      );
    }
  }
  const notes: Inline[][] = [];
  const out = years.flatMap((py) => {
    const { year, frame, before: was, added: add, left } = py;
    const rows = CATEGORY_IDS.map((id) => {
      const key = py.key[id];
      const used = was[id] + add[id];
      if (used > key && add[id] > 0) {
        const label = CATEGORY_LABELS[id][lang];
        notes.push([
          b(`${label} ${year}: `),
          nb
            ? `forslaget gir ${kr(used)}, det er ${pct(used / frame, lang)} av rammen mot en nøkkel på ${pct(settings.key[id], lang)} (${kr(key)}), ${kr(used - key)} over nøkkelen. Derfor viser «Gjenstår» ${money(key - used)}. ` +
              (left >= 0
                ? `Rammen som helhet har ${kr(left)} igjen, så forslaget holder seg innenfor rammen, men ikke innenfor nøkkelen: vedtas det, godtar ${decidingBody(settings).inText} at nøkkelen overskrides for ${year}.`
                : `Heller ikke rammen som helhet dekker forslaget (${kr(-left)} for lite).`)
            : `the proposal gives ${kr(used)}, ${pct(used / frame, lang)} of the frame against a key of ${pct(settings.key[id], lang)} (${kr(key)}), ${kr(used - key)} over the key. Hence "Remaining" shows ${money(key - used)}. ` +
              (left >= 0
                ? `The frame as a whole has ${kr(left)} left, so the proposal stays within the frame but not within the key: adopting it accepts that the key is exceeded for ${year}.`
                : `The frame as a whole does not cover it either (${kr(-left)} short).`),
        ]);
      }
      return [CATEGORY_LABELS[id][lang], money(key), money(was[id]), money(add[id]), money(key - used)];
    });
    if (left < 0)
      notes.push([
        b(`${t.frameTotal} ${year}: `),
        nb
          ? `forslaget går ${kr(-left)} ut over rammen. Det kan ikke vedtas slik uten at beløp reduseres, flyttes til et annet år eller rammen økes.`
          : `the proposal exceeds the frame by ${kr(-left)}. It cannot be adopted as it stands unless amounts are reduced, moved to another year or the frame is raised.`,
      ]);
    rows.push([t.frameTotal, money(frame), money(potSum(was)), money(potSum(add)), money(left)]);
    return [h(3, t.pots(year)), table([t.potHeader, ...rows], { header: true })];
  });
  if (anySplit)
    for (const [k, list] of parts) {
      if (list.length < 2) continue;
      const [year, id] = k.split('|') as [string, CategoryId];
      const total = list.reduce((x, y) => x + y, 0);
      spread.push(
        nb
          ? `${CATEGORY_LABELS[id].nb} i ${year} er dermed ${list.map(kr).join(' + ')} = ${kr(total)}.`
          : `${CATEGORY_LABELS[id].en} in ${year} is thus ${list.map(kr).join(' + ')} = ${kr(total)}.`,
      );
    }
  if (spread.length > 0)
    out.push(
      p(
        nb
          ? 'Et tilskudd over flere budsjettår regnes inn i hvert år etter antall måneder i perioden, derfor er tallene per år lavere enn beløpene i vedtaket: '
          : 'A grant over several budget years is counted in each year by the months of its period, so the figures per year are lower than the amounts decided: ',
        ...spread.flatMap((x, n) => (n === 0 ? [x] : [' ', x])),
      ),
    );
  if (notes.length > 0) out.push(ul(notes));
  // A grant whose amount or period cannot be read is in no year's figures: the reader is told.
  const left = leftOutText(leftOutOfTotals(result), lang);
  if (out.length > 0 && left !== '') out.push(p(left));
  return out;
}

const money = (n: number) => formatMoney(Math.round(n), false);

/** "Arendal, Grimstad, SSHF": the municipalities and, when it takes part, the hospital trust's short name. */
export const partiesText = (app: Application, settings: Settings): string =>
  [...app.municipalities, ...(app.hospital ? [settings.hospitalTrustShort] : [])].join(', ');

function caseSection(
  pr: Proposal,
  findings: Finding[],
  settings: Settings,
  lang: Lang,
  proposed = true,
): Block[] {
  const t = T[lang];
  const f = t.fields;
  const app = pr.application;
  const heading = h(3, `${pr.caseId} ${pr.title}`);
  if (!app)
    return [
      heading,
      table(
        [
          [f.period, pr.period ? formatPeriod(pr.period, lang) : '–'],
          [f.recommendation, `${RECOMMENDATIONS[pr.kind][lang]}, ${kr(pr.amount)}`],
        ],
        { keyValue: true },
      ),
      p(t.noApplication(pr.category === 'administration')),
    ];
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
  if (proposed)
    rows.push([
      f.recommendation,
      `${RECOMMENDATIONS[pr.kind][lang]}${pr.kind === 'reject' ? '' : `, ${kr(pr.amount)}`}`,
    ]);
  // The fact, not the message: the board reads what is so, not which cell to fill in.
  const shown = findings.filter((x) => memoOf(x.rule) === 'listed');
  const conclusions: Block[] = [];
  if (proposed && pr.kind !== 'reject' && findings.some((x) => x.rule === 'own-contribution-missing'))
    conclusions.push(p(b(t.conclusion), t.ownMissing));
  return [
    heading,
    table(rows, { keyValue: true }),
    shown.length > 0 ? ul(shown.map((x) => [x.fact[lang]])) : p(t.noFindings),
    ...conclusions,
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
        : "The applications were assessed against the deciding body's selection criteria (all must hold) and prioritisation criteria (weighted, scale 1–5).",
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

/** The supplementary allocations decided by the day and not yet reported to the body kept informed. */
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
  const limit = t.supplementsIntro(kr(result.portfolio.settings.supplementLimit));
  return rows.length === 0
    ? [p(`${limit} ${t.noSupplements}`)]
    : [p(`${limit} ${t.supplementsGiven}`), table([t.supplementHeader, ...rows], { header: true })];
}
