import type { CheckResult } from '../check';
import { formatMoney } from '../money';
import { formatPeriod, proRata } from '../period';
import type { Allocation, Application } from '../records';
import type { Lang } from '../result';
import { h, p, table, ul, type DocModel } from './model';
import { norwegianDate } from './memo';

/** The award letter (*tildelingsbrev*) for a project with an ordinary grant. */
export interface Grant {
  application: Application;
  allocation: Allocation;
}

/** Projects with an ordinary grant and an application row, in case-id order. */
export function grants(result: CheckResult): Grant[] {
  const apps = new Map(result.portfolio.applications.map((a) => [a.caseId, a]));
  const out: Grant[] = [];
  const seen = new Set<string>();
  for (const allocation of result.portfolio.allocations) {
    const application = apps.get(allocation.caseId);
    if (
      allocation.kind !== 'ordinary' ||
      !application ||
      !allocation.amount.ok ||
      seen.has(allocation.caseId)
    )
      continue;
    seen.add(allocation.caseId);
    out.push({ application, allocation });
  }
  return out.sort((a, b) => a.application.caseId.localeCompare(b.application.caseId));
}

const kr = (n: number) => `kr ${formatMoney(n, false)}`;

export function buildLetter(
  result: CheckResult,
  grant: Grant,
  options: { date: string; lang?: Lang },
): DocModel {
  const lang = options.lang ?? 'nb';
  const s = result.portfolio.settings;
  const { application: app, allocation: a } = grant;
  const amount = a.amount.ok ? a.amount.value : 0;
  const period = a.period?.ok ? a.period.value : app.period.ok ? app.period.value : null;
  const decided = a.date.ok ? norwegianDate(a.date.value.toISOString()) : '';
  const split = period ? [...proRata(amount, period)] : [];
  const own = [
    app.ownMunicipality?.ok && app.ownMunicipality.value > 0
      ? `${lang === 'nb' ? 'kommune' : 'municipality'} ${kr(app.ownMunicipality.value)}`
      : '',
    app.ownHospital?.ok && app.ownHospital.value > 0 ? `SSHF ${kr(app.ownHospital.value)}` : '',
  ].filter((x) => x !== '');
  if (lang === 'en') {
    return {
      title: `Award letter – ${app.title}`,
      blocks: [
        table(
          [
            ['To', app.applicant],
            ['Contact', app.email],
            ['Case', app.caseId],
            ['Decision', `${a.decision} ${decided}`.trim()],
            ['Date', norwegianDate(options.date)],
          ],
          { keyValue: true },
        ),
        h(2, 'Award'),
        p(
          `${s.board} has awarded ${app.title} ${kr(amount)}${period ? ` for ${formatPeriod(period, 'en')}` : ''}.`,
        ),
        ...(split.length > 0
          ? [
              table(
                [['Budget year', 'Amount'], ...split.map(([y, v]) => [String(y), formatMoney(v, false)])],
                { header: true },
              ),
            ]
          : []),
        h(2, 'Conditions'),
        ul([
          [
            'A written agreement between the parties must be signed before payment: the measure, how it serves the purpose of the grant, a budget with what each party contributes and, where relevant, who is responsible for the patients.',
          ],
          [
            own.length > 0
              ? `The parties contribute their own resources as in the application: ${own.join(', ')}.`
              : 'The grant is partial financing: the parties are expected to contribute their own resources.',
          ],
          [
            'Half-yearly status reports (red/yellow/green, progress, risk, dependencies) to the secretariat, and annual reporting through the annual report.',
          ],
          ['The measure must not cause permanent increased operating costs.'],
          [
            `Needs for a supplementary allocation (up to ${kr(s.supplementLimit)} per project) are raised with the secretariat.`,
          ],
        ]),
        h(2, 'Contact'),
        p(`Questions about the award: the portfolio secretariat, ${s.secretariatEmail}.`),
        p(`Kind regards, the portfolio secretariat, ${s.community}`),
      ],
    };
  }
  return {
    title: `Tildelingsbrev – ${app.title}`,
    blocks: [
      table(
        [
          ['Til', app.applicant],
          ['Kontakt', app.email],
          ['Saksnr', app.caseId],
          ['Vedtak', `${a.decision} ${decided}`.trim()],
          ['Dato', norwegianDate(options.date)],
        ],
        { keyValue: true },
      ),
      h(2, 'Tildeling'),
      p(
        `${s.board} har tildelt ${app.title} ${kr(amount)}${period ? ` for perioden ${formatPeriod(period)}` : ''}.`,
      ),
      ...(split.length > 0
        ? [
            table([['Budsjettår', 'Beløp'], ...split.map(([y, v]) => [String(y), formatMoney(v, false)])], {
              header: true,
            }),
          ]
        : []),
      h(2, 'Vilkår'),
      ul([
        [
          'Det skal inngås en skriftlig samarbeidsavtale mellom partene før midlene utbetales. Avtalen beskriver tiltaket, hvordan det støtter formålet med tilskuddet, budsjett med hva hver part bidrar med og, der det er relevant, hvem som har ansvaret for pasientene.',
        ],
        [
          own.length > 0
            ? `Partene bidrar med egne ressurser som i søknaden: ${own.join(', ')}.`
            : 'Tilskuddet er delfinansiering: partene forventes å bidra med egne ressurser.',
        ],
        [
          'Prosjektet rapporterer status halvårlig (rødt/gult/grønt, framdrift, risiko og avhengigheter) til porteføljesekretariatet, og årlig gjennom årlig melding.',
        ],
        ['Tiltaket skal ikke medføre varige økte driftsutgifter.'],
        [
          `Behov for tilleggsbevilling (inntil ${kr(s.supplementLimit)} per prosjekt) avklares med porteføljesekretariatet.`,
        ],
      ]),
      h(2, 'Kontakt'),
      p(`Spørsmål om tildelingen kan rettes til porteføljesekretariatet, ${s.secretariatEmail}.`),
      p(`Med hilsen porteføljesekretariatet, ${s.community}`),
    ],
  };
}
