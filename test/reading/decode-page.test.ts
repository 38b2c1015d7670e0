import { describe, expect, it } from 'vitest';
import { decodePage } from '../../src/reading/decode-page.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('decodePage', () => {
  it.each([
    ['the charset the upload declared', latin1('<p>Caf\xe9 de la Paix, S\xe3o Paulo</p>'), 'windows-1252', '<p>Café de la Paix, São Paulo</p>', 'windows-1252'],
    ['a declared "latin1", which the web reads as windows-1252', latin1('<p>\x93quoted\x94 caf\xe9</p>'), 'latin1', '<p>“quoted” café</p>', 'windows-1252'],
    ['the page’s own <meta charset> when nothing is declared', latin1('<meta charset="iso-8859-1"><p>na\xefve</p>'), null, '<meta charset="iso-8859-1"><p>naïve</p>', 'windows-1252'],
    ['Shift_JIS, declared', Buffer.from([0x93, 0x8c, 0x8b, 0x9e]), 'Shift_JIS', '東京', 'Shift_JIS'],
    ['UTF-8 when nothing says otherwise', Buffer.from('<p>Zürich</p>', 'utf8'), null, '<p>Zürich</p>', 'UTF-8'],
    ['a byte-order mark over a wrong declaration', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zürich', 'utf8')]), 'windows-1252', 'Zürich', 'UTF-8'],
    ['UTF-8 when the declared label names no encoding', Buffer.from('Zürich', 'utf8'), 'not-a-charset', 'Zürich', 'UTF-8'],
  ])('when decoding by %s, then the text reads as written', (_name, bytes, declared, text, encoding) => {
    expect(decodePage(bytes, declared)).toEqual({ text, encoding });
  });
});
