import type { Browser } from 'playwright-core';
import { ALLOCATIONS } from '../../src/core/workbook/contract';
import { roundWorkbook } from '../core/decisions/round';
import { LEADER, deskWith } from '../gas/desk-helpers';
import {
  DIALOG,
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
