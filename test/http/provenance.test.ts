import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/domain/revisions.js';
import { reanchor } from '../../src/domain/anchor.js';
import { makeApp } from '../helpers/app.js';
import { expectStatus, formToken, submitForm } from '../helpers/forms.js';

const DOC = 'af-apple-taps-alibaba';

describe('documents', () => {
  it('show the seeded article with every quoted passage highlighted and linked to its claim', async () => {
    const { app, store } = await makeApp();
    const res = await request(app).get(`/documents/${DOC}`).expect(200);
    expect(res.text).toMatch(/<mark><a href="\/claims\/apple-passed-on-deepseek"[^>]*>it passed on Deepseek/);
    expect(res.text).toContain('Claims quoted from it (13)');
    const doc = (await store.dump()).documents[0];
    for (const claim of (await store.dump()).claims) {
      for (const a of claim.attributions.filter((x) => x.quote && x.documentId)) {
        expect(a.anchor, `${claim.id} is anchored`).toBeDefined();
        expect(reanchor(doc?.text ?? '', a.anchor!), `${claim.id} re-anchors`).not.toBeNull();
      }
    }
  });

  it('can be added with their text, then cited by a claim whose quote is checked against it', async () => {
    const { app, store } = await makeApp();
    const added = await expectStatus(
      submitForm(app, '/documents/new', '/documents', {
        title: 'Alibaba confirms Apple deal',
        publisher: 'Reuters',
        url: 'https://example.com/alibaba-confirms',
        publishedAt: '2025-02-13',
        text: 'Alibaba Chairman Joe Tsai confirmed on Thursday that the company is partnering with Apple.\n\nMore text.',
      }),
      303,
    );
    const id = added.headers.location?.split('/').pop() ?? '';
    const list = await request(app).get('/documents').expect(200);
    expect(list.text).toContain('Alibaba confirms Apple deal');
    const cited = await request(app)
      .post('/api/claims')
      .send({ statement: 'Alibaba confirmed the deal.', date: 'yesterday', source: 'Joe Tsai', document: id, quote: 'confirmed on Thursday that the company is partnering with Apple' })
      .expect(201);
    expect(cited.body.date.value).toBe('2025-02-12');
    expect(cited.body.attributions.map((a: { role: string; source: { name: string } }) => `${a.role}:${a.source.name}`)).toEqual(['origin:Joe Tsai', 'publisher:Reuters']);
    const refused = await request(app).post('/api/claims').send({ statement: 's', date: '2025', source: 'x', document: id, quote: 'denied on Friday' }).expect(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'quote' });
    expect(refused.body.errors[0].message).toContain('is not in “Alibaba confirms Apple deal”');
    expect((await store.dump()).documents).toHaveLength(2);
    const api = await request(app).get(`/api/documents/${id}`).expect(200);
    expect(api.body.anchors).toHaveLength(1);
  });

  it('refuse a document without text, with a future date or a non-web URL, keeping what was typed', async () => {
    const { app, store } = await makeApp();
    const res = await expectStatus(
      submitForm(app, '/documents/new', '/documents', { title: 'T', publisher: 'P', url: 'javascript:alert(1)', publishedAt: '2030-01-01', text: '' }),
      422,
    );
    expect(res.text).toContain('value="T"');
    expect(res.text).toMatch(/id="url-error"/);
    expect((await store.dump()).documents).toHaveLength(1);
  });
});

describe('a claim’s provenance', () => {
  it('reads as a chain with every link and counts independent origins', async () => {
    const { app } = await makeApp();
    const page = await request(app).get('/claims/apple-selected-baidu').expect(200);
    expect(page.text).toMatch(/The Information<\/a> reported → <a href="\/sources\/reuters">Reuters<\/a> relayed → <a href="\/sources\/asia-financial">Asia Financial<\/a> published \(with additional editing\)/);
    const json = await request(app).get('/api/claims/ai-features-submitted-to-regulator').expect(200);
    expect(json.body.chain).toBe('according to The Information → Reuters relayed → Asia Financial published (with additional editing)');
    expect(json.body.corroboration).toEqual({ count: 1, level: 'single', origins: [{ id: 'the-information', name: 'The Information' }] });
  });

  it('links the Baidu selection and the Alibaba choice both ways', async () => {
    const { app } = await makeApp();
    const baidu = await request(app).get('/claims/apple-selected-baidu').expect(200);
    expect(baidu.text).toContain('This claim was superseded by <a href="/claims/apple-chose-alibaba">');
    const alibaba = await request(app).get('/claims/apple-chose-alibaba').expect(200);
    expect(alibaba.text).toMatch(/Supersedes<\/h2>\s*<ul><li><a href="\/claims\/apple-selected-baidu">/);
    const timeline = await request(app).get('/stories/apple-alibaba').expect(200);
    expect(timeline.text).toMatch(/claim claim--superseded[\s\S]*?apple-selected-baidu/);
    expect(timeline.text).toMatch(/<a class="replacement-link" href="\/claims\/apple-chose-alibaba">\s*<title>Replaced by: Apple decided to go with Alibaba/);
  });
});

describe('status over time', () => {
  it('records a change with its day and source, shows the history and counts it on the source page', async () => {
    const { app } = await makeApp();
    await expectStatus(
      submitForm(app, '/claims/apple-chose-alibaba/status', '/claims/apple-chose-alibaba/status', { status: 'confirmed', on: '2025-02-13', source: 'Alibaba', note: 'Joe Tsai confirmed it', editor: 'Ana' }),
      303,
    );
    const page = await request(app).get('/claims/apple-chose-alibaba').expect(200);
    expect(page.text).toMatch(/status--confirmed">confirmed<\/span> on 13 February 2025, per <a href="\/sources\/alibaba">Alibaba<\/a> — Joe Tsai confirmed it/);
    const source = await request(app).get('/sources/the-information').expect(200);
    expect(source.text).toMatch(/status--confirmed">confirmed<\/span> 1/);
    expect(source.text).toMatch(/status--superseded">superseded<\/span> 1/);
  });

  it('marks a claim superseded by another and links the replacement back', async () => {
    const { app, store } = await makeApp();
    await request(app).post('/api/claims/apple-partnering-with-alibaba/status').send({ status: 'superseded', on: '2025-02-13', supersededBy: 'apple-chose-alibaba', editor: 'Ana' }).expect(200);
    expect((await store.dump()).claims.find((c) => c.id === 'apple-chose-alibaba')?.supersedes).toContain('apple-partnering-with-alibaba');
    const refused = await request(app).post('/api/claims/apple-back-in-top-five/status').send({ status: 'confirmed', on: '2030-01-01', editor: 'Ana' }).expect(422);
    expect(refused.body.errors[0].field).toBe('on');
  });
});

describe('edits with history', () => {
  it('keeps every change as a revision that replays to the current claim', async () => {
    const { app, store } = await makeApp();
    const first = structuredClone((await store.dump()).claims.find((c) => c.id === 'apple-back-in-top-five'));
    const token = await formToken(app, '/claims/apple-back-in-top-five/edit');
    const edit = await request(app).get('/claims/apple-back-in-top-five/edit').expect(200);
    expect(edit.text).toContain('value="the third quarter"');
    await request(app)
      .post('/claims/apple-back-in-top-five')
      .type('form')
      .send({ _token: token, statement: 'Apple returned to China’s top five smartphone vendors.', date: 'the third quarter', dateReference: '2025-02-11', claimedAt: '2025-02-11', source: 'Reuters', verb: 'reported', document: DOC, quote: 'before recovering in the third quarter', actors: 'Apple', topics: 'Smartphone market', editor: 'Ana', reason: 'clearer wording', revision: '1' })
      .expect(303);
    await request(app)
      .post('/api/claims/apple-back-in-top-five')
      .send({ statement: 'Apple returned to China’s top five smartphone vendors.', date: '2024-Q3', source: 'Reuters', actors: ['Apple', 'Huawei'], editor: 'Bo', revision: 2, document: DOC, quote: 'before recovering in the third quarter' })
      .expect(200);
    const history = await request(app).get('/claims/apple-back-in-top-five/history').expect(200);
    expect(history.text).toContain('Revision 2');
    expect(history.text).toContain('by Ana');
    expect(history.text).toContain('clearer wording');
    expect(history.text).toMatch(/statement<\/th><td><del>Apple recovered its place/);
    const revisions = (await request(app).get('/api/claims/apple-back-in-top-five/revisions').expect(200)).body.revisions;
    expect(revisions.map((r: { editor: string }) => r.editor)).toEqual(['Ana', 'Bo']);
    const current = (await store.dump()).claims.find((c) => c.id === 'apple-back-in-top-five');
    expect(replay(first!, revisions)).toEqual(current);
  });

  it('answers a stale edit with 409, both versions shown, and saves nothing', async () => {
    const { app, store } = await makeApp();
    await request(app).post('/api/claims/apple-back-in-top-five').send({ statement: 'First editor’s words.', date: '2024-Q3', source: 'Reuters', editor: 'Ana', revision: 1 }).expect(200);
    const token = await formToken(app, '/claims/apple-back-in-top-five/edit');
    const stale = await request(app)
      .post('/claims/apple-back-in-top-five')
      .type('form')
      .send({ _token: token, statement: 'Second editor’s words.', date: '2024-Q3', source: 'Reuters', editor: 'Bo', revision: '1' })
      .expect(409);
    expect(stale.text).toContain('Someone else saved this claim (revision 2)');
    expect(stale.text).toContain('First editor’s words.');
    expect(stale.text).toContain('Second editor’s words.');
    expect((await store.dump()).claims.find((c) => c.id === 'apple-back-in-top-five')?.statement).toBe('First editor’s words.');
    const api = await request(app).post('/api/claims/apple-back-in-top-five').send({ statement: 'Third.', date: '2024-Q3', source: 'Reuters', editor: 'Cy', revision: 1 }).expect(409);
    expect(api.body.current.revision).toBe(2);
  });

  it('answers edits of unknown claims with 404', async () => {
    const { app } = await makeApp();
    await request(app).get('/claims/nope/edit').expect(404);
    await request(app).get('/claims/nope/history').expect(404);
    await request(app).post('/api/claims/nope').send({}).expect(404);
  });
});
