import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Page } from 'playwright-core';
import { TIMELINE_PATH } from './pages.js';
import { describe, expect, test } from 'vitest';
import type { Database } from '../../src/domain/types.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';
import { TEST_NOW } from '../helpers/app.js';
import { openPage, serveUntilTestEnds, startClaimline, useBrowser } from './browser.js';

const TIMELINEJS_DIST = fileURLToPath(new URL('../../node_modules/@knight-lab/timelinejs/dist/', import.meta.url));
const HARNESS_DIR = fileURLToPath(new URL('./timelinejs/', import.meta.url));

/** Knight Lab's TimelineJS from node_modules and a page that loads a timeline into it, on a free loopback port. */
async function startTimelineJs(): Promise<string> {
  const app = express();
  app.use('/timelinejs', express.static(TIMELINEJS_DIST));
  app.get('/', (_req, res) => res.sendFile(`${HARNESS_DIR}harness.html`));
  app.get('/harness.js', (_req, res) => res.sendFile(`${HARNESS_DIR}harness.js`));
  return serveUntilTestEnds(app);
}

interface Loaded {
  slides: number;
  /** What TimelineJS said instead of drawing the timeline, if anything. */
  message: string;
  /** Images that failed to load, and media TimelineJS could not show, after visiting every slide. */
  broken: string[];
  /** Requests that would have left the machine; they are refused. */
  offsite: string[];
}

/** Opens `exportUrl` in the real TimelineJS, visits every slide and reports what a reader would see. */
async function loadInTimelineJs(page: Page, timelinejs: string, exportUrl: string): Promise<Loaded> {
  const offsite: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  await page.goto(`${timelinejs}/?source=${encodeURIComponent(exportUrl)}`);
  await page.waitForFunction(() => {
    const state = (window as unknown as { __timeline: { state: string } }).__timeline.state;
    return state !== 'loading' || /error/i.test(document.querySelector('.tl-message-full')?.textContent ?? '');
  });
  const slides = await page.locator('.tl-slide').count();
  const message = await page.evaluate(() => document.querySelector('.tl-message-full')?.textContent ?? '');
  const state = await page.evaluate(() => (window as unknown as { __timeline: { state: string } }).__timeline.state);
  const broken: string[] = [];
  if (state === 'ready') {
    for (let n = 0; n < slides; n += 1) {
      await page.evaluate((at) => (window as unknown as { __timeline: { instance: { goTo: (n: number) => void } } }).__timeline.instance.goTo(at), n);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(300);
    broken.push(
      ...(await page.evaluate(() => [
        ...[...document.querySelectorAll('#timeline img')]
          .filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 0)
          .map((img) => `broken image ${(img as HTMLImageElement).src}`),
        ...[...document.querySelectorAll('.tl-media-loaderror')].map((error) => `media error: ${error.textContent?.trim()}`),
      ])),
    );
  }
  return { slides, message: state === 'ready' ? '' : `${state} ${message}`.trim(), broken, offsite };
}

describe('the TimelineJS export in the real TimelineJS', () => {
  const browser = useBrowser();

  test('when the story is loaded, then every claim is a slide, with no error and no broken image', async () => {
    const base = await startClaimline();
    const timelinejs = await startTimelineJs();
    const trouble = await openPage(browser());
    const exported = (await (await fetch(`${base}${TIMELINE_PATH}/export/timelinejs.json`)).json()) as { events: unknown[] };
    const loaded = await loadInTimelineJs(trouble.page, timelinejs, `${base}${TIMELINE_PATH}/export/timelinejs.json`);
    expect(loaded).toEqual({ slides: exported.events.length + 1, message: '', broken: [], offsite: [] });
    expect(exported.events.length).toBe(13);
    expect(trouble.problems()).toEqual([]);
  });

  test('when a filter matches no claim, then TimelineJS still loads the file, with one slide saying so', async () => {
    const base = await startClaimline();
    const timelinejs = await startTimelineJs();
    const trouble = await openPage(browser());
    const loaded = await loadInTimelineJs(trouble.page, timelinejs, `${base}${TIMELINE_PATH}/export/timelinejs.json?q=no-such-words-anywhere`);
    expect(loaded).toMatchObject({ slides: 2, message: '', broken: [] });
    expect(await trouble.page.locator('.tl-slide').nth(1).textContent()).toContain('No claim matches');
    expect(trouble.problems()).toEqual([]);
  });

  test('when a date label and an actor hold markup, then TimelineJS shows them as text and runs nothing', async () => {
    const label = '<img src=x onerror="window.__ran=1">Q2 2024';
    const actor = '<img src=y onerror="window.__ran=2">R&D';
    const seed = (): Database => {
      const db = loadSeedDatabase(TEST_NOW.toISOString());
      return { ...db, claims: db.claims.map((claim, index) => (index === 0 ? { ...claim, actors: [actor], date: { ...claim.date, label } } : claim)) };
    };
    const base = await startClaimline({ seed });
    const timelinejs = await startTimelineJs();
    const trouble = await openPage(browser());
    const loaded = await loadInTimelineJs(trouble.page, timelinejs, `${base}${TIMELINE_PATH}/export/timelinejs.json`);
    expect(loaded.message).toBe('');
    expect(await trouble.page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
    const shown = await trouble.page.locator('#timeline').textContent();
    expect(shown).toContain(label);
    expect(shown).toContain(actor);
  });
});
