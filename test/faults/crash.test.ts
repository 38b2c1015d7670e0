import { copyFile, readdir, readFile } from 'node:fs/promises';
import { decodeJournal } from '../../src/store/journal.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileStore } from '../../src/store/file-store.js';
import { exited, runScript, waitForLine } from '../store/child-process.js';
import { emptyDatabase, tempDir, TRUSTING_CHECKS, validateShape } from '../store/database-fixtures.js';

const KILLS = 110;

let dir: string;
let removeDir: () => Promise<void>;

beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
});

afterAll(() => removeDir());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the writer had been told was stored, over all its lives. */
interface Acknowledged {
  present: Set<string>;
  absent: Set<string>;
  /** The last acknowledged edit, as [life, round]. */
  edit: [number, number] | null;
}

function record(acknowledged: Acknowledged, line: string): void {
  const [what, first, second] = line.split(' ');
  // A `-gone` claim's removal may have been stored unacknowledged just before the kill: only its acknowledged removal binds.
  if (what === 'add' && first && !first.endsWith('-gone')) acknowledged.present.add(first);
  if (what === 'remove' && first) {
    acknowledged.present.delete(first);
    acknowledged.absent.add(first);
  }
  if (what === 'edit') acknowledged.edit = [Number(first), Number(second)];
}

describe('a writer killed at random moments', () => {
  it(`when SIGKILLed ${KILLS} times mid-write, mid-fold or mid-open, then every time the files open, validate and hold every acknowledged update`, async () => {
    const db = join(dir, 'claims.json');
    const acknowledged: Acknowledged = { present: new Set(), absent: new Set(), edit: null };
    let duringOpen = 0;
    const leftBehind = { midFold: 0, tornJournalTail: 0, unfoldedGroups: 0 };

    for (let life = 0; life < KILLS; life += 1) {
      const writer = runScript('test/faults/crash-writer.ts', [db, String(life)]);
      let output = '';
      writer.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      // Every fourth kill lands while the writer opens: taking over the lock, replaying, folding the journal.
      if (life % 4 === 0) {
        await waitForLine(writer, 'opening');
        await pause(Math.random() * 30);
        if (!output.includes('ready')) duringOpen += 1;
      } else {
        await waitForLine(writer, 'ready');
        await pause(Math.random() * 120);
      }
      writer.kill('SIGKILL');
      await exited(writer);

      const complete = output.slice(0, output.lastIndexOf('\n') + 1);
      for (const line of complete.split('\n')) record(acknowledged, line);

      const files = await readdir(dir);
      if (files.includes('claims.json.tmp') || files.includes('claims.json.journal.tmp')) leftBehind.midFold += 1;
      const journal = decodeJournal(await readFile(`${db}.journal`).catch(() => Buffer.alloc(0)));
      if (journal.tornBytes > 0) leftBehind.tornJournalTail += 1;
      if (journal.groups.length > 0) leftBehind.unfoldedGroups += 1;

      // A kill during the very first open can land before the database file is first written: then
      // nothing can have been acknowledged yet. Once anything was, the file must exist, whole and valid.
      const text = await readFile(db, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (text === null) {
        expect(acknowledged.present.size, `life ${life}: the database file is gone after acknowledged updates`).toBe(0);
        continue;
      }
      // The database file alone must always be whole and valid, whatever the journal holds.
      expect(validateShape(JSON.parse(text))).toBeNull();

      // Checked on a copy, so the next writer meets the files exactly as the crash left them.
      const copy = join(dir, `check-${life}.json`);
      await copyFile(db, copy);
      await copyFile(`${db}.journal`, `${copy}.journal`).catch(() => undefined);
      const store = await openFileStore(copy, { seed: emptyDatabase, validate: validateShape, checks: TRUSTING_CHECKS, backups: 0 });
      const ids = new Set(store.data.claims.map((claim) => claim.id));
      const missing = [...acknowledged.present].filter((id) => !ids.has(id));
      const resurrected = [...acknowledged.absent].filter((id) => ids.has(id));
      expect({ life, missing, resurrected }).toEqual({ life, missing: [], resurrected: [] });
      if (acknowledged.edit) {
        const stored = store.data.claims.find((claim) => claim.id === 'edited')?.statement.split(' ').map(Number);
        const [life0, round0] = acknowledged.edit;
        expect(stored && (stored[0]! > life0 || (stored[0] === life0 && stored[1]! >= round0))).toBe(true);
      }
      await store.close();
    }
    console.info(`${KILLS} kills: ${duringOpen} while opening; crash left`, leftBehind);
    expect(acknowledged.present.size).toBeGreaterThan(KILLS);
    expect(duringOpen).toBeGreaterThan(0);
  });
});
