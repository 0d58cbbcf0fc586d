import type { Browser } from 'playwright-core';
import { loadBundle } from '../gas/sandbox';
import { DIALOG, axe, horizontalOverflow, launch, liveProblems, open, shot, unlabelled } from './harness';

/** The set-up wizard on a new copy, at the dialog's size: checked as typed, nothing written until Sett opp. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const COPIER = 'ny.leder@kommune.no';

describe('Oppsettsveiviser', () => {
  it('checks each field as typed, writes nothing until Sett opp, then sets up with progress and a summary', async () => {
    const sb = loadBundle({ activeUser: COPIER });
    const { page, errors, external, dialogs } = await open(browser, sb, 'Setup', DIALOG);
    await page.getByLabel('Helsefellesskap', { exact: true }).waitFor();
    expect(await page.getByLabel('Helsefellesskap', { exact: true }).inputValue()).toBe(
      'Helsefellesskapet Agder',
    );
    await page.getByText(`du (${COPIER}) blir leder`).waitFor();
    await shot(page, 'setup-wizard');
    await page.screenshot({ path: `${__dirname}/../out/screenshots/setup-wizard-viewport.png` });
    expect(await axe(page)).toEqual([]);
    expect(await unlabelled(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // A frame that is no amount: said at the field, the field marked invalid, Sett opp off.
    const frame = page.getByLabel('Ramme', { exact: true });
    await frame.fill('ni millioner');
    await page.getByText('Ramme: «ni millioner» kan ikke leses').waitFor();
    expect(await frame.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Sett opp' }).isDisabled()).toBe(true);
    await page.getByLabel('Helsefellesskap', { exact: true }).fill('');
    await page.getByText('Helsefellesskap må fylles ut').waitFor();
    await shot(page, 'setup-wizard-invalid');
    expect(await axe(page)).toEqual([]);
    expect(await liveProblems(page)).toEqual([]);
    // Nothing was written while typing.
    expect(sb.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1']);

    await frame.fill('6,5 mill.');
    await page.getByLabel('Helsefellesskap', { exact: true }).fill('Helsefellesskapet Innlandet');
    expect(await frame.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Sett opp' }).click();
    await page.getByText('Tilskudd er satt opp.').waitFor();
    const summary = await page.locator('ul.summary li').allTextContents();
    expect(summary).toEqual(
      expect.arrayContaining([`${COPIER} er leder.`, expect.stringMatching(/^Søknadsskjemaet er laget: /)]),
    );
    await shot(page, 'setup-wizard-done');
    expect(await axe(page)).toEqual([]);
    const settings = sb.spreadsheet.sheetData('Innstillinger').values;
    expect(settings.find((r) => r[0] === 'Helsefellesskap')?.[1]).toBe('Helsefellesskapet Innlandet');
    expect(settings.find((r) => r[0] === 'Ramme')?.[1]).toBe(6_500_000);
    expect([errors, external, dialogs]).toEqual([[], [], []]);
  });
});
