import { describe, expect, test } from 'vitest';
import { cspViolations, openPage, startClaimline, useBrowser } from './browser.js';
import { CLAIM_PATH, DOCUMENT_PATH, SOURCE_PATH, showFormWithErrors } from './pages.js';

const PAGES = [
  '/',
  '/stories/apple-alibaba',
  '/stories/apple-alibaba?lanes=source',
  '/stories/apple-alibaba?axis=claimed&order=desc',
  '/stories/apple-alibaba?source=reuters',
  '/search?q=alibaba',
  '/actors/alibaba',
  '/claims/apple-selected-baidu/move',
  '/stories/apple-alibaba/archive',
  CLAIM_PATH,
  `${CLAIM_PATH}/edit`,
  `${CLAIM_PATH}/history`,
  `${CLAIM_PATH}/status`,
  '/claims/new',
  `/claims/new?document=af-apple-taps-alibaba`,
  '/sources',
  SOURCE_PATH,
  `${SOURCE_PATH}/edit`,
  '/documents',
  DOCUMENT_PATH,
  '/documents/new',
  `${DOCUMENT_PATH}/proposals`,
];

describe('every page in a browser', () => {
  const browser = useBrowser();

  test('no page logs a console error, throws, or breaks the content security policy', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;
    const csp: string[] = [];

    for (const path of PAGES) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState('networkidle');
      csp.push(...(await cspViolations(page)).map((line) => `${path}: ${line}`));
    }
    await showFormWithErrors(page, base);
    csp.push(...(await cspViolations(page)).map((line) => `form with errors: ${line}`));

    expect(csp).toEqual([]);
    expect(trouble.problems()).toEqual([]);
  });
});
