import type { Browser } from 'playwright-core';
import { deskWith } from '../gas/desk-helpers';
import { demoWorkbook } from './fixtures';
import {
  DIALOG,
  SIDEBAR,
  axe,
  focusedText,
  horizontalOverflow,
  liveProblems,
  open,
  shot,
  unlabelled,
} from './harness';
import { launch } from './harness';

const XSS = '<img src=x onerror=alert(1)>';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('Avvik sidebar', () => {
  it('lists findings by severity and rule, filters, selects the cell, and re-checks', async () => {
    // On 1 December 2026, after the projects' end, the economy light's finding (information) is there too.
    const sb = deskWith(demoWorkbook(), { now: Date.UTC(2026, 11, 1, 9) });
    const { page, external, errors } = await open(browser, sb, 'Findings');
    await page.getByRole('heading', { name: 'Feil (6)' }).waitFor();
    await shot(page, 'findings');
    expect(await page.getByRole('heading', { name: /Advarsler/ }).textContent()).toMatch(/Advarsler \(\d+\)/);
    // Findings for information (economy-light-differs) come last, under their own heading.
    expect(await page.getByRole('heading', { name: /Til orientering/ }).textContent()).toMatch(
      /Til orientering \(\d+\)/,
    );
    await page.getByLabel('Søk', { exact: true }).fill('plassholder');
    expect(await page.locator('button.finding').count()).toBe(3);
    await page.getByLabel('Alvorlighet').selectOption('warning');
    expect(await page.locator('.empty').textContent()).toMatch(/Ingen avvik passer/);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Alvorlighet').selectOption('all');
    // Keyboard: focus the first finding and press Enter.
    await page.locator('button.finding').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const stats = (window as unknown as { __shimStats: { names: string[]; inFlight: number } }).__shimStats;
      return stats.names.includes('findingsSelect') && stats.inFlight === 0;
    });
    expect(sb.fakes.SpreadsheetApp.getActiveRange().getA1Notation()).toBe('C4');
    expect(sb.fakes.SpreadsheetApp.getActiveSheet().getName()).toBe('Budsjett');
    await page.getByRole('button', { name: 'Kontroller på nytt' }).click();
    await page.getByText(/Avvik-arket og markeringene er oppdatert/).waitFor();
    expect(sb.spreadsheet.sheetData('Avvik').values.length).toBeGreaterThan(1);
    expect(await unlabelled(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect([external, errors]).toEqual([[], []]);
  });
});

describe('Avvik i valgt celle', () => {
  it('shows why the selected cell is coloured, says when it has no finding or its sheet is not read, and goes back', async () => {
    const sb = deskWith(demoWorkbook(), { now: Date.UTC(2026, 11, 1, 9) });
    sb.spreadsheet.sheet('Budsjett').getRange('C4').activate();
    const { page, external, errors } = await open(browser, sb, 'Findings');
    await page.getByRole('heading', { name: 'Feil (6)' }).waitFor();
    const all = await page.locator('button.finding').count();
    // The live summary is one node for the page's life: its text changes, so the outcome is said once.
    await page.evaluate(() => {
      (window as unknown as { __line: Element | null }).__line = document.querySelector('#shown');
    });
    const line = () =>
      page.evaluate(() => {
        const el = (window as unknown as { __line: Element }).__line;
        return el.isConnected && el.getAttribute('role') === 'status' ? el.textContent : 'replaced';
      });
    // Off while the request runs (the click handler turns it off before it waits for the answer).
    const ask = () =>
      page.evaluate(() => {
        const button = document.querySelector<HTMLButtonElement>('#at-cell')!;
        button.click();
        return button.disabled;
      });
    const heading = (where: string) => page.getByRole('heading', { name: `Avvik i ${where}`, level: 2 });
    const scan = async () => {
      for (const size of [SIDEBAR, DIALOG]) {
        await page.setViewportSize(size);
        expect([size.width, await axe(page)]).toEqual([size.width, []]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      }
      await page.setViewportSize(SIDEBAR);
      expect(await liveProblems(page)).toEqual([]);
      expect(await unlabelled(page)).toEqual([]);
    };

    expect(await ask()).toBe(true);
    await heading('Budsjett!C4').waitFor();
    expect(await page.locator('#at-cell').isDisabled()).toBe(false);
    expect(await focusedText(page)).toBe('Avvik i Budsjett!C4');
    expect(await line()).toBe('Cellen Budsjett!C4 har 1 avvik fra siste kontroll.');
    expect(await page.locator('button.finding').allTextContents()).toEqual([
      expect.stringMatching(/^Feil: .*«Fase 2: Juridiske avklaringer».*Gå til Budsjett!C4$/),
    ]);
    expect(await page.getByRole('heading', { name: 'Budsjettet er ufullstendig', level: 4 }).count()).toBe(1);
    await shot(page, 'findings-selected-cell');
    await scan();

    // A finding about several cells (overspending: every payment) is found by any of them.
    sb.spreadsheet.sheet('Utbetalinger').getRange('C5').activate();
    await ask();
    await heading('Utbetalinger!C5').waitFor();
    expect(await page.locator('.group-head code').allTextContents()).toEqual(['overspent']);

    sb.spreadsheet.sheet('Budsjett').getRange('B4').activate();
    await ask();
    await heading('Budsjett!B4').waitFor();
    expect(await focusedText(page)).toBe('Avvik i Budsjett!B4');
    expect(await line()).toBe('Cellen Budsjett!B4 har ingen avvik fra siste kontroll.');
    expect(await page.locator('button.finding').count()).toBe(0);
    await shot(page, 'findings-selected-none');
    await scan();

    sb.spreadsheet.addSheet('Notater', [['Notat'], ['Ring Lister']]);
    sb.spreadsheet.sheet('Notater').getRange('A2').activate();
    await ask();
    await heading('Notater!A2').waitFor();
    expect(await line()).toBe('Kontrollen leser ikke arket «Notater», så Notater!A2 har ingen avvik.');
    await scan();

    await page.getByRole('button', { name: 'Vis alle avvik' }).click();
    expect(await line()).toBe(`Viser alle ${all} avvik.`);
    expect(await page.locator('button.finding').count()).toBe(all);
    expect(await focusedText(page)).toBe('Avvik i valgt celle');
    expect(await page.getByRole('heading', { name: /^Avvik i / }).count()).toBe(0);
    expect([external, errors]).toEqual([[], []]);
  });
});

describe('Vurderingsskjema sidebar', () => {
  it('shows the selected case, asks impartiality first, saves scores and shows the weighted result', async () => {
    const sb = deskWith(demoWorkbook());
    sb.spreadsheet.sheet('Søknader').getRange('B4').activate(); // 2025-12-001
    const { page, errors } = await open(browser, sb, 'Assessment');
    await page.locator('#case-title').waitFor();
    expect(await page.locator('#case-title').textContent()).toBe('Felles akutteam Lister');
    expect(await page.locator('#save').isDisabled()).toBe(true);
    // Keyboard: the impartiality radios are reachable and chosen with the keyboard.
    await page.getByLabel('Ingen av grunnene gjelder – jeg er habil').focus();
    await page.keyboard.press('Space');
    await page.getByRole('heading', { name: '2. Utvelgelseskriterier' }).waitFor();
    for (const group of await page.locator('fieldset .segmented').all()) {
      const first = group.locator('input').first();
      const yesOrFour = (await first.getAttribute('value')) === 'yes' ? 'yes' : '4';
      await group.locator(`input[value="${yesOrFour}"]`).check();
    }
    await page.locator('textarea').first().fill('Godt begrunnet behov');
    await shot(page, 'assessment');
    await page.locator('#save').click();
    await page.getByText('Vurderingen er lagret i Vurderinger.').waitFor();
    expect(await page.locator('#weighted').textContent()).toBe('4,00 / 5');
    expect(sb.spreadsheet.sheetData('Vurderinger').values).toHaveLength(1 + 8);
    expect(sb.spreadsheet.sheetData('Vurderinger').values[2]![4]).toBe('Godt begrunnet behov');
    expect(await page.locator('ol.ranking li').count()).toBe(1);
    await shot(page, 'assessment-result');
    expect(await axe(page)).toEqual([]);
    expect(await unlabelled(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('lets a disqualified assessor record the declaration only', async () => {
    const sb = deskWith(demoWorkbook());
    const { page } = await open(browser, sb, 'Assessment');
    await page.locator('#case-title').waitFor();
    await page.getByLabel(/part i saken/).check();
    await page.getByText(/Du er inhabil og kan ikke vurdere/).waitFor();
    expect(await page.locator('fieldset .segmented').count()).toBe(0);
    await page.getByRole('button', { name: 'Lagre erklæringen' }).click();
    await page.getByText('Erklæringen er lagret.').waitFor();
    expect(await axe(page)).toEqual([]);
    const rows = sb.spreadsheet.sheetData('Vurderinger').values;
    expect(rows).toHaveLength(2);
    expect(rows[1]![5]).toBe('Inhabil: part');
  });
});

describe('Fordeling sidebar', () => {
  it('shows frame, allocated and remaining per year, the pots as SVG bars, and the what-if', async () => {
    const sb = deskWith(demoWorkbook());
    const { page, external } = await open(browser, sb, 'Dashboard');
    await page.getByLabel('Budsjettår', { exact: true }).waitFor();
    await page.getByLabel('Budsjettår', { exact: true }).selectOption('2026');
    // Nothing starts ticked (2025-12-001 is only recommended): Tildelt is what is decided.
    const allocated = () => page.locator('#figures .stat').nth(1).locator('.value').textContent();
    const withWhatIf = () => page.locator('#whatif .stat').nth(1).locator('.value').textContent();
    const decided = await allocated();
    const kr = (s: string | null) => Number(s!.replace(/\D/g, ''));
    await page.getByLabel(/Felles akutteam Lister/).check();
    expect(await allocated()).toBe(decided);
    expect(kr(await withWhatIf()) - kr(decided)).toBe(1_200_000);
    await page.getByLabel(/Felles akutteam Lister/).uncheck();
    await page.getByLabel(/Kombinerte stillinger/).check();
    expect(kr(await withWhatIf()) - kr(decided)).toBe(450_000);
    await page.getByLabel(/Felles akutteam Lister/).check();
    expect(await page.locator('svg.bars rect').count()).toBe(9);
    expect(await page.locator('svg.bars').getAttribute('aria-label')).toMatch(/Innovasjon\/prosjekt/);
    await page.getByLabel('Budsjettår', { exact: true }).selectOption('2025');
    expect(
      await page
        .getByText(/Administrasjon/)
        .first()
        .isVisible(),
    ).toBe(true);
    await shot(page, 'dashboard');
    expect(await axe(page)).toEqual([]);
    expect(await unlabelled(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(external).toEqual([]);
  });
});

describe('Tilleggsbevilling dialog', () => {
  it('shows the authority left, refuses over the limit, and registers an amount', async () => {
    const sb = deskWith(demoWorkbook());
    const { page } = await open(browser, sb, 'Supplement', DIALOG);
    await page.getByLabel('Prosjekt').waitFor();
    expect(await page.locator('#left').textContent()).toBe('40\u00a0000\u00a0kr');
    await page.getByLabel('Beløp (kr)').fill('50 000');
    await page.getByText(/er over det som gjenstår/).waitFor();
    // The form says it cannot be, so Registrer is off (the server's refusal is tested in the sandbox).
    expect(await page.getByRole('button', { name: 'Registrer' }).isDisabled()).toBe(true);
    await page.getByLabel('Begrunnelse').fill('Ekstra samling');
    expect(sb.spreadsheet.sheetData('Tildelinger').values).toHaveLength(5);
    await page.getByLabel('Beløp (kr)').fill('kr 25.000,-');
    await page.getByRole('button', { name: 'Registrer' }).click();
    await page.getByText(/Tilleggsbevilling på 25\u00a0000\u00a0kr registrert/).waitFor();
    expect(await page.locator('#left').textContent()).toBe('15\u00a0000\u00a0kr');
    const last = sb.spreadsheet.sheetData('Tildelinger').values.at(-1)!;
    expect(last).toEqual(expect.arrayContaining(['2025-05-001', 'Tilleggsbevilling', 25_000]));
    await shot(page, 'supplement');
    expect(await axe(page)).toEqual([]);
    expect(await unlabelled(page)).toEqual([]);
    await page.getByRole('button', { name: 'Lukk' }).click();
    expect(await page.evaluate(() => (window as unknown as { __closed?: boolean }).__closed)).toBe(true);
  });
});

describe('a case title with HTML', () => {
  it.each([
    ['Assessment', '#case-title'],
    ['Dashboard', '.section'],
    ['Supplement', 'select'],
  ] as const)('is shown as text in %s, never run', async (name, ready) => {
    const sb = deskWith(demoWorkbook({ title: XSS }));
    const { page, dialogs, external } = await open(
      browser,
      sb,
      name,
      name === 'Supplement' ? DIALOG : undefined,
    );
    await page.locator(ready).first().waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => document.body.textContent)).toContain(XSS);
    if (name === 'Assessment') await shot(page, 'xss-assessment');
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
  });
});
