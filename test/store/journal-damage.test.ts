import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseFileError } from '../../src/store/database-file.js';
import { openFileStore } from '../../src/store/file-store.js';
import { exited, runScript, runToEnd, waitForLine } from './child-process.js';
import { emptyDatabase, tempDir, validateShape } from './database-fixtures.js';

let dir: string;
let removeDir: () => Promise<void>;
let db: string;

beforeEach(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  db = join(dir, 'claims.json');
});

afterEach(() => removeDir());

/** A server that acknowledged three claims, one update each, then was killed before it could fold them in. */
async function killedAfterThreeClaims(): Promise<void> {
  const server = runScript('test/faults/hold-open.ts', [db, '3']);
  try {
    await waitForLine(server, 'open');
  } finally {
    server.kill('SIGKILL');
    await exited(server);
  }
}

const open = () => openFileStore(db, { seed: emptyDatabase, validate: validateShape });

/** Every file of the database folder and its bytes, lock aside. */
async function files(): Promise<Map<string, string>> {
  const names = (await readdir(dir)).filter((name) => !name.endsWith('.lock')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, (await readFile(join(dir, name))).toString('base64')] as [string, string])));
}

async function refusal(): Promise<DatabaseFileError> {
  const error = await open().catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DatabaseFileError);
  return error as DatabaseFileError;
}

describe('a damaged journal after a crash', () => {
  it('when the journal of a killed server is replaced by NUL bytes of the same length, then opening is refused, nothing is rewritten, and the message says how to go on', async () => {
    await killedAfterThreeClaims();
    const journal = await readFile(`${db}.journal`);
    await writeFile(`${db}.journal`, Buffer.alloc(journal.length));
    const before = await files();

    const error = await refusal();
    expect(error.path).toBe(`${db}.journal`);
    expect(error.message).toContain('damaged');
    expect(error.message).toContain(`npm run restore -- --db ${db} --salvage-journal`);
    expect(await files()).toEqual(before);
    // Refused again on every try: a restart never turns damage into a silent loss.
    await refusal();
    expect(await files()).toEqual(before);
  }, 20_000);

  it('when one byte inside the last whole line is flipped, then opening is refused; salvaging keeps the two claims before it and the damaged journal aside', async () => {
    await killedAfterThreeClaims();
    const journal = await readFile(`${db}.journal`);
    const lastLine = journal.lastIndexOf(0x0a, journal.length - 2) + 1;
    journal.writeUInt8(journal.readUInt8(lastLine + 20) ^ 0x01, lastLine + 20);
    await writeFile(`${db}.journal`, journal);

    const error = await refusal();
    expect(error.message).toMatch(/line 4 .* is whole but fails its checksum/);
    expect(error.message).toContain('the 2 groups of changes before the damage can be kept');

    const salvage = await runToEnd('src/cli/restore.ts', ['--db', db, '--salvage-journal']);
    expect(salvage.err).toBe('');
    expect(salvage.code).toBe(0);
    expect(salvage.out).toContain('2 groups of changes from before the damage will be replayed');
    const aside = (await readdir(dir)).find((name) => name.endsWith('.damaged'));
    expect(aside).toBeDefined();
    expect((await readFile(join(dir, aside!))).equals(journal)).toBe(true);

    const store = await open();
    expect(store.data.claims.map((claim) => claim.id)).toEqual(['held-1', 'held-2']);
    await store.close();
  }, 30_000);

  it('when the last line was cut short by the kill, then it is a torn write: the store opens with the whole lines', async () => {
    await killedAfterThreeClaims();
    const journal = await readFile(`${db}.journal`);
    await writeFile(`${db}.journal`, journal.subarray(0, journal.length - 7));
    const store = await open();
    expect(store.data.claims.map((claim) => claim.id)).toEqual(['held-1', 'held-2']);
    await store.close();
  }, 20_000);
});
