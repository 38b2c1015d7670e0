import { slugify } from '../slug.js';
import { findSource } from '../sources.js';
import type { Source } from '../types.js';

/** The parts of a claim its event date is read with. */
export interface ClaimWords {
  quote?: string | undefined;
  statement?: string | undefined;
  /** Actors are names; each is matched to a source by its slug. */
  actors: readonly string[];
  originSourceId?: string | undefined;
}

/**
 * What a claim's event date is read with besides its reference day: the claim's own sentence (its quote, else
 * its statement), which decides the way a date named without its year points, and the fiscal year end of the
 * first of its actors, then its origin source, that has one recorded, so "fiscal 2024" can be read.
 * @example claimDateReading({ quote: 'Apple will report fiscal 2025 results.', actors: ['Apple'] }, [{ id: 'apple', name: 'Apple', kind: 'company', fiscalYearEnd: 9 }])
 * //=> { sentence: 'Apple will report fiscal 2025 results.', fiscalYearEnd: 9 }
 */
export function claimDateReading(claim: ClaimWords, sources: readonly Source[]): { sentence?: string; fiscalYearEnd?: number } {
  const sentence = claim.quote?.trim() || claim.statement?.trim();
  const candidates = [...claim.actors.map((actor) => findSource(sources, slugify(actor))), claim.originSourceId === undefined ? undefined : findSource(sources, claim.originSourceId)];
  const fiscalYearEnd = candidates.find((source) => source?.fiscalYearEnd !== undefined)?.fiscalYearEnd;
  return { ...(sentence && { sentence }), ...(fiscalYearEnd !== undefined && { fiscalYearEnd }) };
}
