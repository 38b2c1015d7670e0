import { describe, expect, test } from 'vitest';
import { expectNoTrouble, openPage, sendForm, startClaimline, useBrowser } from './browser.js';

/** The article in the seed story, published 11 February 2025. */
const ARTICLE_ID = 'af-apple-taps-alibaba';

/** The add-claim fields in the order a keyboard user meets them. */
const FIELD_ORDER = ['statement', 'shortName', 'document', 'date', 'dateReference', 'claimedAt', 'source', 'verb', 'quote', 'relayedBy', 'url', 'actors', 'topics'];

describe('the add-claim form in a browser', () => {
  const browser = useBrowser();

  test('a mistaken date is pointed out next to the field with everything typed kept, and the corrected form lands on the new claim', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;

    await page.goto(`${base}/claims/new`);
    await page.getByLabel('What was claimed').fill('Apple shows the Alibaba features to Chinese regulators.');
    await page.getByLabel('When it happened').fill('2024-13-45');
    await page.getByLabel('Who made the claim').fill('Reuters');
    await page.getByLabel('Actors').fill('Apple, Alibaba');
    await sendForm(page, () => page.getByRole('button', { name: 'Save claim' }).click(), 422);

    const error = page.locator('#date-error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect((await error.textContent())?.trim().length).toBeGreaterThan(0);
    expect(await page.locator('#date').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#date').getAttribute('aria-describedby')).toContain('date-error');
    expect(await page.locator('.error-summary').textContent()).toContain((await error.textContent())?.trim());
    expect(await page.getByLabel('What was claimed').inputValue()).toBe('Apple shows the Alibaba features to Chinese regulators.');
    expect(await page.getByLabel('When it happened').inputValue()).toBe('2024-13-45');
    expect(await page.getByLabel('Who made the claim').inputValue()).toBe('Reuters');
    expect(await page.getByLabel('Actors').inputValue()).toBe('Apple, Alibaba');

    await page.getByLabel('When it happened').fill('2024-06');
    await sendForm(page, () => page.getByRole('button', { name: 'Save claim' }).click(), 303);
    await page.waitForURL(/\/claims\/(?!new)[^/]+$/);
    expect(await page.locator('h1').textContent()).toBe('Apple shows the Alibaba features to Chinese regulators.');
    expect(await page.locator('.facts').textContent()).toContain('June 2024');
    await expectNoTrouble(trouble);
  });

  test('the form can be filled and sent with the keyboard alone, its fields reached by Tab in reading order', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

    await page.goto(`${base}/claims/new`);
    for (let presses = 0; (await focusedId()) !== 'statement'; presses++) {
      expect(presses, 'Tab never reached the first field').toBeLessThan(15);
      await page.keyboard.press('Tab');
    }
    const typed: Record<string, string> = {
      statement: 'Alibaba says the Apple deal covers only mainland China.',
      date: '2025-02-13',
      source: 'Reuters',
      verb: 'reported',
      actors: 'Alibaba, Apple',
      topics: 'Partnerships',
    };
    const reached: string[] = [];
    for (const field of FIELD_ORDER) {
      reached.push(await focusedId());
      if (typed[field]) await page.keyboard.type(typed[field]);
      if (field === 'source') await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
    }
    expect(reached).toEqual(FIELD_ORDER);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Save claim');

    await sendForm(page, () => page.keyboard.press('Enter'), 303);
    await page.waitForURL(/\/claims\/(?!new)[^/]+$/);
    expect(await page.locator('h1').textContent()).toBe(typed.statement);
    expect(await page.locator('.facts').textContent()).toContain('13 February 2025');
    await expectNoTrouble(trouble);
  });

  test('a mistake can be fixed by keyboard: Space on the button sends, and the error summary links lead to the field', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;

    await page.goto(`${base}/claims/new`);
    await page.getByLabel('What was claimed').fill('Apple pauses the rollout.');
    await page.getByLabel('Who made the claim').fill('Reuters');
    await page.getByRole('button', { name: 'Save claim' }).focus();
    await sendForm(page, () => page.keyboard.press('Space'), 422);
    await page.locator('.error-summary').waitFor();

    await page.locator('.error-summary a[href="#date"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('date');
    await page.keyboard.type('2025-03');
    await page.getByRole('button', { name: 'Save claim' }).focus();
    await sendForm(page, () => page.keyboard.press('Space'), 303);
    await page.waitForURL(/\/claims\/(?!new)[^/]+$/);
    expect(await page.locator('h1').textContent()).toBe('Apple pauses the rollout.');
    await expectNoTrouble(trouble);
  });

  test('typing a writer’s phrase shows how it will be read against the chosen article, live', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;

    await page.goto(`${base}/claims/new`);
    await page.selectOption('#document', ARTICLE_ID);
    await page.getByLabel('When it happened').pressSequentially('the second quarter last year');
    const preview = page.locator('#date-preview');
    await expect.poll(() => preview.textContent(), { timeout: 5_000 }).toMatch(/^Read as: Q2 2024\b/);
    expect(await preview.isVisible()).toBe(true);

    await page.getByLabel('When it happened').fill('the thirteenth month');
    await expect.poll(() => preview.textContent(), { timeout: 5_000 }).toMatch(/^Not understood: /);
    await expectNoTrouble(trouble);
  });

  test('a date without its year is previewed the way the typed quote points, and says which way', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;

    await page.goto(`${base}/claims/new`);
    await page.selectOption('#document', ARTICLE_ID);
    await page.getByLabel('When it happened').pressSequentially('in March');
    const preview = page.locator('#date-preview');
    await expect.poll(() => preview.textContent(), { timeout: 5_000 }).toMatch(/^Read as: March 2024 .*read back/);

    await page.getByLabel('Exact quote').fill('Talks will resume in March.');
    await expect.poll(() => preview.textContent(), { timeout: 5_000 }).toBe(
      'Read as: March 2025 (from ‘in March’, relative to 11 Feb 2025; read forward: ‘will resume’)',
    );
    await expectNoTrouble(trouble);
  });

  test('without JavaScript the form still sends, and the claim is read against the article', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser(), { javaScriptEnabled: false });
    const { page } = trouble;

    await page.goto(`${base}/claims/new`);
    expect(await page.locator('#date-preview').isHidden()).toBe(true);
    await page.getByLabel('What was claimed').fill('Apple tested Baidu’s models for its Chinese iPhones.');
    await page.selectOption('#document', ARTICLE_ID);
    await page.getByLabel('When it happened').fill('the second quarter last year');
    await page.getByLabel('Who made the claim').fill('The Information');
    await sendForm(page, () => page.getByRole('button', { name: 'Save claim' }).click(), 303);

    await page.waitForURL(/\/claims\/(?!new)[^/]+$/);
    expect(await page.locator('h1').textContent()).toBe('Apple tested Baidu’s models for its Chinese iPhones.');
    expect(await page.locator('.facts').textContent()).toContain('2024');
    expect(trouble.problems()).toEqual([]);
  });
});
