import { z } from 'zod';
import { documentFormSchema } from '../domain/add-document.js';
import { acceptanceSchema } from '../domain/extract/acceptance-form.js';
import { extractSchema } from '../domain/extract/extract-form.js';
import { claimEditSchema, claimFormSchema } from '../domain/claim-form.js';
import { CORROBORATION_LEVELS } from '../domain/corroboration.js';
import { ANNOTATION_CONTEXT, ANNOTATION_MOTIVATION } from '../domain/formats/web-annotation.js';
import {
  AttributionSchema,
  ClaimDateSchema,
  ClaimSchema,
  ClaimlineExportSchema,
  DocumentSchema,
  RelationSchema,
  RevisionSchema,
  SourceSchema,
  StorySchema,
  TextQuoteAnchorSchema,
} from '../domain/formats/claimline-schema.js';
import { moveFormSchema, storyFormSchema } from '../domain/stories.js';
import { sourceFormSchema } from '../domain/source-form.js';
import { MAX_LIMIT } from '../domain/timeline-query.js';
import { relationFormSchema, relationRemovalSchema } from '../domain/sequence/relation-form.js';
import { statusFormSchema } from '../domain/status-form.js';
import { RELATION_KINDS, STATUSES } from '../domain/types.js';

/**
 * The OpenAPI 3.1 description of Claimline's JSON (and export) routes, generated from the zod schemas that check
 * the requests and describe the records, so the document says what the code does. Add a route to `API_ROUTES`
 * when you add one to a router; a test walks the app and fails on any `/api` route missing here.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiResponse {
  description: string;
  /** Default `application/json`. */
  contentType?: string;
  schema?: z.ZodType;
}

export interface ApiParameter {
  name: string;
  description: string;
  schema: z.ZodType;
  required?: boolean;
}

export interface ApiRoute {
  method: HttpMethod;
  /** As the router declares it: `/api/claims/:id`. Path parameters become `{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** Descriptions of the `:name` parameters in `path`. */
  pathParameters?: Record<string, string>;
  query?: ApiParameter[];
  body?: { schema: z.ZodType; description: string; examples: Record<string, { summary: string; value: unknown }> };
  responses: Record<number, ApiResponse>;
}

const SourceRefSchema = z.object({ id: z.string(), name: z.string() });
const FieldErrorsSchema = z.object({ errors: z.array(z.object({ field: z.string(), message: z.string() })) });
const ErrorSchema = z.object({ error: z.string() });

/** A claim as the API answers it: its stored record, each attribution naming its source, and what follows from them. */
const ClaimJsonSchema = ClaimSchema.extend({
  attributions: z.array(AttributionSchema.extend({ source: SourceRefSchema })),
  chain: z.string().describe('The attribution chain in words: “The Information reported → Reuters relayed”'),
  corroboration: z.object({ count: z.int().nonnegative(), level: z.enum(CORROBORATION_LEVELS), origins: z.array(SourceRefSchema) }),
  supersededBy: z.array(z.string()).describe('Ids of the claims that replace this one'),
  relations: z
    .array(z.object({ id: z.string(), relation: z.enum(RELATION_KINDS), claim: z.string(), quote: z.string().optional() }))
    .describe('Its relations as this claim sees them: an `after` stored on another claim is `before` here'),
  derived: z
    .object({
      start: z.iso.date().nullable(),
      end: z.iso.date().nullable(),
      description: z.string().describe('“by 11 February 2025 · after “Apple chooses Alibaba”, so not before 2024”'),
    })
    .optional()
    .describe('The span its relations narrow its date to, when they do; the claimed date is never changed'),
}).meta({ id: 'Claim' });

const ConflictSchema = z
  .object({
    message: z.string(),
    claims: z.array(z.object({ id: z.string(), statement: z.string(), date: z.string() })),
    relations: z.array(z.object({ id: z.string(), from: z.string(), relation: z.enum(RELATION_KINDS), to: z.string(), quote: z.string().optional() })),
  })
  .describe('The claims, dates and relations that cannot all be true');

const DocumentJsonSchema = DocumentSchema.omit({ text: true })
  .extend({
    publisher: SourceRefSchema,
    textLength: z.int().nonnegative(),
    text: z.string().optional().describe('Only when a single document is asked for'),
  })
  .meta({ id: 'Document' });

const ProposedDateSchema = z.object({ value: z.string().describe('Claimline notation'), phrase: z.string().nullable().describe('The writer’s words; null when the date comes from the story’s context') }).nullable();

/** What a reading answers: the shape of issue 17's interface. */
const ReadingSchema = z
  .object({
    document: z.object({ title: z.string().nullable(), publisher: z.string().nullable(), publishedAt: z.iso.date().nullable(), credit: z.string().nullable(), text: z.string().describe('The article’s text: save it as the document’s, and every quote is found in it') }),
    proposals: z.array(
      z.object({
        statement: z.string(),
        quote: z.string(),
        origin: z.string(),
        verb: z.string(),
        citing: z.string().optional(),
        relays: z.array(z.string()),
        publisher: z.string().nullable(),
        date: ProposedDateSchema,
        claimedAt: ProposedDateSchema,
        actors: z.array(z.string()),
        ownVoice: z.boolean().describe('The writer states it in their own voice: the origin is the wire or the publisher'),
        alreadyTracked: z.boolean().describe('A stored claim quotes the same passage'),
      }),
    ),
    relations: z.array(z.object({ from: z.int(), relation: z.enum(RELATION_KINDS), to: z.int(), quote: z.string() }).describe('`from` happened `relation` `to`; indexes into `proposals`')),
  })
  .meta({ id: 'Reading' });

const RoleCountsSchema = z.object({ origin: z.int(), relay: z.int(), publisher: z.int() });

const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const TextPositionSelectorSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: z.int().nonnegative(), end: z.int().nonnegative() })
  .describe('Offsets in Unicode code points into the text Claimline stored');
const AnnotationSelectorSchema = z.union([TextQuoteSelectorSchema, TextPositionSelectorSchema]);

const AnnotationSchema = z
  .object({
    id: z.string(),
    type: z.literal('Annotation'),
    motivation: z.literal(ANNOTATION_MOTIVATION),
    created: z.iso.datetime({ offset: true }),
    body: z.array(
      z.union([
        z.object({ type: z.literal('TextualBody'), value: z.string(), format: z.literal('text/plain'), purpose: z.literal('describing') }),
        z.object({
          type: z.literal('SpecificResource'),
          source: z.object({ id: z.string(), type: z.literal('Text'), format: z.literal('text/html') }),
          purpose: z.literal('linking'),
        }),
      ]),
    ),
    target: z.object({ source: z.string(), selector: z.union([AnnotationSelectorSchema, z.array(AnnotationSelectorSchema)]) }),
  })
  .describe('A quote in a stored document, described by the claim’s statement and linked to the claim’s page')
  .meta({ id: 'Annotation' });

const AnnotationPageSchema = z.object({
  id: z.string(),
  type: z.literal('AnnotationPage'),
  partOf: z.object({ id: z.string(), total: z.int().nonnegative(), label: z.string() }).optional(),
  startIndex: z.literal(0),
  items: z.array(AnnotationSchema),
});

const AnnotationCollectionSchema = z
  .object({
    '@context': z.literal(ANNOTATION_CONTEXT),
    id: z.string(),
    type: z.literal('AnnotationCollection'),
    label: z.string(),
    total: z.int().nonnegative(),
    first: AnnotationPageSchema.optional(),
    last: z.string().optional(),
  })
  .describe('W3C Web Annotation collection: one annotation per quote found in a stored document, all in page 0');

const AnnotationsSchema = z.union([
  AnnotationCollectionSchema,
  AnnotationPageSchema.extend({ '@context': z.literal(ANNOTATION_CONTEXT) }).describe('With `?page=0`: the collection’s one page, with `partOf`'),
]);

const TimelineJsSchema = z
  .looseObject({ title: z.looseObject({}), events: z.array(z.looseObject({})) })
  .describe('TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html)');

const json = (description: string, schema: z.ZodType): ApiResponse => ({ description, schema });
const notFound = json('No record with this id', ErrorSchema);
const refused = json('The body is refused; each field at fault is named', FieldErrorsSchema);
const badFilters = json('A filter cannot be read', FieldErrorsSchema);

const text = (max: number) => z.string().max(max);

/**
 * The timeline filters, as `GET /api/claims`, the timeline page and every export read them. Names and limits
 * follow parseTimelineQuery; a test sends each of them a value it must refuse.
 */
export const TIMELINE_QUERY_PARAMETERS: ApiParameter[] = [
  { name: 'q', description: 'Words to find in the statement, actors, topics or quotes', schema: text(200) },
  { name: 'source', description: 'Source id or name: claims it originated, relayed or published', schema: text(200) },
  { name: 'actor', description: 'An actor, by name', schema: text(200) },
  { name: 'topic', description: 'A topic, by name', schema: text(200) },
  { name: 'from', description: 'Claims whose date reaches this date or later (2024, 2024-Q2, “last year”)', schema: text(200) },
  { name: 'to', description: 'Claims whose date reaches back to this date or earlier', schema: text(200) },
  { name: 'status', description: 'Current status', schema: z.enum(STATUSES) },
  { name: 'corroboration', description: 'Independent origins: none, single or multiple', schema: z.enum(CORROBORATION_LEVELS) },
  { name: 'axis', description: 'Which date the range and the order use: when it happened or when it was claimed', schema: z.enum(['event', 'claimed']).default('event') },
  { name: 'order', description: 'Oldest or newest first', schema: z.enum(['asc', 'desc']).default('asc') },
  { name: 'page', description: 'Page number, from 1', schema: z.int().min(1).default(1) },
  { name: 'limit', description: `Claims per page, at most ${MAX_LIMIT}`, schema: z.int().min(1).max(MAX_LIMIT).default(50) },
];

/** The filters an export honours: all of the timeline's but paging, since an export holds every matching claim. */
const EXPORT_QUERY_PARAMETERS = TIMELINE_QUERY_PARAMETERS.filter((parameter) => !['page', 'limit'].includes(parameter.name));

const claimId = { id: 'The claim’s id' };
const storySlug = { slug: 'The story’s address, as in /stories/apple-alibaba' };

/** A story as lists give it: with how many claims it holds, the days they cover and its last change. */
const StorySummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  claims: z.int().nonnegative(),
  span: z.object({ start: z.iso.date(), end: z.iso.date() }).nullable(),
  updatedAt: z.string(),
  archivedAt: z.string().optional(),
});

/** The export routes, each also under a story's address for that story's claims alone. */
function exportRoutes(route: ApiRoute): ApiRoute[] {
  return [
    route,
    { ...route, path: `/stories/:slug${route.path}`, summary: `${route.summary}, within one story`, pathParameters: storySlug, responses: { ...route.responses, 404: { description: 'No story at this address', contentType: 'text/html', schema: z.string() } } },
  ];
}

/** Every route the OpenAPI document describes. */
export const API_ROUTES: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/stories',
    summary: 'Every open story, the most recently changed first',
    tag: 'stories',
    responses: { 200: json('The stories', z.object({ stories: z.array(StorySummarySchema) })) },
  },
  {
    method: 'post',
    path: '/api/stories',
    summary: 'Start a story; without a slug, one is made from the title',
    tag: 'stories',
    body: {
      schema: storyFormSchema,
      description: 'The new-story form’s fields.',
      examples: { story: { summary: 'A story with its address', value: { title: 'Apple taps Alibaba to bring AI to Chinese iPhones', slug: 'apple-alibaba' } } },
    },
    responses: { 201: json('The story; `Location` is its URL', z.object({ story: StorySchema })), 422: refused },
  },
  {
    method: 'get',
    path: '/api/stories/:slug',
    summary: 'One story, open or archived',
    tag: 'stories',
    pathParameters: storySlug,
    responses: { 200: json('The story', z.object({ story: StorySchema })), 404: notFound },
  },
  {
    method: 'post',
    path: '/api/stories/:slug/archive',
    summary: 'Archive a story (read-only, off the list of stories), or bring it back',
    tag: 'stories',
    pathParameters: storySlug,
    body: {
      schema: z.object({ archived: z.boolean().default(true) }),
      description: '`archived: false` brings the story back.',
      examples: { archive: { summary: 'Archive it', value: { archived: true } } },
    },
    responses: { 200: json('The story as it is now', z.object({ story: StorySchema })), 404: notFound, 422: refused },
  },
  {
    method: 'get',
    path: '/api/stories/:slug/claims',
    summary: 'Claims of one story matching the timeline filters, one page at a time, in story order',
    tag: 'stories',
    pathParameters: storySlug,
    query: TIMELINE_QUERY_PARAMETERS,
    responses: {
      200: json('A page of claims', z.object({ claims: z.array(ClaimJsonSchema), page: z.int(), pages: z.int(), total: z.int() })),
      400: badFilters,
      404: notFound,
    },
  },
  {
    method: 'get',
    path: '/api/claims',
    summary: 'Claims matching the timeline filters, one page at a time, in timeline order',
    tag: 'claims',
    query: TIMELINE_QUERY_PARAMETERS,
    responses: {
      200: json('A page of claims', z.object({ claims: z.array(ClaimJsonSchema), page: z.int(), pages: z.int(), total: z.int() })),
      400: badFilters,
    },
  },
  {
    method: 'post',
    path: '/api/claims',
    summary: 'Add a claim; names that match no source become new sources',
    tag: 'claims',
    body: {
      schema: claimFormSchema,
      description: 'The add-claim form’s fields. Lists may be given as arrays or as comma-separated text.',
      examples: {
        minimal: {
          summary: 'A statement, its date and who made it',
          value: { statement: 'Apple chose Alibaba as its AI partner in China.', date: '2025-02-11', source: 'The Information' },
        },
        phrase: {
          summary: 'A date in the writer’s words, read against the article’s day, with a relay',
          value: {
            statement: 'Apple Intelligence launches in China.',
            date: 'the second quarter',
            dateReference: '2025-02-11',
            source: 'The Information',
            verb: 'reported',
            relayedBy: ['Reuters'],
            url: 'https://www.reuters.com/technology/',
            actors: ['Apple', 'Alibaba'],
            topics: ['AI features'],
          },
        },
      },
    },
    responses: { 201: json('The stored claim; `Location` is its URL', ClaimJsonSchema), 422: refused },
  },
  {
    method: 'get',
    path: '/api/claims/:id',
    summary: 'One claim',
    tag: 'claims',
    pathParameters: claimId,
    responses: { 200: json('The claim', ClaimJsonSchema), 404: notFound },
  },
  {
    method: 'post',
    path: '/api/claims/:id',
    summary: 'Edit a claim; refused with 409 when it changed since the revision given',
    tag: 'claims',
    pathParameters: claimId,
    body: {
      schema: claimEditSchema,
      description: 'The edit form’s fields: the add form’s, the claims it supersedes, who edits and why, and the revision edited.',
      examples: {
        restate: {
          summary: 'A corrected statement',
          value: {
            statement: 'Apple chose Alibaba as its AI partner in mainland China.',
            date: '2025-02-11',
            source: 'The Information',
            editor: 'Ana',
            reason: 'More precise wording',
            revision: 1,
          },
        },
      },
    },
    responses: {
      200: json('The claim after the edit', ClaimJsonSchema),
      404: notFound,
      409: json('Someone else changed the claim first; nothing was saved', ErrorSchema.extend({ current: ClaimJsonSchema })),
      422: json('Refused, each field at fault named; a new date its relations contradict also comes as `conflict`', FieldErrorsSchema.extend({ conflict: ConflictSchema.optional() })),
    },
  },
  {
    method: 'post',
    path: '/api/claims/:id/move',
    summary: 'Move a claim to another story; with `withRelated`, the claims tied to it by relations go too',
    tag: 'claims',
    pathParameters: claimId,
    body: {
      schema: moveFormSchema,
      description: 'The move form’s fields. A claim related to one that stays is refused: relations stay within a story.',
      examples: { move: { summary: 'Into another story, with its related claims', value: { story: 'apple-china-ai', withRelated: true, editor: 'Ana', reason: 'Belongs to the China AI story' } } },
    },
    responses: {
      200: json('The ids of the claims moved, and the claim', z.object({ moved: z.array(z.string()), claim: ClaimJsonSchema })),
      404: notFound,
      422: refused,
    },
  },
  {
    method: 'post',
    path: '/api/claims/:id/status',
    summary: 'Record a change of status (confirmed, denied, superseded…)',
    tag: 'claims',
    pathParameters: claimId,
    body: {
      schema: statusFormSchema,
      description: 'The status form’s fields.',
      examples: {
        confirmed: {
          summary: 'Confirmed by a named source',
          value: { status: 'confirmed', on: '2025-02-13', source: 'Alibaba', note: 'Joe Tsai confirmed it on stage', editor: 'Ana' },
        },
      },
    },
    responses: { 200: json('The claim with its new status', ClaimJsonSchema), 404: notFound, 422: refused },
  },
  {
    method: 'post',
    path: '/api/claims/:id/relations',
    summary: 'Say how this claim’s event stands in time to another’s, with the words that say so',
    tag: 'claims',
    pathParameters: claimId,
    body: {
      schema: relationFormSchema,
      description: 'The relation form’s fields: this claim happened `relation` `claim`. Refused when it contradicts the dates or closes a loop.',
      examples: {
        after: {
          summary: 'A sequence the article gives in words',
          value: { relation: 'after', claim: 'baidu-fell-short', quote: 'After that', document: 'af-apple-taps-alibaba', editor: 'Ana' },
        },
      },
    },
    responses: {
      201: json('The stored relation', z.object({ relation: RelationSchema })),
      404: notFound,
      422: json('Refused, each field at fault named; a conflict with dates or relations also comes as `conflict`', FieldErrorsSchema.extend({ conflict: ConflictSchema.optional() })),
    },
  },
  {
    method: 'delete',
    path: '/api/claims/:id/relations/:relationId',
    summary: 'Remove one of the claim’s relations, recorded in both claims’ revisions',
    tag: 'claims',
    pathParameters: { ...claimId, relationId: 'The relation’s id' },
    body: {
      schema: relationRemovalSchema,
      description: 'Who removes it (unless signed in) and why.',
      examples: { removal: { summary: 'A relation the text does not support', value: { editor: 'Ana', reason: 'Not in the article' } } },
    },
    responses: { 204: { description: 'Removed' }, 404: notFound, 422: refused },
  },
  {
    method: 'get',
    path: '/api/claims/:id/revisions',
    summary: 'Every recorded change of a claim, oldest first',
    tag: 'claims',
    pathParameters: claimId,
    responses: { 200: json('The revisions', z.object({ revisions: z.array(RevisionSchema) })), 404: notFound },
  },
  {
    method: 'get',
    path: '/api/claims/:id/annotations',
    summary: 'The claim’s quotes as W3C Web Annotations',
    tag: 'claims',
    pathParameters: claimId,
    query: [{ name: 'page', description: 'Only `0`: the collection’s page, as its `first` links it', schema: z.literal('0') }],
    responses: {
      200: { description: 'An annotation collection, or its page', contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', schema: AnnotationsSchema },
      404: notFound,
    },
  },
  {
    method: 'get',
    path: '/api/sources',
    summary: 'Every source with how often it originated, relayed and published claims',
    tag: 'sources',
    responses: { 200: json('The sources', z.object({ sources: z.array(SourceSchema.extend({ counts: RoleCountsSchema })) })) },
  },
  {
    method: 'get',
    path: '/api/sources/:id',
    summary: 'One source with its claims by role and the documents it published',
    tag: 'sources',
    pathParameters: { id: 'The source’s id (a slug such as `reuters`)' },
    responses: {
      200: json(
        'The source',
        SourceSchema.extend({
          statusCounts: z.record(z.enum(STATUSES), z.int()),
          counts: RoleCountsSchema,
          stories: z.array(z.object({ story: z.object({ slug: z.string(), title: z.string() }), counts: RoleCountsSchema })),
          documents: z.array(DocumentJsonSchema),
          originated: z.array(ClaimJsonSchema),
          relayed: z.array(ClaimJsonSchema),
          published: z.array(ClaimJsonSchema),
        }),
      ),
      404: notFound,
    },
  },
  {
    method: 'post',
    path: '/api/sources/:id',
    summary: 'Edit a source: its kind, website and the month its fiscal year ends',
    tag: 'sources',
    pathParameters: { id: 'The source’s id (a slug such as `apple`)' },
    body: {
      schema: sourceFormSchema,
      description: 'The source edit form’s fields. A field left out is kept; an empty one, or `null`, is cleared.',
      examples: {
        fiscal: { summary: 'Apple’s fiscal year ends in September', value: { fiscalYearEnd: 9 } },
      },
    },
    responses: { 200: json('The source as stored', SourceSchema), 404: notFound, 422: refused },
  },
  {
    method: 'get',
    path: '/api/documents',
    summary: 'Every stored document, without its text',
    tag: 'documents',
    responses: { 200: json('The documents', z.object({ documents: z.array(DocumentJsonSchema) })) },
  },
  {
    method: 'post',
    path: '/api/documents',
    summary: 'Store a document’s full text, so quotes can be checked against it',
    tag: 'documents',
    body: {
      schema: documentFormSchema,
      description: 'The add-document form’s fields.',
      examples: {
        article: {
          summary: 'A wire story',
          value: {
            title: 'Apple picks Alibaba for China AI, The Information reports',
            publisher: 'Reuters',
            url: 'https://www.reuters.com/technology/apple-alibaba-example/',
            publishedAt: '2025-02-11',
            credit: 'Reuters',
            text: 'Apple has chosen Alibaba as its AI partner in China, The Information reported on Tuesday.',
          },
        },
      },
    },
    responses: { 201: json('The stored document; `Location` is its URL', DocumentJsonSchema), 422: refused },
  },
  {
    method: 'get',
    path: '/api/documents/:id',
    summary: 'One document with its text and the quotes anchored in it',
    tag: 'documents',
    pathParameters: { id: 'The document’s id' },
    responses: {
      200: json(
        'The document',
        DocumentJsonSchema.extend({
          anchors: z.array(z.object({ claimId: z.string(), sourceId: z.string(), anchor: TextQuoteAnchorSchema })),
        }),
      ),
      404: notFound,
    },
  },
  {
    method: 'post',
    path: '/api/extract',
    summary: 'Read an article and propose its claims, for a person to review; stores nothing',
    tag: 'readings',
    body: {
      schema: extractSchema,
      description:
        'The article’s text with its publication day (relative dates are read against it) and what else is known of it, or a saved page as `html` (read as uploaded: nothing in it is run or fetched; fields given win over what the page says). Over 3 MB: 413.',
      examples: {
        text: {
          summary: 'Wire copy, pasted',
          value: {
            text: 'LONDON, Feb 20 (Reuters) - Corvane Airlines is exploring a sale of its cargo business, two people familiar with the matter said on Thursday. The carrier hired advisers in the fourth quarter last year, the people said.',
            publishedAt: '2025-02-20',
            publisher: 'Harbour Times',
          },
        },
        html: { summary: 'A page saved from a browser', value: { html: '<html><head><meta property="og:site_name" content="Harbour Times"></head><body><article><p>…</p></article></body></html>' } },
      },
    },
    responses: {
      200: json('What the reading found: the document’s fields as read, the proposed claims and the order the text gives', ReadingSchema),
      413: json('The body or the page is larger than Claimline reads', ErrorSchema),
      422: json('The body is refused, or the text does not read as an article (the message says why); nothing is proposed', FieldErrorsSchema),
    },
  },
  {
    method: 'post',
    path: '/api/documents/:id/proposals',
    summary: 'Propose the claims of a stored document: proposals skipped before are not offered again, at most 50 at once',
    tag: 'readings',
    pathParameters: { id: 'The document’s id' },
    responses: {
      200: json('The document’s fields, its proposed claims (those a stored claim already quotes marked) and their order', ReadingSchema),
      404: notFound,
      422: json('The document’s text does not read as an article', FieldErrorsSchema),
    },
  },
  {
    method: 'post',
    path: '/api/documents/:id/proposals/accept',
    summary: 'Keep proposals of a stored document as claims of its story, all or nothing; the proposals offered and not kept are not offered again',
    tag: 'readings',
    pathParameters: { id: 'The document’s id' },
    body: {
      schema: acceptanceSchema,
      description:
        'The proposals kept, as `POST /api/documents/{id}/proposals` gave them or edited; each is checked as `POST /api/claims` checks a claim (its quote found in the document). `relations` index `proposals` and are checked against the dates like any relation. Each claim’s first revision says it came from the reading.',
      examples: {
        keep: {
          summary: 'Two proposals and the order between them',
          value: {
            proposals: [
              { statement: 'The carrier hired advisers in the fourth quarter last year.', quote: 'The carrier hired advisers in the fourth quarter last year, the people said.', origin: 'two people familiar with the matter', verb: 'said', relays: ['Reuters'], date: { value: '2024-Q4', phrase: 'the fourth quarter last year' }, claimedAt: null, actors: ['Corvane Airlines'] },
              { statement: 'Corvane approached three logistics groups.', quote: 'After that, it approached three logistics groups, the Financial Courier reported.', origin: 'Financial Courier', verb: 'reported', relays: ['Reuters'], date: { value: '2024-Q4/2025-02-20', phrase: null }, claimedAt: null, actors: ['Corvane Airlines'] },
            ],
            relations: [{ from: 1, relation: 'after', to: 0, quote: 'After that' }],
            editor: 'Ana',
          },
        },
      },
    },
    responses: {
      201: json('The claims stored, in the order sent, and the relations', z.object({ claims: z.array(ClaimJsonSchema), relations: z.array(RelationSchema) })),
      404: notFound,
      422: json('Refused, each problem named by where it is (`proposals[1].quote`, `relations[0]`); a relation the dates contradict also comes as `conflict`; nothing was stored', FieldErrorsSchema.extend({ conflict: ConflictSchema.optional() })),
    },
  },
  {
    method: 'get',
    path: '/api/dates/parse',
    summary: 'How Claimline reads a date as written (“the second quarter last year”)',
    tag: 'dates',
    query: [
      { name: 'text', description: 'The date as written', schema: text(200), required: true },
      { name: 'reference', description: 'ISO day relative phrases are read against', schema: z.iso.date() },
      { name: 'document', description: 'A document id whose publication day is the reference', schema: text(100) },
      {
        name: 'sentence',
        description: 'The sentence the date stands in (the claim’s quote, or its statement): a date named without its year is the next one when it looks forward (“will resume”), else the latest',
        schema: text(2000),
      },
      { name: 'source', description: 'Who made the claim, by name or id: its fiscal year end reads “fiscal 2024”', schema: text(120) },
      { name: 'actors', description: 'The claim’s actors, separated by commas: the first whose source records a fiscal year end reads “fiscal 2024”', schema: text(600) },
    ],
    responses: {
      200: json('The date read', z.object({ date: ClaimDateSchema, description: z.string() })),
      422: json(
        'The text is not a date Claimline can read',
        z.object({ ok: z.literal(false).optional(), message: z.string(), unparsed: z.string().optional(), examples: z.array(z.string()) }),
      ),
    },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This description',
    tag: 'meta',
    responses: { 200: json('OpenAPI 3.1', z.looseObject({ openapi: z.string() })) },
  },
  ...exportRoutes({
    method: 'get',
    path: '/export.json',
    summary: 'The filtered claims in Claimline’s own format, with the sources, documents and revisions they need',
    tag: 'exports',
    query: EXPORT_QUERY_PARAMETERS,
    responses: { 200: json('Claimline JSON, format version 3; importing it gives the same records back', ClaimlineExportSchema), 400: badFilters },
  }),
  ...exportRoutes({
    method: 'get',
    path: '/export.csv',
    summary: 'The filtered claims as CSV, one row per claim and attribution',
    tag: 'exports',
    query: EXPORT_QUERY_PARAMETERS,
    responses: { 200: { description: 'RFC 4180 CSV, UTF-8', contentType: 'text/csv', schema: z.string() }, 400: { description: 'A filter cannot be read', contentType: 'text/plain', schema: z.string() } },
  }),
  ...exportRoutes({
    method: 'get',
    path: '/export/timelinejs.json',
    summary: 'The filtered claims as a TimelineJS3 timeline',
    tag: 'exports',
    query: EXPORT_QUERY_PARAMETERS,
    responses: { 200: json('TimelineJS3 JSON', TimelineJsSchema), 400: badFilters },
  }),
  ...exportRoutes({
    method: 'get',
    path: '/feed.atom',
    summary: 'The filtered claims as an Atom feed, newest change first, 100 entries a page',
    tag: 'exports',
    query: [...EXPORT_QUERY_PARAMETERS, { name: 'page', description: 'Page of 100 entries, from 1; the feed links them (RFC 5005)', schema: z.int().min(1).default(1) }],
    responses: {
      200: { description: 'Atom 1.0 (RFC 4287)', contentType: 'application/atom+xml', schema: z.string() },
      400: { description: 'A filter cannot be read', contentType: 'text/plain', schema: z.string() },
      404: { description: 'The feed has fewer pages', contentType: 'text/plain', schema: z.string() },
    },
  }),
];

type JsonObject = Record<string, unknown>;

/** JSON Schema for a request body: what a client may send, before transforms and defaults. */
function inputSchema(schema: z.ZodType, components: JsonObject): JsonObject {
  return inline(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject, components);
}

/** JSON Schema for a response: what the server sends. */
function outputSchema(schema: z.ZodType, components: JsonObject): JsonObject {
  return inline(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject, components);
}

/** Moves named definitions (`.meta({ id })`) into the document's components, so a claim is described once. */
function inline(schema: JsonObject, components: JsonObject): JsonObject {
  const { $schema: _dialect, $defs, ...rest } = schema;
  for (const [name, definition] of Object.entries(($defs ?? {}) as JsonObject)) components[name] = definition;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonObject;
}

/**
 * An Express path in OpenAPI's notation.
 * @example openApiPath('/api/claims/:id/annotations') //=> '/api/claims/{id}/annotations'
 */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

/**
 * The OpenAPI 3.1 document for `routes`, with `serverUrl` as its one server.
 * @example openApiDocument({ serverUrl: 'http://localhost:3000' }).openapi //=> '3.1.0'
 */
export function openApiDocument(options: { serverUrl: string; routes?: ApiRoute[] }): JsonObject {
  const schemas: JsonObject = {};
  const paths: Record<string, JsonObject> = {};
  for (const route of options.routes ?? API_ROUTES) {
    const parameters = [
      ...[...route.path.matchAll(/:(\w+)/g)].map(([, name = '']) => ({
        name,
        in: 'path',
        required: true,
        description: route.pathParameters?.[name] ?? name,
        schema: { type: 'string' },
      })),
      ...(route.query ?? []).map((parameter) => ({
        name: parameter.name,
        in: 'query',
        required: parameter.required ?? false,
        description: parameter.description,
        schema: inputSchema(parameter.schema, schemas),
      })),
    ];
    const operation: JsonObject = {
      operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, next?: string) => (next ?? '').toUpperCase())}`,
      summary: route.summary,
      tags: [route.tag],
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.schema && {
              content: { [response.contentType ?? 'application/json']: { schema: outputSchema(response.schema, schemas) } },
            }),
          },
        ]),
      ),
    };
    if (parameters.length > 0) operation.parameters = parameters;
    if (route.body) {
      operation.requestBody = {
        required: true,
        description: route.body.description,
        content: { 'application/json': { schema: inputSchema(route.body.schema, schemas), examples: route.body.examples } },
      };
    }
    paths[openApiPath(route.path)] = { ...paths[openApiPath(route.path)], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Claimline',
      version: '1',
      description: 'A timeline and claims tracker for developing news stories. Writes need a signed-in editor when the server requires sign-in.',
    },
    servers: [{ url: options.serverUrl }],
    paths,
    components: { schemas },
  };
}
