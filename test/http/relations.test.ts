import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { expectStatus, submitForm } from '../helpers/forms.js';

const DOC = 'af-apple-taps-alibaba';

describe('the seeded story in order', () => {
  it('lists the timeline in the order the article tells it, the second-quarter fall before the third-quarter recovery', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/api/claims').expect(200);
    const ids = res.body.claims.map((claim: { id: string }) => claim.id);
    expect(ids).toEqual([
      'huawei-ai-phones-since-2024',
      'apple-searching-for-local-partner',
      'apple-selected-baidu',
      'baidu-fell-short',
      'apple-considered-other-models',
      'apple-passed-on-deepseek',
      'apple-chose-alibaba',
      'ai-features-submitted-to-regulator',
      'apple-fell-out-of-top-five',
      'apple-back-in-top-five',
      'iphone-sales-dipped-holiday-quarter',
      'apple-forecast-growth',
      'apple-partnering-with-alibaba',
    ]);
    const reversed = await request(app).get('/api/claims?order=desc').expect(200);
    expect(reversed.body.claims.map((claim: { id: string }) => claim.id)).toEqual([...ids].reverse());
  });

  it('lists the page in the same order', async () => {
    const { app } = await makeApp();
    const page = (await request(app).get('/stories/apple-alibaba').expect(200)).text;
    const list = page.slice(page.indexOf('id="claim-list"'));
    const at = (id: string) => list.indexOf(`href="/claims/${id}"`);
    expect(at('apple-selected-baidu')).toBeLessThan(at('baidu-fell-short'));
    expect(at('baidu-fell-short')).toBeLessThan(at('apple-considered-other-models'));
    expect(at('apple-considered-other-models')).toBeLessThan(at('apple-passed-on-deepseek'));
    expect(at('apple-passed-on-deepseek')).toBeLessThan(at('apple-chose-alibaba'));
    expect(at('apple-fell-out-of-top-five')).toBeLessThan(at('apple-back-in-top-five'));
  });

  it('shows a relation on both claims’ pages with the words that say so', async () => {
    const { app } = await makeApp();
    const later = (await request(app).get('/claims/apple-considered-other-models').expect(200)).text;
    expect(later).toContain('This happened after <a href="/claims/baidu-fell-short">');
    expect(later).toContain('After that, Apple considered');
    const earlier = (await request(app).get('/claims/baidu-fell-short').expect(200)).text;
    expect(earlier).toContain('This happened before <a href="/claims/apple-considered-other-models">');
  });

  it('shows the date relations imply beside the claimed one, without changing it', async () => {
    const { app } = await makeApp();
    const page = (await request(app).get('/claims/ai-features-submitted-to-regulator').expect(200)).text;
    expect(page).toContain('From its relations: by 11 February 2025 · after “Apple chooses Alibaba”, so not before 2024.');
    const json = (await request(app).get('/api/claims/ai-features-submitted-to-regulator').expect(200)).body;
    expect(json.date.value).toBe('../2025-02-11');
    expect(json.derived).toMatchObject({ start: '2024-01-01', end: '2025-02-11' });
    expect(json.relations).toEqual([{ id: 'submitted-after-choice', relation: 'after', claim: 'apple-chose-alibaba', quote: 'Apple and Alibaba have submitted' }]);
  });
});

describe('POST /api/claims/:id/relations', () => {
  it('stores a relation, seen the other way round from the other claim, recorded in both histories', async () => {
    const { app } = await makeApp();
    const res = await expectStatus(
      request(app).post('/api/claims/apple-forecast-growth/relations').send({ relation: 'after', claim: 'iphone-sales-dipped-holiday-quarter', quote: 'The company has forecast strong sales growth', document: DOC, editor: 'desk' }),
      201,
    );
    expect(res.body.relation).toMatchObject({ from: 'apple-forecast-growth', relation: 'after', to: 'iphone-sales-dipped-holiday-quarter', documentId: DOC });
    const other = (await request(app).get('/api/claims/iphone-sales-dipped-holiday-quarter').expect(200)).body;
    expect(other.relations).toContainEqual({ id: res.body.relation.id, relation: 'before', claim: 'apple-forecast-growth', quote: 'The company has forecast strong sales growth' });
    expect(other.revision).toBe(2);
    const revisions = (await request(app).get('/api/claims/apple-forecast-growth/revisions').expect(200)).body.revisions;
    expect(revisions.at(-1)).toMatchObject({ editor: 'desk', changes: [{ field: 'relations', to: { relation: 'after', claim: 'iphone-sales-dipped-holiday-quarter' } }] });
    const history = (await request(app).get('/claims/iphone-sales-dipped-holiday-quarter/history').expect(200)).text;
    expect(history).toContain('This happened before “Apple has forecast strong sales growth for the January–March 2025 quarter.” (“The company has forecast strong sales growth”)');
  });

  it('refuses a relation that contradicts the dates, naming both claims, their dates and the relation, and stores nothing', async () => {
    const { app, store } = await makeApp();
    const res = await expectStatus(
      request(app).post('/api/claims/apple-fell-out-of-top-five/relations').send({ relation: 'after', claim: 'apple-forecast-growth', editor: 'desk' }),
      422,
    );
    expect(res.body.errors[0].field).toBe('claim');
    expect(res.body.errors[0].message).toContain('“Apple drops out of the top five” (Q2 2024) cannot be after “Apple forecasts growth” (Q1 2025)');
    expect(res.body.errors[0].message).toContain('starts on 1 January 2025');
    expect(res.body.conflict.claims.map((c: { id: string }) => c.id).sort()).toEqual(['apple-fell-out-of-top-five', 'apple-forecast-growth']);
    expect((await store.dump()).relations).toHaveLength(7);
  });

  it('refuses a relation that closes a loop, naming the chain', async () => {
    const { app, store } = await makeApp();
    const res = await expectStatus(
      request(app).post('/api/claims/apple-selected-baidu/relations').send({ relation: 'after', claim: 'apple-passed-on-deepseek', editor: 'desk' }),
      422,
    );
    const message: string = res.body.errors[0].message;
    expect(message).toContain('go round in a loop');
    for (const name of ['Apple picks Baidu', 'Baidu falls short', 'Apple weighs other models', 'Apple passes on DeepSeek']) expect(message).toContain(name);
    expect(res.body.conflict.relations.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['baidu-short-after-pick', 'others-weighed-after-baidu', 'deepseek-passed-after-weighing']));
    expect((await store.dump()).relations).toHaveLength(7);
  });

  it.each([
    ['an unknown claim', { relation: 'after', claim: 'nope', editor: 'desk' }, 'claim', 'There is no claim with id “nope”'],
    ['the claim itself', { relation: 'after', claim: 'apple-forecast-growth', editor: 'desk' }, 'claim', 'cannot be related to itself'],
    ['a pair already related', { relation: 'before', claim: 'apple-back-in-top-five', editor: 'desk', on: 'x' }, 'on', 'unknown field'],
    ['an unknown relation', { relation: 'sometime', claim: 'apple-back-in-top-five', editor: 'desk' }, 'relation', 'Choose how the two events stand'],
    ['no editor', { relation: 'after', claim: 'apple-back-in-top-five' }, 'editor', 'Say who is recording this relation'],
    ['words not in the document', { relation: 'after', claim: 'apple-back-in-top-five', quote: 'Later still', document: DOC, editor: 'desk' }, 'quote', 'not in “Apple Taps Alibaba'],
  ])('refuses %s with 422 naming the field', async (_what, body, field, message) => {
    const { app, store } = await makeApp();
    const res = await expectStatus(request(app).post('/api/claims/apple-forecast-growth/relations').send(body), 422);
    expect(res.body.errors).toContainEqual({ field, message: expect.stringContaining(message) });
    expect((await store.dump()).relations).toHaveLength(7);
  });

  it('refuses a second relation between the same two claims', async () => {
    const { app } = await makeApp();
    const res = await expectStatus(
      request(app).post('/api/claims/apple-back-in-top-five/relations').send({ relation: 'after', claim: 'apple-fell-out-of-top-five', editor: 'desk' }),
      422,
    );
    expect(res.body.errors[0]).toMatchObject({ field: 'claim', message: expect.stringContaining('already related') });
  });

  it('answers an unknown claim in the path with 404', async () => {
    const { app } = await makeApp();
    await request(app).post('/api/claims/nope/relations').send({ relation: 'after', claim: 'apple-forecast-growth', editor: 'desk' }).expect(404);
  });
});

describe('DELETE /api/claims/:id/relations/:relationId', () => {
  it('removes the relation from both claims, as a revision, and the order and derived dates follow', async () => {
    const { app, store } = await makeApp();
    await request(app).delete('/api/claims/ai-features-submitted-to-regulator/relations/submitted-after-choice').send({ editor: 'desk', reason: 'not in the text' }).expect(204);
    expect((await store.dump()).relations.map((r) => r.id)).not.toContain('submitted-after-choice');
    const claim = (await request(app).get('/api/claims/ai-features-submitted-to-regulator').expect(200)).body;
    expect(claim.relations).toEqual([]);
    expect(claim.derived).toBeUndefined();
    const ids = (await request(app).get('/api/claims').expect(200)).body.claims.map((c: { id: string }) => c.id);
    expect(ids.indexOf('ai-features-submitted-to-regulator')).toBeGreaterThan(ids.indexOf('apple-forecast-growth'));
    const revisions = (await request(app).get('/api/claims/apple-chose-alibaba/revisions').expect(200)).body.revisions;
    expect(revisions.at(-1)).toMatchObject({ editor: 'desk', reason: 'not in the text', changes: [{ field: 'relations', from: { relation: 'before', claim: 'ai-features-submitted-to-regulator' } }] });
  });

  it('answers a relation the claim does not have with 404 and removes nothing', async () => {
    const { app, store } = await makeApp();
    await request(app).delete('/api/claims/apple-forecast-growth/relations/submitted-after-choice').send({ editor: 'desk' }).expect(404);
    expect((await store.dump()).relations).toHaveLength(7);
  });

  it('asks who removes it', async () => {
    const { app } = await makeApp();
    const res = await request(app).delete('/api/claims/ai-features-submitted-to-regulator/relations/submitted-after-choice').expect(422);
    expect(res.body.errors).toEqual([{ field: 'editor', message: 'Say who is removing this relation' }]);
  });
});

describe('editing a related claim’s date', () => {
  it('refuses a date its relations contradict, naming them, and stores nothing', async () => {
    const { app, store } = await makeApp();
    const claim = (await request(app).get('/api/claims/apple-back-in-top-five').expect(200)).body;
    const res = await expectStatus(
      request(app).post('/api/claims/apple-back-in-top-five').send({ statement: claim.statement, shortName: claim.shortName, date: '2024-Q1', source: 'Reuters', editor: 'desk', revision: claim.revision }),
      422,
    );
    expect(res.body.errors[0]).toMatchObject({ field: 'date', message: expect.stringContaining('“Apple drops out of the top five” (Q2 2024) cannot be before “Apple back in the top five” (Q1 2024)') });
    expect((await store.dump()).claims.find((c) => c.id === 'apple-back-in-top-five')?.date.value).toBe('2024-Q3');
  });

  it('moves derived dates when a related date changes', async () => {
    const { app } = await makeApp();
    const chose = (await request(app).get('/api/claims/apple-chose-alibaba').expect(200)).body;
    await expectStatus(
      request(app).post('/api/claims/apple-chose-alibaba').send({ statement: chose.statement, shortName: chose.shortName, date: '2024-Q4/2025-02-11', source: 'The Information', editor: 'desk', revision: chose.revision }),
      200,
    );
    const submitted = (await request(app).get('/api/claims/ai-features-submitted-to-regulator').expect(200)).body;
    expect(submitted.derived).toMatchObject({ start: '2024-10-01', description: 'by 11 February 2025 · after “Apple chooses Alibaba”, so not before Q4 2024' });
  });
});

describe('the relation pages', () => {
  it('adds a relation through the form and lands on the claim, which shows it', async () => {
    const { app } = await makeApp();
    const form = '/claims/apple-forecast-growth/relations/new';
    const page = (await request(app).get(form).expect(200)).text;
    expect(page).toContain('<option value="iphone-sales-dipped-holiday-quarter">');
    const res = await expectStatus(submitForm(app, form, '/claims/apple-forecast-growth/relations', { relation: 'after', claim: 'iphone-sales-dipped-holiday-quarter', quote: '', document: DOC, editor: 'desk' }), 303);
    expect(res.headers.location).toBe('/claims/apple-forecast-growth#relations');
    const claim = (await request(app).get('/claims/apple-forecast-growth').expect(200)).text;
    expect(claim).toContain('This happened after <a href="/claims/iphone-sales-dipped-holiday-quarter">');
  });

  it('brings the form back with 422, the message beside the field and what was typed', async () => {
    const { app } = await makeApp();
    const form = '/claims/apple-fell-out-of-top-five/relations/new';
    const res = await expectStatus(submitForm(app, form, '/claims/apple-fell-out-of-top-five/relations', { relation: 'after', claim: 'apple-forecast-growth', quote: 'the third quarter', document: DOC, editor: 'desk' }), 422);
    expect(res.text).toContain('cannot be after “Apple forecasts growth” (Q1 2025)');
    expect(res.text).toContain('value="the third quarter"');
    expect(res.text).toMatch(/<option value="apple-forecast-growth" selected>/);
  });

  it('narrows the choice of claims by their words', async () => {
    const { app } = await makeApp();
    const page = (await request(app).get('/claims/apple-forecast-growth/relations/new?q=deepseek').expect(200)).text;
    expect(page).toContain('<option value="apple-passed-on-deepseek">');
    expect(page).not.toContain('<option value="apple-selected-baidu">');
  });

  it('removes a relation from the claim page, after asking', async () => {
    const { app, store } = await makeApp();
    const claim = (await request(app).get('/claims/apple-back-in-top-five').expect(200)).text;
    const page = '/claims/apple-back-in-top-five/relations/fell-out-before-recovery/remove';
    expect(claim).toContain(`href="${page}"`);
    const confirm = (await request(app).get(page).expect(200)).text;
    expect(confirm).toContain('This happened after “Apple briefly fell out of China’s top five smartphone vendors.”');
    const res = await expectStatus(submitForm(app, page, '/claims/apple-back-in-top-five/relations/fell-out-before-recovery/delete', { editor: 'desk' }), 303);
    expect(res.headers.location).toBe('/claims/apple-back-in-top-five#relations');
    expect((await store.dump()).relations.map((r) => r.id)).not.toContain('fell-out-before-recovery');
  });

  it('answers unknown claims and relations with real 404 pages', async () => {
    const { app } = await makeApp();
    await request(app).get('/claims/nope/relations/new').expect(404);
    await request(app).get('/claims/apple-back-in-top-five/relations/nope/remove').expect(404);
    await request(app).get('/claims/apple-forecast-growth/relations/fell-out-before-recovery/remove').expect(404);
    const res = await submitForm(app, '/claims/apple-back-in-top-five/relations/new', '/claims/apple-back-in-top-five/relations/nope/delete', { editor: 'desk' });
    expect(res.status).toBe(404);
    expect(res.text).toContain('Not found');
  });
});
