import { describe, expect, it } from 'vitest';
import { loadSeedDatabase } from '../../../src/app/seed-files.js';
import { claimFormBody, proposedDateText, validateAcceptance } from '../../../src/domain/extract/acceptance-form.js';
import type { Database, Document } from '../../../src/domain/types.js';

const TODAY = '2025-03-01';
const TEXT = [
  'LONDON, Feb 20 (Reuters) - Corvane Airlines is exploring a sale of its cargo business, two people familiar with the matter said on Thursday.',
  'The carrier hired advisers in the fourth quarter last year, the people said. After that, it approached three logistics groups, the Financial Courier reported.',
].join('\n\n');
const seeded = loadSeedDatabase('2025-03-01T00:00:00.000Z');
const DOCUMENT: Document = { id: 'corvane', storyId: 'apple-alibaba', title: 'Corvane weighs cargo sale', publisherId: 'reuters', url: 'https://example.com/corvane', publishedAt: '2025-02-20', text: TEXT, createdAt: '2025-02-20T10:00:00.000Z' };
const db: Database = { ...seeded, documents: [...seeded.documents, DOCUMENT] };

const HIRED = {
  statement: 'The carrier hired advisers in the fourth quarter last year.',
  quote: 'The carrier hired advisers in the fourth quarter last year, the people said.',
  origin: 'two people familiar with the matter',
  verb: 'said',
  relays: ['Reuters'],
  publisher: 'Reuters',
  date: { value: '2024-Q4', phrase: 'the fourth quarter last year' },
  claimedAt: null,
  actors: ['Corvane Airlines'],
  ownVoice: false,
  alreadyTracked: false,
};
const APPROACHED = { ...HIRED, statement: 'It approached three logistics groups.', quote: 'After that, it approached three logistics groups, the Financial Courier reported.', origin: 'Financial Courier', verb: 'reported', date: { value: '2024-Q4/2025-02-20', phrase: null } };

describe('proposedDateText', () => {
  it.each([
    ['a phrase that reads as its value', { value: '2024-Q4', phrase: 'the fourth quarter last year' }, 'the fourth quarter last year'],
    ['a phrase whose value a person changed', { value: '2024-Q3', phrase: 'the fourth quarter last year' }, '2024-Q3'],
    ['a date inferred from the story', { value: '2024-Q4/2025-02-20', phrase: null }, '2024-Q4/2025-02-20'],
    ['a date as typed', 'late 2024', 'late 2024'],
    ['no date', null, ''],
  ])('when it is %s, then the add form is given “%s”', (_name, date, expected) => {
    expect(proposedDateText(date, HIRED.quote, '2025-02-20', TODAY)).toBe(expected);
  });
});

describe('claimFormBody', () => {
  it('when a proposal is put in the add form’s terms, then its origin is the source, its relays the relays, and its document the one read', () => {
    expect(claimFormBody(HIRED, DOCUMENT, TODAY)).toEqual({
      statement: HIRED.statement,
      date: 'the fourth quarter last year',
      source: 'two people familiar with the matter',
      verb: 'said',
      document: 'corvane',
      quote: HIRED.quote,
      relayedBy: ['Reuters'],
      actors: ['Corvane Airlines'],
      topics: [],
    });
  });
});

describe('validateAcceptance', () => {
  it('when several quotes are checked, then the pause given is awaited between two of them', async () => {
    let pauses = 0;
    await validateAcceptance({ proposals: [HIRED, APPROACHED, HIRED], relations: [{ from: 1, relation: 'after', to: 0 }], editor: 'Ana' }, db, DOCUMENT, TODAY, async () => void (pauses += 1));

    expect(pauses).toBe(3);
  });

  it('when two proposals and their order are kept, then both are drafts of the document’s story with the date read from the phrase', async () => {
    const checked = await validateAcceptance({ proposals: [HIRED, APPROACHED], relations: [{ from: 1, relation: 'after', to: 0, quote: 'After that' }], editor: 'Ana' }, db, DOCUMENT, TODAY);

    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.claims.map(({ draft }) => [draft.storyId, draft.date.value, draft.date.phrase, draft.anchor?.exact])).toEqual([
      ['apple-alibaba', '2024-Q4', 'the fourth quarter last year', HIRED.quote],
      ['apple-alibaba', '2024-Q4/2025-02-20', undefined, APPROACHED.quote],
    ]);
    expect(checked.value.relations).toEqual([{ from: 1, relation: 'after', to: 0, quote: 'After that' }]);
  });

  it.each([
    ['a quote not in the document', { proposals: [{ ...HIRED, quote: 'The carrier hired three banks.' }], editor: 'Ana' }, 'proposals[0].quote', /not in “Corvane weighs cargo sale”/],
    ['no date', { proposals: [HIRED, { ...APPROACHED, date: null }], editor: 'Ana' }, 'proposals[1].date', /Give the date/],
    ['a date that cannot be read', { proposals: [{ ...HIRED, date: 'soonish' }], editor: 'Ana' }, 'proposals[0].date', /The date: /],
    ['no origin', { proposals: [{ ...HIRED, origin: '' }], editor: 'Ana' }, 'proposals[0].origin', /Name who made the claim/],
    ['too many relays', { proposals: [{ ...HIRED, relays: Array.from({ length: 21 }, (_, i) => `Wire ${i}`) }], editor: 'Ana' }, 'proposals[0].relays', /at most 20/],
    ['a field proposals do not have', { proposals: [{ ...HIRED, score: 1 }], editor: 'Ana' }, 'proposals[0].score', /unknown field/],
    ['a relation past the list', { proposals: [HIRED], relations: [{ from: 0, relation: 'after', to: 1 }], editor: 'Ana' }, 'relations[0]', /not among the 1 kept/],
    ['the same pair related twice', { proposals: [HIRED, APPROACHED], relations: [{ from: 1, relation: 'after', to: 0 }, { from: 0, relation: 'before', to: 1 }], editor: 'Ana' }, 'relations[1]', /already related/],
    ['relation words not in the document', { proposals: [HIRED, APPROACHED], relations: [{ from: 1, relation: 'after', to: 0, quote: 'Much later' }], editor: 'Ana' }, 'relations[0].quote', /are not in/],
    ['no editor', { proposals: [HIRED] }, 'editor', /Say who is adding these claims/],
    ['more proposals than are kept at once', { proposals: Array.from({ length: 101 }, () => HIRED), editor: 'Ana' }, 'proposals', /at most 100/],
  ])('when a body has %s, then it is refused naming %s', async (_name, body, field, message) => {
    const checked = await validateAcceptance(body, db, DOCUMENT, TODAY);

    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const error = checked.errors.find((e) => e.field === field);
    expect(error, JSON.stringify(checked.errors)).toBeDefined();
    expect(error?.message).toMatch(message);
  });
});
