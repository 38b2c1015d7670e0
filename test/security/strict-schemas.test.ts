import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { goodClaim, postForm, securityApp } from './form-helpers.js';

type Body = Record<string, unknown>;

async function apiRefuses(body: Body, field: string) {
  const { app, store } = await securityApp();
  const before = (await store.dump()).claims.length;
  const res = await request(app).post('/api/claims').send(body).expect(422);
  expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  expect((await store.dump()).claims.length).toBe(before);
}

describe('strict schemas', () => {
  it('when a body has a field nobody asked for, then the API and the form answer 422 naming it', async () => {
    await apiRefuses({ ...goodClaim, isAdmin: true }, 'isAdmin');
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const res = await postForm(app, '/claims', { ...goodClaim, isAdmin: 'true' }).expect(422);
    expect(res.text).toContain('unknown field: isAdmin');
    expect((await store.dump()).claims.length).toBe(before);
  });

  it('when text has spaces around it, then it is stored trimmed', async () => {
    const { app, store } = await securityApp();
    const res = await request(app)
      .post('/api/claims')
      .send({ statement: '  \n Padded claim. \t ', date: ' 2024 ', source: '  Reuters  ', verb: ' said ' })
      .expect(201);
    const claim = (await store.dump()).claims.find((c) => c.id === res.body.id);
    expect(claim?.statement).toBe('Padded claim.');
    expect(claim?.attributions[0]?.verb).toBe('said');
    expect((await store.dump()).sources.filter((s) => s.name.trim() !== s.name)).toEqual([]);
  });

  for (const [field, max] of [
    ['statement', 600],
    ['date', 100],
    ['source', 120],
    ['verb', 40],
    ['quote', 2000],
    ['url', 2000],
  ] as const) {
    it(`when ${field} is longer than ${max} characters, then it is refused`, async () => {
      const long = field === 'url' ? `https://example.com/${'a'.repeat(max)}` : 'a'.repeat(max + 1);
      await apiRefuses({ ...goodClaim, [field]: long }, field);
    });
  }

  it('when a list has more than twenty names, then it is refused', async () => {
    await apiRefuses({ ...goodClaim, actors: Array.from({ length: 21 }, (_, i) => `Actor ${i}`) }, 'actors');
  });

  it('when a field has the wrong type, then it is refused rather than coerced', async () => {
    await apiRefuses({ ...goodClaim, statement: 42 }, 'statement');
    await apiRefuses({ ...goodClaim, statement: ['a', 'b'] }, 'statement');
    await apiRefuses({ ...goodClaim, source: { name: 'Reuters' } }, 'source');
    await apiRefuses({ ...goodClaim, actors: [1, 2] }, 'actors');
  });

  for (const url of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '   javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/x',
    '/\\evil.example',
    'https:evil.example',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ]) {
    it(`when the URL is ${JSON.stringify(url)}, then it is refused`, () => apiRefuses({ ...goodClaim, url }, 'url'));
  }

  it('when the URL is http or https, then it is kept', async () => {
    const { app } = await securityApp();
    await request(app).post('/api/claims').send({ ...goodClaim, url: 'HTTPS://Example.com/a?b=c' }).expect(201);
    await request(app).post('/api/claims').send({ ...goodClaim, url: 'http://example.com' }).expect(201);
  });

  it('when sourceId names no source, then it is refused; a new name in source creates the source', async () => {
    const { statement, date } = goodClaim;
    await apiRefuses({ statement, date, sourceId: 'no-such-source' }, 'sourceId');
    const { app, store } = await securityApp();
    const sources = (await store.dump()).sources.length;
    await request(app).post('/api/claims').send({ statement, date, source: 'A Brand New Outlet' }).expect(201);
    expect((await store.dump()).sources.length).toBe(sources + 1);
    expect((await store.dump()).sources.some((s) => s.name === 'A Brand New Outlet')).toBe(true);
    const existing = (await store.dump()).sources[0]!;
    await request(app).post('/api/claims').send({ statement, date, sourceId: existing.id }).expect(201);
    expect((await store.dump()).sources.length).toBe(sources + 1);
  });
});
