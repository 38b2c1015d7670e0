import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { validateDatabase } from '../../src/domain/database-check.js';
import type { Database } from '../../src/domain/types.js';
import { syntheticDatabase } from '../../scripts/seed-synthetic.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('syntheticDatabase', () => {
  it('when asked for 1,000 claims, then the database passes the same check the store applies', () => {
    const db = syntheticDatabase({ claims: 1000, seed: 3 });

    expect(validateDatabase(db)).toBeNull();
  });

  it('when asked for N claims, then it holds N claims, 200 sources, 50 actors, about 30 topics and one document per 20 claims', () => {
    const db = syntheticDatabase({ claims: 2000, seed: 5 });

    expect(db.claims).toHaveLength(2000);
    expect(db.sources).toHaveLength(200);
    expect(new Set(db.claims.flatMap((c) => c.actors)).size).toBe(50);
    expect(new Set(db.claims.flatMap((c) => c.topics)).size).toBe(30);
    expect(db.documents).toHaveLength(100);
  });

  it('when run twice with one seed, then the databases are identical, and another seed gives other claims', () => {
    const first = JSON.stringify(syntheticDatabase({ claims: 300, seed: 42 }));
    const again = JSON.stringify(syntheticDatabase({ claims: 300, seed: 42 }));
    const other = JSON.stringify(syntheticDatabase({ claims: 300, seed: 43 }));

    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('when a claim quotes a document, then the quote is in that document at the anchored place', () => {
    const db = syntheticDatabase({ claims: 500, seed: 8 });
    const texts = new Map(db.documents.map((d) => [d.id, d.text ?? '']));
    const quoted = db.claims.flatMap((c) => c.attributions).filter((a) => a.quote);

    expect(quoted.length).toBeGreaterThan(50);
    for (const a of quoted) {
      const text = texts.get(a.documentId ?? '') ?? '';
      expect(text).toContain(a.quote);
      expect(text.slice(a.anchor?.start, a.anchor?.end)).toBe(a.quote);
    }
  });

  it('when looking across claims, then dates come in every precision with ranges and open ends, and 1–4 sources each', () => {
    const { claims } = syntheticDatabase({ claims: 2000, seed: 9 });

    expect(new Set(claims.map((c) => c.date.precision))).toEqual(new Set(['year', 'quarter', 'month', 'day']));
    expect(claims.some((c) => c.date.value.includes('/') && !c.date.value.includes('..'))).toBe(true);
    expect(claims.some((c) => c.date.openEnd)).toBe(true);
    expect(claims.some((c) => c.date.openStart)).toBe(true);
    const counts = new Set(claims.map((c) => c.attributions.length));
    expect(counts).toEqual(new Set([1, 2, 3, 4]));
  });

  it('when looking at statuses, then most claims are reported and every superseded claim is replaced by a later one', () => {
    const { claims, revisions } = syntheticDatabase({ claims: 2000, seed: 11 });
    const reported = claims.filter((c) => c.status === 'reported').length;
    const replaced = new Set(claims.flatMap((c) => c.supersedes));

    expect(reported / claims.length).toBeGreaterThan(0.6);
    for (const status of ['confirmed', 'denied', 'superseded'] as const) {
      expect(claims.some((c) => c.status === status)).toBe(true);
    }
    expect(replaced.size).toBeGreaterThan(0);
    for (const claim of claims.filter((c) => c.status === 'superseded')) expect(replaced.has(claim.id)).toBe(true);
    expect(revisions).toHaveLength(claims.filter((c) => c.revision === 2).length);
  });
});

describe('npm run seed:synthetic', () => {
  it('when run with --claims and --db, then the file holds exactly the database the function builds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimline-synthetic-'));
    dirs.push(dir);
    const file = join(dir, 'bench.db.json');

    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed-synthetic.ts', '--claims', '120', '--db', file, '--seed', '4'], {
      cwd: ROOT,
      stdio: 'pipe',
    });

    const written = JSON.parse(readFileSync(file, 'utf8')) as Database;
    expect(written).toEqual(syntheticDatabase({ claims: 120, seed: 4 }));
  }, 30_000);
});
