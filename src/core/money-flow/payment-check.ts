import { tilskuddError, type TilskuddError } from '../base/errors';
import { decidingBody } from '../workbook/bodies';
import { cellText, isBlank, normalizeKey } from '../base/text';
import { formatMoney, parseMoney } from '../parse/money';
import { formatDay, monthIndex, parseDay } from '../parse/period';
import type { CategoryId } from '../workbook/categories';
import type { Allocation, PaymentKind, Portfolio } from '../portfolio/records';
import { buildEconomy, isUnused, lastMonthIn, type ProjectEconomy } from './economy';
import { yearSplit } from './ledger';
import { acceptanceOf } from './acceptance';

/**
 * The *Registrer utbetaling* dialog and the *Inndragning* action, in the core: which projects can be paid,
 * whether a payment or refund may be registered (the same figures as the rules), and what a withdrawal
 * of unused money would write. The sheet adapter only reads, asks this, and writes.
 */
export interface PaymentProject {
  caseId: string;
  title: string;
  allocated: number;
  paid: number;
  left: number;
  /** A written agreement is recorded (Ja or a date). */
  contract: boolean;
  /** ISO day the agreement was signed, when known. */
  contractSigned: string | null;
  /** ISO day of the first ordinary allocation's decision, when readable: no money moves before it. */
  granted: string | null;
  /** The case's `Budsjett` posts, for the optional `Post`. */
  items: string[];
  /**
   * The grant offer's acceptance as `acceptance-missing` judges it (the day as ISO), so the dialog warns
   * before a payment the check would flag; null when there is nothing to judge (see `acceptanceOf`).
   */
  acceptance: { accepted: boolean; on: string | null } | null;
}

/** Every project with an ordinary allocation, with what is allocated, paid and left. */
export function paymentProjects(p: Portfolio, today: Date): PaymentProject[] {
  const economy = buildEconomy(p, today).projects;
  const ordinary = new Set(
    p.allocations.filter((a) => a.kind === 'ordinary' && a.caseId !== '').map((a) => a.caseId),
  );
  const granted = new Map<string, string>();
  for (const a of p.allocations) {
    if (a.kind !== 'ordinary' || !a.date.ok) continue;
    const day = a.date.value.toISOString().slice(0, 10);
    const known = granted.get(a.caseId);
    if (known === undefined || day < known) granted.set(a.caseId, day);
  }
  const apps = new Map(p.applications.map((a) => [a.caseId, a]));
  const offers = new Map<string, Allocation[]>();
  for (const a of p.allocations)
    if (a.kind === 'ordinary') offers.set(a.caseId, [...(offers.get(a.caseId) ?? []), a]);
  const items = new Map<string, string[]>();
  for (const b of p.budget) if (b.item !== '') items.set(b.caseId, [...(items.get(b.caseId) ?? []), b.item]);
  // A case whose allocations cannot be counted has no economy: `checkPayment` says which row to fix.
  return [...ordinary].sort().flatMap((caseId) => {
    const e = economy.get(caseId);
    if (!e) return [];
    const app = apps.get(caseId);
    const acceptance = acceptanceOf(p, caseId, offers.get(caseId) ?? [], app !== undefined);
    return [
      {
        caseId,
        title: e.title,
        allocated: e.allocated,
        paid: e.paid,
        left: e.remaining,
        // The secretariat's own allocation (no application) needs no agreement with anyone.
        contract: app ? app.contract === true : true,
        contractSigned: app?.contractSigned ? app.contractSigned.toISOString().slice(0, 10) : null,
        granted: granted.get(caseId) ?? null,
        items: items.get(caseId) ?? [],
        acceptance: acceptance && {
          accepted: acceptance.accepted,
          on: acceptance.on ? acceptance.on.toISOString().slice(0, 10) : null,
        },
      },
    ];
  });
}

export interface PaymentInput {
  caseId: string;
  kind: string;
  amount: unknown;
  date: unknown;
  voucher: string;
  item: string;
}

export interface AcceptedPayment {
  caseId: string;
  kind: PaymentKind;
  amount: number;
  date: Date;
  voucher: string;
  item: string;
  project: PaymentProject;
}

export type PaymentCheck = { ok: true; payment: AcceptedPayment } | { ok: false; error: TilskuddError };

/**
 * A `Utbetalinger` or `Tildelinger` row of the case that cannot be counted (amount, date, period or kind):
 * what is left is unknown until it is fixed, so no payment, refund or withdrawal is registered before.
 */
function unclearRow(p: Portfolio, id: string): TilskuddError | null {
  const pay = p.payments.find(
    (x) => x.caseId === id && (x.kind === null || !x.amount.ok || x.amount.value <= 0 || !x.date.ok),
  );
  if (pay) {
    return tilskuddError(
      `Utbetalinger rad ${pay.row} for sak «${id}» kan ikke leses (beløp, dato eller art). Rett den først, så det som gjenstår kan regnes ut.`,
      `Payments row ${pay.row} for case "${id}" cannot be read (amount, date or kind). Fix it first, so what is left can be worked out.`,
    );
  }
  const row = p.allocations.find((a) => a.caseId === id && (a.kind === null || yearSplit(a) === null));
  if (!row) return null;
  return tilskuddError(
    `Tildelinger rad ${row.row} for sak «${id}» kan ikke leses (beløp, periode eller art). Rett den først, så det som gjenstår kan regnes ut.`,
    `Allocations row ${row.row} for case "${id}" cannot be read (amount, period or kind). Fix it first, so what is left can be worked out.`,
  );
}

/** Validates a payment or refund; the refusal says why and what is possible. */
export function checkPayment(p: Portfolio, today: Date, input: PaymentInput): PaymentCheck {
  const refuse = (nb: string, en: string) => ({ ok: false as const, error: tilskuddError(nb, en) });
  const id = input.caseId.trim();
  if (id === '') return refuse('Velg prosjektet.', 'Choose the project.');
  const unclear = unclearRow(p, id);
  if (unclear) return { ok: false, error: unclear };
  const project = paymentProjects(p, today).find((x) => x.caseId === id);
  if (!project) {
    return refuse(
      `Sak «${id}» har ingen ordinær tildeling. Utbetal bare til prosjekter ${decidingBody(p.settings).inText} har innvilget.`,
      `Case "${id}" has no ordinary allocation. Pay only projects the board has granted.`,
    );
  }
  const kind: PaymentKind | null =
    input.kind === 'payment' ? 'payment' : input.kind === 'refund' ? 'refund' : null;
  if (!kind) return refuse('Velg utbetaling eller tilbakebetaling.', 'Choose payment or refund.');
  if (isBlank(input.amount)) return refuse('Skriv inn beløpet.', 'Enter the amount.');
  const amount = parseMoney(input.amount);
  if (!amount.ok) return refuse(`Beløpet ${amount.reason.nb}.`, `The amount ${amount.reason.en}.`);
  if (amount.value <= 0) return refuse('Beløpet må være større enn 0.', 'The amount must be greater than 0.');
  const day = parseDay(input.date);
  if (!day.ok) return refuse(`Datoen: ${day.reason.nb}.`, `The date: ${day.reason.en}.`);
  // The dialog records money that has gone out (or come back); a later day is a slip or not done yet.
  if (day.value > today) {
    return refuse(
      `Datoen ${formatDay(day.value)} er etter i dag (${formatDay(today)}). Registrer utbetalingen når den er gjort.`,
      `The date ${formatDay(day.value, 'en')} is after today (${formatDay(today, 'en')}). Register the payment once it is made.`,
    );
  }
  // An agreement recorded only as Ja gives no lower bound of its own: the board's decision does.
  if (project.granted && day.value.toISOString().slice(0, 10) < project.granted) {
    const granted = new Date(`${project.granted}T00:00:00Z`);
    return refuse(
      `Datoen ${formatDay(day.value)} er før midlene ble tildelt (${formatDay(granted)}). Sjekk datoen.`,
      `The date ${formatDay(day.value, 'en')} is before the board allocated the money (${formatDay(granted, 'en')}). Check the date.`,
    );
  }
  const item = input.item.trim();
  if (item !== '' && !project.items.some((i) => normalizeKey(i) === normalizeKey(item))) {
    return refuse(
      `«${item}» er ingen post i Budsjett for sak ${id}. Velg en av postene, eller la feltet stå tomt.`,
      `"${item}" is not a Budget item of case ${id}. Choose one of the items, or leave it empty.`,
    );
  }
  const kr = formatMoney;
  if (kind === 'payment') {
    if (!project.contract) {
      return refuse(
        `Sak ${id} har ingen skriftlig samarbeidsavtale. Midler utbetales først når avtalen er inngått: sett «Samarbeidsavtale» i Søknader til datoen den ble signert.`,
        `Case ${id} has no written agreement. Money is paid only once it is signed: set "Written agreement" in Applications to the date it was signed.`,
      );
    }
    if (project.contractSigned && day.value.toISOString().slice(0, 10) < project.contractSigned) {
      const signed = new Date(`${project.contractSigned}T00:00:00Z`);
      return refuse(
        `Datoen ${formatDay(day.value)} er før samarbeidsavtalen ble signert (${formatDay(signed)}). Utbetal fra den dagen.`,
        `The date ${formatDay(day.value, 'en')} is before the written agreement was signed (${formatDay(signed, 'en')}). Pay from that day.`,
      );
    }
    if (amount.value > project.left) {
      return refuse(
        `${kr(amount.value)} er mer enn det som gjenstår: tildelt ${kr(project.allocated)}, utbetalt ${kr(project.paid)}, så ${kr(Math.max(project.left, 0))} gjenstår. Mer må tildeles først.`,
        `${kr(amount.value)} is more than is left: allocated ${kr(project.allocated)}, paid ${kr(project.paid)}, so ${kr(Math.max(project.left, 0))} is left. More must be allocated first.`,
      );
    }
  } else if (amount.value > project.paid) {
    return refuse(
      `Tilbakebetalingen på ${kr(amount.value)} er mer enn det som er utbetalt (${kr(project.paid)}).`,
      `The refund of ${kr(amount.value)} is more than was paid (${kr(project.paid)}).`,
    );
  }
  return {
    ok: true,
    payment: {
      caseId: id,
      kind,
      amount: amount.value,
      date: day.value,
      voucher: input.voucher.trim(),
      item,
      project,
    },
  };
}

/** One `Tildelinger` row a withdrawal writes: the amount left of one budget year, dated in that year. */
export interface WithdrawalRow {
  year: number;
  amount: number;
  /** The period's last month in that year, as `YYYY-MM` (Fra and Til), so it frees that year's frame. */
  month: string;
}

export interface WithdrawalProposal {
  caseId: string;
  title: string;
  amount: number;
  category: CategoryId | null;
  rows: WithdrawalRow[];
}

/** What to withdraw from a project that ended more than the refund deadline ago with money unpaid. */
export function proposeWithdrawal(
  e: ProjectEconomy,
  today: Date,
  category: CategoryId | null,
): WithdrawalProposal | null {
  if (!isUnused(e, today) || !e.period) return null;
  const period = e.period;
  const rows: WithdrawalRow[] = [];
  for (const y of e.byYear) {
    const last = lastMonthIn(period, y.year);
    if (y.remaining <= 0 || last === null) continue;
    const month = last - monthIndex(y.year, 1) + 1;
    rows.push({ year: y.year, amount: y.remaining, month: `${y.year}-${String(month).padStart(2, '0')}` });
  }
  return rows.length === 0 ? null : { caseId: e.caseId, title: e.title, amount: e.remaining, category, rows };
}

/** Every withdrawal the portfolio calls for today (what `unused-funds` reports). */
export function withdrawalProposals(p: Portfolio, today: Date): WithdrawalProposal[] {
  const economy = buildEconomy(p, today).projects;
  const category = new Map<string, CategoryId | null>();
  for (const a of p.allocations)
    if (a.kind === 'ordinary' && !category.has(a.caseId)) category.set(a.caseId, a.category);
  const out: WithdrawalProposal[] = [];
  for (const [caseId, cat] of category) {
    const e = economy.get(caseId);
    const proposal = e ? proposeWithdrawal(e, today, cat) : null;
    if (proposal) out.push(proposal);
  }
  return out.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/** The withdrawal of one case, or the refusal saying why there is none. */
export function checkWithdrawal(
  p: Portfolio,
  today: Date,
  caseId: unknown,
): { ok: true; proposal: WithdrawalProposal } | { ok: false; error: TilskuddError } {
  const id = cellText(caseId);
  const unclear = unclearRow(p, id);
  if (unclear) return { ok: false, error: unclear };
  const proposal = withdrawalProposals(p, today).find((w) => w.caseId === id);
  if (proposal) return { ok: true, proposal };
  return {
    ok: false,
    error: tilskuddError(
      `Sak «${id}» har ingen ubrukte midler å trekke inn i dag (prosjektet må være avsluttet for mer enn fristen siden, med noe igjen å utbetale).`,
      `Case "${id}" has no unused money to withdraw today (the project must have ended more than the deadline ago, with money left unpaid).`,
    ),
  };
}
