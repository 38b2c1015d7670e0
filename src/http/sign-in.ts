import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { editorNameKey, type EditorDirectory } from '../store/editor-accounts.js';
import { clearSessionCookie, sealSession, setSessionCookie } from './security/editor-session.js';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from './security/passwords.js';
import { FixedWindowLimiter, tooManyRequests } from './security/rate-limit.js';
import { safeNext } from './security/safe-next.js';

export interface SignInOptions {
  secret: string;
  editors: EditorDirectory;
  now: () => Date;
  /** Attempts per minute for one name from one address; one address may try five times that across names. */
  attemptsPerMinute: number;
}

const signInSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  next: z.string().max(2000).optional(),
});

const WRONG = 'That name and password do not match an editor account.';

function renderSignIn(req: Request, res: Response, status: number, view: { name?: string; next?: string; error?: string }) {
  res.status(status).render('sign-in', {
    title: 'Sign in',
    name: view.name ?? '',
    next: safeNext(view.next ?? req.query.next),
    error: view.error,
  });
}

/**
 * `GET /sign-in`, `POST /sign-in` and `POST /sign-out`. Sign-in sets a signed session cookie and goes
 * back to `next`; attempts are limited per name and address, and per address across names.
 * @example app.use(signInRoutes({ secret, editors, now, attemptsPerMinute: 10 }))
 */
export function signInRoutes(options: SignInOptions): Router {
  const router = express.Router();
  const perName = new FixedWindowLimiter({ limit: options.attemptsPerMinute, windowMs: 60_000, now: () => options.now().getTime() });
  const perAddress = new FixedWindowLimiter({ limit: options.attemptsPerMinute * 5, windowMs: 60_000, now: () => options.now().getTime() });
  // A name with no account still costs one scrypt, so timing does not tell which names exist.
  const decoy = hashPassword('no account has this password');

  router.get('/sign-in', (req: Request, res: Response) => renderSignIn(req, res, 200, {}));

  router.post('/sign-in', async (req: Request, res: Response) => {
    const parsed = signInSchema.safeParse(req.body);
    const given = req.body as Record<string, unknown> | undefined;
    const typedName = typeof given?.name === 'string' ? given.name : '';
    const next = typeof given?.next === 'string' ? given.next : undefined;
    if (!parsed.success) return renderSignIn(req, res, 422, { name: typedName, next, error: 'Give your editor name and password.' });
    const { name, password } = parsed.data;
    const address = req.ip ?? 'unknown';
    for (const decision of [perAddress.hit(address), perName.hit(`${address}\n${editorNameKey(name)}`)]) {
      if (!decision.allowed) {
        return tooManyRequests(req, res, decision.retryAfterSeconds, `Too many sign-in attempts. Wait ${decision.retryAfterSeconds} seconds and try again.`);
      }
    }
    const account = await options.editors.find(name);
    const matches = await verifyPassword(password, account?.passwordHash ?? (await decoy));
    if (!account || !matches) return renderSignIn(req, res, 401, { name, next, error: WRONG });
    setSessionCookie(req, res, sealSession(options.secret, account, options.now().getTime()));
    res.redirect(303, safeNext(next));
  });

  router.post('/sign-out', (req: Request, res: Response) => {
    clearSessionCookie(req, res);
    res.redirect(303, '/');
  });

  return router;
}
