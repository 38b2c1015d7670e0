import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleText, nestsDeeperThan } from '../../src/reading/article-text.js';
import { removePageChrome } from '../../src/reading/page-chrome.js';

const body = (html: string) => parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document.body;

describe('articleText', () => {
  it.each([
    ['<div><p>One  two.</p><p>Three.</p></div>', 'One two.\n\nThree.'],
    ['<p>A <b>bold</b> and <a href="#">linked</a> word.</p>', 'A bold and linked word.'],
    ['<ul><li>First</li><li>Second</li></ul><h2>Heading</h2>', 'First\n\nSecond\n\nHeading'],
    ['<p>Line one<br>line two</p>', 'Line one\n\nline two'],
  ])('when the markup is %s, then the text is %j', (html, expected) => {
    expect(articleText(body(html))).toBe(expected);
  });
});

describe('nestsDeeperThan', () => {
  it.each([
    ['<div><div><p>x</p></div></div>', 2, true],
    ['<div><div><p>x</p></div></div>', 3, false],
  ])('when the markup is %s and the limit %i, then it nests deeper: %s', (html, limit, expected) => {
    expect(nestsDeeperThan(body(html), limit)).toBe(expected);
  });
});

describe('removePageChrome', () => {
  it('when a page has scripts, frames, navigation, figures and furniture boxes, then only the story is left', () => {
    const { document } = parseHTML(`<!DOCTYPE html><html><head><script>x()</script></head><body>
      <header><nav>Markets Autos</nav></header>
      <article><header><h1>Headline</h1></header>
        <figure><img src="https://cdn.example/a.jpg"><figcaption>Caption. Photo: Bloomberg</figcaption></figure>
        <div class="share-bar">Share on X</div><p>The story.</p><iframe src="https://video.example"></iframe>
        <div class="newsletter-signup"><p>Sign up</p></div><aside>Also read</aside></article>
      <footer>© 2025</footer></body></html>`);

    removePageChrome(document);

    expect(articleText(document.body)).toBe('Headline\n\nThe story.');
    expect(document.querySelectorAll('script, iframe, img, nav, figure, aside, footer')).toHaveLength(0);
  });
});
