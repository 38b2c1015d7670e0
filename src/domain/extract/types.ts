/**
 * What reading an article proposes: claims and the order between them, for a person to review. Nothing here is
 * stored; an accepted proposal becomes an ordinary claim through the usual add-claim path.
 */

/** A date read from the text: EDTF `value` (as `resolveDate` reads it) and the writer's words, `null` when inferred. */
export interface ProposedDate {
  value: string;
  /** The phrase as written ("the second quarter last year"); `null` when the date comes from the story's context. */
  phrase: string | null;
}

/** One attributed or dated statement of the article, prefilled as a claim. */
export interface ClaimProposal {
  /** The reported content without the attribution clause, as a sentence. */
  statement: string;
  /** The passage as the article prints it: a substring of the article text, so it anchors. */
  quote: string;
  /** Who made the claim: a name, an unnamed source as written ("people familiar with the matter"), or the wire. */
  origin: string;
  /**
   * How the text attributes it: "reported", "said", "according to", "told", "citing", "confirmed", "denied",
   * "announced", or the text's own reporting verb ("forecast", "warned", "wrote").
   */
  verb: string;
  /** Whom the origin cites ("The Information reported, citing people familiar with the matter"). */
  citing?: string;
  /** Who passed it on between origin and publisher: the wire of the dateline or credit line. */
  relays: string[];
  /** Who printed the article; `null` when neither the input nor the text names one. */
  publisher: string | null;
  /** When it happened. */
  date: ProposedDate | null;
  /** When the origin said it ("reported on Wednesday"); `null` when the text does not say (the publication day). */
  claimedAt: ProposedDate | null;
  /** Organisations and people the statement names. */
  actors: string[];
  /** The writer states it in their own voice: the origin is the wire or the publisher. */
  ownVoice: boolean;
  /** A stored claim already quotes this passage. */
  alreadyTracked: boolean;
}

/** Relations between events, as the story-order issue names them: `from` is `relation` `to`. */
export const PROPOSED_RELATIONS = ['before', 'after', 'during', 'includes', 'same-time'] as const;
export type ProposedRelationKind = (typeof PROPOSED_RELATIONS)[number];

/** An order the text states between two proposals ("After that", "initially", "before recovering"). */
export interface ProposedRelation {
  /** Index into `proposals`. */
  from: number;
  relation: ProposedRelationKind;
  /** Index into `proposals`. */
  to: number;
  /** The words that state the order, as printed. */
  quote: string;
}

/** The article as the person checked it: text plus what they know of where it appeared. */
export interface ArticleInput {
  text: string;
  /** ISO day the article was published: relative dates are read against it. */
  publishedAt?: string | null;
  publisher?: string | null;
  /** Byline or credit line as printed ("Reuters, with additional editing and inputs from Vishakha Saxena"). */
  credit?: string | null;
  title?: string | null;
}

export interface ProposeOptions {
  /** ISO day of today, from the app's clock (dates are never read against a future reference). */
  today: string;
  /** Quotes of stored claims: a proposal quoting the same passage is marked `alreadyTracked`. */
  trackedQuotes?: readonly string[];
}

/** Proposals for an article, or why the text cannot be read as one (and then nothing is proposed). */
export type ProposalOutcome =
  | { ok: true; proposals: ClaimProposal[]; relations: ProposedRelation[] }
  | { ok: false; message: string };
