import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Database, Document } from '../../src/domain/types.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';
import { formToken } from '../helpers/forms.js';
import { TEST_NOW } from '../helpers/app.js';
import { securityApp } from './form-helpers.js';

/** The shape that made the word-window span the whole text: one shared short word, then a 199,998-character "word". */
const HOSTILE_TEXT = `x ${'a'.repeat(199_998)}`;

/** The shipped story plus a document with the hostile text, as an editor (or an import) could store it. */
function storyWithHostileDocument(): Database {
  const db = loadSeedDatabase(TEST_NOW.toISOString());
  const hostile: Document = {
    id: 'hostile',
    storyId: 'apple-alibaba',
    title: 'One long word',
    publisherId: 'reuters',
    url: 'https://news.example/one-long-word',
    publishedAt: '2025-02-11',
    text: HOSTILE_TEXT,
    createdAt: TEST_NOW.toISOString(),
  };
  return { ...db, documents: [...db.documents, hostile] };
}

describe('quotes that are not in a hostile document', () => {
  it('when a claim quotes 999 characters that are not in a 200,000-character one-word document, then the form comes back naming a short closest passage', async () => {
    const { app, store } = await securityApp({ seed: storyWithHostileDocument });
    const before = (await store.dump()).claims.length;
    const quote = `x ${'b'.repeat(997)}`;
    const page = await request(app).get('/claims/new');
    const token = /name="_token" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const res = await request(app)
      .post('/claims')
      .type('form')
      .send({ statement: 'A claim quoting a hostile document', date: '2025-02', source: 'Reuters', document: 'hostile', quote, _token: token })
      .expect(422);
    const hint = /The quote is not in “One long word”\. The closest passage is: “([^”]*)”/.exec(res.text)?.[1];
    expect(hint).toBeDefined();
    expect(hint!.length).toBeLessThanOrEqual(160);
    expect((await store.dump()).claims.length).toBe(before);
  });

  it('when an import quotes a hostile document on row after row, then a stylesheet asked for meanwhile is answered before the import', async () => {
    const { app } = await securityApp({ seed: storyWithHostileDocument });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const rows = Array.from({ length: 200 }, (_, i) => `row-${i},Claim ${i},2025-02,origin,reuters,said,hostile,x ${'b'.repeat(500)} ${i}`);
      const csv = ['claim_id,statement,date_value,role,source_id,verb,document_id,quote', ...rows, ''].join('\r\n');
      const form = new FormData();
      form.set('_token', await formToken(app, '/import'));
      form.set('dryRun', 'on');
      form.set('file', new Blob([csv], { type: 'text/csv' }), 'hostile.csv');
      const finished: string[] = [];
      const importing = fetch(`${base}/import`, { method: 'POST', body: form }).then(async (res) => {
        finished.push('import');
        return { status: res.status, text: await res.text() };
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const styling = fetch(`${base}/assets/style.css`).then((res) => {
        finished.push('stylesheet');
        return res.status;
      });
      const [imported, styled] = await Promise.all([importing, styling]);
      expect(styled).toBe(200);
      expect(imported.status).toBe(200);
      expect(imported.text).toContain('Dry run: 200 would be added');
      expect(finished).toEqual(['stylesheet', 'import']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
