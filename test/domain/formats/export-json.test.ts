import { describe, expect, it } from 'vitest';
import { parseExport, stringifyExport, toExportJson } from '../../../src/domain/formats/export-json.js';
import type { Database } from '../../../src/domain/types.js';
import { claimById, makeDatabase } from './fixture.js';

const exportedAt = '2025-03-01T12:00:00.000Z';

/** What an importer into an empty database would store from a parsed export. */
function databaseFrom(text: string): Database {
  const parsed = parseExport(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { stories = [], sources, documents, claims, revisions } = parsed.value;
  const story = (record: { storyId?: string | undefined }) => record.storyId ?? '';
  return {
    version: 3,
    stories,
    sources,
    documents: documents.map((document) => ({ ...document, storyId: story(document) })),
    claims: claims.map((claim) => ({ ...claim, storyId: story(claim) })),
    revisions,
    relations: [],
  };
}

describe('toExportJson', () => {
  it('when every claim is exported, then the file is versioned and carries every referenced record', () => {
    const db = makeDatabase();
    const exported = toExportJson(db, db.claims, { exportedAt });
    expect(exported).toMatchObject({ format: 'claimline', formatVersion: 3, exportedAt });
    expect(exported.claims).toHaveLength(3);
    expect(exported.revisions).toHaveLength(2);
    expect(exported.sources.map((source) => source.id)).toEqual(['the-information', 'reuters', 'alibaba', 'joe-tsai']);
    expect(exported.documents.map((document) => document.id)).toEqual(['reuters-apple-alibaba']);
  });

  it('when a filtered view is exported, then only the sources, documents and revisions its claims use come along', () => {
    const db = makeDatabase();
    const exported = toExportJson(db, [claimById(db, 'baidu-selected')], { exportedAt });
    expect(exported.sources.map((source) => source.id)).toEqual(['the-information', 'alibaba']);
    expect(exported.documents).toEqual([]);
    expect(exported.revisions.map((revision) => revision.id)).toEqual(['rev-baidu-3']);
  });
});

describe('stringifyExport', () => {
  it('when a story is exported, imported into an empty database and exported again, then the bytes are the same', () => {
    const db = makeDatabase();
    const first = stringifyExport(toExportJson(db, db.claims, { exportedAt }));
    const reimported = databaseFrom(first);
    const second = stringifyExport(toExportJson(reimported, reimported.claims, { exportedAt }));
    expect(second).toBe(first);
  });

  it('when records were built with their keys in another order, then the text is the same', () => {
    const db = makeDatabase();
    const shuffled = makeDatabase();
    shuffled.claims = shuffled.claims.map((claim) =>
      Object.fromEntries(Object.entries(claim).reverse()) as unknown as typeof claim,
    );
    shuffled.revisions[0]!.changes = [{ to: 'confirmed', from: 'reported', field: 'status' }];
    expect(stringifyExport(toExportJson(shuffled, shuffled.claims, { exportedAt }))).toBe(
      stringifyExport(toExportJson(db, db.claims, { exportedAt })),
    );
  });

  it('when the export is written, then it is indented by two spaces and ends with a newline', () => {
    const db = makeDatabase();
    const text = stringifyExport(toExportJson(db, db.claims, { exportedAt }));
    expect(text.startsWith('{\n  "format": "claimline",\n  "formatVersion": 3,\n  "exportedAt"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('parseExport', () => {
  it('when the file is not JSON, then the reader says so', () => {
    const result = parseExport('{"format": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^not JSON/);
  });

  it('when a claim carries a field Claimline does not know, then the file is refused at that place', () => {
    const db = makeDatabase();
    const exported = toExportJson(db, db.claims, { exportedAt });
    const text = stringifyExport(exported).replace('"statement": "Apple chose', '"mood": "sunny",\n"statement": "Apple chose');
    const result = parseExport(text);
    expect(result).toEqual({ ok: false, errors: [{ path: 'claims[0].mood', message: '“mood” is not a field Claimline knows' }] });
  });

  it('when a date is malformed and a status unknown, then both problems are listed with their paths', () => {
    const db = makeDatabase();
    const exported = JSON.parse(stringifyExport(toExportJson(db, db.claims, { exportedAt })));
    exported.claims[1].date.start = '1 April 2025';
    exported.claims[2].status = 'rumoured';
    const result = parseExport(JSON.stringify(exported));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.path)).toEqual(['claims[1].date.start', 'claims[2].status']);
  });

  it('when the file is from a newer Claimline, then the reader says which version it reads', () => {
    const result = parseExport(JSON.stringify({ format: 'claimline', formatVersion: 4, exportedAt, sources: [], documents: [], claims: [], revisions: [] }));
    expect(result).toEqual({ ok: false, errors: [{ path: 'formatVersion', message: 'this Claimline reads format versions 1, 2 and 3' }] });
  });

  it('when a claim names a source or document the file does not carry, then the file is refused', () => {
    const db = makeDatabase();
    const exported = toExportJson(db, db.claims, { exportedAt });
    const broken = { ...exported, sources: exported.sources.filter((source) => source.id !== 'reuters'), documents: [] };
    const result = parseExport(stringifyExport(broken));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContainEqual({ path: 'claims[0].attributions[1].sourceId', message: 'no source “reuters” in this file' });
      expect(result.errors).toContainEqual({
        path: 'claims[0].attributions[1].documentId',
        message: 'no document “reuters-apple-alibaba” in this file',
      });
    }
  });

  it('when two claims share an id, then the second is refused', () => {
    const db = makeDatabase();
    const exported = toExportJson(db, db.claims, { exportedAt });
    const twice = { ...exported, claims: [...exported.claims, exported.claims[0]!] };
    const result = parseExport(stringifyExport(twice));
    expect(result).toEqual({ ok: false, errors: [{ path: 'claims[3].id', message: 'id “alibaba-chosen” appears twice' }] });
  });

  it('when the file starts with a byte order mark, then it still reads', () => {
    const db = makeDatabase();
    expect(parseExport(`\uFEFF${stringifyExport(toExportJson(db, db.claims, { exportedAt }))}`).ok).toBe(true);
  });
});
