import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/domain/formats/html-text.js';

describe('htmlToText', () => {
  it.each([
    ['tags are dropped and entities decoded', '<p>Apple &amp; <b>Alibaba</b> sign</p>', 'Apple & Alibaba sign'],
    ['paragraphs and line breaks become spaces', '<p>One</p><p>two<br>three</p>', 'One two three'],
    ['escaped markup reads as the markup written', '&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['a script is removed with its content', 'Hi<script>alert(1)</script> there', 'Hi there'],
    ['numeric entities and curly quotes are decoded', '&#8220;Q2&#x201D; &ldquo;2024&rdquo;', '“Q2” “2024”'],
    ['an unknown entity stays as written', 'R&D &bogus; team', 'R&D &bogus; team'],
    ['white space is made one space', '  Apple\n\n   chose\tAlibaba ', 'Apple chose Alibaba'],
    ['a link keeps its words', '<a href="https://example.com">the article</a>', 'the article'],
  ])('when %s, then the text is right', (_case, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
