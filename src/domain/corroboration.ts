import type { Claim } from './types.js';

export const CORROBORATION_LEVELS = ['none', 'single', 'multiple'] as const;
export type CorroborationLevel = (typeof CORROBORATION_LEVELS)[number];

/**
 * The distinct sources that made a claim themselves, in the order first listed. Relays and publishers pass a
 * claim on without vouching for it, so they never add independence: two outlets relaying one origin count once.
 *
 * @example
 * independentOrigins({ ...claim, attributions: [
 *   { sourceId: 'the-information', role: 'origin', verb: 'reported' },
 *   { sourceId: 'reuters', role: 'relay', verb: 'relayed' },
 *   { sourceId: 'bloomberg', role: 'relay', verb: 'relayed' },
 * ] })
 * //=> ['the-information']
 */
export function independentOrigins(claim: Claim): string[] {
  return [...new Set(claim.attributions.filter((a) => a.role === 'origin').map((a) => a.sourceId))];
}

/**
 * How many independent origins stand behind a claim: none, a single one, or several.
 *
 * @example
 * corroborationLevel(claimReportedOnlyByTheInformation) //=> 'single'
 */
export function corroborationLevel(claim: Claim): CorroborationLevel {
  const origins = independentOrigins(claim).length;
  return origins === 0 ? 'none' : origins === 1 ? 'single' : 'multiple';
}
