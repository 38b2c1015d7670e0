import { describe, expect, it } from 'vitest';
import { fieldForHeader } from '../../../src/domain/formats/spreadsheet-columns.js';

describe('fieldForHeader', () => {
  it.each([
    ['statement', 'statement'],
    ['Statement', 'statement'],
    ['  STATEMENT ', 'statement'],
    ['Relayed by', 'relayedBy'],
    ['relayedBy', 'relayedBy'],
    ['relayed_by', 'relayedBy'],
    ['Claimed at', 'claimedAt'],
    ['claimed-at', 'claimedAt'],
    ['Date', 'date'],
    ['Reference', 'dateReference'],
    ['Published', 'published'],
    ['Publication date', 'published'],
    ['Source', 'source'],
    ['Source id', 'sourceId'],
    ['URL', 'url'],
    ['Quote', 'quote'],
    ['Actor', 'actors'],
    ['Topics', 'topics'],
    ['Claim ID', 'id'],
  ])('when a column is headed %j, then it fills %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(['Mood', 'Notes', '', 'date value'])('when a column is headed %j, then Claimline does not know it', (header) => {
    expect(fieldForHeader(header)).toBeUndefined();
  });
});
