import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Page as UiPage } from '../../src/seam/api';
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
export async function open(
  browser: Browser,
  sb: Desk,
  name: UiPage,
  size = SIDEBAR,
  deviceScaleFactor = 1,
): Promise<Opened> {
  // The page lives in the sandbox's time and zone, not the machine's: no result depends on the day it runs.
  const page = await browser.newPage({
    viewport: size,
    deviceScaleFactor,
    timezoneId: sb.spreadsheet.timeZone,
  });
  await page.clock.setFixedTime(sb.clock.now());
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

/** WCAG 2.0 and 2.1, levels A and AA: what Norwegian public bodies must meet (forskrift om universell utforming av IKT-løsninger). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  nodes: string[];
}

/** Runs axe-core in the page as it is now; returns each violated rule with the offending nodes. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const raw = await page.evaluate(async (tags) => {
    const result = await (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{
            violations: Array<{ id: string; nodes: Array<{ target: string[]; failureSummary?: string }> }>;
          }>;
        };
      }
    ).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map(
        (n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`,
      ),
    }));
  }, WCAG_TAGS);
  return raw;
}

/**
 * Live regions that would make a screen reader talk too much or twice: a live region (aria-live,
 * role=status/alert/log) inside another one, or one that holds a list, a control or more than a short
 * line of text. Returns a description of each.
 */
export function liveProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const LIVE = '[aria-live], [role="status"], [role="alert"], [role="log"]';
    return Array.from(document.querySelectorAll(LIVE)).flatMap((el) => {
      const name = `<${el.tagName.toLowerCase()} ${el.getAttribute('role') ?? ''}${el.id ? ` #${el.id}` : ''}>`;
      const problems: string[] = [];
      if (el.parentElement?.closest(LIVE)) problems.push(`${name} inside another live region`);
      if (el.querySelector('ul, ol, table, button, input, select, textarea'))
        problems.push(`${name} holds a list or controls`);
      if ((el.textContent ?? '').length > 240)
        problems.push(`${name} is ${el.textContent!.length} characters`);
      return problems;
    });
  });
}

/** The text of the element that has focus ('' for the body). */
export const focusedText = (page: Page) =>
  page.evaluate(() =>
    document.activeElement && document.activeElement !== document.body
      ? (document.activeElement.textContent ?? '')
      : '',
  );
