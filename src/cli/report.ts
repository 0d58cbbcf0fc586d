import { CATEGORY_IDS, CATEGORY_LABELS } from '../core/workbook/categories';
import type { CheckResult } from '../core/check/check';
import type { Finding, Severity } from '../core/engine/findings';
import type { YearSummary } from '../core/money-flow/ledger';
import { formatMoney } from '../core/parse/money';
import type { Lang } from '../core/base/result';
import { projectStatuses, statusJson } from '../core/follow-up/status/project-status';
import type { Economy } from '../core/money-flow/economy';
import { economyTable, projectsJson, type ProjectJson } from './economy-report';
import { leftOutOfTotals, leftOutText } from '../core/documents/publication';

/** The `check` command's output: the JSON contract and the human-readable report. */

export interface CheckJson {
  findings: Array<{ rule: string; severity: Severity; ref: string; message: string }>;
  years: Record<
    string,
    {
      frame: number;
      allocated: number;
      remaining: number;
      categories: Record<string, { amount: number; share: number; key: number; keyAmount: number }>;
      /** Paid out of the year's allocations (payments − refunds). */
      paid: number;
    }
  >;
  /**
   * Per case id: allocated, paid, remaining, used and elapsed share, and the derived light; for a
   * followed project also its follow-up on the day checked (`status`).
   */
  projects: Record<string, Partial<ProjectJson> & { status?: ReturnType<typeof statusJson> }>;
  /**
   * The grants no total counts because their amount or period cannot be read (`leftOutOfTotals`): each
   * `Tildelinger` row with its case id and the rules that stop it, and the sentence the report prints
   * under the totals (empty when none is left out). Always present.
   */
  leftOutOfTotals: { allocations: LeftOutJson[]; message: string };
}

export interface LeftOutJson {
  row: number;
  caseId: string;
  rules: string[];
}

/** What the totals leave out, for `--json`: the rows, their rules and the report's sentence. */
export function leftOutJson(result: CheckResult, lang: Lang): CheckJson['leftOutOfTotals'] {
  const left = leftOutOfTotals(result);
  return {
    allocations: left.map((w) => ({
      row: w.allocation.row,
      caseId: w.allocation.caseId,
      rules: [...new Set(w.errors.map((f) => f.rule))],
    })),
    message: leftOutText(left, lang),
  };
}

export function toJson(
  findings: Finding[],
  years: YearSummary[],
  lang: Lang,
  economy: Economy,
  leftOut: CheckJson['leftOutOfTotals'],
): CheckJson {
  const paid = new Map(economy.years.map((y) => [y.year, y.paid]));
  return {
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      ref: f.ref,
      message: f.message[lang],
    })),
    years: Object.fromEntries(
      years.map((y) => [
        String(y.year),
        {
          frame: y.frame,
          allocated: y.allocated,
          remaining: y.remaining,
          categories: y.categories,
          paid: paid.get(y.year) ?? 0,
        },
      ]),
    ),
    projects: projectsJson(economy),
    leftOutOfTotals: leftOut,
  };
}

/** Adds each followed project's follow-up on the day (lights, last report, next due, overdue). */
export function withFollowUp(json: CheckJson, result: CheckResult, day: Date): CheckJson {
  const projects = { ...json.projects };
  for (const s of projectStatuses(result.portfolio, day))
    projects[s.caseId] = { ...projects[s.caseId], status: statusJson(s) };
  return { ...json, projects };
}

const T = {
  nb: {
    title: 'Tilskudd – kontroll av',
    counts: (a: number, b: number, c: number) => `${a} søknader, ${b} budsjettlinjer, ${c} tildelinger`,
    year: 'Budsjettår',
    frame: 'Ramme',
    allocated: 'Tildelt',
    remaining: 'Gjenstår',
    category: 'Kategori',
    share: 'Andel',
    key: 'Nøkkel',
    keyAmount: 'Nøkkelbeløp',
    over: 'over nøkkelen',
    overFrame: 'OVER RAMMEN',
    noYears: 'Ingen tildelinger å summere.',
    errors: 'Feil',
    warnings: 'Advarsler',
    infos: 'Til orientering',
    none: 'Ingen avvik funnet.',
    result: (e: number, w: number) => `Resultat: ${e} feil, ${w} advarsler.`,
  },
  en: {
    title: 'Tilskudd – check of',
    counts: (a: number, b: number, c: number) => `${a} applications, ${b} budget lines, ${c} allocations`,
    year: 'Budget year',
    frame: 'Frame',
    allocated: 'Allocated',
    remaining: 'Remaining',
    category: 'Category',
    share: 'Share',
    key: 'Key',
    keyAmount: 'Key amount',
    over: 'over its key',
    overFrame: 'OVER THE FRAME',
    noYears: 'No allocations to summarise.',
    errors: 'Errors',
    warnings: 'Warnings',
    infos: 'For information',
    none: 'No findings.',
    result: (e: number, w: number) => `Result: ${e} errors, ${w} warnings.`,
  },
};

export const percent = (x: number, lang: Lang): string => {
  const text = (Math.round(x * 1000) / 10).toFixed(1);
  return `${lang === 'nb' ? text.replace('.', ',') : text} %`;
};

export function humanReport(
  file: string,
  result: CheckResult,
  years: YearSummary[],
  findings: Finding[],
  lang: Lang,
) {
  const t = T[lang];
  const p = result.portfolio;
  const lines: string[] = [
    `${t.title} ${file}`,
    t.counts(p.applications.length, p.budget.length, p.allocations.length),
    '',
  ];
  if (years.length === 0) lines.push(t.noYears, '');
  for (const y of years) {
    const over = y.allocated > y.frame ? `  ⚠ ${t.overFrame}` : '';
    lines.push(
      `${t.year} ${y.year}   ${t.frame} ${formatMoney(y.frame)}   ${t.allocated} ${formatMoney(y.allocated)}   ${t.remaining} ${formatMoney(y.remaining)}${over}`,
    );
    const rows = [
      [t.category, t.allocated, t.share, t.key, t.keyAmount],
      ...CATEGORY_IDS.map((id) => {
        const c = y.categories[id];
        return [
          CATEGORY_LABELS[id][lang],
          formatMoney(c.amount),
          percent(c.share, lang),
          percent(c.key, lang),
          formatMoney(c.keyAmount),
        ];
      }),
    ];
    const flags = [
      '',
      ...CATEGORY_IDS.map((id) => {
        const c = y.categories[id];
        return c.amount > c.keyAmount ? `  ⚠ ${t.over}` : '';
      }),
    ];
    columns(rows).forEach((line, i) => lines.push(`  ${line}${flags[i]}`));
    lines.push('');
  }
  // The totals above leave out a grant whose amount or period cannot be read: the reader is told.
  const left = leftOutText(leftOutOfTotals(result), lang);
  if (left !== '') lines.push(left, '');
  lines.push(...economyTable([...result.economy.projects.values()], lang), '');
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const infos = findings.filter((f) => f.severity === 'info');
  if (findings.length === 0) lines.push(t.none);
  for (const [label, group] of [
    [t.errors, errors],
    [t.warnings, warnings],
    [t.infos, infos],
  ] as const) {
    if (group.length === 0) continue;
    lines.push(`${label} (${group.length})`);
    for (const f of group) lines.push(`  [${f.rule}] ${f.message[lang]}`);
    lines.push('');
  }
  lines.push(t.result(errors.length, warnings.length));
  return lines.join('\n');
}

/**
 * Rows as aligned text columns, each as wide as its widest cell (the first left-aligned, the figures
 * right-aligned) and two spaces apart, so columns never run together, whatever the amounts.
 */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
  );
}
