import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/http/security/passwords.js';
import { editorAccountsFile, editorAccountsPath, saveEditorAccount } from '../../src/store/editor-accounts.js';
import { createApp } from '../../src/app.js';
import { TEST_NOW } from '../helpers/app.js';
import { formToken, goodClaim, postForm, securityApp, securityDir, TEST_SECRET, tokenIn } from './form-helpers.js';
import { silentLogger } from '../helpers/logs.js';

const PASSWORD = 'correct horse battery staple';

/** An app that needs sign-in for writes, with one editor, Ana. */
async function guardedApp(options: Parameters<typeof securityApp>[0] = {}) {
  const dbPath = join(securityDir(), 'claimline.db.json');
  const accounts = editorAccountsPath(dbPath);
  await saveEditorAccount(accounts, { name: 'Ana', passwordHash: await hashPassword(PASSWORD), createdAt: TEST_NOW.toISOString() });
  const made = await securityApp({ dbPath, requireSignIn: true, editors: editorAccountsFile(accounts), ...options });
  return { ...made, accounts };
}

function signIn(app: Parameters<typeof request>[0], name: string, password: string, next = '/claims/new') {
  return postForm(app as never, '/sign-in', { name, password, next });
}

/** The session cookie's `name=value` from a sign-in answer. */
function sessionCookie(res: request.Response): string {
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('claimline_editor='));
  if (!header) throw new Error('no session cookie was set');
  return header.split(';')[0]!;
}

describe('editors', () => {
  it('when sign-in is required but no secret is given, then the app refuses to start', async () => {
    const { store } = await securityApp();
    expect(() => createApp({ store, requireSignIn: true, logger: silentLogger })).toThrow(/secret/);
  });

  it('when a reader is not signed in, then every page still opens', async () => {
    const { app } = await guardedApp();
    for (const path of ['/', '/sources', '/claims/apple-chose-alibaba', '/api/claims', '/sign-in']) {
      await request(app).get(path).expect(200);
    }
  });

  it('when an anonymous visitor posts a form, then they are sent to sign in and brought back to the form after, and nothing is stored', async () => {
    const { app, store } = await guardedApp();
    const before = (await store.dump()).claims.length;
    const res = await postForm(app, '/claims', goodClaim).set('Referer', 'http://127.0.0.1/claims/new').set('Host', '127.0.0.1').expect(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fclaims%2Fnew');
    expect((await store.dump()).claims.length).toBe(before);
    const page = await request(app).get(res.headers.location ?? '').expect(200);
    expect(page.text).toContain('name="next" value="/claims/new"');
  });

  it('when an anonymous script posts to the API, then it gets 401 JSON and nothing is stored', async () => {
    const { app, store } = await guardedApp();
    const before = (await store.dump()).claims.length;
    const res = await request(app).post('/api/claims').send(goodClaim).expect(401);
    expect(res.body.error).toContain('Sign in');
    expect((await store.dump()).claims.length).toBe(before);
  });

  it('when an anonymous script posts to the API spelled in capitals, then it gets the same 401 JSON and nothing is stored', async () => {
    const { app, store } = await guardedApp();
    const before = (await store.dump()).claims.length;
    for (const path of ['/API/claims', '/Api/Claims', '/api/CLAIMS']) {
      const res = await request(app).post(path).send(goodClaim).expect(401);
      expect(res.body.error).toContain('Sign in');
    }
    expect((await store.dump()).claims.length).toBe(before);
    expect((await request(app).get('/API/nothing-here').expect(404)).body).toMatchObject({ error: 'not found' });
  });

  it('when an anonymous visitor opens a form page, then they are sent to sign in first and brought back to it', async () => {
    const { app } = await guardedApp();
    for (const path of ['/claims/new', '/documents/new', '/import', '/claims/apple-chose-alibaba/edit', '/claims/apple-chose-alibaba/status']) {
      const res = await request(app).get(path).expect(303);
      expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it('when the password is wrong or the name unknown, then sign-in is refused with the same words and no cookie', async () => {
    const { app } = await guardedApp();
    for (const [name, password] of [['Ana', 'not the password'], ['Nobody', PASSWORD]] as const) {
      const res = await signIn(app, name, password).expect(401);
      expect(res.text).toContain('That name and password do not match an editor account.');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('when someone keeps guessing, then after ten tries a minute even the right password gets 429 with Retry-After', async () => {
    const { app } = await guardedApp();
    for (let i = 0; i < 10; i++) await signIn(app, 'ana', `guess ${i}`).expect(401);
    const limited = await signIn(app, 'Ana', PASSWORD).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['set-cookie']).toBeUndefined();
  });

  it('when someone keeps guessing under other Unicode spellings of the same name, then they share one limit', async () => {
    const { app, accounts } = await guardedApp();
    await saveEditorAccount(accounts, { name: 'José', passwordHash: await hashPassword(PASSWORD), createdAt: TEST_NOW.toISOString() });
    const composed = 'Jos\u00e9';
    const decomposed = 'Jose\u0301';
    for (let i = 0; i < 10; i++) await signIn(app, i % 2 ? composed : composed.toUpperCase(), `guess ${i}`).expect(401);
    for (const spelling of [decomposed, decomposed.toUpperCase(), composed]) {
      const limited = await signIn(app, spelling, PASSWORD).expect(429);
      expect(limited.headers['set-cookie']).toBeUndefined();
    }
  });

  it('when the right name and password are given, then a signed HttpOnly SameSite=Lax cookie is set and writes go through', async () => {
    const { app, store } = await guardedApp();
    const res = await signIn(app, 'ana', PASSWORD).expect(303);
    expect(res.headers.location).toBe('/claims/new');
    const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n');
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).not.toMatch(/Secure/);
    const cookie = sessionCookie(res);
    const page = await request(app).get('/sign-in').set('Cookie', cookie).expect(200);
    expect(page.text).toContain('You are signed in as <strong>Ana</strong>');
    const before = (await store.dump()).claims.length;
    const form = await request(app).get('/claims/new').set('Cookie', cookie).expect(200);
    await postForm(app, '/claims', goodClaim, tokenIn(form.text)).set('Cookie', cookie).expect(303);
    await request(app).post('/api/claims').set('Cookie', cookie).send(goodClaim).expect(201);
    expect((await store.dump()).claims.length).toBe(before + 2);
  });

  it('when the site is reached over https, then the cookie is Secure', async () => {
    const { app } = await guardedApp({ trustProxy: true });
    const res = await signIn(app, 'Ana', PASSWORD).set('X-Forwarded-Proto', 'https').expect(303);
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n')).toMatch(/Secure/);
  });

  it('when a form token was issued before signing in, then it does not carry over to the editor', async () => {
    const { app, store } = await guardedApp();
    const cookie = sessionCookie(await signIn(app, 'Ana', PASSWORD).expect(303));
    const before = (await store.dump()).claims.length;
    await postForm(app, '/claims', goodClaim, formToken()).set('Cookie', cookie).expect(403);
    await postForm(app, '/claims', goodClaim, formToken('Ana')).set('Cookie', cookie).expect(303);
    expect((await store.dump()).claims.length).toBe(before + 1);
  });

  it('when the cookie is forged, tampered with, signed elsewhere or expired, then the visitor counts as anonymous', async () => {
    let now = TEST_NOW;
    const { app, store } = await guardedApp({ now: () => now });
    const cookie = sessionCookie(await signIn(app, 'Ana', PASSWORD).expect(303));
    const [name, value = ''] = cookie.split('=');
    const [payload = '', signature = ''] = value.split('.');
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const renamed = Buffer.from(JSON.stringify({ ...session, name: 'Root' })).toString('base64url');
    const longer = Buffer.from(JSON.stringify({ ...session, expiresAt: 9e15 })).toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    const elsewhere = (await import('node:crypto')).createHmac('sha256', 'another-secret').update(`editor-session\n${payload}`).digest('base64url');
    const before = (await store.dump()).claims.length;
    for (const forged of [`${renamed}.${signature}`, `${longer}.${signature}`, `${payload}.${flipped}`, `${payload}.${elsewhere}`, `${payload}`, 'garbage', `${payload}.${signature}.x`]) {
      await request(app).post('/api/claims').set('Cookie', `${name}=${forged}`).send(goodClaim).expect(401);
    }
    now = new Date(TEST_NOW.getTime() + 13 * 3600_000);
    await request(app).post('/api/claims').set('Cookie', cookie).send(goodClaim).expect(401);
    expect((await store.dump()).claims.length).toBe(before);
  });

  it('when an editor gets a new password, then sessions opened with the old one end', async () => {
    const { app, accounts } = await guardedApp();
    const cookie = sessionCookie(await signIn(app, 'Ana', PASSWORD).expect(303));
    await request(app).post('/api/claims').set('Cookie', cookie).send(goodClaim).expect(201);
    await saveEditorAccount(accounts, { name: 'Ana', passwordHash: await hashPassword('a brand new passphrase'), createdAt: TEST_NOW.toISOString() });
    await request(app).post('/api/claims').set('Cookie', cookie).send(goodClaim).expect(401);
  });

  it('when signing out, then the cookie is cleared', async () => {
    const { app } = await guardedApp();
    const cookie = sessionCookie(await signIn(app, 'Ana', PASSWORD).expect(303));
    const res = await postForm(app, '/sign-out', {}, formToken('Ana')).set('Cookie', cookie).expect(303);
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n')).toMatch(/claimline_editor=;.*Expires=Thu, 01 Jan 1970/);
  });

  for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
    it(`when sign-in is asked to go on to ${next}, then it goes to the timeline instead`, async () => {
      const { app } = await guardedApp();
      const res = await signIn(app, 'Ana', PASSWORD, next).expect(303);
      expect(res.headers.location).toBe('/');
    });
  }

  it('when sign-in is not required, then anyone here may write and an editor may still sign in', async () => {
    const dbPath = join(securityDir(), 'claimline.db.json');
    const accounts = editorAccountsPath(dbPath);
    await saveEditorAccount(accounts, { name: 'Ana', passwordHash: await hashPassword(PASSWORD), createdAt: TEST_NOW.toISOString() });
    const { app } = await securityApp({ dbPath, editors: editorAccountsFile(accounts), secret: TEST_SECRET });
    await request(app).post('/api/claims').send(goodClaim).expect(201);
    await signIn(app, 'Ana', PASSWORD).expect(303);
  });
});
