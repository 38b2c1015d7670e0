/** Anything outside XML 1.0's Char production, lone surrogates included: a feed reader rejects a whole document over one. */
export const XML_ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const XML_ILLEGAL_CHARS = new RegExp(XML_ILLEGAL_CHAR.source, 'gu');

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for XML or HTML content and attribute values: markup characters escaped, characters XML 1.0
 * forbids dropped.
 * @example escapeMarkup('<b>"R&D"</b>\u0007') //=> '&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;'
 */
export function escapeMarkup(text: string): string {
  return text.replace(XML_ILLEGAL_CHARS, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * Text with the characters XML 1.0 forbids dropped and nothing else changed, for writers that escape markup
 * themselves.
 * @example withoutXmlIllegal('Baidu\u0000 <deal>') //=> 'Baidu <deal>'
 */
export function withoutXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL_CHARS, '');
}
