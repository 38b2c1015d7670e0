import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageMetadata } from '../../src/reading/page-metadata.js';

const head = (inner: string) => parseHTML(`<!DOCTYPE html><html><head>${inner}</head><body><p>Story.</p></body></html>`).document;

describe('pageMetadata', () => {
  it('when a page has og: and article: meta tags, then they give title, publisher, date, byline and address', () => {
    const document = head(`
      <title>Apple taps Alibaba | Asia Financial</title>
      <meta property="og:title" content="Apple Taps Alibaba to Bring AI to Chinese iPhones: Report">
      <meta property="og:site_name" content="Asia Financial">
      <meta property="article:published_time" content="2025-02-11T09:30:00+08:00">
      <meta name="author" content="Vishakha Saxena">
      <meta property="og:url" content="https://www.asiafinancial.example/apple-alibaba">`);

    expect(pageMetadata(document)).toEqual({
      title: 'Apple Taps Alibaba to Bring AI to Chinese iPhones: Report',
      publisher: 'Asia Financial',
      published: '2025-02-11T09:30:00+08:00',
      byline: 'Vishakha Saxena',
      credit: null,
      url: 'https://www.asiafinancial.example/apple-alibaba',
    });
  });

  it('when only NewsArticle JSON-LD describes the page, inside a @graph, then it gives the same', () => {
    const document = head(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Gulf Markets Daily"},
      {"@type":["NewsArticle"],"headline":"Voltaris weighs delay","datePublished":"2025-09-18T06:45:00+04:00",
       "author":[{"@type":"Person","name":"Omar Haddad"},{"@type":"Person","name":"Lena Ortiz"}],
       "publisher":{"@type":"Organization","name":"Gulf Markets Daily"},
       "creditText":"Bloomberg, with additional reporting by Omar Haddad","url":"https://gulf.example/voltaris"}]}</script>`);

    expect(pageMetadata(document)).toEqual({
      title: 'Voltaris weighs delay',
      publisher: 'Gulf Markets Daily',
      published: '2025-09-18T06:45:00+04:00',
      byline: 'Omar Haddad, Lena Ortiz',
      credit: 'Bloomberg, with additional reporting by Omar Haddad',
      url: 'https://gulf.example/voltaris',
    });
  });

  it('when the JSON-LD is broken, an author is a URL and an address is not http(s), then they are passed over', () => {
    const document = head(`
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
      <meta name="author" content="https://gulf.example/staff/omar">
      <link rel="canonical" href="javascript:alert(1)">
      <title>Plain title</title>`);

    expect(pageMetadata(document)).toMatchObject({ title: 'Plain title', byline: null, url: null });
  });
});
