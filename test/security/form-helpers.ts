import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll } from 'vitest';
import { issueFormToken } from '../../src/http/security/form-token.js';
import { makeApp, TEST_NOW } from '../helpers/app.js';

/** The secret the security tests give the app, so they can mint form tokens as the app would. */
export const TEST_SECRET = 'test-secret-of-at-least-thirty-two-characters';

const dirs: string[] = [];
// Removed after the whole file, once makeApp's own cleanup has closed every store writing into them.
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder of this test file; never under data/. */
export function securityDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimline-security-'));
  dirs.push(dir);
  return dir;
}

/** makeApp with the test secret, on a database in a temp folder of its own. */
export function securityApp(options: Parameters<typeof makeApp>[0] = {}) {
  return makeApp({ secret: TEST_SECRET, dbPath: join(securityDir(), 'claimline.db.json'), ...options });
}

/** A token as a freshly rendered form carries it, for the editor signed in (or nobody). */
export function formToken(editor?: string): string {
  return issueFormToken(TEST_SECRET, editor, TEST_NOW);
}

/** The `_token` a page printed into its forms. */
export function tokenIn(html: string): string | undefined {
  return /name="_token" value="([^"]+)"/.exec(html)?.[1];
}

/** Posts a form the way a browser on the page would: urlencoded, same-origin, with a fresh token. */
export function postForm(app: Express, path: string, fields: Record<string, string>, token = formToken()) {
  return request(app).post(path).type('form').set('Sec-Fetch-Site', 'same-origin').send({ ...fields, _token: token });
}

/** A claim the add form and the API both accept. */
export const goodClaim = { statement: 'Apple will sell AI iPhones in China from May.', date: '2025-05', source: 'Reuters' };
