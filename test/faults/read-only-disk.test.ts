import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../helpers/logs.js';
import { createApp } from '../../src/app.js';
import { DATABASE_VALIDATION } from '../../src/domain/database-check.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';
import { openFileStore } from '../../src/store/file-store.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { StoreWriteError } from '../../src/store/store.js';
import { TEST_NOW, tempDir } from '../helpers/app.js';
import { submitForm } from '../helpers/forms.js';
import { faultyFileOps } from '../store/faulty-file-ops.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverOnADisk() {
  const disk = faultyFileOps();
  const dbPath = join(tempDir(), 'claimline.db.json');
  const options = { seed: () => loadSeedDatabase(TEST_NOW.toISOString()), ...DATABASE_VALIDATION };
  const store = await openFileStore(dbPath, { ...options, fs: disk.ops });
  cleanups.push(() => store.close().catch(() => undefined));
  const app = createApp({ store: new LowdbStore(store), now: () => TEST_NOW, logger: silentLogger });
  const reopen = () => openFileStore(dbPath, options);
  return { app, store, disk, reopen, dbPath };
}

const claim = (statement: string) => ({ statement, date: '2025-02', source: 'Reuters' });

describe('a disk that turns read-only while the server runs', () => {
  it('when the disk is remounted read-only, then every write answers 503, reads go on, and once it is writable again nothing refused appears and every acknowledged claim is there', async () => {
    const { app, store, disk, reopen } = await serverOnADisk();
    await request(app).post('/api/claims').send(claim('Stored while the disk was fine.')).expect(201);
    const before = store.data;

    disk.turnReadOnly();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const api = await request(app).post('/api/claims').send(claim(`Sent to a read-only disk, try ${attempt}.`)).expect(503);
      expect(api.headers['retry-after']).toBe('5');
      expect(api.body.error).toContain('Nothing was stored');
    }
    const form = await submitForm(app, '/claims/new', '/claims', claim('Also sent to a read-only disk.'));
    expect(form.status).toBe(503);
    expect(store.data).toBe(before);
    await request(app).get('/').expect(200);
    await request(app).get('/claims/apple-chose-alibaba').expect(200);
    await request(app).get('/api/claims?q=disk').expect(200);

    disk.clear();
    await request(app).post('/api/claims').send(claim('Stored once the disk was writable again.')).expect(201);
    const acknowledged = store.data;
    await store.close();

    const reopened = await reopen();
    cleanups.push(() => reopened.close());
    expect(reopened.data).toEqual(acknowledged);
    const statements = reopened.data.claims.map((c) => c.statement);
    expect(statements).toEqual(expect.arrayContaining(['Stored while the disk was fine.', 'Stored once the disk was writable again.']));
    expect(statements.filter((statement) => statement.includes('read-only disk'))).toEqual([]);
  });

  it('when the disk stays read-only until the server stops, then closing says the write failed, and a restart has every acknowledged claim', async () => {
    const { app, store, disk, reopen, dbPath } = await serverOnADisk();
    await request(app).post('/api/claims').send(claim('Acknowledged before the remount.')).expect(201);
    const acknowledged = store.data;
    disk.turnReadOnly();
    await request(app).post('/api/claims').send(claim('Refused by the read-only disk.')).expect(503);

    const closing = await store.close().catch((error: unknown) => error);
    expect(closing).toBeInstanceOf(StoreWriteError);
    disk.clear();
    // The lock names this process, which is still alive: a real restart is a new process, which takes it over.
    await rm(`${dbPath}.lock`, { force: true });
    const reopened = await reopen();
    cleanups.push(() => reopened.close());
    expect(reopened.data).toEqual(acknowledged);
  });
});
