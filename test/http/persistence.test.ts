import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp, tempDir } from '../helpers/app.js';

describe('persistence', () => {
  it('keeps an added claim when the app restarts on the same file', async () => {
    const dbPath = `${tempDir()}/claimline.db.json`;
    const first = await makeApp({ dbPath });
    const post = await request(first.app).post('/api/claims').send({ statement: 'Kept across restarts.', date: '2025-Q2', source: 'Reuters' }).expect(201);
    await first.store.close();
    const second = await makeApp({ dbPath, newId: () => 'other' });
    const res = await request(second.app).get(`/api/claims/${post.body.id}`).expect(200);
    expect(res.body.statement).toBe('Kept across restarts.');
    expect((await second.store.dump()).claims).toHaveLength(14);
  });

  it('creates the database from the seed on first start', async () => {
    const { store } = await makeApp();
    expect((await store.dump()).claims.map((c) => c.id)).toContain('apple-chose-alibaba');
  });
});
