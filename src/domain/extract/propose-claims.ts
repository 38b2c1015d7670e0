import { actorsOf } from './actors.js';
import { trackedBy } from './already-tracked.js';
import { articleProblem } from './article-problem.js';
import { findAttribution, type Attribution, type Span } from './attribution.js';
import { chromeLines } from './chrome-lines.js';
import { clauses, relativeClause, type Clause, type ClauseJoin } from './clauses.js';
import { isCreditLine, parseCredit } from './credit-line.js';
import { findDatePhrases } from './date-phrases.js';
import { findDateline, type Dateline } from './dateline.js';
import { carriedAttribution, quotationGoesOn, reportedlyFrom } from './borrowed-attribution.js';
import { Discourse } from './discourse.js';
import { earlierReportSaid } from './earlier-report.js';
import { eventDate, type DatedClaim } from './event-date.js';
import { capitalisedInside, nameMentions, type NameMention } from './names.js';
import { looksForward } from './looks-forward.js';
import { bestPhrase, readPhrases } from './read-date.js';
import { opensWithContrast, sequenceCue, type SequenceCue } from './relation-cues.js';
import { segment, type Sentence } from './segment.js';
import { storyOrder } from './story-order.js';
import { UNNAMED_SOURCE } from './source-phrase.js';
import { recordedVerb } from './reporting-verbs.js';
import { refersToOrganisation, resolveSource } from './source-reference.js';
import { gerundStatement, statementFrom, subjectOf } from './statement.js';
import type { ArticleInput, ClaimProposal, ProposalOutcome, ProposedDate, ProposeOptions } from './types.js';

/** Sentences that only say someone would not talk: no claim in them. */
const NO_COMMENT =
  /\b(?:declined|refused)\s+to\s+comment\b|\b(?:did\s+not|didn['’]t|could\s+not|couldn['’]t|would\s+not|wouldn['’]t)\s+(?:immediately\s+)?(?:respond|reply|return|answer|comment|be\s+reached)\b|\bcould\s+not\s+(?:immediately\s+)?(?:verify|confirm)\b|\b(?:was|were)\s+not\s+(?:immediately\s+)?(?:available|reachable)\b|\bno\s+immediate\s+(?:response|comment|reply)\b/iu;
const SINCE = /^(?:since|from|starting)\b/iu;
/** "… and said energy costs had risen": a clause of the same subject that says something of its own. */
const SAID_OPENING = /^(said|says|added|adds|noted|warned)\s+(?:that\s+)?(?=\S)/u;
const PROSE_END = /[.!?]["”’)]*$/u;
const MIN_PROSE_WORDS = 20;
/** Longer than any sentence a writer prints: a run-on like this is markup or a list, and reading it costs time. */
const MAX_SENTENCE_LENGTH = 2000;
/** A quotation left open longer than this is a typo, not a speech. */
const MAX_QUOTED_SENTENCES = 6;

/** A sentence, or sentences held together by an open quotation, read as one. */
type Unit = Sentence;

/** Who made a claim and who passed it on. */
interface Chain {
  origin: string;
  verb: string;
  citing?: string;
  ownVoice: boolean;
  relays: string[];
}

/** Part of a sentence as a sentence of its own, so its own attribution can be read. */
function partOf(unit: Unit, span: Span): Unit {
  return {
    ...unit,
    start: unit.start + span.start,
    end: unit.start + span.end,
    text: unit.text.slice(span.start, span.end),
    tokens: unit.tokens.filter((t) => t.start >= unit.start + span.start && t.end <= unit.start + span.end),
  };
}

/** A proposal before the relations between proposals are read, with what they are read from. */
interface Draft {
  proposal: ClaimProposal;
  unit: Unit;
  clause: Clause;
  cue: SequenceCue | null;
  /** Start of the quote in the text, for ordering. */
  at: number;
  /** Position of the unit's paragraph among paragraphs with proposals or prose. */
  paragraphRank: number;
  /** Whether the date came from a phrase of the clause. */
  datedByPhrase: boolean;
  sincePhrase: boolean;
}

/** Sentences held together while a quotation they open is still open: “A. B,” she said is one statement. */
function quoteUnits(sentences: readonly Sentence[]): Unit[] {
  const units: Unit[] = [];
  let open: Sentence[] = [];
  let curly = 0;
  let straight = 0;
  const flush = () => {
    const first = open[0];
    const last = open.at(-1);
    if (first && last) {
      units.push({ index: units.length, paragraph: first.paragraph, start: first.start, end: last.end, text: '', tokens: open.flatMap((s) => s.tokens) });
    }
    open = [];
    curly = 0;
    straight = 0;
  };
  for (const sentence of sentences) {
    if (open.length > 0 && open[0]!.paragraph !== sentence.paragraph) flush();
    open.push(sentence);
    curly += (sentence.text.match(/“/g)?.length ?? 0) - (sentence.text.match(/”/g)?.length ?? 0);
    straight = (straight + (sentence.text.match(/"/g)?.length ?? 0)) % 2;
    if ((curly <= 0 && straight === 0) || open.length >= MAX_QUOTED_SENTENCES) flush();
  }
  flush();
  return units;
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const isProse = (text: string) =>
  text.length <= MAX_SENTENCE_LENGTH && (PROSE_END.test(text.trim()) || wordCount(text) >= MIN_PROSE_WORDS);
const datedOf = (draft: Draft): DatedClaim => ({ date: draft.proposal.date, datedByPhrase: draft.datedByPhrase, sincePhrase: draft.sincePhrase });

/**
 * Proposes the claims of an article: one per attributed or dated statement, with the statement, the quote as
 * printed, who made it and through whom it came, when it happened and when it was said, who it is about, whether
 * the writer says it in their own voice, and whether a stored claim already quotes it; and the order the text
 * states between them. Pure and deterministic: nothing is stored, nothing is fetched.
 *
 * How a claim is dated, in order: a date phrase in its clause (read by the date resolver against the publication
 * day); the start of a "since" phrase in a clause of the same sentence ("since last year and had initially
 * selected Baidu"); after a sequence cue ("After that", "Ultimately", "But" after "initially"), from the start of
 * the last dated claim to when it was said; a statement about what is to come, from when it was said on; anything
 * else, up to when it was said ("../2025-02-11").
 * @example proposeClaims({ text, publishedAt: '2025-02-11', publisher: 'Asia Financial', credit: 'Reuters, with …' }, { today: '2025-03-01' })
 * //=> { ok: true, proposals: [{ statement: 'Apple is partnering with Chinese technology giant Alibaba …', origin: 'The Information', verb: 'reported', relays: ['Reuters'], … }, …], relations: [{ from: 3, relation: 'before', to: 4, quote: 'initially' }, …] }
 */
export function proposeClaims(article: ArticleInput, options: ProposeOptions): ProposalOutcome {
  const problem = articleProblem(article.text);
  if (problem) return { ok: false, message: problem };
  const text = article.text;
  const reference = article.publishedAt?.trim() || undefined;
  const today = options.today;
  const tracked = trackedBy(options.trackedQuotes ?? []);

  const chrome = chromeLines(text, { title: article.title ?? null });
  const inChrome = (s: Sentence) => chrome.some((line) => s.start >= line.start && s.end <= line.end);
  const units = quoteUnits(segment(text).filter((s) => !inChrome(s))).map((u) => ({ ...u, text: text.slice(u.start, u.end) }));
  const prose = units.filter((u) => isProse(u.text) && !isCreditLine(u.text) && !(article.title && u.text.trim() === article.title.trim()));

  const dateline = storyDateline(text, prose);
  const creditText = article.credit?.trim() || units.find((u) => isCreditLine(u.text))?.text || null;
  const credit = creditText ? parseCredit(creditText) : null;
  const wire = dateline?.wire ?? credit?.wire ?? null;
  const publisher = article.publisher?.trim() || null;
  const writer = wire ?? publisher ?? '';

  const inside = capitalisedInside(prose);
  const discourse = new Discourse();
  const mentionCache = new Map<number, NameMention[]>();
  /** A unit's names, read once; the words of each then count as names wherever a sentence opens with them. */
  const mentionsOf = (i: number): NameMention[] => {
    let found = mentionCache.get(i);
    if (!found) {
      found = nameMentions(prose[i]!, inside);
      mentionCache.set(i, found);
      for (const mention of found) for (const word of mention.name.split(/\s+/)) if (/^\p{Lu}/u.test(word)) inside.add(word.toLowerCase());
    }
    return found;
  };
  const storyStart = (u: Unit) => (dateline && u.start <= dateline.start && dateline.end <= u.end ? dateline.end - u.start : 0);
  const attributions = prose.map((u) => findAttribution(u, storyStart(u)));
  const paragraphRank = new Map<number, number>();
  for (const u of prose) if (!paragraphRank.has(u.paragraph)) paragraphRank.set(u.paragraph, paragraphRank.size);

  const drafts: Draft[] = [];
  const draftsOf = new Map<number, Draft[]>();

  /** The last day a claim vouches for: the end of when it was said ("last week"), else the publication day. */
  const upperBound = (claimedAt: ProposedDate | null): string | undefined => {
    const end = claimedAt?.value.split('/').at(-1);
    return end && end !== '..' ? end.replace(/^[~?%]/u, '') : reference;
  };

  /** The first day a claim may have been said: the start of when it was said, else the publication day; none when only "by" is known. */
  const lowerBound = (claimedAt: ProposedDate | null): string | undefined => {
    const start = claimedAt ? claimedAt.value.split('/')[0] : reference;
    return start && start !== '..' ? start.replace(/^[~?%]/u, '') : undefined;
  };

  /** Who made a claim and through whom it came, as an attribution (or its absence) says. */
  const chainFor = (i: number, attribution: Attribution | null, subject: string | null, named: readonly string[] = []): Chain => {
    let origin = writer;
    let verb = 'reported';
    let citing: string | undefined;
    if (attribution && attribution.source !== '') {
      origin = resolveSource(attribution.source, { subject, named }, discourse);
      verb = attribution.verb;
      if (attribution.citing) citing = resolveSource(attribution.citing, {}, discourse);
    } else if (attribution?.form === 'reportedly') {
      origin = reportedlyFrom(i, prose, attributions, discourse) ?? 'unnamed reports';
    }
    const writerItself = origin === writer || origin === publisher || origin === wire || origin === '';
    // "…, Reuters reported, citing an internal memo": in Reuters' own story the claim is the memo's, relayed.
    if (writerItself && citing) {
      origin = citing;
      verb = 'citing';
      citing = undefined;
    }
    const ownVoice = writerItself && verb !== 'citing';
    const relays = ownVoice ? [] : [...new Set([wire].filter((w): w is string => Boolean(w) && w !== origin && w !== publisher))];
    return { origin, verb, ...(citing && { citing }), ownVoice, relays };
  };

  const build = (i: number, attribution: Attribution | null, carried: boolean): void => {
    const unit = prose[i]!;
    const mentions = mentionsOf(i);
    const start = storyStart(unit);
    const spans: Span[] =
      attribution && attribution.form !== 'reportedly' && !carried
        ? attribution.content.map((span) => ({ start: Math.max(span.start, start), end: span.end }))
        : [{ start, end: unit.text.replace(/[\s.!?]+$/u, '').length }];
    if (spans.length === 0 || spans.every((s) => s.end <= s.start)) return;

    const hasDateOrCue = (part: string) => findDatePhrases(part).length > 0 || sequenceCue(part) !== null;
    const attributed = attribution !== null;
    const rule = (left: string, right: string, join: ClauseJoin) =>
      join === 'before' ||
      join === 'after' ||
      join === 'reported' ||
      (join === 'own-subject' && attributed) ||
      (join === 'shared-subject' && SAID_OPENING.test(right)) ||
      (hasDateOrCue(left) && hasDateOrCue(right));
    const only = spans.length === 1 ? spans[0]! : null;
    const relative = only ? relativeClause(unit.text.slice(only.start, only.end), (words) => findDatePhrases(words).length > 0) : null;
    let pieces: Clause[];
    if (only && relative) {
      const rest = clauses(unit, { start: only.start + relative.resume, end: only.end }, rule);
      pieces = [
        { span: { start: only.start + relative.words.start, end: only.start + relative.words.end }, join: 'relative' },
        ...rest.map((piece, n): Clause => (n === 0 ? { ...piece, join: 'shared-subject' } : piece)),
      ];
    } else if (only) pieces = clauses(unit, only, rule);
    else pieces = [{ span: { start: spans[0]!.start, end: spans.at(-1)!.end }, join: 'first' }];

    const subjectTokens = (span: Span) =>
      unit.tokens.filter((t) => t.start >= unit.start + span.start && t.end <= unit.start + span.end);
    const firstSubject = relative?.subject ?? subjectOf(subjectTokens(pieces[0]!.span));
    const subjectName = (subject: string | null): string | null => {
      if (!subject) return null;
      const named = mentions.find((m) => subject.includes(m.name));
      if (named) return discourse.names.canonical(named.name);
      return refersToOrganisation(subject) ? resolveSource(subject, {}, discourse) : null;
    };
    const sentenceSubject = subjectName(firstSubject);
    const contentOrganisations = spans
      .flatMap((span) => mentions.filter((m) => !m.person && m.start >= unit.start + span.start && m.end <= unit.start + span.end))
      .map((m) => discourse.names.canonical(m.name));
    const sentenceChain = chainFor(i, attribution, sentenceSubject, [...new Set(contentOrganisations)]);
    const sentenceClaimedAt = attribution?.adjunct ? firstReading(attribution.adjunct, unit.text, reference, today) : null;
    const contentNames = (span: Span): NameMention[] =>
      mentions.filter((m) => m.start >= unit.start + span.start && m.end <= unit.start + span.end);

    const made: Draft[] = [];
    // Around an attribution inside the content ("…, the people said, raising …") the statement is both sides.
    const contentSpans = pieces.length === 1 && spans.length === 2 ? spans : null;
    pieces.forEach((piece, index) => {
      // "…, and their union said last week that …": a clause with its own source and verb speaks for itself.
      const ownFound = piece.join === 'reported' || piece.join === 'own-subject' ? findAttribution(partOf(unit, piece.span)) : null;
      const own = ownFound && (piece.join === 'reported' || ownFound.form === 'leading') ? ownFound : null;
      const ownContent = own?.content[0] ? { start: piece.span.start + own.content[0].start, end: piece.span.start + own.content[0].end } : null;
      const said = piece.join === 'shared-subject' ? SAID_OPENING.exec(unit.text.slice(piece.span.start, piece.span.end)) : null;
      const span = ownContent ?? (said ? { start: piece.span.start + said[0].length, end: piece.span.end } : piece.span);
      const chain = own ? chainFor(i, own, null) : said ? { ...sentenceChain, verb: recordedVerb(said[1] ?? '') ?? 'said' } : sentenceChain;
      const ownClaimedAt = own?.adjunct ? firstReading(own.adjunct, unit.text, reference, today) : null;
      const claimedAt = own ? (ownClaimedAt ?? (piece.join === 'reported' ? earlierReportSaid(piece.cue, sentenceClaimedAt, reference) : null)) : sentenceClaimedAt;
      const clauseText = contentSpans ? joinedContent(unit, contentSpans) : unit.text.slice(span.start, span.end);
      const mainSpan = contentSpans ? contentSpans[0]! : span;
      const forward = looksForward(subjectTokens(mainSpan));
      const best = bestPhrase(clauseText, unit.text, reference, today, { forward });
      const ordered = piece.join === 'before' || piece.join === 'after';
      const cue = ordered || piece.join === 'relative' ? null : sequenceCue(clauseText);
      // Dated means a date-like phrase, whether or not it dates the clause ("for six straight quarters").
      const dated = best !== null || findDatePhrases(clauseText).length > 0;
      if (!attributed && !own && !dated && !cue && !ordered) return;
      const previousClause = made.at(-1);
      const contrastAfterOpening = opensWithContrast(clauseText) && drafts.at(-1)?.cue?.kind === 'opens' && made.length === 0;
      const date = eventDate({
        best,
        cue: contrastAfterOpening ? { kind: 'follows', quote: 'But' } : cue,
        forward,
        join: piece.join,
        sibling: previousClause ? datedOf(previousClause) : null,
        earlier: drafts.map(datedOf),
        upper: upperBound(claimedAt),
        saidFrom: lowerBound(claimedAt),
        sentence: unit.text,
        today,
      });

      const quoteStart = index === 0 ? Math.max(start, 0) : piece.span.start;
      const quoteEnd =
        piece.join === 'relative' ? only!.start + relative!.resume : index === pieces.length - 1 ? unit.text.replace(/\s+$/u, '').length : piece.span.end;
      const quote = unit.text.slice(quoteStart, quoteEnd).trim();

      let statement: string;
      let leading: string | null = null;
      if (ordered) {
        const about = contentNames(pieces[0]!.span)[0];
        leading = about ? discourse.names.canonical(about.name) : sentenceSubject;
        statement = gerundStatement(clauseText, leading ?? firstSubject ?? '');
      } else if ((piece.join === 'shared-subject' && !said) || piece.join === 'relative') {
        leading = sentenceSubject;
        statement = statementFrom(clauseText, { subject: firstSubject, subjectMissing: true });
      } else if (attribution?.objectStatement && !carried && !own && !said) {
        leading = chain.origin;
        const from = attribution.clause.start;
        const printedSource = unit.text.slice(from).indexOf(attribution.source);
        const whole = unit.text.slice(from + Math.max(0, printedSource) + attribution.source.length, piece.span.end);
        statement = statementFrom(`${chain.origin}${whole}`);
      } else {
        const pronoun = /^(?:that\s+)?(?:it|he|she|they)\b/iu.exec(clauseText.replace(/^(?:But|And|However),?\s+/u, ''));
        const speaker = own ?? attribution;
        if (pronoun) {
          // "The company has said it expects …": it is the company; "local media reported that it would …": it is not the media.
          const sourceIsSubject =
            speaker?.form === 'leading' && !chain.ownVoice && chain.verb !== 'reported' && !UNNAMED_SOURCE.test(chain.origin) && !discourse.isMedia(chain.origin);
          leading = sourceIsSubject ? chain.origin : (previousClause?.proposal.actors[0] ?? sentenceSubject ?? discourse.organisation);
        } else leading = subjectName(subjectOf(subjectTokens(span)));
        statement = statementFrom(clauseText, pronoun ? { subject: leading } : {});
      }

      const objectStatement = Boolean(attribution?.objectStatement && !own);
      const exclude = [wire, publisher, chain.citing ?? null, ...(objectStatement ? [] : [chain.ownVoice ? null : chain.origin])];
      const actors = actorsOf(contentNames(span), discourse.names, { leading, exclude });
      const proposal: ClaimProposal = {
        statement,
        quote,
        origin: chain.origin,
        verb: chain.verb,
        ...(chain.citing && { citing: chain.citing }),
        relays: chain.relays,
        publisher,
        date,
        claimedAt,
        actors,
        ownVoice: chain.ownVoice,
        alreadyTracked: tracked(quote),
      };
      made.push({
        proposal,
        unit,
        clause: piece,
        cue: ordered ? null : contrastAfterOpening ? { kind: 'follows', quote: 'But' } : cue,
        at: unit.start + quoteStart,
        paragraphRank: paragraphRank.get(unit.paragraph) ?? 0,
        datedByPhrase: best !== null,
        sincePhrase: best !== null && SINCE.test(best.phrase),
      });
      discourse.credit(chain.origin, chain.verb === 'reported' && !objectStatement && (own ?? attribution)?.form !== 'according-to');
      if (/\b(?:statement|release|filing|announcement)\b/iu.test((own ?? attribution)?.adjunct ?? '')) discourse.issued(chain.origin);
    });
    if (made.length > 0) {
      drafts.push(...made);
      draftsOf.set(i, made);
    }
  };

  for (let i = 0; i < prose.length; i++) {
    const unit = prose[i]!;
    const attribution = attributions[i] ?? null;
    const mentions = mentionsOf(i);
    if (attribution?.form === 'passive') {
      attachPassive(i, attribution, text, prose, draftsOf, discourse, (j, a) => build(j, a, false), tracked);
      discourse.mention(mentions);
      continue;
    }
    if (NO_COMMENT.test(unit.text) && !attribution) {
      discourse.mention(mentions);
      continue;
    }
    const carried =
      !attribution || attribution.form === 'reportedly' ? (carriedAttribution(i, prose, attributions) ?? quotationGoesOn(i, prose, attributions)) : null;
    const passiveNext = attribution?.form === 'reportedly' && attributions[i + 1]?.form === 'passive';
    if (!passiveNext) build(i, carried ?? attribution, carried !== null);
    discourse.mention(mentions);
  }

  const proposals = drafts.map((d) => d.proposal);
  const relations = storyOrder(
    drafts.map((d) => ({
      sentence: d.unit.index,
      join: d.clause.join,
      ...(d.clause.cue && { joinCue: d.clause.cue }),
      cue: d.cue,
      paragraphRank: d.paragraphRank,
    })),
  );
  return { ok: true, proposals, relations };
}

/** The two sides of an attribution that sits inside the content, as one passage. */
function joinedContent(unit: Unit, spans: readonly Span[]): string {
  const [first, second] = spans;
  if (!first || !second) return '';
  const right = unit.text.slice(second.start, second.end);
  const opener = unit.tokens.find((t) => t.start >= unit.start + second.start);
  const goesOn = opener && opener.tags.has('Verb') && !opener.tags.has('Gerund');
  return `${unit.text.slice(first.start, first.end)}${goesOn ? ' ' : ', '}${right}`;
}

function firstReading(text: string, sentence: string, reference: string | undefined, today: string): ProposedDate | null {
  const [first] = readPhrases(text, sentence, reference, today);
  return first ? { value: first.date.value, phrase: first.phrase } : null;
}

/** The dateline of the story: at the start of its first prose paragraph. */
function storyDateline(text: string, prose: readonly Unit[]): Dateline | null {
  for (const unit of prose.slice(0, 3)) {
    const found = findDateline(text.slice(unit.start));
    if (found) return { ...found, start: unit.start + found.start, end: unit.start + found.end };
  }
  return null;
}

/** "The development, reported by The Information, …" names the source of the sentence before it. */
function attachPassive(
  i: number,
  attribution: Attribution,
  text: string,
  prose: readonly Unit[],
  draftsOf: Map<number, Draft[]>,
  discourse: Discourse,
  build: (j: number, a: Attribution) => void,
  tracked: (quote: string) => boolean,
): void {
  const previous = i - 1;
  if (previous < 0) return;
  const origin = resolveSource(attribution.source, {}, discourse);
  if (!draftsOf.has(previous)) build(previous, { ...attribution, form: 'reportedly', source: '' });
  const made = draftsOf.get(previous) ?? [];
  for (const draft of made) {
    draft.proposal.origin = origin;
    draft.proposal.verb = 'reported';
    draft.proposal.ownVoice = false;
    draft.proposal.actors = draft.proposal.actors.filter((a) => a !== origin);
  }
  const last = made.at(-1);
  // The sentence naming the source is part of what vouches for the claim, so the quote runs on to its end.
  if (last) {
    last.proposal.quote = text.slice(last.at, prose[i]!.end).trim();
    last.proposal.alreadyTracked = tracked(last.proposal.quote);
  }
  discourse.credit(origin, true);
}

