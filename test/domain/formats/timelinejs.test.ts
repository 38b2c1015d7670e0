import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../../src/domain/dates/claim-date.js';
import { toTimelineJs, validateTimelineJs } from '../../../src/domain/formats/timelinejs.js';
import type { Claim } from '../../../src/domain/types.js';
import { claimById, makeDatabase } from './fixture.js';

/** The fixture's quarter claim, redated. */
function claimDated(value: string): Claim {
  return { ...claimById(makeDatabase(), 'china-launch'), date: dateFromValue(value) };
}

function eventFor(claim: Claim) {
  const timeline = toTimelineJs(makeDatabase(), [claim], { title: 'Apple in China' });
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

  it('when a claim is dated to a month, then its slide has year and month only', () => {
    const event = eventFor(claimDated('2024-06'));
    expect(event.start_date).toEqual({ year: 2024, month: 6, display_date: 'June 2024' });
    expect(event.end_date).toBeUndefined();
  });

  it('when a claim is dated to a quarter, then its slide runs from the quarter’s first month to its last', () => {
    const event = eventFor(claimDated('2025-Q2'));
    expect(event.start_date).toEqual({ year: 2025, month: 4, display_date: 'Q2 2025' });
    expect(event.end_date).toEqual({ year: 2025, month: 6 });
  });

  it('when a claim is dated to a year, then its slide has the year alone', () => {
    const event = eventFor(claimById(makeDatabase(), 'baidu-selected'));
    expect(event.start_date).toEqual({ year: 2024, display_date: '2024' });
    expect(event.end_date).toBeUndefined();
  });

  it('when a claim spans a range, then each end keeps the precision it was written with', () => {
    const event = eventFor(claimDated('2024/2025-02-11'));
    expect(event.start_date).toEqual({ year: 2024, display_date: '2024 – 11 February 2025' });
    expect(event.end_date).toEqual({ year: 2025, month: 2, day: 11 });
  });

  it('when a claim is only known to be by a day, then the slide starts there since TimelineJS needs a start', () => {
    const event = eventFor(claimDated('../2025-02-11'));
    expect(event.start_date).toEqual({ year: 2025, month: 2, day: 11, display_date: 'by 11 February 2025' });
  });

  it('when a claim has a chain and a quote, then the slide shows them as escaped HTML and credits the chain', () => {
    const db = makeDatabase();
    const claim = claimById(db, 'alibaba-chosen');
    claim.statement = 'Apple <script>alert(1)</script> & Alibaba';
    const [event] = toTimelineJs(db, [claim], { title: 'T' }).events;
    expect(event?.text?.headline).toBe('Apple &lt;script&gt;alert(1)&lt;/script&gt; &amp; Alibaba');
    expect(event?.text?.text).toBe(
      '<p>The Information reported → Reuters relayed (could not verify)</p>' +
        '<blockquote>Apple has chosen Alibaba as its AI partner in China</blockquote><p>Status: confirmed</p>',
    );
    expect(event?.media).toMatchObject({
      url: 'https://www.reuters.com/technology/apple-alibaba-2025-02-11/',
      credit: 'The Information reported → Reuters relayed (could not verify)',
    });
    expect(event?.group).toBe('Apple');
    expect(event?.unique_id).toBe('alibaba-chosen');
  });

  it('when the whole story is exported, then it meets TimelineJS’s documented schema', () => {
    const db = makeDatabase();
    const timeline = toTimelineJs(db, db.claims, { title: 'Apple in China' });
    expect(validateTimelineJs(JSON.parse(JSON.stringify(timeline)))).toEqual([]);
    expect(timeline.title.text).toEqual({ headline: 'Apple in China', text: '3 claims, 2024 to Q2 2025' });
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
