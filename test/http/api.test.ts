import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';

describe('the JSON API', () => {
  it('lists claims with the timeline filters, paginated as { claims, page, pages, total }', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/api/claims?limit=5&page=2').expect(200);
    expect(res.body).toMatchObject({ page: 2, pages: 3, total: 13 });
    expect(res.body.claims).toHaveLength(5);
    const filtered = await request(app).get('/api/claims?actor=deepseek').expect(200);
    expect(filtered.body.total).toBe(2);
  });

  it('defaults to 50 claims a page and refuses more than 200', async () => {
    const { app } = await makeApp();
    await request(app).get('/api/claims?limit=201').expect(400);
    const res = await request(app).get('/api/claims').expect(200);
    expect(res.body.pages).toBe(1);
  });

  it('gives each claim its date with precision, span and label, and attributions naming their source', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/api/claims/iphone-sales-dipped-holiday-quarter').expect(200);
    expect(res.body.date).toMatchObject({ value: '2024-Q4', precision: 'quarter', start: '2024-10-01', end: '2024-12-31', label: 'Q4 2024' });
    expect(res.body.attributions[0]).toMatchObject({ role: 'origin', verb: 'reported', source: { id: 'reuters', name: 'Reuters' } });
  });

  it('creates a claim with 201 and a Location, or answers 422 with the fields at fault', async () => {
    const { app, store } = await makeApp();
    const created = await request(app)
      .post('/api/claims')
      .send({ statement: 'Alibaba confirmed the deal.', date: '2025-02-13', source: 'Alibaba', actors: ['Alibaba', 'Apple'] })
      .expect(201);
    expect(created.headers.location).toBe('/api/claims/test-1');
    expect(created.body.attributions[0].source).toEqual({ id: 'alibaba', name: 'Alibaba' });
    await request(app).get('/api/claims/test-1').expect(200);
    const refused = await request(app).post('/api/claims').send({ statement: 'x', date: '2024-Q0', source: 'Reuters', extra: 1 }).expect(422);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', message: 'unknown field: extra' },
        expect.objectContaining({ field: 'date' }),
      ]),
    );
    expect((await store.dump()).claims).toHaveLength(14);
  });

  it('lists sources with their counts and shows one source’s claims by role', async () => {
    const { app } = await makeApp();
    const list = await request(app).get('/api/sources').expect(200);
    expect(list.body.sources.find((s: { id: string }) => s.id === 'reuters').counts).toEqual({ origin: 4, relay: 9, publisher: 0 });
    const one = await request(app).get('/api/sources/the-information').expect(200);
    expect(one.body.originated).toHaveLength(8);
    expect(one.body.relayed).toHaveLength(0);
  });

  it('answers unknown ids and paths with JSON 404s', async () => {
    const { app } = await makeApp();
    expect((await request(app).get('/api/claims/nope').expect(404)).body.error).toContain('no claim');
    await request(app).get('/api/sources/nope').expect(404);
    await request(app).get('/api/nothing-here').expect(404);
  });
});
