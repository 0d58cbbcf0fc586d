import type { FollowUpView, PlanView, Result } from '../../src/seam/api';
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
});
