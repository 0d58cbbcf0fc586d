import type { Browser } from 'playwright-core';
import { ACTION_PLAN } from '../../src/core/workbook/contract';
import { deskWith } from '../gas/desk-helpers';
import { demoWorkbook } from './fixtures';
import { axe, horizontalOverflow, launch, open, shot, unlabelled } from './harness';

const XSS = '<img src=x onerror=alert(1)>';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const col = (key: string) => ACTION_PLAN.fields.findIndex((f) => f.key === key);

describe('Handlingsplan sidebar', () => {
  it('shows the plan as a tree with lights and counts, filters, selects the row and shows linked projects', async () => {
    // Judged on the annual review's day (20 November 2025): the economy light is the one of that day.
    const sb = deskWith(demoWorkbook(), { now: Date.UTC(2025, 10, 20, 9) });
    const { page, external, errors } = await open(browser, sb, 'Plan');
    await page.getByRole('heading', { name: /^1 Tjenesteinnovasjon/ }).waitFor();
    await shot(page, 'plan');
    // Counts per focus area, the light in words.
    const focus2 = page.getByRole('region', { name: 'Fokusområde 2' });
    expect(await focus2.locator('.chips .lamp').allTextContents()).toEqual(['1 grønn', '4 røde']);
    // Linked projects with their status and, when not green, their economy light.
    expect(await page.locator('.cases li').allTextContents()).toEqual([
      'Sak 2025-05-001: Agdermodellen – barn og unges helsetjenester innen psykisk helse (Innvilget, økonomi gul)',
      expect.stringMatching(/^Sak 2025-05-002: Skrøpelige eldre 65\+ – delt datasenter .*\(/),
    ]);
    // Filter by light, then by responsible, then by region.
    await page.getByLabel('Status').selectOption('red');
    expect(await page.locator('button.measure').count()).toBe(7);
    await page.getByLabel('Ansvarlig').selectOption('Kommunikasjonsrådgiver');
    expect(await page.locator('button.measure').allTextContents()).toEqual([
      expect.stringMatching(/^3\.1\.2 Felles nettside/),
    ]);
    await shot(page, 'plan-filtered');
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Ansvarlig').selectOption('');
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Region').selectOption('Østre Agder');
    expect(await page.locator('button.measure').count()).toBe(1);
    await page.getByLabel('Organisasjon').selectOption('SSHF');
    expect(await page.locator('.empty').textContent()).toMatch(/Ingen tiltak passer filteret/);
    await page.getByLabel('Region').selectOption('');
    await page.getByLabel('Organisasjon').selectOption('');
    // A click selects the measure's row in the sheet.
    await page.getByRole('button', { name: /^3\.2\.1 Partnerskapsmøter/ }).click();
    await page.waitForFunction(() => {
      const stats = (window as unknown as { __shimStats: { names: string[]; inFlight: number } }).__shimStats;
      return stats.names.includes('findingsSelect') && stats.inFlight === 0;
    });
    expect(sb.fakes.SpreadsheetApp.getActiveSheet().getName()).toBe('Handlingsplan');
    expect(sb.fakes.SpreadsheetApp.getActiveRange().getRow()).toBe(29);
    expect(await unlabelled(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect([external, errors]).toEqual([[], []]);
  });

  it('shows a measure text with HTML as text, never run, and the plan findings with it', async () => {
    const values = demoWorkbook();
    const row = values[ACTION_PLAN.name]![3]!;
    row[col('text')] = XSS;
    row[col('owner')] = '';
    const sb = deskWith(values);
    const { page, dialogs, external } = await open(browser, sb, 'Plan');
    await page.locator('button.measure').first().waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('button.measure').first().textContent()).toContain(XSS);
    expect(await page.locator('.measure-finding').first().textContent()).toMatch(
      /tiltaket har ingen ansvarlig/,
    );
    await shot(page, 'xss-plan');
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
  });
});
