import { ok, type Reason } from '../base/result';
import { latestFinalReport } from '../follow-up/closure';
import { isClosedStatus } from '../follow-up/deadlines/projects';
import { lastMonthIn, projectEconomy } from '../money-flow/economy';
import { formatMoney } from '../parse/money';
import { formatMonth, formatPeriod, monthIndex, type Period } from '../parse/period';
import type { Allocation, AllocationKind, Portfolio } from '../portfolio/records';
import { isGrantedStatus } from '../workbook/status';
import { ALLOCATION_KINDS, STATUSES } from '../workbook/vocabulary';
import { isOfDecision } from './proposals';

/**
 * The board's decisions on a granted project rather than on a proposal: approving its closure, extending its
 * period to a new last month, withdrawing its unused money (all of it, or `amount`).
 */
export type FollowUpDecision =
  | { caseId: string; kind: 'closure' }
  | { caseId: string; kind: 'extension'; to: number }
  | { caseId: string; kind: 'withdrawal'; amount?: number };

/** One follow-up decision as it will be (or was) registered. */
export interface FollowUpOutcome {
  caseId: string;
  title: string;
  kind: FollowUpDecision['kind'];
  /** In words: «Avslutning godkjent», «Perioden forlenget til juni 2027», «Inndratt 120 000 kr». */
  words: Reason;
}

export interface FollowUpWrites {
  outcomes: FollowUpOutcome[];
  /** New `Tildelinger` rows (extensions, withdrawals), numbered from the caller's next row. */
  allocations: Allocation[];
  /** Closures: `Status` Avsluttet and `Avslutningsvedtak` = the reference. */
  closures: Array<{ row: number; caseId: string; status: string; closure: string }>;
  log: Array<{ action: string; caseId: string; before: string; after: string }>;
  already: string[];
  refused: Reason[];
  remarks: Reason[];
}

const kr = (n: number) => formatMoney(n);
const periodWords = (p: Period | null, lang: 'nb' | 'en') => (p ? formatPeriod(p, lang) : '–');

/** The words of a closure, extension or withdrawal as the protocol and the log say them. */
export const followUpWords = {
  closure: (): Reason => ({ nb: 'Avslutning godkjent', en: 'Closure approved' }),
  extension: (to: number): Reason => ({
    nb: `Perioden forlenget til ${formatMonth(to, 'nb')}`,
    en: `Period extended to ${formatMonth(to, 'en')}`,
  }),
  withdrawal: (amount: number): Reason => ({ nb: `Inndratt ${kr(amount)}`, en: `Withdrawn ${kr(amount)}` }),
};

const same = (caseId: string, ref: string): Reason => ({
  nb: `Sak ${caseId} er allerede registrert annerledes i ${ref}`,
  en: `Case ${caseId} is already registered otherwise in ${ref}`,
});

const correct: Reason = {
  nb: 'Et registrert vedtak endres ikke: et nytt vedtak i en ny sak (tilskudd decide --case NYSAK …) retter det. Har du skrevet feil i arket, rett raden i «Tildelinger» eller «Søknader» for hånd.',
  en: 'A registered decision is not changed: a new decision in a new case (tilskudd decide --case NEWCASE …) corrects it. If the sheet was typed wrong, correct the row in "Tildelinger" or "Søknader" by hand.',
};

/**
 * The rows the board's closures, extensions and withdrawals write, or why not. Pure; each is idempotent by
 * the reference it is written with: the same decision in the same case again adds nothing, another one is
 * refused with how to correct it.
 *
 * - A closure sets `Status` to Avsluttet and `Avslutningsvedtak` to the reference (a project the chair
 *   already closed gets the board's reference); no final report, gaps in it or money left are remarks.
 * - An extension is a `Tildelinger` row of kind Forlengelse (Beløp 0) over the months added: it stretches
 *   the project's period (deadlines, economy) and moves no money between budget years.
 * - A withdrawal is one Inndragning row per budget year with money left, the latest years first.
 */
export function followUpWrites(
  portfolio: Portfolio,
  decisions: readonly FollowUpDecision[],
  options: { ref: string; meeting: Date; firstRow: number },
): FollowUpWrites {
  const { ref, meeting } = options;
  const out: FollowUpWrites = {
    outcomes: [],
    allocations: [],
    closures: [],
    log: [],
    already: [],
    refused: [],
    remarks: [],
  };
  const economy = projectEconomy(portfolio, meeting);
  const apps = new Map(portfolio.applications.map((a) => [a.caseId, a]));
  const seen = new Set<string>();
  let row = options.firstRow;
  const category = (caseId: string) =>
    portfolio.allocations.find((a) => a.caseId === caseId && a.kind === 'ordinary' && a.category)?.category ??
    apps.get(caseId)?.category ??
    null;
  const allocation = (caseId: string, kind: AllocationKind, amount: number, period: Period): Allocation => ({
    row: row++,
    caseId,
    decision: ref,
    date: ok(meeting),
    kind,
    kindText: ALLOCATION_KINDS[kind].nb,
    category: category(caseId),
    categoryText: '',
    amount: ok(amount),
    period: ok(period),
    reportedSsu: '',
    accepted: null,
    acceptedOn: null,
  });
  const withdrawing = new Set(decisions.filter((d) => d.kind === 'withdrawal').map((d) => d.caseId));
  for (const d of decisions) {
    const key = `${d.kind}:${d.caseId}`;
    if (seen.has(key)) {
      out.refused.push({
        nb: `Sak «${d.caseId}» har to like vedtak (${d.kind}) i samme registrering. Oppgi ett.`,
        en: `Case "${d.caseId}" has two decisions of the same kind (${d.kind}) in the same registration. Give one.`,
      });
      continue;
    }
    seen.add(key);
    const app = apps.get(d.caseId);
    const e = economy.get(d.caseId);
    if (!app && !e) {
      out.refused.push({
        nb: `Sak «${d.caseId}» finnes verken i «Søknader» eller «Tildelinger». Rett saksnummeret.`,
        en: `Case "${d.caseId}" is in neither "Søknader" nor "Tildelinger". Correct the case id.`,
      });
      continue;
    }
    const title = app?.title ?? e?.title ?? '';
    if (d.kind === 'closure') {
      if (!app) {
        out.refused.push({
          nb: `Sak «${d.caseId}» har ingen rad i «Søknader», så avslutningen kan ikke registreres der.`,
          en: `Case "${d.caseId}" has no row in "Søknader", so the closure cannot be registered there.`,
        });
        continue;
      }
      const words = followUpWords.closure();
      if (isOfDecision(app.closure, ref)) {
        out.already.push(d.caseId);
        out.outcomes.push({ caseId: d.caseId, title, kind: d.kind, words });
        continue;
      }
      if (app.closure !== '') {
        out.refused.push({
          nb: `Sak ${d.caseId} ble avsluttet i ${app.closure}. ${correct.nb}`,
          en: `Case ${d.caseId} was closed in ${app.closure}. ${correct.en}`,
        });
        continue;
      }
      if (!isGrantedStatus(app.status) && !isClosedStatus(app.status)) {
        out.refused.push({
          nb: `Sak ${d.caseId} har status «${app.status}»: bare et innvilget prosjekt avsluttes.`,
          en: `Case ${d.caseId} has status "${app.status}": only a granted project is closed.`,
        });
        continue;
      }
      const report = latestFinalReport(portfolio.statusReports ?? [], d.caseId);
      if (!report)
        out.remarks.push({
          nb: `Sak ${d.caseId} har ingen mottatt sluttrapport i «Statusrapporter».`,
          en: `Case ${d.caseId} has no final report received in "Statusrapporter".`,
        });
      if (e && e.remaining > 0 && !withdrawing.has(d.caseId))
        out.remarks.push({
          nb: `Sak ${d.caseId} har ${kr(e.remaining)} ubrukt; et vedtak om inndragning (--withdraw ${d.caseId}) frigjør dem.`,
          en: `Case ${d.caseId} has ${kr(e.remaining)} unused; a withdrawal decision (--withdraw ${d.caseId}) frees it.`,
        });
      out.closures.push({ row: app.row, caseId: d.caseId, status: STATUSES.closed.nb, closure: ref });
      out.log.push({
        action: 'Avslutning godkjent',
        caseId: d.caseId,
        before: app.status,
        after: `${ref}: ${STATUSES.closed.nb}${report ? `; sluttrapport rad ${report.row}` : '; uten sluttrapport'}`,
      });
      out.outcomes.push({ caseId: d.caseId, title, kind: d.kind, words });
      continue;
    }
    const registered = portfolio.allocations.filter(
      (a) => a.caseId === d.caseId && a.kind === d.kind && isOfDecision(a.decision, ref),
    );
    if (d.kind === 'extension') {
      const words = followUpWords.extension(d.to);
      if (registered.length > 0) {
        const to = Math.max(...registered.map((a) => (a.period?.ok ? a.period.value.to : -1)));
        if (to === d.to) {
          out.already.push(d.caseId);
          out.outcomes.push({ caseId: d.caseId, title, kind: d.kind, words });
        } else
          out.refused.push({
            nb: `${same(d.caseId, ref).nb} (forlenget til ${to >= 0 ? formatMonth(to) : '?'}), og nå står det ${formatMonth(d.to)}. ${correct.nb}`,
            en: `${same(d.caseId, ref).en} (extended to ${to >= 0 ? formatMonth(to, 'en') : '?'}), and now it says ${formatMonth(d.to, 'en')}. ${correct.en}`,
          });
        continue;
      }
      const period = e?.period ?? (app?.period.ok ? app.period.value : null);
      if (app && isClosedStatus(app.status)) {
        out.refused.push({
          nb: `Sak ${d.caseId} er avsluttet; et avsluttet prosjekt forlenges ikke.`,
          en: `Case ${d.caseId} is closed; a closed project is not extended.`,
        });
        continue;
      }
      if (!period || d.to <= period.to) {
        out.refused.push({
          nb: `Ny slutt ${formatMonth(d.to)} for sak ${d.caseId} er ikke etter prosjektets slutt (${period ? formatMonth(period.to) : 'ingen periode'}). En forlengelse gir en senere sluttmåned.`,
          en: `New end ${formatMonth(d.to, 'en')} for case ${d.caseId} is not after the project's end (${period ? formatMonth(period.to, 'en') : 'no period'}). An extension gives a later last month.`,
        });
        continue;
      }
      out.allocations.push(allocation(d.caseId, 'extension', 0, { from: period.to + 1, to: d.to }));
      out.log.push({
        action: 'Forlengelse',
        caseId: d.caseId,
        before: `periode ${periodWords(period, 'nb')}`,
        after: `${ref}: periode ${periodWords({ from: period.from, to: d.to }, 'nb')}`,
      });
      out.outcomes.push({ caseId: d.caseId, title, kind: d.kind, words });
      continue;
    }
    // A withdrawal.
    if (registered.length > 0) {
      const sum = registered.reduce((s, a) => s + (a.amount.ok ? a.amount.value : 0), 0);
      if (d.amount === undefined || d.amount === sum) {
        out.already.push(d.caseId);
        out.outcomes.push({ caseId: d.caseId, title, kind: d.kind, words: followUpWords.withdrawal(sum) });
      } else
        out.refused.push({
          nb: `${same(d.caseId, ref).nb} (inndratt ${kr(sum)}), og nå står det ${kr(d.amount)}. ${correct.nb}`,
          en: `${same(d.caseId, ref).en} (withdrawn ${kr(sum)}), and now it says ${kr(d.amount)}. ${correct.en}`,
        });
      continue;
    }
    const left = e?.remaining ?? 0;
    if (!e || left <= 0 || !e.period) {
      out.refused.push({
        nb: `Sak ${d.caseId} har ingen ubrukte midler å inndra (tildelt ${kr(e?.allocated ?? 0)}, utbetalt ${kr(e?.paid ?? 0)}).`,
        en: `Case ${d.caseId} has no unused money to withdraw (allocated ${kr(e?.allocated ?? 0)}, paid ${kr(e?.paid ?? 0)}).`,
      });
      continue;
    }
    const amount = d.amount ?? left;
    if (amount <= 0 || amount > left) {
      out.refused.push({
        nb: `Inndragningen på ${kr(amount)} for sak ${d.caseId} er ${amount <= 0 ? 'ikke et positivt beløp' : `mer enn det som er ubrukt (${kr(left)})`}. Oppgi et beløp opp til ${kr(left)}, eller ingen for alt.`,
        en: `The withdrawal of ${kr(amount)} for case ${d.caseId} is ${amount <= 0 ? 'not a positive amount' : `more than is unused (${kr(left)})`}. Give an amount up to ${kr(left)}, or none for all of it.`,
      });
      continue;
    }
    // The latest budget years first: what a project has not used is most likely what it had left to use.
    let rest = Math.round(amount * 100);
    const rows: Array<{ year: number; amount: number }> = [];
    for (const y of [...e.byYear].reverse()) {
      const take = Math.min(rest, Math.round(Math.max(y.remaining, 0) * 100));
      if (take <= 0) continue;
      rows.push({ year: y.year, amount: take / 100 });
      rest -= take;
      if (rest === 0) break;
    }
    const period = e.period;
    for (const r of rows.reverse()) {
      const month = lastMonthIn(period, r.year) ?? monthIndex(r.year, 12);
      out.allocations.push(allocation(d.caseId, 'withdrawal', r.amount, { from: month, to: month }));
    }
    out.log.push({
      action: 'Inndragning',
      caseId: d.caseId,
      before: `ubrukt ${kr(left)}`,
      after: `${ref}: ${rows.map((r) => `−${kr(r.amount)} (${r.year})`).join(', ')}`,
    });
    out.outcomes.push({ caseId: d.caseId, title, kind: d.kind, words: followUpWords.withdrawal(amount) });
  }
  return out;
}
