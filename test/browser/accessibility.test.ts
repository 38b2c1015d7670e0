import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations, openPage, startClaimline, useBrowser } from './browser.js';
import { CLAIM_PATH, DOCUMENT_PATH, SOURCE_PATH, showFormWithErrors, TIMELINE_PATH } from './pages.js';

const PAGES: Array<[name: string, show: (page: Page, base: string) => Promise<unknown>]> = [
  ['the list of stories', (page, base) => page.goto(`${base}/`)],
  ['the search across stories', (page, base) => page.goto(`${base}/search?q=alibaba`)],
  ['an actor page', (page, base) => page.goto(`${base}/actors/alibaba`)],
  ['the move form', (page, base) => page.goto(`${base}/claims/apple-selected-baidu/move`)],
  ['the archive form', (page, base) => page.goto(`${base}${TIMELINE_PATH}/archive`)],
  ['the timeline', (page, base) => page.goto(`${base}${TIMELINE_PATH}`)],
  ['the timeline in source lanes', (page, base) => page.goto(`${base}${TIMELINE_PATH}?lanes=source`)],
  ['a claim page', (page, base) => page.goto(`${base}${CLAIM_PATH}`)],
  ['the add-claim form with its errors shown', showFormWithErrors],
  ['a source page', (page, base) => page.goto(`${base}${SOURCE_PATH}`)],
  ['a source’s edit form', (page, base) => page.goto(`${base}${SOURCE_PATH}/edit`)],
  ['the document page', (page, base) => page.goto(`${base}${DOCUMENT_PATH}`)],
  ['the new-document page with its upload and paste', (page, base) => page.goto(`${base}/documents/new`)],
  ['the claims a reading of the document proposes', (page, base) => page.goto(`${base}${DOCUMENT_PATH}/proposals`)],
];

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  const browser = useBrowser();

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`in ${colorScheme} mode the stories, search, an actor, the timeline, a claim, the forms, a source, a document, the new-document page and its proposals have no violations`, async () => {
      const base = await startClaimline();
      const { page } = await openPage(browser(), { colorScheme });
      const found: string[] = [];
      for (const [name, show] of PAGES) {
        await show(page, base);
        found.push(...(await axeViolations(page)).map((line) => `${name}: ${line}`));
      }
      expect(found).toEqual([]);
    });
  }
});
