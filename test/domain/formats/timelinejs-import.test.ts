import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/formats/csv-table.js';
import { TIMELINEJS_TEMPLATE_COLUMNS, isTimelineJsSheet, readTimelineJsJson, readTimelineJsSheet } from '../../../src/domain/formats/timelinejs-import.js';
import { toTimelineJs } from '../../../src/domain/formats/timelinejs.js';
import { makeDatabase } from './fixture.js';

const today = '2025-03-01';
const options = { name: 'story.csv', today };
const TEMPLATE = fileURLToPath(new URL('../../../node_modules/@knight-lab/timelinejs/src/template/my-own-timeline.csv', import.meta.url));

const sheet = (...rows: string[][]) => [[...TIMELINEJS_TEMPLATE_COLUMNS], ...rows.map((row) => [...row, ...Array(TIMELINEJS_TEMPLATE_COLUMNS.length - row.length).fill('')])];
/** A template row from the cells that matter, by column name. */
const row = (cells: Partial<Record<(typeof TIMELINEJS_TEMPLATE_COLUMNS)[number], string>>) => TIMELINEJS_TEMPLATE_COLUMNS.map((column) => cells[column] ?? '');

describe('the TimelineJS sheet', () => {
  it('when the template Knight Lab ships is read, then its columns are the ones Claimline knows, and its title row is not a claim', () => {
    const table = parseCsv(readFileSync(TEMPLATE, 'utf8'));
    expect(table[0]).toEqual([...TIMELINEJS_TEMPLATE_COLUMNS]);
    expect(isTimelineJsSheet(table[0] ?? [])).toBe(true);
    const read = readTimelineJsSheet(table, { name: 'my-own-timeline.csv', today });
    expect(read.problems).toEqual([]);
    expect(read.skipped[0]).toEqual({ where: 'line 2', message: 'the timeline’s title slide, not a claim' });
    expect(read.rows[0]).toMatchObject({ where: 'line 3', body: { statement: 'Ada Lovelace', date: '1815-12-10/1852-11-27', source: 'Wikimedia Commons' } });
    expect(read.rows.length).toBeGreaterThan(5);
  });

  it('when a row fills Year only, Year and Month, a whole day or an End, then its date has that precision', () => {
    const read = readTimelineJsSheet(
      sheet(
        row({ Year: '2024', Headline: 'A year' }),
        row({ Year: '2024', Month: '6', Headline: 'A month' }),
        row({ Year: '2025', Month: '2', Day: '11', Headline: 'A day' }),
        row({ Year: '2024', Month: '10', 'End Year': '2024', 'End Month': '12', Headline: 'A range' }),
        row({ Year: '2,024', Headline: 'A year with a comma, as Sheets writes it' }),
      ),
      options,
    );
    expect(read.rows.map((slide) => slide.body.date)).toEqual(['2024', '2024-06', '2025-02-11', '2024-10/2024-12', '2024']);
  });

  it('when a row has Headline, Text, Group, Media and Media Credit, then they are the statement, actor, URL and source', () => {
    const [slide] = readTimelineJsSheet(
      sheet(row({ Year: '2025', Headline: '<b>Apple</b> &amp; Alibaba', Text: '<p>More</p>', Group: 'Apple', Media: 'https://www.youtube.com/watch?v=x', 'Media Credit': 'Reuters' })),
      options,
    ).rows;
    expect(slide?.body).toEqual({ statement: 'Apple & Alibaba', date: '2025', source: 'Reuters', verb: 'published', actors: ['Apple'], url: 'https://www.youtube.com/watch?v=x' });
  });

  it('when a row has no headline, then its text is the statement; without a credit the timeline’s title is the source, else the file', () => {
    const titled = readTimelineJsSheet(sheet(row({ Headline: 'Apple in China', Type: 'title' }), row({ Year: '2024', Text: '<p>Only text</p>' })), options);
    expect(titled.rows[0]?.body).toMatchObject({ statement: 'Only text', source: 'Apple in China' });
    const tagged = readTimelineJsSheet([['Year', 'Headline', 'Tag', 'Alt Text'], ['2024', 'A', 'Baidu', 'a photo']], options);
    expect(tagged.rows[0]?.body.actors).toEqual(['Baidu']);
    expect(readTimelineJsSheet(sheet(row({ Year: '2024', Headline: 'A' })), options).rows[0]?.body.source).toBe('story.csv');
  });

  it('when a row is an era or lacks a year, then the era is left out and the row without a year is refused', () => {
    const read = readTimelineJsSheet(sheet(row({ Year: '2020', 'End Year': '2024', Headline: 'The Cook years', Type: 'era' }), row({ Month: '5', Headline: 'No year' }), row({ Year: 'soon', Headline: 'Bad year' })), options);
    expect(read.rows).toEqual([]);
    expect(read.skipped).toEqual([{ where: 'line 2', message: 'an era (a band across the timeline), not a claim' }]);
    expect(read.problems).toEqual([
      { where: 'line 3', message: 'the start date has no year' },
      { where: 'line 4', message: 'the year of the start date, “soon”, is not a whole number' },
    ]);
  });
});

describe('TimelineJS JSON', () => {
  it('when Claimline’s own export is read, then each slide comes back with its id, statement, date at its precision and group', () => {
    const db = makeDatabase();
    const exported = JSON.parse(JSON.stringify(toTimelineJs(db, db.claims, { title: 'Apple in China', today }))) as Record<string, unknown>;
    const read = readTimelineJsJson(exported, { name: 'timeline.json', today });
    expect(read.problems).toEqual([]);
    expect(read.rows.map((slide) => [slide.id, slide.body.statement, slide.body.date, slide.body.actors])).toEqual(
      db.claims.map((claim) => [claim.id, claim.statement, claim.date.label, claim.actors.slice(0, 1)]),
    );
  });

  it('when a group or display date holds escaped markup, then it reads back as the text TimelineJS shows', () => {
    const db = makeDatabase();
    const [claim] = db.claims;
    const marked = { ...claim!, actors: ['R&D <team>'] };
    const exported = JSON.parse(JSON.stringify(toTimelineJs(db, [marked], { title: 'T', today }))) as Record<string, unknown>;
    expect(readTimelineJsJson(exported, { name: 't.json', today }).rows[0]?.body.actors).toEqual(['R&D <team>']);
  });

  it('when the export of an empty filter is read, then its “no claims” slide is not a claim', () => {
    const exported = JSON.parse(JSON.stringify(toTimelineJs(makeDatabase(), [], { title: 'T', today }))) as Record<string, unknown>;
    const read = readTimelineJsJson(exported, { name: 't.json', today });
    expect(read.rows).toEqual([]);
    expect(read.skipped).toEqual([{ where: 'events[0]', message: 'Claimline’s “no claims” slide, not a claim' }]);
  });

  it('when events are not a list or an event is not an object, then that is said', () => {
    expect(readTimelineJsJson({ events: 'none' }, { name: 't.json', today }).problems).toEqual([{ where: 'events', message: 'a TimelineJS timeline needs a list of events' }]);
    expect(readTimelineJsJson({ events: [3] }, { name: 't.json', today }).problems).toEqual([{ where: 'events[0]', message: 'an event must be an object' }]);
  });
});
