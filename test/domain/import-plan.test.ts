import { describe, expect, it } from 'vitest';
import type { ClockContext } from '../../src/domain/add-claim.js';
import { CSV_COLUMNS, toCsv } from '../../src/domain/formats/csv.js';
import { stringifyExport, toExportJson } from '../../src/domain/formats/export-json.js';
import { toTimelineJs } from '../../src/domain/formats/timelinejs.js';
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

const empty = (): Database => ({ version: 3, stories: [], sources: [], documents: [], claims: [], revisions: [], relations: [] });

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

describe('importing relations', () => {
  const withRelations = (relations: Array<[string, 'before' | 'after' | 'during', string]>): Database => {
    const db = makeDatabase();
    return { ...db, relations: relations.map(([from, relation, to], i) => ({ id: `rel-${i}`, from, relation, to, createdAt: '2025-03-01T09:00:00.000Z' })) };
  };

  it('when an export carries relations, then they are imported with the claims and export again the same', () => {
    const db = withRelations([['alibaba-chosen', 'after', 'baidu-selected']]);
    const imported = importInto(empty(), exportOf(db), 'story.json');
    expect(imported.relations).toEqual(db.relations);
    expect(exportOf(imported)).toBe(exportOf({ ...imported, relations: db.relations }));
  });

  it('when a relation in the file contradicts the dates, then it is refused, naming the claims, and nothing of the file is stored', () => {
    const db = withRelations([['baidu-selected', 'after', 'alibaba-chosen']]);
    const result = plan(empty(), exportOf(db), 'story.json');
    expect(result.ok).toBe(false);
    const refused = result.lines.filter((line) => line.action === 'refuse');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ kind: 'relation', id: 'rel-0', where: 'relations[0]' });
    expect(refused[0]?.details[0]).toMatch(/cannot be after/);
    expect(() => applyImport(empty(), result, clock())).toThrow(ImportRefusedError);
  });

  it('when relations in the file close a loop with relations already stored, then the import is refused whole', () => {
    const stored = withRelations([['alibaba-chosen', 'after', 'baidu-selected']]);
    const file = { ...stored, relations: [{ id: 'rel-back', from: 'baidu-selected', relation: 'after' as const, to: 'alibaba-chosen', createdAt: '2025-03-01T09:00:00.000Z' }] };
    const result = plan(stored, exportOf(file), 'loop.json');
    expect(result.ok).toBe(false);
    expect(result.lines.find((line) => line.id === 'rel-back')).toMatchObject({ action: 'refuse' });
  });

  it('when a file of format version 1 (before relations) is imported, then it imports as it did, with no relations', () => {
    const db = makeDatabase();
    const v1 = JSON.parse(exportOf(db)) as { formatVersion: number; relations?: unknown; stories?: unknown; claims: Array<{ storyId?: string }>; documents: Array<{ storyId?: string }> };
    v1.formatVersion = 1;
    delete v1.relations;
    delete v1.stories;
    for (const record of [...v1.claims, ...v1.documents]) delete record.storyId;
    const result = plan(empty(), JSON.stringify(v1), 'old.json');
    // The story it goes into is new: there was none to import into.
    expect(result).toMatchObject({ ok: true, counts: { add: 11, update: 0, unchanged: 0, refuse: 0 } });
    const imported = importInto(empty(), JSON.stringify(v1), 'old.json');
    expect(imported.stories.map((story) => story.slug)).toEqual(['old']);
    const withoutStory = (records: Array<{ storyId: string }>) => records.map(({ storyId: _story, ...rest }) => rest);
    const current = importInto(empty(), exportOf(db), 'new.json');
    expect(withoutStory(imported.claims)).toEqual(withoutStory(current.claims));
    expect(withoutStory(imported.documents)).toEqual(withoutStory(current.documents));
  });

  it('when a relation’s words are longer than the form takes, then it is refused naming the field', () => {
    const db = withRelations([['alibaba-chosen', 'after', 'baidu-selected']]);
    const file = { ...db, relations: db.relations.map((r) => ({ ...r, quote: 'x'.repeat(5000) })) };
    const result = plan(empty(), exportOf(file), 'long.json');
    expect(result.lines.find((line) => line.kind === 'relation')).toMatchObject({ action: 'refuse', details: [expect.stringMatching(/^quote: /)] });
  });

  it('when a version 1 file carries relations, then it is refused at that field', () => {
    const v1 = JSON.parse(exportOf(withRelations([['alibaba-chosen', 'after', 'baidu-selected']]))) as Record<string, unknown>;
    v1.formatVersion = 1;
    const result = plan(empty(), JSON.stringify(v1), 'odd.json');
    expect(result.lines).toContainEqual(expect.objectContaining({ where: 'relations', action: 'refuse', details: ['relations need format version 2'] }));
  });
});

describe('importing a Claimline export', () => {
  it('when a whole export goes into an empty database, then every record is added and the database is the exported one', () => {
    const db = makeDatabase();
    const result = plan(empty(), exportOf(db), 'story.json');
    expect(result).toMatchObject({ format: 'claimline-json', ok: true, counts: { add: 11, update: 0, unchanged: 0, refuse: 0 } });
    const imported = importInto(empty(), exportOf(db), 'story.json');
    const used = (id: string) => !['unused', 'unused-document'].includes(id);
    expect(imported).toEqual({ ...db, sources: db.sources.filter((s) => used(s.id)), documents: db.documents.filter((d) => used(d.id)) });
  });

  it('when the same file is imported twice, then the second import adds and changes nothing', () => {
    const once = importInto(empty(), exportOf(makeDatabase()), 'story.json');
    const again = plan(once, exportOf(makeDatabase()), 'story.json');
    expect(again.counts).toEqual({ add: 0, update: 0, unchanged: 11, refuse: 0 });
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

  it('when a record carries a link that is not http(s) or text longer than the forms allow, then it is refused naming where and what, and nothing is stored', () => {
    const hostile = makeDatabase();
    hostile.sources[0] = { ...hostile.sources[0]!, url: 'javascript:alert(1)' };
    hostile.documents[0] = { ...hostile.documents[0]!, url: 'JaVaScRiPt:alert(1)', title: 't'.repeat(301) };
    const quoted = claimById(hostile, 'alibaba-chosen');
    quoted.statement = 's'.repeat(100_000);
    quoted.attributions[0] = { ...quoted.attributions[0]!, url: 'data:text/html,<script>alert(1)</script>' };
    claimById(hostile, 'china-launch').actors = Array.from({ length: 21 }, (_, i) => `Actor ${i}`);
    const result = plan(empty(), exportOf(hostile), 'hostile.json');
    expect(result.ok).toBe(false);
    const refused = Object.fromEntries(result.lines.filter((line) => line.action === 'refuse').map((line) => [line.where, line.details]));
    expect(refused).toEqual({
      'sources[0]': ['url: Give a web address starting with http:// or https://'],
      'documents[0]': ['title: The title must be at most 300 characters', 'url: Give a web address starting with http:// or https://'],
      'claims[0]': ['statement: The statement must be at most 600 characters', 'attributions[0].url: Give a web address starting with http:// or https://'],
      'claims[1]': ['actors: list at most 20 actors'],
    });
    expect(() => applyImport(empty(), result, clock())).toThrow(ImportRefusedError);
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
      'add story story',
      'add source the-information',
      'add source reuters',
      'add claim alibaba-chosen',
      'add claim china-launch',
      'add claim baidu-selected',
    ]);
    expect(result.lines[3]?.details[0]).toContain('document “reuters-apple-alibaba” is not in this database');
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

  it('when a row carries a javascript: link or a statement longer than the form allows, then that line is refused naming the field, and nothing is stored', () => {
    const db = makeDatabase();
    const row = (id: string, statement: string, url: string) => `${id},${statement},2025-02-11,,,,,2025-02-11,,,,,origin,reuters,Reuters,said,,${url},,,`;
    const csv = [
      header,
      row('fine-claim', 'A fine claim', 'https://news.example/fine'),
      row('link-claim', 'A claim with a hostile link', 'javascript:alert(document.cookie)'),
      row('long-claim', 'x'.repeat(100_000), 'https://news.example/long'),
      '',
    ].join('\r\n');
    const result = plan(db, csv, 'hostile.csv');
    expect(result.ok).toBe(false);
    const refused = result.lines.filter((line) => line.action === 'refuse');
    expect(refused.map((line) => [line.where, line.id])).toEqual([
      ['line 3', 'link-claim'],
      ['line 4', 'long-claim'],
    ]);
    expect(refused[0]?.details).toEqual(['attributions[0].url: Give a web address starting with http:// or https://']);
    expect(refused[1]?.details).toEqual(['statement: The statement must be at most 600 characters']);
    expect(() => applyImport(db, result, clock())).toThrow(ImportRefusedError);
  });

  it('when the CSV is malformed, then the file is refused at the line and the column (as a spreadsheet counts them) where it breaks', () => {
    const result = plan(makeDatabase(), `${header}\r\nx,"unclosed,2025\r\n`, 'broken.csv');
    expect(result.lines).toEqual([expect.objectContaining({ where: 'line 2, column 2', kind: 'file', action: 'refuse' })]);
  });
});

describe('importing an ordinary spreadsheet', () => {
  const sheet = [
    'Statement,Date,Source,URL,Quote,Published',
    'Apple picked Alibaba for its China AI,last month,The Information,https://example.com/apple-alibaba,,2025-02-11',
    'Apple and Alibaba talked in Q2,the second quarter last year,Reuters,,,2025-02-11',
    '',
  ].join('\r\n');

  it('when the headers are the form’s fields, then each row is a new claim with an id made for it and dates read against its published day', () => {
    const result = plan(makeDatabase(), sheet, 'sheet.csv');
    expect(result).toMatchObject({ format: 'spreadsheet', ok: true, counts: { add: 2, refuse: 0 } });
    const db = importInto(makeDatabase(), sheet, 'sheet.csv');
    const added = db.claims.filter((claim) => !makeDatabase().claims.some((old) => old.id === claim.id));
    expect(added.map((claim) => [claim.statement, claim.date.value, claim.date.reference, claim.claimedAt.value])).toEqual([
      ['Apple picked Alibaba for its China AI', '2025-01', '2025-02-11', '2025-02-11'],
      ['Apple and Alibaba talked in Q2', '2024-Q2', '2025-02-11', '2025-02-11'],
    ]);
    expect(added.every((claim) => /^[A-Za-z0-9_-]{12}$/.test(claim.id) && claim.status === 'reported')).toBe(true);
    expect(added[0]?.attributions).toEqual([{ sourceId: 'the-information', role: 'origin', verb: 'said', url: 'https://example.com/apple-alibaba' }]);
    expect(added[1]?.attributions[0]?.sourceId).toBe('reuters');
  });

  it('when the same spreadsheet is imported twice, then the second time adds nothing', () => {
    const once = importInto(makeDatabase(), sheet, 'sheet.csv');
    expect(plan(once, sheet, 'sheet.csv').counts).toEqual({ add: 0, update: 0, unchanged: 2, refuse: 0 });
  });

  it('when a row cites a stored document, then its phrase is read against the document’s day and its quote is anchored there', () => {
    const text = 'statement,date,source,document,quote\r\nAlibaba was chosen,yesterday,The Information,reuters-apple-alibaba,Apple has chosen Alibaba as its AI partner in China\r\n';
    const db = importInto(makeDatabase(), text, 'sheet.csv');
    const claim = db.claims.at(-1);
    expect(claim?.date).toMatchObject({ value: '2025-02-10', reference: '2025-02-11' });
    expect(claim?.attributions[0]).toMatchObject({ documentId: 'reuters-apple-alibaba', anchor: { start: 0, end: 51 } });
    expect(claim?.attributions.map((attribution) => attribution.role)).toEqual(['origin', 'publisher']);
  });

  it('when a row breaks the form’s rules, then it is refused with the form’s own messages and nothing is stored', () => {
    const text = 'statement,date,source,url\r\nFine,2024,Reuters,\r\n,2024-13,Reuters,javascript:alert(1)\r\n';
    const result = plan(makeDatabase(), text, 'sheet.csv');
    expect(result.ok).toBe(false);
    const refused = result.lines.find((line) => line.action === 'refuse');
    expect(refused).toMatchObject({ where: 'line 3', kind: 'claim' });
    expect(refused?.details).toEqual(expect.arrayContaining([expect.stringMatching(/^statement: /), expect.stringMatching(/^url: Give a web address/)]));
    expect(() => applyImport(makeDatabase(), result, clock())).toThrow(ImportRefusedError);
  });

  it('when a source is new, then it is added once however many rows name it', () => {
    const text = 'statement,date,source\r\nA,2024,Nikkei Asia\r\nB,2024,nikkei asia\r\n';
    const result = plan(makeDatabase(), text, 'sheet.csv');
    expect(actions(result).filter((action) => action.startsWith('add source'))).toEqual(['add source nikkei-asia']);
  });

  it('when headers are unknown and no mapping is given, then the file is refused naming them; with a mapping it is read', () => {
    const text = 'Claim text,When,Said by\r\nA,2024,Reuters\r\n';
    const refused = plan(makeDatabase(), text, 'sheet.csv');
    expect(refused.lines).toEqual([expect.objectContaining({ where: 'line 1', kind: 'file', action: 'refuse' })]);
    const mapped = planImport(makeDatabase(), readImport(text, { name: 'sheet.csv', today, mapping: { byIndex: { 0: 'statement', 1: 'date', 2: 'source' } } }), clock());
    expect(mapped.counts.add).toBe(1);
  });
});

describe('importing TimelineJS', () => {
  it('when Claimline’s own TimelineJS export goes back into the database it came from, then nothing changes', () => {
    const db = makeDatabase();
    const exported = JSON.stringify(toTimelineJs(db, db.claims, { title: 'Claimline', today }));
    const result = plan(db, exported, 'timeline.json');
    expect(result).toMatchObject({ format: 'timelinejs-json', ok: true, counts: { add: 0, update: 0, unchanged: 3, refuse: 0 } });
  });

  it('when it goes into an empty database, then each slide is a claim with its id, statement, date and first actor, from the timeline', () => {
    const db = makeDatabase();
    const imported = importInto(empty(), JSON.stringify(toTimelineJs(db, db.claims, { title: 'Apple in China', today })), 'timeline.json');
    expect(imported.claims.map((claim) => [claim.id, claim.statement, claim.date.value, claim.actors])).toEqual(
      db.claims.map((claim) => [claim.id, claim.statement, claim.date.value, claim.actors.slice(0, 1)]),
    );
    expect(imported.sources).toEqual([{ id: 'apple-in-china', name: 'Apple in China', kind: 'other' }]);
  });

  it('when the TimelineJS sheet is imported, then its rows are claims and its title row is reported as left alone', () => {
    const text = 'Year,Month,Day,Headline,Text,Media,Media Credit,Type,Group\r\n,,,Apple in China,,,,title,\r\n2024,6,,Apple talks to Baidu,,https://www.youtube.com/watch?v=x,Reuters,,Apple\r\n';
    const result = plan(makeDatabase(), text, 'sheet.csv');
    expect(result.format).toBe('timelinejs-sheet');
    expect(actions(result)).toEqual(['unchanged file ', expect.stringMatching(/^add claim /)]);
    const claim = applyImport(makeDatabase(), result, clock()).data.claims.at(-1);
    expect(claim).toMatchObject({ statement: 'Apple talks to Baidu', date: { value: '2024-06' }, actors: ['Apple'], attributions: [{ sourceId: 'reuters', url: 'https://www.youtube.com/watch?v=x', verb: 'published' }] });
  });
});

describe('importing what is none of the formats', () => {
  it('when the file is a web page, then it is refused saying so', () => {
    const result = plan(makeDatabase(), '<!doctype html><html><body>Claims</body></html>', 'page.csv');
    expect(result).toMatchObject({ format: 'unknown', ok: false });
    expect(result.lines[0]?.details[0]).toContain('this file looks like a web page (HTML)');
  });
});

describe('bookkeeping', () => {
  it('when an export of the same story stored at other times is imported, then creation and recording times are no change', () => {
    const db = makeDatabase();
    const later = makeDatabase();
    later.documents = later.documents.map((document) => ({ ...document, createdAt: '2026-01-01T00:00:00.000Z' }));
    later.claims = later.claims.map((claim) => ({ ...claim, statusHistory: claim.statusHistory.map((change) => ({ ...change, recordedAt: '2026-01-01T00:00:00.000Z' })) }));
    expect(plan(later, exportOf(db), 'story.json').counts).toEqual({ add: 0, update: 0, unchanged: 11, refuse: 0 });
  });
});
