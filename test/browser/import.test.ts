import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../helpers/app.js';
import { axeViolations, expectNoTrouble, openPage, startClaimline, useBrowser } from './browser.js';

/** A newsroom's sheet: headings Claimline does not know, a line break inside a quoted cell, and non-ASCII text. */
const DESK_SHEET = [
  'What was said,When,Said by,Mood',
  '"Apple and Alibaba sign a deal,\nsources say",February 2025,Nikkei Asia,calm',
  'Huawei ships AI phones in Zürich,2024,Reuters,busy',
  '',
].join('\n');

describe('the import page in a browser', () => {
  const browser = useBrowser();

  test('when a sheet with unknown headings is uploaded, then the mapping step, with no accessibility violations, imports it as chosen', async () => {
    const base = await startClaimline();
    const trouble = await openPage(browser());
    const { page } = trouble;
    const path = join(tempDir(), 'desk.csv');
    writeFileSync(path, DESK_SHEET);

    await page.goto(`${base}/import`);
    await page.setInputFiles('#file', path);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'desk.csv: which column is which?' }).waitFor();
    expect(await page.locator('table').textContent()).toContain('Huawei ships AI phones in Zürich');
    expect(await axeViolations(page)).toEqual([]);

    await page.selectOption('#map-0', 'statement');
    await page.selectOption('#map-1', 'date');
    await page.selectOption('#map-2', 'source');
    await page.getByLabel('Dry run: only show what would change').uncheck();
    await page.getByRole('button', { name: 'Import with these columns' }).click();
    // Two claims and the source Claimline did not know yet.
    await page.getByText('Stored: 3 added, 0 updated, 0 unchanged.').waitFor();

    await page.goto(`${base}/sources`);
    await page.getByRole('link', { name: 'Nikkei Asia' }).click();
    expect((await page.locator('main').textContent())?.replace(/\s+/g, ' ')).toContain('Apple and Alibaba sign a deal, sources say');
    await expectNoTrouble(trouble);
  });
});
