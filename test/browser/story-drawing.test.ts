import type { Page } from 'playwright-core';
import { TIMELINE_PATH } from './pages.js';
import { describe, expect, test } from 'vitest';
import { axeViolations, expectNoTrouble, openPage, screenshotPath, startClaimline, useBrowser } from './browser.js';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What the drawing shows of each mark: its claim, the name and number beside it, and where they are. */
async function drawnMarks(page: Page) {
  return page.$$eval('svg.timeline a.mark-link', (links) =>
    links.map((link) => {
      const name = link.querySelector('.mark-name');
      const number = link.querySelector('.mark-number');
      const box = (element: Element | null) => {
        if (!element) return null;
        const rect = element.getBoundingClientRect();
        return rect.width > 0 && getComputedStyle(element).display !== 'none' ? { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom } : null;
      };
      return {
        href: link.getAttribute('href') ?? '',
        name: name?.textContent ?? '',
        nameBox: box(name),
        nameSize: name ? Number.parseFloat(getComputedStyle(name).fontSize) : 0,
        number: number?.textContent ?? '',
        numberBox: box(number),
      };
    }),
  );
}

const overlap = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('the drawn story', () => {
  const browser = useBrowser();

  test('at 1440 px every mark carries a readable name beside it, no two names cover each other, and axe finds nothing', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser(), { viewport: { width: 1440, height: 1000 } });
    const { page } = trouble;
    await page.goto(`${base}${TIMELINE_PATH}`);
    const marks = await drawnMarks(page);
    expect(marks.length).toBeGreaterThanOrEqual(13);
    for (const mark of marks) {
      expect(mark.nameBox, `${mark.href} has no visible name`).not.toBeNull();
      expect(mark.name.length).toBeGreaterThan(5);
      expect(mark.nameSize).toBeGreaterThanOrEqual(11);
      expect(mark.numberBox).toBeNull();
    }
    const boxes = marks.map((mark) => mark.nameBox as Box);
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) expect(overlap(boxes[i]!, boxes[j]!), `${marks[i]!.name} covers ${marks[j]!.name}`).toBe(false);
    }
    expect(await page.locator('.timeline-key').isVisible()).toBe(false);
    expect(await page.locator('svg.timeline path.relation').count()).toBeGreaterThanOrEqual(7);
    await page.locator('.timeline-figure').screenshot({ path: screenshotPath('story-drawing-1440') });
    expect(await axeViolations(page)).toEqual([]);
    await expectNoTrouble(trouble);
  });

  test('at 360 px marks carry their numbers and the key under the drawing names every one, in story order', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser(), { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });
    const { page } = trouble;
    await page.goto(`${base}${TIMELINE_PATH}`);
    const marks = await drawnMarks(page);
    for (const mark of marks) {
      expect(mark.numberBox, `${mark.href} shows no number`).not.toBeNull();
      expect(mark.nameBox).toBeNull();
    }
    const key = page.locator('.timeline-key li');
    expect(await page.locator('.timeline-key').isVisible()).toBe(true);
    const entries = await key.evaluateAll((items) => items.map((item) => ({ number: item.getAttribute('value'), href: item.querySelector('a')?.getAttribute('href'), text: item.textContent ?? '' })));
    expect(entries.length).toBe(13);
    for (const mark of marks) expect(entries).toContainEqual(expect.objectContaining({ number: mark.number, href: mark.href }));
    const order = entries.map((entry) => entry.href);
    expect(order.indexOf('/claims/apple-selected-baidu')).toBeLessThan(order.indexOf('/claims/baidu-fell-short'));
    expect(order.indexOf('/claims/baidu-fell-short')).toBeLessThan(order.indexOf('/claims/apple-chose-alibaba'));
    expect(order.indexOf('/claims/apple-fell-out-of-top-five')).toBeLessThan(order.indexOf('/claims/apple-back-in-top-five'));
    await page.screenshot({ path: screenshotPath('story-drawing-360'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await expectNoTrouble(trouble);
  });

  test('the sequence reads left to right in the drawing, in the article’s order', async () => {
    const base = await startClaimline();
    const { page } = await openPage(browser(), { viewport: { width: 1440, height: 1000 } });
    await page.goto(`${base}${TIMELINE_PATH}`);
    const xs = await page.$$eval('svg.timeline a.mark-link', (links) => {
      const first = new Map<string, number>();
      for (const link of links) {
        const href = link.getAttribute('href') ?? '';
        const dot = link.querySelector('.mark');
        if (dot && !first.has(href)) first.set(href, dot.getBoundingClientRect().left);
      }
      return Object.fromEntries(first);
    });
    const chain = ['apple-selected-baidu', 'baidu-fell-short', 'apple-considered-other-models', 'apple-passed-on-deepseek', 'apple-chose-alibaba'].map((id) => xs[`/claims/${id}`] ?? NaN);
    expect(chain).toEqual([...chain].sort((a, b) => a - b));
    expect(new Set(chain).size).toBe(chain.length);
  });
});
