import { dateFromValue } from '../../../src/domain/dates/claim-date.js';
import type { Database } from '../../../src/domain/types.js';

const REUTERS_TEXT =
  'Apple has chosen Alibaba as its AI partner in China, The Information reported on Tuesday, ' +
  'citing people familiar with the matter. Reuters could not immediately verify the report.';
const QUOTE = 'Apple has chosen Alibaba as its AI partner in China';

/**
 * A small story in three claims, one per precision: a day (confirmed, quoted and anchored), a quarter (reported,
 * quoted without an anchor) and a year (denied, superseded by the day claim). A fresh copy on every call.
 */
export function makeDatabase(): Database {
  return {
    version: 3,
    stories: [{ id: 'china-ai', slug: 'china-ai', title: 'Apple’s AI partner in China', summary: '', createdAt: '2025-02-11T08:00:00.000Z' }],
    sources: [
      { id: 'the-information', name: 'The Information', kind: 'publication', url: 'https://www.theinformation.com' },
      { id: 'reuters', name: 'Reuters', kind: 'wire-service' },
      { id: 'alibaba', name: 'Alibaba', kind: 'company' },
      { id: 'joe-tsai', name: 'Joe Tsai', kind: 'person' },
      { id: 'unused', name: 'Nobody cites me', kind: 'other' },
    ],
    documents: [
      {
        id: 'reuters-apple-alibaba',
        storyId: 'china-ai',
        title: 'Apple picks Alibaba for China AI, The Information reports',
        publisherId: 'reuters',
        url: 'https://www.reuters.com/technology/apple-alibaba-2025-02-11/',
        publishedAt: '2025-02-11',
        credit: 'Reuters',
        text: REUTERS_TEXT,
        createdAt: '2025-02-11T10:00:00.000Z',
      },
      {
        id: 'unused-document',
        storyId: 'china-ai',
        title: 'Nobody quotes me',
        publisherId: 'unused',
        url: 'https://example.com/unused',
        publishedAt: '2025-01-01',
        createdAt: '2025-01-01T00:00:00.000Z',
      },
    ],
    claims: [
      {
        id: 'alibaba-chosen',
        storyId: 'china-ai',
        statement: 'Apple chose Alibaba as its AI partner in China',
        date: dateFromValue('2025-02-11'),
        claimedAt: dateFromValue('2025-02-11'),
        actors: ['Apple', 'Alibaba'],
        topics: ['AI', 'China'],
        status: 'confirmed',
        statusHistory: [
          { status: 'reported', on: '2025-02-11', recordedAt: '2025-02-11T10:05:00.000Z' },
          {
            status: 'confirmed',
            on: '2025-02-13',
            sourceId: 'joe-tsai',
            note: 'Confirmed on stage in Dubai',
            recordedAt: '2025-02-13T09:00:00.000Z',
          },
        ],
        attributions: [
          { sourceId: 'the-information', role: 'origin', verb: 'reported', madeAt: '2025-02-11' },
          {
            sourceId: 'reuters',
            role: 'relay',
            verb: 'relayed',
            documentId: 'reuters-apple-alibaba',
            quote: QUOTE,
            anchor: {
              exact: QUOTE,
              prefix: '',
              suffix: ', The Information reported',
              start: 0,
              end: QUOTE.length,
            },
            madeAt: '2025-02-11',
            note: 'could not verify',
          },
        ],
        supersedes: ['baidu-selected'],
        revision: 2,
        createdAt: '2025-02-11T10:05:00.000Z',
        updatedAt: '2025-02-13T09:00:00.000Z',
      },
      {
        id: 'china-launch',
        storyId: 'china-ai',
        statement: 'Apple Intelligence launches in China',
        date: { ...dateFromValue('2025-Q2'), phrase: 'the second quarter' },
        claimedAt: dateFromValue('2025-02'),
        actors: ['Apple'],
        topics: ['AI'],
        status: 'reported',
        statusHistory: [{ status: 'reported', on: '2025-02-11', recordedAt: '2025-02-12T08:00:00.000Z' }],
        attributions: [
          {
            sourceId: 'reuters',
            role: 'publisher',
            verb: 'reported',
            documentId: 'reuters-apple-alibaba',
            quote: 'citing people familiar with the matter',
          },
        ],
        supersedes: [],
        revision: 1,
        createdAt: '2025-02-12T08:00:00.000Z',
        updatedAt: '2025-02-12T08:00:00.000Z',
      },
      {
        id: 'baidu-selected',
        storyId: 'china-ai',
        statement: 'Apple selected Baidu for AI features in China',
        date: dateFromValue('2024'),
        claimedAt: dateFromValue('2024-06-20'),
        actors: ['Baidu', 'Apple'],
        topics: ['AI'],
        status: 'denied',
        statusHistory: [
          { status: 'reported', on: '2024-06-20', recordedAt: '2024-06-20T12:00:00.000Z' },
          { status: 'denied', on: '2025-02-11', sourceId: 'alibaba', recordedAt: '2025-02-11T11:00:00.000Z' },
        ],
        attributions: [{ sourceId: 'the-information', role: 'origin', verb: 'reported' }],
        supersedes: [],
        revision: 3,
        createdAt: '2024-06-20T12:00:00.000Z',
        updatedAt: '2025-02-11T11:00:00.000Z',
      },
    ],
    revisions: [
      {
        id: 'rev-alibaba-2',
        claimId: 'alibaba-chosen',
        revision: 2,
        at: '2025-02-13T09:00:00.000Z',
        editor: 'desk',
        reason: 'Tsai confirmed',
        changes: [{ field: 'status', from: 'reported', to: 'confirmed' }],
      },
      {
        id: 'rev-baidu-3',
        claimId: 'baidu-selected',
        revision: 3,
        at: '2025-02-11T11:00:00.000Z',
        editor: 'desk',
        reason: 'Alibaba deal reported',
        changes: [{ field: 'status', from: 'reported', to: 'denied' }],
      },
    ],
    relations: [],
  };
}

/** The claim with `id` from `db`, failing the test loudly when the fixture lacks it. */
export function claimById(db: Database, id: string) {
  const claim = db.claims.find((candidate) => candidate.id === id);
  if (!claim) throw new Error(`fixture has no claim ${id}`);
  return claim;
}
