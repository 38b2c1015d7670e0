import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { createArticleReader } from '../../src/reading/article-reader.js';
import { axeViolations, expectNoTrouble, openPage, screenshotPath, sendForm, startClaimline, useBrowser } from './browser.js';

const CORVANE = readFileSync(new URL('../fixtures/readings/corvane-cargo.txt', import.meta.url), 'utf8');

const reader = createArticleReader({ timeoutMs: 20_000, proposeTimeoutMs: 20_000 });
afterAll(() => reader.close());

describe('reading an article in a browser', () => {
  const browser = useBrowser();

  test('pasted wire copy is read, its document saved, one proposal edited, and the ticked claims land on the story’s timeline', async () => {
    const base = await startClaimline({ reader });
    const trouble = await openPage(browser());
    const { page } = trouble;

    await page.goto(`${base}/documents/new`);
    await page.getByLabel('Or paste the article’s text').fill(CORVANE);
    await sendForm(page, () => page.getByRole('button', { name: 'Read the article' }).click(), 200);

    expect(await page.getByLabel('Title').inputValue()).toBe('Corvane Airlines weighs sale of cargo arm');
    expect(await page.getByLabel('Published on').inputValue()).toBe('2025-02-20');
    expect(await page.getByLabel('Byline or credit line').inputValue()).toBe('(Reporting by Ana Silva; Editing by Tom Reed)');
    await page.getByLabel('Publisher').fill('Reuters');
    await page.getByLabel('URL').fill('https://www.reuters.com/business/corvane-cargo-example/');
    await sendForm(page, () => page.getByRole('button', { name: 'Save and review the proposed claims' }).click(), 303);
    await page.waitForURL(/\/documents\/[^/]+\/proposals$/);

    const proposals = page.locator('li.proposal');
    expect(await proposals.count()).toBeGreaterThanOrEqual(6);
    expect(await axeViolations(page)).toEqual([]);
    const hired = proposals.filter({ has: page.locator('textarea', { hasText: 'The carrier hired advisers' }) });
    expect(await hired.getByLabel('When it happened').inputValue()).toBe('the fourth quarter last year');
    await hired.getByLabel('Statement').fill('Corvane hired advisers to sell its cargo arm.');
    const comment = proposals.filter({ has: page.locator('textarea', { hasText: 'does not comment on market speculation' }) });
    await comment.getByLabel('Keep this claim').uncheck();
    await page.getByLabel('Your name').fill('Ana');
    await page.screenshot({ path: screenshotPath('reading-proposals'), fullPage: true });
    await sendForm(page, () => page.getByRole('button', { name: 'Add the ticked claims' }).click(), 303);

    await page.waitForURL(/\/stories\/apple-alibaba$/);
    const list = page.locator('main');
    await expect.poll(() => list.textContent()).toContain('Corvane hired advisers to sell its cargo arm.');
    expect(await list.textContent()).toContain('It approached three logistics groups.');
    expect(await list.textContent()).not.toContain('does not comment on market speculation');
    await expectNoTrouble(trouble);
  });

  test('a proposal whose quote is not in the text is pointed out by number and field, with every edit kept', async () => {
    const base = await startClaimline({ reader });
    const trouble = await openPage(browser());
    const { page } = trouble;

    await page.goto(`${base}/documents/af-apple-taps-alibaba/proposals`);
    const first = page.locator('li.proposal').first();
    await first.getByLabel('Keep this claim').check();
    await first.getByLabel('Quote').fill('Apple picked Alibaba over every rival.');
    await page.getByLabel('Your name').fill('Ana');
    await sendForm(page, () => page.getByRole('button', { name: 'Add the ticked claims' }).click(), 422);

    const summary = page.locator('.error-summary');
    expect(await summary.textContent()).toMatch(/Proposal 1 \(.*\): The quote is not in/);
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p0.quote');
    expect(await page.locator('li.proposal').first().getByLabel('Quote').inputValue()).toBe('Apple picked Alibaba over every rival.');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ana');
    expect(await axeViolations(page)).toEqual([]);
    await expectNoTrouble(trouble);
  });
});
