import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { expectStatus, submitForm } from '../helpers/forms.js';

const base = { statement: 'A claim.', date: '2024', source: 'Reuters' };

async function refused(body: Record<string, string>, field: string, message: RegExp) {
  const { app, store } = await makeApp();
  const before = (await store.dump()).claims.length;
  const res = await expectStatus(submitForm(app, '/claims/new', '/claims', body), 422);
  expect(res.text).toMatch(new RegExp(`id="${field}-error">[^<]*${message.source}`));
  expect((await store.dump()).claims.length).toBe(before);
  return res;
}

describe('bad input is refused with a clear message and nothing is stored', () => {
  it('an empty statement', () => refused({ ...base, statement: '   ' }, 'statement', /Write what was claimed/));
  it('an overlong statement', () => refused({ ...base, statement: 'x'.repeat(601) }, 'statement', /at most 600 characters/));
  it('an impossible day', () => refused({ ...base, date: '2024-13-45' }, 'date', /no month 13/));
  it('an impossible quarter', () => refused({ ...base, date: '2024-Q5' }, 'date', /no quarter Q5/));
  it('a day that is not in the calendar', () => refused({ ...base, date: '2024-02-30' }, 'date', /not a day in the calendar/));
  it('a date at an unknown precision', () => refused({ ...base, date: '2024-W05' }, 'date', /did not understand “w05”/));

  for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,hi', '//evil.example/x', 'ftp://example.com']) {
    it(`a URL that is not http/https: ${url}`, async () => {
      const res = await refused({ ...base, url }, 'url', /starting with http/);
      expect(res.text).not.toMatch(/<a [^>]*href="(javascript|data|\/\/evil)/i);
    });
  }

  it('markup in a field is shown escaped, never run', async () => {
    const { app } = await makeApp();
    const post = await expectStatus(submitForm(app, '/claims/new', '/claims', { ...base, statement: '<script>alert("x")</script>', actors: '<img src=x onerror=alert(1)>' }), 303);
    const page = await request(app).get(post.headers.location ?? '').expect(200);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;');
    const timeline = await request(app).get('/').expect(200);
    expect(timeline.text).not.toContain('<img src=x');
  });

  it('an oversized body gets 413 and stores nothing', async () => {
    const { app, store } = await makeApp();
    const before = (await store.dump()).claims.length;
    await expectStatus(submitForm(app, '/claims/new', '/claims', { ...base, quote: 'x'.repeat(200_000) }), 413);
    await request(app).post('/api/claims').send({ ...base, quote: 'x'.repeat(200_000) }).expect(413);
    expect((await store.dump()).claims.length).toBe(before);
  });
});
