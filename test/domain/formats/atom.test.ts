import { describe, expect, it } from 'vitest';
import { toAtomFeed, validateAtom } from '../../../src/domain/formats/atom.js';
import { claimById, makeDatabase } from './fixture.js';

const options = {
  baseUrl: 'http://localhost:3000',
  feedUrl: 'http://localhost:3000/feed.atom?topic=AI',
  title: 'Claimline: AI',
};

describe('toAtomFeed', () => {
  it('when a story is fed, then the feed has every element RFC 4287 requires', () => {
    const db = makeDatabase();
    const xml = toAtomFeed(db, db.claims, options);
    expect(validateAtom(xml)).toEqual([]);
    expect(xml).toContain('<id>http://localhost:3000/feed.atom?topic=AI</id>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="http://localhost:3000/feed.atom?topic=AI"/>');
    expect(xml).toContain('<author><name>Claimline</name>');
  });

  it('when claims changed at different times, then the newest change comes first and dates the feed', () => {
    const db = makeDatabase();
    const xml = toAtomFeed(db, db.claims, options);
    const ids = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((match) => match[1]);
    expect(ids).toEqual([
      'http://localhost:3000/claims/alibaba-chosen',
      'http://localhost:3000/claims/china-launch',
      'http://localhost:3000/claims/baidu-selected',
    ]);
    expect(xml).toMatch(/<\/title>\n {2}<updated>2025-02-13T09:00:00.000Z<\/updated>/);
  });

  it('when an entry is written, then it links the claim page and tells the date, chain and quote as plain text', () => {
    const db = makeDatabase();
    const xml = toAtomFeed(db, [claimById(db, 'alibaba-chosen')], options);
    expect(xml).toContain('<link rel="alternate" type="text/html" href="http://localhost:3000/claims/alibaba-chosen"/>');
    expect(xml).toContain('<published>2025-02-11T10:05:00.000Z</published>');
    expect(xml).toContain(
      '<content type="text">11 February 2025\nStatus: confirmed\nThe Information reported → Reuters relayed (could not verify)\n“Apple has chosen Alibaba as its AI partner in China”</content>',
    );
    expect(xml).toContain('<category term="China" scheme="http://localhost:3000/topics" label="China"/>');
    expect(xml).toContain('<category term="Alibaba" scheme="http://localhost:3000/actors" label="Alibaba"/>');
  });

  it('when a statement holds markup and characters XML forbids, then it is escaped, stripped and the feed stays valid', () => {
    const db = makeDatabase();
    const claim = { ...claimById(db, 'baidu-selected'), statement: '<b>Baidu</b> & "Apple"\u0000\u001b\uD800 deal', actors: ['R&D <team>'] };
    const xml = toAtomFeed(db, [claim], { ...options, title: 'A & B <feed>' });
    expect(xml).toContain('<title type="text">&lt;b&gt;Baidu&lt;/b&gt; &amp; &quot;Apple&quot; deal</title>');
    expect(xml).toContain('<title type="text">A &amp; B &lt;feed&gt;</title>');
    expect(xml).toContain('term="R&amp;D &lt;team&gt;"');
    expect(validateAtom(xml)).toEqual([]);
  });

  it('when no claim matches, then the feed is still valid and dated by the given time', () => {
    const xml = toAtomFeed(makeDatabase(), [], { ...options, updated: '2025-03-01T12:00:00.000Z' });
    expect(validateAtom(xml)).toEqual([]);
    expect(xml).toContain('<updated>2025-03-01T12:00:00.000Z</updated>');
  });
});

describe('validateAtom', () => {
  it('when a feed lacks its id, author and timestamps are malformed, then each missing piece is named', () => {
    const xml = [
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      '<title>T</title><updated>yesterday</updated>',
      '<entry><id>urn:x</id><title>E</title><updated>2025-02-30</updated></entry>',
      '</feed>',
    ].join('');
    expect(validateAtom(xml)).toEqual([
      'feed needs exactly one id (has 0)',
      'feed.updated “yesterday” is not an RFC 3339 timestamp',
      'entry[0].updated “2025-02-30” is not an RFC 3339 timestamp',
      'entry[0] needs an author, since the feed has none',
      'entry[0] needs a content or a link rel="alternate"',
    ]);
  });

  it('when the markup is not well formed, then the feed is refused', () => {
    expect(validateAtom('<feed xmlns="http://www.w3.org/2005/Atom"><title>A & B</title></feed>')).toEqual([
      'not well-formed XML: a bare “&” in text',
    ]);
    expect(validateAtom('<feed><title>A</feed>')).toEqual(['not well-formed XML: </feed> closes <title>']);
  });

  it('when the root is not an Atom feed, then that is the first problem', () => {
    expect(validateAtom('<rss version="2.0"></rss>')[0]).toBe('the root element is <rss>, not <feed>');
  });
});
