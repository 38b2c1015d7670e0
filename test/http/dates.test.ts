import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { expectStatus, submitForm } from '../helpers/forms.js';

const DOC = 'af-apple-taps-alibaba';

describe('dates as writers give them', () => {
  it('reads “the second quarter last year” against the document and shows both the phrase and the reading', async () => {
    const { app, store } = await makeApp();
    const post = await expectStatus(
      submitForm(app, '/claims/new', '/claims', { statement: 'Apple fell out of the top five.', date: 'the second quarter last year', source: 'Reuters', document: DOC }),
      303,
    );
    const claim = store.data.claims.at(-1);
    expect(claim?.date).toMatchObject({ value: '2024-Q2', phrase: 'the second quarter last year', reference: '2025-02-11' });
    const page = await request(app).get(post.headers.location ?? '').expect(200);
    expect(page.text).toContain('Read as Q2 2024 (from ‘the second quarter last year’, relative to 11 Feb 2025)');
  });

  it('shows how a date was read beside a form rejected for another reason', async () => {
    const { app } = await makeApp();
    const res = await expectStatus(
      submitForm(app, '/claims/new', '/claims', { statement: '', date: 'the holiday quarter', source: 'Reuters', dateReference: '2025-02-11' }),
      422,
    );
    expect(res.text).toContain('The date reads as Q4 2024 (from ‘the holiday quarter’, relative to 11 Feb 2025).');
  });

  it('asks for the document’s date when a relative phrase has nothing to be read against', async () => {
    const { app } = await makeApp();
    const res = await request(app).post('/api/claims').send({ statement: 's', date: 'last year', source: 'Reuters', dateReference: 'soon' }).expect(422);
    expect(res.body.errors[0].field).toBe('date');
  });

  it('takes claimedAt and keeps it apart from the event date', async () => {
    const { app } = await makeApp();
    const res = await request(app)
      .post('/api/claims')
      .send({ statement: 's', date: 'since last year', dateReference: '2025-02-11', claimedAt: '2025-02-11', source: 'Reuters' })
      .expect(201);
    expect(res.body.date).toMatchObject({ value: '2024/..', openEnd: true, phrase: 'since last year' });
    expect(res.body.claimedAt).toMatchObject({ value: '2025-02-11', precision: 'day' });
  });

  it('parses dates for scripts and the live preview at GET /api/dates/parse', async () => {
    const { app } = await makeApp();
    const ok = await request(app).get('/api/dates/parse').query({ text: 'the current quarter', reference: '2025-02-11' }).expect(200);
    expect(ok.body.date).toMatchObject({ value: '2025-Q1', label: 'Q1 2025' });
    expect(ok.body.description).toBe('Q1 2025 (from ‘the current quarter’, relative to 11 Feb 2025)');
    const viaDocument = await request(app).get('/api/dates/parse').query({ text: 'the holiday quarter', document: DOC }).expect(200);
    expect(viaDocument.body.date.value).toBe('2024-Q4');
    const bad = await request(app).get('/api/dates/parse').query({ text: 'next fortnight', reference: '2025-02-11' }).expect(422);
    expect(bad.body.message).toContain('fortnight');
    expect(bad.body.examples.length).toBeGreaterThan(3);
  });

  it('refuses impossible dates, backwards ranges, years out of range and future references', async () => {
    const { app } = await makeApp();
    for (const date of ['2024-02-30', '2024-Q0', '2024-13', '2025-03/2024-12', '1850', '2150']) {
      const res = await request(app).post('/api/claims').send({ statement: 's', date, source: 'Reuters' });
      expect(res.status, date).toBe(422);
    }
    const future = await request(app).post('/api/claims').send({ statement: 's', date: 'last year', dateReference: '2030-01-01', source: 'Reuters' });
    expect(future.status).toBe(422);
  });
});

describe('two timelines: when it happened, when it was claimed', () => {
  it('says which axis it shows and links to the other', async () => {
    const { app } = await makeApp();
    const events = await request(app).get('/').expect(200);
    expect(events.text).toContain('by <strong>when it happened</strong>');
    expect(events.text).toContain('href="/?axis=claimed"');
    const claimed = await request(app).get('/?axis=claimed').expect(200);
    expect(claimed.text).toContain('by <strong>when it was claimed</strong>');
    expect(claimed.text).toContain('Show when it happened');
  });

  it('puts the Baidu selection in 2024 by event and in February 2025 by claim', async () => {
    const { app } = await makeApp();
    const byEvent = await request(app).get('/api/claims?from=2024&to=2024').expect(200);
    expect(byEvent.body.claims.map((c: { id: string }) => c.id)).toContain('apple-selected-baidu');
    const byClaim = await request(app).get('/api/claims?axis=claimed&from=2024&to=2024').expect(200);
    expect(byClaim.body.total).toBe(0);
    const february = await request(app).get('/api/claims?axis=claimed&from=2025-02&to=2025-02').expect(200);
    expect(february.body.claims.map((c: { id: string }) => c.id)).toContain('apple-selected-baidu');
  });

  it('groups the list under year and quarter headings, year-long spans heading their year', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/').expect(200);
    const list = res.text.slice(res.text.indexOf('id="claim-list"'));
    const at = (s: string) => list.indexOf(s);
    expect(at('<h2 class="period__heading">2024</h2>')).toBeGreaterThan(0);
    expect(at('Across 2024')).toBeLessThan(at('<h3 class="period__subheading">Q2 2024</h3>'));
    expect(at('Q2 2024</h3>')).toBeLessThan(at('Q3 2024</h3>'));
    expect(at('Q4 2024</h3>')).toBeLessThan(at('<h2 class="period__heading">2025</h2>'));
  });
});
