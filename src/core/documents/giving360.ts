import { toCsvRows } from '../base/csv';
import type { CheckResult } from '../check/check';
import { monthOfDay, monthsIn, monthOf, yearOf, type Period } from '../parse/period';
import { validOrgNumber } from '../parse/orgnr';
import type { Allocation } from '../portfolio/records';
import { publication } from './publication';
import { signedPayment } from '../money-flow/economy';

/**
 * The 360Giving Data Standard export (1.4): one grant per allocation row, NOK amounts, ISO dates,
 * planned dates from the period, persistent grant ids (see `grantIds`), and `NO-BRC-<org number>`
 * identifiers where a valid organisation number is known. JSON as a package `{ grants: [...] }`, and the flat CSV with the standard's column titles.
 */
export interface Grant360 {
  id: string;
  title: string;
  description: string;
  currency: 'NOK';
  amountAppliedFor?: number;
  amountAwarded: number;
  /** What was paid on the grant by the export's day (payments less refunds), when anything was. */
  amountDisbursed?: number;
  awardDate: string;
  plannedDates?: Array<{ startDate: string; endDate: string; duration: number }>;
  recipientOrganization: Array<{ id: string; name: string }>;
  fundingOrganization: Array<{ id: string; name: string }>;
  grantProgramme: Array<{ title: string }>;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[å]/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function plannedDates(period: Period) {
  const last = new Date(Date.UTC(yearOf(period.to), monthOf(period.to), 0)).getUTCDate();
  return [
    {
      startDate: iso(yearOf(period.from), monthOf(period.from), 1),
      endDate: iso(yearOf(period.to), monthOf(period.to), last),
      duration: monthsIn(period),
    },
  ];
}

/**
 * Persistent grant ids, independent of where the rows sit in the sheet: `<prefix>-<case>-T<n>` for
 * ordinary allocations and `<prefix>-<case>-TB<n>` for supplementary ones, where n numbers that case's
 * allocations of that kind by decision date, then amount, then (only to break a tie) sheet row. Cases
 * are grouped by their slug, so two case ids that slug alike still get distinct ids.
 */
function grantIds(prefix: string, allocations: Allocation[]): Map<Allocation, string> {
  const groups = new Map<string, Allocation[]>();
  for (const a of allocations) {
    const key = `${slug(a.caseId) || 'uten-sak'}-${a.kind === 'supplement' ? 'TB' : 'T'}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const value = (a: Allocation) => ({
    date: a.date.ok ? a.date.value.toISOString().slice(0, 10) : '',
    amount: a.amount.ok ? a.amount.value : 0,
  });
  const ids = new Map<Allocation, string>();
  for (const [key, group] of groups) {
    group
      .map((a) => ({ a, ...value(a) }))
      .sort(
        (x, y) =>
          (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || x.amount - y.amount || x.a.row - y.a.row,
      )
      .forEach(({ a }, k) => ids.set(a, `${prefix}-${key}${k + 1}`));
  }
  return ids;
}

/**
 * What was paid per grant: each case's payments less refunds fill its grants in id order (ordinary
 * before supplementary, earliest first); anything beyond lands on the last.
 */
function disbursed(result: CheckResult, ids: Map<Allocation, string>): Map<Allocation, number> {
  const paid = new Map<string, number>();
  for (const pay of result.portfolio.payments) {
    const amount = signedPayment(pay);
    if (amount !== null) paid.set(pay.caseId, (paid.get(pay.caseId) ?? 0) + amount);
  }
  const byCase = new Map<string, Allocation[]>();
  for (const a of ids.keys()) byCase.set(a.caseId, [...(byCase.get(a.caseId) ?? []), a]);
  const out = new Map<Allocation, number>();
  for (const [caseId, grants] of byCase) {
    let left = paid.get(caseId) ?? 0;
    if (left === 0) continue;
    const ordered = grants.sort((x, y) => (ids.get(x)! < ids.get(y)! ? -1 : 1));
    ordered.forEach((a, i) => {
      const awarded = a.amount.ok ? a.amount.value : 0;
      const part = i === ordered.length - 1 ? left : Math.min(awarded, Math.max(left, 0));
      out.set(a, Math.round(part * 100) / 100);
      left -= part;
    });
  }
  return out;
}

/**
 * The published allocations (see `publication`) as 360Giving grants; with `year`, that budget year's.
 * The funder is the legal holder of the money (the hospital trust, `Org.nr forvalter`) when its
 * organisation number is set, else the community; the secretariat's own cost (administration) is no
 * grant and is not published as one.
 */
export function grants360(result: CheckResult, year?: number): Grant360[] {
  const { portfolio } = result;
  const s = portfolio.settings;
  const apps = new Map(portfolio.applications.map((a) => [a.caseId, a]));
  const holder = validOrgNumber(s.funderOrgNumber);
  const funder = holder
    ? { id: `NO-BRC-${s.funderOrgNumber}`, name: s.hospitalTrust }
    : { id: `${s.grantIdPrefix}-forvalter`, name: s.community };
  // Allocations with an unusable amount or date always carry an error finding, so none is left out here.
  // A withdrawal (inndragning) is no grant: it takes money back.
  const allocations = publication(result, year).allocations.filter(
    (a) =>
      a.kind !== 'withdrawal' &&
      a.kind !== 'extension' &&
      a.category !== 'administration' &&
      a.amount.ok &&
      a.date.ok,
  );
  const ids = grantIds(s.grantIdPrefix, allocations);
  const paid = disbursed(result, ids);
  const out: Grant360[] = [];
  for (const a of allocations) {
    if (!a.amount.ok || !a.date.ok) continue;
    const app = apps.get(a.caseId);
    const org = app?.applicant || s.community;
    const period = a.period?.ok ? a.period.value : null;
    const fallback = monthOfDay(a.date.value);
    out.push({
      id: ids.get(a)!,
      title: app?.title || a.decision || a.caseId,
      description:
        app?.need || `${a.kind === 'supplement' ? 'Tilleggsbevilling' : 'Tildeling'}: ${a.decision}`,
      currency: 'NOK',
      ...(app?.requested.ok && a.kind === 'ordinary' ? { amountAppliedFor: app.requested.value } : {}),
      amountAwarded: a.amount.value,
      ...(paid.has(a) ? { amountDisbursed: paid.get(a)! } : {}),
      awardDate: a.date.value.toISOString().slice(0, 10),
      plannedDates: plannedDates(period ?? { from: fallback, to: fallback }),
      recipientOrganization: [
        {
          id:
            app && validOrgNumber(app.orgNumber)
              ? `NO-BRC-${app.orgNumber}`
              : `${s.grantIdPrefix}-org-${slug(org)}`,
          name: org,
        },
      ],
      fundingOrganization: [funder],
      grantProgramme: [{ title: 'Rekrutterings- og samhandlingstilskudd' }],
    });
  }
  return out;
}

export function toPackageJson(grants: Grant360[]): string {
  return JSON.stringify({ grants }, null, 2) + '\n';
}

const CSV_COLUMNS: Array<[title: string, value: (g: Grant360) => string | number | undefined]> = [
  ['Identifier', (g) => g.id],
  ['Title', (g) => g.title],
  ['Description', (g) => g.description],
  ['Currency', (g) => g.currency],
  ['Amount Applied For', (g) => g.amountAppliedFor],
  ['Amount Awarded', (g) => g.amountAwarded],
  ['Amount Disbursed', (g) => g.amountDisbursed],
  ['Award Date', (g) => g.awardDate],
  ['Planned Dates:Start Date', (g) => g.plannedDates?.[0]?.startDate],
  ['Planned Dates:End Date', (g) => g.plannedDates?.[0]?.endDate],
  ['Planned Dates:Duration (months)', (g) => g.plannedDates?.[0]?.duration],
  ['Recipient Org:Identifier', (g) => g.recipientOrganization[0]?.id],
  ['Recipient Org:Name', (g) => g.recipientOrganization[0]?.name],
  ['Funding Org:Identifier', (g) => g.fundingOrganization[0]?.id],
  ['Funding Org:Name', (g) => g.fundingOrganization[0]?.name],
  ['Grant Programme:Title', (g) => g.grantProgramme[0]?.title],
];

/** The standard's CSV: comma-separated UTF-8 (RFC 4180); text a spreadsheet would read as a formula is neutralised. */
export function toCsv(grants: Grant360[]): string {
  return toCsvRows([CSV_COLUMNS.map(([t]) => t), ...grants.map((g) => CSV_COLUMNS.map(([, f]) => f(g)))]);
}
