import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../src/domain/dates/claim-date.js';
import { emptyDatabase, makeApp } from '../helpers/app.js';
import { expectStatus, submitForm } from '../helpers/forms.js';

describe('source pages', () => {
  it('list every source with how many claims it originated, relayed and published', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/sources').expect(200);
    expect(res.text).toMatch(/The Information<\/a><\/th><td>publication<\/td><td class="num">8<\/td><td class="num">0<\/td>/);
    expect(res.text).toMatch(/Reuters<\/a><\/th><td>wire-service<\/td><td class="num">4<\/td><td class="num">9<\/td>/);
  });

  it('show what The Information originated, story by story, and that it relayed nothing', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/sources/the-information').expect(200);
    expect(res.text).toContain('In all: originated 8, relayed 0, published 0 claims, in 1 story.');
    expect(res.text).toContain('Apple taps Alibaba');
    expect(res.text).toContain('Claims it originated <span class="count">(8)</span>');
    expect(res.text).not.toContain('Claims it relayed');
    expect(res.text).toContain('Apple initially selected Baidu');
  });

  it('show Reuters relaying The Information’s claims and originating its own', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/sources/reuters').expect(200);
    expect(res.text).toContain('Claims it originated <span class="count">(4)</span>');
    expect(res.text).toContain('Claims it relayed <span class="count">(9)</span>');
  });

  it('answer an unknown source with a 404 page', async () => {
    const { app } = await makeApp();
    await request(app).get('/sources/nobody').expect(404);
  });
});

describe('a busy source', () => {
  it('lists its latest 50 claims per role, newest first, and links to all of them on the timeline', async () => {
    const { app } = await makeApp({
      seed: () => ({
        ...emptyDatabase(),
        stories: [{ id: 'busy', slug: 'busy', title: 'A busy story', summary: '', createdAt: '2024-01-01T00:00:00.000Z' }],
        sources: [{ id: 'wire', name: 'Wire', kind: 'wire-service' }],
        claims: Array.from({ length: 60 }, (_, i) => ({
          id: `c${i}`,
          storyId: 'busy',
          statement: `Claim number ${i}.`,
          date: dateFromValue(`20${String(10 + Math.floor(i / 12)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}`),
          claimedAt: dateFromValue('2024-01-01'),
          actors: [],
          topics: [],
          status: 'reported' as const,
          statusHistory: [],
          attributions: [{ sourceId: 'wire', role: 'origin' as const, verb: 'said' }],
          supersedes: [],
          revision: 1,
          createdAt: '2024-01-01T00:00:00.000Z',
          updatedAt: '2024-01-01T00:00:00.000Z',
        })),
      }),
    });
    const res = await request(app).get('/sources/wire').expect(200);
    expect(res.text).toContain('Claims it originated <span class="count">(60)</span>');
    expect(res.text).toContain('The latest 50, newest first.');
    expect(res.text).toContain('href="/stories/busy?source=wire&amp;order=desc">All 60 on the timeline');
    expect(res.text.indexOf('Claim number 59.')).toBeLessThan(res.text.indexOf('Claim number 58.'));
    expect(res.text).not.toContain('Claim number 9.');
  });
});

describe('editing a source', () => {
  it('shows that Apple’s fiscal year ends in September, with a link to edit it', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/sources/apple').expect(200);
    expect(res.text).toContain('fiscal year ends in September');
    expect(res.text).toContain('href="/sources/apple/edit"');
    const form = await request(app).get('/sources/apple/edit').expect(200);
    expect(form.text).toMatch(/<option value="9" selected>September<\/option>/);
  });

  it('stores the month a fiscal year ends in from the form, and the source’s claims read fiscal years with it', async () => {
    const { app, store } = await makeApp();
    const res = await expectStatus(
      submitForm(app, '/sources/reuters/edit', '/sources/reuters', { kind: 'wire-service', url: 'https://www.reuters.com/', fiscalYearEnd: '3' }),
      303,
    );
    expect(res.headers.location).toBe('/sources/reuters');
    expect((await store.dump()).sources.find((s) => s.id === 'reuters')).toEqual({ id: 'reuters', name: 'Reuters', kind: 'wire-service', url: 'https://www.reuters.com/', fiscalYearEnd: 3 });
    const claim = await request(app).post('/api/claims').send({ statement: 'Reuters grew in FY2024.', date: 'FY2024', source: 'Reuters' }).expect(201);
    expect(claim.body.date).toMatchObject({ value: '2023-04/2024-03', label: 'fiscal 2024 (April 2023 – March 2024)' });
  });

  it('answers a month it cannot read with 422 naming the field, keeps what was typed, and stores nothing', async () => {
    const { app, store } = await makeApp();
    const before = (await store.dump()).sources;
    const res = await expectStatus(
      submitForm(app, '/sources/reuters/edit', '/sources/reuters', { kind: 'wire-service', url: 'https://news.example/', fiscalYearEnd: '13' }),
      422,
    );
    expect(res.text).toContain('The fiscal year end must be a month');
    expect(res.text).toContain('value="https://news.example/"');
    expect((await store.dump()).sources).toBe(before);
  });

  it('takes the same fields from the API: a month by number or name, null to clear, 422 naming the field, 404 for no source', async () => {
    const { app, store } = await makeApp();
    await request(app).post('/api/sources/reuters').send({ fiscalYearEnd: 'June' }).expect(200, { id: 'reuters', name: 'Reuters', kind: 'wire-service', url: 'https://www.reuters.com/', fiscalYearEnd: 6 });
    const cleared = await request(app).post('/api/sources/apple').send({ fiscalYearEnd: null }).expect(200);
    expect(cleared.body).not.toHaveProperty('fiscalYearEnd');
    const bad = await request(app).post('/api/sources/apple').send({ fiscalYearEnd: 0 }).expect(422);
    expect(bad.body.errors).toEqual([{ field: 'fiscalYearEnd', message: expect.stringContaining('must be a month') }]);
    const unknown = await request(app).post('/api/sources/apple').send({ name: 'Pear' }).expect(422);
    expect(unknown.body.errors[0].message).toBe('unknown field: name');
    await request(app).post('/api/sources/nobody').send({ fiscalYearEnd: 9 }).expect(404);
    expect((await store.dump()).sources.find((s) => s.id === 'reuters')?.fiscalYearEnd).toBe(6);
  });

  it('needs a form token and, when sign-in is on, an editor', async () => {
    const { app, store } = await makeApp();
    await request(app).post('/sources/apple').type('form').send({ fiscalYearEnd: '6' }).expect(403);
    expect((await store.dump()).sources.find((s) => s.id === 'apple')?.fiscalYearEnd).toBe(9);
    const guarded = await makeApp({ requireSignIn: true, secret: 's'.repeat(32) });
    const form = await request(guarded.app).get('/sources/apple/edit').expect(303);
    expect(form.headers.location).toBe('/sign-in?next=%2Fsources%2Fapple%2Fedit');
    await request(guarded.app).post('/api/sources/apple').send({ fiscalYearEnd: 6 }).expect(401);
  });

  it('answers the edit form of an unknown source with a 404 page', async () => {
    const { app } = await makeApp();
    await request(app).get('/sources/nobody/edit').expect(404);
  });
});
