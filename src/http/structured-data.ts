import { claimJsonLd, jsonLdScript } from '../domain/formats/jsonld.js';
import type { Claim, Database } from '../domain/types.js';

/**
 * The schema.org JSON-LD of a claim's page (a `Claim`, and a `ClaimReview` once it is confirmed or denied), as text
 * safe to print unescaped inside `<script type="application/ld+json">`.
 * @example claimJsonLdScriptFor(db, claim, 'http://localhost:3000') //=> '{"@context":"https://schema.org","@graph":[{"@type":"Claim",…}]}'
 */
export function claimJsonLdScriptFor(db: Pick<Database, 'sources' | 'documents'>, claim: Claim, baseUrl: string): string {
  return jsonLdScript(claimJsonLd(db, claim, { baseUrl }));
}
