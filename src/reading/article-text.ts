/** Elements that end a paragraph of text where they start and where they end. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * The text of an element as paragraphs: each block element (`p`, `li`, headings, `div`…) its own paragraph,
 * whitespace inside a paragraph folded to single spaces, paragraphs separated by a blank line.
 * @example articleText(parse('<div><p>One  two.</p><p>Three.</p></div>')) //=> 'One two.\n\nThree.'
 */
export function articleText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const block = BLOCKS.has((node as Element).tagName);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}
