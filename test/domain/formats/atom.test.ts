import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FEED_PAGE_SIZE, atomPageCount, toAtomFeed, validateAtom } from '../../../src/domain/formats/atom.js';
import type { Claim, Database } from '../../../src/domain/types.js';
import { claimById, makeDatabase } from './fixture.js';

const options = {
  baseUrl: 'http://localhost:3000',
  path: '/feed.atom',
  query: 'topic=AI',
  page: 1,
  title: 'Claimline: AI',
  updated: '2025-03-01T12:00:00.000Z',
};

/** The fixture's claims, copied `times` over with changes a minute apart, newest last. */
function manyClaims(db: Database, count: number): Claim[] {
  const base = claimById(db, 'baidu-selected');
  return Array.from({ length: count }, (_, n) => ({
    ...base,
    id: `claim-${String(n).padStart(3, '0')}`,
    updatedAt: new Date(Date.UTC(2025, 1, 1, 0, n)).toISOString(),
  }));
}

const entryIds = (xml: string) => [...xml.matchAll(/<entry>\s*<title[^>]*>.*?<\/title>\s*<id>([^<]+)<\/id>/gs)].map((match) => match[1]);
const links = (xml: string) => Object.fromEntries([...xml.matchAll(/<link rel="(first|previous|next|last|self)" href="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]));

describe('toAtomFeed', () => {
  it('when a story is fed, then the feed has every element RFC 4287 requires', () => {
    const db = makeDatabase();
    const xml = toAtomFeed(db, db.claims, options);
    expect(validateAtom(xml)).toEqual([]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<id>http://localhost:3000/feed.atom?topic=AI</id>');
    expect(xml).toContain('<link rel="self" href="http://localhost:3000/feed.atom?topic=AI"/>');
    expect(xml).toMatch(/<author>\s*<name>Claimline<\/name>/);
  });

  it('when claims changed at different times, then the newest change comes first and dates the feed', () => {
    const db = makeDatabase();
    const xml = toAtomFeed(db, db.claims, options);
    expect(entryIds(xml)).toEqual([
      'http://localhost:3000/claims/alibaba-chosen',
      'http://localhost:3000/claims/china-launch',
      'http://localhost:3000/claims/baidu-selected',
    ]);
    expect(xml).toMatch(/<\/title>\s*<updated>2025-02-13T09:00:00.000Z<\/updated>/);
  });

  it('when an entry is written, then it links the claim page and tells the date, chain and quote', () => {
    const db = makeDatabase();
    const xml = toAtomFeed(db, [claimById(db, 'alibaba-chosen')], options);
    expect(xml).toContain('<link href="http://localhost:3000/claims/alibaba-chosen"/>');
    expect(xml).toContain('<published>2025-02-11T10:05:00.000Z</published>');
    expect(xml).toContain(
      '<content type="html"><![CDATA[<p>11 February 2025</p><p>Status: confirmed</p><p>The Information reported → Reuters relayed (could not verify)</p><p>“Apple has chosen Alibaba as its AI partner in China”</p>]]></content>',
    );
    expect(xml).toContain('<category label="China" scheme="http://localhost:3000/topics" term="China"/>');
    expect(xml).toContain('<category label="Alibaba" scheme="http://localhost:3000/actors" term="Alibaba"/>');
  });

  it('when a statement holds markup and characters XML forbids, then it is escaped, stripped and the feed stays valid', () => {
    const db = makeDatabase();
    const claim = { ...claimById(db, 'baidu-selected'), statement: '<b>Baidu</b> & "Apple"\u0000\u001b\uD800 deal ]]>', actors: ['R&D <team>'] };
    const xml = toAtomFeed(db, [claim], { ...options, title: 'A & B <feed>\u0007' });
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { title: string; entry: { title: { '#text': string }; category: Array<{ '@_term': string }> } } };
    expect(parsed.feed.title).toBe('A & B <feed>');
    expect(parsed.feed.entry.title['#text']).toBe('&lt;b&gt;Baidu&lt;/b&gt; &amp; &quot;Apple&quot; deal ]]&gt;');
    expect(parsed.feed.entry.category.map((category) => category['@_term'])).toContain('R&D \u2039team\u203A');
    expect(validateAtom(xml)).toEqual([]);
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('when no claim matches, then the feed is still valid and dated by the last change it was given, not 1970', () => {
    const xml = toAtomFeed(makeDatabase(), [], options);
    expect(validateAtom(xml)).toEqual([]);
    expect(xml).toContain('<updated>2025-03-01T12:00:00.000Z</updated>');
    expect(xml).not.toContain('1970');
  });

  it('when more claims match than a page holds, then the first page has the newest 100 and RFC 5005 links to the others', () => {
    const db = makeDatabase();
    const claims = manyClaims(db, 250);
    const first = toAtomFeed(db, claims, options);
    expect(entryIds(first)).toHaveLength(FEED_PAGE_SIZE);
    expect(entryIds(first)[0]).toBe('http://localhost:3000/claims/claim-249');
    expect(links(first)).toEqual({
      self: 'http://localhost:3000/feed.atom?topic=AI',
      first: 'http://localhost:3000/feed.atom?topic=AI',
      next: 'http://localhost:3000/feed.atom?topic=AI&amp;page=2',
      last: 'http://localhost:3000/feed.atom?topic=AI&amp;page=3',
    });
    const last = toAtomFeed(db, claims, { ...options, page: 3 });
    expect(entryIds(last)).toHaveLength(50);
    expect(entryIds(last).at(-1)).toBe('http://localhost:3000/claims/claim-000');
    expect(last).toContain('<id>http://localhost:3000/feed.atom?topic=AI</id>');
    expect(links(last)).toMatchObject({ previous: 'http://localhost:3000/feed.atom?topic=AI&amp;page=2', self: 'http://localhost:3000/feed.atom?topic=AI&amp;page=3' });
    expect(links(last).next).toBeUndefined();
    expect(validateAtom(last)).toEqual([]);
    expect(atomPageCount(250)).toBe(3);
    expect(atomPageCount(0)).toBe(1);
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
