import type { DashboardView, FollowUpView, PlanView, Result } from '../../src/seam/api';
import { exampleWorkbook } from '../../src/example/agder';
import { assertPlain } from '../ui/shim';
import { deskWith } from './desk-helpers';

// The sidebars that show a project's economy take it from the one economy engine, with the day in the
// spreadsheet's zone: the follow-up sidebar's figures and the action plan's linked-project light.
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error);
  assertPlain(r); // what google.script.run can carry back to the sidebar
  return r.value;
};

describe('economy in the sidebars', () => {
  it('gives the follow-up sidebar each project’s allocated, paid and left', () => {
    const view = ok(deskWith().call<Result<FollowUpView>>('followUpLoad'));
    const agder = view.projects.find((p) => p.caseId === '2025-05-001')!;
    expect(agder.economy).toMatchObject({ allocated: 1_120_000 });
    expect(agder.economy!.allocated).toBe(agder.economy!.paid + agder.economy!.remaining);
    expect(['green', 'yellow', 'red']).toContain(agder.economy!.light);
  });

  it('shows the economy light of a grant project that carries a measure of the plan', () => {
    const view = ok(deskWith().call<Result<PlanView>>('planLoad'));
    const linked = view.items.flatMap((i) => i.cases).filter((c) => c.known);
    expect(linked.length).toBeGreaterThan(0);
    for (const c of linked) expect(c.economy).toMatch(/^(grønn|gul|rød)$/);
  });

  it('tells the dashboard which grants its totals leave out, and nothing when none is', () => {
    const values = exampleWorkbook();
    const rows = values['Tildelinger']!;
    rows[rows.findIndex((r) => r[0] === 'ADM-2025')]![rows[0]!.indexOf('Beløp')] = 'ni hundre tusen';
    const view = ok(deskWith(values).call<Result<DashboardView>>('dashboardLoad'));
    expect(view.leftOut).toBe(
      '1 tildeling (sak ADM-2025) er holdt utenfor summene fordi beløpet eller perioden ikke kan leses. Rett feilene i Tildelinger, så telles den med.',
    );
    expect(ok(deskWith().call<Result<DashboardView>>('dashboardLoad')).leftOut).toBe('');
  });
});
