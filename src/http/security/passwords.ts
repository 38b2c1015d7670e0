import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 64;
/** scrypt's recommended interactive cost: ~50 ms per check here, a wall for guessing offline. */
const COST = { N: 16_384, r: 8, p: 1 } as const;
/** Passwords past this are refused rather than hashed: nobody types more, and it bounds the work per attempt. */
export const MAX_PASSWORD_LENGTH = 1024;
const HASH_SHAPE = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function derive(password: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Hashes a password with scrypt and a random salt; the cost parameters travel in the text so they can rise later.
 * @example await hashPassword('correct horse battery') //=> 'scrypt$16384$8$1$<salt>$<key>'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Whether `password` matches a hash from `hashPassword`, compared in constant time. A malformed hash never matches.
 * @example await verifyPassword('correct horse battery', stored) //=> true
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parts = HASH_SHAPE.exec(hash);
  if (!parts || password.length > MAX_PASSWORD_LENGTH) return false;
  const [, n = '', r = '', p = '', salt = '', key = ''] = parts;
  const expected = Buffer.from(key, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}
