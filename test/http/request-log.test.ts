import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { capturedLogs } from '../helpers/logs.js';

describe('the request log', () => {
  it('when a page is asked for, then one line says its method, path without the query, status, time and request id, which the answer carries too', async () => {
    const { logger, lines } = capturedLogs();
    const { app } = await makeApp({ logger });
    const res = await request(app).get('/sources?q=private+words').expect(200);
    const logged = lines();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 30, reqId: res.headers['x-request-id'], req: { method: 'GET', path: '/sources' }, res: { status: 200 } });
    expect(typeof logged[0]?.responseTime).toBe('number');
    expect(JSON.stringify(logged)).not.toContain('private');
  });

  it('when two requests come in, then each has its own id', async () => {
    const { logger, lines } = capturedLogs();
    const { app } = await makeApp({ logger });
    await request(app).get('/').expect(200);
    await request(app).get('/api/claims/nope').expect(404);
    const [first, second] = lines();
    expect(first?.reqId).not.toBe(second?.reqId);
    expect(second).toMatchObject({ req: { method: 'GET', path: '/api/claims/nope' }, res: { status: 404 } });
  });

  it('when a request fails on our side, then its line is an error with the stack, under the id the answer gave', async () => {
    const { logger, lines } = capturedLogs();
    const { app, store } = await makeApp({ logger });
    store.read = () => Promise.reject(new Error('the disk went away'));
    const res = await request(app).get('/sources').expect(500);
    const logged = lines().filter((line) => line.reqId === res.headers['x-request-id']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, res: { status: 500 }, err: { message: 'the disk went away' } });
    expect(String((logged[0]?.err as { stack?: string }).stack)).toContain('the disk went away');
  });
});
