import { describe, expect, it } from 'vitest';
import type { ClockContext } from '../../src/domain/add-claim.js';
import { CSV_COLUMNS, toCsv } from '../../src/domain/formats/csv.js';
import { stringifyExport, toExportJson } from '../../src/domain/formats/export-json.js';
import {
  IMPORT_EDITOR,
  ImportRefusedError,
  applyImport,
  planImport,
  readImport,
  type ImportPlan,
} from '../../src/domain/import-plan.js';
import type { Database } from '../../src/domain/types.js';
import { claimById, makeDatabase } from './formats/fixture.js';

const today = '2025-03-01';

function clock(): ClockContext {
  let n = 0;
  return { now: '2025-03-01T12:00:00.000Z', today, newId: () => `rev-new-${++n}` };
}

const empty = (): Database => ({ version: 1, sources: [], documents: [], claims: [], revisions: [] });

function exportOf(db: Database): string {
  return stringifyExport(toExportJson(db, db.claims, { exportedAt: '2025-03-01T10:00:00.000Z' }));
}

function plan(db: Database, text: string, name: string): ImportPlan {
  return planImport(db, readImport(text, { name, today }), clock());
}

function importInto(db: Database, text: string, name: string): Database {
  return applyImport(db, plan(db, text, name), clock()).data;
}

function actions(result: ImportPlan) {
  return result.lines.map((line) => `${line.action} ${line.kind} ${line.id}`);
}

describe('importing a Claimline export', () => {
  it('when a whole export goes into an empty database, then every record is added and the database is the exported one', () => {
    const db = makeDatabase();
    const result = plan(empty(), exportOf(db), 'story.json');
    expect(result).toMatchObject({ format: 'claimline-json', ok: true, counts: { add: 10, update: 0, unchanged: 0, refuse: 0 } });
    const imported = importInto(empty(), exportOf(db), 'story.json');
    const used = (id: string) => !['unused', 'unused-document'].includes(id);
    expect(imported).toEqual({ ...db, sources: db.sources.filter((s) => used(s.id)), documents: db.documents.filter((d) => used(d.id)) });
  });

  it('when the same file is imported twice, then the second import adds and changes nothing', () => {
    const once = importInto(empty(), exportOf(makeDatabase()), 'story.json');
    const again = plan(once, exportOf(makeDatabase()), 'story.json');
    expect(again.counts).toEqual({ add: 0, update: 0, unchanged: 10, refuse: 0 });
    expect(applyImport(once, again, clock()).data).toEqual(once);
  });

  it('when a claim in the file says something else than the stored one, then it is updated and a revision by “import” records what changed', () => {
    const db = makeDatabase();
    const edited = makeDatabase();
    claimById(edited, 'china-launch').statement = 'Apple Intelligence launches in mainland China';
    const result = plan(db, exportOf(edited), 'desk.json');
    const line = result.lines.find((l) => l.id === 'china-launch');
    expect(line).toMatchObject({ where: 'claims[1]', action: 'update', details: ['statement'] });
    const next = applyImport(db, result, clock()).data;
    expect(claimById(next, 'china-launch')).toMatchObject({ statement: 'Apple Intelligence launches in mainland China', revision: 2, updatedAt: '2025-03-01T12:00:00.000Z' });
    expect(next.revisions.at(-1)).toMatchObject({
      claimId: 'china-launch',
      revision: 2,
      editor: IMPORT_EDITOR,
      reason: 'Imported from desk.json',
      changes: [{ field: 'statement', from: 'Apple Intelligence launches in China', to: 'Apple Intelligence launches in mainland China' }],
    });
    expect(plan(next, exportOf(edited), 'desk.json').counts.update).toBe(0);
  });

  it('when the file is not a Claimline export, then each problem is refused with its path and applying it stores nothing', () => {
    const db = makeDatabase();
    const broken = JSON.parse(exportOf(db)) as { claims: Array<Record<string, unknown>> };
    (broken.claims[2] as Record<string, unknown>).status = 'rumoured';
    const result = plan(db, JSON.stringify(broken), 'broken.json');
    expect(result.ok).toBe(false);
    expect(result.lines).toEqual([expect.objectContaining({ where: 'claims[2].status', kind: 'claim', action: 'refuse' })]);
    expect(() => applyImport(db, result, clock())).toThrow(ImportRefusedError);
    expect(plan(db, '{"format": "claimline",', 'cut.json').lines[0]).toMatchObject({ where: 'file', action: 'refuse' });
  });

  it('when a claim supersedes one that is neither stored nor in the file, then that claim is refused and so is the import', () => {
    const db = makeDatabase();
    const file = toExportJson(db, [claimById(db, 'alibaba-chosen')], { exportedAt: '2025-03-01T10:00:00.000Z' });
    const result = plan(empty(), stringifyExport(file), 'one.json');
    expect(result.ok).toBe(false);
    expect(result.lines.find((line) => line.action === 'refuse')).toMatchObject({
      where: 'claims[0]',
      id: 'alibaba-chosen',
      details: ['supersedes “baidu-selected”, which is neither in this database nor in the file'],
    });
  });

  it('when a revision id in the file is already used by another revision here, then it is refused', () => {
    const db = makeDatabase();
    const other = makeDatabase();
    other.claims = other.claims.map((claim) => ({ ...claim, id: `copy-${claim.id}`, supersedes: claim.supersedes.map((id) => `copy-${id}`) }));
    other.revisions = other.revisions.map((revision) => ({ ...revision, claimId: `copy-${revision.claimId}` }));
    const result = plan(db, exportOf(other), 'copy.json');
    expect(result.lines.filter((line) => line.action === 'refuse').map((line) => line.id)).toEqual(['rev-alibaba-2', 'rev-baidu-3']);
  });

  it('when a claim was stored between the dry run and the import, then the import is planned again against what is stored now', () => {
    const db = makeDatabase();
    const file = exportOf(db);
    const dryRun = plan(empty(), file, 'story.json');
    const meanwhile = importInto(empty(), file, 'story.json');
    const stored = applyImport(meanwhile, dryRun, clock());
    expect(stored.result.counts.add).toBe(0);
    expect(stored.data).toEqual(meanwhile);
  });
});

describe('importing CSV', () => {
  const header = CSV_COLUMNS.join(',');

  it('when the CSV export of a database is imported back into it, then nothing changes', () => {
    const db = makeDatabase();
    const result = plan(db, toCsv(db, db.claims), 'story.csv');
    expect(result.format).toBe('csv');
    expect(actions(result)).toEqual(['unchanged claim alibaba-chosen', 'unchanged claim china-launch', 'unchanged claim baidu-selected']);
  });

  it('when a CSV goes into an empty database, then its sources are created, and documents it cannot carry become URLs', () => {
    const db = makeDatabase();
    const result = plan(empty(), toCsv(db, db.claims), 'story.csv');
    expect(result.ok).toBe(true);
    expect(actions(result)).toEqual([
      'add source the-information',
      'add source reuters',
      'add claim alibaba-chosen',
      'add claim china-launch',
      'add claim baidu-selected',
    ]);
    expect(result.lines[2]?.details[0]).toContain('document “reuters-apple-alibaba” is not in this database');
    const next = applyImport(empty(), result, clock()).data;
    expect(next.sources[1]).toEqual({ id: 'reuters', name: 'Reuters', kind: 'other' });
    const relay = claimById(next, 'alibaba-chosen').attributions[1];
    expect(relay).toEqual({
      sourceId: 'reuters',
      role: 'relay',
      verb: 'relayed',
      url: 'https://www.reuters.com/technology/apple-alibaba-2025-02-11/',
      quote: 'Apple has chosen Alibaba as its AI partner in China',
      madeAt: '2025-02-11',
      note: 'could not verify',
    });
    expect(claimById(next, 'baidu-selected').statusHistory).toEqual([
      { status: 'reported', on: '2024-06-20', recordedAt: '2025-03-01T12:00:00.000Z' },
      { status: 'denied', on: today, recordedAt: '2025-03-01T12:00:00.000Z' },
    ]);
  });

  it('when a row changes a stored claim’s status, then the claim is updated and the change is added to its status history', () => {
    const db = makeDatabase();
    const csv = toCsv(db, [claimById(db, 'china-launch')]).replace(',reported,,publisher,', ',disputed,,publisher,');
    const result = plan(db, csv, 'desk.csv');
    expect(result.lines).toEqual([expect.objectContaining({ where: 'line 2', action: 'update', details: ['status', 'statusHistory'] })]);
    const claim = claimById(applyImport(db, result, clock()).data, 'china-launch');
    expect(claim.statusHistory.at(-1)).toEqual({ status: 'disputed', on: today, recordedAt: '2025-03-01T12:00:00.000Z' });
    expect(claim.attributions[0]?.documentId).toBe('reuters-apple-alibaba');
  });

  it('when a new claim quotes a stored document, then the quote is anchored in the document’s text', () => {
    const db = makeDatabase();
    const csv = `${header}\r\nnew-claim,Reuters could not verify it,2025-02-11,,,,,2025-02-11,,,,,relay,reuters,Reuters,said,reuters-apple-alibaba,,Reuters could not immediately verify the report,,\r\n`;
    const next = importInto(db, csv, 'new.csv');
    expect(claimById(next, 'new-claim').attributions[0]?.anchor).toMatchObject({ exact: 'Reuters could not immediately verify the report', suffix: '.' });
  });

  it('when one row is bad, then that line is refused with the reason and nothing of the file is stored', () => {
    const db = makeDatabase();
    const csv = `${header}\r\nok-claim,Fine,2025-02-11,,,,,,,,,,,,,,,,,,\r\nbad-claim,Bad date,2025-02-30,,,,,,,,,,,,,,,,,,\r\n`;
    const result = plan(db, csv, 'mixed.csv');
    expect(result.ok).toBe(false);
    expect(result.lines.find((line) => line.action === 'refuse')).toMatchObject({ where: 'line 3', id: 'bad-claim' });
    expect(result.lines.find((line) => line.action === 'refuse')?.details[0]).toMatch(/^date_value: /);
    expect(() => applyImport(db, result, clock())).toThrow(ImportRefusedError);
  });

  it('when the CSV is malformed, then the file is refused at the line and the column (as a spreadsheet counts them) where it breaks', () => {
    const result = plan(makeDatabase(), `${header}\r\nx,"unclosed,2025\r\n`, 'broken.csv');
    expect(result.lines).toEqual([expect.objectContaining({ where: 'line 2, column 2', kind: 'file', action: 'refuse' })]);
  });
});
