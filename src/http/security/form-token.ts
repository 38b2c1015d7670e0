import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Long enough for a reporter to leave a form open over lunch and a meeting. */
export const FORM_TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Clocks of one process do not run backwards much; anything further ahead was not made by us. */
const FUTURE_SKEW_MS = 60 * 1000;
const TOKEN_SHAPE = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export type FormTokenCheck = 'valid' | 'missing' | 'expired' | 'forged';

function mac(secret: string, issued: string, nonce: string, editor: string | undefined): Buffer {
  return createHmac('sha256', secret).update(`form-token\n${issued}\n${nonce}\n${editor ?? ''}`).digest();
}

/**
 * A fresh token for one rendering of a form: issue time, random nonce and their HMAC, bound to the
 * signed-in editor (so a token fetched anonymously cannot ride on an editor's session). Nothing is stored.
 * @example issueFormToken('secret', 'ana', new Date('2025-03-01T12:00:00Z')) //=> 'm7pz5q80.3q2-…'
 */
export function issueFormToken(secret: string, editor: string | undefined, at: Date): string {
  const issued = at.getTime().toString(36);
  const nonce = randomBytes(16).toString('base64url');
  return `${issued}.${nonce}.${mac(secret, issued, nonce, editor).toString('base64url')}`;
}

/**
 * Whether a submitted `_token` was issued by this secret for this editor and is still fresh.
 * @example checkFormToken('secret', token, 'ana', new Date()) //=> 'valid'
 */
export function checkFormToken(
  secret: string,
  token: unknown,
  editor: string | undefined,
  at: Date,
  lifetimeMs = FORM_TOKEN_LIFETIME_MS,
): FormTokenCheck {
  if (token === undefined || token === '') return 'missing';
  if (typeof token !== 'string') return 'forged';
  const parts = TOKEN_SHAPE.exec(token);
  if (!parts) return 'forged';
  const [, issued = '', nonce = '', signature = ''] = parts;
  const expected = mac(secret, issued, nonce, editor);
  const given = Buffer.from(signature, 'base64url');
  // Base64 has spare bits in its last character: insist on the one spelling, so one token is one ledger key.
  if (given.toString('base64url') !== signature || given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  const age = at.getTime() - parseInt(issued, 36);
  if (age < -FUTURE_SKEW_MS) return 'forged';
  return age > lifetimeMs ? 'expired' : 'valid';
}
