import type { Browser } from 'playwright-core';
import { PAGES, type Page as UiPage } from '../../src/ui/api';
import { deskWith } from '../gas/desk-helpers';
import { demoWorkbook } from './fixtures';
import { DIALOG, SIDEBAR, axe, launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pages = Object.keys(PAGES) as UiPage[];

describe('WCAG 2.1 AA (axe-core)', () => {
  it.each(pages.flatMap((p) => [[p, 'sidebar'] as const, [p, 'dialog'] as const]))(
    '%s at %s size has no violations',
    async (name, size) => {
      const { page } = await open(
        browser,
        deskWith(demoWorkbook()),
        name,
        size === 'sidebar' ? SIDEBAR : DIALOG,
      );
      await page.waitForFunction(
        () => document.querySelector('#app > *') && !document.querySelector('.loading'),
      );
      const v = await axe(page);
      console.log(
        name,
        size,
        v.reduce((n, x) => n + x.nodes.length, 0),
        JSON.stringify(v, null, 1),
      );
      expect(v).toEqual([]);
    },
  );
});
