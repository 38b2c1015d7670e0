import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { securityApp } from './form-helpers.js';

describe('no lost updates', () => {
  it('when one client sends 500 claims at once over keep-alive, then exactly 500 are stored and each can be read back', async () => {
    const { app, store } = await securityApp({ writeLimitPerMinute: 0 });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const before = (await store.dump()).claims.length;
      const answers = await Promise.all(
        Array.from({ length: 500 }, async (_, i) => {
          const res = await fetch(`${base}/api/claims`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Connection: 'keep-alive' },
            body: JSON.stringify({ statement: `Concurrent claim number ${i}.`, date: '2025-02', source: 'Reuters' }),
          });
          return { status: res.status, location: res.headers.get('location'), body: (await res.json()) as { id: string; statement: string } };
        }),
      );
      expect(answers.filter((a) => a.status !== 201)).toEqual([]);
      expect((await store.dump()).claims.length).toBe(before + 500);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(500);
      const statements = new Set((await store.dump()).claims.map((c) => c.statement));
      for (let i = 0; i < 500; i++) expect(statements.has(`Concurrent claim number ${i}.`)).toBe(true);
      const reads = await Promise.all(
        answers.map(async (answer) => {
          const read = await fetch(`${base}${answer.location}`);
          return { status: read.status, statement: ((await read.json()) as { statement: string }).statement, expected: answer.body.statement };
        }),
      );
      expect(reads.filter((r) => r.status !== 200 || r.statement !== r.expected)).toEqual([]);
      const all = await fetch(`${base}/api/claims?q=Concurrent&perPage=200`);
      expect(((await all.json()) as { total: number }).total).toBe(500);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 30_000);
});
