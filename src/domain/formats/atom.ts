import { Feed } from 'feed';
import { describeChain } from '../chain.js';
import type { Claim, Database } from '../types.js';
import { claimUrl } from './claim-url.js';
import { XML_ILLEGAL_CHAR, escapeMarkup, withoutXmlIllegal } from './markup-text.js';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Entries per feed document: a reader polls the first page, so it stays small however large the story grows. */
export const FEED_PAGE_SIZE = 100;

export interface AtomFeedOptions {
  /** Where Claimline is served, from configuration: `https://claims.example.org`. */
  baseUrl: string;
  /** The feed's path: `/feed.atom`. */
  path: string;
  /** The feed's filters as a query string without `page` (`actor=apple&order=desc`), kept on every page link. */
  query: string;
  /** Which page of FEED_PAGE_SIZE entries, from 1 (the newest changes). */
  page: number;
  title: string;
  /** The database's last change, for a feed no claim of which has changed yet; defaults to the newest claim. */
  updated: string;
}

/**
 * How many pages of FEED_PAGE_SIZE entries a feed of `count` claims has; an empty feed still has its first page.
 * @example atomPageCount(250) //=> 3
 */
export function atomPageCount(count: number): number {
  return Math.max(1, Math.ceil(count / FEED_PAGE_SIZE));
}

/**
 * Claims as an Atom 1.0 feed (RFC 4287, written by `feed`), newest change first, FEED_PAGE_SIZE entries to a page
 * with RFC 5005 paging links (`first`, `previous`, `next`, `last`). An entry's `updated` moves whenever its claim
 * changes, so feed readers show it again. The feed's id is the URL of its first page, so each filtered feed is a
 * feed of its own; `self` is the page's own URL. The feed's `updated` is its newest claim's change, or the
 * database's last change when no claim matches, so it only moves when the data does. Every text is escaped and
 * stripped of characters XML 1.0 forbids.
 * @example toAtomFeed(db, db.claims, { baseUrl: 'http://localhost:3000', path: '/feed.atom', query: '', page: 1, title: 'Claimline', updated }).startsWith('<?xml') //=> true
 */
export function toAtomFeed(db: Database, claims: Claim[], options: AtomFeedOptions): string {
  const names = new Map(db.sources.map((source) => [source.id, source.name]));
  const nameOf = (id: string): string => names.get(id) ?? id;
  const newestFirst = [...claims].sort((a, b) =>
    a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const home = options.baseUrl.replace(/\/+$/, '') || options.baseUrl;
  const pages = atomPageCount(newestFirst.length);
  const pageUrl = (page: number): string => {
    const query = [options.query, page > 1 ? `page=${page}` : ''].filter(Boolean).join('&');
    return `${home}${options.path}${query ? `?${query}` : ''}`;
  };
  const feed = new Feed({
    id: pageUrl(1),
    title: withoutXmlIllegal(options.title),
    updated: new Date(timestamp(newestFirst[0]?.updatedAt ?? options.updated)),
    author: { name: 'Claimline', link: home },
    link: `${home}/`,
    feedLinks: { atom: pageUrl(options.page) },
    generator: 'Claimline',
  });
  const start = (options.page - 1) * FEED_PAGE_SIZE;
  for (const claim of newestFirst.slice(start, start + FEED_PAGE_SIZE)) {
    const url = claimUrl(options.baseUrl, claim.id);
    const chain = describeChain(claim.attributions, nameOf);
    const quotes = [...new Set(claim.attributions.flatMap((attribution) => attribution.quote?.trim() || []))];
    const summary = [`${claim.date.label}. Status: ${claim.status}.`, chain].filter(Boolean).join(' ');
    const content = [claim.date.label, `Status: ${claim.status}`, chain, ...quotes.map((quote) => `“${quote}”`)].filter(Boolean);
    feed.addItem({
      // feed writes titles, summaries and content as HTML, so the text goes in escaped.
      title: escapeMarkup(claim.statement),
      id: url,
      link: url,
      date: new Date(timestamp(claim.updatedAt)),
      published: new Date(timestamp(claim.createdAt)),
      description: escapeMarkup(summary),
      content: content.map((line) => `<p>${escapeMarkup(line)}</p>`).join(''),
      category: [
        ...claim.topics.map((topic) => category(topic, `${home}/topics`)),
        ...claim.actors.map((actor) => category(actor, `${home}/actors`)),
      ],
    });
  }
  const paging = [
    ['first', 1],
    ...(options.page > 1 ? [['previous', options.page - 1]] : []),
    ...(options.page < pages ? [['next', options.page + 1]] : []),
    ['last', pages],
  ] as Array<[string, number]>;
  return withPagingLinks(feed.atom1(), paging.map(([rel, page]) => `<link rel="${rel}" href="${escapeMarkup(pageUrl(page))}"/>`));
}

/** feed writes no RFC 5005 paging links, so they go in after its `self` link. */
function withPagingLinks(xml: string, links: string[]): string {
  const self = xml.indexOf('<link rel="self"');
  const end = xml.indexOf('/>', self) + 2;
  const indent = /\n( *)<link rel="self"/.exec(xml)?.[1] ?? '';
  return `${xml.slice(0, end)}${links.map((link) => `\n${indent}${link}`).join('')}${xml.slice(end)}`;
}

/**
 * feed (through xml-js) escapes `&` and `"` in attribute values but not `<`, which XML forbids there; a look-alike
 * keeps a category such as "R&D <team>" readable and the feed well formed.
 */
function category(term: string, scheme: string) {
  const text = withoutXmlIllegal(term).replace(/</g, '\u2039').replace(/>/g, '\u203A');
  return { term: text, name: text, scheme };
}

/** RFC 3339 as Atom demands; a bare ISO day (older records) is taken as its midnight UTC. */
function timestamp(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso;
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * What in `xml` breaks the Atom 1.0 rules of RFC 4287 §4: a root other than `feed` in the Atom namespace, a feed or
 * entry without exactly one `id`, `title` and `updated`, no `author` on the feed nor on every entry, an entry with
 * neither `content` nor a `link rel="alternate"`, two alternate links of the same type and language, and
 * timestamps that are not RFC 3339. Also catches markup that is not well formed. Empty when the feed is valid.
 * @example validateAtom('<feed xmlns="http://www.w3.org/2005/Atom"/>') //=> ['feed needs exactly one id (has 0)', …]
 */
export function validateAtom(xml: string): string[] {
  if (XML_ILLEGAL_CHAR.test(xml)) return ['the feed holds a character XML 1.0 forbids'];
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`not well-formed XML: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (root.name !== 'feed') problems.push(`the root element is <${root.name}>, not <feed>`);
  if (root.attributes.xmlns !== ATOM_NS) problems.push(`feed must declare xmlns="${ATOM_NS}"`);
  checkContainer(root, 'feed', problems);
  const entries = root.children.filter((child) => child.name === 'entry');
  const feedHasAuthor = root.children.some((child) => child.name === 'author');
  entries.forEach((entry, index) => {
    const at = `entry[${index}]`;
    checkContainer(entry, at, problems);
    if (!feedHasAuthor && !entry.children.some((child) => child.name === 'author')) {
      problems.push(`${at} needs an author, since the feed has none`);
    }
    const alternate = entry.children.some((child) => child.name === 'link' && (child.attributes.rel ?? 'alternate') === 'alternate');
    const content = entry.children.find((child) => child.name === 'content');
    if (!alternate && !content) problems.push(`${at} needs a content or a link rel="alternate"`);
    if (content && content.attributes.src !== undefined && !entry.children.some((child) => child.name === 'summary')) {
      problems.push(`${at} has content by reference, so it needs a summary`);
    }
    const published = entry.children.filter((child) => child.name === 'published');
    if (published.length > 1) problems.push(`${at} has more than one published`);
    for (const date of published) checkTimestamp(date, `${at}.published`, problems);
  });
  return problems;
}

function checkContainer(element: XmlElement, at: string, problems: string[]): void {
  for (const name of ['id', 'title', 'updated']) {
    const found = element.children.filter((child) => child.name === name);
    if (found.length !== 1) problems.push(`${at} needs exactly one ${name} (has ${found.length})`);
    else if (found[0] && found[0].text.trim() === '' && name !== 'title') problems.push(`${at}.${name} is empty`);
  }
  for (const updated of element.children.filter((child) => child.name === 'updated')) {
    checkTimestamp(updated, `${at}.updated`, problems);
  }
  for (const author of element.children.filter((child) => child.name === 'author')) {
    if (author.children.filter((child) => child.name === 'name').length !== 1) {
      problems.push(`${at}.author needs exactly one name`);
    }
  }
  const alternates = new Set<string>();
  for (const link of element.children.filter((child) => child.name === 'link')) {
    if (!link.attributes.href) problems.push(`${at} has a link without href`);
    if ((link.attributes.rel ?? 'alternate') !== 'alternate') continue;
    const key = `${link.attributes.type ?? ''}|${link.attributes.hreflang ?? ''}`;
    if (alternates.has(key)) problems.push(`${at} has two alternate links of the same type and language`);
    alternates.add(key);
  }
}

function checkTimestamp(element: XmlElement, at: string, problems: string[]): void {
  const value = element.text.trim();
  if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) {
    problems.push(`${at} “${value}” is not an RFC 3339 timestamp`);
  }
}

const ENTITY_VALUES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error('a bare “&” in text');
  if (text.includes('<')) throw new Error('a bare “<” in text');
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, entity: string) =>
    entity.startsWith('#x')
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : (ENTITY_VALUES[entity] ?? ''),
  );
}

/** Just enough XML for the checks above: elements, attributes, text, CDATA, the declaration and comments; no DTDs. */
function parseXml(xml: string): XmlElement {
  const body = xml
    .replace(/^\uFEFF?<\?xml[^?]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => text.replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char] ?? char));
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let last = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const between = body.slice(last, match.index);
    const parent = stack.at(-1);
    if (parent) parent.text += decode(between);
    else if (between.trim() !== '') throw new Error('text outside the root element');
    last = tag.lastIndex;
    const [, closing, name = '', rawAttributes = '', selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (const [, key = '', double, single] of rawAttributes.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (key in element.attributes) throw new Error(`<${name}> repeats the attribute ${key}`);
      element.attributes[key] = decode(double ?? single ?? '');
    }
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (body.slice(last).trim() !== '') throw new Error('text after the root element');
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}
