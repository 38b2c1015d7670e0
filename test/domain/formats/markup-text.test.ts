import { describe, expect, it } from 'vitest';
import { escapeMarkup } from '../../../src/domain/formats/markup-text.js';

describe('escapeMarkup', () => {
  it('when text holds markup characters, then each becomes an entity', () => {
    expect(escapeMarkup(`<a href='x'>"R&D"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;R&amp;D&quot;&lt;/a&gt;');
  });

  it('when text holds control characters or a lone surrogate, then they are dropped and tabs, newlines and emoji stay', () => {
    expect(escapeMarkup('a\u0000b\u0007c\uD800d\uFFFEe\t\n\r🚀')).toBe('abcde\t\n\r🚀');
  });
});
