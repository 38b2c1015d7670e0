import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { formToken, goodClaim, securityApp } from './form-helpers.js';

/** Keys that reach EJS's compile options when request data becomes render locals (CVE-2022-29078 and kin). */
const HOSTILE_KEYS: Record<string, string> = {
  'settings[view options][outputFunctionName]': 'x;globalThis.__pwned=1;process.exit(1);//',
  'settings[view options][escapeFunction]': 'process.exit',
  'settings[view options][client]': 'true',
  'settings[view options][localsName]': 'x;globalThis.__pwned=1;//',
  'settings[view options][destructuredLocals][0]': 'x=globalThis.__pwned=1',
  settings: 'x',
  outputFunctionName: 'x;globalThis.__pwned=1;//',
  escapeFunction: 'x;globalThis.__pwned=1;//',
  '__proto__[outputFunctionName]': 'x;globalThis.__pwned=1;//',
  'constructor[prototype][outputFunctionName]': 'x;globalThis.__pwned=1;//',
  _locals: 'x',
  cache: 'true',
  filename: '/etc/passwd',
};

const query = new URLSearchParams(HOSTILE_KEYS).toString();
/** Everything but the per-request token, which differs on every page by design. */
const stable = (html: string) => html.replace(/name="_token" value="[^"]*"/g, 'name="_token" value=""');
const pwned = () => (globalThis as Record<string, unknown>).__pwned;

afterEach(() => {
  expect(Object.prototype).not.toHaveProperty('outputFunctionName');
  expect(pwned()).toBeUndefined();
});

describe('request data never steers the templates', () => {
  for (const path of ['/', '/claims/new', '/sources', '/sign-in']) {
    it(`when ${path} is asked for with template-option keys in the query, then the page is the same as without them`, async () => {
      const { app } = await securityApp();
      const plain = await request(app).get(path);
      const hostile = await request(app).get(`${path}?${query}`);
      expect(hostile.status).toBe(plain.status);
      expect(stable(hostile.text)).toBe(stable(plain.text));
    });
  }

  it('when the add form is posted with template-option keys, then they are refused as unknown fields and nothing runs', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const res = await request(app)
      .post('/claims')
      .type('form')
      .send(new URLSearchParams({ ...goodClaim, ...HOSTILE_KEYS, _token: formToken() }).toString())
      .expect(422);
    expect(res.text).toContain('unknown field');
    expect(res.text).toContain('Add a claim');
    expect((await store.dump()).claims.length).toBe(before);
    await request(app).get('/').expect(200);
  });

  it('when the API is posted JSON with __proto__, constructor and settings keys, then it answers 422 and the prototype stays clean', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const body = `{"statement":"A claim.","date":"2024","source":"Reuters",
      "__proto__":{"outputFunctionName":"x;globalThis.__pwned=1;//","isAdmin":true},
      "constructor":{"prototype":{"outputFunctionName":"x"}},
      "settings":{"view options":{"outputFunctionName":"x;process.exit(1);//"}}}`;
    const res = await request(app).post('/api/claims').set('Content-Type', 'application/json').send(body).expect(422);
    expect(JSON.stringify(res.body.errors)).toContain('unknown field');
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect((await store.dump()).claims.length).toBe(before);
    const page = await request(app).get('/').expect(200);
    expect(page.text).toContain('Claimline');
  });

  it('when a field holds EJS tags, then they are shown as text, never evaluated', async () => {
    const { app } = await securityApp();
    const statement = '<%= process.pid %> <%- include("/etc/passwd") %>';
    const created = await request(app).post('/api/claims').send({ ...goodClaim, statement }).expect(201);
    const page = await request(app).get(`/claims/${created.body.id}`).expect(200);
    expect(page.text).toContain('&lt;%= process.pid %&gt;');
    expect(page.text).not.toContain(String(process.pid));
    expect(page.text).not.toContain('root:');
  });
});
