import { spawn } from 'node:child_process';
import { readdir, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_VALIDATION } from '../../src/domain/database-check.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';
import { openFileStore } from '../../src/store/file-store.js';
import { exited } from './child-process.js';
import { tempDir } from './database-fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

let dir: string;
let removeDir: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove: removeDir } = await tempDir());
});

afterEach(() => removeDir());

/** A port free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('stopping the server', () => {
  it('when SIGTERM comes while the disk is full, then the server says so in one line, exits non-zero, leaves no temp file, and the next start has every acknowledged claim', async () => {
    const db = join(dir, 'claimline.db.json');
    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CLAIMLINE_DB: db, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    server.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('Claimline on ')) resolve();
        });
        server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${err}`)));
      });
      const stored = await fetch(`http://127.0.0.1:${port}/api/claims`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ statement: 'Acknowledged before the disk filled up.', date: '2025-02', source: 'Reuters' }),
      });
      expect(stored.status).toBe(201);
      // The fold at exit writes the database to its temp file first; pointed at /dev/full, every write of it fails with ENOSPC.
      await symlink('/dev/full', `${db}.tmp`);
      server.kill('SIGTERM');
      await exited(server);
    } finally {
      server.kill('SIGKILL');
    }

    expect(server.exitCode).not.toBe(0);
    expect(server.exitCode).not.toBeNull();
    const lines = err.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^claimline: .*ENOSPC/);
    expect(lines[0]).toContain('journal');
    expect(await readdir(dir)).not.toContain('claimline.db.json.tmp');

    const store = await openFileStore(db, { seed: () => loadSeedDatabase(new Date().toISOString()), ...DATABASE_VALIDATION });
    expect(store.data.claims.map((claim) => claim.statement)).toContain('Acknowledged before the disk filled up.');
    await store.close();
  }, 30_000);
});
