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
    const claim = (await store.dump()).claims.at(-1);
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
    expect(res.text).toContain('The date reads as Q4 2024 (from ‘the holiday quarter’, relative to 11 Feb 2025; read back: nothing in the sentence looks forward).');
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

  it('reads a date without its year the way the claim’s quote points, and says so on the claim page', async () => {
    const { app, store } = await makeApp();
    const post = await expectStatus(
      submitForm(app, '/claims/new', '/claims', {
        statement: 'Talks resume in January.',
        date: 'Jan. 20',
        dateReference: '2025-01-10',
        quote: 'Talks will resume on Jan. 20, the ministry said.',
        source: 'Reuters',
      }),
      303,
    );
    expect((await store.dump()).claims.at(-1)?.date).toMatchObject({ value: '2025-01-20', direction: 'forward', directionCue: 'will resume' });
    const page = await request(app).get(post.headers.location ?? '').expect(200);
    expect(page.text).toContain('Read as 20 January 2025 (from ‘Jan. 20’, relative to 10 Jan 2025; read forward: ‘will resume’)');
  });

  it('reads the statement as the sentence when the API is given no quote', async () => {
    const { app } = await makeApp();
    const res = await request(app)
      .post('/api/claims')
      .send({ statement: 'Apple plans to launch the features in the second quarter.', date: 'the second quarter', dateReference: '2025-02-11', source: 'Reuters' })
      .expect(201);
    expect(res.body.date).toMatchObject({ value: '2025-Q2', direction: 'forward', directionCue: 'plans' });
  });

  it('reads fiscal years with the fiscal year end recorded for an actor, and refuses them when none is', async () => {
    const { app } = await makeApp();
    const apple = await request(app)
      .post('/api/claims')
      .send({ statement: 'Apple’s revenue grew in fiscal 2024.', date: 'fiscal 2024', source: 'Reuters', actors: ['Apple'] })
      .expect(201);
    expect(apple.body.date).toMatchObject({ value: '2023-10/2024-09', label: 'fiscal 2024 (October 2023 – September 2024)' });
    const alibaba = await request(app).post('/api/claims').send({ statement: 'Alibaba grew in fiscal 2024.', date: 'fiscal 2024', source: 'Reuters', actors: ['Alibaba'] }).expect(422);
    expect(alibaba.body.errors).toEqual([{ field: 'date', message: expect.stringContaining('depends on the company’s fiscal calendar, which is not recorded') }]);
  });

  it('tells the live preview which way a bare date was read, from the sentence, source and actors it is given', async () => {
    const { app } = await makeApp();
    const forward = await request(app)
      .get('/api/dates/parse')
      .query({ text: 'in March', reference: '2025-02-11', sentence: 'Talks will resume in March.' })
      .expect(200);
    expect(forward.body.date).toMatchObject({ value: '2025-03', direction: 'forward', directionCue: 'will resume' });
    expect(forward.body.description).toBe('March 2025 (from ‘in March’, relative to 11 Feb 2025; read forward: ‘will resume’)');
    const back = await request(app).get('/api/dates/parse').query({ text: 'in March', reference: '2025-02-11' }).expect(200);
    expect(back.body.date).toMatchObject({ value: '2024-03', direction: 'back' });
    const fiscal = await request(app).get('/api/dates/parse').query({ text: 'FY25', source: 'Apple' }).expect(200);
    expect(fiscal.body.date.value).toBe('2024-10/2025-09');
    const viaActor = await request(app).get('/api/dates/parse').query({ text: 'FY25', source: 'Reuters', actors: 'Alibaba, Apple' }).expect(200);
    expect(viaActor.body.date.value).toBe('2024-10/2025-09');
    const vague = await request(app).get('/api/dates/parse').query({ text: 'in the coming months', reference: '2025-02-11' }).expect(422);
    expect(vague.body).toMatchObject({ message: expect.stringContaining('does not say when'), unparsed: 'in the coming months' });
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
    const events = await request(app).get('/stories/apple-alibaba').expect(200);
    expect(events.text).toContain('by <strong>when it happened</strong>');
    expect(events.text).toContain('href="/stories/apple-alibaba?axis=claimed"');
    const claimed = await request(app).get('/stories/apple-alibaba?axis=claimed').expect(200);
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
    const res = await request(app).get('/stories/apple-alibaba').expect(200);
    const list = res.text.slice(res.text.indexOf('id="claim-list"'));
    const at = (s: string) => list.indexOf(s);
    expect(at('<h2 class="period__heading">2024</h2>')).toBeGreaterThan(0);
    expect(at('Across 2024')).toBeLessThan(at('<h3 class="period__subheading">Q2 2024</h3>'));
    expect(at('Q2 2024</h3>')).toBeLessThan(at('Q3 2024</h3>'));
    expect(at('Q4 2024</h3>')).toBeLessThan(at('<h2 class="period__heading">2025</h2>'));
  });
});
