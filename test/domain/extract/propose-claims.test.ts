import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeClaims } from '../../../src/domain/extract/propose-claims.js';
import type { ArticleInput, ClaimProposal } from '../../../src/domain/extract/types.js';

const TODAY = '2026-01-01';
const SEED_TEXT = readFileSync(new URL('../../../data/seed/apple-alibaba-article.txt', import.meta.url), 'utf8');
const SEED = {
  text: SEED_TEXT,
  publishedAt: '2025-02-11',
  publisher: 'Asia Financial',
  credit: 'Reuters, with additional editing and inputs from Vishakha Saxena',
  title: 'Apple Taps Alibaba to Bring AI to Chinese iPhones: Report',
};

function proposals(article: ArticleInput, trackedQuotes: string[] = []): ClaimProposal[] {
  const outcome = proposeClaims(article, { today: TODAY, trackedQuotes });
  if (!outcome.ok) throw new Error(`expected proposals, got: ${outcome.message}`);
  return outcome.proposals;
}

const proposalQuoting = (list: ClaimProposal[], words: string) => {
  const found = list.find((p) => p.quote.includes(words));
  if (!found) throw new Error(`no proposal quotes “${words}”; quotes: ${list.map((p) => p.quote).join(' | ')}`);
  return found;
};

const story = (text: string, extra: Partial<ArticleInput> = {}): ArticleInput => ({
  text,
  publishedAt: '2025-03-04',
  publisher: 'Pacific Business Review',
  ...extra,
});

describe('proposeClaims on the seeded article', () => {
  const list = proposals(SEED);

  it('proposes each seeded claim once, none of the page chrome, and every quote is in the text as printed', () => {
    expect(list).toHaveLength(13);
    for (const proposal of list) expect(SEED_TEXT).toContain(proposal.quote.split('\n')[0]);
    expect(list.some((p) => /digital journalist|Also read|Photo/.test(p.quote))).toBe(false);
  });

  it('reads "the report said" as The Information, relayed by the wire of the credit line, published by Asia Financial', () => {
    const passed = proposalQuoting(list, 'it passed on Deepseek');

    expect(passed).toMatchObject({
      statement: 'Apple passed on Deepseek as the startup’s team lacked the manpower and experience needed to support a large customer.',
      origin: 'The Information',
      verb: 'said',
      relays: ['Reuters'],
      publisher: 'Asia Financial',
      ownVoice: false,
      date: { value: '2024/2025-02-11', phrase: null },
    });
  });

  it('gives a sentence the writer states in their own voice to the wire, with no relay', () => {
    const huawei = proposalQuoting(list, 'companies like Huawei');

    expect(huawei).toMatchObject({ origin: 'Reuters', verb: 'reported', relays: [], ownVoice: true, date: { value: '2024/..', phrase: 'since last year' } });
  });

  it('names "the company" by the company last named, and keeps the verb of a forecast in the statement', () => {
    const forecast = proposalQuoting(list, 'has forecast');

    expect(forecast).toMatchObject({
      origin: 'Apple',
      verb: 'forecast',
      statement: 'Apple has forecast strong sales growth in the current quarter, fanning hopes that iPhone demand will rebound.',
      date: { value: '2025-Q1', phrase: 'the current quarter' },
      actors: ['Apple'],
    });
  });

  it('takes "reportedly" from the next sentence naming the report, and quotes both', () => {
    const partnering = proposalQuoting(list, 'reportedly partnering');

    expect(partnering.origin).toBe('The Information');
    expect(partnering.quote).toContain('reported by The Information');
    expect(partnering.statement).toBe('Apple is partnering with Chinese technology giant Alibaba to finally roll out its artificial intelligence features for iPhone users in China.');
  });

  it('cuts "since last year and had initially selected Baidu" in two, the second dated by the first', () => {
    const searching = proposalQuoting(list, 'searching for a local partner');
    const selected = proposalQuoting(list, 'initially selected Baidu');

    expect(searching.quote).not.toContain('Baidu');
    expect(searching.date).toEqual({ value: '2024/..', phrase: 'since last year' });
    expect(selected).toMatchObject({ origin: 'The Information', date: { value: '2024', phrase: null }, actors: ['Apple', 'Baidu'] });
  });

  it('orders the story with the words that say so', () => {
    const outcome = proposeClaims(SEED, { today: TODAY });
    if (!outcome.ok) throw new Error(outcome.message);
    const named = outcome.relations.map((r) => [
      outcome.proposals[r.from]!.quote.slice(0, 30),
      r.relation,
      outcome.proposals[r.to]!.quote.slice(0, 30),
      r.quote,
    ]);

    expect(named).toEqual([
      ['had initially selected Baidu a', 'before', 'But the Chinese company’s prog', 'initially'],
      ['After that, Apple considered m', 'after', 'But the Chinese company’s prog', 'After that'],
      ['Ultimately, Apple decided to g', 'after', 'it passed on Deepseek as the s', 'Ultimately'],
      ['Those factors led Apple to bri', 'before', 'before recovering in the third', 'before recovering'],
    ]);
  });

  it('marks every proposal already tracked when the seeded claims are stored', () => {
    const seed = JSON.parse(readFileSync(new URL('../../../data/seed/apple-alibaba.json', import.meta.url), 'utf8')) as {
      claims: Array<{ attributions: Array<{ quote?: string }> }>;
    };
    const quotes = seed.claims.flatMap((c) => c.attributions.flatMap((a) => (a.quote ? [a.quote] : [])));

    expect(proposals(SEED, quotes).filter((p) => !p.alreadyTracked)).toEqual([]);
  });

  it('marks a proposal already tracked when a stored claim quotes the same passage', () => {
    const tracked = proposals(SEED, ['had initially selected Baidu as its main partner']);

    expect(proposalQuoting(tracked, 'initially selected Baidu').alreadyTracked).toBe(true);
    expect(proposalQuoting(tracked, 'searching for a local partner').alreadyTracked).toBe(false);
  });
});

describe('proposeClaims: who made the claim', () => {
  const TABLE: Array<{ name: string; text: string; quoting: string; origin: string; verb?: string }> = [
    {
      name: '"it said" is the organisation last named, without its corporate suffix',
      text: 'Acme Corp posted a record profit in the fourth quarter. Demand for its servers will double this year, it said.',
      quoting: 'Demand for its servers',
      origin: 'Acme',
    },
    {
      name: '"the company said" is the company the sentence opens with',
      text: 'Kestrel Telecom and Brightline Networks met in January. Kestrel cut prices in February, the company said.',
      quoting: 'cut prices in February',
      origin: 'Kestrel Telecom',
    },
    {
      name: '"the people said" is the unnamed source before',
      text: 'Hanul is in talks to buy Veridian, two people familiar with the matter said. A deal could come next month, the people said.',
      quoting: 'next month',
      origin: 'two people familiar with the matter',
    },
    {
      name: 'a short name is the full name given first',
      text: 'Pilots voted to strike on June 10, said Capt. Dana Whitfield of the union. "We are tired," Whitfield said in March.',
      quoting: 'We are tired',
      origin: 'Dana Whitfield',
    },
    {
      name: '"she said" is the person last named',
      text: 'Jane Porter, the chief executive of Acme, spoke to investors in May. She said sales would rise next year.',
      quoting: 'She said',
      origin: 'Jane Porter',
    },
    {
      name: 'a spokeswoman speaks for her company',
      text: 'Voltaris Motors Inc. delayed its plant in 2025. A Voltaris spokeswoman said the company reviews its plans.',
      quoting: 'spokeswoman',
      origin: 'Voltaris Motors',
    },
    {
      name: 'a filing is its owner’s',
      text: 'Veridian Micro shipped its first chip in 2012. Veridian reported revenue of $610 million last year, according to its annual filing.',
      quoting: 'annual filing',
      origin: 'Veridian Micro',
      verb: 'according to',
    },
    {
      name: 'a descriptor before a name is not part of it',
      text: 'EV sales rose 7% in the first half of 2025, according to research firm Motorintel. Prices of electric cars fell in 2024.',
      quoting: 'Motorintel',
      origin: 'Motorintel',
    },
    {
      name: '"the newspaper" is the newspaper last named',
      text: 'Kestrel confirmed talks on Nov. 6, a day after the Straits Ledger newspaper reported them. The newspaper said in November that a deal was close.',
      quoting: 'The newspaper said',
      origin: 'Straits Ledger',
    },
    {
      name: 'what a sentence calls a company before its name is not part of it',
      text: 'Rival Helix Bio said in March that its own pill had met its main goal. Prices of goods rose sharply in 2024.',
      quoting: 'Helix Bio said',
      origin: 'Helix Bio',
    },
    {
      name: 'a poll of economists is kept as the unnamed source it is',
      text: 'The central bank is expected to raise rates next month, economists polled by Reuters said. Prices of goods rose sharply in 2024.',
      quoting: 'raise rates',
      origin: 'economists polled by Reuters',
    },
    {
      name: 'a tally by a news agency is the agency’s',
      text: 'According to a Reuters tally, at least 40 banks cut their forecasts in March. Prices of goods rose sharply in 2024.',
      quoting: 'tally',
      origin: 'Reuters',
    },
    {
      name: '"the two companies said" is the two companies the sentence names',
      text: 'Harborline Logistics agreed to buy Maasgate for $2.4 billion, the two companies said Tuesday in a joint statement. Shares rose sharply in 2024.',
      quoting: 'agreed to buy',
      origin: 'Harborline Logistics and Maasgate',
    },
    {
      name: '"according to the statement" is who issued the statement',
      text: 'Acme said in a statement on Monday that it would buy Beta. The deal values Beta at $10 a share, according to the statement.',
      quoting: 'values Beta',
      origin: 'Acme',
    },
    {
      name: '"a company filing showed" is the company the sentence is about',
      text: 'Volumes at Maasgate’s terminals fell 6% in the first half of 2025, a company filing showed. Rivals grew in 2024 and 2023.',
      quoting: 'Volumes',
      origin: 'Maasgate',
    },
    {
      name: 'a quotation standing alone goes on in the voice of the speaker before it',
      text: '"This fits like a glove," Chief Executive Sofia Brandt told reporters in June. "We expect the deal to pay for itself." She added that no terminals would close in 2025.',
      quoting: 'pay for itself',
      origin: 'Sofia Brandt',
    },
    {
      name: '"she added" after a quotation is the speaker',
      text: '"This fits like a glove," Chief Executive Sofia Brandt told reporters in June. "We expect the deal to pay for itself." She added that no terminals would close in 2025.',
      quoting: 'She added',
      origin: 'Sofia Brandt',
      verb: 'said',
    },
    {
      name: 'a clause with its own source and verb speaks for itself',
      text: 'Dockworkers went on strike for four days in October, and their union said last week that it wanted job guarantees. Talks between the two sides resumed in 2024.',
      quoting: 'their union said',
      origin: 'their union',
    },
    {
      name: 'a company that "reported" revenue after an appositive is the company',
      text: 'Harborline Logistics bought a port in 2021. Harborline, based in Copenhagen, reported record revenue of $9.1 billion for 2024.',
      quoting: 'record revenue',
      origin: 'Harborline Logistics',
      verb: 'reported',
    },
  ];

  it.each(TABLE)('when $name, then the proposal names it', ({ text, quoting, origin, verb }) => {
    const proposal = proposalQuoting(proposals(story(text)), quoting);

    expect(proposal.origin).toBe(origin);
    if (verb) expect(proposal.verb).toBe(verb);
  });

  it('when the wire in the dateline relays a named source, then the chain runs origin → wire → publisher', () => {
    const text = 'SEOUL, March 4 (Reuters) - Hanul is in talks to buy Veridian, Seoul Business Daily reported on Monday. Shares of Hanul rose sharply in 2024.';

    const [talks] = proposals(story(text));

    expect(talks).toMatchObject({ origin: 'Seoul Business Daily', relays: ['Reuters'], publisher: 'Pacific Business Review', ownVoice: false });
    expect(talks?.quote.startsWith('Hanul is in talks')).toBe(true);
  });

  it('when the wire reports what a document it cites says, then the document is the origin and the verb is "citing"', () => {
    const text = 'SEOUL, March 4 (Reuters) - Hanul plans to cut 200 jobs in 2025, Reuters reported, citing an internal memo. Shares fell sharply in 2024.';

    const [cuts] = proposals(story(text));

    expect(cuts).toMatchObject({ origin: 'an internal memo', verb: 'citing', relays: ['Reuters'], ownVoice: false });
    expect(cuts).not.toHaveProperty('citing');
  });

  it('when the story opens after its dateline with a plural, then that word is no actor', () => {
    const text = 'FRANKFURT, April 14 (Reuters) - Shares in drugmaker Orion Pharma AG fell 18% on April 14. Orion was founded in 1999.';

    expect(proposals(story(text))[0]?.actors).toEqual(['Orion Pharma']);
  });

  it('when the publisher is the wire itself, then nothing is relayed', () => {
    const text = 'SEOUL, March 4 (Reuters) - Hanul is in talks to buy Veridian, analysts said. Veridian was founded in 2011.';

    const list = proposals(story(text, { publisher: 'Reuters' }));

    expect(list.map((p) => [p.origin, p.relays, p.ownVoice])).toEqual([
      ['analysts', [], false],
      ['Reuters', [], true],
    ]);
  });
});

describe('proposeClaims: actors', () => {
  it('when a company is named with "& Co", then the actor keeps its "Co", which is half its name', () => {
    const [hired] = proposals(story('Ostrava Works hired Halden & Co in January to find buyers. The sale could close in June, the company said.'));

    expect(hired?.actors).toContain('Halden & Co');
    expect(hired?.actors).not.toContain('Halden &');
  });
});

describe('proposeClaims: a clause of the same subject that says something of its own', () => {
  it('when a company "reported … and said …", then what it said is a proposal of its own, said by the company', () => {
    const list = proposals(story('Ostrava Works reported a net loss of 118 million euros for the third quarter and said energy costs had risen 40% from a year earlier. Its shares fell in 2024.'));

    expect(list.slice(0, 2).map((p) => [p.statement, p.quote, p.origin, p.verb])).toEqual([
      ['Ostrava Works reported a net loss of 118 million euros for the third quarter.', 'Ostrava Works reported a net loss of 118 million euros for the third quarter', 'Ostrava Works', 'reported'],
      ['Energy costs had risen 40% from a year earlier.', 'said energy costs had risen 40% from a year earlier.', 'Ostrava Works', 'said'],
    ]);
  });
});

describe('proposeClaims: when it happened and when it was said', () => {
  const TABLE: Array<{ name: string; text: string; quoting: string; date: { value: string; phrase: string | null } | null; claimedAt?: string }> = [
    {
      name: 'a date phrase is read against the publication day',
      text: 'Hanul swung to a profit in the fourth quarter, the company said. Its shares fell in 2024.',
      quoting: 'fourth quarter',
      date: { value: '2024-Q4', phrase: 'the fourth quarter' },
    },
    {
      name: 'the day a report came out is when it was claimed, and what it reports happened by then',
      text: 'Seoul Business Daily reported in January that Hanul had hired advisers. Hanul was founded in 1998.',
      quoting: 'hired advisers',
      date: { value: '../2025-01', phrase: null },
      claimedAt: '2025-01',
    },
    {
      name: 'a statement about what is to come runs from when it was made',
      text: 'The deal would give Hanul a foothold in AI chips, analysts said. Hanul was founded in 1998.',
      quoting: 'foothold',
      date: { value: '2025-03-04/..', phrase: null },
    },
    {
      name: 'a statement about what is to come is not dated by a past year told in passing',
      text: 'The ministry said it would examine the deal under rules that took effect in 2023. Prices of goods rose sharply in 2024.',
      quoting: 'examine the deal',
      date: { value: '2025-03-04/..', phrase: null },
    },
    {
      name: 'a statement with no date holds by the publication day',
      text: 'Hanul has hired advisers, two people familiar with the matter said. Hanul was founded in 1998.',
      quoting: 'hired advisers',
      date: { value: '../2025-03-04', phrase: null },
    },
    {
      name: 'a weekday in a sentence about the past is the latest one, and a later "since" phrase does not date it',
      text: 'Its shares jumped 8.5% on Thursday to their highest level since 2023. Hanul was founded in 1998.',
      quoting: 'jumped',
      date: { value: '2025-02-27', phrase: 'Thursday' },
    },
    {
      name: 'a weekday in a sentence about what is to come is the next one',
      text: 'Hanul will report its results on Thursday, the company said. Hanul was founded in 1998.',
      quoting: 'results',
      date: { value: '2025-03-06', phrase: 'Thursday' },
    },
    {
      name: 'a vague date phrase the resolver refuses leaves the date empty rather than guessed',
      text: 'The plant will open in the coming months, the company said. Hanul was founded in 1998.',
      quoting: 'plant',
      date: null,
    },
  ];

  it.each(TABLE)('when $name', ({ text, quoting, date, claimedAt }) => {
    const proposal = proposalQuoting(proposals(story(text)), quoting);

    expect(proposal.date).toEqual(date);
    if (claimedAt) expect(proposal.claimedAt?.value).toBe(claimedAt);
  });

  it('when a dated sentence names two events, then each is a proposal with its own date', () => {
    const list = proposals(story('Veridian was founded in 2011 by former engineers and went public on the Nasdaq in 2019. Its revenue grew quickly in 2020.'));

    expect(list.slice(0, 2).map((p) => [p.statement, p.date?.value])).toEqual([
      ['Veridian was founded in 2011 by former engineers.', '2011'],
      ['Veridian went public on the Nasdaq in 2019.', '2019'],
    ]);
  });

  it('when a dated fact about the subject is told in passing, then it is a proposal of its own', () => {
    const list = proposals(story('Brightline, which was founded in 2004, has lost subscribers since 2023. Its rivals grew quickly in 2024.'));

    expect(list.slice(0, 2).map((p) => [p.statement, p.date?.value])).toEqual([
      ['Brightline was founded in 2004.', '2004'],
      ['Brightline has lost subscribers since 2023.', '2023/..'],
    ]);
  });
});

describe('proposeClaims: order between events', () => {
  it('when one report is said to follow another, then the relation says so with the words that do', () => {
    const outcome = proposeClaims(
      story('Kestrel confirmed on Thursday that it was in talks with Brightline, a day after the Straits Ledger newspaper reported that a deal was close. Shares of Kestrel rose sharply in 2024.'),
      { today: TODAY },
    );
    if (!outcome.ok) throw new Error(outcome.message);

    expect(outcome.proposals.slice(0, 2).map((p) => p.origin)).toEqual(['Kestrel', 'Straits Ledger']);
    expect(outcome.relations).toEqual([{ from: 0, relation: 'after', to: 1, quote: 'a day after' }]);
  });

  it('when "later" follows "initially", then the two are ordered once', () => {
    const outcome = proposeClaims(
      story('Voltaris initially planned to start production in 2026. The company later pushed the start to 2027, citing delays.'),
      { today: TODAY },
    );
    if (!outcome.ok) throw new Error(outcome.message);

    expect(outcome.relations).toEqual([{ from: 0, relation: 'before', to: 1, quote: 'initially' }]);
  });
});

describe('proposeClaims: text that is no article', () => {
  it.each([
    ['empty text', '   \n '],
    ['a menu of links', 'Home\nMarkets\nAutos\nSubscribe\nSign in'],
    ['one sentence', 'Apple chose Alibaba, the report said.'],
  ])('when given %s, then it says why and proposes nothing', (_name, text) => {
    const outcome = proposeClaims({ text, publishedAt: '2025-02-11' }, { today: TODAY });

    expect(outcome.ok).toBe(false);
    expect(outcome).not.toHaveProperty('proposals');
    if (!outcome.ok) expect(outcome.message).toMatch(/empty|does not read as an article/);
  });

  it('when a run-on longer than any sentence sits among sentences, then it is passed over and the sentences are read', () => {
    const runOn = `Acme said, ${'the report said, '.repeat(200)}it said in 2024.`;
    const text = `${runOn}\n\nAcme opened a plant in 2024, the company said. Its shares rose sharply in 2023.`;

    expect(proposals(story(text)).map((p) => p.quote)).toEqual(['Acme opened a plant in 2024, the company said.', 'Its shares rose sharply in 2023.']);
  });

  it('when an article has nothing attributed or dated, then it proposes nothing and says no more', () => {
    const outcome = proposeClaims(story('The market is large. Many companies sell phones there. Prices vary a great deal.'), { today: TODAY });

    expect(outcome).toEqual({ ok: true, proposals: [], relations: [] });
  });
});
