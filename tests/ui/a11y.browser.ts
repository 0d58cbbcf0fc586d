import type { Browser, Page } from 'playwright-core';
import { APPLICATIONS } from '../../src/core/workbook/contract';
import { RULES } from '../../src/core/check/rules';
import { PAGES, type Page as UiPage } from '../../src/seam/api';
import { RULE_TITLES } from '../../src/ui/rule-titles';
import { LEADER, deskWith } from '../gas/desk-helpers';
import { demoWorkbook } from './fixtures';
import { resolve } from 'node:path';
import { DIALOG, SCREENSHOTS, SIDEBAR, axe, focusedText, launch, liveProblems, open, shot } from './harness';

/**
 * Accessibility of every page (WCAG 2.1 AA, which Norwegian public bodies must meet): axe-core at the
 * sidebar's and the dialog's size, and what axe cannot see: selection not by colour alone (also in forced
 * colours), live regions that speak once and briefly, a wrong field marked invalid, focus on the outcome of
 * an action, a footer that sticks, Norwegian headings. Also the actions that must be safe to click.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pages = Object.keys(PAGES) as UiPage[];
const ready = (page: Page) =>
  page.waitForFunction(() => document.querySelector('#app > *') && !document.querySelector('.loading'));

/** The demo workbook with Agdermodellen's written agreement signed 1 August 2025 (illustrative). */
function signed(): Record<string, unknown[][]> {
  const values = demoWorkbook();
  const col = APPLICATIONS.fields.findIndex((f) => f.key === 'contract');
  values[APPLICATIONS.name]![1]![col] = new Date(Date.UTC(2025, 7, 1));
  return values;
}

const calls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shimStats: { names: string[] } }).__shimStats.names);
const settled = (page: Page) =>
  page.waitForFunction(
    () => (window as unknown as { __shimStats: { inFlight: number } }).__shimStats.inFlight === 0,
  );

describe('WCAG 2.1 AA (axe-core)', () => {
  it.each(pages.flatMap((p) => [[p, 'sidebar'] as const, [p, 'dialog'] as const]))(
    '%s at %s size: no violations, the title of the menu, live regions short and never nested',
    async (name, size) => {
      // The set-up wizard is the leader's.
      const { page, errors } = await open(
        browser,
        deskWith(signed(), name === 'Setup' ? { activeUser: LEADER } : {}),
        name,
        size === 'sidebar' ? SIDEBAR : DIALOG,
      );
      await ready(page);
      expect(await axe(page)).toEqual([]);
      expect(await page.title()).toBe(PAGES[name].title.nb);
      expect(await liveProblems(page)).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});

describe('Avvik', () => {
  it('has Norwegian headings with the rule id beside them, for every rule the engine runs', async () => {
    for (const rule of RULES)
      expect([rule.id, RULE_TITLES[rule.id]?.nb]).toEqual([rule.id, expect.any(String)]);
    const { page } = await open(browser, deskWith(demoWorkbook()), 'Findings');
    await page.locator('.group-head h3').first().waitFor();
    const headings = await page.locator('.group-head h3').allTextContents();
    expect(headings).toContain('Budsjettet er ufullstendig');
    for (const heading of headings) expect(heading).not.toMatch(/^[a-z0-9-]+$/);
    expect(await page.locator('.group-head code').allTextContents()).toContain('budget-incomplete');
  });

  it('keeps Kontroller på nytt in view at 300 px, says the filter in one line, and focuses the outcome', async () => {
    const { page } = await open(browser, deskWith(demoWorkbook()), 'Findings');
    await page.getByRole('button', { name: 'Kontroller på nytt' }).waitFor();
    // The footer sticks to the bottom of the sidebar, not 3 700 px down.
    const box = await page.getByRole('button', { name: 'Kontroller på nytt' }).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(SIDEBAR.height);
    const summary = await page.locator('#shown').textContent();
    expect(summary).toMatch(/^Viser alle \d+ avvik\.$/);
    await page.getByLabel('Søk', { exact: true }).fill('plassholder');
    expect(await page.locator('#shown').textContent()).toMatch(/^Viser 3 av \d+ avvik\.$/);
    await page.getByLabel('Søk', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Kontroller på nytt' }).click();
    await page.getByText(/Avvik-arket og markeringene er oppdatert/).waitFor();
    expect(await focusedText(page)).toMatch(/^Kontrollert: \d+ feil, \d+ advarsler?\. Avvik-arket/);
    expect(await liveProblems(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
  });
});

describe('Vurderingsskjema', () => {
  it('shows the chosen score by more than colour, also in forced colours, and focuses the outcome of Lagre', async () => {
    const sb = deskWith(demoWorkbook());
    sb.spreadsheet.sheet('Søknader').getRange('B4').activate();
    const { page } = await open(browser, sb, 'Assessment');
    await page.getByLabel('Ingen av grunnene gjelder – jeg er habil').check();
    for (const group of await page.locator('fieldset .segmented').all()) {
      const first = group.locator('input').first();
      const pick = (await first.getAttribute('value')) === 'yes' ? 'yes' : '4';
      await group.locator(`input[value="${pick}"]`).check();
    }
    const segment = page.locator('fieldset .segmented').last();
    const look = () =>
      segment.locator('label').evaluateAll((labels) =>
        labels.map((l) => ({
          chosen: (l.querySelector('input') as HTMLInputElement).checked,
          mark: getComputedStyle(l, '::before').content,
          background: getComputedStyle(l).backgroundColor,
          color: getComputedStyle(l).color,
        })),
      );
    for (const forced of ['none', 'active'] as const) {
      await page.emulateMedia({ forcedColors: forced });
      const labels = await look();
      const chosen = labels.find((l) => l.chosen)!;
      const other = labels.find((l) => !l.chosen)!;
      expect(chosen.mark).toBe('"✓ "');
      expect(other.mark).toBe('none');
      expect([chosen.background, chosen.color]).not.toEqual([other.background, other.color]);
      await shot(page, `assessment-chosen-${forced === 'active' ? 'forced' : 'default'}`);
    }
    await page.emulateMedia({ forcedColors: 'none' });
    expect(await axe(page)).toEqual([]);
    await page.locator('#save').click();
    await page.getByText('Vurderingen er lagret i Vurderinger.').waitFor();
    expect(await focusedText(page)).toBe('Vurderingen er lagret i Vurderinger.');
    expect(await liveProblems(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
  });
});

describe('Fordeling', () => {
  it('starts the what-if unticked, keeps Tildelt to what is decided, and says each change in one live line', async () => {
    const { page } = await open(browser, deskWith(demoWorkbook()), 'Dashboard');
    await page.getByLabel('Budsjettår', { exact: true }).selectOption('2026');
    const boxes = page.locator('fieldset input[type=checkbox]');
    expect(await boxes.count()).toBe(2);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(false);
    const allocated = () => page.locator('#figures .stat').nth(1).locator('.value').textContent();
    const decided = await allocated();
    // The live line is one node for the page's life: its text changes, so it is said.
    await page.evaluate(() => {
      (window as unknown as { __line: Element | null }).__line = document.querySelector('#summary');
    });
    const line = () =>
      page.evaluate(() => {
        const el = (window as unknown as { __line: Element }).__line;
        return el.isConnected && el.getAttribute('role') === 'status' ? el.textContent : 'replaced';
      });
    expect(await line()).toMatch(/^2026: tildelt .* gjenstår .*\.$/);
    await page.getByLabel(/Felles akutteam Lister/).check();
    expect(await allocated()).toBe(decided);
    expect(await page.locator('#whatif').textContent()).toMatch(
      /Hva om – ikke vedtatt.*\+1\u00a0200\u00a0000\u00a0kr/,
    );
    expect(await line()).toMatch(/Hva om \(1 sak\): \+1\u00a0200\u00a0000\u00a0kr, gjenstår da/);
    await page.getByLabel(/Kombinerte stillinger/).check();
    expect(await line()).toMatch(/Hva om \(2 saker\): \+1\u00a0650\u00a0000\u00a0kr/);
    await page.getByLabel('Budsjettår', { exact: true }).selectOption('2025');
    expect(await line()).toMatch(
      /^2025: tildelt 2\u00a0019\u00a0829\u00a0kr.* Hva om \(2 saker\): ingenting i 2025\.$/,
    );
    await shot(page, 'dashboard-what-if');
    expect(await liveProblems(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
  });
});

describe('Oppfølging', () => {
  it('counts in the right number: 1 rød, not 1 røde', async () => {
    const { page } = await open(browser, deskWith(demoWorkbook()), 'FollowUp');
    await page.locator('.chips').waitFor();
    const chips = await page.locator('.chips .chip').allTextContents();
    for (const chip of chips) expect(chip).not.toMatch(/^1 (røde|gule|grønne|forfalte rapporter)$/);
    for (const chip of chips) expect(chip).not.toMatch(/^([02-9]|\d\d+) (rød|gul|grønn|forfalt rapport)$/);
  });
});

describe('Tilleggsbevilling', () => {
  it('marks a wrong amount invalid, keeps Registrer off while it cannot be, and focuses the outcome', async () => {
    const sb = deskWith(demoWorkbook());
    const { page } = await open(browser, sb, 'Supplement', DIALOG);
    const amount = page.getByLabel('Beløp (kr)');
    await amount.waitFor();
    const register = page.getByRole('button', { name: 'Registrer' });
    await amount.fill('tjue tusen');
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await register.isDisabled()).toBe(true);
    await amount.fill('50 000');
    await page.getByText(/er over det som gjenstår/).waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await register.isDisabled()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await amount.fill('25 000');
    expect(await amount.getAttribute('aria-invalid')).toBeNull();
    await page.getByLabel('Begrunnelse').fill('Ekstra samling');
    await register.click();
    await page.getByText(/Tilleggsbevilling på 25\u00a0000\u00a0kr registrert/).waitFor();
    expect(await focusedText(page)).toMatch(/^Tilleggsbevilling på 25\u00a0000\u00a0kr registrert/);
    expect(await liveProblems(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
  });
});

describe('Utbetaling og inndragning', () => {
  it('keeps Registrer off where the dialog says payment is impossible, marks a wrong amount, focuses the outcome', async () => {
    const sb = deskWith(signed());
    const { page } = await open(browser, sb, 'Payment', DIALOG);
    const register = page.getByRole('button', { name: 'Registrer', exact: true });
    await page.getByLabel('Prosjekt').waitFor();
    await page.getByLabel('Prosjekt').selectOption('2025-05-002');
    await page
      .getByText(/Ingen skriftlig samarbeidsavtale: utbetaling er ikke mulig/)
      .first()
      .waitFor();
    await page.getByLabel('Beløp (kr)').fill('10 000');
    expect(await register.isDisabled()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Prosjekt').selectOption('2025-05-001');
    expect(await register.isDisabled()).toBe(false);
    await page.getByLabel('Beløp (kr)').fill('600 000');
    expect(await page.getByLabel('Beløp (kr)').getAttribute('aria-invalid')).toBe('true');
    expect(await register.isDisabled()).toBe(true);
    await page.getByLabel('Beløp (kr)').fill('250 000');
    expect(await page.getByLabel('Beløp (kr)').getAttribute('aria-invalid')).toBeNull();
    await register.click();
    await page.getByText(/Utbetaling på 250\u00a0000\u00a0kr registrert/).waitFor();
    expect(await focusedText(page)).toMatch(/^Utbetaling på 250\u00a0000\u00a0kr registrert/);
    expect(await liveProblems(page)).toEqual([]);
  });

  it('asks before Trekk inn, with the amount and what follows, and withdraws only on Bekreft', async () => {
    // After 2025-05-002's deadline for using the money (the suite's clock is 19 November 2025).
    const sb = deskWith(signed(), { now: Date.UTC(2026, 11, 1, 9) });
    const { page } = await open(browser, sb, 'Payment', DIALOG);
    const withdraw = page.getByRole('button', { name: 'Trekk inn 625\u00a0000\u00a0kr' });
    await withdraw.click();
    const ask = page.getByRole('group', { name: 'Trekke inn midlene?' });
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/625\u00a0000\u00a0kr som ikke er brukt.*2025-05-002/);
    expect(await ask.textContent()).toMatch(/vedtak beslutningsorganet treffer.*forvaltningsloven § 16/);
    expect(await calls(page)).not.toContain('withdrawalRegister');
    expect(await focusedText(page)).toMatch(/^Trekke inn midlene\?/);
    await shot(page, 'payment-withdraw-confirm');
    expect(await axe(page)).toEqual([]);
    await ask.getByRole('button', { name: 'Avbryt' }).click();
    expect(await page.getByRole('group', { name: 'Trekke inn midlene?' }).count()).toBe(0);
    expect(await focusedText(page)).toBe('Trekk inn 625\u00a0000\u00a0kr');
    await settled(page);
    expect(await calls(page)).not.toContain('withdrawalRegister');
    const rows = sb.spreadsheet.sheetData('Tildelinger').values.length;
    await withdraw.click();
    await page.getByRole('button', { name: 'Bekreft inndragning av 625\u00a0000\u00a0kr' }).click();
    await page.getByText(/Inndragning på 625\u00a0000\u00a0kr registrert for 2025-05-002/).waitFor();
    expect(sb.spreadsheet.sheetData('Tildelinger').values).toHaveLength(rows + 1);
    expect(await focusedText(page)).toMatch(/^Inndragning på 625/);
    expect(await liveProblems(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
  });
});

describe('screenshots', () => {
  it.each(pages)(
    '%s as it looks by default, in forced colours and at 200 % zoom (tests/out/screenshots)',
    async (name) => {
      const size = PAGES[name].kind === 'dialog' ? DIALOG : SIDEBAR;
      const sb = deskWith(signed());
      for (const mode of ['default', 'forced', 'zoom200'] as const) {
        // 200 % zoom: the same window with half the CSS pixels, each drawn twice as large.
        const viewport = mode === 'zoom200' ? { width: size.width / 2, height: size.height / 2 } : size;
        const { page } = await open(browser, sb, name, viewport, mode === 'zoom200' ? 2 : 1);
        if (mode === 'forced') await page.emulateMedia({ forcedColors: 'active' });
        await ready(page);
        // The window as the person sees it (a full-page picture puts the sticky footer mid-page).
        await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-${mode}.png`) });
        await page.close();
      }
    },
  );
});
