import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_VALIDATION } from '../../src/domain/database-check.js';
import type { Claim, Document, Relation, Revision, Source } from '../../src/domain/types.js';
import { listBackups } from '../../src/store/backups.js';
import { openFileStore } from '../../src/store/file-store.js';
import { emptyDatabase, tempDir } from './database-fixtures.js';

let dir: string;
let removeDir: () => Promise<void>;
let db: string;

beforeEach(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  db = join(dir, 'claims.json');
});

afterEach(() => removeDir());

/** Database files as Claimline wrote them before relations (format 1) and before stories (format 2): the seeded story, edited. */
const fixture = (format: 1 | 2) => readFile(fileURLToPath(new URL(`../fixtures/database-format-${format}.json`, import.meta.url)), 'utf8');

interface OldFile {
  sources: Source[];
  documents: Array<Omit<Document, 'storyId'>>;
  claims: Array<Omit<Claim, 'storyId'>>;
  revisions: Revision[];
  relations?: Relation[];
}

describe('opening a database file of an older format', () => {
  for (const format of [1, 2] as const) {
    it(`when the file is of format ${format}, then it opens as one story named after its first document, every record kept, rewritten as format 3 with the old file as a backup`, async () => {
      const old = await fixture(format);
      await writeFile(db, old);
      const store = await openFileStore(db, { seed: emptyDatabase, ...DATABASE_VALIDATION });
      const before = JSON.parse(old) as OldFile;
      expect(store.data.version).toBe(3);
      expect(store.data.stories).toEqual([
        { id: 'apple-taps-alibaba-to-bring-ai-to-chinese-iphones-report', slug: 'apple-taps-alibaba-to-bring-ai-to-chinese-iphones-report', title: 'Apple Taps Alibaba to Bring AI to Chinese iPhones: Report', summary: '', createdAt: '2025-02-12T09:00:00.000Z' },
      ]);
      const storyId = store.data.stories[0]?.id;
      expect(store.data.claims).toEqual(before.claims.map((claim) => ({ ...claim, storyId })));
      expect(store.data.documents).toEqual(before.documents.map((document) => ({ ...document, storyId })));
      expect(store.data.sources).toEqual(before.sources);
      expect(store.data.revisions).toEqual(before.revisions);
      expect(store.data.relations).toEqual(before.relations ?? []);
      expect(store.data.claims).toHaveLength(13);
      expect(store.data.revisions.length).toBeGreaterThanOrEqual(2);
      await store.close();
      expect(JSON.parse(await readFile(db, 'utf8'))).toMatchObject({ version: 3, stories: [{ id: storyId }] });
      const backups = await listBackups(db);
      expect(backups).toHaveLength(1);
      expect(await readFile(backups[0]!.file, 'utf8')).toBe(old);
    });
  }

  it('when the file is of a format newer than this Claimline, then it is refused and left as it was', async () => {
    const newer = JSON.stringify({ ...JSON.parse(await fixture(2)), version: 9 });
    await writeFile(db, newer);
    await expect(openFileStore(db, { seed: emptyDatabase, ...DATABASE_VALIDATION })).rejects.toThrow(/version must be 3/);
    expect(await readFile(db, 'utf8')).toBe(newer);
  });
});
