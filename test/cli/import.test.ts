import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateDatabase } from '../../src/domain/database-check.js';
import { stringifyExport, toExportJson } from '../../src/domain/formats/export-json.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';
import type { Database } from '../../src/domain/types.js';
import { openFileStore } from '../../src/store/file-store.js';
import { runToEnd } from '../store/child-process.js';

const empty = (): Database => ({ version: 3, stories: [], sources: [], documents: [], claims: [], revisions: [], relations: [] });

const GOOD_CSV = 'claim_id,statement,date_value,role,source_id,source_name,verb\r\ncli-claim,Apple chose Alibaba,2025-02-11,origin,the-information,The Information,reported\r\n';
const BAD_CSV = 'claim_id,statement,date_value\r\ngood,Fine,2025-02\r\nbad,Not a day,2025-02-30\r\n';

let dir: string;
let db: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimline-import-cli-'));
  db = join(dir, 'claims.json');
  const store = await openFileStore(db, { seed: empty, validate: validateDatabase });
  await store.close();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const runImport = (...args: string[]) => runToEnd('src/cli/import.ts', args);

async function storedData(): Promise<Database> {
  const store = await openFileStore(db, { seed: empty, validate: validateDatabase });
  try {
    return store.data;
  } finally {
    await store.close();
  }
}

async function storedClaimIds(): Promise<string[]> {
  const store = await openFileStore(db, { seed: empty, validate: validateDatabase });
  try {
    return store.data.claims.map((claim) => claim.id);
  } finally {
    await store.close();
  }
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run import', () => {
  it('when run with --dry-run, then it prints what would be added and stores nothing', async () => {
    const { code, out } = await runImport(file('story.csv', GOOD_CSV), '--db', db, '--dry-run');
    expect(code).toBe(0);
    expect(out).toMatch(/add {6}line 2 {14}claim “cli-claim” \(Apple chose Alibaba\)/);
    expect(out).toContain('Dry run: 3 would be added, 0 updated, 0 unchanged. Nothing was stored.');
    expect(await storedClaimIds()).toEqual([]);
  }, 20_000);

  it('when run without --dry-run, then the file is stored, and a second run finds everything unchanged', async () => {
    const path = file('story.csv', GOOD_CSV);
    expect((await runImport(path, '--db', db)).out).toContain('Stored: 3 added, 0 updated, 0 unchanged.');
    expect(await storedClaimIds()).toEqual(['cli-claim']);
    const again = await runImport(path, '--db', db);
    expect(again.out).toContain('Stored: 0 added, 0 updated, 1 unchanged.');
  }, 30_000);

  it('when a row is refused, then it says which and why, exits with 1, and stores nothing', async () => {
    const { code, out, err } = await runImport(file('mixed.csv', BAD_CSV), '--db', db);
    expect(code).toBe(1);
    expect(out).toMatch(/REFUSED {2}line 3 {14}claim “bad”/);
    expect(out).toContain('date_value: 2025-02-30 is not a day in the calendar');
    expect(err).toContain('Refused: 1 record cannot be imported, so nothing was stored.');
    expect(await storedClaimIds()).toEqual([]);
  }, 20_000);

  it('when a server has the database open, then the import is refused with exit code 1 and says why', async () => {
    const store = await openFileStore(db, { seed: empty, validate: validateDatabase });
    try {
      const { code, err } = await runImport(file('story.csv', GOOD_CSV), '--db', db);
      expect(code).toBe(1);
      expect(err).toContain(`is open in a running Claimline (process ${process.pid})`);
    } finally {
      await store.close();
    }
  }, 20_000);

  it('when --new-story names a title, then the claims go into a new story of that title, and --story adds to it', async () => {
    expect((await runImport(file('story.csv', GOOD_CSV), '--db', db, '--new-story', 'Apple in China')).code).toBe(0);
    const after = await storedData();
    expect(after.stories.map((story) => [story.slug, story.title])).toEqual([['apple-in-china', 'Apple in China']]);
    expect(after.claims.map((claim) => claim.storyId)).toEqual([after.stories[0]?.id]);
    const more = 'claim_id,statement,date_value,role,source_id,source_name,verb\r\ncli-two,Alibaba confirmed it,2025-02-13,origin,alibaba,Alibaba,said\r\n';
    await runImport(file('more.csv', more), '--db', db, '--new-story', 'Something else');
    expect((await runImport(file('more2.csv', more.replaceAll('cli-two', 'cli-three')), '--db', db, '--story', 'apple-in-china')).code).toBe(0);
    const stories = (await storedData()).stories;
    const inChina = (await storedData()).claims.filter((claim) => claim.storyId === stories.find((story) => story.slug === 'apple-in-china')?.id);
    expect(inChina.map((claim) => claim.id).sort()).toEqual(['cli-claim', 'cli-three']);
  }, 30_000);

  it('when --story names no story, or both --story and --new-story are given, then it says so and stores nothing', async () => {
    const unknown = await runImport(file('story.csv', GOOD_CSV), '--db', db, '--story', 'no-such-story');
    expect(unknown.code).toBe(1);
    expect(unknown.out + unknown.err).toMatch(/no-such-story/);
    const both = await runImport(file('story.csv', GOOD_CSV), '--db', db, '--story', 'a', '--new-story', 'B');
    expect(both.code).toBe(2);
    expect(both.err).toContain('give --story or --new-story, not both');
    expect(await storedClaimIds()).toEqual([]);
  }, 20_000);

  it('when no file is named, then it prints its usage and exits with 2', async () => {
    const { code, err } = await runImport('--db', db);
    expect(code).toBe(2);
    expect(err).toContain('usage: import FILE');
  }, 20_000);

  it('when a spreadsheet’s headers are unknown, then it says which, and --map names their fields', async () => {
    const path = file('desk.csv', 'What was said,When,Said by,Mood\r\nApple chose Alibaba,2025-02-11,The Information,calm\r\n');
    const refused = await runImport(path, '--db', db, '--dry-run');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('desk.csv (spreadsheet)');
    expect(refused.out).toContain('“What was said”, “When”, “Said by”, “Mood” are not a field Claimline knows');
    const mapped = await runImport(path, '--db', db, '--map', 'What was said=statement', '--map', 'when=date', '--map', 'Said by=source', '--map', 'Mood=ignore');
    expect(mapped.code).toBe(0);
    expect(mapped.out).toContain('Stored: 3 added, 0 updated, 0 unchanged.');
    const bad = await runImport(path, '--db', db, '--map', 'Mood=feelings');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('“feelings” is not a field');
  }, 30_000);

  it('when the database path is new, then export → import → export gives the same bytes: no default story, the file’s own revisions and times', async () => {
    const seeded = loadSeedDatabase('2025-03-01T12:00:00.000Z');
    // An edited claim, so the file carries a revision of its own that must come back as it is.
    const [first, ...rest] = seeded.claims;
    if (!first) throw new Error('the seed has claims');
    const edited = { ...first, statement: `${first.statement} (edited)`, revision: first.revision + 1, updatedAt: '2025-03-01T12:10:00.000Z' };
    seeded.claims = [edited, ...rest];
    seeded.revisions = [
      { id: 'rev-edit', claimId: first.id, revision: edited.revision, at: edited.updatedAt, editor: 'ana', reason: 'clearer', changes: [{ field: 'statement', from: first.statement, to: edited.statement }] },
    ];
    const exportedAt = '2025-03-01T12:30:00.000Z';
    const exported = stringifyExport(toExportJson(seeded, seeded.claims, { exportedAt }));
    const fresh = join(dir, 'new-install', 'claimline.db.json');
    const { code, out } = await runImport(file('story.json', exported), '--db', fresh);
    expect(code).toBe(0);
    expect(out).toContain('(a new database)');
    const store = await openFileStore(fresh, { seed: empty, validate: validateDatabase });
    try {
      expect(stringifyExport(toExportJson(store.data, store.data.claims, { exportedAt }))).toBe(exported);
      expect(store.data.revisions).toEqual(seeded.revisions);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('when a dry run or a refused import names a new database path, then no file is created', async () => {
    const fresh = join(dir, 'never', 'claimline.db.json');
    const dry = await runImport(file('story.csv', GOOD_CSV), '--db', fresh, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Dry run: 3 would be added');
    const refused = await runImport(file('mixed.csv', BAD_CSV), '--db', fresh);
    expect(refused.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  }, 30_000);

  it('when a workbook is given instead of CSV, then it says so and stores nothing', async () => {
    const path = join(dir, 'claims.xlsx');
    writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81]));
    const { code, err } = await runImport(path, '--db', db);
    expect(code).toBe(1);
    expect(err).toContain('it looks like a ZIP file, such as an Excel or LibreOffice workbook');
    expect(await storedClaimIds()).toEqual([]);
  }, 20_000);
});
