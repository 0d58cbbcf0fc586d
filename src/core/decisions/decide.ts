import { ok, type Lang, type Parsed, type Reason } from '../base/result';
import { checkPortfolio } from '../check/check';
import { heldBack, type Withheld } from '../documents/publication';
import type { Finding } from '../engine/findings';
import { formatMoney } from '../parse/money';
import { formatPeriod, type Period } from '../parse/period';
import type { Allocation, Application, Portfolio, WorkbookValues } from '../portfolio/records';
import { CATEGORY_LABELS } from '../workbook/categories';
import type { ALLOCATIONS, FieldKey } from '../workbook/contract';
import {
  ALLOCATION_KINDS,
  RECOMMENDATIONS,
  STATUSES,
  parseTerm,
  type ApplicationStatus,
} from '../workbook/vocabulary';
import { followUpWrites, type FollowUpDecision, type FollowUpOutcome } from './follow-ups';
import { decisionRef, isOfDecision, readProposals, type Proposal } from './proposals';

export type { FollowUpDecision, FollowUpOutcome };

/** What the board decided on one case; a case the board is not said to have changed is decided as recommended. */
export type BoardDecision =
  | { caseId: string; kind: 'asRecommended' }
  | { caseId: string; kind: 'changed'; amount: number; period?: Period }
  | { caseId: string; kind: 'preProject'; amount: number; period?: Period }
  | { caseId: string; kind: 'rejected'; reason: string }
  | { caseId: string; kind: 'postponed'; reason?: string };

export type DecisionKind = BoardDecision['kind'];

/** One case as the board decided it. */
export interface Outcome {
  proposal: Proposal;
  kind: DecisionKind;
  /** The application's new status; null when the case has no application (the secretariat's cost). */
  status: ApplicationStatus | null;
  /** The amount granted (0 when rejected or postponed). */
  amount: Parsed<number>;
  period: Parsed<Period> | null;
  reason: string;
  /** The `Vedtak` written: the board case's reference, with «(forprosjekt)» for a pre-project. */
  decision: string;
  /** What the board changed from the recommendation, in words ('' when none). */
  changed: Reason;
}

export type AllocationRow = Partial<Record<FieldKey<typeof ALLOCATIONS>, unknown>>;

/** The rows to write, all or nothing: nothing when `held` or `refused` is non-empty. */
export interface DecisionWrites {
  ref: string;
  outcomes: Outcome[];
  /** New `Tildelinger` rows. */
  allocations: AllocationRow[];
  /** `Søknader` cells to set, by sheet row. */
  applications: Array<{
    row: number;
    caseId: string;
    status: string;
    /** Absent for a closure: the grant's `Vedtak` and `Begrunnelse` stay. */
    decision?: string;
    reason?: string;
    recused?: string;
    /** `Avslutningsvedtak`, set when the board approves the closure. */
    closure?: string;
  }>;
  /** `Logg` lines, one per case written. */
  log: Array<{ action: string; caseId: string; before: string; after: string }>;
  /** Cases registered before exactly so: nothing added for them. */
  already: string[];
  /** Decisions whose own data has an error (the rule `publish` holds grants back by). */
  held: Withheld[];
  /** Conflicts with what is registered, and decisions naming no proposal: what to do instead. */
  refused: Reason[];
  /** Findings on the decided applications themselves: shown, never blocking. */
  notes: Finding[];
  /** The closures, extensions and withdrawals decided. */
  followUps: FollowUpOutcome[];
  /** What the board may want to know about them (a closure without a final report, money left): never blocking. */
  remarks: Reason[];
  /** True when the proposals are the memo's `Forslag` rows for the case, false when read from the applications. */
  fromMemo: boolean;
  /** Proposals left out: not decided in this case (see `DecideOptions.onlyNamed`). */
  left: string[];
}

export interface DecideOptions {
  boardCase: string;
  /** The meeting day (UTC midnight of the calendar day). */
  meeting: Date;
  /** Board members who stood aside, per case id. */
  recused?: ReadonlyMap<string, readonly string[]>;
  /**
   * Decide only the proposals a decision names; the others are left out (not decided in this case: neither
   * granted, rejected nor postponed, so a later board case may decide them). Without it every proposal is
   * decided, one not named as recommended; but a case with only closures, extensions and withdrawals, and
   * proposals read from the applications, decides none of them.
   */
  onlyNamed?: boolean;
}

const kr = (n: number) => formatMoney(n);

const STATUS_OF: Record<NonNullable<Proposal['recommendation']>, ApplicationStatus> = {
  grant: 'granted',
  partial: 'partlyGranted',
  preProject: 'preProject',
  reject: 'rejected',
};

function outcomeOf(p: Proposal, d: BoardDecision, app: Application | undefined, ref: string): Outcome {
  const base = { proposal: p, kind: d.kind, period: p.period, reason: p.reason, changed: { nb: '', en: '' } };
  const statusFor = (amount: number): ApplicationStatus | null => {
    if (!app) return null;
    return app.requested.ok && amount < app.requested.value ? 'partlyGranted' : 'granted';
  };
  const from = (x: Parsed<number>) => (x.ok ? kr(x.value) : '?');
  const periodText = (x: Parsed<Period> | null, lang: Lang) => (x?.ok ? formatPeriod(x.value, lang) : '');
  switch (d.kind) {
    case 'asRecommended': {
      const rec = p.recommendation ?? 'grant';
      const rejected = rec === 'reject';
      return {
        ...base,
        status: app ? STATUS_OF[rec] : null,
        amount: rejected ? ok(0) : p.amount,
        period: rejected ? null : p.period,
        decision: rec === 'preProject' ? `${ref} (forprosjekt)` : ref,
      };
    }
    case 'changed': {
      const period = d.period ? ok(d.period) : p.period;
      const parts: Reason[] = [];
      if (!p.amount.ok || p.amount.value !== d.amount)
        parts.push({
          nb: `beløp ${kr(d.amount)} (innstilt ${from(p.amount)})`,
          en: `amount ${kr(d.amount)} (recommended ${from(p.amount)})`,
        });
      if (d.period)
        parts.push({
          nb: `periode ${periodText(period, 'nb')} (innstilt ${periodText(p.period, 'nb') || 'ingen'})`,
          en: `period ${periodText(period, 'en')} (recommended ${periodText(p.period, 'en') || 'none'})`,
        });
      return {
        ...base,
        status: statusFor(d.amount),
        amount: ok(d.amount),
        period,
        decision: ref,
        changed: { nb: parts.map((x) => x.nb).join(', '), en: parts.map((x) => x.en).join(', ') },
      };
    }
    case 'preProject': {
      const period = d.period ? ok(d.period) : p.period;
      return {
        ...base,
        status: app ? 'preProject' : null,
        amount: ok(d.amount),
        period,
        decision: `${ref} (forprosjekt)`,
        changed:
          p.recommendation === 'preProject' && p.amount.ok && p.amount.value === d.amount && !d.period
            ? { nb: '', en: '' }
            : {
                nb: `forprosjekt ${kr(d.amount)} (innstilt ${from(p.amount)})`,
                en: `pre-project ${kr(d.amount)} (recommended ${from(p.amount)})`,
              },
      };
    }
    case 'rejected':
      return {
        ...base,
        status: app ? 'rejected' : null,
        amount: ok(0),
        period: null,
        reason: d.reason.trim(),
        decision: ref,
        changed:
          p.recommendation === 'reject'
            ? { nb: '', en: '' }
            : { nb: `avslått (innstilt ${from(p.amount)})`, en: `rejected (recommended ${from(p.amount)})` },
      };
    case 'postponed':
      return {
        ...base,
        status: app ? 'postponed' : null,
        amount: ok(0),
        period: null,
        reason: (d.reason ?? '').trim(),
        decision: ref,
        changed: { nb: 'utsatt', en: 'postponed' },
      };
  }
}

const FOLLOW_UP_KINDS: ReadonlySet<string> = new Set(['closure', 'extension', 'withdrawal']);
const isFollowUp = (d: BoardDecision | FollowUpDecision): d is FollowUpDecision =>
  FOLLOW_UP_KINDS.has(d.kind);

const grants = (o: Outcome) => o.kind !== 'rejected' && o.kind !== 'postponed' && o.status !== 'rejected';

/** The allocation a decision writes; without a category of its own it takes the application's. */
function allocationRecord(o: Outcome, app: Application | undefined, row: number, meeting: Date): Allocation {
  const kind = 'ordinary' as const;
  return {
    row,
    caseId: o.proposal.caseId,
    decision: o.decision,
    date: ok(meeting),
    kind,
    kindText: ALLOCATION_KINDS[kind].nb,
    category: o.proposal.category ?? (o.proposal.categoryText === '' ? (app?.category ?? null) : null),
    categoryText: o.proposal.categoryText,
    amount: o.amount,
    period: o.period,
    reportedSsu: '',
    accepted: null,
    acceptedOn: null,
  };
}

const monthCell = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

function allocationRow(a: Allocation): AllocationRow {
  return {
    caseId: a.caseId,
    decision: a.decision,
    date: a.date.ok ? a.date.value : '',
    kind: a.kindText,
    category: a.category ? CATEGORY_LABELS[a.category].nb : a.categoryText,
    amount: a.amount.ok ? a.amount.value : '',
    from: a.period?.ok ? monthCell(a.period.value.from) : '',
    to: a.period?.ok ? monthCell(a.period.value.to) : '',
    reportedSsu: '',
  };
}

const samePeriod = (a: Parsed<Period> | null, b: Parsed<Period> | null) =>
  (a?.ok ? `${a.value.from}-${a.value.to}` : '') === (b?.ok ? `${b.value.from}-${b.value.to}` : '');

const outcomeWords = (o: Outcome, lang: Lang): string => {
  const status = o.status ? STATUSES[o.status][lang] : o.kind === 'rejected' ? STATUSES.rejected[lang] : '';
  const amount = o.amount.ok && o.amount.value > 0 ? ` ${kr(o.amount.value)}` : '';
  const period = o.period?.ok && amount !== '' ? `, ${formatPeriod(o.period.value, lang)}` : '';
  return `${status || (lang === 'nb' ? 'Innvilget' : 'Granted')}${amount}${period}`;
};

/** The decision as registered, in words: «Delvis innvilget 800 000 kr, august 2026–juli 2027». */
export const decisionWords = outcomeWords;

/**
 * Registers the board's decisions on the proposals of board case `boardCase`: the rows to write, or why
 * nothing may be written. Pure: the adapters write `allocations`, `applications` and `log` in one go.
 *
 * - Idempotent: a case this board case already decided exactly so is listed in `already` and adds nothing;
 *   decided otherwise, the whole registration is refused with how to correct it (a new decision).
 * - Held back (nothing written) when a decision's own data has an error: what `heldBack` holds back from
 *   every published document (case identity, dates, amounts, category, period) on the rows it would write.
 * - Findings about the applications themselves are returned in `notes`: the board may decide anyway.
 */
export function decide(
  portfolio: Portfolio,
  values: WorkbookValues,
  all: readonly (BoardDecision | FollowUpDecision)[],
  options: DecideOptions,
): DecisionWrites {
  const ref = decisionRef(portfolio, options.boardCase);
  const followUps = all.filter(isFollowUp);
  const decisions = all.filter((d): d is BoardDecision => !isFollowUp(d));
  const read = readProposals(portfolio, values, options.boardCase);
  // A meeting that only closes, extends or withdraws decides no proposals, unless the memo made them for it:
  // the applications' recommendations then wait for their own meeting.
  const onlyNamed = options.onlyNamed ?? (followUps.length > 0 && decisions.length === 0 && !read.fromMemo);
  const named = new Set(decisions.map((d) => d.caseId));
  const proposals = onlyNamed ? read.proposals.filter((p) => named.has(p.caseId)) : read.proposals;
  const out: DecisionWrites = {
    ref,
    outcomes: [],
    allocations: [],
    applications: [],
    log: [],
    already: [],
    held: [],
    refused: [],
    notes: [],
    followUps: [],
    remarks: [],
    fromMemo: read.fromMemo,
    left: read.proposals.filter((p) => !proposals.includes(p)).map((p) => p.caseId),
  };
  const byCase = new Map(read.proposals.map((p) => [p.caseId, p]));
  const seen = new Set<string>();
  for (const d of decisions) {
    if (!byCase.has(d.caseId))
      out.refused.push({
        nb: `Sak «${d.caseId}» er ikke blant forslagene i sak ${options.boardCase} (${read.proposals.map((p) => p.caseId).join(', ') || 'ingen forslag'}). Rett saksnummeret, eller legg saken til i arket «Forslag».`,
        en: `Case "${d.caseId}" is not among the proposals of case ${options.boardCase} (${read.proposals.map((p) => p.caseId).join(', ') || 'no proposals'}). Correct the case id, or add the case to the "Forslag" sheet.`,
      });
    if (seen.has(d.caseId))
      out.refused.push({
        nb: `Sak «${d.caseId}» har to vedtak i samme registrering. Oppgi ett vedtak per sak.`,
        en: `Case "${d.caseId}" has two decisions in the same registration. Give one decision per case.`,
      });
    seen.add(d.caseId);
  }
  if (proposals.length === 0 && followUps.length === 0 && read.proposals.length > 0)
    out.refused.push({
      nb: `Ingen av forslagene i sak ${options.boardCase} er valgt som behandlet, og saken har ingen vedtak om innvilgede prosjekter. Velg vedtaket for sakene styret behandlet.`,
      en: `None of the proposals in case ${options.boardCase} is chosen as decided, and the case has no decisions on granted projects. Choose the decision for the cases the board decided.`,
    });
  else if (proposals.length === 0 && followUps.length === 0)
    out.refused.push({
      nb: `Fant ingen forslag for sak ${options.boardCase}: ingen rader i arket «Forslag» for saken, og ingen søknad med «Innstilling» som venter på vedtak. Lag saksfremstillingen først, eller fyll ut «Innstilling» i «Søknader».`,
      en: `Found no proposals for case ${options.boardCase}: no rows in the "Forslag" sheet for the case, and no application with an "Innstilling" waiting for a decision. Make the memo first, or fill in "Innstilling" in "Søknader".`,
    });
  const apps = new Map(portfolio.applications.map((a) => [a.caseId, a]));
  const explicit = new Map(decisions.map((d) => [d.caseId, d]));
  let nextRow = Math.max(1, ...portfolio.allocations.map((a) => a.row)) + 1;
  const planned: Allocation[] = [];
  for (const p of proposals) {
    const app = apps.get(p.caseId);
    const o = outcomeOf(p, explicit.get(p.caseId) ?? { caseId: p.caseId, kind: 'asRecommended' }, app, ref);
    out.outcomes.push(o);
    const recused = options.recused?.get(p.caseId)?.join(', ') ?? '';
    const existing = portfolio.allocations.filter(
      (a) => a.caseId === p.caseId && isOfDecision(a.decision, ref),
    );
    const registered = existing.length > 0 || (app !== undefined && isOfDecision(app.decision, ref));
    if (registered) {
      const want = grants(o) ? 1 : 0;
      const same =
        existing.length === want &&
        (want === 0 ||
          (existing[0]!.amount.ok &&
            o.amount.ok &&
            existing[0]!.amount.value === o.amount.value &&
            samePeriod(existing[0]!.period, o.period))) &&
        (!app || (parseTerm(STATUSES, app.status) === o.status && app.reason === o.reason));
      if (same) out.already.push(p.caseId);
      else {
        const was = existing
          .map((a) => `${a.decision}: ${a.amount.ok ? kr(a.amount.value) : '?'}`)
          .join('; ');
        const now = outcomeWords(o, 'nb');
        out.refused.push({
          nb: `Sak ${p.caseId} er allerede registrert i ${ref} (${was || app?.status || 'uten tildeling'}), og nå står det ${now}. Et registrert vedtak endres ikke: et nytt vedtak i en ny sak (tilskudd decide --case NYSAK …), en tilleggsbevilling eller en inndragning retter det. Har du skrevet feil i arket, rett radene i «Tildelinger» og «Søknader» for hånd.`,
          en: `Case ${p.caseId} is already registered in ${ref} (${was || app?.status || 'no allocation'}), and now it says ${outcomeWords(o, 'en')}. A registered decision is not changed: a new decision in a new case (tilskudd decide --case NEWCASE …), a supplement or a withdrawal corrects it. If the sheet was typed wrong, correct the rows in "Tildelinger" and "Søknader" by hand.`,
        });
      }
      continue;
    }
    if (
      app &&
      app.decision !== '' &&
      !isOfDecision(app.decision, ref) &&
      parseTerm(STATUSES, app.status) !== 'postponed'
    ) {
      out.refused.push({
        nb: `Sak ${p.caseId} er allerede avgjort i ${app.decision} (${app.status}). Et nytt vedtak om en avgjort sak registreres som tilleggsbevilling eller inndragning, ikke som et nytt tilskudd.`,
        en: `Case ${p.caseId} was already decided in ${app.decision} (${app.status}). A new decision on a decided case is registered as a supplement or a withdrawal, not as a new grant.`,
      });
      continue;
    }
    if (grants(o)) {
      const a = allocationRecord(o, app, nextRow++, options.meeting);
      planned.push(a);
      out.allocations.push(allocationRow(a));
    }
    if (app)
      out.applications.push({
        row: app.row,
        caseId: app.caseId,
        status: o.status ? STATUSES[o.status].nb : app.status,
        decision: o.decision,
        reason: o.reason,
        ...(recused !== '' ? { recused } : {}),
      });
    const recommended = `${p.recommendation ? RECOMMENDATIONS[p.recommendation].nb : 'Innstilling'}${p.amount.ok && p.amount.value > 0 ? ` ${kr(p.amount.value)}` : ''}`;
    out.log.push({
      action: 'Vedtak',
      caseId: p.caseId,
      before: `Innstilling: ${recommended}`,
      after: `${o.decision}: ${outcomeWords(o, 'nb')}${o.changed.nb ? `; endret fra innstillingen: ${o.changed.nb}` : '; som innstilt'}${o.reason ? ` (${o.reason})` : ''}`,
    });
  }
  const more = followUpWrites(portfolio, followUps, { ref, meeting: options.meeting, firstRow: nextRow });
  planned.push(...more.allocations);
  out.allocations.push(...more.allocations.map(allocationRow));
  out.applications.push(...more.closures);
  out.log.push(...more.log);
  out.already.push(...more.already);
  out.refused.push(...more.refused);
  out.followUps = more.outcomes;
  out.remarks = more.remarks;
  for (const o of out.outcomes)
    if (o.kind === 'rejected' && o.reason === '')
      out.refused.push({
        nb: `Avslaget på sak ${o.proposal.caseId} mangler begrunnelse. Oppgi den (--reason TEKST).`,
        en: `The rejection of case ${o.proposal.caseId} has no reason. Give it (--reason TEXT).`,
      });
  // The one rule every published document holds grants back by, on the rows this would write.
  const check = checkPortfolio(
    { ...portfolio, allocations: [...portfolio.allocations, ...planned] },
    { today: options.meeting },
  );
  const mine = new Set(planned);
  out.held = heldBack(check).filter((w) => mine.has(w.allocation));
  const decided = new Set([...out.outcomes.map((o) => o.proposal.caseId), ...followUps.map((d) => d.caseId)]);
  out.notes = check.findings.filter(
    (f) =>
      decided.has(f.ref) &&
      f.cells.every((c) => c.sheet !== 'allocations' || !planned.some((a) => a.row === c.row)),
  );
  if (out.held.length > 0 || out.refused.length > 0) {
    out.allocations = [];
    out.applications = [];
    out.log = [];
  }
  return out;
}
