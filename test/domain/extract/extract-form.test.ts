import { describe, expect, it } from 'vitest';
import { extractSchema } from '../../../src/domain/extract/extract-form.js';
import { fieldErrors } from '../../../src/domain/validation.js';

const errorsOf = (body: unknown) => {
  const parsed = extractSchema.safeParse(body);
  return parsed.success ? [] : fieldErrors(parsed.error).map((e) => e.field);
};

describe('extractSchema', () => {
  it.each([
    ['text with its day', { text: 'Apple chose Alibaba.', publishedAt: '2025-02-11' }],
    ['text with everything known of it', { text: 'Apple chose Alibaba.', publishedAt: '2025-02-11', publisher: 'Asia Financial', credit: 'Reuters', title: 'Apple taps Alibaba', url: 'https://example.com/a' }],
    ['a saved page', { html: '<html><body><p>Apple chose Alibaba.</p></body></html>' }],
    ['a saved page with its day given', { html: '<html></html>', publishedAt: '2025-02-11' }],
  ])('when the body is %s, then it is taken', (_name, body) => {
    expect(errorsOf(body)).toEqual([]);
  });

  it.each([
    ['text without its day', { text: 'Apple chose Alibaba.' }, ['publishedAt']],
    ['neither text nor page', { publishedAt: '2025-02-11' }, ['text']],
    ['text and a page', { text: 'a', html: '<p>a</p>', publishedAt: '2025-02-11' }, ['text']],
    ['an unknown field', { text: 'a', publishedAt: '2025-02-11', lang: 'en' }, ['lang']],
    ['a URL that is not http', { text: 'a', publishedAt: '2025-02-11', url: 'ftp://example.com/a' }, ['url']],
    ['a page that is not text', { html: 42 }, ['html']],
  ])('when the body has %s, then %j is named', (_name, body, fields) => {
    expect(errorsOf(body)).toEqual(fields);
  });
});
