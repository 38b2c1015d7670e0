const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

/** Elements whose end is a break in the text a reader sees. */
const BLOCK = /<\/?(p|div|br|blockquote|li|ul|ol|h[1-6]|tr|section|article)\b[^>]*>/gi;

/**
 * The text a reader sees in a snippet of HTML: tags dropped (a paragraph, a line break or a list item becomes a
 * space), comments and scripts removed, entities decoded, runs of white space made one space.
 * @example htmlToText('<p>Apple &amp; <b>Alibaba</b></p><p>sign</p>') //=> 'Apple & Alibaba sign'
 * @example htmlToText('&lt;b&gt;') //=> '<b>'
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(BLOCK, ' ')
      .replace(/<\/?[A-Za-z][^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[name.toLowerCase()] ?? entity;
  });
}
