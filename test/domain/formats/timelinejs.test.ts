import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../../src/domain/dates/claim-date.js';
import { EMPTY_TIMELINE_ID, sameTimelineDate, toTimelineJs, validateTimelineJs } from '../../../src/domain/formats/timelinejs.js';
import type { Claim } from '../../../src/domain/types.js';
import { claimById, makeDatabase } from './fixture.js';

const today = '2025-03-01';

/** The fixture's quarter claim, redated. */
function claimDated(value: string): Claim {
  return { ...claimById(makeDatabase(), 'china-launch'), date: dateFromValue(value) };
}

function eventFor(claim: Claim) {
  const timeline = toTimelineJs(makeDatabase(), [claim], { title: 'Apple in China', today });
  const [event] = timeline.events;
  if (!event) throw new Error('no event');
  return event;
}

describe('toTimelineJs', () => {
  it('when a claim is dated to a day, then its slide has year, month and day and the label as display date', () => {
    const event = eventFor(claimById(makeDatabase(), 'alibaba-chosen'));
    expect(event.start_date).toEqual({ year: 2025, month: 2, day: 11, display_date: '11 February 2025' });
    expect(event.end_date).toBeUndefined();
    expect(event.display_date).toBe('11 February 2025');
  });

  it('when a claim is dated to a month, then its slide spans the month to its last day', () => {
    const event = eventFor(claimDated('2024-06'));
    expect(event.start_date).toEqual({ year: 2024, month: 6, display_date: 'June 2024' });
    expect(event.end_date).toEqual({ year: 2024, month: 6, day: 30 });
  });

  it('when a claim is dated to a quarter, then its slide runs from the quarter’s first month to its last day, not the first of its last month', () => {
    const event = eventFor(claimDated('2024-Q2'));
    expect(event.start_date).toEqual({ year: 2024, month: 4, display_date: 'Q2 2024' });
    expect(event.end_date).toEqual({ year: 2024, month: 6, day: 30 });
  });

  it('when a claim is dated to a year, then its slide spans the year', () => {
    const event = eventFor(claimById(makeDatabase(), 'baidu-selected'));
    expect(event.start_date).toEqual({ year: 2024, display_date: '2024' });
    expect(event.end_date).toEqual({ year: 2024, month: 12, day: 31 });
  });

  it('when a claim spans a range, then it starts at the precision it was written with and ends on its last day', () => {
    expect(eventFor(claimDated('2024/2025-02-11'))).toMatchObject({
      start_date: { year: 2024, display_date: '2024 – 11 February 2025' },
      end_date: { year: 2025, month: 2, day: 11 },
    });
    expect(eventFor(claimDated('2024-10/2024-12'))).toMatchObject({ start_date: { year: 2024, month: 10 }, end_date: { year: 2024, month: 12, day: 31 } });
  });

  it('when a range is open at its end, then the slide spans it to the last day its text vouches for', () => {
    const claim = claimDated('2024/..');
    const event = eventFor({ ...claim, date: { ...claim.date, end: '2025-02-11' } });
    expect(event.start_date).toEqual({ year: 2024, display_date: '2024 onwards' });
    expect(event.end_date).toEqual({ year: 2025, month: 2, day: 11 });
  });

  it('when a claim is only known to be by a day, then the slide starts there since TimelineJS needs a start', () => {
    const event = eventFor(claimDated('../2025-02-11'));
    expect(event.start_date).toEqual({ year: 2025, month: 2, day: 11, display_date: 'by 11 February 2025' });
    expect(event.end_date).toBeUndefined();
  });

  it('when a date label or an actor holds markup, then they are escaped twice, since TimelineJS strips markup from them and writes the rest as HTML', () => {
    const claim = claimDated('2024-06');
    const event = eventFor({ ...claim, actors: ['R&D <b>team</b>'], date: { ...claim.date, label: '<img src=x onerror=alert(1)>June' } });
    expect(event.display_date).toBe('&amp;lt;img src=x onerror=alert(1)&amp;gt;June');
    expect(event.start_date.display_date).toBe('&amp;lt;img src=x onerror=alert(1)&amp;gt;June');
    expect(event.group).toBe('R&amp;amp;D &amp;lt;b&amp;gt;team&amp;lt;/b&amp;gt;');
  });

  it('when a claim has a chain and a quote, then the slide shows them and a link to the article as escaped HTML, with no media', () => {
    const db = makeDatabase();
    const claim = claimById(db, 'alibaba-chosen');
    claim.statement = 'Apple <script>alert(1)</script> & Alibaba';
    const [event] = toTimelineJs(db, [claim], { title: 'T', today }).events;
    expect(event?.text?.headline).toBe('Apple &lt;script&gt;alert(1)&lt;/script&gt; &amp; Alibaba');
    expect(event?.text?.text).toBe(
      '<p>The Information reported → Reuters relayed (could not verify)</p>' +
        '<blockquote>Apple has chosen Alibaba as its AI partner in China</blockquote><p>Status: confirmed</p>' +
        '<p><a href="https://www.reuters.com/technology/apple-alibaba-2025-02-11/">Apple picks Alibaba for China AI, The Information reports</a></p>',
    );
    expect(event?.media).toBeUndefined();
    expect(event?.group).toBe('Apple');
    expect(event?.unique_id).toBe('alibaba-chosen');
  });

  it('when an attribution points at an image or a video TimelineJS embeds, then that is the slide’s media, credited with the chain', () => {
    const db = makeDatabase();
    const claim = claimById(db, 'alibaba-chosen');
    claim.attributions = [...claim.attributions, { sourceId: 'reuters', role: 'relay', verb: 'showed', url: 'https://www.youtube.com/watch?v=abc123' }];
    const [event] = toTimelineJs(db, [claim], { title: 'T', today }).events;
    expect(event?.media).toEqual({ url: 'https://www.youtube.com/watch?v=abc123', link: 'https://www.youtube.com/watch?v=abc123', credit: expect.stringContaining('The Information reported') });
  });

  it('when no claim matches, then the timeline still has one event saying so, dated today, for TimelineJS needs one', () => {
    const timeline = toTimelineJs(makeDatabase(), [], { title: 'Claimline: “nothing”', today });
    expect(timeline.events).toEqual([
      { start_date: { year: 2025, month: 3, day: 1 }, text: { headline: 'No claims', text: '<p>No claim matches this timeline’s filters.</p>' }, unique_id: EMPTY_TIMELINE_ID },
    ]);
    expect(validateTimelineJs(timeline)).toEqual([]);
  });

  it('when the whole story is exported, then it meets TimelineJS’s documented schema', () => {
    const db = makeDatabase();
    const timeline = toTimelineJs(db, db.claims, { title: 'Apple in China', today });
    expect(validateTimelineJs(JSON.parse(JSON.stringify(timeline)))).toEqual([]);
    expect(timeline.title.text).toEqual({ headline: 'Apple in China', text: '3 claims, 2024 to Q2 2025' });
  });
});

describe('sameTimelineDate', () => {
  it('when two dates name the same day, month or year, then they are the same whatever their display dates; a missing part differs', () => {
    expect(sameTimelineDate({ year: 2024, month: 6, display_date: 'June 2024' }, { year: 2024, month: 6 })).toBe(true);
    expect(sameTimelineDate({ year: 2024, month: 6 }, { year: 2024, month: 6, day: 30 })).toBe(false);
    expect(sameTimelineDate(undefined, undefined)).toBe(true);
    expect(sameTimelineDate({ year: 2024 }, undefined)).toBe(false);
  });
});

describe('validateTimelineJs', () => {
  it('when dates are strings or out of range, text is missing and ids repeat, then each violation is listed', () => {
    const problems = validateTimelineJs({
      events: [
        { start_date: { year: '2024' }, text: { headline: 'a' }, unique_id: 'x' },
        { start_date: { year: 2024, month: 13, day: 0 }, unique_id: 'x' },
        { start_date: { year: 2024, month: 5 }, end_date: { year: 2024, month: 4 }, text: {} },
      ],
    });
    expect(problems).toEqual([
      'events[0].start_date.year must be a number',
      'events[1].start_date.month must be a whole number from 1 to 12',
      'events[1].start_date.day must be a whole number from 1 to 31',
      'events[1] needs text or media',
      'events[1].unique_id “x” is used twice',
      'events[2].end_date is before its start_date',
    ]);
  });

  it('when an event has no start date, then it is reported', () => {
    expect(validateTimelineJs({ events: [{ text: { headline: 'a' } }] })).toEqual(['events[0].start_date is required']);
  });
});
