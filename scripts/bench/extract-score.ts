import { anchorQuote } from '../../src/domain/anchor.js';
import type { ClaimProposal, ProposedRelation } from '../../src/domain/extract/types.js';

/** A claim a person reading the article would keep, as the gold file records it. */
export interface GoldClaim {
  quote: string;
  origin: string;
  relays: string[];
  publisher: string;
  /** EDTF value, or `null` when the text gives no date at all. */
  date: string | null;
}

export interface GoldRelation {
  from: number;
  relation: ProposedRelation['relation'];
  to: number;
  cue: string;
}

/** How the proposals for one article compare with its gold file. */
export interface Score {
  gold: number;
  proposals: number;
  /** Gold claims a proposal covers at all. */
  found: number;
  /** …with the right origin, relays and publisher. */
  rightChain: number;
  /** …with the right date. */
  rightDate: number;
  /** Proposals that cover a gold claim: the ones a person would keep. */
  kept: number;
  relationsFound: number;
  goldRelations: number;
  /** One line per gold claim that was missed or got something wrong, for the notes. */
  misses: string[];
}

interface Range {
  start: number;
  end: number;
}

const INVERSE: Record<string, string> = { before: 'after', after: 'before', includes: 'during', during: 'includes', 'same-time': 'same-time' };

function rangeOf(text: string, quote: string): Range | null {
  const found = anchorQuote(text, quote);
  return found.found ? { start: found.anchor.start, end: found.anchor.end } : null;
}

const overlap = (a: Range, b: Range) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Names as a person would accept them: case, a leading "the", curly apostrophes and corporate suffixes aside, and a
 * name that is the start or end of the other ("Veridian" for "Veridian Micro", "Fair Trade Commission" for "South
 * Korea's Fair Trade Commission").
 * @example sameName('two people familiar with the matter', 'people familiar with the matter') //=> true
 */
export function sameName(a: string, b: string): boolean {
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[’']s\b/g, "'s")
      .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
      .split(/\s+/)
      .filter((w) => w !== '' && w !== 'the' && !/^(?:inc|corp|co|ltd|plc|llc)$/.test(w));
  const x = words(a);
  const y = words(b);
  if (x.length === 0 || y.length === 0) return x.length === y.length;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const prefix = short.every((w, i) => long[i] === w);
  const suffix = short.every((w, i) => long[long.length - short.length + i] === w);
  return prefix || suffix;
}

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name) => b.some((other) => sameName(name, other)));

/**
 * Matches proposals to gold claims by where their quotes lie in the article: a proposal stands for a gold claim
 * when it covers at least 60% of the gold quote and the gold quote is at least a quarter of it (so one proposal
 * for a whole paragraph does not stand for every claim in it). Each proposal stands for at most one claim, best
 * overlap first.
 * @example scoreProposals(text, gold, proposals, relations, goldRelations).rightChain //=> 13
 */
export function scoreProposals(
  text: string,
  gold: readonly GoldClaim[],
  proposals: readonly ClaimProposal[],
  relations: readonly ProposedRelation[] = [],
  goldRelations: readonly GoldRelation[] = [],
): Score {
  const goldRanges = gold.map((g) => rangeOf(text, g.quote));
  const proposalRanges = proposals.map((p) => rangeOf(text, p.quote));
  const pairs: Array<{ g: number; p: number; score: number }> = [];
  goldRanges.forEach((g, gi) => {
    proposalRanges.forEach((p, pi) => {
      if (!g || !p) return;
      const shared = overlap(g, p);
      const ofGold = shared / (g.end - g.start);
      const ofProposal = shared / (p.end - p.start);
      if (ofGold >= 0.6 && ofProposal >= 0.25) pairs.push({ g: gi, p: pi, score: ofGold + ofProposal });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const proposalOf = new Map<number, number>();
  const used = new Set<number>();
  for (const pair of pairs) {
    if (proposalOf.has(pair.g) || used.has(pair.p)) continue;
    proposalOf.set(pair.g, pair.p);
    used.add(pair.p);
  }

  let rightChain = 0;
  let rightDate = 0;
  const misses: string[] = [];
  gold.forEach((claim, gi) => {
    const label = `“${claim.quote.slice(0, 60)}${claim.quote.length > 60 ? '…' : ''}”`;
    if (!goldRanges[gi]) {
      misses.push(`${label}: gold quote not in the text`);
      return;
    }
    const pi = proposalOf.get(gi);
    const proposal = pi === undefined ? undefined : proposals[pi];
    if (!proposal) {
      misses.push(`${label}: no proposal`);
      return;
    }
    const chain =
      sameName(proposal.origin, claim.origin) &&
      sameNames(proposal.relays, claim.relays) &&
      proposal.publisher !== null &&
      sameName(proposal.publisher, claim.publisher);
    const date = (proposal.date?.value ?? null) === claim.date;
    if (chain) rightChain++;
    else misses.push(`${label}: chain ${proposal.origin} → [${proposal.relays.join(', ')}] → ${proposal.publisher}, wanted ${claim.origin} → [${claim.relays.join(', ')}] → ${claim.publisher}`);
    if (date) rightDate++;
    else misses.push(`${label}: date ${proposal.date?.value ?? 'none'}${proposal.date?.phrase ? ` (“${proposal.date.phrase}”)` : ''}, wanted ${claim.date ?? 'none'}`);
  });

  const goldIndexOf = new Map([...proposalOf].map(([g, p]) => [p, g]));
  const relationsFound = goldRelations.filter((wanted) =>
    relations.some((r) => {
      const from = goldIndexOf.get(r.from);
      const to = goldIndexOf.get(r.to);
      return (from === wanted.from && to === wanted.to && r.relation === wanted.relation) ||
        (from === wanted.to && to === wanted.from && r.relation === INVERSE[wanted.relation]);
    }),
  ).length;

  return {
    gold: gold.length,
    proposals: proposals.length,
    found: proposalOf.size,
    rightChain,
    rightDate,
    kept: used.size,
    relationsFound,
    goldRelations: goldRelations.length,
    misses,
  };
}
