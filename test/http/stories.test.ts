import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { expectStatus, submitForm } from '../helpers/forms.js';

type App = Awaited<ReturnType<typeof makeApp>>['app'];

/** A second story beside the seeded one, with one claim Reuters relayed about Alibaba. */
async function withSecondStory(app: App) {
  await request(app).post('/api/stories').send({ title: 'Alibaba cloud results', summary: 'Quarter by quarter.', slug: 'alibaba-cloud' }).expect(201);
  const claim = await request(app)
    .post('/api/claims')
    .send({ story: 'alibaba-cloud', statement: 'Alibaba cloud revenue grew 13% in the December quarter.', date: '2024-Q4', source: 'Alibaba', relayedBy: 'Reuters', actors: 'Alibaba' })
    .expect(201);
  return { claimId: claim.body.id as string };
}

describe('the list of stories at /', () => {
  it('shows each story with its summary, number of claims, date span and last change, and a form to start one', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/').expect(200);
    expect(res.text).toContain('<a href="/stories/apple-alibaba">Apple taps Alibaba to bring AI to Chinese iPhones</a>');
    expect(res.text).toContain('13 claims');
    expect(res.text).toMatch(/2024 – 2025|2023 – 2025/);
    expect(res.text).toContain('action="/stories"');
    expect(res.text).toContain('action="/search"');
  });

  it('pages a long list of stories fifty at a time', async () => {
    const { app } = await makeApp();
    for (let n = 1; n <= 55; n += 1) await request(app).post('/api/stories').send({ title: `Story number ${n}` }).expect(201);
    const first = await request(app).get('/').expect(200);
    expect(first.text).toContain('56 stories followed');
    expect(first.text).toContain('Page 1 of 2');
    expect(first.text).toContain('href="/?page=2"');
    const second = await request(app).get('/?page=2').expect(200);
    expect(second.text.match(/class="story-card"/g)).toHaveLength(6);
  });

  it('lists the story changed last first', async () => {
    let minutes = 0;
    const { app } = await makeApp({ now: () => new Date(Date.UTC(2025, 2, 1, 12, (minutes += 1))) });
    await withSecondStory(app);
    const res = await request(app).get('/').expect(200);
    expect(res.text.indexOf('Alibaba cloud results')).toBeLessThan(res.text.indexOf('Apple taps Alibaba'));
    await request(app).post('/api/claims').send({ story: 'apple-alibaba', statement: 'Apple said it would say more later.', date: '2025-02', source: 'Apple' }).expect(201);
    const after = await request(app).get('/').expect(200);
    expect(after.text.indexOf('Apple taps Alibaba')).toBeLessThan(after.text.indexOf('Alibaba cloud results'));
  });

  it('starts a story from the form and opens its empty timeline', async () => {
    const { app } = await makeApp();
    const res = await expectStatus(submitForm(app, '/', '/stories', { title: 'Huawei phone sales', summary: '', slug: '' }), 303);
    expect(res.headers.location).toBe('/stories/huawei-phone-sales');
    const page = await request(app).get('/stories/huawei-phone-sales').expect(200);
    expect(page.text).toContain('<h1>Huawei phone sales</h1>');
    expect(page.text).toContain('No claims in this story yet');
  });

  it('refuses a taken address with a 422 that keeps what was typed', async () => {
    const { app } = await makeApp();
    const res = await expectStatus(submitForm(app, '/', '/stories', { title: 'Another Apple story', summary: 'Typed with care.', slug: 'apple-alibaba' }), 422);
    expect(res.text).toContain('The address /stories/apple-alibaba is taken');
    expect(res.text).toContain('value="Another Apple story"');
    expect(res.text).toContain('value="Typed with care."');
  });

  it('gives every reader of the cached list a form token of their own, so two people can each start a story', async () => {
    const { app } = await makeApp();
    const first = await request(app).get('/').expect(200);
    const second = await request(app).get('/').expect(200);
    const tokenOf = (html: string) => /name="_token" value="([^"]+)"/.exec(html)?.[1];
    expect(tokenOf(first.text)).toBeTruthy();
    expect(tokenOf(second.text)).not.toBe(tokenOf(first.text));
    for (const [title, page] of [['Story one', first], ['Story two', second]] as const) {
      await request(app).post('/stories').type('form').send({ title, _token: tokenOf(page.text) }).expect(303);
    }
    const list = await request(app).get('/').expect(200);
    expect(list.text).toContain('Story one');
    expect(list.text).toContain('Story two');
  });
});

describe('a story’s timeline at /stories/:slug', () => {
  it('shows that story’s claims alone, and adding a claim from it puts the claim in it', async () => {
    const { app } = await makeApp();
    await withSecondStory(app);
    const cloud = await request(app).get('/stories/alibaba-cloud').expect(200);
    expect(cloud.text).toContain('Alibaba cloud revenue grew 13%');
    expect(cloud.text).not.toContain('Apple initially selected Baidu');
    expect(cloud.text).toContain('href="/claims/new?story=alibaba-cloud"');
    const form = await request(app).get('/claims/new?story=alibaba-cloud').expect(200);
    expect(form.text).toMatch(/<option value="alibaba-cloud" selected>/);
    const res = await expectStatus(submitForm(app, '/claims/new?story=alibaba-cloud', '/claims', { story: 'alibaba-cloud', statement: 'Alibaba said AI demand drove the growth.', date: '2024-Q4', source: 'Alibaba' }), 303);
    const id = res.headers.location?.split('/').pop() ?? '';
    expect(await storyIdOf(app, id)).toBe((await request(app).get('/api/stories/alibaba-cloud').expect(200)).body.story.id);
    expect((await request(app).get('/stories/alibaba-cloud').expect(200)).text).toContain('Alibaba said AI demand drove the growth.');
  });

  it('answers an unknown story with a 404 page', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/stories/no-such-story').expect(404);
    expect(res.text).toContain('<html');
  });

  it('shows a claim’s story on its page, at its global address', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/claims/apple-chose-alibaba').expect(200);
    expect(res.text).toContain('<a href="/stories/apple-alibaba">Apple taps Alibaba to bring AI to Chinese iPhones</a>');
  });

  it('exports and feeds that story alone; /export.json holds every story', async () => {
    const { app } = await makeApp();
    await withSecondStory(app);
    const csv = await request(app).get('/stories/alibaba-cloud/export.csv').expect(200);
    expect(csv.text).toContain('Alibaba cloud revenue grew 13%');
    expect(csv.text).not.toContain('Baidu');
    const feed = await request(app).get('/stories/alibaba-cloud/feed.atom').expect(200);
    expect(feed.text.match(/<entry>/g)).toHaveLength(1);
    const story = JSON.parse((await request(app).get('/stories/alibaba-cloud/export.json').expect(200)).text);
    expect(story.claims).toHaveLength(1);
    expect(story.stories.map((s: { slug: string }) => s.slug)).toEqual(['alibaba-cloud']);
    const whole = JSON.parse((await request(app).get('/export.json').expect(200)).text);
    expect(whole.claims).toHaveLength(14);
    expect(whole.stories).toHaveLength(2);
  });
});

/** The id of the story a claim is stored in, as the API gives it. */
async function storyIdOf(app: App, claimId: string): Promise<string> {
  return (await request(app).get(`/api/claims/${claimId}`).expect(200)).body.storyId;
}

describe('which story a new claim or document goes into', () => {
  it('defaults to the only story, and once there are two, asks for one by name (422)', async () => {
    const { app } = await makeApp();
    await request(app).post('/api/claims').send({ statement: 'Apple said more would follow.', date: '2025', source: 'Apple' }).expect(201);
    await request(app).post('/api/stories').send({ title: 'A second story' }).expect(201);
    const api = await request(app).post('/api/claims').send({ statement: 'Which story is this in?', date: '2025', source: 'Apple' }).expect(422);
    expect(api.body.errors.map((e: { field: string }) => e.field)).toContain('story');
    const document = await request(app)
      .post('/api/documents')
      .send({ title: 'A note', publisher: 'Reuters', url: 'https://example.com/note', publishedAt: '2025-02-11', text: 'Some words.' })
      .expect(422);
    expect(document.body.errors.map((e: { field: string }) => e.field)).toContain('story');
    const form = await expectStatus(submitForm(app, '/claims/new', '/claims', { statement: 'Typed in the form.', date: '2025', source: 'Apple' }), 422);
    expect(form.text).toContain('>Typed in the form.</textarea>');
    expect(form.text).toMatch(/id="story-error"/);
  });

  it('refuses a claim for an archived story', async () => {
    const { app } = await makeApp();
    await request(app).post('/api/stories').send({ title: 'Old news', slug: 'old-news' }).expect(201);
    await request(app).post('/api/stories/old-news/archive').send({ archived: true }).expect(200);
    const res = await request(app).post('/api/claims').send({ story: 'old-news', statement: 'Too late.', date: '2025', source: 'Apple' }).expect(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'story' });
  });
});

describe('sources, actors and search across stories', () => {
  it('shows a source’s claims grouped by story, with counts per story and in all', async () => {
    const { app } = await makeApp();
    await withSecondStory(app);
    const res = await request(app).get('/sources/reuters').expect(200);
    expect(res.text).toContain('in 2 stories');
    expect(res.text).toMatch(/<a href="\/stories\/apple-alibaba">Apple taps Alibaba[^<]*<\/a> <span class="count">\(13\)<\/span>/);
    expect(res.text).toMatch(/<a href="\/stories\/alibaba-cloud">Alibaba cloud results<\/a> <span class="count">\(1\)<\/span>/);
    expect(res.text).toContain('relayed 10');
  });

  it('shows an actor’s claims grouped by story, linked from each claim', async () => {
    const { app } = await makeApp();
    await withSecondStory(app);
    const claim = await request(app).get('/claims/apple-chose-alibaba').expect(200);
    expect(claim.text).toContain('href="/actors/alibaba"');
    const res = await request(app).get('/actors/alibaba').expect(200);
    expect(res.text).toContain('in 2 stories');
    expect(res.text).toContain('Alibaba cloud revenue grew 13%');
    expect(res.text).toContain('href="/stories/alibaba-cloud?actor=Alibaba"');
    await request(app).get('/actors/nobody-at-all').expect(404);
  });

  it('searches every story, grouping what it finds by story', async () => {
    const { app } = await makeApp();
    await withSecondStory(app);
    const res = await request(app).get('/search?q=alibaba').expect(200);
    expect(res.text).toMatch(/claims match “alibaba”, in 2 stories/);
    expect(res.text.indexOf('Alibaba cloud revenue grew 13%')).toBeGreaterThan(-1);
    const none = await request(app).get('/search?q=zeppelin').expect(200);
    expect(none.text).toContain('0 claims match “zeppelin”');
  });
});

describe('moving a claim to another story', () => {
  it('moves a claim without relations as an edit with a revision', async () => {
    const { app } = await makeApp();
    await withSecondStory(app);
    const res = await expectStatus(
      submitForm(app, '/claims/iphone-sales-dipped-holiday-quarter/move', '/claims/iphone-sales-dipped-holiday-quarter/move', { story: 'alibaba-cloud', editor: 'Ana', reason: 'Filed under the wrong story' }),
      303,
    );
    expect(res.headers.location).toBe('/claims/iphone-sales-dipped-holiday-quarter');
    const page = await request(app).get('/claims/iphone-sales-dipped-holiday-quarter').expect(200);
    expect(page.text).toContain('<a href="/stories/alibaba-cloud">Alibaba cloud results</a>');
    const history = await request(app).get('/api/claims/iphone-sales-dipped-holiday-quarter/revisions').expect(200);
    expect(history.body.revisions.at(-1)).toMatchObject({ editor: 'Ana', reason: 'Filed under the wrong story' });
    expect(history.body.revisions.at(-1).changes.map((c: { field: string }) => c.field)).toContain('storyId');
  });

  it('refuses to move a claim away from the claims it is related to, naming them, and keeps the form', async () => {
    const { app } = await makeApp();
    await withSecondStory(app);
    const res = await expectStatus(submitForm(app, '/claims/apple-chose-alibaba/move', '/claims/apple-chose-alibaba/move', { story: 'alibaba-cloud', editor: 'Ana' }), 422);
    expect(res.text).toMatch(/relat/i);
    expect(res.text).toContain('<option value="alibaba-cloud" selected>');
    expect(await storyIdOf(app, 'apple-chose-alibaba')).toBe(await storyIdOf(app, 'apple-selected-baidu'));
  });

  it('moves a claim with the claims tied to it by relations when asked, relations and all', async () => {
    const { app } = await makeApp();
    await withSecondStory(app);
    const res = await request(app).post('/api/claims/apple-fell-out-of-top-five/move').send({ story: 'alibaba-cloud', withRelated: true, editor: 'Ana' }).expect(200);
    expect(res.body.moved.sort()).toEqual(['apple-back-in-top-five', 'apple-fell-out-of-top-five']);
    const cloud = await request(app).get('/api/stories/alibaba-cloud/claims').expect(200);
    expect(cloud.body.total).toBe(3);
    const moved = await request(app).get('/api/claims/apple-fell-out-of-top-five').expect(200);
    expect(moved.body.relations).toHaveLength(1);
  });
});

describe('archiving a story', () => {
  it('takes it off the list, keeps it readable and exportable, and makes it read-only until it is brought back', async () => {
    const { app } = await makeApp();
    await withSecondStory(app);
    const res = await expectStatus(submitForm(app, '/stories/alibaba-cloud/archive', '/stories/alibaba-cloud/archive', {}), 303);
    expect(res.headers.location).toBe('/');
    const list = await request(app).get('/').expect(200);
    expect(list.text).not.toContain('Alibaba cloud results');
    expect(list.text).toContain('1 archived');
    expect((await request(app).get('/stories/archived').expect(200)).text).toContain('Alibaba cloud results');
    const timeline = await request(app).get('/stories/alibaba-cloud').expect(200);
    expect(timeline.text).toContain('This story is archived');
    expect(timeline.text).not.toContain('Add a claim to this story');
    await request(app).get('/stories/alibaba-cloud/export.csv').expect(200);
    const [id] = JSON.parse((await request(app).get('/stories/alibaba-cloud/export.json').expect(200)).text).claims.map((c: { id: string }) => c.id);
    const claimPage = await request(app).get(`/claims/${id}`).expect(200);
    expect(claimPage.text).toContain('read-only');
    expect(claimPage.text).not.toContain('Edit this claim');
    const edit = await request(app).post(`/api/claims/${id}/status`).send({ status: 'confirmed', on: '2025-02-20', editor: 'Ana' }).expect(422);
    expect(edit.body.errors[0]).toMatchObject({ field: 'story' });
    await expectStatus(submitForm(app, '/stories/alibaba-cloud/archive', '/stories/alibaba-cloud/archive', {}), 303);
    await request(app).post(`/api/claims/${id}/status`).send({ status: 'confirmed', on: '2025-02-20', editor: 'Ana' }).expect(200);
    expect((await request(app).get('/').expect(200)).text).toContain('Alibaba cloud results');
  });
});

describe('links from before there were stories', () => {
  it('go on (301) to the one story: the filtered timeline and the old export and feed addresses', async () => {
    const { app } = await makeApp();
    const timeline = await request(app).get('/?source=reuters&order=desc').expect(301);
    expect(timeline.headers.location).toBe('/stories/apple-alibaba?source=reuters&order=desc');
    expect((await request(app).get('/export.csv?actor=apple').expect(301)).headers.location).toBe('/stories/apple-alibaba/export.csv?actor=apple');
    expect((await request(app).get('/export/timelinejs.json').expect(301)).headers.location).toBe('/stories/apple-alibaba/export/timelinejs.json');
    expect((await request(app).get('/feed.atom').expect(301)).headers.location).toBe('/stories/apple-alibaba/feed.atom');
  });

  it('keep answering for every story once there are several', async () => {
    const { app } = await makeApp();
    await withSecondStory(app);
    await request(app).get('/feed.atom').expect(200);
    const csv = await request(app).get('/export.csv').expect(200);
    expect(csv.text).toContain('Alibaba cloud revenue grew 13%');
    expect(csv.text).toContain('Baidu');
  });
});

describe('the stories API', () => {
  it('lists, creates, reads and pages through stories', async () => {
    const { app } = await makeApp();
    const created = await request(app).post('/api/stories').send({ title: 'Chip export rules', summary: 'Who may sell what to whom.' }).expect(201);
    expect(created.headers.location).toBe('/api/stories/chip-export-rules');
    expect(created.body.story).toMatchObject({ slug: 'chip-export-rules', title: 'Chip export rules', summary: 'Who may sell what to whom.' });
    const list = await request(app).get('/api/stories').expect(200);
    expect(list.body.stories.map((s: { slug: string }) => s.slug).sort()).toEqual(['apple-alibaba', 'chip-export-rules']);
    const seeded = list.body.stories.find((s: { slug: string }) => s.slug === 'apple-alibaba');
    expect(seeded).toMatchObject({ claims: 13, span: { start: expect.any(String), end: expect.any(String) } });
    expect((await request(app).get('/api/stories/apple-alibaba').expect(200)).body.story.title).toBe('Apple taps Alibaba to bring AI to Chinese iPhones');
    const claims = await request(app).get('/api/stories/apple-alibaba/claims?actor=deepseek').expect(200);
    expect(claims.body.claims.map((c: { id: string }) => c.id)).toContain('apple-passed-on-deepseek');
    await request(app).get('/api/stories/nope').expect(404);
    const taken = await request(app).post('/api/stories').send({ title: 'Again', slug: 'chip-export-rules' }).expect(422);
    expect(taken.body.errors[0].field).toBe('slug');
    const bad = await request(app).post('/api/stories').send({ title: '', slug: 'Not A Slug' }).expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['slug', 'title']);
  });
});
