import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { crossSiteReason } from '../../src/http/security/same-origin.js';
import { formToken, goodClaim, securityApp } from './form-helpers.js';

const HOST = 'claimline.example';

/** The app as people reach it at http://claimline.example. */
const siteApp = (options: Parameters<typeof securityApp>[0] = {}) => securityApp({ publicUrl: `http://${HOST}`, ...options });

function formPost(app: Parameters<typeof request>[0], headers: Record<string, string>) {
  return request(app).post('/claims').type('form').set('Host', HOST).set(headers).send({ ...goodClaim, _token: formToken() });
}

function apiPost(app: Parameters<typeof request>[0], headers: Record<string, string>) {
  return request(app).post('/api/claims').set('Host', HOST).set(headers).send(goodClaim);
}

describe('cross-site writes are refused', () => {
  const refusedHeaders: Array<Record<string, string>> = [
    { Origin: 'https://evil.example' },
    { Origin: 'null' },
    { Origin: `https://${HOST}` },
    { Origin: `http://${HOST}.evil.example` },
    { 'Sec-Fetch-Site': 'cross-site' },
    { 'Sec-Fetch-Site': 'same-site' },
    { 'Sec-Fetch-Site': 'same-origin', Origin: 'https://evil.example' },
  ];
  for (const headers of refusedHeaders) {
    it(`when a form post arrives with ${JSON.stringify(headers)}, then it gets 403 and the database file is untouched`, async () => {
      const { app, store, dbPath } = await siteApp();
      const before = (await store.dump()).claims.length;
      const bytes = readFileSync(dbPath);
      const res = await formPost(app, headers).expect(403);
      expect(res.text).toContain('sent from another site');
      expect((await store.dump()).claims.length).toBe(before);
      expect(readFileSync(dbPath).equals(bytes)).toBe(true);
    });

    it(`when an API post arrives with ${JSON.stringify(headers)}, then it gets 403 JSON and nothing is stored`, async () => {
      const { app, store } = await siteApp();
      const before = (await store.dump()).claims.length;
      const res = await apiPost(app, headers).expect(403);
      expect(res.body.error).toContain('another site');
      expect((await store.dump()).claims.length).toBe(before);
    });
  }

  for (const method of ['put', 'patch', 'delete'] as const) {
    it(`when a ${method.toUpperCase()} comes from another origin, then it is refused before routing`, async () => {
      const { app } = await siteApp();
      await request(app)[method]('/claims/apple-chose-alibaba').set('Origin', 'https://evil.example').expect(403);
    });
  }

  it('when a page posts to itself (same origin, or typed into the address bar), then the write goes through', async () => {
    const { app, store } = await siteApp();
    const before = (await store.dump()).claims.length;
    await formPost(app, { Origin: `http://${HOST}`, 'Sec-Fetch-Site': 'same-origin' }).expect(303);
    await apiPost(app, { 'Sec-Fetch-Site': 'none' }).expect(201);
    expect((await store.dump()).claims.length).toBe(before + 2);
  });

  it('when a script sends neither header, then the API accepts it but a form post still needs its token', async () => {
    const { app, store } = await siteApp();
    const before = (await store.dump()).claims.length;
    await request(app).post('/api/claims').send(goodClaim).expect(201);
    await request(app).post('/claims').type('form').send(goodClaim).expect(403);
    expect((await store.dump()).claims.length).toBe(before + 1);
  });

  it('when Claimline runs behind an https proxy it is told to trust, then the https origin is its own', async () => {
    const { app } = await siteApp({ trustProxy: true });
    await apiPost(app, { Origin: `https://${HOST}`, 'X-Forwarded-Proto': 'https' }).expect(201);
    await apiPost(app, { Origin: `http://${HOST}`, 'X-Forwarded-Proto': 'https' }).expect(403);
  });

  it('when a cross-site request only reads, then it is answered as usual', async () => {
    const { app } = await siteApp();
    await request(app).get('/').set('Origin', 'https://evil.example').set('Sec-Fetch-Site', 'cross-site').expect(200);
  });
});

describe('a browser that hides its own origin', () => {
  it('may still post from our own pages, which Sec-Fetch-Site vouches for', () => {
    expect(crossSiteReason({ origin: 'null', 'sec-fetch-site': 'same-origin' }, 'http://127.0.0.1:3000')).toBeUndefined();
    expect(crossSiteReason({ origin: 'null', 'sec-fetch-site': 'cross-site' }, 'http://127.0.0.1:3000')).toBe('Sec-Fetch-Site: cross-site');
    expect(crossSiteReason({ origin: 'null' }, 'http://127.0.0.1:3000')).toBe('Origin: null');
  });
});
