import { Agent, request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** From sending the request to the last byte of the body. */
  ms: number;
}

export interface Call {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Keep-alive, so a write's latency is the server's work, not a TCP handshake per request. */
export const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * One HTTP request to 127.0.0.1 with plain `node:http`: no fetch machinery, whose first call alone costs tens of
 * milliseconds and would blur cold-start and first-render timings.
 * @example const reply = await call(3001, '/api/claims?page=1')
 */
export function call(port: number, path: string, options: Call = {}, agent: Agent | false = keepAlive): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: {
          ...options.headers,
          ...(options.body !== undefined && { 'content-length': String(Buffer.byteLength(options.body)) }),
        },
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error(`${options.method ?? 'GET'} ${path}: no answer in 60 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** `call` with a JSON body. */
export function postJson(port: number, path: string, value: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return call(port, path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) });
}
