/**
 * Reporting verbs as wire copy prints them, and the verb a proposal records for each. Synonyms of "said" that add
 * nothing a reader of the chain needs ("added", "noted", "stated") record as "said".
 */
const VERBS: ReadonlyArray<readonly [string, string]> = [
  ['said', 'said'],
  ['says', 'said'],
  ['added', 'said'],
  ['adds', 'said'],
  ['noted', 'said'],
  ['notes', 'said'],
  ['stated', 'said'],
  ['explained', 'said'],
  ['commented', 'said'],
  ['reported', 'reported'],
  ['reports', 'reported'],
  ['told', 'told'],
  ['tells', 'told'],
  ['confirmed', 'confirmed'],
  ['confirms', 'confirmed'],
  ['denied', 'denied'],
  ['denies', 'denied'],
  ['announced', 'announced'],
  ['announces', 'announced'],
  ['wrote', 'wrote'],
  ['writes', 'wrote'],
  ['warned', 'warned'],
  ['warns', 'warned'],
  ['cautioned', 'warned'],
  ['estimated', 'estimated'],
  ['estimates', 'estimated'],
  ['forecast', 'forecast'],
  ['forecasts', 'forecast'],
  ['forecasted', 'forecast'],
  ['predicted', 'predicted'],
  ['predicts', 'predicted'],
  ['projected', 'projected'],
  ['projects', 'projected'],
  ['expects', 'expects'],
  ['disclosed', 'disclosed'],
  ['revealed', 'revealed'],
  ['showed', 'showed'],
  ['shows', 'showed'],
  ['argued', 'argued'],
  ['claimed', 'claimed'],
  ['insisted', 'insisted'],
  ['acknowledged', 'acknowledged'],
  ['admitted', 'admitted'],
  ['reiterated', 'reiterated'],
];

const RECORDED = new Map(VERBS);

/** Verbs that can take what was reported as a noun phrase ("Hanul reported an operating profit …"). */
const TAKES_OBJECT = new Set(['reported', 'announced', 'confirmed', 'denied', 'forecast', 'predicted', 'projected', 'estimated', 'disclosed', 'revealed', 'expects']);

/** Verbs a writer puts after the content (", analysts said."), as against those that only lead ("Hanul expects …"). */
const LEADING_ONLY = new Set(['expects', 'forecast', 'projected']);

/** Alternation of every form, longest first so "forecasted" is not read as "forecast". */
export const REPORTING_VERB = [...RECORDED.keys()].sort((a, b) => b.length - a.length).join('|');

/**
 * The verb a proposal records for a reporting verb as printed, or `null` when it is not one.
 * @example recordedVerb('adds') //=> 'said'
 * @example recordedVerb('considered') //=> null
 */
export function recordedVerb(printed: string): string | null {
  return RECORDED.get(printed.toLowerCase()) ?? null;
}

/** Whether the recorded verb can take a noun phrase as what was reported. */
export const takesObject = (verb: string): boolean => TAKES_OBJECT.has(verb);

/** Whether the recorded verb can close a sentence after its content. */
export const canTrail = (verb: string): boolean => !LEADING_ONLY.has(verb);
