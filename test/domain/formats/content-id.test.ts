import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/domain/formats/content-id.js';

describe('contentId', () => {
  const claim = { statement: 'Apple chose Alibaba', date: '2025-02', source: 'Reuters', quote: 'a quote' };

  it('when the same claim is read twice, then it gets the same id, shaped like the ids Claimline makes', () => {
    expect(contentId(claim)).toBe(contentId({ ...claim }));
    expect(contentId(claim)).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('when the statement, the date or the source differs, then the id differs; other fields leave it alone', () => {
    const id = contentId(claim);
    expect(contentId({ ...claim, statement: 'Apple chose Baidu' })).not.toBe(id);
    expect(contentId({ ...claim, date: '2025-03' })).not.toBe(id);
    expect(contentId({ ...claim, source: 'Bloomberg' })).not.toBe(id);
    expect(contentId({ ...claim, quote: 'another quote' })).toBe(id);
    expect(contentId({ ...claim, statement: '  Apple chose Alibaba ' })).toBe(id);
  });
});
