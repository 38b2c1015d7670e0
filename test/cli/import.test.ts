import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateDatabase } from '../../src/domain/database-check.js';
import type { Database } from '../../src/domain/types.js';
import { openFileStore } from '../../src/store/file-store.js';
import { runToEnd } from '../store/child-process.js';

const empty = (): Database => ({ version: 2, sources: [], documents: [], claims: [], revisions: [], relations: [] });

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
    expect(out).toContain('Dry run: 2 would be added, 0 updated, 0 unchanged. Nothing was stored.');
    expect(await storedClaimIds()).toEqual([]);
  }, 20_000);

  it('when run without --dry-run, then the file is stored, and a second run finds everything unchanged', async () => {
    const path = file('story.csv', GOOD_CSV);
    expect((await runImport(path, '--db', db)).out).toContain('Stored: 2 added, 0 updated, 0 unchanged.');
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

  it('when no file is named, then it prints its usage and exits with 2', async () => {
    const { code, err } = await runImport('--db', db);
    expect(code).toBe(2);
    expect(err).toContain('usage: import FILE');
  }, 20_000);
});
