import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../src/domain/dates/claim-date.js';
import { sequenceOf } from '../../src/domain/sequence/sequence.js';
import { adjustTally, layoutFromTally, layoutTimeline, tallyClusters, type LayoutOptions, type TimelineLayout } from '../../src/domain/timeline-layout.js';
import type { Claim, Status } from '../../src/domain/types.js';

interface ClaimSpec {
  id: string;
  date: string;
  claimedAt?: string;
  statement?: string;
  actors?: string[];
  origins?: string[];
  relays?: string[];
  status?: Status;
  supersedes?: string[];
}

function makeClaim(spec: ClaimSpec): Claim {
  return {
    id: spec.id,
    storyId: 'story',
    statement: spec.statement ?? `Statement ${spec.id}`,
    date: dateFromValue(spec.date),
    claimedAt: dateFromValue(spec.claimedAt ?? spec.date),
    actors: spec.actors ?? ['OpenAI'],
    topics: [],
    status: spec.status ?? 'reported',
    statusHistory: [],
    attributions: [
      ...(spec.origins ?? []).map((sourceId) => ({ sourceId, role: 'origin' as const, verb: 'said' })),
      ...(spec.relays ?? []).map((sourceId) => ({ sourceId, role: 'relay' as const, verb: 'reported' })),
    ],
    supersedes: spec.supersedes ?? [],
    revision: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

const sourceNames: Record<string, string> = { reuters: 'Reuters', 'the-information': 'The Information', bloomberg: 'Bloomberg' };

function layout(claims: Claim[], options: Partial<LayoutOptions> = {}): TimelineLayout {
  return layoutTimeline(claims, { laneBy: 'actor', sourceName: (id) => sourceNames[id] ?? id, ...options });
}

const pxPerDay = (l: TimelineLayout, days: number) => (l.plotRight - l.plotLeft) / days;

function markOf(l: TimelineLayout, claimId: string, lane?: string) {
  const mark = l.marks.find((m) => m.claimId === claimId && (lane === undefined || m.lane === lane));
  if (!mark) throw new Error(`no mark for ${claimId}`);
  return mark;
}

describe('layoutTimeline', () => {
  it('when a claim is dated to a quarter, then its band is exactly that quarter long on the axis', () => {
    const l = layout([makeClaim({ id: 'q2', date: '2024-Q2' })], { from: '2024-01-01', to: '2024-12-31' });
    const perDay = pxPerDay(l, 366);
    const mark = markOf(l, 'q2');

    expect(mark.shape).toBe('band');
    expect(mark.x).toBeCloseTo(l.plotLeft + 91 * perDay, 1);
    expect(mark.width).toBeCloseTo(91 * perDay, 1);
  });

  it('when a claim is dated to a year, then its band is a year long and starts on 1 January', () => {
    const l = layout([makeClaim({ id: 'y', date: '2024' })], { from: '2023-01-01', to: '2025-12-31' });
    const perDay = pxPerDay(l, 1096);
    const mark = markOf(l, 'y');

    expect(mark.shape).toBe('band');
    expect(mark.x).toBeCloseTo(l.plotLeft + 365 * perDay, 1);
    expect(mark.width).toBeCloseTo(366 * perDay, 1);
  });

  it('when a claim is dated to a day, then it is a dot in the middle of that day', () => {
    const l = layout([makeClaim({ id: 'd', date: '2024-01-11' })], { from: '2024-01-01', to: '2024-12-31' });
    const mark = markOf(l, 'd');

    expect(mark.shape).toBe('dot');
    expect(mark.width).toBe(0);
    expect(mark.x).toBeCloseTo(l.plotLeft + 10.5 * pxPerDay(l, 366), 1);
  });

  it('when claims are dated to a month and to a range, then the month is a short bar and the range a band', () => {
    const l = layout(
      [makeClaim({ id: 'm', date: '2024-02' }), makeClaim({ id: 'r', date: '2024-10/2024-12', actors: ['Baidu'] })],
      { from: '2024-01-01', to: '2024-12-31' },
    );
    const perDay = pxPerDay(l, 366);

    expect(markOf(l, 'm').shape).toBe('bar');
    expect(markOf(l, 'm').width).toBeCloseTo(29 * perDay, 1);
    expect(markOf(l, 'r').shape).toBe('band');
    expect(markOf(l, 'r').width).toBeCloseTo(92 * perDay, 1);
  });

  it('when the axis spans two years, then year ticks sit on 1 January and quarter ticks on 1 April, July and October', () => {
    const l = layout([], { from: '2024-01-01', to: '2025-12-31' });
    const perDay = pxPerDay(l, 731);
    const at = (days: number) => Math.round((l.plotLeft + days * perDay) * 100) / 100;

    expect(l.ticks).toEqual([
      { x: at(0), label: '2024', kind: 'year' },
      { x: at(91), label: 'Q2', kind: 'quarter' },
      { x: at(182), label: 'Q3', kind: 'quarter' },
      { x: at(274), label: 'Q4', kind: 'quarter' },
      { x: at(366), label: '2025', kind: 'year' },
      { x: at(456), label: 'Q2', kind: 'quarter' },
      { x: at(547), label: 'Q3', kind: 'quarter' },
      { x: at(639), label: 'Q4', kind: 'quarter' },
    ]);
  });

  it('when the axis spans more than twelve years, then only year ticks are drawn', () => {
    const l = layout([], { from: '2000-01-01', to: '2019-12-31' });

    expect(l.ticks).toHaveLength(20);
    expect(l.ticks.every((tick) => tick.kind === 'year')).toBe(true);
  });

  it('when the claims come in another order, then lanes, rows and marks come out the same', () => {
    const claims = [
      makeClaim({ id: 'a', date: '2024-Q1', actors: ['Zhipu'] }),
      makeClaim({ id: 'b', date: '2024-02', actors: ['Zhipu'] }),
      makeClaim({ id: 'c', date: '2024-02-10', actors: ['Alibaba'] }),
      makeClaim({ id: 'd', date: '2024', actors: ['Baidu'] }),
      makeClaim({ id: 'e', date: '2024-03', actors: ['Baidu'] }),
      makeClaim({ id: 'f', date: '2024-03', actors: ['Zhipu'] }),
    ];
    const shuffled = [claims[4], claims[2], claims[5], claims[0], claims[3], claims[1]] as Claim[];

    const first = layout(claims, { from: '2024-01-01', to: '2024-12-31' });

    expect(layout(shuffled, { from: '2024-01-01', to: '2024-12-31' })).toEqual(first);
    expect(first.lanes.map((lane) => lane.label)).toEqual(['Zhipu', 'Baidu', 'Alibaba']);
  });

  it('when marks or their names in a lane overlap, then they stack into separate rows, and the lane grows to hold them', () => {
    const l = layout(
      [
        { ...makeClaim({ id: 'year', date: '2024' }), shortName: 'A name longer than the whole year is wide on this axis' },
        makeClaim({ id: 'june', date: '2024-06' }),
        makeClaim({ id: 'q1', date: '2025-Q1' }),
        makeClaim({ id: 'q4', date: '2026-Q4' }),
      ],
      { from: '2024-01-01', to: '2027-12-31' },
    );

    expect(markOf(l, 'june').y).toBeGreaterThan(markOf(l, 'year').y);
    // The year's name runs on past its end into the first quarter of 2025, so that quarter takes the next row.
    expect(markOf(l, 'q1').y).toBeGreaterThan(markOf(l, 'year').y);
    expect(markOf(l, 'q4').y).toBe(markOf(l, 'year').y);
    expect(l.lanes[0]?.height).toBe(2 * 22 + 8);
  });

  it('when a claim names three actors, then it appears once in each of their three lanes', () => {
    const l = layout([makeClaim({ id: 'deal', date: '2024-05-02', actors: ['Apple', 'OpenAI', 'Google'] })], {
      from: '2024-01-01',
      to: '2024-12-31',
    });

    expect(l.lanes.map((lane) => lane.key)).toEqual(['Apple', 'Google', 'OpenAI']);
    expect(l.marks.map((m) => m.lane)).toEqual(['Apple', 'Google', 'OpenAI']);
    expect(new Set(l.marks.map((m) => m.x)).size).toBe(1);
  });

  it('when claims name no actor, then they go to an "Other" lane drawn last even when it holds the most', () => {
    const l = layout(
      [
        makeClaim({ id: 'x1', date: '2024-01', actors: [] }),
        makeClaim({ id: 'x2', date: '2024-02', actors: [] }),
        makeClaim({ id: 'k', date: '2024-03', actors: ['Kimi'] }),
      ],
      { from: '2024-01-01', to: '2024-12-31' },
    );

    expect(l.lanes.map((lane) => lane.label)).toEqual(['Kimi', 'Other']);
    expect(l.lanes[1]!.y).toBeGreaterThan(l.lanes[0]!.y);
  });

  it('when lanes are by source, then each origin source gets a lane named after it and relays are ignored', () => {
    const l = layout(
      [
        makeClaim({ id: 'a', date: '2024-01', origins: ['the-information'], relays: ['reuters'] }),
        makeClaim({ id: 'b', date: '2024-02', origins: ['bloomberg', 'the-information'] }),
        makeClaim({ id: 'c', date: '2024-03' }),
      ],
      { from: '2024-01-01', to: '2024-12-31', laneBy: 'source' },
    );

    expect(l.lanes.map((lane) => [lane.key, lane.label])).toEqual([
      ['the-information', 'The Information'],
      ['bloomberg', 'Bloomberg'],
      ['', 'Other'],
    ]);
    expect(l.marks.filter((m) => m.claimId === 'b').map((m) => m.lane)).toEqual(['the-information', 'bloomberg']);
  });

  it('when a mark starts before the axis, then it is cut at the axis start; when it lies wholly outside, it is left out', () => {
    const l = layout(
      [makeClaim({ id: 'year', date: '2024' }), makeClaim({ id: 'before', date: '2024-03-01' })],
      { from: '2024-07-01', to: '2024-12-31' },
    );

    expect(l.marks.map((m) => m.claimId)).toEqual(['year']);
    expect(markOf(l, 'year').x).toBe(l.plotLeft);
    expect(markOf(l, 'year').width).toBeCloseTo(l.plotRight - l.plotLeft, 1);
    expect(l.claimCount).toBe(1);
  });

  it('when no range is asked for, then the axis fits all claims padded to whole quarters', () => {
    const l = layout([makeClaim({ id: 'a', date: '2025-02-03' }), makeClaim({ id: 'b', date: '2024-05-10' })]);

    expect([l.start, l.end]).toEqual(['2024-04-01', '2025-03-31']);
  });

  it('when there are no claims and no range, then nothing is drawn', () => {
    const l = layout([]);

    expect(l.start).toBe('');
    expect(l.lanes).toEqual([]);
    expect(l.ticks).toEqual([]);
  });

  it('when the range is not made of ISO days, then the layout refuses it', () => {
    expect(() => layout([], { from: '2024-02-30', to: '2024-12-31' })).toThrow(RangeError);
  });

  it('when more claims than the threshold are in view, then each lane shows one count per quarter linking to that quarter', () => {
    const claims = [
      makeClaim({ id: 'a', date: '2024-07-02', actors: ['Baidu'] }),
      makeClaim({ id: 'b', date: '2024-08', actors: ['Baidu'] }),
      makeClaim({ id: 'c', date: '2024-Q3', actors: ['Baidu'] }),
      makeClaim({ id: 'd', date: '2024-11-20', actors: ['Baidu'] }),
      makeClaim({ id: 'e', date: '2024-09-30', actors: ['Alibaba'] }),
    ];
    const l = layout(claims, { from: '2024-01-01', to: '2024-12-31', clusterAbove: 4 });
    const perDay = pxPerDay(l, 366);

    expect(l.clustered).toBe(true);
    expect(l.marks).toEqual([]);
    expect(l.clusters.map((c) => [c.lane, c.count, c.label, c.href])).toEqual([
      ['Baidu', 3, 'Q3 2024: 3 claims', '/?from=2024-07-01&to=2024-09-30'],
      ['Baidu', 1, 'Q4 2024: 1 claim', '/?from=2024-10-01&to=2024-12-31'],
      ['Alibaba', 1, 'Q3 2024: 1 claim', '/?from=2024-07-01&to=2024-09-30'],
    ]);
    expect(l.clusters[0]!.width).toBeCloseTo(92 * perDay, 1);
  });

  it('when exactly the threshold is in view, then marks are drawn, not counts', () => {
    const l = layout([makeClaim({ id: 'a', date: '2024-01' }), makeClaim({ id: 'b', date: '2024-02' })], {
      clusterAbove: 2,
    });

    expect(l.clustered).toBe(false);
    expect(l.marks).toHaveLength(2);
  });

  it('when a claim is replaced by another, then it is marked superseded with a link to the replacement named in its label', () => {
    const l = layout(
      [
        makeClaim({ id: 'baidu', date: '2024-06', statement: 'Baidu selected as partner' }),
        makeClaim({ id: 'alibaba', date: '2024-09', statement: 'Alibaba chosen as partner', supersedes: ['baidu'] }),
      ],
      { from: '2024-01-01', to: '2024-12-31' },
    );

    expect(markOf(l, 'baidu')).toMatchObject({ superseded: true, supersededBy: 'alibaba' });
    expect(markOf(l, 'baidu').label).toContain('superseded by “Alibaba chosen as partner”');
    expect(markOf(l, 'alibaba').superseded).toBe(false);
    expect(markOf(l, 'alibaba').supersededBy).toBeUndefined();
  });

  it('when a mark is drawn, then its accessible name gives the date, the statement and the origin sources, and it links to the claim', () => {
    const l = layout([makeClaim({ id: 'k1', date: '2024-06-15', statement: 'Deal signed', origins: ['reuters', 'bloomberg'] })], {
      from: '2024-01-01',
      to: '2024-12-31',
    });

    expect(markOf(l, 'k1').label).toBe('15 June 2024: Deal signed — Reuters, Bloomberg');
    expect(markOf(l, 'k1').href).toBe('/claims/k1');
  });

  it('when the axis is "claimed", then claims are placed by when they were claimed', () => {
    const claim = makeClaim({ id: 'c', date: '2023', claimedAt: '2024-03-01' });
    const l = layout([claim], { from: '2024-01-01', to: '2024-12-31', axis: 'claimed' });

    expect(markOf(l, 'c').shape).toBe('dot');
    expect(markOf(l, 'c').x).toBeCloseTo(l.plotLeft + 60.5 * pxPerDay(l, 366), 1);
    expect(markOf(l, 'c').label.startsWith('Claimed 1 March 2024: ')).toBe(true);
    expect(layout([claim], { from: '2024-01-01', to: '2024-12-31' }).marks).toEqual([]);
  });

  it('when a date is open-ended, then its band covers the known span and a fade runs on past its end', () => {
    const l = layout([makeClaim({ id: 'since', date: '2024/..' })], { from: '2023-01-01', to: '2025-12-31' });
    const mark = markOf(l, 'since');

    expect(mark).toMatchObject({ shape: 'band', openEnd: true, openStart: false });
    expect(mark.width).toBeCloseTo(366 * pxPerDay(l, 1096), 1);
    expect(mark.fadeEnd?.x).toBeCloseTo(mark.x + mark.width, 1);
    expect(mark.fadeEnd?.width).toBeGreaterThan(0);
    expect(mark.fadeStart).toBeUndefined();
  });
});

describe('many lanes', () => {
  it('keeps the busiest lanes and folds the rest into one “Other” lane', async () => {
    const { dateFromValue } = await import('../../src/domain/dates/claim-date.js');
    const claims = Array.from({ length: 20 }, (_, i) => ({
      id: `c${i}`,
      storyId: 'story',
      statement: `Claim ${i}`,
      date: dateFromValue('2024-Q1'),
      claimedAt: dateFromValue('2024-03-01'),
      actors: [`Actor ${String(i % 15).padStart(2, '0')}`],
      topics: [],
      status: 'reported' as const,
      statusHistory: [],
      attributions: [],
      supersedes: [],
      revision: 1,
      createdAt: '2024-03-01T00:00:00.000Z',
      updatedAt: '2024-03-01T00:00:00.000Z',
    }));
    const layout = layoutTimeline(claims, { laneBy: 'actor', sourceName: (id) => id, maxLanes: 4 });
    expect(layout.lanes).toHaveLength(5);
    expect(layout.lanes.at(-1)?.label).toBe('Other (11 more)');
    expect(layout.marks.filter((m) => m.lane === '')).toHaveLength(12);
  });
});

describe('a tally of a large timeline', () => {
  const DATES = ['2022', '2022-Q3', '2023-05', '2023-11-02', '2024-Q1', '2024/..', '~2024-06', '2021-10/2022-03', '../2024-09-30'];
  /** Deterministic variety: actors from a pool of 20 (some claims with none, some with three), mixed dates. */
  const many = (count: number, offset = 0) =>
    Array.from({ length: count }, (_, i) => {
      const n = i + offset;
      const actors = n % 11 === 0 ? [] : [`Actor ${n % 20}`, ...(n % 3 === 0 ? [`Actor ${(n * 7) % 20}`, `Actor ${(n * 13) % 20}`] : [])];
      return makeClaim({ id: `t${n}`, date: DATES[n % DATES.length]!, actors, origins: [`source-${n % 5}`] });
    });
  const options = (laneBy: 'actor' | 'source'): LayoutOptions => ({ laneBy, sourceName: (id) => id.toUpperCase(), maxLanes: 8 });

  it('draws the same clusters as laying out every claim, by actor and by source', () => {
    const claims = many(500);
    for (const laneBy of ['actor', 'source'] as const) {
      expect(layoutFromTally(tallyClusters(claims, laneBy, 'event'), options(laneBy))).toEqual(layoutTimeline(claims, options(laneBy)));
    }
  });

  it('follows adds and edits exactly, as if counted afresh', () => {
    const before = many(400);
    const edited = before.slice(0, 30).map((claim, i) => ({ ...claim, actors: [`Actor ${(i * 3) % 20}`], date: dateFromValue('2025-Q2') }));
    const added = many(50, 1000);
    const after = [...edited, ...before.slice(30), ...added];
    const tally = adjustTally(tallyClusters(before, 'actor', 'event'), before.slice(0, 30), [...edited, ...added]);
    expect(layoutFromTally(tally, options('actor'))).toEqual(layoutTimeline(after, options('actor')));
    expect(layoutFromTally(tallyClusters(before, 'actor', 'event'), options('actor'))).toEqual(layoutTimeline(before, options('actor')));
  });

  it('leaves zoomed views and small timelines to the full layout', () => {
    const claims = many(500);
    expect(layoutFromTally(tallyClusters(claims, 'actor', 'event'), { ...options('actor'), from: '2023-01-01' })).toBeNull();
    expect(layoutFromTally(tallyClusters(many(100), 'actor', 'event'), options('actor'))).toBeNull();
  });
});

describe('superseded marks', () => {
  it('carry a link to the claim that replaced them, just past their end', () => {
    const claims = [
      makeClaim({ id: 'old', date: '2024-Q1', statement: 'Picked Baidu', status: 'superseded' }),
      makeClaim({ id: 'new', date: '2024-Q3', statement: 'Picked Alibaba', supersedes: ['old'] }),
    ];
    const layout = layoutTimeline(claims, { laneBy: 'actor', sourceName: (id) => id });
    const old = layout.marks.find((mark) => mark.claimId === 'old');
    expect(old?.replacement).toMatchObject({ href: '/claims/new', label: 'Replaced by: Picked Alibaba' });
    expect(old!.replacement!.x).toBeGreaterThan(old!.x + old!.width);
    expect(layout.marks.find((mark) => mark.claimId === 'new')?.replacement).toBeUndefined();
  });
});

describe('names, numbers and sequences in the drawing', () => {
  const seq = (claims: Claim[], relations: Array<[string, 'before' | 'after' | 'during', string]>) =>
    sequenceOf(
      claims,
      relations.map(([from, relation, to], i) => ({ id: `r${i}`, from, relation, to, createdAt: '2025-01-01T00:00:00.000Z' })),
    );

  it('when claims are drawn, then each mark carries its short name beside it, inside the drawing', () => {
    const claims = [
      { ...makeClaim({ id: 'picked', date: '2024-06' }), shortName: 'Apple picks Baidu' },
      { ...makeClaim({ id: 'quarter', date: '2024-Q3' }), shortName: 'Talks go on' },
      makeClaim({ id: 'cut', date: '2024-10-03', statement: 'Baidu’s progress in developing models for Apple Intelligence fell short.' }),
    ];
    const l = layout(claims, { from: '2024-01-01', to: '2024-12-31' });
    expect(markOf(l, 'picked').name).toMatchObject({ text: 'Apple picks Baidu', anchor: 'start', inside: false });
    expect(markOf(l, 'picked').name.x).toBeGreaterThan(markOf(l, 'picked').x + markOf(l, 'picked').width);
    // A band long enough carries its name on itself.
    expect(markOf(l, 'quarter').name).toMatchObject({ text: 'Talks go on', inside: true });
    expect(markOf(l, 'quarter').name.x).toBeGreaterThan(markOf(l, 'quarter').x);
    expect(markOf(l, 'cut').name.text).toBe('Baidu’s progress in…');
    for (const mark of l.marks) {
      expect(mark.name.text.length).toBeGreaterThan(5);
      const width = mark.name.text.length * 6.6;
      const [left, right] = mark.name.anchor === 'start' ? [mark.name.x, mark.name.x + width] : [mark.name.x - width, mark.name.x];
      expect(left).toBeGreaterThanOrEqual(l.plotLeft);
      expect(right).toBeLessThanOrEqual(l.width);
    }
  });

  it('when a mark sits at the right edge, then its name goes on its left', () => {
    const l = layout([{ ...makeClaim({ id: 'late', date: '2024-12-20' }), shortName: 'Late in the year' }], { from: '2024-01-01', to: '2024-12-31' });
    expect(markOf(l, 'late').name.anchor).toBe('end');
    expect(markOf(l, 'late').name.x).toBeLessThan(markOf(l, 'late').x);
  });

  it('when names would cover each other, then the marks take separate rows', () => {
    const claims = ['2024-03-01', '2024-03-20', '2024-04-10'].map((date, i) => ({ ...makeClaim({ id: `c${i}`, date }), shortName: 'A fairly long short name' }));
    const l = layout(claims, { from: '2024-01-01', to: '2024-12-31' });
    expect(new Set(l.marks.map((m) => m.y)).size).toBe(3);
  });

  it('numbers the marks in timeline order and lists them in a key', () => {
    const claims = [makeClaim({ id: 'b', date: '2024-Q3' }), { ...makeClaim({ id: 'a', date: '2024-Q1' }), shortName: 'First' }];
    const l = layout(claims, { from: '2024-01-01', to: '2024-12-31' });
    expect(l.key).toEqual([
      { number: 1, name: 'First', date: 'Q1 2024', href: '/claims/a' },
      { number: 2, name: 'Statement b', date: 'Q3 2024', href: '/claims/b' },
    ]);
    expect(markOf(l, 'a').number).toBe(1);
    expect(markOf(l, 'b').number).toBe(2);
  });

  it('when claims are in a sequence inside a shared span, then they are dots in its order across the span, with arrows', () => {
    const claims = ['d', 'b', 'c', 'a'].map((id) => makeClaim({ id, date: '2024/2025-02-11' }));
    const sequence = seq(claims, [['b', 'after', 'a'], ['c', 'after', 'b'], ['d', 'after', 'c']]);
    const l = layout(claims, { from: '2024-01-01', to: '2025-03-31', sequence });
    const xs = ['a', 'b', 'c', 'd'].map((id) => markOf(l, id).x);
    expect(xs).toEqual([...xs].sort((x, y) => x - y));
    expect(xs[3]! - xs[0]!).toBeGreaterThan((l.plotRight - l.plotLeft) / 3);
    for (const id of ['a', 'b', 'c', 'd']) {
      const mark = markOf(l, id);
      expect(mark.shape).toBe('dot');
      expect(mark.span?.x).toBeCloseTo(l.plotLeft, 0);
      expect(mark.x).toBeGreaterThan(mark.span!.x);
      expect(mark.x).toBeLessThan(mark.span!.x + mark.span!.width);
    }
    expect(l.arrows).toHaveLength(3);
    expect(l.arrows.every((arrow) => arrow.arrowhead && arrow.lane === 'OpenAI')).toBe(true);
    expect(l.key.map((entry) => entry.href)).toEqual(['/claims/a', '/claims/b', '/claims/c', '/claims/d']);
  });

  it('keeps a sequence step inside its own date even when the chain would place it later', () => {
    const claims = [makeClaim({ id: 'q1', date: '2024-Q1' }), makeClaim({ id: 'vague', date: '2024/2025-02-11' }), makeClaim({ id: 'q2', date: '2024-Q2' })];
    const sequence = seq(claims, [['vague', 'after', 'q1'], ['q2', 'after', 'vague']]);
    const l = layout(claims, { from: '2024-01-01', to: '2025-03-31', sequence });
    const perDay = pxPerDay(l, 456);
    const q2 = markOf(l, 'q2');
    expect(q2.x).toBeGreaterThanOrEqual(l.plotLeft + 91 * perDay);
    expect(q2.x).toBeLessThanOrEqual(l.plotLeft + 182 * perDay);
    expect(markOf(l, 'vague').x).toBeLessThan(q2.x);
    expect(markOf(l, 'q1').x).toBeLessThan(markOf(l, 'vague').x);
  });

  it('links marks where it is told to', () => {
    const l = layout([makeClaim({ id: 'a b', date: '2024-Q1' })], { from: '2024-01-01', to: '2024-12-31', claimHref: (id) => `/stories/x/claims/${encodeURIComponent(id)}` });
    expect(markOf(l, 'a b').href).toBe('/stories/x/claims/a%20b');
  });
});
