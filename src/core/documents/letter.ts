import type { CheckResult } from '../check/check';
import { formatMoney } from '../parse/money';
import { formatPeriod, proRata } from '../parse/period';
import type { Allocation, Application } from '../portfolio/records';
import type { Lang } from '../base/result';
import { sentenceStart } from '../base/text';
import { assessPortfolio } from '../assessment/scores';
import { dueDatesFor } from '../follow-up/deadlines/due-dates';
import { decidingBody } from '../workbook/bodies';
import { b, h, i, p, table, ul, ulNested, type Block, type DocModel, type Inline } from './model';
import { norwegianDate } from './memo';
import { heldBack, type Withheld } from './publication';

/** The grant offer (*tilsagnsbrev*) for a project with an ordinary grant. */
export interface Grant {
  application: Application;
  allocation: Allocation;
}

/**
 * Projects with an ordinary grant and an application row, in case-id order; a grant held back by
 * `heldBack` (an error in its own data) gets no letter and is listed in `withheld` instead.
 */
export function letterGrants(result: CheckResult): { grants: Grant[]; withheld: Withheld[] } {
  const apps = new Map(result.portfolio.applications.map((a) => [a.caseId, a]));
  const held = new Map(heldBack(result).map((w) => [w.allocation, w]));
  const out: Grant[] = [];
  const withheld: Withheld[] = [];
  const seen = new Set<string>();
  for (const allocation of result.portfolio.allocations) {
    const application = apps.get(allocation.caseId);
    if (allocation.kind !== 'ordinary' || !application || seen.has(allocation.caseId)) continue;
    seen.add(allocation.caseId);
    const w = held.get(allocation);
    if (w) withheld.push(w);
    else if (allocation.amount.ok) out.push({ application, allocation });
  }
  return { grants: out.sort((a, b) => a.application.caseId.localeCompare(b.application.caseId)), withheld };
}

/** The grants that get a letter (see `letterGrants`). */
export const grants = (result: CheckResult): Grant[] => letterGrants(result).grants;

const kr = (n: number) => formatMoney(n);
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const fmtDay = (d: Date, lang: Lang) => (lang === 'nb' ? norwegianDate(isoDay(d)) : isoDay(d));

/** The board case a decision names («SSU 18-2025 (forprosjekt)» → «18-2025»), or ''. */
export const boardCaseOf = (decision: string): string => /\b\d{1,3}-\d{4}\b/.exec(decision)?.[0] ?? '';

/**
 * *Vår ref.*: the case's number in the secretariat's archive (`Arkivsaksnr`) when one is kept, read like
 * every archive reference (`parseArchiveRef`); else the board case and the application, «18-2025/2025-05-001».
 */
export const ourRef = (app: Application, decision: string): string =>
  app.archiveCase !== ''
    ? app.archiveCase
    : [boardCaseOf(decision), app.caseId].filter((x) => x !== '').join('/');

/** The officer named in a case's letters: the application's `Saksbehandler`, else the setting. */
const officerOf = (result: CheckResult, app: Application): string =>
  app.caseOfficer.trim() || result.portfolio.settings.caseOfficer;

const T = {
  nb: {
    grantTitle: (t: string) => `Tilsagn om tilskudd – ${t}`,
    supplementTitle: (t: string) => `Tilsagn om tilleggsbevilling – ${t}`,
    rejectionTitle: (t: string) => `Svar på søknad om tilskudd – ${t}`,
    secretariat: 'Porteføljesekretariatet',
    orgNr: 'org.nr.',
    labels: { to: 'Til', ourRef: 'Vår ref.', date: 'Dato', officer: 'Saksbehandler' },
    decision: 'Vedtak',
    decided: (body: string, date: string, ref: string, title: string, amount: string, period: string) =>
      `${body} vedtok ${date}${ref === '' ? '' : ` i sak ${ref}`} å gi ${title} et tilskudd på ${amount}${period === '' ? '' : ` for perioden ${period}`}.`,
    supplementDecided: (date: string, title: string, amount: string) =>
      `Porteføljesekretariatet vedtok ${date} en tilleggsbevilling på ${amount} til ${title}, innenfor sekretariatets fullmakt.`,
    supplementNoReason:
      'Det er ikke registrert noen begrunnelse for tilleggsbevillingen, altså hva den skal dekke. Ta kontakt med porteføljesekretariatet om dette.',
    supplementPaid: (grant: string, period: string) =>
      `Tilleggsbevillingen utbetales sammen med tilskuddet til prosjektet${grant === '' ? '' : ` (tilsagn av ${grant})`}${period === '' ? '' : `, for perioden ${period}`}.`,
    supplementReady: (met: string) => `Vilkårene for utbetaling er oppfylt: ${met}.`,
    supplementWaits: (missing: string, met: string) =>
      `Den utbetales når ${missing}${met === '' ? '' : ` (${met})`}.`,
    accepted: (d: string) => `tilsagnet ble akseptert${d === '' ? '' : ` ${d}`}`,
    signed: (d: string) => `samarbeidsavtalen er signert${d === '' ? '' : ` ${d}`}`,
    toAccept: 'tilsagnet er akseptert',
    toSign: 'samarbeidsavtalen er signert',
    and: 'og',
    purpose: (t: string) =>
      `Tilskuddet skal brukes til ${t}, slik tiltaket er beskrevet i søknaden, og skal understøtte forpliktende samarbeid mellom kommunene og helseforetaket om rekruttering og samhandling.`,
    reduced: (asked: string) => `Dere søkte om ${asked}. Tilskuddet er lavere enn det dere søkte om`,
    reducedPre: 'fordi tilskuddet gjelder et forprosjekt, ikke hele prosjektet.',
    reducedOther: (body: string) => `etter ${body} prioritering innenfor rammen for tilskuddet.`,
    split: ['Budsjettår', 'Beløp'],
    sum: 'Sum',
    conditions: 'Vilkår',
    agreement:
      'Det skal inngås en skriftlig samarbeidsavtale mellom partene før midlene utbetales. Avtalen beskriver tiltaket, hvordan det støtter formålet med tilskuddet, budsjett med hva hver part bidrar med og, der det er relevant, hvem som har ansvaret for pasientene.',
    municipality: 'kommune',
    own: (list: string) => `Partene bidrar med egne ressurser som i søknaden: ${list}.`,
    noOwn:
      'Tilskuddet er delfinansiering: partenes egne bidrag skal stå i samarbeidsavtalen før midlene utbetales.',
    reporting:
      'Prosjektet rapporterer status (rødt/gult/grønt, framdrift, risiko og avhengigheter) til porteføljesekretariatet innen disse fristene:',
    reportingNoDates:
      'Prosjektet rapporterer status (rødt/gult/grønt, framdrift, risiko og avhengigheter) til porteføljesekretariatet halvårlig og med en sluttrapport.',
    halfYear: 'Statusrapport',
    final: 'Sluttrapport',
    by: 'innen',
    payment: 'Utbetaling',
    changes:
      'Vesentlige endringer i tiltaket, budsjettet, framdriften eller partene skal avtales skriftlig med porteføljesekretariatet på forhånd.',
    unused:
      'Midler som ikke er brukt etter formålet eller innen perioden, skal tilbakebetales eller trekkes inn.',
    control:
      'Tilskuddsforvalteren har rett til å kontrollere at midlene brukes etter forutsetningene, og kan kreve innsyn i regnskap og dokumentasjon.',
    operating: 'Tiltaket skal ikke medføre varige økte driftsutgifter.',
    supplement: (limit: string) =>
      `Behov for tilleggsbevilling (inntil ${limit} per prosjekt) avklares med porteføljesekretariatet.`,
    supplementConditions: 'Vilkårene i tilsagnet for prosjektet gjelder også for tilleggsbevillingen.',
    acceptance: 'Aksept',
    accept: (date: string) =>
      `Tilsagnet må aksepteres skriftlig innen ${date} ved svar på dette brevet. Uten aksept innen fristen kan tilsagnet falle bort.`,
    rejected: (body: string, date: string, ref: string, title: string) =>
      `${body} behandlet søknaden om tilskudd til ${title} ${date}${ref === '' ? '' : ` i sak ${ref}`}, og vedtok å avslå den.`,
    reasons: 'Begrunnelse',
    noReason: (body: string) =>
      `Søknaden nådde ikke opp i ${body} prioritering innenfor rammen for tilskuddet.`,
    appeal: 'Klageadgang',
    contact: 'Kontakt',
    questions: (email: string) => `Spørsmål om saken kan rettes til porteføljesekretariatet, ${email}.`,
    regards: 'Med vennlig hilsen',
    heldBack: (n: number) =>
      `Merk: ${n === 1 ? 'én tildeling' : `${n} tildelinger`} i saken er holdt utenfor dette brevet fordi registreringen har feil som må rettes først.`,
  },
  en: {
    grantTitle: (t: string) => `Grant offer – ${t}`,
    supplementTitle: (t: string) => `Supplementary grant offer – ${t}`,
    rejectionTitle: (t: string) => `Reply to the grant application – ${t}`,
    secretariat: 'Portfolio secretariat',
    orgNr: 'org. no.',
    labels: { to: 'To', ourRef: 'Our ref.', date: 'Date', officer: 'Case officer' },
    decision: 'Decision',
    decided: (body: string, date: string, ref: string, title: string, amount: string, period: string) =>
      `${body} decided on ${date}${ref === '' ? '' : ` in case ${ref}`} to grant ${title} ${amount}${period === '' ? '' : ` for ${period}`}.`,
    supplementDecided: (date: string, title: string, amount: string) =>
      `On ${date} the portfolio secretariat granted ${title} a supplementary ${amount}, within its authority.`,
    supplementNoReason:
      'No reason is registered for the supplementary grant, that is what it is to cover. Please contact the portfolio secretariat about this.',
    supplementPaid: (grant: string, period: string) =>
      `The supplement is paid together with the project's grant${grant === '' ? '' : ` (offer of ${grant})`}${period === '' ? '' : `, for ${period}`}.`,
    supplementReady: (met: string) => `The conditions for payment are met: ${met}.`,
    supplementWaits: (missing: string, met: string) =>
      `It is paid once ${missing}${met === '' ? '' : ` (${met})`}.`,
    accepted: (d: string) => `the offer was accepted${d === '' ? '' : ` on ${d}`}`,
    signed: (d: string) => `the written agreement was signed${d === '' ? '' : ` on ${d}`}`,
    toAccept: 'the offer is accepted',
    toSign: 'the written agreement is signed',
    and: 'and',
    purpose: (t: string) =>
      `The grant is to be used for ${t}, as described in the application, and is to support binding collaboration between the municipalities and the hospital trust on recruitment and collaboration.`,
    reduced: (asked: string) => `You applied for ${asked}. The grant is lower than the amount applied for`,
    reducedPre: 'because it is for a pre-project, not the whole project.',
    reducedOther: (body: string) => `after ${body} prioritisation within the frame of the grant.`,
    split: ['Budget year', 'Amount'],
    sum: 'Total',
    conditions: 'Conditions',
    agreement:
      'A written agreement between the parties must be signed before payment: the measure, how it serves the purpose of the grant, a budget with what each party contributes and, where relevant, who is responsible for the patients.',
    municipality: 'municipality',
    own: (list: string) => `The parties contribute their own resources as in the application: ${list}.`,
    noOwn:
      'The grant is partial financing: the parties’ own contributions are to be written into the agreement before payment.',
    reporting:
      'The project reports its status (red/yellow/green, progress, risk, dependencies) to the secretariat by these dates:',
    reportingNoDates:
      'The project reports its status (red/yellow/green, progress, risk, dependencies) to the secretariat half-yearly and with a final report.',
    halfYear: 'Status report',
    final: 'Final report',
    by: 'by',
    payment: 'Payment',
    changes:
      'Material changes to the measure, budget, progress or parties are to be agreed in writing with the secretariat in advance.',
    unused: 'Money not used for the purpose or within the period is to be paid back or withdrawn.',
    control:
      'The grantor has the right to check that the money is used as intended and may require access to accounts and documentation.',
    operating: 'The measure must not cause permanent increased operating costs.',
    supplement: (limit: string) =>
      `Needs for a supplementary allocation (up to ${limit} per project) are raised with the secretariat.`,
    supplementConditions: 'The conditions of the project’s grant offer apply to the supplement too.',
    acceptance: 'Acceptance',
    accept: (date: string) =>
      `The offer must be accepted in writing by ${date} by replying to this letter. Without acceptance by then the offer may lapse.`,
    rejected: (body: string, date: string, ref: string, title: string) =>
      `${body} considered the application for ${title} on ${date}${ref === '' ? '' : ` in case ${ref}`} and decided to reject it.`,
    reasons: 'Reasons',
    noReason: (body: string) =>
      `The application did not rank high enough in ${body} prioritisation within the frame.`,
    appeal: 'Right of appeal',
    contact: 'Contact',
    questions: (email: string) => `Questions about the case: the portfolio secretariat, ${email}.`,
    regards: 'Kind regards',
    heldBack: (n: number) =>
      `Note: ${n === 1 ? 'one allocation' : `${n} allocations`} in this case ${n === 1 ? 'is' : 'are'} left out of this letter because the registration has errors to correct first.`,
  },
};

export interface LetterOptions {
  /** The letter's date, ISO; default the decision's date. */
  date?: string;
  lang?: Lang;
}

/** Sender, recipient, references, date, officer: the head of every letter. */
function head(result: CheckResult, app: Application, decision: string, date: string, lang: Lang): Block[] {
  const t = T[lang];
  const s = result.portfolio.settings;
  const holder = [s.hospitalTrust, s.funderOrgNumber.trim() === '' ? '' : `${t.orgNr} ${s.funderOrgNumber}`]
    .filter((x) => x !== '')
    .join(', ');
  const sender = [s.community, t.secretariat, holder, s.secretariatAddress.trim()].filter((x) => x !== '');
  return [
    p(...sender.flatMap((x, n): Inline[] => (n === 0 ? [b(x)] : [' · ', x]))),
    table(
      [
        [t.labels.to, [app.applicant, app.email].filter((x) => x !== '').join(', ')],
        [t.labels.ourRef, ourRef(app, decision)],
        [t.labels.date, date === '' ? '' : lang === 'nb' ? norwegianDate(date) : date],
        [t.labels.officer, officerOf(result, app)],
      ],
      { keyValue: true },
    ),
  ];
}

function closing(result: CheckResult, app: Application, lang: Lang): Block[] {
  const t = T[lang];
  const s = result.portfolio.settings;
  const name = s.signatory.trim() || officerOf(result, app);
  return [
    h(2, t.contact),
    p(t.questions(s.secretariatEmail)),
    p(t.regards),
    p(b(name)),
    ...(s.signatoryTitle.trim() === '' ? [] : [p(s.signatoryTitle.trim())]),
    p(`${t.secretariat}, ${s.community}`),
  ];
}

const ownText = (result: CheckResult, app: Application, lang: Lang): string => {
  const t = T[lang];
  const s = result.portfolio.settings;
  const own = [
    app.ownMunicipality?.ok && app.ownMunicipality.value > 0
      ? `${t.municipality} ${kr(app.ownMunicipality.value)}`
      : '',
    app.ownHospital?.ok && app.ownHospital.value > 0
      ? `${s.hospitalTrustShort} ${kr(app.ownHospital.value)}`
      : '',
  ].filter((x) => x !== '');
  return own.length > 0 ? t.own(own.join(', ')) : t.noOwn;
};

/** The assessment's reason for the deciding body's choice on a case, when one is registered. */
const boardReason = (result: CheckResult, caseId: string): string =>
  assessPortfolio(result.portfolio)
    .find((c) => c.caseId === caseId)
    ?.boardReason.trim() ?? '';

/** The letter's date: the one given, else the decision's, so writing it again leaves it as it was. */
/** The letter's date: the one asked for, never before the decision it tells of (ISO days compare as text). */
const letterDate = (options: LetterOptions, a: Allocation) => {
  const decided = a.date.ok ? isoDay(a.date.value) : '';
  return options.date && options.date >= decided ? options.date : decided || options.date || '';
};

/**
 * The grant offer (*tilsagnsbrev*) for a project's ordinary grant, as a Norwegian letter: sender and
 * recipient, references, the decision with body, meeting and date, the amount per budget year with the
 * sum, the purpose, the conditions (agreement before payment, own contributions, report deadlines with
 * their dates, payment terms, changes, unused money, control), the acceptance deadline, contact and
 * signature. A reduced grant says why; the appeal text is printed when the setting has one.
 */
export function buildLetter(result: CheckResult, grant: Grant, options: LetterOptions = {}): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const s = result.portfolio.settings;
  const body = decidingBody(s);
  const { application: app, allocation: a } = grant;
  const amount = a.amount.ok ? a.amount.value : 0;
  const period = a.period?.ok ? a.period.value : app.period.ok ? app.period.value : null;
  const decided = a.date.ok ? fmtDay(a.date.value, lang) : '';
  const split = period ? [...proRata(amount, period)] : [];
  const date = letterDate(options, a);
  const asked = app.requested.ok ? app.requested.value : 0;
  const reduced = asked > amount;
  const reason = boardReason(result, app.caseId);
  const deadlines = period ? dueDatesFor(period, s) : [];
  const acceptBy = date === '' ? null : new Date(Date.parse(`${date}T00:00:00Z`) + s.acceptanceDays * DAY);
  const held = heldBack(result).filter((w) => w.allocation.caseId === app.caseId).length;
  const blocks: Block[] = [
    ...head(result, app, a.decision, date, lang),
    h(2, t.decision),
    p(
      t.decided(
        sentenceStart(body.inText),
        decided,
        boardCaseOf(a.decision),
        app.title,
        kr(amount),
        period ? formatPeriod(period, lang) : '',
      ),
    ),
    ...(split.length > 0
      ? [
          table(
            [
              t.split,
              ...split.map(([y, v]) => [String(y), formatMoney(v, false)]),
              [t.sum, formatMoney(amount, false)],
            ],
            { header: true },
          ),
        ]
      : []),
    p(t.purpose(app.title)),
    ...(reduced
      ? [
          p(
            `${t.reduced(kr(asked))} ${app.recommendation === 'preProject' ? t.reducedPre : t.reducedOther(body.genitive)}`,
            ...(reason === '' ? [] : [` ${reason}`]),
          ),
        ]
      : []),
    ...(held > 0 ? [p(i(t.heldBack(held)))] : []),
    h(2, t.conditions),
    // The deadlines are sub-items of the reporting item that leads in to them («innen disse fristene:»).
    ulNested([
      { item: [t.agreement] },
      { item: [ownText(result, app, lang)] },
      {
        item: [deadlines.length > 0 ? t.reporting : t.reportingNoDates],
        sub: deadlines.map((d) => [
          `${d.type === 'final' ? t.final : t.halfYear} ${t.by} ${fmtDay(d.due, lang)}`,
        ]),
      },
      { item: [t.changes] },
      { item: [t.unused] },
      { item: [t.control] },
      { item: [t.operating] },
      { item: [t.supplement(kr(s.supplementLimit))] },
    ]),
    h(2, t.payment),
    p(s.paymentTerms),
    h(2, t.acceptance),
    p(t.accept(acceptBy ? fmtDay(acceptBy, lang) : '')),
    ...(reduced && s.appealText.trim() !== '' ? [h(2, t.appeal), p(s.appealText.trim())] : []),
    ...closing(result, app, lang),
  ];
  return { title: t.grantTitle(app.title), lang, blocks };
}

/** A supplementary allocation (*tilleggsbevilling*) with its own letter. */
export interface Supplement {
  application: Application;
  allocation: Allocation;
  /** 1 for the case's first supplementary allocation in sheet order, 2 for its second, …: names its letter. */
  n: number;
}

/** The supplementary allocations with an application, not held back, in sheet order. */
export function supplementLetters(result: CheckResult): Supplement[] {
  const apps = new Map(result.portfolio.applications.map((a) => [a.caseId, a]));
  const held = new Set(heldBack(result).map((w) => w.allocation));
  const seen = new Map<string, number>();
  return result.portfolio.allocations.flatMap((allocation) => {
    const application = apps.get(allocation.caseId);
    if (allocation.kind !== 'supplement' || !application || held.has(allocation) || !allocation.amount.ok)
      return [];
    const n = (seen.get(allocation.caseId) ?? 0) + 1;
    seen.set(allocation.caseId, n);
    return [{ application, allocation, n }];
  });
}

/**
 * Why the secretariat granted a supplement, as registered: *Registrer tilleggsbevilling* writes the reason
 * it asks for into `Vedtak` after who decided («Sekretariatet: økte reisekostnader» → «økte
 * reisekostnader»); '' when `Vedtak` only names the secretariat.
 */
export const supplementReason = (decision: string): string =>
  decision.replace(/^\s*(?:portefølje)?sekretariatet\b\s*:?\s*/i, '').trim();

/**
 * When and how a supplement is paid for this case, from what the workbook holds: with the project's
 * grant (its offer's date), for the supplement's period, and whether the offer is accepted and the
 * written agreement signed; the general `Utbetalingsvilkår` only for a case without an ordinary grant.
 */
function supplementPayment(result: CheckResult, sup: Supplement, lang: Lang): string {
  const t = T[lang];
  const { application: app, allocation: a } = sup;
  const grant = result.portfolio.allocations.find((x) => x.caseId === app.caseId && x.kind === 'ordinary');
  if (!grant) return result.portfolio.settings.paymentTerms;
  const day = (d: Date | null) => (d ? fmtDay(d, lang) : '');
  const period = a.period?.ok ? formatPeriod(a.period.value, lang) : '';
  const met = [
    grant.accepted === true ? t.accepted(day(grant.acceptedOn)) : '',
    app.contract === true ? t.signed(day(app.contractSigned)) : '',
  ].filter((x) => x !== '');
  const missing = [grant.accepted === true ? '' : t.toAccept, app.contract === true ? '' : t.toSign].filter(
    (x) => x !== '',
  );
  return [
    t.supplementPaid(grant.date.ok ? day(grant.date.value) : '', period),
    missing.length === 0
      ? t.supplementReady(met.join(` ${t.and} `))
      : t.supplementWaits(missing.join(` ${t.and} `), met.join(`, `)),
  ].join(' ');
}

/**
 * The letter for a supplementary grant: the decision, the amount per budget year, the reason registered
 * with it (or, honestly, that none is), the conditions and when it is paid for this case.
 */
export function buildSupplementLetter(
  result: CheckResult,
  sup: Supplement,
  options: LetterOptions = {},
): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const { application: app, allocation: a } = sup;
  const amount = a.amount.ok ? a.amount.value : 0;
  const period = a.period?.ok ? a.period.value : null;
  const date = letterDate(options, a);
  const split = period ? [...proRata(amount, period)] : [];
  const reason = supplementReason(a.decision);
  return {
    title: t.supplementTitle(app.title),
    lang,
    blocks: [
      ...head(result, app, a.decision, date, lang),
      h(2, t.decision),
      p(t.supplementDecided(a.date.ok ? fmtDay(a.date.value, lang) : '', app.title, kr(amount))),
      ...(split.length > 0
        ? [
            table(
              [
                t.split,
                ...split.map(([y, v]) => [String(y), formatMoney(v, false)]),
                [t.sum, formatMoney(amount, false)],
              ],
              { header: true },
            ),
          ]
        : []),
      h(2, t.reasons),
      reason === ''
        ? p(i(t.supplementNoReason))
        : p(`${sentenceStart(reason)}${/[.!?]$/.test(reason) ? '' : '.'}`),
      h(2, t.conditions),
      ul([[t.supplementConditions], [t.unused], [t.control]]),
      h(2, t.payment),
      p(supplementPayment(result, sup, lang)),
      ...closing(result, app, lang),
    ],
  };
}

/** Applications the deciding body rejected (status *Avslått*), in case-id order. */
export const rejections = (result: CheckResult): Application[] =>
  result.portfolio.applications
    .filter((a) => /^avsl/i.test(a.status.trim()) || /^reject/i.test(a.status.trim()))
    .sort((x, y) => x.caseId.localeCompare(y.caseId));

/**
 * The day a rejected application was decided, ISO: the date of an allocation the same board case made
 * (its `Vedtak` names the case, «SSU 18-2025»), so its letter keeps that date when written again; ''
 * when no allocation shows it.
 */
export function rejectionDate(result: CheckResult, app: Application): string {
  const boardCase = boardCaseOf(app.decision);
  if (boardCase === '') return '';
  const same = result.portfolio.allocations.find((a) => a.date.ok && boardCaseOf(a.decision) === boardCase);
  return same?.date.ok ? isoDay(same.date.value) : '';
}

/** The rejection (*avslag*) with its reasons, and the appeal text when the setting has one. */
export function buildRejectionLetter(
  result: CheckResult,
  app: Application,
  options: { date: string; decision?: string; lang?: Lang },
): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const s = result.portfolio.settings;
  const body = decidingBody(s);
  const decision = options.decision ?? app.decision;
  // The reason registered with the decision (`Begrunnelse`), the assessment's, and the errors found.
  const facts = result.findings
    .filter((f) => f.ref === app.caseId && f.severity === 'error')
    .map((f) => f.fact[lang]);
  const reasons = [...new Set([app.reason.trim(), boardReason(result, app.caseId), ...facts])].filter(
    (r) => r !== '',
  );
  return {
    title: t.rejectionTitle(app.title),
    lang,
    blocks: [
      ...head(result, app, decision, options.date, lang),
      h(2, t.decision),
      p(
        t.rejected(
          sentenceStart(body.inText),
          options.date === '' ? '' : lang === 'nb' ? norwegianDate(options.date) : options.date,
          boardCaseOf(decision),
          app.title,
        ),
      ),
      h(2, t.reasons),
      reasons.length > 0 ? ul(reasons.map((r) => [r])) : p(t.noReason(body.genitive)),
      ...(s.appealText.trim() !== '' ? [h(2, t.appeal), p(s.appealText.trim())] : []),
      ...closing(result, app, lang),
    ],
  };
}
