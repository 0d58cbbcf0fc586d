import { countOf } from '../../base/text';
import type { CellRef, Finding } from '../../engine/findings';
import { about, finding, type Rule } from '../../engine/rule';
import type { CheckContext } from '../../check/context';
import { formatLongDay } from '../../parse/period';
import type { Deadline } from '../deadlines/deadlines';
import type { ReportType } from '../status/reports';
import { sentence } from './sentence';

const DAY = 86_400_000;

const NAME: Record<ReportType, { nb: string; en: string }> = {
  halfYear: { nb: 'halvårsrapporten', en: 'the half-yearly report' },
  final: { nb: 'sluttrapporten', en: 'the final report' },
};

/** The `Frister` row with the person's extension, else the project's `Saksnr` in `Søknader`. */
function cellOf(d: Deadline): CellRef {
  return d.override
    ? { sheet: 'deadlines', row: d.override.row, field: d.extendedTo ? 'extendedTo' : 'due' }
    : { sheet: 'applications', row: d.application.row, field: 'caseId' };
}

/**
 * Overdue reports: past the due date or its extension, not delivered, not exempted. Silent while the
 * workbook has no `Statusrapporter` sheet (follow-up not in use there yet).
 */
function overdueRule(id: string, type: ReportType): Rule {
  const rule: Rule = {
    id,
    severity: 'warning',
    family: 'follow-up',
    check(ctx: CheckContext) {
      if (ctx.portfolio.statusReports === undefined) return [];
      const out: Finding[] = [];
      for (const d of ctx.deadlines) {
        if (d.type !== type || d.status !== 'overdue') continue;
        const days = Math.round((ctx.today.getTime() - d.effectiveDue.getTime()) / DAY);
        const cell = cellOf(d);
        const ref = d.caseId;
        const ext = (lang: 'nb' | 'en') =>
          d.extendedTo
            ? lang === 'nb'
              ? ` (utsatt til ${formatLongDay(d.extendedTo, 'nb')})`
              : ` (extended to ${formatLongDay(d.extendedTo, 'en')})`
            : '';
        const late = (lang: 'nb' | 'en') =>
          lang === 'nb'
            ? `${NAME[type].nb} med frist ${formatLongDay(d.due, 'nb')}${ext('nb')} er ikke levert, ${countOf(days, 'dag', 'dager')} over fristen`
            : `${NAME[type].en} due ${formatLongDay(d.due, 'en')}${ext('en')} is not delivered, ${countOf(days, 'day', 'days')} late`;
        out.push(
          finding(
            rule,
            ref,
            [cell],
            (lang) =>
              lang === 'nb'
                ? `${about(ref, cell, 'nb')}${late('nb')}. Be prosjektet sende den (en rad i Statusrapporter med denne fristen), eller før inn «Utsatt til» eller «Fritatt» i Frister.`
                : `${about(ref, cell, 'en')}${late('en')}. Ask the project for it (a row in Status reports with this due date), or fill in "Extended to" or "Exempted" in Deadlines.`,
            (lang) => sentence(late(lang)),
          ),
        );
      }
      return out;
    },
  };
  return rule;
}

export const statusReportOverdue = overdueRule('status-report-overdue', 'halfYear');
export const finalReportOverdue = overdueRule('final-report-overdue', 'final');
