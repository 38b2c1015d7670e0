import { isLoopbackName } from './known-host.js';

/** What the environment says about who may write and how hard to guard; read by `server.ts` only. */
export interface SecuritySettings {
  requireSignIn: boolean;
  /** Undefined lets the app make a random one per process (form tokens then end with the process). */
  secret: string | undefined;
  writeLimitPerMinute: number;
  trustProxy: boolean | number | string | undefined;
  /** The address people open Claimline at (`https://claims.example.org`), without a trailing slash; undefined when not set. */
  publicUrl: string | undefined;
}

/** 32 characters of base64 is 192 bits: nobody guesses that, and shorter secrets are usually placeholders. */
const MIN_SECRET_LENGTH = 32;
const DEFAULT_WRITE_LIMIT = 120;

/**
 * Reads HOST, CLAIMLINE_SECRET, CLAIMLINE_WRITE_LIMIT, CLAIMLINE_TRUST_PROXY and CLAIMLINE_PUBLIC_URL. Listening beyond
 * this machine makes writes need a signed-in editor, and then a secret is required; a bad value throws
 * with a message saying what to set.
 * @example securitySettings({ HOST: '0.0.0.0', CLAIMLINE_SECRET: 'x'.repeat(32) }).requireSignIn //=> true
 */
export function securitySettings(env: Record<string, string | undefined>): SecuritySettings {
  const host = env.HOST ?? '127.0.0.1';
  const requireSignIn = !isLoopbackName(host);
  const secret = env.CLAIMLINE_SECRET || undefined;
  if (requireSignIn && !secret) {
    throw new Error(
      `HOST=${host} lets other machines connect, so editors must sign in, and sessions need a secret: set CLAIMLINE_SECRET to ${MIN_SECRET_LENGTH}+ random characters (e.g. \`openssl rand -base64 32\`)`,
    );
  }
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`CLAIMLINE_SECRET is ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} random ones`);
  }
  const limitText = env.CLAIMLINE_WRITE_LIMIT ?? String(DEFAULT_WRITE_LIMIT);
  if (!/^\d{1,7}$/.test(limitText)) {
    throw new Error(`CLAIMLINE_WRITE_LIMIT must be a whole number of writes per minute per client (0 turns the limit off), not "${limitText}"`);
  }
  return {
    requireSignIn,
    secret,
    writeLimitPerMinute: Number(limitText),
    trustProxy: trustProxyValue(env.CLAIMLINE_TRUST_PROXY),
    publicUrl: publicUrlValue(env.CLAIMLINE_PUBLIC_URL),
  };
}

/**
 * What `server.ts` prints about the addresses it answers at: without a public URL, a server listening beyond this
 * machine answers loopback names only, and people elsewhere would otherwise wonder why they get 421.
 * @example publicAddressNote({ requireSignIn: true, publicUrl: undefined, ... }) //=> 'No CLAIMLINE_PUBLIC_URL: …'
 */
export function publicAddressNote(settings: Pick<SecuritySettings, 'requireSignIn' | 'publicUrl'>): string | undefined {
  if (settings.publicUrl !== undefined) return `Answering at ${settings.publicUrl} (and at localhost on this machine)`;
  if (!settings.requireSignIn) return undefined;
  return 'No CLAIMLINE_PUBLIC_URL: only requests to localhost or 127.0.0.1 are answered, others get 421. Set it to the address people use, e.g. CLAIMLINE_PUBLIC_URL=https://claims.example.org';
}

/** An http(s) origin: links are built as `${publicUrl}/claims/…`, so a path, query or fragment would be lost or doubled. */
function publicUrlValue(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  const refuse = (why: string) =>
    new Error(`CLAIMLINE_PUBLIC_URL must be the address people open Claimline at, like https://claims.example.org (${why}), not "${text}"`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('a whole web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse('http or https');
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') throw refuse('no path, query, fragment or user name');
  return url.origin;
}

/** `true`/`false`, a hop count, or Express's list of addresses and subnets. */
function trustProxyValue(text: string | undefined): boolean | number | string | undefined {
  if (text === undefined || text === '') return undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}
