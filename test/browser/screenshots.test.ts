import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openPage, screenshotPath, startClaimline, useBrowser } from './browser.js';
import { CLAIM_PATH, SOURCE_PATH, showFormWithErrors, TIMELINE_PATH } from './pages.js';

const WIDTHS = [360, 1440];

/** How far the page itself scrolls sideways; the drawn timeline scrolls inside its own box instead. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('screenshots for review (test-results/screenshots/)', () => {
  const browser = useBrowser();

  test('the timeline, a claim, the form with errors and a source are captured at 360 and 1440 px, and none scrolls sideways on a phone', async () => {
    const base = await startClaimline();
    const { page } = await openPage(browser(), { colorScheme: 'light' });
    const pages: Array<[name: string, show: () => Promise<unknown>]> = [
      ['timeline', () => page.goto(`${base}${TIMELINE_PATH}`)],
      ['claim', () => page.goto(`${base}${CLAIM_PATH}`)],
      ['form-with-errors', () => showFormWithErrors(page, base)],
      ['source', () => page.goto(`${base}${SOURCE_PATH}`)],
    ];
    const overflowing: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, show] of pages) {
        await show();
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) overflowing.push(`${name} at ${width} px is ${overflow} px too wide`);
        await page.screenshot({ path: screenshotPath(`${name}-${width}`), fullPage: true });
      }
    }
    expect(overflowing).toEqual([]);
  });

  test('the timeline is captured in dark mode and as printed, at 360 and 1440 px', async () => {
    const base = await startClaimline();
    const { page } = await openPage(browser());
    await page.goto(`${base}${TIMELINE_PATH}`);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`timeline-dark-${width}`), fullPage: true });
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      await page.screenshot({ path: screenshotPath(`timeline-print-${width}`), fullPage: true });
    }
  });
});
