import type { Browser } from 'playwright-core';
import { APPLICATIONS, STATUS_REPORTS } from '../../src/core/workbook/contract';
import { sheetRows } from '../../src/example/agder';
import { deskWith } from '../gas/desk-helpers';
import { demoWorkbook } from './fixtures';
import { axe, horizontalOverflow, launch, open, shot, unlabelled } from './harness';

/**
 * The Oppfølging sidebar against the example (SSU 18-2025) with status reports for its two projects
 * (illustrative lights) and a third, invented project granted in Lister, judged on 1 December 2026.
 */
const XSS = '<img src=x onerror=alert(1)>';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** The bundle's clock on 1 December 2026 (09:00 UTC), the day the lights and due dates are judged by. */
const JUDGED = { now: Date.UTC(2026, 11, 1, 9) };

function followUpWorkbook(title?: string) {
  const values = demoWorkbook(title === undefined ? {} : { title });
  const apps = values[APPLICATIONS.name]!;
  const header = apps[0] as string[];
  apps[3]![header.indexOf('Status')] = 'Innvilget'; // 2025-12-001, Lister: granted, no report yet
  values[STATUS_REPORTS.name] = sheetRows(STATUS_REPORTS, [
    {
      caseId: '2025-05-001',
      due: day('2025-11-01'),
      received: day('2025-10-28'),
      type: 'Halvårsrapport',
      progress: 'Grønn',
      economy: 'Gul',
      risk: 'Grønn',
      comment: 'Forsinket rekruttering',
    },
    {
      caseId: '2025-05-002',
      due: day('2025-11-01'),
      received: day('2025-11-03'),
      type: 'Halvårsrapport',
      progress: 'Gul',
      economy: 'Grønn',
      risk: 'Rød',
      comment: 'Juridiske avklaringer gjenstår',
    },
  ]);
  return values;
}

describe('Oppfølging sidebar', () => {
  it('shows per project the lights, the worst, due dates and overdue reports; filters; selects the row', async () => {
    const sb = deskWith(followUpWorkbook(), JUDGED);
    const { page, external, errors } = await open(browser, sb, 'FollowUp');
    await page.locator('button.project').first().waitFor();
    expect(await page.locator('button.project').count()).toBe(3);
    const agder = page.locator('button.project[data-case="2025-05-001"]');
    expect(await agder.getAttribute('class')).toContain('yellow');
    expect(await agder.locator('.lights').textContent()).toBe('Framdrift: GrønnØkonomi: GulRisiko: Grønn');
    expect(await agder.textContent()).toContain('Siste rapport 28.10.2025');
    expect(await agder.locator('.overdue').allTextContents()).toEqual(
      expect.arrayContaining(['Forfalt: halvårsrapport 01.05.2026']),
    );
    const centre = page.locator('button.project[data-case="2025-05-002"]');
    expect(await centre.locator('.project-head .light').textContent()).toBe('Rød');
    await shot(page, 'follow-up');
    // Counted in the right number: one red project, not "1 røde".
    expect(await page.locator('.chips .chip').allTextContents()).toEqual(
      expect.arrayContaining(['1 rød', '1 gul', '0 grønne']),
    );
    expect(await axe(page)).toEqual([]);

    await page.getByLabel('Lys').selectOption('red');
    expect(await page.locator('button.project').count()).toBe(1);
    expect(await page.locator('#shown').textContent()).toBe('Viser 1 av 3 prosjekter.');
    await page.getByLabel('Lys').selectOption('none');
    expect(await page.locator('button.project .project-title').allTextContents()).toEqual([
      'Felles akutteam Lister',
    ]);
    await page.getByLabel('Lys').selectOption('all');
    await page.getByLabel('Region').selectOption('Lister');
    expect(await page.locator('button.project').count()).toBe(1);
    await page.getByLabel('Region').selectOption('');

    await centre.click();
    await page.waitForFunction(() => {
      const stats = (window as unknown as { __shimStats: { names: string[]; inFlight: number } }).__shimStats;
      return stats.names.includes('followUpSelect') && stats.inFlight === 0;
    });
    expect(sb.fakes.SpreadsheetApp.getActiveSheet().getName()).toBe('Søknader');
    const range = sb.fakes.SpreadsheetApp.getActiveRange();
    expect([range.getRow(), range.getNumRows(), range.getColumn()]).toEqual([3, 1, 1]);
    expect(await unlabelled(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect([external, errors]).toEqual([[], []]);
  });

  it('shows a project title with HTML as text, never run', async () => {
    const sb = deskWith(followUpWorkbook(XSS), JUDGED);
    const { page, dialogs, external } = await open(browser, sb, 'FollowUp');
    await page.locator('button.project').first().waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('.project-title').first().textContent()).toBe(XSS);
    await shot(page, 'xss-follow-up');
    expect([dialogs, external]).toEqual([[], []]);
  });
});
