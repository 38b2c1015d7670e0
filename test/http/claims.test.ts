import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { expectStatus, submitForm } from '../helpers/forms.js';

const goodForm = {
  statement: 'Apple will start selling AI iPhones in China in May.',
  date: '2025-05',
  source: 'the information',
  verb: 'reported',
  url: 'https://example.com/story',
  quote: 'Apple plans to start in May',
  relayedBy: 'Reuters, Bloomberg',
  actors: 'Apple, Alibaba',
  topics: 'AI features',
};

describe('a claim page', () => {
  it('shows the statement, the date with its precision, the chain with verbs, the quote and the article', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/claims/apple-fell-out-of-top-five').expect(200);
    expect(res.text).toContain('Apple briefly fell out of China’s top five smartphone vendors.');
    expect(res.text).toContain('Q2 2024');
    expect(res.text).toContain('quarter precision: 1 April 2024 to 30 June 2024');
    expect(res.text).toContain('Read as Q2 2024 (from ‘the second quarter last year’, relative to 11 Feb 2025)');
    expect(res.text).toContain('Those factors led Apple to briefly fall out of China’s top five smartphone vendors in the second quarter last year');
    expect(res.text).toContain('Apple Taps Alibaba to Bring AI to Chinese iPhones: Report');
    expect(res.text).toContain('href="https://www.asiafinancial.com/apple-taps-alibaba-to-bring-ai-to-chinese-iphones-report"');
    expect(res.text).toContain('href="/sources/reuters"');
    expect(res.text).toMatch(/Reuters<\/a> <span class="verb">reported<\/span>/);
  });

  it('shows origin, relay and publisher in that order', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/claims/apple-selected-baidu').expect(200);
    const at = (s: string) => res.text.indexOf(s);
    expect(at('chain__link--origin')).toBeLessThan(at('chain__link--relay'));
    expect(at('chain__link--relay')).toBeLessThan(at('chain__link--publisher'));
    expect(res.text).toContain('superseded');
    expect(res.text).toContain('href="/claims/apple-chose-alibaba"');
  });

  it('answers an unknown id with a real 404 page', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/claims/no-such-claim').expect(404);
    expect(res.text).toContain('Not found');
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('adding a claim through the form', () => {
  it('offers an empty form', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/claims/new').expect(200);
    for (const field of ['statement', 'date', 'source', 'verb', 'url', 'quote', 'relayedBy', 'actors', 'topics']) {
      expect(res.text).toContain(`name="${field}"`);
    }
  });

  it('stores the claim and lands on its page (POST → 303 → GET)', async () => {
    const { app, store } = await makeApp();
    const post = await expectStatus(submitForm(app, '/claims/new', '/claims', goodForm), 303);
    expect(post.headers.location).toBe('/claims/test-1');
    const page = await request(app).get(post.headers.location ?? '').expect(200);
    expect(page.text).toContain('Apple will start selling AI iPhones in China in May.');
    expect(page.text).toContain('May 2025');
    expect(page.text).toContain('href="/sources/bloomberg"');
    expect((await store.dump()).claims.at(-1)?.attributions[0]).toMatchObject({ sourceId: 'the-information', role: 'origin', verb: 'reported' });
  });

  it('gives a mistake back with a message next to the field and everything typed still there', async () => {
    const { app, store } = await makeApp();
    const before = (await store.dump()).claims.length;
    const res = await expectStatus(submitForm(app, '/claims/new', '/claims', { ...goodForm, date: '2024-13-45' }), 422);
    expect(res.text).toMatch(/id="date-error">The date: there is no month 13/);
    expect(res.text).toContain('value="2024-13-45"');
    expect(res.text).toContain('Apple will start selling AI iPhones in China in May.</textarea>');
    expect(res.text).toContain('value="Reuters, Bloomberg"');
    expect(res.text).toContain('aria-invalid="true"');
    expect((await store.dump()).claims.length).toBe(before);
  });
});
