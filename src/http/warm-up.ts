import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/**
 * Renders the given pages once on a private loopback port before the real one opens, so the first
 * reader does not wait while templates compile and the timeline's indexes are built; the renders land
 * in the response cache. A page that fails to render is left for the first real request to report.
 */
export async function warmUp(app: Express, paths: readonly string[]): Promise<void> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    for (const path of paths) {
      await new Promise<void>((resolve) => {
        get({ host: '127.0.0.1', port, path }, (res) => res.resume().once('end', resolve)).once('error', () => resolve());
      });
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
