import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createArticleReader } from '../../src/reading/article-reader.js';
import { makeApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/forms.js';

const CORVANE = readFileSync(new URL('../fixtures/readings/corvane-cargo.txt', import.meta.url), 'utf8');
const VOLTARIS_PAGE = readFileSync(new URL('../fixtures/pages/voltaris-battery.html', import.meta.url), 'utf8');
const SEEDED = 'af-apple-taps-alibaba';

// One worker for the file: starting one takes a second or two.
const reader = createArticleReader({ timeoutMs: 30_000, proposeTimeoutMs: 30_000 });
afterAll(() => reader.close());

const readingApp = () => makeApp({ reader });

type App = Awaited<ReturnType<typeof readingApp>>;

/** The Corvane story stored as a document of the seeded story, as the reading gave its text. */
async function storedCorvane({ app }: App): Promise<{ id: string; proposals: Array<Record<string, unknown>>; relations: Array<Record<string, unknown>> }> {
  const read = await expectStatus(request(app).post('/api/extract').send({ text: CORVANE, publishedAt: '2025-02-20', publisher: 'Reuters' }), 200);
  const saved = await expectStatus(
    request(app).post('/api/documents').send({ title: read.body.document.title, publisher: 'Reuters', url: 'https://www.reuters.com/business/corvane-cargo-example/', publishedAt: '2025-02-20', credit: read.body.document.credit, text: read.body.document.text }),
    201,
  );
  const proposed = await expectStatus(request(app).post(`/api/documents/${saved.body.id}/proposals`), 200);
  return { id: saved.body.id, proposals: proposed.body.proposals, relations: proposed.body.relations };
}

const statementOf = (list: Array<Record<string, unknown>>, words: string) => {
  const found = list.find((p) => String(p.statement).includes(words));
  if (!found) throw new Error(`no proposal says “${words}”: ${list.map((p) => p.statement).join(' | ')}`);
  return found;
};

describe('POST /api/extract', () => {
  it('when pasted wire copy is sent, then the document’s fields, the proposed claims with their chains and dates, and the order the text gives come back', async () => {
    const { app } = await readingApp();

    const res = await expectStatus(request(app).post('/api/extract').send({ text: CORVANE, publishedAt: '2025-02-20', publisher: 'Harbour Times' }), 200);

    expect(Object.keys(res.body.document).sort()).toEqual(['credit', 'publishedAt', 'publisher', 'text', 'title']);
    expect(res.body.document).toMatchObject({ title: 'Corvane Airlines weighs sale of cargo arm', publisher: 'Harbour Times', publishedAt: '2025-02-20', credit: '(Reporting by Ana Silva; Editing by Tom Reed)' });
    const sale = statementOf(res.body.proposals, 'exploring a sale');
    expect(sale).toMatchObject({ origin: 'two people familiar with the matter', verb: 'said', relays: ['Reuters'], publisher: 'Harbour Times', claimedAt: { value: '2025-02-20', phrase: 'Thursday' }, ownVoice: false, alreadyTracked: false });
    expect(res.body.document.text).toContain(sale.quote);
    expect(statementOf(res.body.proposals, 'hired advisers').date).toEqual({ value: '2024-Q4', phrase: 'the fourth quarter last year' });
    expect(statementOf(res.body.proposals, 'full-year results').date).toEqual({ value: '2025-03-06', phrase: 'March 6' });
    const approached = res.body.proposals.indexOf(statementOf(res.body.proposals, 'approached three'));
    expect(res.body.relations).toContainEqual({ from: approached, relation: 'after', to: approached - 1, quote: 'After that' });
  });

  it('when a saved page is sent as html, then its title, publisher and day come from the page, and nothing is stored', async () => {
    const { app, store } = await readingApp();
    const before = await store.dump();

    const res = await expectStatus(request(app).post('/api/extract').send({ html: VOLTARIS_PAGE }), 200);

    expect(res.body.document.publisher).toBe('Gulf Markets Daily');
    expect(res.body.document.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.proposals.length).toBeGreaterThan(5);
    expect(await store.dump()).toEqual(before);
  });

  it('when the text is the stored document’s, with its URL, then the proposals its claims already quote are marked already tracked', async () => {
    const { app, store } = await readingApp();
    const document = (await store.dump()).documents.find((doc) => doc.id === SEEDED)!;

    const res = await expectStatus(request(app).post('/api/extract').send({ text: document.text, publishedAt: document.publishedAt, url: document.url }), 200);

    expect(res.body.proposals.length).toBeGreaterThanOrEqual(12);
    expect(res.body.proposals.filter((p: { alreadyTracked: boolean }) => p.alreadyTracked).length).toBeGreaterThanOrEqual(12);
  });

  it.each([
    ['a field Claimline does not know', { text: CORVANE, publishedAt: '2025-02-20', byline: 'Ana' }, 'byline', /unknown field/],
    ['text without its publication day', { text: CORVANE }, 'publishedAt', /relative dates are read against it/],
    ['a publication day in the future', { text: CORVANE, publishedAt: '2031-01-01' }, 'publishedAt', /future/],
    ['text that is not text', { text: 42, publishedAt: '2025-02-20' }, 'text', /must be text/],
    ['both text and a page', { text: CORVANE, publishedAt: '2025-02-20', html: VOLTARIS_PAGE }, 'text', /not both/],
    ['neither text nor a page', { publishedAt: '2025-02-20' }, 'text', /Give the article’s text/],
    ['a javascript: URL', { text: CORVANE, publishedAt: '2025-02-20', url: 'javascript:alert(1)' }, 'url', /http/],
    ['empty text', { text: '', publishedAt: '2025-02-20' }, 'text', /empty/],
    ['a list of links rather than an article', { text: 'Home\nMarkets\nTechnology\nSign in\nSubscribe', publishedAt: '2025-02-20' }, 'text', /does not read as an article/],
    ['a page with no article in it', { html: '<html><body><nav><a href="/">Home</a></nav><p>Cookies</p></body></html>' }, 'html', /article/],
  ])('when the body has %s, then 422 names the field and nothing is proposed', async (_name, body, field, message) => {
    const { app } = await readingApp();

    const res = await expectStatus(request(app).post('/api/extract').send(body), 422);

    expect(res.body.proposals).toBeUndefined();
    expect(res.body.errors[0]).toMatchObject({ field });
    expect(res.body.errors[0].message).toMatch(message);
  });

  it('when the body is larger than a saved page may be, then 413 and nothing is read', async () => {
    const { app } = await readingApp();

    const res = await request(app)
      .post('/api/extract')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ html: `<html><body>${'<p>Filler text.</p>'.repeat(200_000)}</body></html>` }));

    expect(res.status).toBe(413);
  });
});

describe('POST /api/documents/:id/proposals', () => {
  it('when the seeded document is read again, then every one of its 13 claims is proposed as already tracked', async () => {
    const { app } = await readingApp();

    const res = await expectStatus(request(app).post(`/api/documents/${SEEDED}/proposals`), 200);

    expect(res.body.document).toMatchObject({ publisher: 'Asia Financial', publishedAt: '2025-02-11' });
    expect(res.body.proposals).toHaveLength(13);
    expect(res.body.proposals.every((p: { alreadyTracked: boolean }) => p.alreadyTracked)).toBe(true);
  });

  it('when the document does not exist, then 404', async () => {
    const { app } = await readingApp();

    await expectStatus(request(app).post('/api/documents/no-such-document/proposals'), 404);
  });
});

describe('POST /api/documents/:id/proposals/accept', () => {
  it('when proposals are kept with a relation, then each is an ordinary claim of the document’s story with a revision from the reading, and the relation is stored', async () => {
    const test = await readingApp();
    const { id, proposals, relations } = await storedCorvane(test);
    const hired = statementOf(proposals, 'hired advisers');
    const approached = statementOf(proposals, 'approached three');
    const relation = relations.find((r) => r.quote === 'After that')!;
    expect(relation).toBeDefined();

    const res = await expectStatus(
      request(test.app).post(`/api/documents/${id}/proposals/accept`).send({ proposals: [hired, { ...approached, statement: 'Corvane approached three logistics groups.' }], relations: [{ from: 1, relation: 'after', to: 0, quote: 'After that' }], editor: 'Ana' }),
      201,
    );

    expect(res.body.claims.map((c: { statement: string }) => c.statement)).toEqual(['The carrier hired advisers in the fourth quarter last year.', 'Corvane approached three logistics groups.']);
    const db = await test.store.dump();
    const [first, second] = (res.body.claims as Array<{ id: string }>).map((c) => db.claims.find((claim) => claim.id === c.id)!);
    expect(first).toMatchObject({ storyId: 'apple-alibaba', date: { value: '2024-Q4', phrase: 'the fourth quarter last year' } });
    expect(first!.attributions.map((a) => [a.sourceId, a.role])).toEqual([
      ['two-people-familiar-with-the-matter', 'origin'],
      ['reuters', 'publisher'],
    ]);
    expect(first!.attributions[0]?.anchor?.exact).toBe(hired.quote);
    expect(db.revisions.filter((r) => r.claimId === first!.id).map((r) => r.reason)).toContain('From a reading of “Corvane Airlines weighs sale of cargo arm”');
    expect(db.relations.at(-1)).toMatchObject({ from: second!.id, relation: 'after', to: first!.id, quote: 'After that', documentId: id });
  });

  it('when some proposals are not kept, then reading the document again does not offer them, and the kept ones come back as already tracked', async () => {
    const test = await readingApp();
    const { id, proposals } = await storedCorvane(test);
    const kept = statementOf(proposals, 'hired advisers');

    await expectStatus(request(test.app).post(`/api/documents/${id}/proposals/accept`).send({ proposals: [kept], editor: 'Ana' }), 201);
    const again = await expectStatus(request(test.app).post(`/api/documents/${id}/proposals`), 200);

    expect(again.body.proposals).toEqual([{ ...kept, alreadyTracked: true }]);
    expect((await test.store.dump()).documents.find((doc) => doc.id === id)?.skippedQuotes).toHaveLength(proposals.length - 1);
  });

  it('when one proposal is wrong, then 422 names it and its field, and nothing is stored', async () => {
    const test = await readingApp();
    const { id, proposals } = await storedCorvane(test);
    const before = await test.store.dump();

    const res = await expectStatus(
      request(test.app)
        .post(`/api/documents/${id}/proposals/accept`)
        .send({ proposals: [proposals[0], { ...proposals[1], quote: 'Corvane sold its cargo arm to a rival.' }, { ...proposals[2], date: null }], editor: 'Ana' }),
      422,
    );

    expect(res.body.errors).toEqual([
      { field: 'proposals[1].quote', message: expect.stringMatching(/^The quote is not in “Corvane Airlines weighs sale of cargo arm”/) },
      { field: 'proposals[2].date', message: expect.stringMatching(/Give the date/) },
    ]);
    expect(await test.store.dump()).toEqual(before);
  });

  it('when a kept relation contradicts the dates, then 422 gives the reason and nothing is stored', async () => {
    const test = await readingApp();
    const { id, proposals } = await storedCorvane(test);
    const before = await test.store.dump();
    const results = statementOf(proposals, 'full-year results');
    const hired = statementOf(proposals, 'hired advisers');

    const res = await expectStatus(
      request(test.app).post(`/api/documents/${id}/proposals/accept`).send({ proposals: [results, hired], relations: [{ from: 0, relation: 'before', to: 1 }], editor: 'Ana' }),
      422,
    );

    expect(res.body.errors[0].field).toBe('relations[0]');
    expect(res.body.errors[0].message).toMatch(/^Refused: /);
    expect(res.body.conflict.claims.map((c: { statement: string }) => c.statement)).toEqual(expect.arrayContaining([results.statement, hired.statement]));
    expect(await test.store.dump()).toEqual(before);
  });

  it.each([
    ['a relation to a proposal not kept', (p: unknown[]) => ({ proposals: p.slice(0, 1), relations: [{ from: 0, relation: 'after', to: 3 }], editor: 'Ana' }), 'relations[0]'],
    ['a relation of a proposal to itself', (p: unknown[]) => ({ proposals: p.slice(0, 1), relations: [{ from: 0, relation: 'after', to: 0 }], editor: 'Ana' }), 'relations[0]'],
    ['a relation of a kind Claimline does not know', (p: unknown[]) => ({ proposals: p.slice(0, 2), relations: [{ from: 0, relation: 'causes', to: 1 }], editor: 'Ana' }), 'relations[0].relation'],
    ['no editor', (p: unknown[]) => ({ proposals: p.slice(0, 1) }), 'editor'],
    ['a field a proposal does not have', (p: unknown[]) => ({ proposals: [{ ...(p[0] as object), confidence: 0.9 }], editor: 'Ana' }), 'proposals[0].confidence'],
    ['proposals that are not a list', () => ({ proposals: 'all', editor: 'Ana' }), 'proposals'],
    ['a statement that is not text', (p: unknown[]) => ({ proposals: [{ ...(p[0] as object), statement: 7 }], editor: 'Ana' }), 'proposals[0].statement'],
    ['an origin longer than a name may be', (p: unknown[]) => ({ proposals: [{ ...(p[0] as object), origin: 'x'.repeat(500) }], editor: 'Ana' }), 'proposals[0].origin'],
  ])('when the body has %s, then 422 names where', async (_name, body, field) => {
    const test = await readingApp();
    const { id, proposals } = await storedCorvane(test);

    const res = await expectStatus(request(test.app).post(`/api/documents/${id}/proposals/accept`).send(body(proposals)), 422);

    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('when the document’s story is archived, then nothing is accepted', async () => {
    const test = await readingApp();
    const { id, proposals } = await storedCorvane(test);
    await expectStatus(request(test.app).post('/api/stories/apple-alibaba/archive').send({ archived: true }), 200);

    const res = await expectStatus(request(test.app).post(`/api/documents/${id}/proposals/accept`).send({ proposals: proposals.slice(0, 1), editor: 'Ana' }), 422);

    expect(res.body.errors[0]).toMatchObject({ field: 'story', message: expect.stringMatching(/archived/) });
  });

  it('when the document does not exist, then 404', async () => {
    const { app } = await readingApp();

    await expectStatus(request(app).post('/api/documents/no-such-document/proposals/accept').send({ proposals: [], editor: 'Ana' }), 404);
  });
});
