import type { Browser } from 'playwright-core';
import { APPLICATIONS } from '../../src/core/workbook/contract';
import { deskWith } from '../gas/desk-helpers';
import { demoWorkbook } from './fixtures';
import { DIALOG, axe, horizontalOverflow, launch, open, shot, unlabelled } from './harness';

const XSS = '<img src=x onerror=alert(1)>';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Judged on 1 December 2026, after the example's deadlines, so unused money is due for withdrawal. */
const AFTER_DEADLINES = { now: Date.UTC(2026, 11, 1, 9) };

/** The demo workbook with Agdermodellen's written agreement signed 1 August 2025 (illustrative). */
function signed(title?: string): Record<string, unknown[][]> {
  const values = demoWorkbook(title === undefined ? {} : { title });
  const col = APPLICATIONS.fields.findIndex((f) => f.key === 'contract');
  values[APPLICATIONS.name]![1]![col] = new Date(Date.UTC(2025, 7, 1));
  return values;
}

describe('Registrer utbetaling dialog', () => {
  it('shows allocated, paid and left, says what cannot be, registers a payment and withdraws unused money', async () => {
    const sb = deskWith(signed(), AFTER_DEADLINES);
    const { page, errors, external } = await open(browser, sb, 'Payment', DIALOG);
    await page.getByLabel('Prosjekt').waitFor();
    expect(await page.locator('#left').textContent()).toBe('560\u00a0000\u00a0kr');
    expect(await page.locator('#agreement').textContent()).toBe('Samarbeidsavtale signert 01.08.2025');
    // The form warns before the server refuses.
    await page.getByLabel('Beløp (kr)').fill('600 000');
    await page.getByText(/er mer enn det som gjenstår \(560/).waitFor();
    // The picker offers no day after today (the server refuses one).
    const date = page.getByLabel('Dato');
    expect(await date.getAttribute('max')).toBe(await date.inputValue());
    await page.getByLabel('Dato').fill('2026-01-10');
    // The form says it cannot be: Registrer is off (the server's refusals are tested in the sandbox).
    expect(await page.getByRole('button', { name: 'Registrer' }).isDisabled()).toBe(true);
    // A project without a written agreement: the dialog says payment is impossible, Registrer is off.
    await page.getByLabel('Prosjekt').selectOption('2025-05-002');
    await page
      .getByText(/Ingen skriftlig samarbeidsavtale/)
      .first()
      .waitFor();
    await page.getByLabel('Beløp (kr)').fill('10 000');
    expect(await page.getByRole('button', { name: 'Registrer' }).isDisabled()).toBe(true);
    // Its offer is not accepted either: the dialog warns before (the check's acceptance-missing).
    expect(await page.locator('#acceptance-note').textContent()).toMatch(/^Tilsagnet er ikke akseptert/);
    expect(await axe(page)).toEqual([]);
    expect(sb.spreadsheet.sheetData('Utbetalinger').values).toHaveLength(6);
    // The main path, with a voucher that tries to be HTML and a budget post.
    await page.getByLabel('Prosjekt').selectOption('2025-05-001');
    // Accepted 27 May 2025: a day before it warns (Registrer stays on: a warning, not a stop); after, nothing.
    await page.getByLabel('Dato').fill('2025-05-20');
    await page.getByText(/^Tilsagnet ble akseptert 27\.05\.2025, etter 20\.05\.2025\./).waitFor();
    expect(await page.getByRole('button', { name: 'Registrer' }).isDisabled()).toBe(false);
    await shot(page, 'payment-acceptance');
    await page.getByLabel('Dato').fill('2026-01-10');
    expect(await page.locator('#acceptance-note').count()).toBe(0);
    await page.getByLabel('Beløp (kr)').fill('kr 250.000,-');
    await page.getByText(/gjenstår etterpå 310\u00a0000\u00a0kr/).waitFor();
    await page.getByLabel('Bilag').fill(XSS);
    await page.getByLabel('Post (valgfri)').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Registrer' }).click();
    await page.getByText(/Utbetaling på 250\u00a0000\u00a0kr registrert for 2025-05-001/).waitFor();
    expect(await page.locator('#left').textContent()).toBe('310\u00a0000\u00a0kr');
    const row = sb.spreadsheet.sheetData('Utbetalinger').values.at(-1)!;
    expect([row[0], row[2], row[3], row[5]]).toEqual(['2025-05-001', 250_000, 'Utbetaling', XSS]);
    expect(await page.locator('img').count()).toBe(0);
    await shot(page, 'payment');
    // Inndragning: the pre-project never paid, 625 000 left since December 2025.
    const withdraw = page.getByRole('button', { name: 'Trekk inn 625\u00a0000\u00a0kr' });
    await withdraw.click();
    await page.getByRole('button', { name: /^Bekreft inndragning/ }).click();
    await page.getByText(/Inndragning på 625\u00a0000\u00a0kr registrert for 2025-05-002/).waitFor();
    expect(await page.getByRole('button', { name: /Trekk inn 625/ }).count()).toBe(0);
    expect(sb.spreadsheet.sheetData('Tildelinger').values.at(-1)).toEqual(
      expect.arrayContaining(['2025-05-002', 'Inndragning', 625_000]),
    );
    await shot(page, 'payment-withdrawn');
    expect(await axe(page)).toEqual([]);
    expect(await unlabelled(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect([errors, external]).toEqual([[], []]);
  });

  it('shows a case title with HTML as text in the project list and the withdrawals, never run', async () => {
    const sb = deskWith(signed(XSS), AFTER_DEADLINES);
    const { page, dialogs, external } = await open(browser, sb, 'Payment', DIALOG);
    await page.getByLabel('Prosjekt').waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#withdrawals').textContent()).toContain(XSS);
    expect(await page.locator('select[name="caseId"]').textContent()).toContain(XSS);
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
  });
});

describe('Fordeling: the economy', () => {
  it('shows allocated against paid for the year and per project the light, sortable and filterable by region', async () => {
    const sb = deskWith(signed(), AFTER_DEADLINES);
    const { page, errors } = await open(browser, sb, 'Dashboard');
    await page.locator('#economy').waitFor();
    await page.getByLabel('Budsjettår', { exact: true }).selectOption('2025');
    expect(await page.locator('#economy-year').textContent()).toMatch(
      /^2025: utbetalt 1\u00a0414\u00a0829\u00a0kr av tildelt 2\u00a0019\u00a0829\u00a0kr/,
    );
    const cases = () => page.locator('#economy tbody td:first-child').allTextContents();
    // Red first (the default sort by light), then yellow, then green.
    expect((await cases()).length).toBe(4);
    await page.getByRole('button', { name: /^Igjen/ }).click();
    expect(await cases()).toEqual(['ADM-2026', 'ADM-2025', '2025-05-001', '2025-05-002']);
    await page.getByRole('button', { name: /^Igjen/ }).click();
    expect((await cases())[0]).toBe('2025-05-002');
    await page.getByLabel('Region').selectOption('Østre Agder');
    expect(await cases()).toEqual(['2025-05-002']);
    await page.getByLabel('Region').selectOption('');
    await page.locator('#economy-section').scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-economy');
    expect(await unlabelled(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
