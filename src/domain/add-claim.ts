import { claimFormSchema, type ClaimForm } from './claim-form.js';
import { dateFromValue, DateValueError } from './dates/claim-date.js';
import { ensureSource } from './sources.js';
import type { Attribution, Claim, ClaimDate, Database } from './types.js';
import { fieldErrors, type Validated } from './validation.js';

export interface NewClaim extends ClaimForm {
  eventDate: ClaimDate;
}

/** What a change to the database produces: the next data and what the caller asked for. */
export interface Transition<T> {
  data: Database;
  result: T;
}

export interface ClockContext {
  /** ISO date-time of the change. */
  now: string;
  /** ISO day of the change. */
  today: string;
  newId: () => string;
}

/** Checks a submitted claim (form or API body) and reads its date; nothing is stored. */
export function validateNewClaim(body: unknown): Validated<NewClaim> {
  const parsed = claimFormSchema.safeParse(body ?? {});
  const errors = parsed.success ? [] : fieldErrors(parsed.error);
  const dateText = typeof (body as { date?: unknown })?.date === 'string' ? (body as { date: string }).date.trim() : '';
  let eventDate: ClaimDate | undefined;
  if (dateText && !errors.some((e) => e.field === 'date')) {
    try {
      eventDate = dateFromValue(dateText);
    } catch (error) {
      if (!(error instanceof DateValueError)) throw error;
      errors.push({ field: 'date', message: `The date: ${error.message}` });
    }
  }
  if (!parsed.success || !eventDate || errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...parsed.data, eventDate } };
}

/**
 * Adds a validated claim: the named source becomes its origin, each relay follows in order,
 * and names that match no source (by name or id, any case) become new sources.
 */
export function addClaim(db: Database, input: NewClaim, context: ClockContext): Transition<Claim> {
  let { sources } = db;
  const origin = ensureSource(sources, input.source);
  sources = origin.sources;
  const attributions: Attribution[] = [
    {
      sourceId: origin.source.id,
      role: 'origin',
      verb: input.verb ?? 'said',
      ...(input.url && { url: input.url }),
      ...(input.quote && { quote: input.quote }),
    },
  ];
  for (const name of input.relayedBy) {
    const relay = ensureSource(sources, name);
    sources = relay.sources;
    if (relay.source.id === origin.source.id) continue;
    attributions.push({ sourceId: relay.source.id, role: 'relay', verb: 'relayed' });
  }
  const claim: Claim = {
    id: context.newId(),
    statement: input.statement,
    date: input.eventDate,
    claimedAt: dateFromValue(context.today),
    actors: input.actors,
    topics: input.topics,
    status: 'reported',
    statusHistory: [{ status: 'reported', on: context.today, recordedAt: context.now }],
    attributions,
    supersedes: [],
    revision: 1,
    createdAt: context.now,
    updatedAt: context.now,
  };
  return { data: { ...db, sources, claims: [...db.claims, claim] }, result: claim };
}
