import type { Page } from 'playwright-core';
import { sendForm } from './browser.js';

/** A claim with a quote, a relay, a publisher and a superseded predecessor: the fullest claim page. */
export const CLAIM_PATH = '/claims/apple-chose-alibaba';
/** The seeded story's timeline. */
export const TIMELINE_PATH = '/stories/apple-alibaba';
export const SOURCE_PATH = '/sources/the-information';
export const DOCUMENT_PATH = '/documents/af-apple-taps-alibaba';

/** The add-claim form sent with an impossible date, so it comes back with its errors shown. */
export async function showFormWithErrors(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/claims/new`);
  await page.getByLabel('What was claimed').fill('Apple shows the Alibaba features to Chinese regulators.');
  await page.getByLabel('When it happened').fill('2024-13-45');
  await page.getByLabel('Exact quote').fill('Apple has submitted the AI features to the regulator.');
  await page.getByLabel('Where it can be read (URL)').fill('not a web address');
  await sendForm(page, () => page.getByRole('button', { name: 'Save claim' }).click(), 422);
  await page.locator('.error-summary').waitFor();
}
