import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import type { Store } from '../../src/store/store.js';
import { describe, expect, it } from 'vitest';
import { checkFormToken, issueFormToken } from '../../src/http/security/form-token.js';
import { TEST_NOW } from '../helpers/app.js';
import { formToken, goodClaim, postForm, securityApp, TEST_SECRET, tokenIn } from './form-helpers.js';
import { silentLogger } from '../helpers/logs.js';

/** The token with one character changed (by `step` positions in the base64url alphabet). */
function alterAt(token: string, at: number, step = 7): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const index = at < 0 ? token.length + at : at;
  const char = alphabet[(alphabet.indexOf(token[index]!) + step) % 64]!;
  return token.slice(0, index) + char + token.slice(index + 1);
}

const hoursBefore = (hours: number) => new Date(TEST_NOW.getTime() - hours * 3600_000);

describe('form tokens', () => {
  it('when the add form is opened, then it carries a token that lets it be sent once', async () => {
    const { app, store } = await securityApp();
    const page = await request(app).get('/claims/new').expect(200);
    const token = tokenIn(page.text);
    expect(token).toBeDefined();
    const before = (await store.dump()).claims.length;
    const res = await postForm(app, '/claims', goodClaim, token).expect(303);
    expect(res.headers.location).toMatch(/^\/claims\//);
    expect((await store.dump()).claims.length).toBe(before + 1);
  });

  it('when two pages are opened, then each gets its own token', async () => {
    const { app } = await securityApp();
    const first = tokenIn((await request(app).get('/claims/new')).text);
    const second = tokenIn((await request(app).get('/claims/new')).text);
    expect(first).not.toBe(second);
  });

  for (const [what, token] of [
    ['missing', undefined],
    ['empty', ''],
    ['made up', 'abc.def.ghi'],
    ['signed with another secret', issueFormToken('another-secret-of-thirty-two-characters!', undefined, TEST_NOW)],
    ['altered by one character', alterAt(formToken(), 40)],
    ['re-spelled in its spare last bits', alterAt(formToken(), -1, 1)],
  ] as const) {
    it(`when the token is ${what}, then a 403 page says the form expired and to open it again, and nothing is stored`, async () => {
      const { app, store } = await securityApp();
      const before = (await store.dump()).claims.length;
      const body = token === undefined ? goodClaim : { ...goodClaim, _token: token };
      const res = await request(app).post('/claims').type('form').set('Referer', 'http://x/claims/new').send(body).expect(403);
      expect(res.text).toContain('expired');
      expect(res.text).toContain('Open it again');
      expect((await store.dump()).claims.length).toBe(before);
    });
  }

  for (const referer of ['http://127.0.0.1//evil.example/phish', 'http://127.0.0.1/\\evil.example/phish', 'http://evil.example/claims/new']) {
    it(`when an expired form came from ${referer}, then "Back to the form" stays on this site`, async () => {
      const { app } = await securityApp();
      const res = await request(app).post('/claims').type('form').set('Host', '127.0.0.1').set('Referer', referer).send(goodClaim).expect(403);
      const back = /<a href="([^"]*)">Back to the form<\/a>/.exec(res.text)?.[1];
      expect(back).toBe('/');
    });
  }

  it('when an expired form came from a page of this site, then "Back to the form" opens that page again', async () => {
    const { app } = await securityApp();
    const res = await request(app).post('/claims').type('form').set('Host', '127.0.0.1').set('Referer', 'http://127.0.0.1/claims/new?document=x').send(goodClaim).expect(403);
    expect(res.text).toContain('<a href="/claims/new?document=x">Back to the form</a>');
  });

  it('when a form was left open longer than twelve hours, then it is refused as expired', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const stale = issueFormToken(TEST_SECRET, undefined, hoursBefore(13));
    const res = await postForm(app, '/claims', goodClaim, stale).expect(403);
    expect(res.text).toContain('This form has expired');
    expect((await store.dump()).claims.length).toBe(before);
    await postForm(app, '/claims', goodClaim, issueFormToken(TEST_SECRET, undefined, hoursBefore(11))).expect(303);
  });

  it('when the token is checked, then it is taken out of the fields so the strict form schema never sees it', async () => {
    const { app } = await securityApp();
    const res = await postForm(app, '/claims', { ...goodClaim, unexpected: 'x' }).expect(422);
    expect(res.text).toContain('unexpected');
    expect(res.text).not.toMatch(/unknown fields?:[^<]*_token/);
  });

  it('checks tokens: valid, missing, forged, expired, and bound to the editor it was issued for', () => {
    const token = issueFormToken(TEST_SECRET, 'Ana', TEST_NOW);
    expect(checkFormToken(TEST_SECRET, token, 'Ana', TEST_NOW)).toBe('valid');
    expect(checkFormToken(TEST_SECRET, token, undefined, TEST_NOW)).toBe('forged');
    expect(checkFormToken(TEST_SECRET, token, 'Bob', TEST_NOW)).toBe('forged');
    expect(checkFormToken(TEST_SECRET, undefined, 'Ana', TEST_NOW)).toBe('missing');
    expect(checkFormToken(TEST_SECRET, ['a', 'b'], 'Ana', TEST_NOW)).toBe('forged');
    expect(checkFormToken(TEST_SECRET, token, 'Ana', new Date(TEST_NOW.getTime() + 13 * 3600_000))).toBe('expired');
    expect(checkFormToken(TEST_SECRET, issueFormToken(TEST_SECRET, 'Ana', new Date(TEST_NOW.getTime() + 3600_000)), 'Ana', TEST_NOW)).toBe('forged');
  });
});

describe('the same form posted twice', () => {
  it('when it is sent twice in a row, then one claim is stored and both answers lead to it', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const token = formToken();
    const first = await postForm(app, '/claims', goodClaim, token).expect(303);
    const second = await postForm(app, '/claims', goodClaim, token).expect(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect((await store.dump()).claims.length).toBe(before + 1);
    await request(app).get(first.headers.location ?? '').expect(200);
  });

  it('when it is sent five times at once (a double click and then some), then one claim is stored and every answer leads to it', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const token = formToken();
    const answers = await Promise.all(Array.from({ length: 5 }, () => postForm(app, '/claims', goodClaim, token)));
    expect(answers.map((a) => a.status)).toEqual([303, 303, 303, 303, 303]);
    expect(new Set(answers.map((a) => a.headers.location)).size).toBe(1);
    expect((await store.dump()).claims.length).toBe(before + 1);
  });

  it('when the first try had a mistake, then the corrected form with the same token is stored, once', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const token = formToken();
    const rejected = await postForm(app, '/claims', { ...goodClaim, date: '2024-13-45' }, token).expect(422);
    expect(tokenIn(rejected.text)).toBe(token);
    const stored = await postForm(app, '/claims', goodClaim, token).expect(303);
    const again = await postForm(app, '/claims', goodClaim, token).expect(303);
    expect(again.headers.location).toBe(stored.headers.location);
    expect((await store.dump()).claims.length).toBe(before + 1);
  });

  it('when it is sent again to another spelling of the same address, then still one claim is stored and every answer leads to it', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    const token = formToken();
    const answers = [];
    for (const path of ['/claims', '/Claims', '/claims/', '/claims?x=1', '/CLAIMS/?x=2']) answers.push(await postForm(app, path, goodClaim, token));
    expect(answers.map((a) => a.status)).toEqual([303, 303, 303, 303, 303]);
    expect(new Set(answers.map((a) => a.headers.location)).size).toBe(1);
    expect((await store.dump()).claims.length).toBe(before + 1);
  });

  it('when a used token is sent with another form, then that form stores nothing', async () => {
    const { app, store } = await securityApp();
    const token = formToken();
    const first = await postForm(app, '/claims', goodClaim, token).expect(303);
    const documents = (await store.dump()).documents.length;
    const document = { title: 'A second story', publisher: 'Reuters', url: 'https://news.example/second', publishedAt: '2025-02-12', text: 'Apple said so.' };
    const replay = await postForm(app, '/documents', document, token).expect(303);
    expect(replay.headers.location).toBe(first.headers.location);
    expect((await store.dump()).documents.length).toBe(documents);
  });

  it("when a page's sign-out button is pressed after its form was sent, then the editor is signed out", async () => {
    const { app } = await securityApp();
    const token = formToken();
    await postForm(app, '/claims', goodClaim, token).expect(303);
    const res = await postForm(app, '/sign-out', {}, token).expect(303);
    expect(res.headers.location).toBe('/');
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n')).toMatch(/claimline_editor=;/);
  });

  it('when two different forms are sent, then both are stored', async () => {
    const { app, store } = await securityApp();
    const before = (await store.dump()).claims.length;
    await postForm(app, '/claims', goodClaim, formToken()).expect(303);
    await postForm(app, '/claims', goodClaim, formToken()).expect(303);
    expect((await store.dump()).claims.length).toBe(before + 2);
  });

  it('when the browser drops the first request (a double click cancels it), then the second still waits for its save and leads to the same claim', async () => {
    const { store: inner } = await securityApp();
    let saveStarted!: () => void;
    const started = new Promise<void>((resolve) => (saveStarted = resolve));
    let letSaveFinish!: () => void;
    const gate = new Promise<void>((resolve) => (letSaveFinish = resolve));
    const slowStore: Store = {
      get version() {
        return inner.version;
      },
      onChange: (listener) => inner.onChange(listener),
      read: () => inner.read(),
      load: (scope) => inner.load(scope),
      update: async (scope, change) => {
        saveStarted();
        await gate;
        return inner.update(scope, change);
      },
      checkRelation: inner.checkRelation,
      dump: () => inner.dump(),
      close: () => inner.close(),
    };
    const app = createApp({ store: slowStore, secret: TEST_SECRET, now: () => TEST_NOW, logger: silentLogger });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const token = formToken();
      const body = new URLSearchParams({ ...goodClaim, _token: token }).toString();
      const port = (server.address() as AddressInfo).port;
      const first = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/claims', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      first.on('error', () => undefined);
      first.end(body);
      await started;
      first.destroy();
      const before = (await inner.dump()).claims.length;
      const second = fetch(`http://127.0.0.1:${port}/claims`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      letSaveFinish();
      const answer = await second;
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toMatch(/^\/claims\//);
      expect((await inner.dump()).claims.length).toBe(before + 1);
      expect((await inner.dump()).claims.at(-1)?.statement).toBe(goodClaim.statement);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
