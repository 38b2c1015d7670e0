import { describe, expect, it } from 'vitest';
import { loadSeedDatabase } from '../../../src/app/seed-files.js';
import type { ClockContext } from '../../../src/domain/add-claim.js';
import { SKIPPED_QUOTES_LIMIT } from '../../../src/domain/add-document.js';
import { AcceptanceRefusedError, acceptProposals } from '../../../src/domain/extract/accept-proposals.js';
import { validateAcceptance, type Acceptance } from '../../../src/domain/extract/acceptance-form.js';
import type { Database, Document } from '../../../src/domain/types.js';

const TODAY = '2025-03-01';
const TEXT = 'The carrier hired advisers in the fourth quarter last year, the people said. After that, it approached three logistics groups, the Financial Courier reported, citing a banker. Corvane will report results on March 6, the company said.';
const seeded = loadSeedDatabase('2025-03-01T00:00:00.000Z');
const DOCUMENT: Document = { id: 'corvane', storyId: 'apple-alibaba', title: 'Corvane weighs cargo sale', publisherId: 'reuters', url: 'https://example.com/corvane', publishedAt: '2025-02-20', text: TEXT, createdAt: '2025-02-20T10:00:00.000Z' };
const db: Database = { ...seeded, documents: [...seeded.documents, DOCUMENT] };

let n = 0;
const context: ClockContext = { now: '2025-03-01T12:00:00.000Z', today: TODAY, newId: () => `id-${++n}` };

const HIRED = { statement: 'The carrier hired advisers.', quote: 'The carrier hired advisers in the fourth quarter last year, the people said.', origin: 'two people familiar with the matter', verb: 'said', relays: [], date: { value: '2024-Q4', phrase: 'the fourth quarter last year' } };
const APPROACHED = { statement: 'It approached three logistics groups.', quote: 'After that, it approached three logistics groups, the Financial Courier reported, citing a banker.', origin: 'Financial Courier', verb: 'reported', citing: 'a banker', date: '2024-Q4/2025-02-20' };
const RESULTS = { statement: 'Corvane will report results on March 6.', quote: 'Corvane will report results on March 6, the company said.', origin: 'Corvane Airlines', date: { value: '2025-03-06', phrase: 'March 6' } };

async function acceptance(body: Record<string, unknown>): Promise<Acceptance> {
  const checked = await validateAcceptance({ editor: 'Ana', ...body }, db, DOCUMENT, TODAY);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

describe('acceptProposals', () => {
  it('when proposals are kept, then each is a claim of the document’s story, whose first revision says it came from the reading', async () => {
    const { data, result } = acceptProposals(db, 'corvane', await acceptance({ proposals: [HIRED, APPROACHED] }), [], context);

    expect(result.claims.map((c) => [c.statement, c.storyId, c.revision])).toEqual([
      ['The carrier hired advisers.', 'apple-alibaba', 1],
      ['It approached three logistics groups.', 'apple-alibaba', 1],
    ]);
    expect(data.claims).toHaveLength(db.claims.length + 2);
    expect(data.revisions.slice(-2).map((r) => [r.claimId, r.revision, r.editor, r.reason, r.changes])).toEqual(
      result.claims.map((c) => [c.id, 1, 'Ana', 'From a reading of “Corvane weighs cargo sale”', []]),
    );
    expect(result.claims[1]?.attributions[0]).toMatchObject({ sourceId: 'financial-courier', role: 'origin', note: 'citing a banker' });
    expect(result.claims[0]?.attributions.map((a) => [a.sourceId, a.role])).toEqual([
      ['two-people-familiar-with-the-matter', 'origin'],
      ['reuters', 'publisher'],
    ]);
  });

  it('when a relation between kept proposals is kept, then it is stored and recorded in both claims’ histories', async () => {
    const { data, result } = acceptProposals(db, 'corvane', await acceptance({ proposals: [HIRED, APPROACHED], relations: [{ from: 1, relation: 'after', to: 0, quote: 'After that' }] }), [], context);

    expect(result.relations).toEqual([expect.objectContaining({ from: result.claims[1]?.id, relation: 'after', to: result.claims[0]?.id, quote: 'After that', documentId: 'corvane' })]);
    expect(result.claims.map((c) => c.revision)).toEqual([2, 2]);
    expect(data.revisions.filter((r) => r.claimId === result.claims[0]?.id)).toHaveLength(2);
  });

  it('when a kept relation contradicts the dates, then the whole acceptance is refused with the conflict', async () => {
    const kept = await acceptance({ proposals: [RESULTS, HIRED], relations: [{ from: 0, relation: 'before', to: 1 }] });
    const refused = () => acceptProposals(db, 'corvane', kept, [], context);

    expect(refused).toThrow(AcceptanceRefusedError);
    try {
      refused();
    } catch (error) {
      expect((error as AcceptanceRefusedError).errors[0]?.field).toBe('relations[0]');
      expect((error as AcceptanceRefusedError).conflict?.claims.map((c) => c.statement)).toEqual(expect.arrayContaining([RESULTS.statement, HIRED.statement]));
    }
  });

  it.each([
    ['nothing was skipped before', undefined, ['q1', 'q2'], ['q1', 'q2']],
    ['some were skipped before', ['q0', 'q1'], ['q1', 'q2'], ['q0', 'q1', 'q2']],
    ['more were skipped than a document keeps', Array.from({ length: SKIPPED_QUOTES_LIMIT }, (_, i) => `old ${i}`), ['new'], [...Array.from({ length: SKIPPED_QUOTES_LIMIT - 1 }, (_, i) => `old ${i + 1}`), 'new']],
  ])('when %s, then the document remembers the skipped quotes, newest kept', async (_name, before, skipped, after) => {
    const start = { ...db, documents: db.documents.map((doc) => (doc.id === 'corvane' ? { ...doc, ...(before && { skippedQuotes: before }) } : doc)) };

    const { data } = acceptProposals(start, 'corvane', await acceptance({ proposals: [] }), skipped, context);

    expect(data.documents.find((doc) => doc.id === 'corvane')?.skippedQuotes).toEqual(after);
  });

  it('when nothing new is skipped and nothing kept, then the data is unchanged', async () => {
    const start = { ...db, documents: db.documents.map((doc) => (doc.id === 'corvane' ? { ...doc, skippedQuotes: ['q1'] } : doc)) };

    const { data } = acceptProposals(start, 'corvane', await acceptance({ proposals: [] }), ['q1'], context);

    expect(data.documents).toBe(start.documents);
    expect(data.claims).toBe(start.claims);
  });
});
