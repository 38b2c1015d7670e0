import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';

describe('source pages', () => {
  it('list every source with how many claims it originated, relayed and published', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/sources').expect(200);
    expect(res.text).toMatch(/The Information<\/a><\/th><td>publication<\/td><td class="num">8<\/td><td class="num">0<\/td>/);
    expect(res.text).toMatch(/Reuters<\/a><\/th><td>wire-service<\/td><td class="num">4<\/td><td class="num">9<\/td>/);
  });

  it('show what The Information originated and what it relayed, as two lists with counts', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/sources/the-information').expect(200);
    expect(res.text).toContain('Claims it originated <span class="count">(8)</span>');
    expect(res.text).toContain('Claims it relayed <span class="count">(0)</span>');
    expect(res.text).toContain('Apple initially selected Baidu');
  });

  it('show Reuters relaying The Information’s claims and originating its own', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/sources/reuters').expect(200);
    expect(res.text).toContain('Claims it originated <span class="count">(4)</span>');
    expect(res.text).toContain('Claims it relayed <span class="count">(9)</span>');
  });

  it('answer an unknown source with a 404 page', async () => {
    const { app } = await makeApp();
    await request(app).get('/sources/nobody').expect(404);
  });
});
