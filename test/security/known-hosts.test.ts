import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { formToken, goodClaim, securityApp } from './form-helpers.js';

const PUBLIC_URL = 'https://claims.example.org';

/** Where a claim page's JSON-LD says the claim lives. */
function jsonLdIds(html: string): string[] {
  const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}';
  return [...script.matchAll(/"(?:@id|url)":"([^"]+)"/g)].map((match) => match[1]!);
}

describe('only our own host names are answered (DNS rebinding)', () => {
  it('when a page on another site has its name pointed at this machine and posts a form with a valid token, then it gets 421 and nothing is stored', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const res = await request(app)
      .post('/claims')
      .type('form')
      .set('Host', 'evil.example:3000')
      .set('Origin', 'http://evil.example:3000')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ ...goodClaim, _token: formToken() })
      .expect(421);
    expect(res.text).toContain('Nothing was read or stored');
    expect((await store.dump()).claims.length).toBe(before);
  });

  it('when such a page posts to the API or reads it, then it gets 421 JSON', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const write = await request(app).post('/api/claims').set('Host', 'evil.example:3000').set('Origin', 'http://evil.example:3000').send(goodClaim).expect(421);
    expect(write.body.error).toContain('Claimline answers at');
    await request(app).get('/api/claims').set('Host', 'evil.example:3000').expect(421);
    await request(app).get('/').set('Host', 'evil.example').expect(421);
    expect((await store.dump()).claims.length).toBe(before);
  });

  for (const host of ['127.0.0.1', '127.0.0.1:3000', '127.0.0.2:8080', 'localhost:3000', 'LOCALHOST', '[::1]:3000']) {
    it(`when a request is addressed to the loopback name ${host}, then it is answered`, async () => {
      const { app } = await securityApp({ publicUrl: PUBLIC_URL });
      await request(app).get('/').set('Host', host).expect(200);
    });
  }

  it('when a public URL is set, then its host is answered in any case and with any port, and other names are not', async () => {
    const { app } = await securityApp({ publicUrl: PUBLIC_URL });
    await request(app).get('/').set('Host', 'claims.example.org').expect(200);
    await request(app).get('/').set('Host', 'Claims.Example.Org:443').expect(200);
    for (const host of ['example.org', 'claims.example.org.evil.example', 'evil.example', 'claims.example.org@evil.example', '']) {
      await request(app).get('/').set('Host', host).expect(421);
    }
  });

  it('when Claimline listens beyond this machine without a public URL, then only loopback names are answered', async () => {
    const { app } = await securityApp({ requireSignIn: true });
    await request(app).get('/').set('Host', '192.168.1.10:3000').expect(421);
    await request(app).get('/').set('Host', '127.0.0.1:3000').expect(200);
  });

  it('when Claimline runs behind a proxy it trusts, then the name the proxy forwards is the one checked', async () => {
    const { app } = await securityApp({ publicUrl: PUBLIC_URL, trustProxy: true });
    await request(app).get('/').set('Host', '127.0.0.1:3000').set('X-Forwarded-Host', 'claims.example.org').expect(200);
    await request(app).get('/').set('Host', '127.0.0.1:3000').set('X-Forwarded-Host', 'evil.example').expect(421);
  });
});

describe('absolute links come from the public URL, never the request (cache poisoning)', () => {
  it('when a claim page is first asked for under another name, then it and the copy cached for everyone link to the public URL', async () => {
    const { app } = await securityApp({ publicUrl: PUBLIC_URL });
    const first = await request(app).get('/claims/apple-chose-alibaba').set('Host', 'localhost:9999').expect(200);
    const later = await request(app).get('/claims/apple-chose-alibaba').set('Host', 'claims.example.org').expect(200);
    for (const page of [first, later]) {
      expect(jsonLdIds(page.text)).toContain(`${PUBLIC_URL}/claims/apple-chose-alibaba`);
      expect(page.text).not.toContain('localhost:9999');
    }
  });

  it('when the OpenAPI document, the feed and the annotations are asked for under another name, then they link to the public URL', async () => {
    const { app } = await securityApp({ publicUrl: PUBLIC_URL });
    const openapi = await request(app).get('/api/openapi.json').set('Host', 'localhost:9999').expect(200);
    expect(openapi.body.servers).toEqual([{ url: PUBLIC_URL }]);
    const feed = await request(app).get('/stories/apple-alibaba/feed.atom?actor=deepseek').set('Host', 'localhost:9999').expect(200);
    expect(feed.text).toContain(`<link rel="self" href="${PUBLIC_URL}/stories/apple-alibaba/feed.atom?actor=deepseek"/>`);
    expect(feed.text).not.toContain('localhost:9999');
    const annotations = await request(app).get('/api/claims/apple-chose-alibaba/annotations').set('Host', 'localhost:9999').expect(200);
    expect(annotations.text).toContain(`${PUBLIC_URL}/claims/apple-chose-alibaba`);
    expect(annotations.text).not.toContain('localhost:9999');
  });
});

describe('https-only headers', () => {
  it('when the public URL is plain http (a LAN install), then neither HSTS nor upgrade-insecure-requests is sent', async () => {
    const { app } = await securityApp({ publicUrl: 'http://192.168.1.10:3000' });
    const res = await request(app).get('/').set('Host', '192.168.1.10:3000').expect(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const local = await request(app).get('/').expect(200);
    expect(local.headers['strict-transport-security']).toBeUndefined();
  });

  it('when the public URL is https, then browsers are told to keep to https', async () => {
    const { app } = await securityApp({ publicUrl: PUBLIC_URL });
    const res = await request(app).get('/').set('Host', 'claims.example.org').expect(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
