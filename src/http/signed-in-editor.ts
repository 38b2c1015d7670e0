import type { Request, Response } from 'express';

/**
 * The body to validate, with the signed-in editor as its `editor` when sign-in is on, so a revision
 * names who really made it rather than whatever the form said; otherwise the body as sent.
 */
export function withSignedInEditor(req: Request, res: Response): unknown {
  const signedIn: unknown = res.locals.editor;
  return typeof signedIn === 'string' && signedIn ? { ...(req.body as object), editor: signedIn } : req.body;
}
