import type { NextFunction, Request, Response } from 'express';
import { checkFormToken, FORM_TOKEN_LIFETIME_MS, issueFormToken } from './form-token.js';
import { isApi, isSessionChange, isWrite } from './methods.js';
import { refererPath } from './referer-path.js';
import { refuse } from './refuse.js';
import { SubmissionLedger, type SubmissionOutcome } from './submission-ledger.js';

export interface FormGuardOptions {
  secret: string;
  now: () => Date;
  /** Remembered submissions; beyond this the oldest are forgotten. */
  maxRemembered?: number;
}

/** Only a redirect without cookies can be replayed faithfully: a replay cannot re-send a sign-in cookie. */
function replayable(res: Response): SubmissionOutcome | undefined {
  const location = res.getHeader('location');
  if (res.statusCode !== 303 || typeof location !== 'string' || res.getHeader('set-cookie') !== undefined) return undefined;
  return { status: 303, location };
}

/**
 * Settles the ledger entry when the handler ends the response, which it does even when the browser
 * has already dropped the connection (a double click cancels the first request, not its write).
 */
function settleOnEnd(res: Response, settle: (outcome: SubmissionOutcome | undefined) => void): void {
  const end = res.end;
  res.end = function (this: Response, ...args: unknown[]) {
    settle(replayable(res));
    return (end as (...a: unknown[]) => Response).apply(this, args);
  } as Response['end'];
}

/**
 * One-time form tokens for the HTML pages. Reads set `res.locals.formToken` (printed by
 * `partials/form-token`); form posts must carry it back as `_token`, which is checked and removed from
 * `req.body` before handlers see it. The first post of a token runs; later posts of the same token, to any
 * path, wait for it and get the same 303. Needs the urlencoded body parser before it.
 * @example app.use(express.urlencoded({ extended: false })); app.use(formGuard({ secret, now }))
 */
export function formGuard(options: FormGuardOptions) {
  const ledger = new SubmissionLedger({ ttlMs: FORM_TOKEN_LIFETIME_MS, maxEntries: options.maxRemembered ?? 10_000 });
  return async (req: Request, res: Response, next: NextFunction) => {
    const editor = res.locals.editor as string | undefined;
    if (isApi(req)) return next();
    if (!isWrite(req)) {
      res.locals.formToken = issueFormToken(options.secret, editor, options.now());
      return next();
    }
    const body: unknown = req.body;
    let token: unknown;
    if (typeof body === 'object' && body !== null && Object.hasOwn(body, '_token')) {
      token = (body as Record<string, unknown>)._token;
      delete (body as Record<string, unknown>)._token;
    }
    const check = checkFormToken(options.secret, token, editor, options.now());
    if (check !== 'valid') {
      const message =
        check === 'expired'
          ? 'This form has expired, so nothing was stored. Open it again and send it once more.'
          : 'This form could not be checked (it expired or did not come from Claimline), so nothing was stored. Open it again and send it once more.';
      return refuse(req, res, 403, message, refererPath(req));
    }
    // A form re-shown after a 422 keeps its token, so the corrected post is still recognised as this form.
    res.locals.formToken = token;
    // Signing in or out stores nothing, and the sign-out button shares its page's token with the form beside it.
    if (isSessionChange(req)) return next();
    // The token alone, not the path: Express routes `/claims`, `/Claims` and `/claims/` alike, and a token used for
    // one form must not store again through another.
    const claim = await ledger.claim(String(token));
    if ('replay' in claim) return res.redirect(claim.replay.status, claim.replay.location);
    settleOnEnd(res, claim.settle);
    next();
  };
}
