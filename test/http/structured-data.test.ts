import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { Claim, Database } from '../../src/domain/types.js';
import { claimJsonLdScriptFor } from '../../src/http/structured-data.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';

function story(): { db: Database; claim: Claim } {
  const db = loadSeedDatabase('2025-03-01T12:00:00.000Z');
  const claim = db.claims.find((candidate) => candidate.id === 'apple-chose-alibaba');
  if (!claim) throw new Error('the seed story has no apple-chose-alibaba');
  return { db, claim };
}

type Node = Record<string, unknown>;

function graphOf(script: string): { context: unknown; nodes: Node[] } {
  const parsed = JSON.parse(script) as { '@context': unknown; '@graph': Node[] };
  return { context: parsed['@context'], nodes: parsed['@graph'] };
}

describe('claimJsonLdScriptFor', () => {
  it('when a reported claim’s page is built, then its JSON-LD is a schema.org Claim with where it appeared and who made it, and no review', () => {
    const { db, claim } = story();
    const { context, nodes } = graphOf(claimJsonLdScriptFor(db, claim, 'https://claimline.example'));
    expect(context).toBe('https://schema.org');
    expect(nodes.map((node) => node['@type'])).not.toContain('ClaimReview');
    expect(nodes[0]).toMatchObject({
      '@type': 'Claim',
      '@id': 'https://claimline.example/claims/apple-chose-alibaba',
      datePublished: claim.claimedAt.start,
      author: [{ '@id': 'https://claimline.example/sources/the-information' }],
    });
    const byId = new Map(nodes.map((node) => [node['@id'], node]));
    expect(byId.get('https://claimline.example/sources/the-information')).toMatchObject({ '@type': 'Organization', name: 'The Information' });
    const [appearance] = nodes[0]?.appearance as Node[];
    expect(byId.get(appearance?.['@id'])).toMatchObject({ '@type': 'CreativeWork' });
    expect(nodes[0]?.firstAppearance).toEqual(appearance);
  });

  it('when the claim is confirmed or denied, then a ClaimReview rates it', () => {
    const { db, claim } = story();
    for (const [status, rating] of [['confirmed', 5], ['denied', 1]] as const) {
      const decided: Claim = { ...claim, status, statusHistory: [...claim.statusHistory, { status, on: '2025-02-13', recordedAt: '2025-02-13T09:00:00.000Z' }] };
      const { nodes } = graphOf(claimJsonLdScriptFor(db, decided, 'https://claimline.example'));
      expect(nodes.map((node) => node['@type']).slice(0, 2)).toEqual(['Claim', 'ClaimReview']);
      expect(nodes[1]).toMatchObject({ reviewRating: { ratingValue: rating }, datePublished: '2025-02-13' });
    }
  });

  it('when the statement holds markup, then the script text cannot close its script element', () => {
    const { db, claim } = story();
    const script = claimJsonLdScriptFor(db, { ...claim, statement: '</script><script>alert(1)</script>' }, 'https://claimline.example');
    expect(script).not.toContain('<');
    expect(graphOf(script).nodes[0]?.text).toBe('</script><script>alert(1)</script>');
  });
});

describe('the JSON-LD as a JSON-LD processor reads it', () => {
  /** No network in tests: schema.org's context is served from here as what it is at heart, its vocabulary. */
  const documentLoader = async (url: string) => {
    if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`unexpected context ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
  };

  it('expands to schema.org Claim and ClaimReview nodes with their properties', async () => {
    const { db, claim } = story();
    const confirmed: Claim = { ...claim, status: 'confirmed', statusHistory: [...claim.statusHistory, { status: 'confirmed', on: '2025-02-13', recordedAt: '2025-02-13T09:00:00.000Z' }] };
    const doc = JSON.parse(claimJsonLdScriptFor(db, confirmed, 'https://claimline.example')) as jsonld.JsonLdDocument;
    const expanded = (await jsonld.expand(doc, { documentLoader: documentLoader as never })) as Array<Record<string, unknown>>;
    const types = expanded.flatMap((node) => (node['@type'] as string[] | undefined) ?? []);
    expect(types).toEqual(expect.arrayContaining(['https://schema.org/Claim', 'https://schema.org/ClaimReview']));
    const claimNode = expanded.find((node) => (node['@type'] as string[]).includes('https://schema.org/Claim'));
    for (const property of ['appearance', 'firstAppearance', 'author', 'datePublished']) {
      expect(claimNode, property).toHaveProperty([`https://schema.org/${property}`]);
    }
    expect(claimNode?.['@id']).toBe('https://claimline.example/claims/apple-chose-alibaba');
  });

  it('when the page’s graph is flattened, then each publisher and article is one node, however many times it is cited', async () => {
    const { db, claim } = story();
    const doc = JSON.parse(claimJsonLdScriptFor(db, claim, 'https://claimline.example')) as jsonld.JsonLdDocument;
    const flat = (await jsonld.flatten(doc, {}, { documentLoader: documentLoader as never })) as { '@graph': Array<Record<string, unknown>> };
    const publishers = flat['@graph'].filter((node) => (node['@type'] as string[] | undefined)?.includes('https://schema.org/Organization'));
    expect(publishers.every((node) => typeof node['@id'] === 'string' && !String(node['@id']).startsWith('_:'))).toBe(true);
    const names = publishers.map((node) => JSON.stringify(node['https://schema.org/name']));
    expect(new Set(names).size).toBe(names.length);
    const works = flat['@graph'].filter((node) => (node['@type'] as string[] | undefined)?.includes('https://schema.org/CreativeWork'));
    expect(works.length).toBeGreaterThan(0);
    expect(works.every((node) => String(node['@id']).startsWith('https://'))).toBe(true);
  });
});
