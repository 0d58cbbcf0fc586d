import { matches, projectView, type ProjectInput } from '../../../src/core/follow-up/overview';
import { closureProposal } from '../../../src/core/follow-up/closure';
import type { StatusReport } from '../../../src/core/follow-up/status/reports';
import type { Application } from '../../../src/core/portfolio/records';
import { day } from '../builders';

const input = (extra: Partial<ProjectInput> = {}): ProjectInput => ({
  caseId: '2025-05-001',
  title: 'Agdermodellen',
  region: 'Hele Agder',
  status: 'Innvilget',
  row: 2,
  report: {
    received: { ok: true, value: day('2025-10-28') },
    progress: 'green',
    economy: 'yellow',
    risk: 'green',
  },
  economy: null,
  deadlines: [
    { type: 'halfYear', due: day('2025-11-01'), effectiveDue: day('2025-11-01'), status: 'delivered' },
    { type: 'halfYear', due: day('2026-05-01'), effectiveDue: day('2026-06-01'), status: 'overdue' },
    { type: 'final', due: day('2026-09-30'), effectiveDue: day('2026-09-30'), status: 'pending' },
  ],
  ...extra,
});

describe('projectView', () => {
  it('takes the worst light, the next pending due date and the overdue ones with their extension', () => {
    const v = projectView(input());
    expect(v.lights).toEqual({ progress: 'green', economy: 'yellow', risk: 'green', overall: 'yellow' });
    expect(v.lastReport).toBe('2025-10-28');
    expect(v.nextDue).toEqual({ type: 'final', deadline: '2026-09-30' });
    expect(v.overdue).toEqual([{ type: 'halfYear', due: '2026-05-01', deadline: '2026-06-01' }]);
  });

  it('has no light and no last report without a report, and no next due date when none is pending', () => {
    const v = projectView(input({ report: null, deadlines: [] }));
    expect(v.lights.overall).toBeNull();
    expect([v.lastReport, v.nextDue, v.overdue]).toEqual([null, null, []]);
  });

  it('filters by region and light, both ways', () => {
    const v = projectView(input());
    expect(matches(v, { region: '', light: 'all' })).toBe(true);
    expect(matches(v, { region: 'Hele Agder', light: 'yellow' })).toBe(true);
    expect(matches(v, { region: 'Lister', light: 'all' })).toBe(false);
    expect(matches(v, { region: '', light: 'red' })).toBe(false);
    expect(matches(v, { region: '', light: 'none' })).toBe(false);
    expect(matches(projectView(input({ report: null })), { region: '', light: 'none' })).toBe(true);
  });
});

describe('closureProposal', () => {
  const app = { caseId: 'A', title: 'A', status: 'Innvilget' } as Application;
  const final = (extra: Partial<StatusReport> = {}) =>
    ({
      row: 2,
      caseId: 'A',
      type: 'final',
      received: { ok: true, value: day('2026-09-01') },
      readyForOperations: true,
      receiver: 'Enhet',
      benefitOwner: 'Kommunalsjef',
      learning: 'Lært',
      ...extra,
    }) as StatusReport;

  it('refuses without a received final report, or when already closed', () => {
    expect(closureProposal(app, [final({ type: 'halfYear' })], null).ok).toBe(false);
    expect(
      closureProposal(app, [final({ received: { ok: false, reason: { nb: '', en: '' } } })], null).ok,
    ).toBe(false);
    expect(closureProposal({ ...app, status: 'Avsluttet' }, [final()], null).ok).toBe(false);
    expect(closureProposal(undefined, [final()], null).ok).toBe(false);
  });

  it('proposes closure with no gaps for a complete report, naming each gap otherwise', () => {
    const ok = closureProposal(app, [final()], { allocated: 100, paid: 60, remaining: 40 });
    expect(ok).toMatchObject({ ok: true, gaps: [], unused: { remaining: 40 } });
    const gaps = closureProposal(app, [final({ readyForOperations: null, benefitOwner: '' })], null);
    expect(gaps.ok && gaps.gaps.map((g) => g.nb)).toEqual([
      '«Klar for drift» er ikke Ja',
      'ingen «Gevinsteier»',
    ]);
  });
});
