/** What a page says about itself in its head: meta tags and schema.org JSON-LD. */
export interface PageMetadata {
  title: string | null;
  publisher: string | null;
  /** As the page prints it (ISO date-time, ISO day or words); `read-article` turns it into a day. */
  published: string | null;
  byline: string | null;
  credit: string | null;
  url: string | null;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle)$/;
const DATE_META = ['article:published_time', 'og:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.issued', 'sailthru.date', 'parsely-pub-date', 'article.published', 'citation_publication_date'];
const AUTHOR_META = ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function metaContent(document: Document, names: readonly string[]): string | null {
  for (const name of names) {
    for (const element of document.querySelectorAll('meta')) {
      const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? '').trim().toLowerCase();
      const content = element.getAttribute('content')?.trim();
      if (key === name.toLowerCase() && content) return content;
    }
  }
  return null;
}

/** Every object in the page's JSON-LD, `@graph` lists unrolled; a block that is not JSON is skipped. */
function jsonLdObjects(document: Document): Array<Record<string, Json>> {
  const found: Array<Record<string, Json>> = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      found.push(value);
      if (value['@graph']) visit(value['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? '') as Json);
    } catch {
      // A page's broken JSON-LD says nothing; the meta tags and the text still do.
    }
  }
  return found;
}

const types = (object: Record<string, Json>): string[] => {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
};

/** A JSON-LD value as text: a string, the `name` of an object, or the names of a list, joined. */
function nameOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf(value['name']);
  return null;
}

const isWebUrl = (text: string | null): text is string => text !== null && /^https?:\/\/[^\s]+$/i.test(text);

/**
 * Reads a page's own description of itself: `og:` and `article:` meta tags, a NewsArticle (or Article) in its
 * JSON-LD, `<title>` and the canonical link. Nothing is fetched: a URL is only ever read as text.
 * @example pageMetadata(document).publisher //=> 'Gulf Markets Daily' (from og:site_name)
 */
export function pageMetadata(document: Document): PageMetadata {
  const objects = jsonLdObjects(document);
  const article = objects.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t))) ?? null;
  const site = objects.find((o) => types(o).includes('WebSite')) ?? null;
  const author = metaContent(document, AUTHOR_META);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ?? null;
  const candidates = [canonical, metaContent(document, ['og:url']), typeof article?.['url'] === 'string' ? article['url'] : null];
  return {
    title: metaContent(document, ['og:title', 'twitter:title']) ?? nameOf(article?.['headline']) ?? (document.querySelector('title')?.textContent?.trim() || null),
    publisher: metaContent(document, ['og:site_name']) ?? nameOf(article?.['publisher']) ?? nameOf(site?.['name']) ?? metaContent(document, ['application-name']),
    published: metaContent(document, DATE_META) ?? (typeof article?.['datePublished'] === 'string' ? article['datePublished'] : null),
    byline: (author && !isWebUrl(author) ? author : null) ?? nameOf(article?.['author']),
    credit: nameOf(article?.['creditText']) ?? metaContent(document, ['credit', 'article:credit']),
    url: candidates.find(isWebUrl) ?? null,
  };
}
