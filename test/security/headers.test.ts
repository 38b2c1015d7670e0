import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Store } from '../../src/store/store.js';
import { securityApp } from './form-helpers.js';
import { capturedLogs, silentLogger } from '../helpers/logs.js';

/** A store whose data cannot be read: every page that touches it fails the way a bug would. */
const broken = () => Promise.reject(new Error('internal detail: /srv/claimline/secret-path'));
const brokenStore: Store = {
  version: 0,
  onChange: () => () => undefined,
  read: broken,
  load: broken,
  update: broken,
  checkRelation: () => null,
  dump: broken,
  close: () => Promise.resolve(),
};

function cspDirectives(header: string | undefined): Map<string, string> {
  return new Map((header ?? '').split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values.join(' ')] as [string, string];
  }));
}

describe('security headers', () => {
  for (const path of ['/', '/claims/new', '/api/claims', '/no-such-page']) {
    it(`when ${path} is fetched, then the CSP allows only our own scripts, forms to us and no framing, and no X-Powered-By`, async () => {
      const { app } = await securityApp();
      const res = await request(app).get(path);
      const csp = cspDirectives(res.headers['content-security-policy']);
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('script-src')).not.toContain('unsafe-inline');
      expect(csp.get('form-action')).toBe("'self'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });
  }
});

describe('the error page', () => {
  it('when something breaks in production, then the page says so in general words with no stack trace or internals', async () => {
    const app = createApp({ store: brokenStore, production: true, logger: silentLogger });
    const res = await request(app).get('/').expect(500);
    expect(res.text).toContain('Something went wrong on our side');
    expect(res.text).not.toContain('secret-path');
    expect(res.text).not.toMatch(/\bat [\w.<>]+ \(/);
    expect(res.text).not.toContain('class="stack"');
    const api = await request(app).get('/api/claims').expect(500);
    expect(api.body).toEqual({ error: 'Something went wrong on our side. Nothing you typed was stored.' });
  });

  it('when something breaks in development, then the stack is shown to help fix it', async () => {
    const app = createApp({ store: brokenStore, production: false, logger: silentLogger });
    const res = await request(app).get('/').expect(500);
    expect(res.text).toContain('class="stack"');
    expect(res.text).toContain('secret-path');
  });

  it('when something breaks, then the error is logged for the operator', async () => {
    const { logger, lines } = capturedLogs();
    const app = createApp({ store: brokenStore, production: true, logger });
    const res = await request(app).get('/').expect(500);
    const line = lines().find((logged) => logged.reqId === res.headers['x-request-id']);
    expect(JSON.stringify(line?.err)).toContain('secret-path');
  });
});
