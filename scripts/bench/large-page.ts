import { createRandom } from './prng.js';

const WORDS = (
  'market shares investors quarter growth update report analysts data revenue forecast energy autos tech policy ' +
  'trade bank rates inflation supply demand battery plant sales guidance deal talks board outlook region price'
).split(' ');

const sentence = (random: ReturnType<typeof createRandom>, n: number) =>
  Array.from({ length: n }, () => random.pick(WORDS)).join(' ');

/**
 * A saved page grown to `targetBytes` the way news pages are large: inline state and tracking scripts, styles,
 * menus, link lists and a comment thread around the one story, which stays as it is. Deterministic for a seed.
 * @example largePage(html, 500 * 1024, 1).length >= 500 * 1024 //=> true
 */
export function largePage(html: string, targetBytes: number, seed: number): string {
  const random = createRandom(seed);
  const head: string[] = [];
  const before: string[] = [];
  const after: string[] = [];
  let size = Buffer.byteLength(html);
  const add = (list: string[], chunk: string) => {
    list.push(chunk);
    size += Buffer.byteLength(chunk);
  };
  let round = 0;
  while (size < targetBytes) {
    const state = Array.from({ length: 40 }, (_, i) => ({ id: `${round}-${i}`, title: sentence(random, 8), tags: [random.pick(WORDS), random.pick(WORDS)] }));
    add(head, `<script>window.__STATE_${round}__ = ${JSON.stringify(state)}; document.title = 'RAN';</script>\n`);
    add(head, `<style>.module-${round} { margin: ${random.int(0, 20)}px; color: #${random.int(0, 0xffffff).toString(16).padStart(6, '0')}; }</style>\n`);
    const links = Array.from({ length: 25 }, () => `<li><a href="https://www.example.com/${random.pick(WORDS)}">${sentence(random, 6)}</a></li>`).join('');
    add(before, `<nav class="menu-${round}"><ul>${links}</ul></nav>\n`);
    add(after, `<aside class="related"><h3>Also read:</h3><ul>${links}</ul></aside>\n`);
    const comments = Array.from({ length: 10 }, () => `<div class="comment"><p>${sentence(random, 30)}.</p><img src="https://cdn.example.com/avatar.png" alt=""></div>`).join('');
    add(after, `<section class="comments">${comments}</section>\n<iframe src="https://ads.example.com/slot/${round}"></iframe>\n`);
    round++;
  }
  return html
    .replace('</head>', `${head.join('')}</head>`)
    .replace('<main>', `${before.join('')}<main>`)
    .replace('</main>', `</main>${after.join('')}`);
}

/**
 * A saved page grown to `targetBytes` with story text: the article's paragraphs repeated inside its own body, the
 * heaviest case for Readability, which scores every paragraph.
 * @example longStoryPage(html, 500 * 1024).length >= 500 * 1024 //=> true
 */
export function longStoryPage(html: string, targetBytes: number): string {
  const paragraphs = html.match(/<p>[^<]*(?:<(?!\/p>)[^<]*)*<\/p>/g)?.join('\n') ?? '';
  if (paragraphs === '') throw new Error('longStoryPage: the page has no paragraphs to repeat');
  const copies = Math.ceil((targetBytes - Buffer.byteLength(html)) / Buffer.byteLength(paragraphs));
  return html.replace('</article>', `${Array.from({ length: Math.max(1, copies) }, () => paragraphs).join('\n')}</article>`);
}
