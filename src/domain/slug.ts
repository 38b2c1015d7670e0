/**
 * A readable, URL-safe id for a name: lower case ASCII words joined by hyphens.
 * Accents are dropped rather than the letters (“Café” → “cafe”), so names stay recognisable.
 * @example slugify('The Information') //=> 'the-information'
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
