import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { anchorQuote } from '../src/domain/anchor.js';
import { validateDatabase } from '../src/domain/database-check.js';
import { partsOf } from '../src/domain/dates/calendar-day.js';
import { dateFromValue } from '../src/domain/dates/claim-date.js';
import { dayNumber, isoFromDayNumber } from '../src/domain/dates/day-number.js';
import { quarterOf } from '../src/domain/dates/quarter.js';
import { slugify } from '../src/domain/slug.js';
import type {
  Attribution,
  Claim,
  Database,
  Document,
  Relation,
  Revision,
  Source,
  SourceKind,
  Status,
  Story,
} from '../src/domain/types.js';
import { createRandom, type Random } from './bench/prng.js';

export interface SyntheticOptions {
  claims: number;
  /** Same seed, same database, byte for byte. Default 1. */
  seed?: number;
  /** Relations giving the order of claims about the same actor, in sequences of 2 to 12. Default: one per claim, as many as the claims allow. */
  relations?: number;
  /** Stories the claims and documents are shared out between, in even parts. Default 1. */
  stories?: number;
}

/** Longest sequence of related claims the generator makes; a story's sequences are short. */
const LONGEST_SEQUENCE = 12;

export const SOURCE_COUNT = 200;
export const ACTOR_COUNT = 50;
export const TOPICS = [
  'acquisitions', 'antitrust', 'batteries', 'chip supply', 'cloud', 'data centres', 'data privacy', 'earnings',
  'energy', 'export controls', 'funding', 'hiring', 'layoffs', 'leadership', 'lawsuits', 'logistics',
  'mergers', 'mining', 'partnerships', 'pricing', 'product launches', 'recalls', 'regulation', 'robotics',
  'satellites', 'security breaches', 'strikes', 'subsidies', 'tariffs', 'trade',
] as const;
/** About this many claims are read in each document, so documents number N/20. */
export const CLAIMS_PER_DOCUMENT = 20;

const PLACES = [
  'Northland', 'Porto Vale', 'Eastmarch', 'Kestrel Bay', 'Averon', 'Lindqvist', 'Marrow Point', 'Solenne',
  'Tarvik', 'Cobalt Coast', 'Orrin', 'Westhaven', 'Brightwater', 'Halden', 'Quillon', 'Rasmere', 'Sundby',
  'Varga', 'Yellowpine', 'Zennor',
];
const MASTHEADS = ['Ledger', 'Courier', 'Herald', 'Observer', 'Dispatch', 'Gazette', 'Post', 'Chronicle', 'Review', 'Signal'];
const BRAND_STEMS = [
  'Helios', 'Vantor', 'Borealis', 'Kairo', 'Meridian', 'Nimbus', 'Octavia', 'Pelion', 'Quasar', 'Rubicon',
  'Sable', 'Tessera', 'Umbra', 'Veritas', 'Wyvern', 'Xylo', 'Yarrow', 'Zephyr', 'Aster', 'Cinder',
];
const BRAND_ENDS = ['Grid', 'Labs', 'Systems', 'Motors', 'Robotics', 'Semiconductor', 'Energy', 'Logistics', 'Bank', 'Health'];
const AGENCIES = ['Competition Authority', 'Securities Commission', 'Energy Regulator', 'Data Protection Office', 'Trade Board'];
const MINISTRIES = ['Finance', 'Trade', 'Industry', 'Energy', 'Defence', 'Transport', 'Health', 'Digital Affairs'];
const FIRST_NAMES = ['Ana', 'Bilal', 'Chen', 'Dara', 'Elif', 'Femi', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya'];
const LAST_NAMES = ['Alvarez', 'Brandt', 'Castillo', 'Demir', 'Eriksen', 'Fontaine', 'Gupta', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindgren', 'Moreau', 'Nakamura', 'Okafor', 'Petrov'];
const OTHER_KINDS = ['Institute', 'Foundation', 'Union', 'Association', 'Council'];

const SOURCE_MIX: ReadonlyArray<readonly [SourceKind, number]> = [
  ['publication', 70],
  ['wire-service', 10],
  ['company', 40],
  ['regulator', 15],
  ['government', 20],
  ['person', 35],
  ['other', 10],
];

const ACTIONS: ReadonlyArray<(r: Random, other: string, place: string) => string> = [
  (_r, other) => `will acquire ${other}`,
  (r, other) => `is in talks to buy a ${r.int(5, 49)}% stake in ${other}`,
  (r, _other, place) => `plans to invest $${r.int(20, 990)} million in a plant in ${place}`,
  (r, other) => `signed a deal to supply ${r.int(2, 90) * 100} units to ${other}`,
  (r) => `delayed the launch of its next product by ${r.int(2, 11)} months`,
  (r, _other, place) => `is cutting ${r.int(3, 60) * 10} jobs in ${place}`,
  (_r, _other, place) => `won approval to operate in ${place}`,
  (_r, other) => `is under investigation over its dealings with ${other}`,
  (_r, other, place) => `will partner with ${other} on a project in ${place}`,
  (r) => `raised $${r.int(5, 400)} million in new funding`,
  (r, _other, place) => `will open ${r.int(2, 12)} offices in ${place}`,
  (_r, other) => `ended its contract with ${other}`,
];
const ORIGIN_VERBS = ['said', 'told reporters', 'announced', 'said in a statement', 'confirmed', 'wrote'];
const RELAY_VERBS = ['reported', 'according to', 'cited', 'relayed'];
const PUBLISHER_VERBS = ['reported', 'reported', 'said', 'according to'];
const STATUS_MIX: ReadonlyArray<readonly [Status, number]> = [
  ['reported', 82],
  ['confirmed', 8],
  ['denied', 5],
  ['disputed', 3],
  ['retracted', 1],
];

const ID_ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
/** Record times start here and step forward per claim, so the data never depends on the clock. */
const RECORDED_FROM = Date.UTC(2025, 0, 6, 8, 0, 0);
const PUBLISHED_FROM = dayNumber('2016-01-01');
const PUBLISHED_DAYS = 3800;

const pad = (n: number) => String(n).padStart(2, '0');

/** Ids shaped like the app's own (base64url), drawn from the seeded source and never repeated. */
function idMaker(random: Random, length: number) {
  const used = new Set<string>();
  return (): string => {
    for (;;) {
      let id = '';
      for (let i = 0; i < length; i++) id += random.pick(ID_ALPHABET);
      // A leading '-' or '_' reads badly in URLs and logs; the app's ids avoid it by chance, these by rule.
      if (/^[-_]/.test(id) || used.has(id)) continue;
      used.add(id);
      return id;
    }
  };
}

/** `count` distinct names from a generator; the generator's combinations must outnumber `count`. */
function distinctNames(count: number, make: () => string, taken: Set<string>): string[] {
  const names: string[] = [];
  for (let tries = 0; names.length < count; tries++) {
    if (tries > count * 200) throw new Error(`could not invent ${count} distinct names`);
    const name = make();
    if (taken.has(slugify(name))) continue;
    taken.add(slugify(name));
    names.push(name);
  }
  return names;
}

function nameFor(kind: SourceKind, random: Random): string {
  switch (kind) {
    case 'publication':
      return `The ${random.pick(PLACES)} ${random.pick(MASTHEADS)}`;
    case 'wire-service':
      return `${random.pick(PLACES)} ${random.pick(['Press', 'Wire', 'News Agency'])}`;
    case 'company':
      return `${random.pick(BRAND_STEMS)} ${random.pick(BRAND_ENDS)}`;
    case 'regulator':
      return `${random.pick(PLACES)} ${random.pick(AGENCIES)}`;
    case 'government':
      return `${random.pick(PLACES)} Ministry of ${random.pick(MINISTRIES)}`;
    case 'person':
      return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    case 'other':
      return `${random.pick(PLACES)} ${random.pick(OTHER_KINDS)}`;
  }
}

function makeSources(random: Random): Source[] {
  const taken = new Set<string>();
  return SOURCE_MIX.flatMap(([kind, count]) =>
    distinctNames(count, () => nameFor(kind, random), taken).map((name): Source => {
      const id = slugify(name);
      return kind === 'person' ? { id, name, kind } : { id, name, kind, url: `https://${id}.example` };
    }),
  );
}

function makeActors(random: Random): { actors: string[]; companies: string[] } {
  const taken = new Set<string>();
  const companies = distinctNames(30, () => `${random.pick(BRAND_STEMS)} ${random.pick(BRAND_ENDS)}`, taken);
  const people = distinctNames(ACTOR_COUNT - 30, () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`, taken);
  // Interleaved so the most mentioned actors (low indexes) are both companies and people.
  const actors = companies.flatMap((company, i) => (people[i] ? [company, people[i]] : [company]));
  return { actors, companies };
}

/** Distinct picks, low indexes favoured, so a few actors and topics dominate as they do in real coverage. */
function skewedPicks<T>(random: Random, items: readonly T[], count: number): T[] {
  const picked = new Set<T>();
  while (picked.size < count) picked.add(items[random.skewedIndex(items.length)] as T);
  return [...picked];
}

/**
 * An event date in Claimline notation near `aroundDay` (a day number), in the mix a newsroom writes: mostly days and months,
 * some quarters and years, a few ranges, open ends and approximate dates.
 */
function eventDateValue(random: Random, aroundDay: number): string {
  const when = isoFromDayNumber(aroundDay + random.int(-540, 200));
  const { year: y, month: m } = partsOf(when);
  const d = Math.min(partsOf(when).day, 28);
  const day = `${y}-${pad(m)}-${pad(d)}`;
  const month = `${y}-${pad(m)}`;
  const shape = random.weighted([
    ['day', 34], ['month', 24], ['quarter', 14], ['year', 9], ['approximate', 5],
    ['month-range', 5], ['day-range', 3], ['open-end', 3], ['open-start', 3],
  ] as const);
  switch (shape) {
    case 'day':
      return day;
    case 'month':
      return month;
    case 'quarter':
      return `${y}-Q${quarterOf(when)}`;
    case 'year':
      return String(y);
    case 'approximate':
      return `~${random.chance(0.5) ? month : y}`;
    case 'month-range':
      return `${month}/${y}-${pad(Math.min(12, m + random.int(1, 4)))}`;
    case 'day-range':
      return `${day}/${y}-${pad(m)}-${pad(Math.min(28, d + random.int(1, 9)))}`;
    case 'open-end':
      return `${random.chance(0.5) ? month : y}/..`;
    case 'open-start':
      return `../${random.chance(0.5) ? day : month}`;
  }
}

interface Draft {
  claim: Claim;
  documentIndex: number;
  /** The sentence the document prints for this claim; the quote, when there is one, is taken from it. */
  sentence: string;
  quote: string | undefined;
}

/**
 * A Claimline database of `claims` synthetic claims about invented companies, people and places, for
 * benchmarks and load tests: 200 sources of every kind, 50 actors, 30 topics, one document per 20 claims
 * whose text holds every quote taken from it, event dates of mixed precision, 1–4 attributions per claim
 * (origin, relays, publisher), mostly reported claims with some confirmed, denied and superseded ones.
 * Pure: the same options give the same database.
 * @example syntheticDatabase({ claims: 1000, seed: 7 }).claims.length //=> 1000
 */
export function syntheticDatabase(options: SyntheticOptions): Database {
  const count = options.claims;
  if (!Number.isInteger(count) || count < 0) throw new Error(`claims must be a whole number ≥ 0, got ${count}`);
  const random = createRandom(options.seed ?? 1);
  const claimId = idMaker(random, 12);
  const documentId = idMaker(random, 10);
  const revisionId = idMaker(random, 12);

  const sources = makeSources(random);
  const { actors, companies } = makeActors(random);
  const byKind = (...kinds: SourceKind[]) => sources.filter((s) => kinds.includes(s.kind));
  const outlets = byKind('publication', 'wire-service');
  const speakers = byKind('company', 'person', 'government', 'regulator', 'other');

  const documentCount = Math.max(1, Math.ceil(count / CLAIMS_PER_DOCUMENT));
  const documentShells = Array.from({ length: documentCount }, (_, i) => {
    const publisher = outlets[random.skewedIndex(outlets.length)] as Source;
    const publishedAt = isoFromDayNumber(PUBLISHED_FROM + random.int(0, PUBLISHED_DAYS));
    return { id: documentId(), publisher, publishedAt, index: i };
  });

  const stories = makeStories(options.seed ?? 1, options.stories ?? 1);
  // Documents are shared out between the stories in runs, and a claim belongs to its document's story.
  const storyOfDocument = (index: number) => (stories[Math.floor((index * stories.length) / documentCount)] as Story).id;

  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const documentIndex = i % documentCount;
    const shell = documentShells[documentIndex] as (typeof documentShells)[number];
    const claimActors = skewedPicks(random, actors, random.weighted([[1, 55], [2, 35], [3, 10]] as const));
    const subject = claimActors[0] as string;
    // Deals are done with companies, not people: the counterpart is a company even when the second actor is a person.
    const other = claimActors.slice(1).find((a) => companies.includes(a)) ?? random.pick(companies.filter((a) => a !== subject));
    const predicate = random.pick(ACTIONS)(random, other, random.pick(PLACES));
    const statement = `${subject} ${predicate}`;

    const attributionCount = random.weighted([[1, 20], [2, 35], [3, 30], [4, 15]] as const);
    const published = shell.publishedAt;
    const origin = attributionCount === 1 ? shell.publisher : (random.pick(speakers) as Source);
    // A speaker says it before the press prints it; a publisher that is its own origin says it on the day.
    const madeAt = attributionCount === 1 ? published : isoFromDayNumber(dayNumber(published) - random.int(0, 3));
    const sentence = `${statement}, ${origin.name} ${random.pick(ORIGIN_VERBS)}.`;
    const quote = random.chance(0.4) ? predicate : undefined;
    const fromDocument = { documentId: shell.id, ...(quote && { quote }) };

    const attributions: Attribution[] = [];
    if (attributionCount === 1) {
      attributions.push({ sourceId: origin.id, role: 'origin', verb: random.pick(PUBLISHER_VERBS), ...fromDocument, madeAt });
    } else {
      attributions.push({ sourceId: origin.id, role: 'origin', verb: random.pick(ORIGIN_VERBS), madeAt });
      const relays = outlets.filter((s) => s.id !== shell.publisher.id);
      const used = new Set<string>();
      while (used.size < attributionCount - 2) used.add(random.pick(relays).id);
      for (const sourceId of used) attributions.push({ sourceId, role: 'relay', verb: random.pick(RELAY_VERBS), madeAt: published });
      attributions.push({ sourceId: shell.publisher.id, role: 'publisher', verb: random.pick(PUBLISHER_VERBS), ...fromDocument, madeAt: published });
    }

    const recorded = new Date(RECORDED_FROM + i * 41_000).toISOString();
    const claim: Claim = {
      id: claimId(),
      storyId: storyOfDocument(documentIndex),
      statement,
      date: dateFromValue(eventDateValue(random, dayNumber(published))),
      claimedAt: dateFromValue(madeAt),
      actors: claimActors,
      topics: skewedPicks(random, TOPICS, random.weighted([[1, 60], [2, 40]] as const)),
      status: 'reported',
      statusHistory: [{ status: 'reported', on: madeAt, recordedAt: recorded }],
      attributions,
      supersedes: [],
      revision: 1,
      createdAt: recorded,
      updatedAt: recorded,
    };
    drafts.push({ claim, documentIndex, sentence, quote });
  }

  const documents = buildDocuments(random, documentShells, drafts, actors, storyOfDocument);
  const anchored = drafts.map((draft) => anchorQuotes(draft, documents[draft.documentIndex] as Document));
  const revisions = settleStatuses(random, anchored, revisionId);
  const relations = sequencesOf(random, anchored, options.relations ?? count, idMaker(random, 12));
  return { version: 3, stories, sources, documents, claims: anchored, revisions, relations };
}

/** Stories with invented titles, from their own random source so the claims are the same whatever their number. */
function makeStories(seed: number, count: number): Story[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`stories must be a whole number ≥ 1, got ${count}`);
  const random = createRandom(seed + 7919);
  return Array.from({ length: count }, (_, i) => {
    const title = `${random.pick(BRAND_STEMS)} ${random.pick(BRAND_ENDS)} in ${random.pick(PLACES)}`;
    const slug = `${slugify(title)}-${i + 1}`;
    return { id: slug, slug, title, summary: `What is known of ${title} and who said it.`, createdAt: new Date(RECORDED_FROM + i * 60_000).toISOString() };
  });
}

/**
 * Relations as a story has them: claims about the same actor, in date order, tied into sequences of 2 to 12
 * by “after”, first by each claim's main actor, then by its second and third. Every sequence is in one order of
 * all claims (by date, then id), so together they can all hold: each claim can happen on its date's first day.
 */
function sequencesOf(random: Random, claims: readonly Claim[], wanted: number, relationId: () => string): Relation[] {
  const ordered = [...claims].sort((a, b) => (a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : a.id < b.id ? -1 : 1));
  const relations: Relation[] = [];
  const related = new Set<string>();
  for (let pass = 0; pass < 3 && relations.length < wanted; pass += 1) {
    const byActor = new Map<string, Claim[]>();
    for (const claim of ordered) {
      const actor = claim.actors[pass];
      // Relations stay inside a story.
      if (actor !== undefined) byActor.set(`${claim.storyId}\u0000${actor}`, [...(byActor.get(`${claim.storyId}\u0000${actor}`) ?? []), claim]);
    }
    for (const [, group] of [...byActor].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (let at = 0; at < group.length && relations.length < wanted; ) {
        const length = random.int(2, LONGEST_SEQUENCE);
        const sequence = group.slice(at, at + length);
        for (let i = 1; i < sequence.length && relations.length < wanted; i += 1) {
          const [earlier, later] = [sequence[i - 1] as Claim, sequence[i] as Claim];
          const pair = `${earlier.id}\u0000${later.id}`;
          if (related.has(pair)) continue;
          related.add(pair);
          relations.push({ id: relationId(), from: later.id, relation: 'after', to: earlier.id, createdAt: later.createdAt });
        }
        at += length;
      }
    }
  }
  return relations;
}

function buildDocuments(
  random: Random,
  shells: ReadonlyArray<{ id: string; publisher: Source; publishedAt: string; index: number }>,
  drafts: readonly Draft[],
  actors: readonly string[],
  storyOf: (index: number) => string,
): Document[] {
  const sentences = shells.map((): string[] => []);
  for (const draft of drafts) sentences[draft.documentIndex]?.push(draft.sentence);
  return shells.map((shell, i): Document => {
    const lead = random.pick(actors);
    const title = `${lead}: what we know about the ${random.pick(TOPICS)} talks`;
    const body = sentences[i] ?? [];
    const paragraphs: string[] = [`${shell.publisher.name} has followed the story since ${shell.publishedAt.slice(0, 4)}.`];
    for (let at = 0; at < body.length; at += 4) paragraphs.push(body.slice(at, at + 4).join(' '));
    return {
      id: shell.id,
      storyId: storyOf(i),
      title,
      publisherId: shell.publisher.id,
      url: `${shell.publisher.url ?? 'https://news.example'}/${shell.publishedAt.replaceAll('-', '/')}/${slugify(title)}-${shell.id}`,
      publishedAt: shell.publishedAt,
      ...(random.chance(0.3) && { credit: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}, with additional reporting` }),
      text: paragraphs.join('\n\n'),
      createdAt: new Date(RECORDED_FROM + i * 20 * 41_000).toISOString(),
    };
  });
}

/** Anchors each quote in its document's text, as the app does when a quote is checked. */
function anchorQuotes(draft: Draft, document: Document): Claim {
  if (!draft.quote || !document.text) return draft.claim;
  const found = anchorQuote(document.text, draft.quote);
  if (!found.found) throw new Error(`synthetic quote not in its document: ${draft.quote}`);
  const attributions = draft.claim.attributions.map((a) =>
    a.documentId === document.id && a.quote ? { ...a, anchor: found.anchor } : a,
  );
  return { ...draft.claim, attributions };
}

/**
 * Moves some claims past "reported" — confirmed, denied, disputed, retracted, or superseded by a later claim —
 * each change recorded as revision 2 with its status history, as the status form would leave it.
 */
function settleStatuses(random: Random, claims: Claim[], revisionId: () => string): Revision[] {
  const revisions: Revision[] = [];
  const change = (index: number, status: Status, sourceId?: string) => {
    const claim = claims[index] as Claim;
    const at = new Date(Date.parse(claim.createdAt) + random.int(1, 72) * 3_600_000).toISOString();
    const on = isoFromDayNumber(dayNumber(claim.claimedAt.start) + random.int(1, 90));
    const history = [...claim.statusHistory, { status, on, ...(sourceId && { sourceId }), recordedAt: at }];
    claims[index] = { ...claim, status, statusHistory: history, revision: 2, updatedAt: at };
    revisions.push({
      id: revisionId(),
      claimId: claim.id,
      revision: 2,
      at,
      editor: random.pick(['ana', 'kofi', 'lena', 'omar']),
      reason: status === 'superseded' ? 'a later claim replaces it' : `the claim was ${status}`,
      changes: [
        { field: 'status', from: claim.status, to: status },
        { field: 'statusHistory', from: claim.statusHistory, to: history },
      ],
    });
  };
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i] as Claim;
    if (i > 0 && random.chance(0.05)) {
      const target = random.int(Math.max(0, i - 200), i - 1);
      if ((claims[target] as Claim).status === 'reported') {
        claims[i] = { ...claim, supersedes: [(claims[target] as Claim).id] };
        change(target, 'superseded', claim.attributions[0]?.sourceId);
        continue;
      }
    }
    const status = random.weighted(STATUS_MIX);
    if (status !== 'reported' && claim.status === 'reported') change(i, status, claim.attributions[0]?.sourceId);
  }
  return revisions;
}

/**
 * Writes a database to `path` as the store reads it: the Database object as plain JSON.
 * @example writeDatabaseFile('/tmp/bench/10k.json', syntheticDatabase({ claims: 10_000 }))
 */
export function writeDatabaseFile(path: string, db: Database): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(db));
}

function main(): void {
  const { values } = parseArgs({
    options: { claims: { type: 'string' }, db: { type: 'string' }, seed: { type: 'string', default: '1' }, relations: { type: 'string' }, stories: { type: 'string', default: '1' } },
  });
  const claims = Number(values.claims);
  const seed = Number(values.seed);
  const relations = values.relations === undefined ? undefined : Number(values.relations);
  const stories = Number(values.stories);
  if (
    !values.db ||
    !Number.isInteger(claims) ||
    claims < 0 ||
    !Number.isInteger(seed) ||
    !(Number.isInteger(stories) && stories >= 1) ||
    (relations !== undefined && !(Number.isInteger(relations) && relations >= 0))
  ) {
    console.error('usage: npm run seed:synthetic -- --claims N --db FILE [--seed S] [--relations R] [--stories N]');
    process.exit(2);
  }
  const path = resolve(values.db);
  const started = performance.now();
  const db = syntheticDatabase({ claims, seed, stories, ...(relations !== undefined && { relations }) });
  const problem = validateDatabase(db);
  if (problem) {
    console.error(`seed-synthetic: the generated database is invalid (${problem}); nothing was written`);
    process.exit(1);
  }
  writeDatabaseFile(path, db);
  const ms = Math.round(performance.now() - started);
  console.log(
    `seed-synthetic: ${db.claims.length} claims, ${db.sources.length} sources, ${db.documents.length} documents, ` +
      `${db.revisions.length} revisions, ${db.relations.length} relations in ${db.stories.length} ${db.stories.length === 1 ? 'story' : 'stories'} → ${path} (seed ${seed}, ${ms} ms)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
