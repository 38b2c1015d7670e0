import { CLAIM_FORM_FIELDS } from '../claim-form.js';

/**
 * The fields an ordinary spreadsheet's columns can fill: the add form's own fields, a claim id, and the day the
 * cited text was published (read as the reference for relative dates and, without a claim date, as the claim date).
 */
export const SPREADSHEET_FIELDS = ['id', ...CLAIM_FORM_FIELDS, 'sourceId', 'published'] as const;
export type SpreadsheetField = (typeof SPREADSHEET_FIELDS)[number];

/** How the import page names each field in its mapping step. */
export const SPREADSHEET_FIELD_LABELS: Record<SpreadsheetField, string> = {
  id: 'Claim id',
  story: 'Story (its slug)',
  statement: 'Statement',
  shortName: 'Short name',
  date: 'Date of the event, as written',
  dateReference: 'Reference day for relative dates',
  published: 'Day the text was published',
  claimedAt: 'Claimed at',
  source: 'Source (who made the claim)',
  sourceId: 'Source id',
  verb: 'Verb',
  document: 'Document id',
  url: 'URL',
  quote: 'Quote',
  relayedBy: 'Relayed by',
  actors: 'Actors',
  topics: 'Topics',
};

/** Fields whose cells hold lists ("Apple, Alibaba" or "Apple; Alibaba"). */
export const LIST_FIELDS: readonly SpreadsheetField[] = ['relayedBy', 'actors', 'topics'];

/** A spreadsheet cannot make claims without these; `source` may be given as `sourceId` instead. */
export const REQUIRED_FIELDS: readonly SpreadsheetField[] = ['statement', 'date', 'source'];

/** Header spellings beyond the field names themselves, compared as normalise() leaves them. */
const ALIASES: Record<string, SpreadsheetField> = {
  claimid: 'id',
  claim: 'statement',
  reference: 'dateReference',
  referenceday: 'dateReference',
  referencedate: 'dateReference',
  publishedat: 'published',
  publishedon: 'published',
  publicationdate: 'published',
  datepublished: 'published',
  claimed: 'claimedAt',
  claimdate: 'claimedAt',
  sourcename: 'source',
  documentid: 'document',
  link: 'url',
  relays: 'relayedBy',
  relay: 'relayedBy',
  actor: 'actors',
  topic: 'topics',
};

const BY_NAME = new Map<string, SpreadsheetField>([
  ...SPREADSHEET_FIELDS.map((field): [string, SpreadsheetField] => [normalise(field), field]),
  ...Object.entries(ALIASES),
]);

function normalise(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The field a spreadsheet column fills, read from its header with case, spaces and punctuation forgiven, or
 * undefined for a header Claimline does not know.
 * @example fieldForHeader('Relayed by') //=> 'relayedBy'
 * @example fieldForHeader(' claimed_at ') //=> 'claimedAt'
 * @example fieldForHeader('Mood') //=> undefined
 */
export function fieldForHeader(header: string): SpreadsheetField | undefined {
  return BY_NAME.get(normalise(header));
}
