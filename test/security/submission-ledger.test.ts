import { describe, expect, it } from 'vitest';
import { SubmissionLedger } from '../../src/http/security/submission-ledger.js';

const done = { status: 303, location: '/claims/a' };

describe('the submission ledger', () => {
  it('when a submission succeeded, then the next one with its key gets the same outcome', async () => {
    const ledger = new SubmissionLedger({ ttlMs: 1000, maxEntries: 10 });
    const first = await ledger.claim('k');
    if (!('settle' in first)) throw new Error('the first claim should run');
    first.settle(done);
    expect(await ledger.claim('k')).toEqual({ replay: done });
  });

  it('when a submission is still running, then the next one waits for it and gets its outcome', async () => {
    const ledger = new SubmissionLedger({ ttlMs: 1000, maxEntries: 10 });
    const first = await ledger.claim('k');
    const waiting = ledger.claim('k');
    if (!('settle' in first)) throw new Error('the first claim should run');
    setTimeout(() => first.settle(done), 5);
    expect(await waiting).toEqual({ replay: done });
  });

  it('when a submission failed, then exactly one waiting duplicate runs next and the others wait for that one', async () => {
    const ledger = new SubmissionLedger({ ttlMs: 1000, maxEntries: 10 });
    const first = await ledger.claim('k');
    const second = ledger.claim('k');
    const third = ledger.claim('k');
    if (!('settle' in first)) throw new Error('the first claim should run');
    first.settle(undefined);
    const next = await second;
    if (!('settle' in next)) throw new Error('after a failure the next claim should run');
    next.settle(done);
    expect(await third).toEqual({ replay: done });
  });

  it('when the time to live has passed, then the key may run again', async () => {
    let now = 0;
    const ledger = new SubmissionLedger({ ttlMs: 1000, maxEntries: 10, now: () => now });
    const first = await ledger.claim('k');
    if ('settle' in first) first.settle(done);
    now = 1001;
    expect('settle' in (await ledger.claim('k'))).toBe(true);
  });

  it('when more keys arrive than it may hold, then the oldest are forgotten and the size stays bounded', async () => {
    const ledger = new SubmissionLedger({ ttlMs: 60_000, maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      const claim = await ledger.claim(key);
      if ('settle' in claim) claim.settle(done);
    }
    expect(ledger.size).toBe(3);
    expect('settle' in (await ledger.claim('a'))).toBe(true);
    expect(await ledger.claim('e')).toEqual({ replay: done });
  });
});
