import { slugify } from './slug.js';
import type { Database, Source, SourceKind } from './types.js';

/** Source lists are replaced, never changed, so each list's index by lower-cased id and name can be kept. */
const byName = new WeakMap<readonly Source[], Map<string, Source>>();

function nameIndex(sources: readonly Source[]): Map<string, Source> {
  let index = byName.get(sources);
  if (!index) {
    index = new Map();
    // Names first, then ids: where one source's id is another's name, the id wins. Backwards, so the first listed wins a tie.
    for (let i = sources.length - 1; i >= 0; i -= 1) {
      const source = sources[i] as Source;
      index.set(source.name.toLowerCase(), source);
    }
    for (let i = sources.length - 1; i >= 0; i -= 1) {
      const source = sources[i] as Source;
      index.set(source.id, source);
    }
    byName.set(sources, index);
  }
  return index;
}

/** The source a person meant by a name or id, ignoring case and surrounding space. */
export function findSource(sources: readonly Source[], nameOrId: string): Source | undefined {
  return nameIndex(sources).get(nameOrId.trim().toLowerCase());
}

/** A slug for `name` that no existing source uses yet. */
export function freeSourceId(sources: readonly Source[], name: string): string {
  const base = slugify(name) || 'source';
  const taken = new Set(sources.map((source) => source.id));
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

/**
 * The existing source with this name or id, or a new one added to the list.
 * Returns the (possibly longer) list so callers stay immutable.
 */
export function ensureSource(
  sources: Source[],
  nameOrId: string,
  kind: SourceKind = 'other',
): { sources: Source[]; source: Source } {
  const existing = findSource(sources, nameOrId);
  if (existing) return { sources, source: existing };
  const source: Source = { id: freeSourceId(sources, nameOrId), name: nameOrId.trim(), kind };
  return { sources: [...sources, source], source };
}

export function sourceNameLookup(db: Pick<Database, 'sources'>): (id: string) => string {
  const names = new Map(db.sources.map((source) => [source.id, source.name]));
  return (id) => names.get(id) ?? id;
}
