import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { formToken, goodClaim, postForm, securityApp } from './form-helpers.js';

describe('request limits', () => {
  it('when a body is over the limit, then the form and the API answer 413 and nothing is stored', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const huge = 'x'.repeat(200_000);
    const form = await postForm(app, '/claims', { ...goodClaim, quote: huge }).expect(413);
    expect(form.text).toContain('The submission is too large.');
    const api = await request(app).post('/api/claims').send({ ...goodClaim, quote: huge }).expect(413);
    expect(api.body.error).toBe('The submission is too large.');
    expect((await store.dump()).claims.length).toBe(before);
  });

  it('when a form has more than a hundred fields, then it gets 413 and nothing is stored', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, 'x']));
    const res = await postForm(app, '/claims', { ...goodClaim, ...many }).expect(413);
    expect(res.text).toContain('The form has too many fields.');
    expect((await store.dump()).claims.length).toBe(before);
  });

  it('when field names use brackets, then they stay flat keys and are refused as unknown, not turned into objects', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const body = `statement%5Btext%5D=x&date=2024&source=Reuters&a%5Bb%5D=1&_token=${encodeURIComponent(formToken())}`;
    const res = await request(app).post('/claims').type('form').send(body).expect(422);
    expect(res.text).toMatch(/unknown fields?: [^<]*statement\[text\]/);
    expect(res.text).toContain('a[b]');
    expect((await store.dump()).claims.length).toBe(before);
  });

  it('when a query string uses brackets, then the keys stay flat and no filter is built from them', async () => {
    const { app } = await securityApp();
    const plain = await request(app).get('/api/claims').expect(200);
    const bracketed = await request(app).get('/api/claims?source%5B%24ne%5D=x&q%5Blength%5D=1').expect(200);
    expect(bracketed.body.total).toBe(plain.body.total);
  });
});

describe('the per-client write limit', () => {
  it('when a client writes more than its limit in a minute, then it gets 429 with Retry-After, reads still work, and the next minute it may write again', async () => {
    let now = new Date('2025-03-01T12:00:00Z');
    const { app, store } = await securityApp({ writeLimitPerMinute: 3, now: () => now });
    const before = (await store.dump()).claims.length;
    for (let i = 0; i < 3; i++) await request(app).post('/api/claims').send(goodClaim).expect(201);
    const limited = await request(app).post('/api/claims').send(goodClaim).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body.error).toContain('Too many changes');
    const form = await postForm(app, '/claims', goodClaim).expect(429);
    expect(form.text).toContain('Too many changes');
    await request(app).get('/').expect(200);
    expect((await store.dump()).claims.length).toBe(before + 3);
    now = new Date('2025-03-01T12:01:00Z');
    await request(app).post('/api/claims').send(goodClaim).expect(201);
  });

  it('when two clients write, then each has its own allowance', async () => {
    const { app } = await securityApp({ writeLimitPerMinute: 1, trustProxy: true });
    await request(app).post('/api/claims').set('X-Forwarded-For', '198.51.100.1').send(goodClaim).expect(201);
    await request(app).post('/api/claims').set('X-Forwarded-For', '198.51.100.1').send(goodClaim).expect(429);
    await request(app).post('/api/claims').set('X-Forwarded-For', '198.51.100.2').send(goodClaim).expect(201);
  });

  it('when no limit is given, then a client gets 120 writes a minute', async () => {
    const { app } = await securityApp();
    for (let i = 0; i < 120; i++) await request(app).post('/api/claims').send({}).expect(422);
    await request(app).post('/api/claims').send({}).expect(429);
  });

  it('when the limit is 0, then writes are never limited', async () => {
    const { app } = await securityApp({ writeLimitPerMinute: 0 });
    for (let i = 0; i < 130; i++) await request(app).post('/api/claims').send({}).expect(422);
  });
});
