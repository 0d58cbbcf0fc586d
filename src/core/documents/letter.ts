import type { CheckResult } from '../check/check';
import { formatMoney } from '../parse/money';
import { formatPeriod, proRata } from '../parse/period';
import type { Allocation, Application } from '../portfolio/records';
import type { Lang } from '../base/result';
import { h, p, table, ul, type DocModel } from './model';
import { norwegianDate } from './memo';
import { heldBack, type Withheld } from './publication';

/** The award letter (*tildelingsbrev*) for a project with an ordinary grant. */
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

const T = {
  nb: {
    title: (t: string) => `Tildelingsbrev – ${t}`,
    labels: ['Til', 'Kontakt', 'Saksnr', 'Vedtak', 'Dato'],
    award: 'Tildeling',
    awarded: (board: string, title: string, amount: string, period: string) =>
      `${board} har tildelt ${title} ${amount}${period === '' ? '' : ` for perioden ${period}`}.`,
    split: ['Budsjettår', 'Beløp'],
    conditions: 'Vilkår',
    agreement:
      'Det skal inngås en skriftlig samarbeidsavtale mellom partene før midlene utbetales. Avtalen beskriver tiltaket, hvordan det støtter formålet med tilskuddet, budsjett med hva hver part bidrar med og, der det er relevant, hvem som har ansvaret for pasientene.',
    municipality: 'kommune',
    own: (list: string) => `Partene bidrar med egne ressurser som i søknaden: ${list}.`,
    noOwn: 'Tilskuddet er delfinansiering: partene forventes å bidra med egne ressurser.',
    reporting:
      'Prosjektet rapporterer status halvårlig (rødt/gult/grønt, framdrift, risiko og avhengigheter) til porteføljesekretariatet, og årlig gjennom årlig melding.',
    operating: 'Tiltaket skal ikke medføre varige økte driftsutgifter.',
    supplement: (limit: string) =>
      `Behov for tilleggsbevilling (inntil ${limit} per prosjekt) avklares med porteføljesekretariatet.`,
    contact: 'Kontakt',
    questions: (email: string) => `Spørsmål om tildelingen kan rettes til porteføljesekretariatet, ${email}.`,
    regards: (community: string) => `Med hilsen porteføljesekretariatet, ${community}`,
  },
  en: {
    title: (t: string) => `Award letter – ${t}`,
    labels: ['To', 'Contact', 'Case', 'Decision', 'Date'],
    award: 'Award',
    awarded: (board: string, title: string, amount: string, period: string) =>
      `${board} has awarded ${title} ${amount}${period === '' ? '' : ` for ${period}`}.`,
    split: ['Budget year', 'Amount'],
    conditions: 'Conditions',
    agreement:
      'A written agreement between the parties must be signed before payment: the measure, how it serves the purpose of the grant, a budget with what each party contributes and, where relevant, who is responsible for the patients.',
    municipality: 'municipality',
    own: (list: string) => `The parties contribute their own resources as in the application: ${list}.`,
    noOwn: 'The grant is partial financing: the parties are expected to contribute their own resources.',
    reporting:
      'Half-yearly status reports (red/yellow/green, progress, risk, dependencies) to the secretariat, and annual reporting through the annual report.',
    operating: 'The measure must not cause permanent increased operating costs.',
    supplement: (limit: string) =>
      `Needs for a supplementary allocation (up to ${limit} per project) are raised with the secretariat.`,
    contact: 'Contact',
    questions: (email: string) => `Questions about the award: the portfolio secretariat, ${email}.`,
    regards: (community: string) => `Kind regards, the portfolio secretariat, ${community}`,
  },
};

export function buildLetter(
  result: CheckResult,
  grant: Grant,
  options: { date?: string; lang?: Lang } = {},
): DocModel {
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const s = result.portfolio.settings;
  const { application: app, allocation: a } = grant;
  const amount = a.amount.ok ? a.amount.value : 0;
  const period = a.period?.ok ? a.period.value : app.period.ok ? app.period.value : null;
  const decided = a.date.ok ? norwegianDate(a.date.value.toISOString()) : '';
  const split = period ? [...proRata(amount, period)] : [];
  const own = [
    app.ownMunicipality?.ok && app.ownMunicipality.value > 0
      ? `${t.municipality} ${kr(app.ownMunicipality.value)}`
      : '',
    app.ownHospital?.ok && app.ownHospital.value > 0
      ? `${s.hospitalTrustShort} ${kr(app.ownHospital.value)}`
      : '',
  ].filter((x) => x !== '');
  // Without a date of its own the letter is dated by the decision, so it stays the same when written again.
  const date = options.date || (a.date.ok ? a.date.value.toISOString().slice(0, 10) : '');
  const values = [
    app.applicant,
    app.email,
    app.caseId,
    `${a.decision} ${decided}`.trim(),
    norwegianDate(date),
  ];
  return {
    title: t.title(app.title),
    blocks: [
      table(
        t.labels.map((label, i) => [label, values[i]!]),
        { keyValue: true },
      ),
      h(2, t.award),
      p(t.awarded(s.board, app.title, kr(amount), period ? formatPeriod(period, lang) : '')),
      ...(split.length > 0
        ? [table([t.split, ...split.map(([y, v]) => [String(y), formatMoney(v, false)])], { header: true })]
        : []),
      h(2, t.conditions),
      ul([
        [t.agreement],
        [own.length > 0 ? t.own(own.join(', ')) : t.noOwn],
        [t.reporting],
        [t.operating],
        [t.supplement(kr(s.supplementLimit))],
      ]),
      h(2, t.contact),
      p(t.questions(s.secretariatEmail)),
      p(t.regards(s.community)),
    ],
  };
}
