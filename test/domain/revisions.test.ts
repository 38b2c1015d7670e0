import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../src/domain/dates/claim-date.js';
import {
  EDITABLE_FIELDS,
  RevisionConflictError,
  applyChanges,
  diffClaim,
  isStale,
  replay,
  reviseClaim,
} from '../../src/domain/revisions.js';
import type { Claim, Revision } from '../../src/domain/types.js';

function baiduClaim(): Claim {
  return {
    id: 'apple-picks-baidu',
    storyId: 'story',
    statement: 'Apple selected Baidu as its main AI partner in China',
    date: dateFromValue('2024'),
    claimedAt: dateFromValue('2025-02-11'),
    actors: ['apple', 'baidu'],
    topics: ['ai'],
    status: 'reported',
    statusHistory: [],
    attributions: [{ sourceId: 'the-information', role: 'origin', verb: 'reported' }],
    supersedes: [],
    revision: 1,
    createdAt: '2025-02-12T08:00:00.000Z',
    updatedAt: '2025-02-12T08:00:00.000Z',
  };
}

/** What the edit route does: diff the form's claim against the stored one and record the change. */
function edit(current: Claim, edited: Claim, at: string): { claim: Claim; revision: Revision } {
  const changes = diffClaim(current, edited);
  const revision: Revision = {
    id: `rev-${current.revision + 1}`,
    claimId: current.id,
    revision: current.revision + 1,
    at,
    editor: 'ana',
    reason: 'source re-read',
    changes,
  };
  return {
    claim: { ...applyChanges(current, changes, 'forward'), revision: revision.revision, updatedAt: at },
    revision,
  };
}

describe('EDITABLE_FIELDS', () => {
  it('when a claim is edited, then identity and bookkeeping fields are not among those it may change', () => {
    expect(EDITABLE_FIELDS).toEqual([
      'statement',
      'shortName',
      'date',
      'claimedAt',
      'actors',
      'topics',
      'attributions',
      'status',
      'supersedes',
    ]);
  });
});

describe('diffClaim', () => {
  it('when nothing changed, then there is no change', () => {
    expect(diffClaim(baiduClaim(), baiduClaim())).toEqual([]);
  });

  it('when fields changed, then each is listed once with its whole old and new value', () => {
    const before = baiduClaim();
    const after: Claim = {
      ...before,
      statement: 'Apple initially selected Baidu as its main AI partner in China',
      actors: ['apple', 'baidu', 'alibaba'],
      date: dateFromValue('2024-Q3'),
    };

    expect(diffClaim(before, after)).toEqual([
      {
        field: 'statement',
        from: 'Apple selected Baidu as its main AI partner in China',
        to: 'Apple initially selected Baidu as its main AI partner in China',
      },
      { field: 'date', from: dateFromValue('2024'), to: dateFromValue('2024-Q3') },
      { field: 'actors', from: ['apple', 'baidu'], to: ['apple', 'baidu', 'alibaba'] },
    ]);
  });

  it('when only key order differs or a key is undefined, then nothing is reported as changed', () => {
    const before = baiduClaim();
    const after: Claim = {
      ...before,
      attributions: [{ verb: 'reported', role: 'origin', sourceId: 'the-information', note: undefined }],
    };

    expect(diffClaim(before, after)).toEqual([]);
  });

  it('when a non-editable field differs, then the edit does not record it', () => {
    const before = baiduClaim();

    expect(diffClaim(before, { ...before, id: 'other', revision: 9, createdAt: 'x' })).toEqual([]);
  });

  it('when the status form also appends to the history, then asking for statusHistory records it', () => {
    const before = baiduClaim();
    const statusHistory = [{ status: 'superseded' as const, on: '2025-02-11', recordedAt: '2025-02-12T09:00:00.000Z' }];

    const changes = diffClaim(before, { ...before, status: 'superseded', statusHistory }, ['status', 'statusHistory']);

    expect(changes).toEqual([
      { field: 'status', from: 'reported', to: 'superseded' },
      { field: 'statusHistory', from: [], to: statusHistory },
    ]);
  });

  it('when the edited claim is changed afterwards, then the recorded change keeps the values it had', () => {
    const before = baiduClaim();
    const after: Claim = { ...before, topics: ['ai', 'china'] };
    const [change] = diffClaim(before, after);

    after.topics.push('smartphones');

    expect(change!.to).toEqual(['ai', 'china']);
  });
});

describe('applyChanges', () => {
  it('when changes are applied forward then backward, then the claim is back as it was', () => {
    const before = baiduClaim();
    const changes = diffClaim(before, { ...before, status: 'disputed', topics: ['ai', 'china'] });

    const forward = applyChanges(before, changes, 'forward');
    const back = applyChanges(forward, changes, 'backward');

    expect(forward).toMatchObject({ status: 'disputed', topics: ['ai', 'china'] });
    expect(back).toEqual(before);
  });

  it('when changes are applied, then the claim given is not modified', () => {
    const before = baiduClaim();

    applyChanges(before, [{ field: 'status', from: 'reported', to: 'confirmed' }], 'forward');

    expect(before.status).toBe('reported');
  });

  it('when the claim does not hold the value a change starts from, then it refuses instead of overwriting', () => {
    const confirmed: Claim = { ...baiduClaim(), status: 'confirmed' };

    expect(() => applyChanges(confirmed, [{ field: 'status', from: 'reported', to: 'denied' }], 'forward')).toThrow(
      RevisionConflictError,
    );
  });

  it('when a change names a field revisions may not touch, then it is refused', () => {
    expect(() => applyChanges(baiduClaim(), [{ field: 'id', from: 'apple-picks-baidu', to: 'x' }], 'forward')).toThrow(
      RevisionConflictError,
    );
  });
});

describe('replay', () => {
  it('when every revision is replayed from the first stored version, then the result is the current claim', () => {
    const first = baiduClaim();
    const one = edit(first, { ...first, statement: 'Apple initially selected Baidu as its main AI partner in China' }, '2025-02-12T09:00:00.000Z');
    const two = edit(
      one.claim,
      {
        ...one.claim,
        attributions: [
          ...one.claim.attributions,
          { sourceId: 'reuters', role: 'relay', verb: 'relayed' },
          { sourceId: 'asia-financial', role: 'publisher', verb: 'published', note: 'with additional editing' },
        ],
      },
      '2025-02-12T10:00:00.000Z',
    );
    const three = edit(
      two.claim,
      { ...two.claim, status: 'superseded', date: dateFromValue('2024-06'), topics: ['ai', 'china'] },
      '2025-02-13T08:30:00.000Z',
    );

    const revisions = [three.revision, one.revision, two.revision];

    expect(replay(first, revisions)).toEqual(three.claim);
    expect(three.claim.revision).toBe(4);
  });

  it('when replay starts from a later version, then the revisions it already includes are skipped', () => {
    const first = baiduClaim();
    const one = edit(first, { ...first, status: 'disputed' }, '2025-02-12T09:00:00.000Z');
    const two = edit(one.claim, { ...one.claim, status: 'superseded' }, '2025-02-13T09:00:00.000Z');

    expect(replay(one.claim, [one.revision, two.revision])).toEqual(two.claim);
  });

  it('when a revision of another claim is mixed in, then replay refuses', () => {
    const first = baiduClaim();
    const one = edit(first, { ...first, status: 'disputed' }, '2025-02-12T09:00:00.000Z');

    expect(() => replay(first, [{ ...one.revision, claimId: 'apple-picks-alibaba' }])).toThrow(RevisionConflictError);
  });

  it('when every revision is undone backwards from the current claim, then the first version comes back', () => {
    const first = baiduClaim();
    const one = edit(first, { ...first, topics: ['ai', 'china'] }, '2025-02-12T09:00:00.000Z');
    const two = edit(one.claim, { ...one.claim, status: 'superseded' }, '2025-02-13T09:00:00.000Z');

    const undone = [two.revision, one.revision].reduce((claim, r) => applyChanges(claim, r.changes, 'backward'), two.claim);

    expect({ ...undone, revision: first.revision, updatedAt: first.updatedAt }).toEqual(first);
  });
});

describe('reviseClaim', () => {
  it('when an edit changes something, then the claim moves up one revision and the revision records who, when and why', () => {
    const current = baiduClaim();

    const result = reviseClaim(
      current,
      { ...current, status: 'superseded' },
      { id: 'r8Xq', at: '2025-02-13T09:00:00.000Z', editor: 'ana', reason: 'Alibaba chosen instead' },
    );

    expect(result).toEqual({
      claim: { ...current, status: 'superseded', revision: 2, updatedAt: '2025-02-13T09:00:00.000Z' },
      revision: {
        id: 'r8Xq',
        claimId: 'apple-picks-baidu',
        revision: 2,
        at: '2025-02-13T09:00:00.000Z',
        editor: 'ana',
        reason: 'Alibaba chosen instead',
        changes: [{ field: 'status', from: 'reported', to: 'superseded' }],
      },
    });
  });

  it('when an edit changes nothing, then no revision is made', () => {
    const current = baiduClaim();

    expect(reviseClaim(current, { ...current }, { id: 'r1', at: '2025-02-13T09:00:00.000Z', editor: 'ana', reason: '' })).toBeNull();
  });

  it('when revisions come from reviseClaim, then replaying them gives the current claim', () => {
    const first = baiduClaim();
    const meta = (n: number) => ({ id: `r${n}`, at: `2025-02-1${n}T09:00:00.000Z`, editor: 'ana', reason: 'fix' });
    const a = reviseClaim(first, { ...first, actors: ['apple'] }, meta(3))!;
    const b = reviseClaim(a.claim, { ...a.claim, status: 'denied' }, meta(4))!;
    const c = reviseClaim(b.claim, { ...b.claim, actors: ['apple', 'baidu'], status: 'confirmed' }, meta(5))!;

    expect(replay(first, [a.revision, b.revision, c.revision])).toEqual(c.claim);
  });
});

describe('isStale', () => {
  it('when the form was opened on the current revision, then the edit is not stale', () => {
    expect(isStale({ ...baiduClaim(), revision: 3 }, 3)).toBe(false);
  });

  it('when the claim changed since the form was opened, then the edit is stale', () => {
    expect(isStale({ ...baiduClaim(), revision: 4 }, 3)).toBe(true);
  });

  it('when the form carries no usable revision, then the edit is treated as stale', () => {
    expect(isStale(baiduClaim(), Number.NaN)).toBe(true);
  });
});
