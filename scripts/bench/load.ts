import autocannon from 'autocannon';
import { call } from './http-client.js';

export interface LoadResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers received within the window. */
  requests: number;
  /** Answers that were not 2xx, plus errors and timeouts: any of them makes the figure suspect. */
  failures: number;
  /** Set when too few answers came back for the rate or the p99 to mean much: one request on its own, timed. */
  aloneMs?: number;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
  /** Load before measuring, so caches are warm and the JIT has compiled the hot path. */
  warmupSeconds: number;
}

/** Fewer answers than this per connection in a window make its rate and p99 noise. */
const MIN_ANSWERS_PER_CONNECTION = 2;

/**
 * autocannon stops sending at its deadline, but the server still works through what it was sent. One more
 * request, queued behind that backlog, returns once the server is idle, so the next window starts clean.
 */
async function drain(port: number, path: string): Promise<void> {
  await call(port, path);
}

/**
 * Drives `GET http://127.0.0.1:<port><path>` with autocannon for a bounded time, after a warm-up.
 * @example const result = await measureGet(3001, '/', { seconds: 5, connections: 10, warmupSeconds: 1 })
 */
export async function measureGet(port: number, path: string, options: LoadOptions): Promise<LoadResult> {
  const url = `http://127.0.0.1:${port}${path}`;
  if (options.warmupSeconds > 0) {
    await autocannon({ url, connections: options.connections, duration: options.warmupSeconds });
    await drain(port, path);
  }
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds });
  await drain(port, path);
  const measured: LoadResult = {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
  if (measured.requests >= MIN_ANSWERS_PER_CONNECTION * options.connections) return measured;
  const alone = await call(port, path);
  return { ...measured, reqPerSec: measured.requests / options.seconds, aloneMs: alone.ms };
}
