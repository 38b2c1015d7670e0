import { describe, expect, it } from 'vitest';
import { claimJsonLd, jsonLdScript } from '../../../src/domain/formats/jsonld.js';
import { claimById, makeDatabase } from './fixture.js';

const baseUrl = 'http://localhost:3000';

describe('claimJsonLd', () => {
  it('when a claim appears in a document, then its Claim refers by @id to its author and appearance, each one node of the graph', () => {
    const db = makeDatabase();
    const { '@context': context, '@graph': graph } = claimJsonLd(db, claimById(db, 'alibaba-chosen'), { baseUrl });
    expect(context).toBe('https://schema.org');
    const article = 'https://www.reuters.com/technology/apple-alibaba-2025-02-11/';
    expect(graph[0]).toEqual({
      '@type': 'Claim',
      '@id': 'http://localhost:3000/claims/alibaba-chosen',
      url: 'http://localhost:3000/claims/alibaba-chosen',
      text: 'Apple chose Alibaba as its AI partner in China',
      datePublished: '2025-02-11',
      author: [{ '@id': 'http://localhost:3000/sources/the-information' }],
      appearance: [{ '@id': article }],
      firstAppearance: { '@id': article },
    });
    expect(graph).toContainEqual({
      '@type': 'CreativeWork',
      '@id': article,
      url: article,
      headline: 'Apple picks Alibaba for China AI, The Information reports',
      datePublished: '2025-02-11',
      publisher: { '@id': 'http://localhost:3000/sources/reuters' },
    });
    expect(graph).toContainEqual({
      '@type': 'Organization',
      '@id': 'http://localhost:3000/sources/the-information',
      name: 'The Information',
      url: 'https://www.theinformation.com',
    });
    expect(graph).toContainEqual({ '@type': 'Organization', '@id': 'http://localhost:3000/sources/reuters', name: 'Reuters' });
  });

  it('when two documents share a publisher, then the publisher is one node that both refer to', () => {
    const db = makeDatabase();
    db.documents.push({ ...db.documents[0]!, id: 'follow-up', url: 'https://www.reuters.com/technology/follow-up/', publishedAt: '2025-02-12' });
    const claim = claimById(db, 'alibaba-chosen');
    claim.attributions.push({ sourceId: 'reuters', role: 'publisher', verb: 'published', documentId: 'follow-up' });
    const graph = claimJsonLd(db, claim, { baseUrl })['@graph'];
    const ids = graph.map((node) => node['@id']);
    expect(ids.filter((id) => id === 'http://localhost:3000/sources/reuters')).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    const works = graph.filter((node) => node['@type'] === 'CreativeWork');
    expect(works.map((work) => work.publisher)).toEqual([{ '@id': 'http://localhost:3000/sources/reuters' }, { '@id': 'http://localhost:3000/sources/reuters' }]);
    expect(JSON.stringify(graph).match(/"name":"Reuters"/g)).toHaveLength(1);
  });

  it('when a claim appears in several documents, then the earliest is its first appearance', () => {
    const db = makeDatabase();
    db.documents.push({
      id: 'scoop',
      storyId: 'china-ai',
      title: 'Apple and Alibaba',
      publisherId: 'the-information',
      url: 'https://www.theinformation.com/articles/apple-alibaba',
      publishedAt: '2025-02-10',
      createdAt: '2025-02-11T09:00:00.000Z',
    });
    const claim = claimById(db, 'alibaba-chosen');
    claim.attributions[0]!.documentId = 'scoop';
    const [node] = claimJsonLd(db, claim, { baseUrl })['@graph'];
    expect(node?.firstAppearance).toEqual({ '@id': 'https://www.theinformation.com/articles/apple-alibaba' });
    expect(node?.appearance).toHaveLength(2);
  });

  it('when the origin is a person, then the author is a Person', () => {
    const db = makeDatabase();
    const claim = claimById(db, 'baidu-selected');
    claim.attributions = [{ sourceId: 'joe-tsai', role: 'origin', verb: 'said' }];
    const graph = claimJsonLd(db, claim, { baseUrl })['@graph'];
    expect(graph[0]?.author).toEqual([{ '@id': 'http://localhost:3000/sources/joe-tsai' }]);
    expect(graph).toContainEqual({ '@type': 'Person', '@id': 'http://localhost:3000/sources/joe-tsai', name: 'Joe Tsai' });
  });

  it('when a claim is confirmed, then a ClaimReview rates it 5 of 5 as of the day it was confirmed', () => {
    const db = makeDatabase();
    const graph = claimJsonLd(db, claimById(db, 'alibaba-chosen'), { baseUrl })['@graph'];
    expect(graph.filter((node) => node['@type'] === 'ClaimReview')).toHaveLength(1);
    expect(graph[1]).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'Apple chose Alibaba as its AI partner in China',
      itemReviewed: { '@type': 'Claim', '@id': 'http://localhost:3000/claims/alibaba-chosen' },
      reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: 'Confirmed' },
      author: { '@type': 'Organization', name: 'Claimline' },
      datePublished: '2025-02-13',
    });
  });

  it('when a claim is denied, then the ClaimReview rates it 1 of 5', () => {
    const db = makeDatabase();
    const [, review] = claimJsonLd(db, claimById(db, 'baidu-selected'), { baseUrl })['@graph'];
    expect(review?.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'Denied' });
  });

  it('when a claim is only reported, disputed or retracted, then there is no ClaimReview', () => {
    const db = makeDatabase();
    for (const status of ['reported', 'disputed', 'retracted', 'superseded'] as const) {
      const claim = { ...claimById(db, 'china-launch'), status };
      expect(claimJsonLd(db, claim, { baseUrl })['@graph'].map((node) => node['@type'])).not.toContain('ClaimReview');
    }
  });
});

describe('jsonLdScript', () => {
  it('when a statement contains </script>, then the embedded JSON cannot close the script element yet parses back', () => {
    const value = { text: 'Alibaba </script><script>alert(1)</script> & <!-- AT&T \u2028\u2029' };
    const script = jsonLdScript(value);
    expect(script).not.toMatch(/[<>&\u2028\u2029]/);
    expect(script).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(script)).toEqual(value);
  });

  it('when a whole claim graph is embedded, then it parses back to the same JSON-LD with the schema.org context', () => {
    const db = makeDatabase();
    const graph = claimJsonLd(db, claimById(db, 'alibaba-chosen'), { baseUrl });
    expect(JSON.parse(jsonLdScript(graph))).toEqual(graph);
  });
});
