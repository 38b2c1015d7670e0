import { z } from 'zod';
import { anchorQuote } from '../anchor.js';
import { validateNewClaim, type ClaimDraft } from '../claim-draft.js';
import { LIMITS, optionalText } from '../claim-form.js';
import { resolveDate } from '../dates/resolve-date.js';
import { editorName } from '../sequence/relation-form.js';
import { RELATION_KINDS, type Database, type Document, type RelationKind } from '../types.js';
import { fieldPath, type FieldError, type Validated } from '../validation.js';

/** The most proposals kept at once, and the most a reading of a stored document offers: more than any article gives. */
export const ACCEPT_LIMIT = 100;

const textOf = (label: string) => z.string({ error: `${label} must be text` });
const names = (label: string) => z.union([z.string(), z.array(z.string())], { error: `${label} must be text or a list of text` }).optional();
/** As a reading gives it (`{ value, phrase }`), or as a person types it. */
const proposedDate = (label: string) =>
  z
    .union([z.string(), z.strictObject({ value: z.string(), phrase: z.string().nullable().optional() }), z.null()], {
      error: `${label} must be text, or { value, phrase } as the reading gave it`,
    })
    .optional();

/**
 * A proposal as a reading gave it (or as a person edited it). Only its shape is checked here: what it says is
 * checked by the add-claim form's own schema once it is put in that form's terms (see `claimFormBody`). The marks
 * (`ownVoice`, `alreadyTracked`) and `publisher` are what the reading said, accepted back and not stored: the
 * publisher of an accepted claim is its document's.
 */
export const acceptedProposalSchema = z.strictObject({
  statement: textOf('The statement'),
  quote: textOf('The quote'),
  origin: textOf('The origin'),
  verb: textOf('The verb').optional(),
  citing: textOf('Whom the origin cites').nullable().optional(),
  relays: names('The relays'),
  publisher: textOf('The publisher').nullable().optional(),
  date: proposedDate('The date'),
  claimedAt: proposedDate('The claim date'),
  actors: names('The actors'),
  topics: names('The topics'),
  ownVoice: z.boolean({ error: 'ownVoice must be true or false' }).optional(),
  alreadyTracked: z.boolean({ error: 'alreadyTracked must be true or false' }).optional(),
});
export type AcceptedProposal = z.output<typeof acceptedProposalSchema>;

const proposalIndex = (label: string) => z.int({ error: `${label} must be the index of a proposal in this list` }).min(0, `${label} must be the index of a proposal in this list`);

/** An order between two of the proposals kept: `from` happened `relation` `to`, indexes into `proposals`. */
export const acceptedRelationSchema = z.strictObject({
  from: proposalIndex('from'),
  relation: z.enum(RELATION_KINDS, { error: 'The relation must be before, after, during, includes or same-time' }),
  to: proposalIndex('to'),
  quote: optionalText('The words that say so', LIMITS.quote),
});

/**
 * One schema for accepting a reading's proposals, from the proposals page and `POST
 * /api/documents/:id/proposals/accept`: the proposals kept, the relations between them, and who keeps them.
 */
export const acceptanceSchema = z.strictObject({
  proposals: z.array(acceptedProposalSchema, { error: 'proposals must be a list of proposals' }).max(ACCEPT_LIMIT, `keep at most ${ACCEPT_LIMIT} proposals at once`),
  relations: z.array(acceptedRelationSchema, { error: 'relations must be a list' }).max(ACCEPT_LIMIT, `keep at most ${ACCEPT_LIMIT} relations at once`).optional(),
  editor: editorName('Say who is adding these claims'),
});

/** A proposal checked as an add-claim form would check it, with whom its origin cites. */
export interface AcceptedClaim {
  draft: ClaimDraft;
  citing?: string;
}

/** What accepting stores: the claims in order, the relations between them by index, and who accepted them. */
export interface Acceptance {
  claims: AcceptedClaim[];
  relations: Array<{ from: number; relation: RelationKind; to: number; quote?: string }>;
  editor: string;
}

/** The add-claim form's field names for a proposal's: errors are reported in the proposal's own terms. */
const PROPOSAL_FIELD: Record<string, string> = { source: 'origin', sourceId: 'origin', relayedBy: 'relays', document: 'quote', dateReference: 'date' };

/**
 * A date as the add-claim form takes it: the writer's phrase when it reads as the value given (so the claim keeps
 * the phrase), else the value; typed text as typed; nothing as empty, which the form refuses with its own message.
 * @example proposedDateText({ value: '2024-Q2', phrase: 'the second quarter last year' }, 'Apple fell out … in the second quarter last year', '2025-02-11', '2025-03-01') //=> 'the second quarter last year'
 * @example proposedDateText({ value: '../2025-02-11', phrase: null }, '…', '2025-02-11', '2025-03-01') //=> '../2025-02-11'
 */
export function proposedDateText(date: AcceptedProposal['date'], sentence: string, reference: string, today: string): string {
  if (date === null || date === undefined) return '';
  if (typeof date === 'string') return date;
  if (date.phrase) {
    const read = resolveDate(date.phrase, { today, reference, sentence });
    if (read.ok && read.date.value === date.value) return date.phrase;
  }
  return date.value;
}

/**
 * A proposal in the add-claim form's terms, for `document`: its origin is the form's source, its relays the
 * form's relays, its quote is looked for in the document's text.
 * @example claimFormBody({ statement: 'Apple chose Alibaba.', quote: '…', origin: 'The Information', date: { value: '2025-02', phrase: null } }, doc, '2025-03-01')
 * //=> { statement: 'Apple chose Alibaba.', date: '2025-02', source: 'The Information', document: doc.id, quote: '…', relayedBy: [], actors: [], topics: [] }
 */
export function claimFormBody(proposal: AcceptedProposal, document: Document, today: string): Record<string, unknown> {
  const claimedAt = proposedDateText(proposal.claimedAt, proposal.quote, document.publishedAt, today);
  return {
    statement: proposal.statement,
    date: proposedDateText(proposal.date, proposal.quote, document.publishedAt, today),
    ...(claimedAt && { claimedAt }),
    source: proposal.origin,
    ...(proposal.verb !== undefined && { verb: proposal.verb }),
    document: document.id,
    quote: proposal.quote,
    relayedBy: proposal.relays ?? [],
    actors: proposal.actors ?? [],
    topics: proposal.topics ?? [],
  };
}

const shorten = (words: string, max = 80) => (words.length > max ? `${words.slice(0, max - 1)}…` : words);

/**
 * Checks the proposals a person keeps from a reading of `document`: each exactly as the add-claim form checks a
 * claim (statement, date read against the document's day, origin, quote found in the document's text), in the
 * document's story; relations only between two different proposals kept, their words in the document. Every
 * problem is reported at once, named by where it is (`proposals[2].quote`); nothing is stored. `pause` is awaited
 * between two quotes: a quote that is not there costs milliseconds to find the closest passage for, and a body
 * holds up to a hundred, so a server lets other requests in between.
 * @example await validateAcceptance({ proposals: [proposal], editor: 'Ana' }, db, document, '2025-03-01') //=> { ok: true, value: { claims: [{ draft }], relations: [], editor: 'Ana' } }
 */
export async function validateAcceptance(
  body: unknown,
  db: Pick<Database, 'sources' | 'documents' | 'stories'>,
  document: Document,
  today: string,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<Validated<Acceptance>> {
  const parsed = acceptanceSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const seen = new Set<string>();
    const errors: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const field = fieldPath(keys.length > 0 ? [...issue.path, keys.join(', ')] : issue.path) || 'form';
      if (seen.has(field)) continue;
      seen.add(field);
      errors.push({ field, message: keys.length > 0 ? `unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}` : issue.message });
    }
    return { ok: false, errors };
  }
  const { proposals, relations = [], editor } = parsed.data;
  const errors: FieldError[] = [];
  const claims: AcceptedClaim[] = [];
  for (const [index, proposal] of proposals.entries()) {
    if (index > 0) await pause();
    const checked = validateNewClaim(claimFormBody(proposal, document, today), db, today, { storyId: document.storyId });
    if (!checked.ok) {
      for (const error of checked.errors) {
        const field = PROPOSAL_FIELD[error.field] ?? error.field;
        errors.push({ field: `proposals[${index}].${field}`, message: error.message });
      }
      continue;
    }
    const citing = proposal.citing?.trim();
    if (citing && citing.length > LIMITS.name) {
      errors.push({ field: `proposals[${index}].citing`, message: `Whom the origin cites must be at most ${LIMITS.name} characters` });
      continue;
    }
    claims.push({ draft: checked.value.draft, ...(citing && { citing }) });
  }
  const pairs = new Set<string>();
  for (const [index, relation] of relations.entries()) {
    await pause();
    const where = `relations[${index}]`;
    const ends = [relation.from, relation.to];
    if (ends.some((end) => end >= proposals.length)) {
      errors.push({ field: where, message: `The relation joins proposal ${Math.max(...ends) + 1}, which is not among the ${proposals.length} kept: keep both proposals, or leave the relation out` });
    } else if (relation.from === relation.to) {
      errors.push({ field: where, message: 'A relation joins two different proposals' });
    } else if (pairs.has(`${Math.min(...ends)}:${Math.max(...ends)}`)) {
      errors.push({ field: where, message: 'These two proposals are already related in this list: keep one relation between them' });
    } else if (relation.quote && !anchorQuote(document.text ?? '', relation.quote).found) {
      errors.push({ field: `${where}.quote`, message: `The words “${shorten(relation.quote)}” are not in “${document.title}”` });
    }
    pairs.add(`${Math.min(...ends)}:${Math.max(...ends)}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { claims, relations, editor } };
}
