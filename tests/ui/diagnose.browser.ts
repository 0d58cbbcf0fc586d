import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LEADER, deskWith, formOf, type Desk } from '../gas/desk-helpers';
import { DIALOG, SCREENSHOTS, SIDEBAR, axe, horizontalOverflow, launch } from './harness';

/**
 * *Diagnose* shows a dialog of escaped text built on the server (no built page): the HTML the bundle hands
 * to HtmlService, rendered as Google would in the dialog's frame, scanned by axe like every other page.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The Diagnose dialog's HTML from the built bundle: one desk with the application form, one without. */
function diagnosisHtml(withForm: boolean): string {
  const sb: Desk = deskWith();
  if (withForm) sb.runAs({ email: LEADER }, () => formOf(sb));
  sb.runAs({ email: LEADER }, () => sb.call('runDiagnosis'));
  const [dialog] = sb.ui.html;
  expect(dialog!.dialogTitle).toBe('Diagnose');
  return dialog!.content;
}

async function render(html: string, viewport: { width: number; height: number }, scale = 1): Promise<Page> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: scale });
  const external: string[] = [];
  await page.route('**/*', (route) => {
    external.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html);
  expect(external).toEqual([]);
  return page;
}

/** The size Diagnose asks for (HtmlOutput.setWidth/setHeight). */
const DIAGNOSE = { width: 760, height: 560 };

describe('Diagnose dialog', () => {
  it.each([true, false])(
    'has no axe violations at 300 px, the dialog sizes and its own, a Norwegian title and no sideways scroll (form: %s)',
    async (withForm) => {
      const html = diagnosisHtml(withForm);
      for (const size of [SIDEBAR, DIALOG, DIAGNOSE]) {
        const page = await render(html, size);
        expect(await axe(page)).toEqual([]);
        expect(await page.title()).toBe('Diagnose');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
        expect(await horizontalOverflow(page)).toBe(0);
        await page.close();
      }
    },
  );

  it("the documents' link dialog (the other dialog built on the server) passes the same scan", async () => {
    const sb = deskWith();
    sb.ui.answerPrompt('09.05.2025').answerPrompt('18-2025').answerPrompt('2025-05-001, 2025-05-002');
    sb.call('createMemo');
    const { content: html, dialogTitle } = sb.ui.html.at(-1)!;
    for (const size of [SIDEBAR, DIALOG]) {
      const page = await render(html, size);
      expect(await axe(page)).toEqual([]);
      expect(await page.title()).toBe(dialogTitle);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.close();
    }
  });

  it('screenshots: by default, in forced colours and at 200 % zoom (tests/out/screenshots)', async () => {
    const html = diagnosisHtml(false);
    for (const mode of ['default', 'forced', 'zoom200'] as const) {
      const viewport =
        mode === 'zoom200' ? { width: DIAGNOSE.width / 2, height: DIAGNOSE.height / 2 } : DIAGNOSE;
      const page = await render(html, viewport, mode === 'zoom200' ? 2 : 1);
      if (mode === 'forced') await page.emulateMedia({ forcedColors: 'active' });
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: resolve(SCREENSHOTS, `diagnose-${mode}.png`), fullPage: true });
      await page.close();
    }
  });
});
