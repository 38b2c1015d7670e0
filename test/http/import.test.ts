import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/domain/formats/csv.js';
import type { Claim, Database } from '../../src/domain/types.js';
import { formToken } from '../helpers/forms.js';
import { emptyDatabase, makeApp } from '../helpers/app.js';

const recordCount = (db: Database) => db.stories.length + db.sources.length + db.documents.length + db.claims.length + db.revisions.length + db.relations.length;
const withoutExportedAt = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "…"');

describe('GET /import', () => {
  it('when opened, then it offers a file input, a place to paste, and a dry run that is ticked', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/import').expect(200);
    expect(res.text).toContain('enctype="multipart/form-data"');
    expect(res.text).toMatch(/<input id="file" name="file" type="file"/);
    expect(res.text).toContain('<textarea id="content" name="content"');
    expect(res.text).toMatch(/name="dryRun" value="on" checked/);
  });
});

describe('POST /import', () => {
  it('when a Claimline export is imported into an empty database, then exporting again gives the same bytes apart from the time', async () => {
    const seeded = await makeApp();
    const exported = (await request(seeded.app).get('/export.json').expect(200)).text;
    const empty = await makeApp({ seed: emptyDatabase });
    const res = await request(empty.app).post('/import').field('_token', await formToken(empty.app, '/import')).attach('file', Buffer.from(exported), 'story.json').expect(200);
    expect(res.text).toContain(`Stored: ${recordCount((await seeded.store.dump()))} added, 0 updated, 0 unchanged.`);
    const again = (await request(empty.app).get('/export.json').expect(200)).text;
    expect(withoutExportedAt(again)).toBe(withoutExportedAt(exported));
    expect((await empty.store.dump())).toEqual({ ...(await seeded.store.dump()) });
  });

  it('when the same file is imported twice, then the second time adds nothing', async () => {
    const seeded = await makeApp();
    const exported = (await request(seeded.app).get('/export.json').expect(200)).text;
    const { app, store } = await makeApp({ seed: emptyDatabase });
    await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from(exported), 'story.json').expect(200);
    const before = (await store.dump());
    const second = await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from(exported), 'story.json').expect(200);
    expect(second.text).toContain(`Stored: 0 added, 0 updated, ${recordCount(before)} unchanged.`);
    expect((await store.dump())).toEqual(before);
  });

  it('when the CSV export is imported into an empty database, then the claims come back with all that CSV carries', async () => {
    const seeded = await makeApp();
    const csv = (await request(seeded.app).get('/stories/apple-alibaba/export.csv').expect(200)).text;
    const { app, store } = await makeApp({ seed: emptyDatabase });
    await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from(csv), 'story.csv').expect(200);
    const carried = (claim: Claim) => ({
      id: claim.id,
      statement: claim.statement,
      // CSV carries neither the reference day nor the way a bare date was read.
      date: { ...claim.date, reference: undefined, direction: undefined, directionCue: undefined },
      claimedAt: claim.claimedAt.value,
      actors: claim.actors,
      topics: claim.topics,
      status: claim.status,
      supersedes: claim.supersedes,
      attributions: claim.attributions.map(({ sourceId, role, verb, quote, madeAt, note }) => ({ sourceId, role, verb, quote, madeAt, note })),
    });
    const byId = (a: Claim, b: Claim) => (a.id < b.id ? -1 : 1);
    expect([...(await store.dump()).claims].sort(byId).map(carried)).toEqual([...(await seeded.store.dump()).claims].sort(byId).map(carried));
    expect((await store.dump()).sources.map((source) => source.name).sort()).toEqual((await seeded.store.dump()).sources.map((source) => source.name).sort());
  });

  it('when the dry run is ticked, then the report says what would change and nothing is stored', async () => {
    const { app, store } = await makeApp();
    const csv = `${CSV_COLUMNS.slice(0, 3).join(',')}\r\nnew-claim,Apple & Alibaba sign,2025-02\r\n`;
    const res = await request(app).post('/import').field('_token', await formToken(app, '/import')).field('dryRun', 'on').attach('file', Buffer.from(csv), 'new.csv').expect(200);
    expect(res.text).toContain('Dry run: 1 would be added, 0 updated, 0 unchanged. Nothing was stored.');
    expect(res.text).toContain('Apple &amp; Alibaba sign');
    expect(res.text).toMatch(/name="dryRun" value="on" checked/);
    expect((await store.dump()).claims.some((claim) => claim.id === 'new-claim')).toBe(false);
  });

  it('when one row is bad, then the page names its line and why, and none of the file is stored', async () => {
    const { app, store } = await makeApp();
    const csv = [
      'claim_id,statement,date_value,status',
      'fine-claim,A claim that is fine,2025-02,reported',
      'bad-claim,A claim with a status nobody knows,2025-02,rumoured',
      '',
    ].join('\r\n');
    const res = await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from(csv), 'mixed.csv').expect(422);
    expect(res.text).toContain('Refused: 1 record cannot be imported, so nothing was stored');
    expect(res.text).toContain('<td>line 3</td>');
    expect(res.text).toContain('status: “rumoured” is not a status');
    expect((await store.dump()).claims.some((claim) => claim.id === 'fine-claim')).toBe(false);
  });

  it('when a file carries a javascript: link, then the page names the line and nothing is stored, so no page ever links to it', async () => {
    const { app, store } = await makeApp();
    const before = (await store.dump());
    const csv = [
      'claim_id,statement,date_value,role,source_id,verb,document_url',
      'hostile-link,A claim with a hostile link,2025-02,origin,reuters,said,javascript:alert(document.cookie)',
      '',
    ].join('\r\n');
    const res = await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from(csv), 'hostile.csv').expect(422);
    expect(res.text).toContain('<td>line 2</td>');
    expect(res.text).toContain('attributions[0].url: Give a web address starting with http:// or https://');
    expect((await store.dump())).toBe(before);
    await request(app).get('/claims/hostile-link').expect(404);
  });

  it('when the text is pasted instead of uploaded, then it is imported the same way', async () => {
    const { app, store } = await makeApp();
    const csv = 'claim_id,statement,date_value\r\npasted-claim,Pasted in,2025-01\r\n';
    await request(app).post('/import').field('_token', await formToken(app, '/import')).field('content', csv).expect(200);
    expect((await store.dump()).claims.find((claim) => claim.id === 'pasted-claim')?.date.label).toBe('January 2025');
  });

  it('when neither a file nor text is sent, then the form comes back asking for one', async () => {
    const { app } = await makeApp();
    const res = await request(app).post('/import').field('_token', await formToken(app, '/import')).field('dryRun', 'on').expect(422);
    expect(res.text).toContain('Choose a file to import (a Claimline export, a TimelineJS timeline or a spreadsheet saved as CSV), or paste its text.');
  });

  it('when the file is not UTF-8, then it is refused before anything is read from it', async () => {
    const { app } = await makeApp();
    const res = await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from([0x63, 0x6c, 0xe9, 0xff]), 'latin1.csv').expect(422);
    expect(res.text).toContain('latin1.csv is not UTF-8 text');
  });
});

describe('POST /import with the files newsrooms have', () => {
  it('when a spreadsheet has ordinary headers, then its rows are imported as claims', async () => {
    const { app, store } = await makeApp();
    const csv = 'Statement,Date,Source,URL,Quote\r\nApple picked Alibaba for China,2025-02-11,The Information,https://example.com/scoop,\r\n';
    const res = await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from(csv), 'newsroom.csv').expect(200);
    expect(res.text).toContain('newsroom.csv (spreadsheet)');
    expect(res.text).toContain('Stored: 1 added, 0 updated, 0 unchanged.');
    expect((await store.dump()).claims.find((claim) => claim.statement === 'Apple picked Alibaba for China')?.attributions[0]).toMatchObject({
      sourceId: 'the-information',
      url: 'https://example.com/scoop',
    });
  });

  it('when the headers are unknown, then a mapping step shows each column with a choice of field and a preview, and its choices are imported', async () => {
    const { app, store } = await makeApp();
    const csv = 'What was said,When,Said by,Mood\r\nApple & Alibaba sign a deal,February 2025,Reuters,calm\r\nHuawei ships AI phones,2024,Reuters,busy\r\n';
    const step = await request(app).post('/import').field('_token', await formToken(app, '/import')).field('dryRun', 'on').attach('file', Buffer.from(csv), 'desk.csv').expect(200);
    expect(step.text).toContain('desk.csv: which column is which?');
    expect(step.text).toMatch(/<label for="map-0">What was said<\/label>/);
    expect(step.text).toMatch(/<select id="map-3" name="map-3"><option value="" selected>Ignore this column<\/option>/);
    expect(step.text).toContain('<td>Apple &amp; Alibaba sign a deal</td>');
    expect(step.text).toContain('<input type="hidden" name="fileName" value="desk.csv">');
    const carried = /<textarea name="content" hidden aria-hidden="true">\n([\s\S]*?)<\/textarea>/.exec(step.text)?.[1] ?? '';
    const text = carried.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'");
    expect(text).toBe(csv);
    expect((await store.dump()).claims.some((claim) => claim.statement === 'Huawei ships AI phones')).toBe(false);

    const res = await request(app)
      .post('/import')
      .field('_token', await formToken(app, '/import'))
      .field('content', text)
      .field('fileName', 'desk.csv')
      .field('map-0', 'statement')
      .field('map-1', 'date')
      .field('map-2', 'source')
      .field('map-3', '')
      .expect(200);
    expect(res.text).toContain('Stored: 2 added, 0 updated, 0 unchanged.');
    expect((await store.dump()).claims.find((claim) => claim.statement === 'Apple & Alibaba sign a deal')?.date.value).toBe('2025-02');
  });

  it('when a mapping names a field Claimline does not have, then the form says so and nothing is read', async () => {
    const { app } = await makeApp();
    const res = await request(app).post('/import').field('_token', await formToken(app, '/import')).field('content', 'a,b\r\n1,2\r\n').field('map-0', 'mood').expect(422);
    expect(res.text).toContain('Column 1: “mood” is not a field Claimline reads.');
  });

  it('when the TimelineJS template is uploaded, then its rows are imported at the precision of their filled columns', async () => {
    const { app, store } = await makeApp();
    const csv = [
      'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background',
      ',,,,,,,,,Apple in China,,,,,,title,,',
      '2024,,,,,,,,,Apple looks for a partner,,,,,,,Apple,',
      '2024,10,,,2024,12,,,,Talks with Baidu,,,,,,,Baidu,',
      '',
    ].join('\r\n');
    const res = await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from(csv), 'my-own-timeline.csv').expect(200);
    expect(res.text).toContain('my-own-timeline.csv (TimelineJS sheet)');
    const dates = (await store.dump()).claims.filter((claim) => ['Apple looks for a partner', 'Talks with Baidu'].includes(claim.statement)).map((claim) => claim.date.label);
    expect(dates).toEqual(['2024', 'October – December 2024']);
  });

  it('when Claimline’s own TimelineJS export is imported, then it is read as TimelineJS, not refused as Claimline JSON', async () => {
    const { app, store } = await makeApp();
    const exported = (await request(app).get('/stories/apple-alibaba/export/timelinejs.json').expect(200)).text;
    const before = (await store.dump());
    const res = await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from(exported), 'timelinejs.json').expect(200);
    expect(res.text).toContain('timelinejs.json (TimelineJS JSON)');
    expect(res.text).toContain(`Stored: 0 added, 0 updated, ${before.claims.length} unchanged.`);
    expect((await store.dump())).toEqual(before);
  });

  it('when the file is none of the formats, then the page says what it looks like', async () => {
    const { app } = await makeApp();
    const res = await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>'), 'feed.json').expect(422);
    expect(res.text).toContain('this file looks like an Atom feed (XML)');
    const zip = await request(app).post('/import').field('_token', await formToken(app, '/import')).attach('file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81]), 'claims.xlsx').expect(422);
    expect(zip.text).toContain('claims.xlsx is not UTF-8 text: it looks like a ZIP file, such as an Excel or LibreOffice workbook');
  });
});
