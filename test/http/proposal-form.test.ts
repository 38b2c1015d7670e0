import { describe, expect, it } from 'vitest';
import type { ClaimProposal } from '../../src/domain/extract/types.js';
import type { Document } from '../../src/domain/types.js';
import { acceptanceFromRows, proposalRows, proposalsView, relationRows, rowsFromForm } from '../../src/http/proposal-form.js';

const DOCUMENT: Document = { id: 'corvane', storyId: 'apple-alibaba', title: 'Corvane', publisherId: 'reuters', url: 'https://example.com/c', publishedAt: '2025-02-20', text: '', createdAt: '2025-02-20T10:00:00.000Z' };
const proposal = (statement: string, extra: Partial<ClaimProposal> = {}): ClaimProposal => ({
  statement,
  quote: `${statement} the people said.`,
  origin: 'two people familiar with the matter',
  verb: 'said',
  relays: ['Reuters'],
  publisher: 'Harbour Times',
  date: { value: '2024-Q4', phrase: 'the fourth quarter last year' },
  claimedAt: null,
  actors: ['Corvane Airlines', 'Maersk'],
  ownVoice: false,
  alreadyTracked: false,
  ...extra,
});

/** The form as a browser sends it back for these rows: checkboxes only when ticked. */
function sent(rows: ReturnType<typeof rowsFromForm>): Record<string, string> {
  const view = proposalsView(rows, []);
  const body: Record<string, string> = { count: String(view.count), relationCount: String(view.relationCount), editor: rows.editor };
  view.proposals.forEach((p) => {
    if (p.keep.checked) body[p.keep.name] = 'on';
    for (const field of Object.values(p.fields)) body[field.name] = field.value;
    for (const hidden of p.hidden) body[hidden.name] = hidden.value;
  });
  view.relations.forEach((r) => {
    if (r.keep.checked) body[r.keep.name] = 'on';
    body[r.relation.name] = r.relation.value;
    for (const hidden of r.hidden) body[hidden.name] = hidden.value;
  });
  return body;
}

describe('the proposals form', () => {
  const proposals = proposalRows([proposal('A happened.'), proposal('B happened.', { alreadyTracked: true, citing: 'a banker' }), proposal('C happened.')], DOCUMENT, '2025-03-01');
  const rows = { proposals, relations: relationRows([{ from: 0, relation: 'before', to: 1, quote: 'initially' }, { from: 2, relation: 'after', to: 0, quote: 'After that' }], proposals), editor: 'Ana' };

  it('when a reading is shown, then what a stored claim quotes is left unticked, and so is a relation to it', () => {
    expect(proposals.map((p) => p.keep)).toEqual([true, false, true]);
    expect(rows.relations.map((r) => r.keep)).toEqual([false, true]);
    expect(proposals[0]).toMatchObject({ relays: 'Reuters', actors: 'Corvane Airlines, Maersk', date: 'the fourth quarter last year', claimedAt: '' });
  });

  it('when the form comes back as shown, then the rows are read as they were', () => {
    expect(rowsFromForm(sent(rows))).toEqual(rows);
  });

  it('when the ticked rows are put in the API’s terms, then proposals are the ticked ones and relations index them', () => {
    const { body } = acceptanceFromRows(rowsFromForm(sent(rows)));

    expect((body.proposals as Array<{ statement: string }>).map((p) => p.statement)).toEqual(['A happened.', 'C happened.']);
    expect(body.relations).toEqual([{ from: 1, relation: 'after', to: 0, quote: 'After that' }]);
    expect(body.editor).toBe('Ana');
  });

  it.each([
    ['proposals[1].quote', { field: 'p2.quote', message: 'Proposal 3 (“C happened.”): The quote is not in “Corvane”' }],
    ['proposals[0].origin', { field: 'p0.origin', message: 'Proposal 1 (“A happened.”): The quote is not in “Corvane”' }],
    ['proposals[0].story', { field: 'p0.statement', message: 'Proposal 1 (“A happened.”): The quote is not in “Corvane”' }],
    ['relations[0]', { field: 'r1.keep', message: 'Relation 2: The quote is not in “Corvane”' }],
    ['editor', { field: 'editor', message: 'The quote is not in “Corvane”' }],
  ])('when the API names %s, then the form names %j', (field, expected) => {
    const { toForm } = acceptanceFromRows(rowsFromForm(sent(rows)));

    expect(toForm({ field, message: 'The quote is not in “Corvane”' })).toEqual(expected);
  });

  it('when a form says it has more rows than are kept at once, then only that many are read', () => {
    expect(rowsFromForm({ count: '100000', relationCount: '-4' }).proposals).toHaveLength(100);
    expect(rowsFromForm({ count: '100000', relationCount: '-4' }).relations).toHaveLength(0);
  });
});
