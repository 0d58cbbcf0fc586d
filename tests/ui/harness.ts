import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Page as UiPage } from '../../src/shared/api';
import type { Desk } from '../gas/desk-helpers';
import { assertPlain, shimSource } from './shim';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SIDEBAR = { width: 300, height: 900 };
export const DIALOG = { width: 480, height: 660 };

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Opened {
  page: Page;
  /** Alerts/prompts the page raised (an XSS payload would land here). */
  dialogs: string[];
  /** Requests to anything but the page itself (there should be none). */
  external: string[];
  errors: string[];
}

/** Opens `build/<name>.html` with google.script.run forwarded to the sandbox's real bundle and fakes. */
export async function open(browser: Browser, sb: Desk, name: UiPage, size = SIDEBAR): Promise<Opened> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  const opened: Opened = { page, dialogs: [], external: [], errors: [] };
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => opened.errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    opened.external.push(url);
    return route.abort();
  });
  await page.exposeFunction('__rpc', (fn: string, body: string) => {
    const result = sb.call(fn, ...(JSON.parse(body) as unknown[]));
    assertPlain(result);
    return JSON.stringify(result);
  });
  await page.addInitScript(shimSource('expose'));
  await page.goto(`file://${resolve(__dirname, '../../build', `${name}.html`)}`);
  return opened;
}

/** Screenshots of test runs go to the ignored tests/out/screenshots/, never to a tracked file. */
export const SCREENSHOTS = resolve(__dirname, '../out/screenshots');

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Every visible control has an accessible name (a label, aria-label or text); returns the ones without. */
export function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('input, select, textarea, button'))
      .filter((el) => (el as HTMLElement).offsetParent !== null || el.closest('.segmented'))
      .filter((el) => {
        const labels = (el as HTMLInputElement).labels;
        return !(
          (labels && labels.length > 0) ||
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby') ||
          (el.tagName === 'BUTTON' && el.textContent!.trim() !== '')
        );
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
