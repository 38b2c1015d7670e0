import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readHtml, readPage, readPastedText } from '../../src/reading/read-article.js';

const TODAY = '2026-01-01';
const SEED = readFileSync(new URL('../../data/seed/apple-alibaba-article.txt', import.meta.url), 'utf8');
const PAGE = readFileSync(new URL('../fixtures/pages/voltaris-battery.html', import.meta.url), 'utf8');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readPastedText', () => {
  it('when the seeded page is pasted, then the story comes without site chrome and with its headline and credit line', () => {
    const article = readPastedText(SEED, { today: TODAY });

    expect(article.title).toBe('Apple Taps Alibaba to Bring AI to Chinese iPhones: Report');
    expect(article.credit).toBe('Reuters, with additional editing and inputs from Vishakha Saxena');
    expect(article.text.startsWith('Apple chose Alibaba partly due to')).toBe(true);
    expect(article.text).toContain('the report said.');
    expect(article.text).not.toMatch(/fbpx|Type to search|Photo: Reuters|Also on AF|Also read|Tri-Fold|digital journalist|Apple Taps Alibaba/);
  });

  it('when a wire story is pasted, then the dateline gives the day and the wire, and a "By" line the byline', () => {
    const article = readPastedText('Hanul in talks to buy Veridian\nBy Hyun-woo Park\nSEOUL, March 4 (Reuters) - Hanul is in talks to buy Veridian, two people said. Shares rose.', { today: TODAY });

    expect(article).toMatchObject({ title: 'Hanul in talks to buy Veridian', byline: 'Hyun-woo Park', publishedAt: '2025-03-04', credit: 'Reuters' });
    expect(article.text).toBe('SEOUL, March 4 (Reuters) - Hanul is in talks to buy Veridian, two people said. Shares rose.');
  });
});

describe('readHtml', () => {
  it('when a saved page is read, then meta tags and JSON-LD fill the document and the story has none of the page around it', () => {
    const article = readHtml(PAGE, { today: TODAY });

    expect({ ...article, text: undefined }).toEqual({
      title: 'Voltaris said to weigh delaying Texas battery plant as EV demand cools',
      publisher: 'Gulf Markets Daily',
      publishedAt: '2025-09-18',
      byline: 'Omar Haddad',
      credit: 'Bloomberg, with additional reporting by Omar Haddad',
      url: 'https://www.gulfmarketsdaily.example/autos/voltaris-texas-battery-plant',
      text: undefined,
    });
    expect(article.text.split('\n\n')[0]).toMatch(/^\(Bloomberg\) -- Voltaris Motors Inc\. is considering/);
    expect(article.text).toContain('Voltaris is scheduled to report third-quarter results on Oct. 22.');
    expect(article.text).not.toMatch(/Markets\s+Autos|Share on|Photo: Bloomberg|Also read|EV Makers Brace|newsletter|is the autos correspondent|Most read|All rights reserved|Tags:/);
  });

  it('when a page carries scripts, frames, handlers and remote resources, then nothing runs and nothing is fetched', () => {
    const requests = [
      vi.spyOn(globalThis, 'fetch'),
      vi.spyOn(http, 'request'),
      vi.spyOn(http, 'get'),
      vi.spyOn(https, 'request'),
      vi.spyOn(https, 'get'),
      vi.spyOn(net, 'connect'),
      vi.spyOn(net, 'createConnection'),
    ];
    const page = `<!DOCTYPE html><html><head><title>Safe</title>
      <script>globalThis.__pageRan = true; document.title = 'RAN';</script>
      <script src="https://tracker.example/t.js"></script>
      <link rel="stylesheet" href="https://cdn.example/site.css">
      <meta http-equiv="refresh" content="0; url=https://elsewhere.example/"></head>
      <body onload="globalThis.__pageRan = true">
      <article><h1>Safe</h1>
      <p>Acme said on Monday it would open a plant in 2026, according to a statement posted on its website.</p>
      <img src="https://tracker.example/pixel.gif" onerror="globalThis.__pageRan = true">
      <iframe src="https://video.example/embed"></iframe>
      <p>The company's shares rose 4% in early trading as investors welcomed the plan, analysts said.</p>
      <object data="https://cdn.example/movie.swf"></object><embed src="https://cdn.example/x.swf">
      <p>Acme has built two plants since 2019, the company said in its annual report.</p>
      </article></body></html>`;

    const article = readHtml(page, { today: TODAY });

    expect((globalThis as { __pageRan?: boolean }).__pageRan).toBeUndefined();
    expect(article.title).toBe('Safe');
    expect(article.text).not.toMatch(/__pageRan|tracker|RAN/);
    expect(article.text).toContain('Acme has built two plants since 2019');
    for (const request of requests) expect(request).not.toHaveBeenCalled();
  });
});

describe('readHtml on hostile markup', () => {
  it('when a page nests elements twenty thousand deep, then its text is still read', () => {
    const depth = 20_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>Acme said in 2024 that it would sell phones, the report said.</p>${'</div>'.repeat(depth)}</body></html>`;

    expect(readHtml(html, { today: TODAY }).text).toBe('Acme said in 2024 that it would sell phones, the report said.');
  });
});

describe('readPage', () => {
  it('when a page is uploaded in windows-1252, then it is decoded by the charset declared', () => {
    const html = PAGE.replace('<meta charset="utf-8">', '').replace('Voltaris delivered 41,200 vehicles', 'Voltaris’ Zürich office said it delivered 41,200 vehicles');
    const bytes = new Uint8Array([...html].map((ch) => (ch === '’' ? 0x92 : ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));

    const article = readPage(bytes, 'windows-1252', { today: TODAY });

    expect(article.text).toContain('Voltaris’ Zürich office said it delivered 41,200 vehicles');
  });

  it('when the upload is plain text, then it is read as pasted text', () => {
    const article = readPage(Buffer.from(SEED, 'utf8'), 'utf-8', { today: TODAY });

    expect(article.title).toBe('Apple Taps Alibaba to Bring AI to Chinese iPhones: Report');
  });
});
