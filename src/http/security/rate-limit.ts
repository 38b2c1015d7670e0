import type { NextFunction, Request, Response } from 'express';
import { isWrite } from './methods.js';
import { refuse } from './refuse.js';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Counts hits per key in fixed windows. Bounded: finished windows are dropped when the table grows,
 * and past `maxKeys` the oldest keys go, so a flood of addresses cannot fill memory.
 */
export class FixedWindowLimiter {
  readonly #windows = new Map<string, Window>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor(options: { limit: number; windowMs: number; maxKeys?: number; now?: () => number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#maxKeys = options.maxKeys ?? 50_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Counts one hit for `key` and says whether it is within the limit.
   * @example new FixedWindowLimiter({ limit: 1, windowMs: 60_000 }).hit('10.0.0.1') //=> { allowed: true }
   */
  hit(key: string): RateDecision {
    const now = this.#now();
    let window = this.#windows.get(key);
    if (!window || now - window.startedAt >= this.#windowMs) {
      this.#windows.delete(key);
      window = { startedAt: now, count: 0 };
      this.#windows.set(key, window);
      if (this.#windows.size > this.#maxKeys) this.#prune(now);
    }
    window.count += 1;
    if (window.count <= this.#limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.#windowMs - now) / 1000)) };
  }

  #prune(now: number): void {
    for (const [key, window] of this.#windows) {
      if (now - window.startedAt >= this.#windowMs || this.#windows.size > this.#maxKeys) this.#windows.delete(key);
      else break;
    }
  }
}

/**
 * Answers 429 with `Retry-After` when the limiter says no.
 * @example if (!decision.allowed) return tooManyRequests(req, res, decision.retryAfterSeconds, 'Too many changes')
 */
export function tooManyRequests(req: Request, res: Response, retryAfterSeconds: number, message: string): void {
  res.set('Retry-After', String(retryAfterSeconds));
  refuse(req, res, 429, message);
}

/**
 * Limits writes (HTML and API) per client address to `perMinute`; reads are never limited.
 * @example app.use(writeRateLimit(120))
 */
export function writeRateLimit(perMinute: number, now?: () => number) {
  const limiter = new FixedWindowLimiter({ limit: perMinute, windowMs: 60_000, now });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isWrite(req)) return next();
    const decision = limiter.hit(req.ip ?? 'unknown');
    if (decision.allowed) return next();
    tooManyRequests(req, res, decision.retryAfterSeconds, `Too many changes from this address in one minute. Wait ${decision.retryAfterSeconds} seconds and try again; nothing was stored.`);
  };
}
