import { CATEGORY_IDS, CATEGORY_LABELS } from '../workbook/categories';
import type { CheckResult } from '../check/check';
import { formatMoney } from '../parse/money';
import { formatPeriod } from '../parse/period';
import type { Lang } from '../base/result';
import { h, p, table, type DocModel } from './model';
import { publication } from './publication';

/** One published project's line of the overview: the two amounts as numbers, for a spreadsheet too. */
export type OverviewRow = [
  title: string,
  org: string,
  category: string,
  period: string,
  year: number,
  total: number,
];

/**
 * The overview's table of allocations for a budget year: the header and one row per published project,
 * amounts in whole kroner as numbers (the document formats them; the CSV writes them so Excel and
 * LibreOffice read numbers in any locale).
 */
export function overviewRows(
  result: CheckResult,
  year: number,
  lang: Lang = 'nb',
): { header: string[]; rows: OverviewRow[] } {
  const { portfolio, ledger } = result;
  const apps = new Map(portfolio.applications.map((a) => [a.caseId, a]));
  const rows = new Map<
    string,
    { title: string; org: string; category: string; period: string; year: number; total: number }
  >();
  // The same grants as the 360Giving export: those `publication` lets through.
  const published = new Set(publication(result, year).allocations);
  for (const e of ledger.entries) {
    const a = e.allocation;
    const part = e.byYear?.get(year);
    if (part === undefined || !a.amount.ok || !published.has(a)) continue;
    // A withdrawal (inndragning) takes its amount off the project's total, as it does off the year.
    const total = a.kind === 'withdrawal' ? -a.amount.value : a.amount.value;
    const app = apps.get(a.caseId);
    const key = a.caseId || `rad ${a.row}`;
    const row = rows.get(key) ?? {
      title: app?.title ?? a.decision,
      org: app?.applicant ?? portfolio.settings.community,
      category: e.category ? CATEGORY_LABELS[e.category][lang] : '',
      period: a.period?.ok
        ? formatPeriod(a.period.value, lang)
        : app?.period.ok
          ? formatPeriod(app.period.value, lang)
          : '',
      year: 0,
      total: 0,
    };
    row.year += part;
    row.total += total;
    rows.set(key, row);
  }
  return {
    header:
      lang === 'nb'
        ? ['Prosjekt', 'Organisasjon', 'Kategori', 'Periode', `Beløp ${year}`, 'Tildelt i alt']
        : ['Project', 'Organisation', 'Category', 'Period', `Amount ${year}`, 'Total awarded'],
    rows: [...rows.values()].map((r): OverviewRow => [
      r.title,
      r.org,
      r.category,
      r.period,
      Math.round(r.year),
      Math.round(r.total),
    ]),
  };
}

/**
 * The public overview of allocations per budget year: organisations and projects only, no personal
 * data (no contact e-mails, no names), as the secretariat publishes it on the website.
 */
export function buildOverview(result: CheckResult, year: number, lang: Lang = 'nb'): DocModel {
  const { portfolio, ledger } = result;
  const allocations = overviewRows(result, year, lang);
  const money = (n: number) => formatMoney(Math.round(n), false);
  const summary = ledger.years.get(year);
  const nb = lang === 'nb';
  return {
    title: nb ? `Oversikt over tildelinger ${year}` : `Allocations ${year}`,
    blocks: [
      p(
        nb
          ? `${portfolio.settings.community} fordeler rekrutterings- og samhandlingstilskuddet til samarbeidsprosjekter mellom kommunene og helseforetaket. Beløpene for ${year} er fordelt på budsjettår etter måneder i prosjektperioden.`
          : `${portfolio.settings.community} allocates the recruitment and collaboration grant to joint projects. Amounts for ${year} are counted by the months of each project's period.`,
      ),
      h(2, nb ? 'Tildelinger' : 'Allocations'),
      table(
        [
          allocations.header,
          ...allocations.rows.map(([title, org, category, period, inYear, total]) => [
            title,
            org,
            category,
            period,
            money(inYear),
            money(total),
          ]),
        ],
        { header: true },
      ),
      ...(summary
        ? [
            h(2, nb ? 'Rammen og fordelingsnøkkelen' : 'Frame and split key'),
            table(
              [
                nb
                  ? ['Kategori', 'Tildelt', 'Nøkkel', 'Nøkkelbeløp']
                  : ['Category', 'Allocated', 'Key', 'Key amount'],
                ...CATEGORY_IDS.map((id) => {
                  const c = summary.categories[id];
                  return [
                    CATEGORY_LABELS[id][lang],
                    money(c.amount),
                    `${Math.round(c.key * 100)} %`,
                    money(c.keyAmount),
                  ];
                }),
                [nb ? 'Rammen' : 'Frame', money(summary.allocated), '', money(summary.frame)],
              ],
              { header: true },
            ),
          ]
        : []),
    ],
  };
}
