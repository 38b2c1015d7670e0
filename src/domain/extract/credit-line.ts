import { agencyName } from './wire-names.js';

/** What a credit line says: the agency whose copy it is, and the people who reported, edited or added to it. */
export interface Credit {
  wire: string | null;
  contributors: string[];
}

/** "Reuters, with additional editing and inputs from …", "Reporting by …; Editing by …", "With inputs from AFP". */
const CREDIT_CUES =
  /^(?:[-–—•·*]{1,2}\s*)?(?:\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|inputs?)\s+(?:by|from)\b|\(?\s*with\s+(?:additional\s+)?(?:reporting|editing|inputs?|assistance)\b|[\p{L}][\p{L}.'’ -]{1,40},\s*with\s+(?:additional\s+)?(?:reporting|editing|inputs?|assistance)\b|(?:source|courtesy)\s*:|[\p{L}][\p{L}. ]{1,40}\s+(?:writer|correspondent|reporter)s?\s+[\p{L}].*\bcontributed\b|this\s+(?:story|article)\s+was\s+(?:originally\s+)?(?:published|produced)\s+by\b)/iu;

const MAX_CREDIT_LENGTH = 300;

/**
 * Whether a line of text is a credit line rather than part of the story.
 * @example isCreditLine('• Reuters, with additional editing and inputs from Vishakha Saxena') //=> true
 * @example isCreditLine('Reuters reported the deal on Tuesday.') //=> false
 */
export function isCreditLine(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= MAX_CREDIT_LENGTH && CREDIT_CUES.test(text);
}

/** "by A in Seoul and B in San Francisco": where each contributor filed from is not a name. */
const FILED_FROM = /\s+in\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*/gu;
const ROLE = /^(?:\(?\s*)?(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|inputs?|assistance|contributions?)(?:\s+and\s+(?:additional\s+)?(?:reporting|writing|editing|inputs?))?\s+(?:by|from)\s+/iu;
const CONTRIBUTED = /^(.+?)\s+(?:staff\s+)?(?:writers?|correspondents?|reporters?)\s+(.+?)\s+contributed\b/iu;
const PUBLISHED_BY = /^this\s+(?:story|article)\s+was\s+(?:originally\s+)?(?:published|produced)\s+by\s+(.+?)\.?$/iu;

const personNames = (list: string): string[] =>
  list
    .replace(FILED_FROM, '')
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((name) => name.replace(/[().]+$|^[(]+/g, '').trim())
    .filter((name) => /^\p{Lu}/u.test(name) && name.split(/\s+/).length <= 4);

/**
 * Reads a credit line: the wire is the first agency it names, the contributors the people.
 * @example parseCredit('Reuters, with additional editing and inputs from Vishakha Saxena')
 * //=> { wire: 'Reuters', contributors: ['Vishakha Saxena'] }
 * @example parseCredit('(Reporting by Hyun-woo Park in Seoul; Editing by Claire Fenwick)')
 * //=> { wire: null, contributors: ['Hyun-woo Park', 'Claire Fenwick'] }
 */
export function parseCredit(credit: string): Credit {
  const text = credit.trim().replace(/^[-–—•·*\s]+/, '').replace(/^\((.*)\)$/s, '$1');
  const names: string[] = [];
  const contributed = CONTRIBUTED.exec(text);
  const published = PUBLISHED_BY.exec(text);
  if (contributed) names.push(contributed[1] ?? '', ...personNames(contributed[2] ?? ''));
  else if (published) return { wire: agencyName(published[1] ?? '') ?? published[1]?.trim() ?? null, contributors: [] };
  else {
    for (const segment of text.split(/\s*;\s*/)) {
      const lead = /^([\p{L}][\p{L}.'’ -]{1,40}?),\s*(with\b.*)$/iu.exec(segment);
      if (lead) names.push(lead[1] ?? '');
      const rest = (lead ? lead[2] : segment) ?? '';
      const labelled = /^(?:source|courtesy)\s*:\s*(.+)$/iu.exec(rest);
      names.push(...personNames(labelled ? (labelled[1] ?? '') : rest.replace(ROLE, '')));
    }
  }
  let wire: string | null = null;
  const contributors: string[] = [];
  for (const name of names) {
    const agency = agencyName(name);
    if (agency) wire ??= agency;
    else if (!/^(?:agencies|staff|this|the|our)\b/i.test(name)) contributors.push(name);
  }
  return { wire, contributors: [...new Set(contributors)] };
}
