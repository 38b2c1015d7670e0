import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { resolveDate } from '../domain/dates/resolve-date.js';
import { chromeLines, isInterfaceLine } from '../domain/extract/chrome-lines.js';
import { isCreditLine } from '../domain/extract/credit-line.js';
import { findDateline } from '../domain/extract/dateline.js';
import { articleText, nestsDeeperThan } from './article-text.js';
import { decodePage } from './decode-page.js';
import { removePageChrome } from './page-chrome.js';
import { pageMetadata } from './page-metadata.js';

/**
 * An article as read from a page or a paste: the story's text without site chrome, and what the page says about
 * it. Every field but `text` is a suggestion for the person to check before the document is saved; `null` where
 * nothing in the page says.
 */
export interface ReadArticle {
  title: string | null;
  publisher: string | null;
  /** ISO day. */
  publishedAt: string | null;
  byline: string | null;
  /** The credit line as printed ("Reuters, with additional editing and inputs from …"), else the dateline's wire. */
  credit: string | null;
  url: string | null;
  text: string;
}

export interface ReadOptions {
  /** ISO day of today: a dateline's "Jan 4" is read as the latest Jan 4 up to it. */
  today: string;
}

const PROSE_END = /[.!?]["”’)]*$/u;
const TITLE_SUFFIX = /\s+[|–—-]\s+[^|–—-]{2,60}$/u;
const BYLINE = /^[Bb]y\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})*)/u;
/** Deeper than any real page nests: past it Readability would take minutes, so the body's text is read as it is. */
const MAX_NESTING = 150;
/** Readability gives up past this many elements; a 500 kB page has a few thousand. */
const MAX_ELEMENTS = 40_000;
const LOOKS_LIKE_HTML = /<(?:!doctype|html|head|body|article|main|div|p|meta|title)\b/i;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The day a page's date names: the day part of an ISO date-time as printed, else a phrase read as a day. */
function dayOf(published: string | null, today: string): string | null {
  if (!published) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(published.trim());
  if (iso) return iso[1] ?? null;
  const read = resolveDate(published, { today, reference: today });
  return read.ok && read.date.precision === 'day' ? read.date.start : null;
}

/** The headline of a pasted story: the first line before any sentence that reads as a title, not as interface. */
function guessTitle(lines: readonly string[]): string | null {
  for (const line of lines) {
    const text = line.trim();
    if (text === '' || isInterfaceLine(text)) continue;
    if (PROSE_END.test(text) && words(text) > 6) return null;
    if (words(text) >= 3 && words(text) <= 25 && !PROSE_END.test(text)) return text;
  }
  return null;
}

interface Found {
  title: string | null;
  byline: string | null;
  credit: string | null;
  publishedAt: string | null;
}

/**
 * The story's lines with chrome and the headline taken out, and what its lines say: a "By …" byline, a credit
 * line, a dateline's wire and day.
 */
function cleanStory(text: string, title: string | null, today: string): { text: string; found: Found } {
  const drop = new Set(chromeLines(text, { title }).map((line) => line.start));
  const kept: string[] = [];
  let byline: string | null = null;
  let credit: string | null = null;
  let start = 0;
  let headlineSeen = false;
  for (const raw of text.split('\n')) {
    const lineStart = start;
    start += raw.length + 1;
    const line = raw.trim().replace(/^[•·*]\s*/u, '');
    if (line === '' || drop.has(lineStart)) continue;
    if (!headlineSeen && title && line === title.trim()) {
      headlineSeen = true;
      continue;
    }
    const by = kept.length < 3 && words(line) <= 12 ? BYLINE.exec(line) : null;
    if (by) {
      byline ??= (by[1] ?? '').trim();
      continue;
    }
    if (isCreditLine(line)) credit = line;
    kept.push(line);
  }
  const dateline = kept.slice(0, 3).map(findDateline).find((d) => d !== null) ?? null;
  const datelineDay = dateline?.datePhrase ? dayOf(dateline.datePhrase, today) : null;
  return {
    text: kept.join('\n\n'),
    found: { title, byline, credit: credit ?? dateline?.wire ?? null, publishedAt: datelineDay },
  };
}

/**
 * Reads pasted text as an article: the headline is the first title-like line, site chrome is dropped (interface
 * words, "Also read" lists, captions, author bios), and the byline, credit line and dateline fill what they can.
 * @example readPastedText('fbpx\n\nApple Taps Alibaba\n\nJan 4 (Reuters) - Apple chose Alibaba, the report said.', { today: '2025-02-11' })
 * //=> { title: 'Apple Taps Alibaba', credit: 'Reuters', publishedAt: '2025-01-04', text: 'Jan 4 (Reuters) - Apple chose Alibaba, the report said.', … }
 */
export function readPastedText(text: string, options: ReadOptions): ReadArticle {
  const normalised = text.replace(/\r\n?/g, '\n');
  const title = guessTitle(normalised.split('\n'));
  const story = cleanStory(normalised, title, options.today);
  return {
    title,
    publisher: null,
    publishedAt: story.found.publishedAt,
    byline: story.found.byline,
    credit: story.found.credit,
    url: null,
    text: story.text,
  };
}

/** Readability's reading of the story, or `null` when it finds none or the page has too many elements for it. */
function readabilityOf(document: Document) {
  try {
    return new Readability<Node>(document, { serializer: (node) => node, charThreshold: 200, maxElemsToParse: MAX_ELEMENTS }).parse();
  } catch {
    // Readability throws past maxElemsToParse; the chrome is already gone, so the body's text still reads.
    return null;
  }
}

/**
 * Reads an HTML page as an article. The page is parsed with linkedom, which runs no script and loads nothing;
 * scripts, frames, images, media, forms and site furniture are removed before Readability finds the story, and
 * its text is then cleaned of chrome as pasted text is. Meta tags and JSON-LD fill title, publisher, date, byline
 * and credit; the story's own credit line and dateline fill what they leave empty.
 * @example readHtml('<html><head><meta property="og:site_name" content="Gulf Markets Daily"></head><body><article>…</article></body></html>', { today: '2025-09-18' }).publisher
 * //=> 'Gulf Markets Daily'
 */
export function readHtml(html: string, options: ReadOptions): ReadArticle {
  const { document } = parseHTML(html);
  const meta = pageMetadata(document);
  removePageChrome(document);
  const body = document.body ?? document.documentElement;
  const readable = body && !nestsDeeperThan(body, MAX_NESTING) ? readabilityOf(document) : null;
  const content = readable?.content ? articleText(readable.content) : '';
  const text = content.trim() !== '' ? content : body ? articleText(body) : '';
  const siteName = meta.publisher ?? readable?.siteName?.trim() ?? null;
  const rawTitle = meta.title ?? readable?.title?.trim() ?? null;
  const title = rawTitle && siteName ? rawTitle.replace(TITLE_SUFFIX, (suffix) => (suffix.includes(siteName) ? '' : suffix)) : rawTitle;
  const story = cleanStory(text, title, options.today);
  return {
    title: title || null,
    publisher: siteName || null,
    publishedAt: dayOf(meta.published ?? readable?.publishedTime ?? null, options.today) ?? story.found.publishedAt,
    byline: meta.byline ?? (readable?.byline?.replace(/^by\s+/i, '').trim() || null) ?? story.found.byline,
    credit: story.found.credit && isCreditLine(story.found.credit) ? story.found.credit : (meta.credit ?? story.found.credit),
    url: meta.url,
    text: story.text,
  };
}

/**
 * Reads an uploaded file as an article: bytes decoded by the declared charset (or the page's own, or UTF-8),
 * then read as HTML, or as pasted text when it is not HTML.
 * @example readPage(bytes, 'windows-1252', { today: '2025-09-18' }).title //=> 'Voltaris said to weigh …'
 */
export function readPage(bytes: Uint8Array, declaredCharset: string | null, options: ReadOptions): ReadArticle {
  const { text } = decodePage(bytes, declaredCharset);
  return LOOKS_LIKE_HTML.test(text.slice(0, 4096)) ? readHtml(text, options) : readPastedText(text, options);
}
