import { TIMELINE_PATH } from './pages.js';
import { describe, expect, test } from 'vitest';
import { expectNoTrouble, openPage, startClaimline, useBrowser } from './browser.js';

describe('the timeline in a browser', () => {
  const browser = useBrowser();

  test('the drawn timeline shows marks for the claims, and clicking a mark opens that claim', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;

    await page.goto(`${base}${TIMELINE_PATH}`);
    const svg = page.locator('svg.timeline');
    await expect.poll(() => svg.isVisible()).toBe(true);
    const marks = svg.locator('a.mark-link');
    expect(await marks.count()).toBeGreaterThan(5);

    const names = await marks.evaluateAll((links) => links.map((a) => a.querySelector('title')?.textContent?.trim() ?? ''));
    expect(names.filter((name) => name.length === 0)).toEqual([]);
    // Every link in the drawing is a mark, or the arrow from a superseded mark to its replacement.
    expect(await svg.getByRole('link').count()).toBe((await marks.count()) + (await svg.locator('a.replacement-link').count()));

    const mark = marks.nth(1);
    const href = await mark.getAttribute('href');
    const name = await mark.locator('title').textContent();
    await mark.click();
    await page.waitForURL(`${base}${href}`);
    const heading = (await page.locator('h1').textContent())?.trim() ?? '';
    expect(heading.length).toBeGreaterThan(0);
    expect(name).toContain(heading);
    await expectNoTrouble(trouble);
  });

  test('the marks are reached with Tab and a mark opens its claim with Enter', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;
    const focusedMark = () => page.evaluate(() => (document.activeElement?.closest('svg.timeline a') ? document.activeElement.getAttribute('href') : null));

    await page.goto(`${base}${TIMELINE_PATH}`);
    for (let presses = 0; (await focusedMark()) === null; presses++) {
      expect(presses, 'Tab never reached a mark of the drawn timeline').toBeLessThan(40);
      await page.keyboard.press('Tab');
    }
    const href = await focusedMark();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}${href}`);
    await expectNoTrouble(trouble);
  });

  test('choosing a source in the filter narrows the timeline and the address keeps the filter', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;

    await page.goto(`${base}${TIMELINE_PATH}`);
    const everything = await page.locator('#claim-list .claim').count();
    await page.selectOption('#source', { label: 'The Information (8)' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/[?&]source=/);

    const url = new URL(page.url());
    expect(url.searchParams.get('source')).toBeTruthy();
    await expect.poll(() => page.locator('#claim-list .claim').count()).toBe(8);
    expect(everything).toBeGreaterThan(8);
    expect(await page.locator('.chips').textContent()).toContain('The Information');
    expect(await page.locator('#source').inputValue()).toBe(url.searchParams.get('source'));

    await page.reload();
    expect(await page.locator('#claim-list .claim').count()).toBe(8);
    await expectNoTrouble(trouble);
  });

  test('following a source link from a claim, then "on the timeline", shows only that source’s claims', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;

    await page.goto(`${base}${TIMELINE_PATH}`);
    await page.locator('#claim-list .claim__by a', { hasText: 'The Information' }).first().click();
    await page.waitForURL(/\/sources\//);
    expect(await page.locator('h1').textContent()).toBe('The Information');

    await page.getByRole('link', { name: 'Its claims on this story’s timeline' }).click();
    await page.waitForURL(/\/stories\/apple-alibaba\?source=/);
    expect(new URL(page.url()).searchParams.get('source')).toBeTruthy();
    await expect.poll(() => page.locator('#claim-list .claim').count()).toBe(8);
    const listed = await page.locator('#claim-list .claim__statement a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const drawn = await page.locator('svg.timeline a.mark-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(new Set(drawn)).toEqual(new Set(listed));
    await expectNoTrouble(trouble);
  });
});
