import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { EditorAccount, EditorDirectory } from '../../store/editor-accounts.js';

export const SESSION_COOKIE = 'claimline_editor';
/** A working day and then some; signing in again each morning is the price of not storing sessions. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

interface Session {
  name: string;
  expiresAt: number;
  /** Ties the session to the password it was opened with: a new password ends every old session. */
  stamp: string;
}

/** @example passwordStamp(account) //=> 'n4bQgYhMfWWaL-qg' */
function passwordStamp(account: EditorAccount): string {
  return createHash('sha256').update(account.passwordHash).digest('base64url').slice(0, 16);
}

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`editor-session\n${payload}`).digest();
}

/**
 * The cookie value for a signed-in editor: the session as base64url JSON and its HMAC. Nothing is kept on the server.
 * @example sealSession('secret', account, Date.now()) //=> 'eyJuYW1lIjoi….Hk2…'
 */
export function sealSession(secret: string, account: EditorAccount, nowMs: number): string {
  const session: Session = { name: account.name, expiresAt: nowMs + SESSION_LIFETIME_MS, stamp: passwordStamp(account) };
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

/**
 * The editor a cookie value names, when its signature holds, it has not expired, and the account still
 * exists with the same password; otherwise undefined.
 * @example await openSession('secret', cookie, editors, Date.now()) //=> 'Ana'
 */
export async function openSession(secret: string, value: string, editors: EditorDirectory, nowMs: number): Promise<string | undefined> {
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(secret, payload);
  if (given.toString('base64url') !== signature || given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let session: Partial<Session>;
  try {
    session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Session>;
  } catch {
    return undefined;
  }
  if (typeof session.name !== 'string' || typeof session.expiresAt !== 'number' || session.expiresAt <= nowMs) return undefined;
  const account = await editors.find(session.name);
  if (!account || passwordStamp(account) !== session.stamp) return undefined;
  return account.name;
}

/**
 * One cookie's raw value from a Cookie header.
 * @example readCookie('a=1; claimline_editor=xyz', 'claimline_editor') //=> 'xyz'
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site posts carry it),
 * Secure when the request came over https.
 * @example setSessionCookie(req, res, sealSession(secret, account, Date.now()))
 */
export function setSessionCookie(req: Request, res: Response, value: string): void {
  res.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: SESSION_LIFETIME_MS });
}

/** @example clearSessionCookie(req, res) */
export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}

export interface EditorSessionOptions {
  secret: string;
  editors: EditorDirectory;
  now: () => Date;
  requireSignIn: boolean;
}

/**
 * Reads the session cookie on every request: `res.locals.editor` is the signed-in editor's name (or
 * undefined), `res.locals.mayEdit` says whether this visitor may change data, `res.locals.signInRequired`
 * whether writing needs an account at all.
 * @example app.use(editorSessions({ secret, editors, now, requireSignIn: true }))
 */
export function editorSessions(options: EditorSessionOptions) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
    const editor = cookie ? await openSession(options.secret, cookie, options.editors, options.now().getTime()) : undefined;
    res.locals.editor = editor;
    res.locals.signInRequired = options.requireSignIn;
    res.locals.mayEdit = !options.requireSignIn || editor !== undefined;
    next();
  };
}
