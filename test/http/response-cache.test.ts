import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';

describe('cached pages', () => {
  it('serve the same page again until a write, then show the write at once', async () => {
    const { app, store } = await makeApp();
    const first = await request(app).get('/stories/apple-alibaba').expect(200);
    const again = await request(app).get('/stories/apple-alibaba').expect(200);
    expect(again.text).toBe(first.text);
    const version = store.version;
    await request(app).post('/api/claims').send({ statement: 'A fresh claim after caching.', date: '2024-Q3', source: 'Reuters' }).expect(201);
    expect(store.version).toBeGreaterThan(version);
    const after = await request(app).get('/stories/apple-alibaba').expect(200);
    expect(after.text).toContain('A fresh claim after caching.');
    expect(after.text).toContain('14 claims');
  });

  it('answer a repeated request carrying the ETag with 304 and no body', async () => {
    const { app } = await makeApp();
    const first = await request(app).get('/claims/apple-chose-alibaba').expect(200);
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const cached = await request(app).get('/claims/apple-chose-alibaba').set('If-None-Match', etag ?? '').expect(304);
    expect(cached.text).toBe('');
    const api = await request(app).get('/api/claims?page=1').expect(200);
    await request(app).get('/api/claims?page=1').set('If-None-Match', api.headers.etag ?? '').expect(304);
  });

  it('never hand one visitor’s form token to another', async () => {
    const { app } = await makeApp();
    const token = (text: string) => /name="_token" value="([^"]+)"/.exec(text)?.[1];
    const one = await request(app).get('/claims/new').expect(200);
    const two = await request(app).get('/claims/new').expect(200);
    expect(token(one.text)).toBeTruthy();
    expect(token(one.text)).not.toBe(token(two.text));
  });

  it('keep the security headers on a cached page', async () => {
    const { app } = await makeApp();
    await request(app).get('/sources').expect(200);
    const cached = await request(app).get('/sources').expect(200);
    expect(cached.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(cached.headers['content-type']).toMatch(/text\/html/);
  });

  it('leave downloads to be made afresh with their own headers', async () => {
    const { app } = await makeApp();
    await request(app).get('/stories/apple-alibaba/export.csv').expect(200);
    const again = await request(app).get('/stories/apple-alibaba/export.csv').expect(200);
    expect(again.headers['content-disposition']).toMatch(/attachment/);
  });
});
