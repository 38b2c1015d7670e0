import type { Request, Response } from 'express';
import { isApi } from './methods.js';

/**
 * Answers a refused request in the form the client reads: JSON for the API, the error page otherwise.
 * `back` is a same-site path offered as the way back (the form to open again).
 * @example refuse(req, res, 403, 'This form came from another site.')
 */
export function refuse(req: Request, res: Response, status: number, message: string, back?: string): void {
  if (isApi(req)) {
    res.status(status).json({ error: message });
    return;
  }
  res.status(status).render('errors/error', { title: 'Request refused', status, message, stack: undefined, back });
}
