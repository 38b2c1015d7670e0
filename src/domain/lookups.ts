import { sequenceOf, type Sequence } from './sequence/sequence.js';
import { replacementsOf, type Replacements } from './supersession.js';
import type { Claim, Database, Document, Relation, Source, Story } from './types.js';

/**
 * Records as a page or a check needs them: the whole database for a store that holds it, or just the records a
 * question fetched (with every story and source, which are few) for one that does not.
 */
export type RecordSet = Pick<Database, 'stories' | 'sources' | 'documents' | 'claims' | 'relations'>;

/** Records by id, over one record set; what presenters and checks look things up in. */
export interface Lookups {
  readonly records: RecordSet;
  story: (id: string) => Story | undefined;
  source: (id: string) => Source | undefined;
  document: (id: string) => Document | undefined;
  claim: (id: string) => Claim | undefined;
  relation: (id: string) => Relation | undefined;
  /** Ids of the claims that list this one in their `supersedes`. */
  supersededBy: (id: string) => string[];
  /** What the relations say: each claim's relations, derived bounds and story place. */
  sequence: () => Sequence;
}

/**
 * Lookups over a record set; each index is built on first use, so an answer pays only for what it reads.
 * `replacements` and `sequence` may come from caches a store keeps up to date across writes.
 * @example lookupsFor(db).claim('apple-chose-alibaba')?.statement //=> 'Apple decided to go with Alibaba, …'
 */
export function lookupsFor(
  records: RecordSet,
  derived: { replacements?: () => Replacements; sequence?: () => Sequence } = {},
): Lookups {
  const index = <T extends { id: string }>(list: readonly T[]) => {
    let map: Map<string, T> | undefined;
    return (id: string) => (map ??= new Map(list.map((record) => [record.id, record]))).get(id);
  };
  let replaced: Replacements | undefined;
  let sequenced: Sequence | undefined;
  return {
    records,
    story: index(records.stories),
    source: index(records.sources),
    document: index(records.documents),
    claim: index(records.claims),
    relation: index(records.relations),
    supersededBy: (id) => [...((replaced ??= (derived.replacements ?? (() => replacementsOf(records.claims)))()).get(id) ?? [])],
    sequence: () => (sequenced ??= (derived.sequence ?? (() => sequenceOf(records.claims, records.relations)))()),
  };
}
