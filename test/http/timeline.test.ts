import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';

/** Where each text first appears in the claim list (the drawn timeline above it names claims too). */
const positions = (html: string, ...needles: string[]) => {
  const list = html.slice(html.indexOf('id="claim-list"'));
  return needles.map((needle) => list.indexOf(needle));
};

describe('GET / (the timeline)', () => {
  it('shows the seeded story oldest first, each claim with its date and who made and relayed it', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/stories/apple-alibaba').expect(200);
    expect(res.text).toContain('13 claims');
    const [q2, q3, q4, q1] = positions(res.text, 'fell out of China’s top five', 'recovered its place', 'dipped in the holiday quarter', 'forecast strong sales growth');
    expect(q2).toBeGreaterThan(0);
    expect(q2).toBeLessThan(q3 ?? 0);
    expect(q3).toBeLessThan(q4 ?? 0);
    expect(q4).toBeLessThan(q1 ?? 0);
    expect(res.text).toContain('Q2 2024');
    expect(res.text).toMatch(/Claimed by <a href="\/sources\/the-information">The Information<\/a>/);
    expect(res.text).toMatch(/relayed by <a href="\/sources\/reuters">Reuters<\/a>/);
  });

  it('turns to newest first with the toggle, and the toggle links back', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/stories/apple-alibaba?order=desc').expect(200);
    const [q1, q2] = positions(res.text, 'forecast strong sales growth', 'fell out of China’s top five');
    expect(q1).toBeLessThan(q2 ?? 0);
    expect(res.text).toContain('newest first');
    expect(res.text).toContain('Oldest first');
  });

  it('filters by source, actor, topic, words and date range, keeping the filters in the form', async () => {
    const { app } = await makeApp();
    const bySource = await request(app).get('/stories/apple-alibaba?source=apple').expect(200);
    expect(bySource.text).toContain('1 claim match');
    const byActor = await request(app).get('/stories/apple-alibaba?actor=deepseek&topic=partnerships').expect(200);
    expect(byActor.text).toContain('2 claims match');
    expect(byActor.text).toMatch(/<option value="deepseek" selected>/);
    const byRange = await request(app).get('/stories/apple-alibaba?from=2024-Q3&to=2024-Q3').expect(200);
    expect(byRange.text).toContain('recovered its place');
    expect(byRange.text).not.toContain('fell out of China’s top five');
    expect(byRange.text).toContain('value="2024-Q3"');
  });

  it('links each active filter to the same view without it', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/stories/apple-alibaba?actor=apple&topic=regulation').expect(200);
    expect(res.text).toContain('href="/stories/apple-alibaba?topic=regulation"');
    expect(res.text).toContain('href="/stories/apple-alibaba?actor=apple"');
  });

  it('explains an impossible date in the filters with a 400 instead of guessing', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/stories/apple-alibaba?from=2024-Q5').expect(400);
    expect(res.text).toContain('there is no quarter Q5');
    expect(res.text).toContain('value="2024-Q5"');
  });

  it('pages long timelines with previous and next links', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/stories/apple-alibaba?page=2&limit=5').expect(200);
    expect(res.text).toContain('Page 2 of 3');
    expect(res.text).toContain('href="/stories/apple-alibaba?page=1"');
    expect(res.text).toContain('href="/stories/apple-alibaba?page=3"');
  });
});

describe('the filter form as a browser sends it', () => {
  it('treats the empty fields it sends as no filter', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/stories/apple-alibaba?q=&source=reuters&actor=&topic=&corroboration=&from=&to=').expect(200);
    expect(res.text).toContain('13 claims match');
  });
});
