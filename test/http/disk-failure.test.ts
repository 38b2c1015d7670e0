import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { DATABASE_VALIDATION } from '../../src/domain/database-check.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';
import { openFileStore } from '../../src/store/file-store.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { faultyFileOps } from '../store/faulty-file-ops.js';
import { submitForm } from '../helpers/forms.js';
import { TEST_NOW, tempDir } from '../helpers/app.js';
import { silentLogger } from '../helpers/logs.js';

async function appOnAFullDisk() {
  const faults = faultyFileOps();
  const store = await openFileStore(join(tempDir(), 'claimline.db.json'), {
    seed: () => loadSeedDatabase(TEST_NOW.toISOString()),
    ...DATABASE_VALIDATION,
    fs: faults.ops,
  });
  const app = createApp({ store: new LowdbStore(store), now: () => TEST_NOW, logger: silentLogger });
  return { app, store, fillDisk: () => faults.failAt(faults.total + 1, 'ENOSPC', true), freeDisk: () => faults.clear() };
}

describe('when the disk refuses a write', () => {
  it('answers 503 saying nothing was stored, and stores the claim once the disk has room again', async () => {
    const { app, store, fillDisk, freeDisk } = await appOnAFullDisk();
    const before = store.data.claims.length;
    fillDisk();
    const api = await request(app).post('/api/claims').send({ statement: 'Written to a full disk.', date: '2025', source: 'Reuters' }).expect(503);
    expect(api.headers['retry-after']).toBe('5');
    expect(api.body.error).toMatch(/could not save your change.*Nothing was stored/);
    const form = await submitForm(app, '/claims/new', '/claims', { statement: 'Also on a full disk.', date: '2025', source: 'Reuters' });
    expect(form.status).toBe(503);
    expect(form.text).toContain('Nothing was stored');
    expect(store.data.claims).toHaveLength(before);
    freeDisk();
    await request(app).post('/api/claims').send({ statement: 'Written once there is room.', date: '2025', source: 'Reuters' }).expect(201);
    expect(store.data.claims).toHaveLength(before + 1);
    await store.close();
  });
});
