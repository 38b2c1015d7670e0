import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createArticleReader } from '../../src/reading/article-reader.js';
import { makeApp } from '../helpers/app.js';
import { expectStatus, formToken } from '../helpers/forms.js';

const CORVANE = readFileSync(new URL('../fixtures/readings/corvane-cargo.txt', import.meta.url), 'utf8');
const SEEDED = 'af-apple-taps-alibaba';

const reader = createArticleReader({ timeoutMs: 30_000, proposeTimeoutMs: 30_000 });
afterAll(() => reader.close());

type App = Awaited<ReturnType<typeof makeApp>>;
const readingApp = () => makeApp({ reader });

/** Reads pasted text through the new-document page, as a browser without JavaScript sends the form. */
async function readPasted({ app }: App, pasted: string, story?: string) {
  const token = await formToken(app, '/documents/new');
  const form = request(app).post('/documents/read').field('_token', token).field('pasted', pasted);
  return story ? form.field('story', story) : form;
}

async function uploadPage({ app }: App, page: Buffer, filename = 'story.html') {
  const token = await formToken(app, '/documents/new');
  return request(app).post('/documents/read').field('_token', token).attach('page', page, { filename, contentType: 'text/html' });
}

/** The value of a named input or textarea on a page. */
function valueOf(html: string, name: string): string | undefined {
  const escaped = name.replace(/[.[\]]/g, '\\$&');
  const input = new RegExp(`<input[^>]*name="${escaped}"[^>]*value="([^"]*)"`).exec(html) ?? new RegExp(`<input[^>]*value="([^"]*)"[^>]*name="${escaped}"`).exec(html);
  if (input) return input[1];
  return new RegExp(`<textarea[^>]*name="${escaped}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1];
}

const decode = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Saves the Corvane story from a reading and lands on its proposals page. */
async function savedFromReading(test: App): Promise<{ id: string; page: string }> {
  const read = await expectStatus(readPasted(test, CORVANE), 200);
  const fields = Object.fromEntries(['story', 'title', 'publisher', 'publishedAt', 'credit', 'text'].map((name) => [name, decode(valueOf(read.text, name) ?? '')]));
  const token = /name="_token" value="([^"]+)"/.exec(read.text)?.[1] ?? '';
  const saved = await expectStatus(
    request(test.app)
      .post('/documents?then=proposals')
      .type('form')
      .send({ ...fields, publisher: 'Reuters', url: 'https://www.reuters.com/business/corvane-cargo-example/', _token: token }),
    303,
  );
  const location = saved.headers.location as string;
  expect(location).toMatch(/^\/documents\/[^/]+\/proposals$/);
  const page = await expectStatus(request(test.app).get(location), 200);
  return { id: location.split('/')[2]!, page: page.text };
}

/** The proposals form as a browser would send it: every field as shown, with `changes` applied. */
function proposalsForm(page: string, changes: Record<string, string | null>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of page.matchAll(/<input([^>]*)>/g)) {
    const attributes = match[1] ?? '';
    const name = /name="([^"]+)"/.exec(attributes)?.[1];
    if (!name) continue;
    if (/type="checkbox"/.test(attributes)) {
      if (/\schecked/.test(attributes)) fields[name] = 'on';
      continue;
    }
    fields[name] = decode(/value="([^"]*)"/.exec(attributes)?.[1] ?? '');
  }
  for (const match of page.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[match[1]!] = decode(match[2] ?? '');
  for (const match of page.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) fields[match[1]!] = /<option value="([^"]*)" selected>/.exec(match[2] ?? '')?.[1] ?? '';
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete fields[name];
    else fields[name] = value;
  }
  return fields;
}

/** The form row of the proposal whose statement has these words. */
function rowOf(page: string, words: string): number {
  for (const match of page.matchAll(/name="p(\d+)\.statement"[^>]*>([^<]*)</g)) if (decode(match[2] ?? '').includes(words)) return Number(match[1]);
  throw new Error(`no proposal says “${words}”`);
}

describe('reading an article on /documents/new', () => {
  it('when the page is opened, then it offers to upload a saved page or paste the text, working without JavaScript', async () => {
    const test = await readingApp();

    const res = await expectStatus(request(test.app).get('/documents/new'), 200);

    expect(res.text).toMatch(/<form[^>]*action="\/documents\/read"[^>]*enctype="multipart\/form-data"/);
    expect(res.text).toContain('name="page" type="file"');
    expect(res.text).toContain('name="pasted"');
  });

  it('when text is pasted and read, then the document’s fields come back filled for checking, and saving goes on to the proposals', async () => {
    const test = await readingApp();

    const res = await expectStatus(readPasted(test, CORVANE, 'apple-alibaba'), 200);

    expect(decode(valueOf(res.text, 'title') ?? '')).toBe('Corvane Airlines weighs sale of cargo arm');
    expect(valueOf(res.text, 'publishedAt')).toBe('2025-02-20');
    expect(decode(valueOf(res.text, 'credit') ?? '')).toBe('(Reporting by Ana Silva; Editing by Tom Reed)');
    expect(decode(valueOf(res.text, 'text') ?? '')).toContain('Corvane Airlines is exploring a sale of its cargo business');
    expect(valueOf(res.text, 'story')).toBe('apple-alibaba');
    expect(res.text).toContain('action="/documents?then=proposals"');
    expect(res.text).toMatch(/the 6 claims Claimline proposes from it come next/);
  });

  it('when a page saved in windows-1252 is uploaded, then it is decoded by the charset it declares', async () => {
    const test = await readingApp();
    const html = `<html><head><meta charset="windows-1252"><title>Soci\u00e9t\u00e9 Marine bids for Havre terminal</title><meta property="og:site_name" content="Le Courrier \u00c9conomique"></head><body><article><h1>Soci\u00e9t\u00e9 Marine bids for Havre terminal</h1><p>PARIS, Feb 18 (Reuters) - Soci\u00e9t\u00e9 Marine has offered 2 billion euros for the Havre container terminal, two people familiar with the matter said on Tuesday.</p><p>The company\u2019s board approved the bid in January, the people said. Soci\u00e9t\u00e9 Marine declined to comment.</p></article></body></html>`;

    const res = await expectStatus(uploadPage(test, Buffer.from(html.replace('\u2019', '\x92'), 'latin1')), 200);

    expect(decode(valueOf(res.text, 'title') ?? '')).toBe('Société Marine bids for Havre terminal');
    expect(decode(valueOf(res.text, 'publisher') ?? '')).toBe('Le Courrier Économique');
    expect(decode(valueOf(res.text, 'text') ?? '')).toContain('The company’s board approved the bid in January');
  });

  it('when an uploaded page has scripts, frames, images and style sheets pointing elsewhere, then nothing is run or fetched', async () => {
    const test = await readingApp();
    let hits = 0;
    const elsewhere: Server = createServer((_req, res) => {
      hits += 1;
      res.end('');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    try {
      const page = `<html><head><link rel="stylesheet" href="${base}/s.css"><script src="${base}/a.js"></script><script>fetch('${base}/inline'); document.title = 'changed';</script><title>Harborline buys Maasgate</title></head><body onload="fetch('${base}/onload')"><iframe src="${base}/frame"></iframe><article><img src="${base}/photo.jpg" alt=""><p>ROTTERDAM, Feb 18 (Reuters) - Harborline Ports agreed to buy Maasgate Terminals for 2 billion euros, the companies said on Tuesday.</p><p>The deal is expected to close in the third quarter, Harborline said in a statement.</p></article><video src="${base}/clip.mp4"></video></body></html>`;

      const res = await expectStatus(uploadPage(test, Buffer.from(page)), 200);
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(decode(valueOf(res.text, 'title') ?? '')).toBe('Harborline buys Maasgate');
      expect(decode(valueOf(res.text, 'text') ?? '')).not.toContain('fetch(');
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });

  it('when the upload is larger than a saved page may be, then 413 and nothing is read', async () => {
    const test = await readingApp();

    const res = await uploadPage(test, Buffer.alloc(3 * 1024 * 1024, 'a'));

    expect(res.status).toBe(413);
  });

  it.each([
    ['nothing is pasted or chosen', '', /Paste the article’s text, or choose a page/],
    ['the text is a menu, not an article', 'Home\nMarkets\nTechnology\nSign in', /does not read as an article/],
  ])('when %s, then 422 says so beside the paste box and keeps what was typed', async (_name, pasted, message) => {
    const test = await readingApp();

    const res = await expectStatus(readPasted(test, pasted), 422);

    expect(res.text).toMatch(message);
    expect(res.text).toContain('id="pasted-error"');
    expect(decode(valueOf(res.text, 'pasted') ?? '')).toBe(pasted);
  });

  it('when a stored document has text, then its page links to the claims it proposes', async () => {
    const test = await readingApp();

    const res = await expectStatus(request(test.app).get(`/documents/${SEEDED}`), 200);

    expect(res.text).toContain(`href="/documents/${SEEDED}/proposals"`);
  });
});

describe('the proposals page', () => {
  it('when a document is saved from a reading, then its proposals are listed, each prefilled and ticked, with the order the text gives', async () => {
    const test = await readingApp();

    const { page } = await savedFromReading(test);

    const row = rowOf(page, 'hired advisers');
    expect(valueOf(page, `p${row}.quote`)).toBe('The carrier hired advisers in the fourth quarter last year, the people said.');
    expect(valueOf(page, `p${row}.origin`)).toBe('two people familiar with the matter');
    expect(valueOf(page, `p${row}.date`)).toBe('the fourth quarter last year');
    expect(page).toMatch(new RegExp(`name="p${row}\\.keep" value="on" checked`));
    expect(page).toContain('Published by Reuters');
    expect(page).toMatch(/Keep: “It approached three logistics groups\.” happened after “The carrier hired advisers in the fourth quarter last year\.” \(“After that”\)/);
  });

  it('when the seeded document is read again, then every proposal is marked already tracked and left unticked', async () => {
    const test = await readingApp();

    const res = await expectStatus(request(test.app).get(`/documents/${SEEDED}/proposals`), 200);

    expect(res.text.match(/Already tracked: a stored claim quotes this passage/g)).toHaveLength(13);
    expect(res.text).not.toMatch(/name="p\d+\.keep" value="on" checked/);
  });

  it('when one proposal is edited and the ticked ones are added, then they are claims on the story’s timeline, the edit kept, and the unticked ones are not offered again', async () => {
    const test = await readingApp();
    const { id, page } = await savedFromReading(test);
    const hired = rowOf(page, 'hired advisers');
    const approached = rowOf(page, 'approached three');
    const keepOnly = Object.fromEntries([...page.matchAll(/name="(p\d+)\.keep"/g)].map((m) => [`${m[1]}.keep`, [`p${hired}`, `p${approached}`].includes(m[1]!) ? 'on' : null]));

    const res = await expectStatus(
      request(test.app)
        .post(`/documents/${id}/proposals/accept`)
        .type('form')
        .send(proposalsForm(page, { ...keepOnly, [`p${approached}.statement`]: 'Corvane approached three logistics groups.', editor: 'Ana' })),
      303,
    );

    expect(res.headers.location).toBe('/stories/apple-alibaba');
    const timeline = await expectStatus(request(test.app).get('/stories/apple-alibaba'), 200);
    expect(timeline.text).toContain('Corvane approached three logistics groups.');
    expect(timeline.text).toContain('The carrier hired advisers in the fourth quarter last year.');
    const db = await test.store.dump();
    expect(db.relations.at(-1)).toMatchObject({ relation: 'after', quote: 'After that', documentId: id });
    const edited = db.claims.find((claim) => claim.statement === 'Corvane approached three logistics groups.')!;
    const history = await expectStatus(request(test.app).get(`/claims/${edited.id}/history`), 200);
    expect(decode(history.text)).toContain('From a reading of “Corvane Airlines weighs sale of cargo arm”');
    const again = await expectStatus(request(test.app).get(`/documents/${id}/proposals`), 200);
    expect(again.text.match(/name="p\d+\.statement"/g)).toHaveLength(2);
    expect(again.text.match(/Already tracked/g)).toHaveLength(2);
  });

  it('when a kept proposal is wrong, then 422 names the proposal and the field, keeps everything typed, and stores nothing', async () => {
    const test = await readingApp();
    const { id, page } = await savedFromReading(test);
    const before = await test.store.dump();
    const hired = rowOf(page, 'hired advisers');

    const res = await expectStatus(
      request(test.app)
        .post(`/documents/${id}/proposals/accept`)
        .type('form')
        .send(proposalsForm(page, { [`p${hired}.quote`]: 'The carrier hired three banks.', [`p${hired}.statement`]: 'The carrier hired banks.', editor: 'Ana' })),
      422,
    );

    expect(res.text).toContain(`href="#p${hired}.quote"`);
    expect(decode(res.text)).toContain(`Proposal ${hired + 1} (“The carrier hired banks.”): The quote is not in “Corvane Airlines weighs sale of cargo arm”`);
    expect(valueOf(res.text, `p${hired}.statement`)).toBe('The carrier hired banks.');
    expect(valueOf(res.text, 'editor')).toBe('Ana');
    expect(await test.store.dump()).toEqual(before);
  });

  it('when a ticked relation joins a proposal that is not ticked, then the claims are kept without it', async () => {
    const test = await readingApp();
    const { id, page } = await savedFromReading(test);
    const hired = rowOf(page, 'hired advisers');
    const relationsBefore = (await test.store.dump()).relations.length;

    await expectStatus(
      request(test.app)
        .post(`/documents/${id}/proposals/accept`)
        .type('form')
        .send(proposalsForm(page, { [`p${hired}.keep`]: null, 'r0.keep': 'on', editor: 'Ana' })),
      303,
    );

    const db = await test.store.dump();
    expect(db.claims).toHaveLength(13 + 5);
    expect(db.relations).toHaveLength(relationsBefore);
  });

  it('when a kept relation contradicts the dates, then 422 says so at the relation and stores nothing', async () => {
    const test = await readingApp();
    const { id, page } = await savedFromReading(test);
    const before = await test.store.dump();
    const approached = rowOf(page, 'approached three');

    const res = await expectStatus(
      request(test.app)
        .post(`/documents/${id}/proposals/accept`)
        .type('form')
        .send(proposalsForm(page, { [`p${approached}.date`]: '2023', 'r0.relation': 'after', editor: 'Ana' })),
      422,
    );

    expect(res.text).toContain('href="#r0.keep"');
    expect(decode(res.text)).toMatch(/Relation 1: Refused: /);
    expect(valueOf(res.text, `p${approached}.date`)).toBe('2023');
    expect(await test.store.dump()).toEqual(before);
  });

  it('when the document does not exist, then 404', async () => {
    const test = await readingApp();

    await expectStatus(request(test.app).get('/documents/no-such-document/proposals'), 404);
  });
});
