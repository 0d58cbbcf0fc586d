import { LIGHT_LABEL } from '../../core/follow-up/status/lights';
import { formatDay } from '../../core/plan/format';
import { requirePlan } from '../../core/documents/plan-review';
import { checkPortfolio } from '../../core/check/check';
import type { Portfolio } from '../../core/portfolio/records';
import type { PlanNode, PlanView } from '../../seam/api';
import { todayIn, type Desk } from '../platform/desk';

/** What the Handlingsplan sidebar shows: every placed row with its light, linked projects and findings. */
export function planView(desk: Desk, p: Portfolio): PlanView {
  const result = checkPortfolio(p, { today: todayIn(desk.ss, desk.sheets) });
  const plan = requirePlan(result);
  const apps = new Map(p.applications.map((a) => [a.caseId, a]));
  const findings = new Map<number, string[]>();
  for (const f of result.findings) {
    const cell = f.cells[0];
    if (cell?.sheet !== 'plan') continue;
    findings.set(cell.row, [...(findings.get(cell.row) ?? []), f.message[desk.lang]]);
  }
  const items: PlanNode[] = [];
  for (const item of plan.items) {
    if (item.level === null) continue;
    items.push({
      row: item.row,
      number: item.number,
      level: item.level,
      text: item.text,
      owner: item.owner,
      organisation: item.organisation,
      region: item.region,
      due: item.due === null ? '' : item.due.ok ? formatDay(item.due.value, desk.lang) : '',
      light: item.status,
      status: item.statusText,
      comment: item.comment,
      indicator: item.indicator,
      cases: item.cases.map((caseId) => {
        const app = apps.get(caseId);
        const light = result.economy.projects.get(caseId)?.light;
        const economy = light ? LIGHT_LABEL[light][desk.lang].toLowerCase() : null;
        return { caseId, title: app?.title ?? '', status: app?.status ?? '', known: !!app, economy };
      }),
      findings: findings.get(item.row) ?? [],
    });
  }
  return { lang: desk.lang, sheet: plan.sheetName, items };
}
