import type { Attribution, Role } from './types.js';

/** One link of a claim's chain, ready for a view to name and link. */
export interface ChainLink {
  sourceId: string;
  name: string;
  role: Role;
  verb: string;
  note?: string;
}

const ROLE_ORDER: Record<Role, number> = { origin: 0, relay: 1, publisher: 2 };

/** What a source did when the text gave no verb for it. */
const VERB_FOR_ROLE: Record<Role, string> = { origin: 'said', relay: 'relayed', publisher: 'published' };

/**
 * A claim's attributions in the order the claim travelled: origins, then relays in their stored order, then
 * publishers, each with its source's name, its verb (or the role's usual verb) and its note.
 *
 * @example
 * chainLinks([{ sourceId: 'reuters', role: 'relay', verb: '' }, { sourceId: 'the-information', role: 'origin', verb: 'reported' }], nameOf)
 * //=> [{ sourceId: 'the-information', name: 'The Information', role: 'origin', verb: 'reported' },
 * //    { sourceId: 'reuters', name: 'Reuters', role: 'relay', verb: 'relayed' }]
 */
export function chainLinks(attributions: Attribution[], nameOf: (sourceId: string) => string): ChainLink[] {
  return [...attributions]
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
    .map((attribution) => {
      const link: ChainLink = {
        sourceId: attribution.sourceId,
        name: nameOf(attribution.sourceId),
        role: attribution.role,
        verb: attribution.verb.trim() || VERB_FOR_ROLE[attribution.role],
      };
      const note = attribution.note?.trim();
      return note ? { ...link, note } : link;
    });
}

/**
 * A claim's chain as one readable line, links joined by arrows and notes in parentheses. Empty when the claim
 * has no attributions.
 *
 * @example
 * describeChain(attributions, nameOf)
 * //=> 'The Information reported → Reuters relayed → Asia Financial published (with additional editing)'
 */
/** Verbs that go before the name: “according to The Information”, not “The Information according to”. */
const PREPOSITIONAL_VERB = /^(according to|per|via|citing)\b/i;

export const isPrepositionalVerb = (verb: string): boolean => PREPOSITIONAL_VERB.test(verb);

export function describeChain(attributions: Attribution[], nameOf: (sourceId: string) => string): string {
  return chainLinks(attributions, nameOf)
    .map((link) => {
      const said = PREPOSITIONAL_VERB.test(link.verb) ? `${link.verb} ${link.name}` : `${link.name} ${link.verb}`;
      return link.note ? `${said} (${link.note})` : said;
    })
    .join(' → ');
}
