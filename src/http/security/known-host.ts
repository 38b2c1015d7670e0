import type { NextFunction, Request, Response } from 'express';
import { refuse } from './refuse.js';

/**
 * True for a name that always means this machine: `localhost`, any `127.x.x.x`, `::1`. No other site can make a
 * browser send one of these as its Host, so they are safe to answer even when nothing else is configured.
 * @example isLoopbackName('127.0.0.2') //=> true
 * @example isLoopbackName('evil.example') //=> false
 */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * The address of a server listening on `host`:`port` as this machine reaches it: the host itself when it is a
 * loopback name, else 127.0.0.1 (a server on 0.0.0.0 is reached there too).
 * @example loopbackBaseUrl('0.0.0.0', 3000) //=> 'http://127.0.0.1:3000'
 * @example loopbackBaseUrl('::1', 3000) //=> 'http://[::1]:3000'
 */
export function loopbackBaseUrl(host: string, port: number): string {
  if (!isLoopbackName(host)) return `http://127.0.0.1:${port}`;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/** The host name of a Host header (`name`, `name:port`, `[v6]:port`), lower case, or null when it is not one. */
function hostnameOf(hostHeader: string): string | null {
  return HOST_HEADER.exec(hostHeader)?.[1]?.toLowerCase() ?? null;
}

/**
 * Answers only requests addressed to this Claimline: loopback names, and the host of the public URL. A page
 * elsewhere whose name was pointed at this machine (DNS rebinding) sends its own name as Host, and gets 421
 * before anything runs, so it can neither write as a same-origin page nor read what it should not. Behind a
 * trusted proxy, the name checked is the one the proxy forwards.
 * @example app.use(refuseUnknownHosts('https://claims.example.org'))
 */
export function refuseUnknownHosts(publicUrl: string) {
  const publicHost = new URL(publicUrl).hostname;
  return (req: Request, res: Response, next: NextFunction) => {
    const hostname = hostnameOf(req.host ?? '');
    if (hostname !== null && (hostname === publicHost || isLoopbackName(hostname))) return next();
    refuse(req, res, 421, `Claimline answers at ${publicUrl} (and at localhost on its own machine), not at the address this request was sent to. Nothing was read or stored.`);
  };
}
