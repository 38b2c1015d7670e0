import { describe, expect, it } from 'vitest';
import { recordLimitProblems, type LimitedRecord } from '../../src/domain/record-limits.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';
import { claimById, makeDatabase } from './formats/fixture.js';

const db = makeDatabase();
const claim = claimById(db, 'alibaba-chosen');
const source = db.sources[0]!;
const document = db.documents[0]!;

describe('recordLimitProblems', () => {
  it('when every record of the shipped story is checked, then none breaks a limit of the forms', () => {
    const story = loadSeedDatabase('2025-03-01T12:00:00.000Z');
    const all: Array<[LimitedRecord, unknown[]]> = [
      ['source', story.sources],
      ['document', story.documents],
      ['claim', story.claims],
      ['revision', story.revisions],
    ];
    for (const [kind, records] of all) for (const record of records) expect(recordLimitProblems(kind, record)).toEqual([]);
  });

  const cases: Array<[string, LimitedRecord, unknown, string[]]> = [
    ['a statement of 600 characters', 'claim', { ...claim, statement: 's'.repeat(600) }, []],
    ['a statement of 601 characters', 'claim', { ...claim, statement: 's'.repeat(601) }, ['statement: The statement must be at most 600 characters']],
    ['an empty statement', 'claim', { ...claim, statement: '  ' }, ['statement: Write what was claimed']],
    ['a javascript: link on an attribution', 'claim', { ...claim, attributions: [{ ...claim.attributions[0], url: ' javascript:alert(1)' }] }, ['attributions[0].url: Give a web address starting with http:// or https://']],
    ['a quote of 2,001 characters', 'claim', { ...claim, attributions: [{ ...claim.attributions[0], quote: 'q'.repeat(2001) }] }, ['attributions[0].quote: The quote must be at most 2000 characters']],
    ['a verb of 41 characters', 'claim', { ...claim, attributions: [{ ...claim.attributions[0], verb: 'v'.repeat(41) }] }, ['attributions[0].verb: The verb must be at most 40 characters']],
    ['twenty-one topics', 'claim', { ...claim, topics: Array.from({ length: 21 }, (_, i) => `t${i}`) }, ['topics: list at most 20 topics']],
    ['an actor name of 121 characters', 'claim', { ...claim, actors: ['a'.repeat(121)] }, ['actors: each of the actors must be at most 120 characters']],
    ['a date phrase of 101 characters', 'claim', { ...claim, date: { ...claim.date, phrase: 'p'.repeat(101) } }, ['date.phrase: The date as written must be at most 100 characters']],
    ['a status note of 501 characters', 'claim', { ...claim, statusHistory: [{ ...claim.statusHistory[0], note: 'n'.repeat(501) }] }, ['statusHistory[0].note: The note must be at most 500 characters']],
    ['an id of 101 characters', 'claim', { ...claim, id: 'i'.repeat(101) }, ['id: The id must be at most 100 characters']],
    ['a source with an https link', 'source', source, []],
    ['a source with a vbscript: link', 'source', { ...source, url: 'vbscript:msgbox(1)' }, ['url: Give a web address starting with http:// or https://']],
    ['a source name of 121 characters', 'source', { ...source, name: 'n'.repeat(121) }, ['name: The name must be at most 120 characters']],
    ['a document with a scheme-relative link', 'document', { ...document, url: '//evil.example/x' }, ['url: Give a web address starting with http:// or https://']],
    ['a document text of 200,001 characters', 'document', { ...document, text: 't'.repeat(200_001) }, ['text: The text must be at most 200000 characters']],
    ['a document without text', 'document', { ...document, text: undefined }, []],
    ['a revision whose reason is 501 characters', 'revision', { id: 'r', claimId: 'c', editor: 'Ana', reason: 'r'.repeat(501) }, ['reason: The reason must be at most 500 characters']],
  ];
  for (const [what, kind, record, problems] of cases) {
    it(`when a ${kind} has ${what}, then the problems are ${JSON.stringify(problems)}`, () => {
      expect(recordLimitProblems(kind, record)).toEqual(problems);
    });
  }
});
