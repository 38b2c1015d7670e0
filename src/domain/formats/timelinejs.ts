import { partsOf } from '../dates/calendar-day.js';
import { dateFromValue } from '../dates/claim-date.js';
import { describeChain } from '../chain.js';
import { isHttpUrl } from '../validation.js';
import type { Claim, ClaimDate, Database, Precision } from '../types.js';
import { escapeMarkup } from './markup-text.js';
import { isTimelineMedia } from './timeline-media.js';

/** TimelineJS3's date object (https://timeline.knightlab.com/docs/json-format.html): only the parts that are known. */
export interface TimelineDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

export interface TimelineText {
  headline?: string;
  text?: string;
}

export interface TimelineMedia {
  url: string;
  caption?: string;
  credit?: string;
  link?: string;
}

export interface TimelineSlide {
  start_date: TimelineDate;
  end_date?: TimelineDate;
  display_date?: string;
  text?: TimelineText;
  media?: TimelineMedia;
  group?: string;
  unique_id: string;
}

export interface TimelineJs {
  title: { text: TimelineText };
  events: TimelineSlide[];
}

/** The one event of a timeline no claim is on: TimelineJS refuses a timeline without events. */
export const EMPTY_TIMELINE_ID = 'claimline-no-claims';

/**
 * Claims as TimelineJS3 JSON. Each claim is a slide dated at its own precision and drawn as the span it covers: it
 * starts at its first day as written (a quarter at its first month, a year at the year) and ends on its last day,
 * since TimelineJS puts an end given as a month or a year on that period's first day; a day is a point. A slide
 * is labelled with Claimline's date label, headlined by its statement, with the attribution chain, quotes, status
 * and a link to the cited document as (escaped) HTML, and grouped by its first actor. Media is set only for an
 * address TimelineJS can show (an image, a video, a page of a site it embeds), never for an article's web page,
 * which it would draw as a broken image. A timeline no claim is on gets one event saying so, dated `today`, since
 * TimelineJS will not load a timeline without events.
 * @example toTimelineJs(db, db.claims, { title: 'Apple in China', today: '2025-03-01' }).events[0].start_date //=> { year: 2025, month: 2, day: 11, display_date: '11 February 2025' }
 */
export function toTimelineJs(db: Database, claims: Claim[], options: { title: string; today: string }): TimelineJs {
  const names = new Map(db.sources.map((source) => [source.id, source.name]));
  const nameOf = (id: string): string => names.get(id) ?? id;
  const documents = new Map(db.documents.map((document) => [document.id, document]));
  const events = claims.map((claim): TimelineSlide => {
    const chain = describeChain(claim.attributions, nameOf);
    const quotes = [...new Set(claim.attributions.flatMap((attribution) => attribution.quote?.trim() || []))];
    const quoted = claim.attributions.find((attribution) => attribution.quote && attribution.documentId);
    const document = [quoted, ...claim.attributions]
      .map((attribution) => (attribution?.documentId ? documents.get(attribution.documentId) : undefined))
      .find((candidate) => candidate !== undefined && isHttpUrl(candidate.url));
    const html = [
      chain ? `<p>${escapeMarkup(chain)}</p>` : '',
      ...quotes.map((quote) => `<blockquote>${escapeMarkup(quote)}</blockquote>`),
      `<p>Status: ${escapeMarkup(claim.status)}</p>`,
      document && !isTimelineMedia(document.url) ? `<p><a href="${escapeMarkup(document.url)}">${escapeMarkup(document.title)}</a></p>` : '',
    ].join('');
    const { start_date, end_date } = timelineDates(claim.date);
    const slide: TimelineSlide = {
      start_date,
      display_date: plainText(claim.date.label),
      text: { headline: escapeMarkup(claim.statement), text: html },
      unique_id: claim.id,
    };
    if (end_date) slide.end_date = end_date;
    const media = [document?.url, ...claim.attributions.map((attribution) => attribution.url)].find(
      (url): url is string => url !== undefined && isTimelineMedia(url),
    );
    if (media) {
      slide.media = { url: media, link: media };
      if (document?.url === media) slide.media.caption = escapeMarkup(document.title);
      if (chain) slide.media.credit = escapeMarkup(chain);
    }
    const group = claim.actors[0]?.trim();
    if (group) slide.group = plainText(group);
    return slide;
  });
  const labels = claims.map((claim) => claim.date);
  return {
    title: { text: { headline: escapeMarkup(options.title), text: escapeMarkup(summary(labels)) } },
    events: events.length > 0 ? events : [emptyEvent(options.today)],
  };
}

/**
 * Text for the fields TimelineJS 3 reads as HTML, strips of markup (decoding the entities) and then writes as HTML
 * again: `display_date` and `group`. Escaped once, `&lt;img&gt;` would come out of the strip as a live tag; escaped
 * twice, it comes out as the text.
 */
function plainText(text: string): string {
  return escapeMarkup(escapeMarkup(text));
}

function emptyEvent(today: string): TimelineSlide {
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  return {
    start_date: { year, month, day },
    text: { headline: 'No claims', text: '<p>No claim matches this timeline’s filters.</p>' },
    unique_id: EMPTY_TIMELINE_ID,
  };
}

function summary(dates: ClaimDate[]): string {
  if (dates.length === 0) return 'No claims yet';
  const sorted = [...dates].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const first = sorted[0] as ClaimDate;
  const last = [...dates].sort((a, b) => (a.end > b.end ? -1 : a.end < b.end ? 1 : 0))[0] as ClaimDate;
  const count = `${dates.length} claim${dates.length === 1 ? '' : 's'}`;
  return first.label === last.label ? `${count}, ${first.label}` : `${count}, ${first.label} to ${last.label}`;
}

/**
 * Start and end of the span a date covers. The start keeps the precision it was written with (a range keeps its
 * first end's, a range open at its start starts where its known end does, since TimelineJS needs a start); the end
 * is the span's last day (for a range open at its end, the last day its text vouches for). A day is a point.
 */
export function timelineDates(date: ClaimDate): { start_date: TimelineDate; end_date?: TimelineDate } {
  const [first = '', last] = date.value.split('/');
  const from = last === undefined ? date : first === '..' ? undefined : dateFromValue(first);
  const to = last === undefined || last === '..' ? undefined : dateFromValue(last);
  const opening = from ?? to ?? date;
  const start_date: TimelineDate = { ...partsAt(opening.start, opening.precision), display_date: plainText(date.label) };
  const lastDay = from ? date.end : opening.end;
  if (lastDay === opening.start && opening.precision === 'day') return { start_date };
  return { start_date, end_date: partsAt(lastDay, 'day') };
}

/**
 * Whether two TimelineJS dates name the same year, month and day (their display dates aside); two absent ends are
 * the same.
 * @example sameTimelineDate({ year: 2024, month: 6, display_date: 'June 2024' }, { year: 2024, month: 6 }) //=> true
 */
export function sameTimelineDate(a: TimelineDate | undefined, b: TimelineDate | undefined): boolean {
  return a?.year === b?.year && a?.month === b?.month && a?.day === b?.day;
}

function partsAt(isoDay: string, precision: Precision): TimelineDate {
  const { year, month, day } = partsOf(isoDay);
  if (precision === 'year') return { year };
  if (precision === 'day') return { year, month, day };
  return { year, month };
}

/**
 * What in `json` breaks TimelineJS3's documented JSON format: a missing or non-numeric `start_date.year`, a month
 * outside 1–12, a day outside 1–31 or without a month, an end before its start, a slide with neither text nor
 * media, media without a url, and repeated `unique_id`s. Empty when TimelineJS can load it.
 * @example validateTimelineJs({ events: [{ start_date: { year: '2024' } }] }) //=> ['events[0].start_date.year must be a number', 'events[0] needs text or media']
 */
export function validateTimelineJs(json: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(json)) return ['the timeline must be a JSON object'];
  if (!Array.isArray(json.events)) return ['events must be a list'];
  if (json.title !== undefined) {
    if (!isRecord(json.title)) problems.push('title must be an object');
    else checkContent(json.title, 'title', problems);
  }
  const ids = new Set<string>();
  json.events.forEach((event: unknown, index) => {
    const at = `events[${index}]`;
    if (!isRecord(event)) {
      problems.push(`${at} must be an object`);
      return;
    }
    const start = checkDate(event.start_date, `${at}.start_date`, problems, '00');
    if (event.start_date === undefined) problems.push(`${at}.start_date is required`);
    if (event.end_date !== undefined) {
      const end = checkDate(event.end_date, `${at}.end_date`, problems, '99');
      if (start && end && end < start) problems.push(`${at}.end_date is before its start_date`);
    }
    checkContent(event, at, problems);
    for (const key of ['group', 'display_date'] as const) {
      if (event[key] !== undefined && typeof event[key] !== 'string') problems.push(`${at}.${key} must be a string`);
    }
    if (event.unique_id !== undefined) {
      if (typeof event.unique_id !== 'string' || event.unique_id === '') {
        problems.push(`${at}.unique_id must be a non-empty string`);
      } else if (ids.has(event.unique_id)) {
        problems.push(`${at}.unique_id “${event.unique_id}” is used twice`);
      } else {
        ids.add(event.unique_id);
      }
    }
  });
  return problems;
}

function checkContent(slide: Record<string, unknown>, at: string, problems: string[]): void {
  if (slide.text === undefined && slide.media === undefined) problems.push(`${at} needs text or media`);
  if (slide.text !== undefined) {
    if (!isRecord(slide.text)) problems.push(`${at}.text must be an object`);
    else {
      for (const key of ['headline', 'text'] as const) {
        if (slide.text[key] !== undefined && typeof slide.text[key] !== 'string') {
          problems.push(`${at}.text.${key} must be a string`);
        }
      }
    }
  }
  if (slide.media !== undefined && (!isRecord(slide.media) || typeof slide.media.url !== 'string')) {
    problems.push(`${at}.media needs a url`);
  }
}

/**
 * Checks one date object; returns a sortable key for it when it is well formed. Missing parts take `fill`, so an
 * end given as a month compares as the month's last moment.
 */
function checkDate(date: unknown, at: string, problems: string[], fill: '00' | '99'): string | undefined {
  if (date === undefined) return undefined;
  if (!isRecord(date)) {
    problems.push(`${at} must be an object`);
    return undefined;
  }
  const before = problems.length;
  const { year, month, day } = date;
  if (typeof year !== 'number' || !Number.isInteger(year)) problems.push(`${at}.year must be a number`);
  if (month !== undefined && (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12)) {
    problems.push(`${at}.month must be a whole number from 1 to 12`);
  }
  if (day !== undefined) {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 31) {
      problems.push(`${at}.day must be a whole number from 1 to 31`);
    }
    if (month === undefined) problems.push(`${at}.day needs a month`);
  }
  if (date.display_date !== undefined && typeof date.display_date !== 'string') {
    problems.push(`${at}.display_date must be a string`);
  }
  if (problems.length > before) return undefined;
  const pad = (value: unknown): string => (value === undefined ? fill : String(value).padStart(2, '0'));
  return `${String(year).padStart(6, '0')}-${pad(month)}-${pad(day)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
