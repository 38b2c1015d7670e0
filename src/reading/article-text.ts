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
  // A stack, not recursion: a hostile page nests tens of thousands of elements.
  const stack: Array<{ node: Node; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const block = BLOCKS.has((node as Element).tagName);
    if (block) flush();
    if (leaving) continue;
    stack.push({ node, leaving: true });
    const children = [...node.childNodes];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  flush();
  return paragraphs.join('\n\n');
}

/**
 * Whether elements nest deeper than `limit` under `root`: real pages stay within a few dozen, and Readability's
 * cost grows with the square of the depth.
 * @example nestsDeeperThan(parse('<div><div><p>x</p></div></div>').body, 2) //=> true
 */
export function nestsDeeperThan(root: Node, limit: number): boolean {
  const stack: Array<{ node: Node; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > limit) return true;
    for (const child of node.childNodes) if (child.nodeType === ELEMENT_NODE) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}
