/**
 * A readable, URL-safe id for a name: lower case ASCII words joined by hyphens.
 * Accents are dropped rather than the letters (“Café” → “cafe”), so names stay recognisable.
 * @example slugify('The Information') //=> 'the-information'
 */
export function slugify(name: string): string {
  let slug = known.get(name);
  if (slug === undefined) {
    slug = toSlug(name);
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(name, slug);
  }
  return slug;
}

/** Actor, topic and source names repeat across thousands of claims; filtering slugs them on every request. */
const known = new Map<string, string>();
const KNOWN_LIMIT = 50_000;

function toSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
