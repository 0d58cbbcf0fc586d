import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ALLOCATIONS, APPLICATIONS } from '../../src/core/workbook/contract';
import { roundWorkbook } from '../core/decisions/round';
import { LEADER, deskWith } from '../gas/desk-helpers';
import {
  DIALOG,
  SCREENSHOTS,
  SIDEBAR,
  axe,
  focusedText,
  horizontalOverflow,
  launch,
  liveProblems,
  open,
  shot,
  unlabelled,
} from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('Registrer vedtak dialog', () => {
  it('lists the proposals with the amounts prefilled, registers a change, a pre-project and a rejection', async () => {
    const sb = deskWith(roundWorkbook(), { activeUser: LEADER });
    const { page, errors, external } = await open(browser, sb, 'Decisions', DIALOG);
    const first = page.getByRole('group', { name: /2026-05-001/ });
    await first.waitFor();
    expect(await page.getByLabel('Sak i møtet').inputValue()).toBe('04-2026');
    expect(await page.getByLabel('Møtedato').inputValue()).toBe('2026-05-20');
    expect(await first.textContent()).toMatch(/Innstilling: Innvilges 900\u00a0000\u00a0kr/);
    // The memo's proposals for the case: all chosen as recommended, and the dialog says where they came from.
    expect(await page.getByText(/rader i «Forslag» for saken, og alle er valgt som innstilt/).count()).toBe(
      1,
    );
    for (const id of ['2026-05-001', '2026-05-002', '2026-05-003'])
      expect(
        await page
          .getByRole('group', { name: new RegExp(id) })
          .getByLabel('Vedtak')
          .inputValue(),
      ).toBe('asRecommended');
    expect(await axe(page)).toEqual([]);
    expect(await unlabelled(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);

    await first.getByLabel('Vedtak').selectOption('changed');
    expect(await first.getByLabel('Vedtatt beløp (kr)').inputValue()).toBe('900000');
    await first.getByLabel('Vedtatt beløp (kr)').fill('700 000');
    const second = page.getByRole('group', { name: /2026-05-002/ });
    await second.getByLabel('Vedtak').selectOption('preProject');
    await second.getByLabel('Vedtatt beløp (kr)').fill('300 000');
    await second.getByLabel('Inhabile (forvaltningsloven § 6)').fill('Styremedlem A');
    const third = page.getByRole('group', { name: /2026-05-003/ });
    await third.getByLabel('Vedtak').selectOption('rejected');
    await third.getByLabel('Begrunnelse').fill('Mangler forankring i kommunene');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'decisions-dialog');

    const rows = sb.spreadsheet.sheetData(ALLOCATIONS.name).values.length;
    await page.getByRole('button', { name: 'Registrer vedtak' }).click();
    await page.getByText(/Registrerte 3 vedtak i PS-sak 04-2026/).waitFor();
    expect(await focusedText(page)).toMatch(/^Registrerte 3 vedtak/);
    expect(sb.spreadsheet.sheetData(ALLOCATIONS.name).values).toHaveLength(rows + 2);
    expect(await liveProblems(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'decisions-done');

    // Registering again adds nothing.
    await page.getByRole('button', { name: 'Registrer vedtak' }).click();
    await page.getByText(/allerede registrert slik/).waitFor();
    expect(sb.spreadsheet.sheetData(ALLOCATIONS.name).values).toHaveLength(rows + 2);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});

/** Case 05-2026 has no `Forslag` rows: the applications' recommendations, none chosen, beside a closure. */
async function laterMeeting(page: Page): Promise<void> {
  await page.getByLabel('Sak i møtet').fill('05-2026');
  await page.getByRole('button', { name: 'Hent forslagene' }).click();
  await page.getByRole('group', { name: /2026-05-001/ }).waitFor();
  await page.getByLabel('Møtedato').fill('2026-06-10');
  await page.getByText(/Vedtak om innvilgede prosjekter/).click();
  const pre = page.getByRole('group', { name: /2025-05-002/ });
  await pre.getByLabel('Godkjenn avslutningen').check();
  await pre.getByLabel('Inndra ubrukte midler').check();
  const main = page.getByRole('group', { name: /2025-05-001/ });
  await main.getByLabel('Forleng perioden').check();
  await main.getByLabel('Ny sluttmåned').fill('2026-12');
}

describe('Registrer vedtak: proposals from the applications, beside closures, extensions and withdrawals', () => {
  it('preselects none of them, decides only the one chosen, and passes axe at 300 px and dialog size', async () => {
    const sb = deskWith(roundWorkbook({ proposals: false }), { activeUser: LEADER });
    const { page, errors, external } = await open(browser, sb, 'Decisions', DIALOG);
    await page.getByLabel('Sak i møtet').waitFor();
    // A case typed but not loaded: the rows shown are another case's, so nothing is sent.
    await page.getByLabel('Sak i møtet').fill('05-2026');
    await page.getByRole('button', { name: 'Registrer vedtak' }).click();
    await page.getByText('Trykk «Hent forslagene» for sak 05-2026 først.', { exact: false }).waitFor();
    expect(
      await page.evaluate(
        () => (window as unknown as { __shimStats: { names: string[] } }).__shimStats.names,
      ),
    ).not.toContain('decisionsRegister');
    await laterMeeting(page);
    expect(await page.getByText(/forslagene er søknadenes «Innstilling», og ingen er valgt/).count()).toBe(1);
    const kinds = page.locator('select[name^="kind-"]');
    expect(await kinds.evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value))).toEqual([
      'notDecided',
      'notDecided',
      'notDecided',
    ]);
    // Left out: no amount, reason or disqualified members to fill in.
    const second = page.getByRole('group', { name: /2026-05-002/ });
    expect(await second.getByLabel('Inhabile (forvaltningsloven § 6)').isVisible()).toBe(false);
    expect(
      await second.getByText('Ikke behandlet i denne saken: står urørt til et senere vedtak.').isVisible(),
    ).toBe(true);
    await second.getByLabel('Vedtak').selectOption({ label: 'Som innstilt' });
    expect(await second.getByLabel('Inhabile (forvaltningsloven § 6)').isVisible()).toBe(true);
    for (const size of [SIDEBAR, DIALOG]) {
      await page.setViewportSize(size);
      expect(await axe(page)).toEqual([]);
      expect(await unlabelled(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
    }
    await shot(page, 'decisions-later-meeting');

    const apps = () => {
      const v = sb.spreadsheet.sheetData(APPLICATIONS.name).values;
      const col = (h: string) => (v[0] as unknown[]).indexOf(h);
      return ['2026-05-001', '2026-05-002', '2026-05-003', '2025-05-002'].map((id) => {
        const r = v.find((x) => x[0] === id)!;
        return [id, r[col('Status')], r[col('Vedtak')] ?? ''];
      });
    };
    const before = apps();
    await page.getByRole('button', { name: 'Registrer vedtak' }).click();
    await page.getByText(/Registrerte 4 vedtak i PS-sak 05-2026/).waitFor();
    expect(await focusedText(page)).toMatch(
      /Ikke behandlet i denne saken \(venter på et senere vedtak\): 2026-05-001, 2026-05-003\.$/,
    );
    expect(apps()).toEqual([
      before[0],
      ['2026-05-002', 'Delvis innvilget', 'PS-sak 05-2026'],
      before[2],
      ['2025-05-002', 'Avsluttet', before[3]![2]],
    ]);
    expect(await liveProblems(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  it('screenshots: by default, in forced colours and at 200 % zoom (tests/out/screenshots)', async () => {
    for (const mode of ['default', 'forced', 'zoom200'] as const) {
      const sb = deskWith(roundWorkbook({ proposals: false }), { activeUser: LEADER });
      const viewport = mode === 'zoom200' ? { width: DIALOG.width / 2, height: DIALOG.height / 2 } : DIALOG;
      const { page } = await open(browser, sb, 'Decisions', viewport, mode === 'zoom200' ? 2 : 1);
      if (mode === 'forced') await page.emulateMedia({ forcedColors: 'active' });
      await page.getByLabel('Sak i møtet').waitFor();
      await laterMeeting(page);
      await page
        .getByRole('group', { name: /2026-05-002/ })
        .getByLabel('Vedtak')
        .selectOption('changed');
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: resolve(SCREENSHOTS, `decisions-${mode}.png`), fullPage: true });
      await page.close();
    }
  });
});
