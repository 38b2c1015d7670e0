import type { Reply } from './http-client.js';

/** One response as Claimline sent it, kept so the bare server can send the same bytes. */
export interface CapturedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  /** Base64, so any bytes survive the JSON file. */
  body: string;
}

/** Captured responses by request path (with query). */
export type Captures = Record<string, CapturedResponse>;

/** Headers that describe one connection or one moment rather than the response, so they are not replayed. */
const UNREPLAYED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * A reply as the bare server should repeat it: status, body and every header but the per-connection ones.
 * @example captureResponse(await call(port, '/')).status //=> 200
 */
export function captureResponse(reply: Reply): CapturedResponse {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(reply.headers)) {
    if (value !== undefined && !UNREPLAYED_HEADERS.has(name)) headers[name] = value;
  }
  return { status: reply.status, headers, body: reply.body.toString('base64') };
}
