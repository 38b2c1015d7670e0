import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../src/domain/dates/claim-date.js';
import { emptyDatabase, makeApp } from '../helpers/app.js';

describe('source pages', () => {
  it('list every source with how many claims it originated, relayed and published', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/sources').expect(200);
    expect(res.text).toMatch(/The Information<\/a><\/th><td>publication<\/td><td class="num">8<\/td><td class="num">0<\/td>/);
    expect(res.text).toMatch(/Reuters<\/a><\/th><td>wire-service<\/td><td class="num">4<\/td><td class="num">9<\/td>/);
  });

  it('show what The Information originated and what it relayed, as two lists with counts', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/sources/the-information').expect(200);
    expect(res.text).toContain('Claims it originated <span class="count">(8)</span>');
    expect(res.text).toContain('Claims it relayed <span class="count">(0)</span>');
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
        sources: [{ id: 'wire', name: 'Wire', kind: 'wire-service' }],
        claims: Array.from({ length: 60 }, (_, i) => ({
          id: `c${i}`,
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
    expect(res.text).toContain('href="/?source=wire&amp;order=desc">All 60 on the timeline');
    expect(res.text.indexOf('Claim number 59.')).toBeLessThan(res.text.indexOf('Claim number 58.'));
    expect(res.text).not.toContain('Claim number 9.');
  });
});
