import { followUpProjects } from '../../../src/core/follow-up/followed-projects';
import { followedProjects } from '../../../src/core/follow-up/deadlines/projects';
import { deadlinesOf } from '../../../src/core/follow-up/deadlines/deadlines';
import { readPortfolio } from '../../../src/core/portfolio/records';
import { exampleWorkbook } from '../../../src/example/agder';

describe('the projects to follow up, as the Oppfølging sidebar lists them', () => {
  const p = readPortfolio(exampleWorkbook());
  const today = new Date(Date.UTC(2026, 5, 15));
  const projects = followUpProjects(p, today);

  it('lists every followed project once, with its own due dates', () => {
    expect(projects.map((x) => x.caseId)).toEqual(followedProjects(p).map((f) => f.application.caseId));
    expect(projects.length).toBeGreaterThan(0);
    const all = deadlinesOf(p, today);
    for (const x of projects) expect(x.deadlines).toEqual(all.filter((d) => d.caseId === x.caseId));
  });

  it('carries plain economy figures (no Map or Date) and the latest report when there is one', () => {
    const withEconomy = projects.filter((x) => x.economy !== null);
    expect(withEconomy.length).toBeGreaterThan(0);
    for (const x of withEconomy)
      expect(Object.keys(x.economy!).sort()).toEqual(
        ['allocated', 'elapsedShare', 'light', 'paid', 'remaining', 'usedShare'].sort(),
      );
    expect(projects.some((x) => x.report !== null)).toBe(true);
  });
});
