import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Captures } from './captures.js';

/**
 * The limit the bench compares Claimline with: a bare `node:http` server answering each path with bytes
 * captured from Claimline (status, headers, body), doing no other work. Run as its own process so it does not
 * share an event loop with the load generator, as Claimline does not.
 *
 * Usage: node --import tsx scripts/bench/bare-server.ts <captures.json> <port>
 */

const [capturesFile, portText] = process.argv.slice(2);
if (!capturesFile || !portText) {
  console.error('usage: bare-server.ts <captures.json> <port>');
  process.exit(2);
}
const captures = JSON.parse(readFileSync(capturesFile, 'utf8')) as Captures;
const routes = new Map(
  Object.entries(captures).map(([path, c]) => [path, { status: c.status, headers: c.headers, body: Buffer.from(c.body, 'base64') }]),
);

const server = createServer((req, res) => {
  const route = routes.get(req.url ?? '');
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(route.status, route.headers).end(route.body);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(portText), '127.0.0.1', () => console.log(`bare server on 127.0.0.1:${portText}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
