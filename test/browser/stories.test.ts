import { describe, expect, test } from 'vitest';
import { expectNoTrouble, openPage, sendForm, startClaimline, useBrowser } from './browser.js';

describe('stories in a browser', () => {
  const browser = useBrowser();

  test('a reporter starts a story from the list, adds a claim from its timeline, finds it by search and from its actor', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;

    await page.goto(`${base}/`);
    await expect.poll(() => page.getByRole('link', { name: 'Apple taps Alibaba to bring AI to Chinese iPhones' }).isVisible()).toBe(true);
    await page.getByLabel('Title', { exact: true }).fill('Huawei phone sales');
    await page.getByLabel('What it is about').fill('Shipments quarter by quarter.');
    await sendForm(page, () => page.getByRole('button', { name: 'Start the story' }).click(), 303);
    expect(new URL(page.url()).pathname).toBe('/stories/huawei-phone-sales');
    expect(await page.locator('h1').textContent()).toBe('Huawei phone sales');

    await page.getByRole('link', { name: 'Add a claim to this story' }).click();
    await page.waitForURL(/\/claims\/new\?story=huawei-phone-sales$/);
    expect(await page.getByLabel('Story', { exact: true }).inputValue()).toBe('huawei-phone-sales');
    await page.getByLabel('What was claimed').fill('Huawei shipped more phones in China than Apple in the holiday quarter.');
    await page.getByLabel('When it happened').fill('2024-Q4');
    await page.getByLabel('Who made the claim').fill('Counterpoint');
    await page.getByLabel('Actors').fill('Huawei, Apple');
    await sendForm(page, () => page.getByRole('button', { name: 'Save claim' }).click(), 303);
    await page.getByRole('link', { name: 'Huawei phone sales' }).first().click();
    await page.waitForURL(`${base}/stories/huawei-phone-sales`);
    expect(await page.locator('.claim-list').textContent()).toContain('Huawei shipped more phones');

    await page.getByLabel('Search every story').first().fill('huawei');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=huawei/);
    const groups = page.locator('section.story-group h2');
    expect((await groups.allTextContents()).map((text) => text.replace(/\s*\(\d+\)$/, '').trim()).sort()).toEqual(['Apple taps Alibaba to bring AI to Chinese iPhones', 'Huawei phone sales']);

    await page.getByRole('link', { name: 'Huawei shipped more phones in China than Apple in the holiday quarter.' }).first().click();
    await page.getByRole('link', { name: 'Huawei', exact: true }).click();
    await page.waitForURL(`${base}/actors/huawei`);
    expect(await page.locator('.lede').textContent()).toMatch(/in 2 stories/);
    await expectNoTrouble(trouble);
  });

  test('without JavaScript, a claim moves to another story and the story is archived and brought back', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser(), { javaScriptEnabled: false });
    const { page } = trouble;

    await page.goto(`${base}/`);
    await page.getByLabel('Title', { exact: true }).fill('Apple results');
    await sendForm(page, () => page.getByRole('button', { name: 'Start the story' }).click(), 303);

    await page.goto(`${base}/claims/iphone-sales-dipped-holiday-quarter`);
    await page.getByRole('link', { name: 'Move to another story' }).click();
    await page.getByLabel('Move it to').selectOption('apple-results');
    await page.getByLabel('Your name').fill('Ana');
    await sendForm(page, () => page.getByRole('button', { name: 'Move the claim' }).click(), 303);
    expect(await page.locator('.breadcrumb').textContent()).toContain('Apple results');

    await page.goto(`${base}/claims/apple-chose-alibaba/move`);
    await page.getByLabel('Move it to').selectOption('apple-results');
    await page.getByLabel('Your name').fill('Ana');
    await sendForm(page, () => page.getByRole('button', { name: 'Move the claim' }).click(), 422);
    expect(await page.locator('.error-summary').textContent()).toMatch(/relat/i);
    await page.getByLabel(/Move the claims tied to it/).check();
    await sendForm(page, () => page.getByRole('button', { name: 'Move the claim' }).click(), 303);

    await page.goto(`${base}/stories/apple-results`);
    await page.getByRole('link', { name: 'Archive it' }).click();
    await sendForm(page, () => page.getByRole('button', { name: 'Archive the story' }).click(), 303);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('.story-list').textContent()).not.toContain('Apple results');
    await page.getByRole('link', { name: '1 archived' }).click();
    await page.getByRole('link', { name: 'Apple results' }).click();
    expect(await page.locator('.notice').textContent()).toContain('archived');
    await page.getByRole('link', { name: 'Bring it back' }).click();
    await sendForm(page, () => page.getByRole('button', { name: 'Bring it back' }).click(), 303);
    expect(new URL(page.url()).pathname).toBe('/stories/apple-results');
    expect(await page.locator('.claim-list').textContent()).toContain('iPhone');
    await expectNoTrouble(trouble);
  });
});
