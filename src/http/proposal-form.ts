import { ACCEPT_LIMIT, proposedDateText } from '../domain/extract/acceptance-form.js';
import type { ClaimProposal, ProposedRelation } from '../domain/extract/types.js';
import { RELATION_WORDS, relationSentence } from '../domain/sequence/relation-kind.js';
import { RELATION_KINDS, type Document, type RelationKind } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';

/**
 * The proposals page's form, which is flat (`p3.statement`, `r0.keep`) because the app's forms are: one row of
 * fields per proposal and per relation, turned into the accept body the API takes, and back into rows to show
 * again with everything typed when it is refused.
 */

/** One proposal as the form holds it: text as typed, marks as the reading gave them. */
export interface ProposalRow {
  keep: boolean;
  statement: string;
  quote: string;
  origin: string;
  verb: string;
  citing: string;
  relays: string;
  publisher: string;
  date: string;
  claimedAt: string;
  actors: string;
  ownVoice: boolean;
  alreadyTracked: boolean;
}

/** One proposed relation as the form holds it: `from` and `to` are rows of the form. */
export interface RelationRow {
  keep: boolean;
  from: number;
  relation: string;
  to: number;
  quote: string;
}

const PROPOSAL_TEXT = ['statement', 'quote', 'origin', 'verb', 'citing', 'relays', 'publisher', 'date', 'claimedAt', 'actors'] as const;
/** What a person may change; the rest travels in hidden fields so a refused form comes back as it was shown. */
export const EDITABLE_PROPOSAL_FIELDS = ['statement', 'quote', 'origin', 'verb', 'relays', 'date', 'claimedAt', 'actors'] as const;

/** A reading's proposals as rows: dates as the add form takes them, what a stored claim already quotes left unticked. */
export function proposalRows(proposals: readonly ClaimProposal[], document: Document, today: string): ProposalRow[] {
  return proposals.map((p) => ({
    keep: !p.alreadyTracked,
    statement: p.statement,
    quote: p.quote,
    origin: p.origin,
    verb: p.verb,
    citing: p.citing ?? '',
    relays: p.relays.join(', '),
    publisher: p.publisher ?? '',
    date: p.date ? proposedDateText(p.date, p.quote, document.publishedAt, today) : '',
    claimedAt: p.claimedAt ? proposedDateText(p.claimedAt, p.quote, document.publishedAt, today) : '',
    actors: p.actors.join(', '),
    ownVoice: p.ownVoice,
    alreadyTracked: p.alreadyTracked,
  }));
}

/** The reading's relations as rows, ticked where both their proposals are. */
export const relationRows = (relations: readonly ProposedRelation[], proposals: readonly ProposalRow[]): RelationRow[] =>
  relations.map((r) => ({ keep: Boolean(proposals[r.from]?.keep && proposals[r.to]?.keep), ...r }));

type Body = Record<string, unknown>;
const textIn = (body: Body, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
const countIn = (body: Body, name: string) => {
  const n = Number(textIn(body, name));
  return Number.isInteger(n) && n > 0 ? Math.min(n, ACCEPT_LIMIT) : 0;
};

/** The rows a submitted proposals form holds, as typed. */
export function rowsFromForm(form: unknown): { proposals: ProposalRow[]; relations: RelationRow[]; editor: string } {
  const body = (typeof form === 'object' && form !== null ? form : {}) as Body;
  const proposals = Array.from({ length: countIn(body, 'count') }, (_, i) => {
    const row = Object.fromEntries(PROPOSAL_TEXT.map((field) => [field, textIn(body, `p${i}.${field}`)])) as Record<(typeof PROPOSAL_TEXT)[number], string>;
    return { ...row, keep: body[`p${i}.keep`] !== undefined, ownVoice: textIn(body, `p${i}.ownVoice`) === 'true', alreadyTracked: textIn(body, `p${i}.alreadyTracked`) === 'true' };
  });
  const relations = Array.from({ length: countIn(body, 'relationCount') }, (_, j) => ({
    keep: body[`r${j}.keep`] !== undefined,
    from: Number(textIn(body, `r${j}.from`)),
    relation: textIn(body, `r${j}.relation`),
    to: Number(textIn(body, `r${j}.to`)),
    quote: textIn(body, `r${j}.quote`),
  }));
  return { proposals, relations, editor: textIn(body, 'editor') };
}

const label = (row: ProposalRow | undefined) => (row ? `“${row.statement.length > 70 ? `${row.statement.slice(0, 69)}…` : row.statement}”` : 'a proposal');

/**
 * The accept body for the ticked rows, in the API's terms (`proposals` are the ticked ones, relations index them),
 * and a way back from the API's field names to the form's (`proposals[1].quote` → `p4.quote`, its message naming
 * the proposal). A ticked relation is kept when both its proposals are, as the page says.
 */
export function acceptanceFromRows(rows: ReturnType<typeof rowsFromForm>): { body: Body; toForm: (error: FieldError) => FieldError } {
  const kept = rows.proposals.flatMap((row, index) => (row.keep ? [index] : []));
  const position = new Map(kept.map((row, at) => [row, at]));
  const relationRowsKept: number[] = [];
  const relations = rows.relations.flatMap((relation, j) => {
    const [from, to] = [position.get(relation.from), position.get(relation.to)];
    if (!relation.keep || from === undefined || to === undefined) return [];
    relationRowsKept.push(j);
    return [{ from, relation: relation.relation, to, ...(relation.quote && { quote: relation.quote }) }];
  });
  const proposals = kept.map((index) => {
    const row = rows.proposals[index]!;
    return {
      statement: row.statement,
      quote: row.quote,
      origin: row.origin,
      verb: row.verb,
      ...(row.citing && { citing: row.citing }),
      relays: row.relays,
      date: row.date,
      claimedAt: row.claimedAt || null,
      actors: row.actors,
    };
  });
  const toForm = (error: FieldError): FieldError => {
    const proposal = /^proposals\[(\d+)\]\.?(\w*)/.exec(error.field);
    if (proposal) {
      const row = kept[Number(proposal[1])] ?? 0;
      const field = (EDITABLE_PROPOSAL_FIELDS as readonly string[]).includes(proposal[2] ?? '') ? proposal[2] : 'statement';
      return { field: `p${row}.${field}`, message: `Proposal ${row + 1} (${label(rows.proposals[row])}): ${error.message}` };
    }
    const relation = /^relations\[(\d+)\]/.exec(error.field);
    if (relation) {
      const row = relationRowsKept[Number(relation[1])] ?? 0;
      return { field: `r${row}.keep`, message: `Relation ${row + 1}: ${error.message}` };
    }
    return error;
  };
  return { body: { proposals, relations, editor: rows.editor }, toForm };
}

const isRelationKind = (value: string): value is RelationKind => (RELATION_KINDS as readonly string[]).includes(value);

/** The rows as the proposals page shows them: each field with its form name and its error, each relation in words. */
export function proposalsView(rows: ReturnType<typeof rowsFromForm>, errors: readonly FieldError[]) {
  const errorOf = new Map(errors.map((e) => [e.field, e.message]));
  const short = (index: number) => label(rows.proposals[index]);
  return {
    proposals: rows.proposals.map((row, i) => ({
      number: i + 1,
      keep: { name: `p${i}.keep`, checked: row.keep, error: errorOf.get(`p${i}.keep`) },
      fields: Object.fromEntries(EDITABLE_PROPOSAL_FIELDS.map((field) => [field, { name: `p${i}.${field}`, value: row[field], error: errorOf.get(`p${i}.${field}`) }])),
      hidden: [
        { name: `p${i}.citing`, value: row.citing },
        { name: `p${i}.publisher`, value: row.publisher },
        { name: `p${i}.ownVoice`, value: String(row.ownVoice) },
        { name: `p${i}.alreadyTracked`, value: String(row.alreadyTracked) },
      ],
      citing: row.citing,
      publisher: row.publisher,
      ownVoice: row.ownVoice,
      alreadyTracked: row.alreadyTracked,
      hasError: [...errorOf.keys()].some((field) => field.startsWith(`p${i}.`)),
    })),
    relations: rows.relations.map((relation, j) => ({
      number: j + 1,
      keep: { name: `r${j}.keep`, checked: relation.keep, error: errorOf.get(`r${j}.keep`) },
      hidden: [
        { name: `r${j}.from`, value: String(relation.from) },
        { name: `r${j}.to`, value: String(relation.to) },
        { name: `r${j}.quote`, value: relation.quote },
      ],
      relation: {
        name: `r${j}.relation`,
        label: `Proposal ${relation.from + 1} happened`,
        value: relation.relation,
        options: RELATION_KINDS.map((kind) => ({ value: kind, label: RELATION_WORDS[kind] })),
      },
      sentence: isRelationKind(relation.relation) ? relationSentence(short(relation.from), relation.relation, short(relation.to)) : `${short(relation.from)} · ${short(relation.to)}`,
      from: relation.from + 1,
      to: relation.to + 1,
      quote: relation.quote,
    })),
    count: rows.proposals.length,
    relationCount: rows.relations.length,
  };
}
