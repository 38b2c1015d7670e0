import { actorsOf } from './actors.js';
import { trackedBy } from './already-tracked.js';
import { articleProblem } from './article-problem.js';
import { findAttribution, type Attribution, type Span } from './attribution.js';
import { chromeLines } from './chrome-lines.js';
import { clauses, type Clause, type ClauseJoin } from './clauses.js';
import { isCreditLine, parseCredit } from './credit-line.js';
import { findDatePhrases } from './date-phrases.js';
import { findDateline, type Dateline } from './dateline.js';
import { Discourse } from './discourse.js';
import { capitalisedInside, nameMentions, type NameMention } from './names.js';
import { readDate, readPhrases, type ReadPhrase } from './read-date.js';
import { opensWithContrast, sequenceCue, type SequenceCue } from './relation-cues.js';
import { segment, type Sentence } from './segment.js';
import { refersToOrganisation, resolveSource } from './source-reference.js';
import { gerundStatement, statementFrom, subjectOf } from './statement.js';
import type { ArticleInput, ClaimProposal, ProposalOutcome, ProposedDate, ProposedRelation, ProposeOptions } from './types.js';

/** Sentences that only say someone would not talk: no claim in them. */
const NO_COMMENT =
  /\b(?:declined|refused)\s+to\s+comment\b|\b(?:did\s+not|didn['’]t|could\s+not|couldn['’]t|would\s+not|wouldn['’]t)\s+(?:immediately\s+)?(?:respond|reply|return|answer|comment|be\s+reached)\b|\bcould\s+not\s+(?:immediately\s+)?(?:verify|confirm)\b|\b(?:was|were)\s+not\s+(?:immediately\s+)?(?:available|reachable)\b|\bno\s+immediate\s+(?:response|comment|reply)\b/iu;
/** A statement about what is to come, which no date phrase pins down: it holds from when it was said on. */
const FORWARD =
  /\b(?:will|would|shall|could|may|might|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|expects?\s+to|is\s+(?:set|due|poised|scheduled|slated|expected|likely|on\s+track)\s+to|are\s+(?:set|due|poised|scheduled|slated|expected|likely|on\s+track)\s+to)\b/iu;
const SINCE = /^(?:since|from|starting)\b/iu;
const PROSE_END = /[.!?]["”’)]*$/u;
const MIN_PROSE_WORDS = 20;

/** A sentence, or sentences held together by an open quotation, read as one. */
type Unit = Sentence;

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

function quoteUnits(sentences: readonly Sentence[]): Unit[] {
  const units: Unit[] = [];
  let open: Sentence[] = [];
  const balance = (text: string) => ((text.match(/"/g)?.length ?? 0) % 2) + (text.match(/“/g)?.length ?? 0) - (text.match(/”/g)?.length ?? 0);
  let pending = 0;
  const flush = () => {
    const first = open[0];
    const last = open.at(-1);
    if (first && last) {
      units.push({
        index: units.length,
        paragraph: first.paragraph,
        start: first.start,
        end: last.end,
        text: '',
        tokens: open.flatMap((s) => s.tokens),
      });
    }
    open = [];
    pending = 0;
  };
  for (const sentence of sentences) {
    if (open.length > 0 && open[0]!.paragraph !== sentence.paragraph) flush();
    open.push(sentence);
    pending = (pending + balance(sentence.text)) % 2 === 0 && !/“/.test(sentence.text) ? 0 : pending + balance(sentence.text);
    if (pending <= 0 || open.length >= 6) flush();
  }
  flush();
  return units;
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const isProse = (text: string) => PROSE_END.test(text.trim()) || wordCount(text) >= MIN_PROSE_WORDS;
const firstEnd = (value: string): string | null => {
  const start = value.split('/')[0] ?? '';
  return start === '' || start === '..' ? null : start;
};

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
  const attributions = prose.map((u) => findAttribution(u));
  const paragraphRank = new Map<number, number>();
  for (const u of prose) if (!paragraphRank.has(u.paragraph)) paragraphRank.set(u.paragraph, paragraphRank.size);

  const drafts: Draft[] = [];
  const draftsOf = new Map<number, Draft[]>();

  const upperBound = (claimedAt: ProposedDate | null): string | undefined =>
    claimedAt && !claimedAt.value.includes('/') ? claimedAt.value : reference;

  const build = (i: number, attribution: Attribution | null, carried: boolean): void => {
    const unit = prose[i]!;
    const mentions = nameMentions(unit, inside);
    const start = dateline && unit.start <= dateline.start ? dateline.end - unit.start : 0;
    const spans: Span[] =
      attribution && attribution.form !== 'reportedly' && !carried
        ? attribution.content.map((span) => ({ start: Math.max(span.start, start), end: span.end }))
        : [{ start, end: unit.text.replace(/[\s.!?]+$/u, '').length }];
    if (spans.length === 0 || spans.every((s) => s.end <= s.start)) return;

    const readIn = (span: Span): ReadPhrase[] =>
      readPhrases(unit.text.slice(span.start, span.end), unit.text, reference, today);
    const hasDateOrCue = (part: string) => findDatePhrases(part).length > 0 || sequenceCue(part) !== null;
    const attributed = attribution !== null;
    const pieces: Clause[] =
      spans.length === 1
        ? clauses(unit, spans[0]!, (left, right, join) =>
            join === 'before' || join === 'after' || (join === 'own-subject' && attributed) || (hasDateOrCue(left) && hasDateOrCue(right)),
          )
        : [{ span: { start: spans[0]!.start, end: spans.at(-1)!.end }, join: 'first' }];

    const claimedAt = attribution?.adjunct ? firstReading(attribution.adjunct, unit.text, reference, today) : null;
    const subjectTokens = (span: Span) =>
      unit.tokens.filter((t) => t.start >= unit.start + span.start && t.end <= unit.start + span.end);
    const firstSubject = subjectOf(subjectTokens(pieces[0]!.span));
    const subjectName = (subject: string | null): string | null => {
      if (!subject) return null;
      const named = mentions.find((m) => subject.includes(m.name));
      if (named) return discourse.names.canonical(named.name);
      return refersToOrganisation(subject) ? resolveSource(subject, {}, discourse) : null;
    };
    const sentenceSubject = subjectName(firstSubject);

    let origin = writer;
    let verb = 'reported';
    let citing: string | undefined;
    if (attribution && attribution.source !== '') {
      origin = resolveSource(attribution.source, { subject: sentenceSubject }, discourse);
      verb = attribution.verb;
      if (attribution.citing) citing = resolveSource(attribution.citing, {}, discourse);
    } else if (attribution?.form === 'reportedly') {
      origin = reportedlyFrom(i, prose, attributions, discourse) ?? 'unnamed reports';
    }
    const ownVoice = origin === writer || origin === publisher || origin === wire || origin === '';
    const relays = ownVoice ? [] : [...new Set([wire].filter((w): w is string => Boolean(w) && w !== origin && w !== publisher))];
    const contentNames = (span: Span): NameMention[] =>
      mentions.filter((m) => m.start >= unit.start + span.start && m.end <= unit.start + span.end);

    const made: Draft[] = [];
    // Around an attribution inside the content ("…, the people said, raising …") the statement is both sides.
    const contentSpans = pieces.length === 1 && spans.length === 2 ? spans : null;
    pieces.forEach((piece, index) => {
      const clauseText = contentSpans ? joinedContent(unit, contentSpans) : unit.text.slice(piece.span.start, piece.span.end);
      const mainText = contentSpans ? unit.text.slice(contentSpans[0]!.start, contentSpans[0]!.end) : clauseText;
      const phrases = contentSpans ? contentSpans.flatMap(readIn) : readIn(piece.span);
      const unread = phrases.length === 0 && findDatePhrases(clauseText).length > 0;
      const cue = piece.join === 'before' || piece.join === 'after' ? null : sequenceCue(clauseText);
      if (!attributed && phrases.length === 0 && !unread && !cue && piece.join !== 'before' && piece.join !== 'after') return;
      const previousClause = made.at(-1);
      const contrastAfterOpening = opensWithContrast(clauseText) && drafts.at(-1)?.cue?.kind === 'opens' && made.length === 0;
      const date = unread ? { date: null } : eventDate({
        phrases,
        cue: contrastAfterOpening ? { kind: 'follows', quote: 'But' } : cue,
        clauseText: mainText,
        join: piece.join,
        sibling: previousClause ?? null,
        earlier: drafts,
        upper: upperBound(claimedAt),
        sameParagraph: (d) => d.unit.paragraph === unit.paragraph,
        sentence: unit.text,
        today,
      });

      const quoteStart = index === 0 ? Math.max(start, 0) : piece.span.start;
      const quoteEnd = index === pieces.length - 1 ? unit.text.replace(/\s+$/u, '').length : piece.span.end;
      const quote = unit.text.slice(quoteStart, quoteEnd).trim();

      let statement: string;
      let leading: string | null = null;
      if (piece.join === 'before' || piece.join === 'after') {
        const about = contentNames(pieces[0]!.span)[0];
        leading = about ? discourse.names.canonical(about.name) : sentenceSubject;
        statement = gerundStatement(clauseText, leading ?? firstSubject ?? '');
      } else if (piece.join === 'shared-subject') {
        leading = sentenceSubject;
        statement = statementFrom(clauseText, { subject: firstSubject, subjectMissing: true });
      } else if (attribution?.objectStatement && !carried) {
        leading = origin;
        const from = attribution.clause.start;
        const printedSource = unit.text.slice(from).indexOf(attribution.source);
        const whole = unit.text.slice(from + Math.max(0, printedSource) + attribution.source.length, piece.span.end);
        statement = statementFrom(`${origin}${whole}`);
      } else {
        const pronoun = /^(?:that\s+)?(?:it|he|she|they)\b/iu.exec(clauseText.replace(/^(?:But|And|However),?\s+/u, ''));
        if (pronoun) {
          const sourceIsSubject = attribution && attribution.form === 'leading' && !ownVoice;
          leading = sourceIsSubject ? origin : (previousClause?.proposal.actors[0] ?? sentenceSubject ?? discourse.organisation);
        }
        else leading = subjectName(subjectOf(subjectTokens(piece.span)));
        statement = statementFrom(clauseText, pronoun ? { subject: leading } : {});
      }

      const exclude = [wire, publisher, citing ?? null, ...(attribution?.objectStatement ? [] : [ownVoice ? null : origin])];
      const actors = actorsOf(contentNames(piece.span), discourse.names, { leading, exclude });
      const proposal: ClaimProposal = {
        statement,
        quote,
        origin,
        verb,
        ...(citing && { citing }),
        relays,
        publisher,
        date: date.date,
        claimedAt,
        actors,
        ownVoice,
        alreadyTracked: tracked(quote),
      };
      made.push({
        proposal,
        unit,
        clause: piece,
        cue: piece.join === 'before' || piece.join === 'after' ? null : contrastAfterOpening ? { kind: 'follows', quote: 'But' } : cue,
        at: unit.start + quoteStart,
        paragraphRank: paragraphRank.get(unit.paragraph) ?? 0,
        datedByPhrase: phrases.length > 0,
        sincePhrase: phrases.length > 0 && SINCE.test(phrases[0]!.phrase),
      });
    });
    if (made.length > 0) {
      drafts.push(...made);
      draftsOf.set(i, made);
      discourse.credit(origin, verb === 'reported' && !attribution?.objectStatement && attribution?.form !== 'according-to');
    }
  };

  for (let i = 0; i < prose.length; i++) {
    const unit = prose[i]!;
    const attribution = attributions[i] ?? null;
    const mentions = nameMentions(unit, inside);
    if (attribution?.form === 'passive') {
      attachPassive(i, attribution, text, prose, draftsOf, discourse, (j, a) => build(j, a, false));
      discourse.mention(mentions);
      continue;
    }
    if (NO_COMMENT.test(unit.text) && !attribution) {
      discourse.mention(mentions);
      continue;
    }
    const carried = !attribution || attribution.form === 'reportedly' ? carriedAttribution(i, prose, attributions) : null;
    const passiveNext = attribution?.form === 'reportedly' && attributions[i + 1]?.form === 'passive';
    if (!passiveNext) build(i, carried ?? attribution, carried !== null);
    discourse.mention(mentions);
  }

  const proposals = drafts.map((d) => d.proposal);
  return { ok: true, proposals, relations: relationsBetween(drafts) };
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

/**
 * A statement the writer gives without attribution, in a paragraph that ends by saying whose report it all is
 * ("… since last year and had initially selected Baidu. But … fell short …, The Information reported.").
 */
function carriedAttribution(i: number, prose: readonly Unit[], attributions: ReadonlyArray<Attribution | null>): Attribution | null {
  const paragraph = prose[i]!.paragraph;
  for (let j = i + 1; j < prose.length && prose[j]!.paragraph === paragraph; j++) {
    const later = attributions[j];
    if (!later) continue;
    const closes = (later.form === 'trailing' || later.form === 'according-to') && (later.content[0]?.start ?? 0) <= 1 && later.clause.start > 0;
    return closes ? later : null;
  }
  return null;
}

/** Who "reportedly" stands for: a source named as reporting in the next two sentences, else the last one. */
function reportedlyFrom(i: number, prose: readonly Unit[], attributions: ReadonlyArray<Attribution | null>, discourse: Discourse): string | null {
  for (let j = i + 1; j <= i + 2 && j < prose.length; j++) {
    const later = attributions[j];
    if (later && later.source !== '' && (later.verb === 'reported' || later.verb === 'according to') && /^\p{Lu}/u.test(later.source)) {
      return resolveSource(later.source, {}, discourse);
    }
  }
  return discourse.media;
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
  if (last) last.proposal.quote = text.slice(last.at, prose[i]!.end).trim();
  discourse.credit(origin, true);
}

interface DateContext {
  phrases: readonly ReadPhrase[];
  cue: SequenceCue | null;
  clauseText: string;
  join: ClauseJoin;
  sibling: Draft | null;
  earlier: readonly Draft[];
  upper: string | undefined;
  sameParagraph: (draft: Draft) => boolean;
  sentence: string;
  today: string;
}

function eventDate(context: DateContext): { date: ProposedDate | null } {
  const { phrases, upper } = context;
  if (phrases.length > 0) {
    const best = phrases.find((p) => p.adverbial) ?? phrases[0]!;
    return { date: { value: best.date.value, phrase: best.phrase } };
  }
  if (!upper) return { date: null };
  const bounded = (lower: string | null): ProposedDate => {
    if (lower) {
      const date = readDate(`${lower}/${upper}`, context.sentence, undefined, context.today);
      if (date) return { value: date.value, phrase: null };
    }
    return { value: `../${upper}`, phrase: null };
  };
  const sibling = context.sibling;
  if (sibling && (context.join === 'shared-subject' || context.join === 'own-subject') && sibling.proposal.date) {
    if (sibling.sincePhrase) return { date: { value: firstEnd(sibling.proposal.date.value) ?? sibling.proposal.date.value, phrase: null } };
    if (!sibling.datedByPhrase) return { date: sibling.proposal.date };
  }
  const cue = context.cue;
  if (cue && (cue.kind === 'follows' || cue.kind === 'same-time')) {
    const anchor = [...context.earlier].reverse().find((d) => d.proposal.date && firstEnd(d.proposal.date.value));
    return { date: bounded(anchor ? firstEnd(anchor.proposal.date!.value) : null) };
  }
  if (cue && cue.kind === 'opens') {
    const before = [...context.earlier].reverse().find((d) => context.sameParagraph(d) && d.proposal.date && firstEnd(d.proposal.date.value));
    if (before) return { date: bounded(firstEnd(before.proposal.date!.value)) };
  }
  if (FORWARD.test(context.clauseText)) {
    const date = readDate(`${upper}/..`, context.sentence, undefined, context.today);
    return { date: date ? { value: date.value, phrase: null } : null };
  }
  return { date: bounded(null) };
}

/** The order the text states, from each proposal's cue, each pair once. */
function relationsBetween(drafts: readonly Draft[]): ProposedRelation[] {
  const relations: ProposedRelation[] = [];
  const seen = new Set<string>();
  const add = (from: number, relation: ProposedRelation['relation'], to: number, quote: string) => {
    const key = [Math.min(from, to), Math.max(from, to)].join(':');
    if (from === to || seen.has(key) || quote === '') return;
    seen.add(key);
    relations.push({ from, relation, to, quote });
  };
  const near = (a: Draft, b: Draft) => Math.abs(a.paragraphRank - b.paragraphRank) <= 1;
  drafts.forEach((draft, i) => {
    const previous = drafts[i - 1];
    const next = drafts[i + 1];
    if ((draft.clause.join === 'before' || draft.clause.join === 'after') && previous && previous.unit === draft.unit) {
      add(i - 1, draft.clause.join, i, draft.clause.cue ?? '');
    }
    const cue = draft.cue;
    if (!cue) return;
    if (cue.kind === 'opens' && next && near(draft, next)) add(i, 'before', i + 1, cue.quote);
    else if (cue.kind === 'follows' && previous && near(draft, previous) && cue.quote !== 'But') add(i, 'after', i - 1, cue.quote);
    else if (cue.kind === 'precedes' && previous && near(draft, previous)) add(i, 'before', i - 1, cue.quote);
    else if (cue.kind === 'same-time' && previous && near(draft, previous)) add(i, 'same-time', i - 1, cue.quote);
  });
  return relations;
}
