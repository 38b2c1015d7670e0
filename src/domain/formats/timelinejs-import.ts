import { resolveDate } from '../dates/resolve-date.js';
import { isHttpUrl } from '../validation.js';
import type { FormRow, RowProblem } from './form-row.js';
import { htmlToText } from './html-text.js';
import { EMPTY_TIMELINE_ID, sameTimelineDate, timelineDates, type TimelineDate } from './timelinejs.js';

/**
 * The columns of Knight Lab's TimelineJS Google Sheets template, as `@knight-lab/timelinejs` 3.9.11 ships it
 * (src/template/my-own-timeline.csv); its reader also takes `Alt Text`, and `Tag` for `Group`.
 */
export const TIMELINEJS_TEMPLATE_COLUMNS = [
  'Year',
  'Month',
  'Day',
  'Time',
  'End Year',
  'End Month',
  'End Day',
  'End Time',
  'Display Date',
  'Headline',
  'Text',
  'Media',
  'Media Credit',
  'Media Caption',
  'Media Thumbnail',
  'Type',
  'Group',
  'Background',
] as const;
const ALSO_READ = ['Alt Text', 'Tag'];

/** The verb of the attribution a slide becomes: TimelineJS says where a claim was shown, not who made it. */
const VERB = 'published';

/** A slide as the sheet or the JSON gives it, before it becomes a claim. */
interface Slide {
  where: string;
  start?: Record<string, unknown>;
  end?: Record<string, unknown>;
  displayDate?: string;
  headline?: string;
  text?: string;
  mediaUrl?: string;
  mediaCredit?: string;
  group?: string;
  uniqueId?: string;
}

export interface TimelineRead {
  rows: FormRow[];
  problems: RowProblem[];
  /** Records that are not claims (the title slide, eras, Claimline's "no claims" slide), and what they are. */
  skipped: RowProblem[];
}

const clean = (header: string) => header.trim().toLowerCase();

/**
 * Whether a header row is the TimelineJS sheet's: it has the template's `Year` and `Headline` columns, and every
 * column is one TimelineJS reads.
 * @example isTimelineJsSheet(['Year', 'Month', 'Day', 'Headline', 'Text']) //=> true
 */
export function isTimelineJsSheet(header: string[]): boolean {
  const known = new Set([...TIMELINEJS_TEMPLATE_COLUMNS, ...ALSO_READ].map(clean));
  const names = header.map(clean).filter((name) => name !== '');
  return names.includes('year') && names.includes('headline') && names.every((name) => known.has(name));
}

/**
 * The rows of a TimelineJS sheet (template CSV) as claims in the add form's fields: each row a claim dated at the
 * precision of the filled columns (Year alone a year, Year and Month a month, an End a range), Headline (else Text)
 * the statement, Group (or Tag) the actor, Media the URL, and Media Credit, else the timeline's title, else the
 * file's name, the source. The row of Type `title` names the timeline; rows of Type `era` are not claims.
 * @example readTimelineJsSheet([['Year', 'Headline'], ['2024', 'Apple chose Alibaba']], { name: 'story.csv', today: '2025-03-01' }).rows[0].body.date //=> '2024'
 */
export function readTimelineJsSheet(table: string[][], options: { name: string; today: string }): TimelineRead {
  const [header = [], ...body] = table;
  const at = new Map(header.map((name, index) => [clean(name), index]));
  const slides: Slide[] = [];
  const skipped: RowProblem[] = [];
  let title: string | undefined;
  body.forEach((cells, r) => {
    if (!cells.some((cell) => cell.trim() !== '')) return;
    const where = `line ${r + 2}`;
    const get = (column: string): string | undefined => (cells[at.get(clean(column)) ?? -1] ?? '').trim() || undefined;
    const type = get('Type')?.toLowerCase();
    if (type === 'title') {
      title = get('Headline') ?? title;
      skipped.push({ where, message: 'the timeline’s title slide, not a claim' });
      return;
    }
    if (type === 'era') {
      skipped.push({ where, message: 'an era (a band across the timeline), not a claim' });
      return;
    }
    const date = (prefix: string) => ({ year: get(`${prefix}Year`), month: get(`${prefix}Month`), day: get(`${prefix}Day`) });
    slides.push({
      where,
      start: date(''),
      ...(get('End Year') && { end: date('End ') }),
      displayDate: get('Display Date'),
      headline: get('Headline'),
      text: get('Text'),
      mediaUrl: get('Media'),
      mediaCredit: get('Media Credit'),
      group: get('Group') ?? get('Tag'),
    });
  });
  return { ...rowsFrom(slides, { ...options, title }), skipped };
}

/**
 * A TimelineJS3 JSON timeline (https://timeline.knightlab.com/docs/json-format.html), Claimline's own export
 * included, as claims in the add form's fields, read as readTimelineJsSheet reads a sheet; `unique_id` is the claim
 * id. Claimline's "no claims" slide and the eras are not claims.
 * @example readTimelineJsJson({ events: [{ start_date: { year: 2024 }, text: { headline: 'A' } }] }, { name: 't.json', today }).rows.length //=> 1
 */
export function readTimelineJsJson(json: Record<string, unknown>, options: { name: string; today: string }): TimelineRead {
  if (!Array.isArray(json.events)) return { rows: [], problems: [{ where: 'events', message: 'a TimelineJS timeline needs a list of events' }], skipped: [] };
  const slides: Slide[] = [];
  const problems: RowProblem[] = [];
  const skipped: RowProblem[] = [];
  (json.events as unknown[]).forEach((event, index) => {
    const where = `events[${index}]`;
    if (!isRecord(event)) return void problems.push({ where, message: 'an event must be an object' });
    const text = isRecord(event.text) ? event.text : {};
    const media = isRecord(event.media) ? event.media : {};
    const uniqueId = typeof event.unique_id === 'string' && event.unique_id.trim() ? event.unique_id.trim() : undefined;
    if (uniqueId === EMPTY_TIMELINE_ID) return void skipped.push({ where, message: 'Claimline’s “no claims” slide, not a claim' });
    const start = isRecord(event.start_date) ? event.start_date : undefined;
    const end = isRecord(event.end_date) ? event.end_date : undefined;
    slides.push({
      where,
      ...(start && { start }),
      ...(end && { end }),
      displayDate: stringOf(event.display_date) ?? stringOf(start?.display_date),
      headline: stringOf(text.headline),
      text: stringOf(text.text),
      mediaUrl: stringOf(media.url),
      mediaCredit: stringOf(media.credit),
      group: stringOf(event.group),
      uniqueId,
    });
  });
  if (Array.isArray(json.eras) && json.eras.length > 0) skipped.push({ where: 'eras', message: 'eras (bands across the timeline) are not claims' });
  const heading = isRecord(json.title) && isRecord(json.title.text) ? stringOf(json.title.text.headline) : undefined;
  const read = rowsFrom(slides, { ...options, title: heading });
  return { rows: read.rows, problems: [...problems, ...read.problems], skipped };
}

function rowsFrom(slides: Slide[], options: { name: string; today: string; title?: string }): Omit<TimelineRead, 'skipped'> {
  const rows: FormRow[] = [];
  const problems: RowProblem[] = [];
  const timelineName = (options.title && htmlToText(options.title)) || options.name;
  for (const slide of slides) {
    const start = dateParts(slide.start, 'the start', slide.where, problems);
    const end = slide.end ? dateParts(slide.end, 'the end', slide.where, problems) : undefined;
    if (!start || (slide.end && !end)) {
      if (!slide.start) problems.push({ where: slide.where, message: 'the slide has no start date (a Year at least)' });
      continue;
    }
    const statement = htmlToText(slide.headline ?? '') || htmlToText(slide.text ?? '');
    // display_date and group are stripped of markup by TimelineJS and then shown as HTML: decoded twice, as shown.
    const group = slide.group ? htmlToText(htmlToText(slide.group)) : '';
    const body: Record<string, string | string[]> = {
      statement,
      date: dateText(start, end, slide.displayDate ? htmlToText(htmlToText(slide.displayDate)) : undefined, options.today),
      source: (slide.mediaCredit && htmlToText(slide.mediaCredit)) || timelineName,
      verb: VERB,
      actors: group ? [group] : [],
    };
    if (slide.mediaUrl && isHttpUrl(slide.mediaUrl.trim())) body.url = slide.mediaUrl.trim();
    const row: FormRow = { where: slide.where, body, timeline: { start_date: start, ...(end && { end_date: end }), ...(group && { group }) } };
    if (slide.uniqueId) row.id = slide.uniqueId;
    rows.push(row);
  }
  return { rows, problems };
}

/** A TimelineJS date's year, month and day as numbers; the sheet's reader drops spaces and commas ("2,024"). */
function dateParts(date: Record<string, unknown> | undefined, which: string, where: string, problems: RowProblem[]): TimelineDate | undefined {
  if (!date) return undefined;
  const parts: Partial<TimelineDate> = {};
  for (const part of ['year', 'month', 'day'] as const) {
    const raw = date[part];
    if (raw === undefined || raw === null || raw === '') continue;
    const value = typeof raw === 'number' ? raw : Number(String(raw).replace(/[\s,]+/g, ''));
    if (!Number.isInteger(value)) {
      problems.push({ where, message: `the ${part} of ${which} date, “${String(raw)}”, is not a whole number` });
      return undefined;
    }
    parts[part] = value;
  }
  if (parts.year === undefined) {
    problems.push({ where, message: `${which} date has no year` });
    return undefined;
  }
  if (parts.day !== undefined && parts.month === undefined) {
    problems.push({ where, message: `${which} date has a day but no month` });
    return undefined;
  }
  return parts as TimelineDate;
}

/**
 * The date as Claimline notation at the precision of the parts given (an end makes a range), unless the display
 * date reads as a date TimelineJS would draw the same: then the display date, so "Q2 2024" comes back a quarter.
 */
function dateText(start: TimelineDate, end: TimelineDate | undefined, display: string | undefined, today: string): string {
  const notation = end ? `${partsNotation(start)}/${partsNotation(end)}` : partsNotation(start);
  if (!display) return notation;
  const read = resolveDate(display, { today });
  if (!read.ok) return notation;
  const drawn = timelineDates(read.date);
  const spansAlike =
    sameTimelineDate(drawn.start_date, start) &&
    (sameTimelineDate(drawn.end_date, end) || (!end && drawn.end_date !== undefined && read.date.value === notation));
  return spansAlike ? display : notation;
}

function partsNotation(date: TimelineDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = String(date.year).padStart(4, '0');
  if (date.month === undefined) return year;
  return date.day === undefined ? `${year}-${pad(date.month)}` : `${year}-${pad(date.month)}-${pad(date.day)}`;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
