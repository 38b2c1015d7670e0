/**
 * Seeded generators of hostile request bodies, so a failure names a seed that reproduces it.
 * Bodies are built as key/value entries (not objects) so `__proto__` can be an ordinary key in the text.
 */

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
const int = (rng: Rng, max: number) => Math.floor(rng() * max);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)]!;

export const FIELDS = ['statement', 'date', 'dateReference', 'claimedAt', 'source', 'sourceId', 'verb', 'document', 'url', 'quote', 'relayedBy', 'actors', 'topics'] as const;

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__proto__[polluted]',
  'constructor[prototype][polluted]',
  'settings[view options][outputFunctionName]',
  'settings',
  'outputFunctionName',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '_token',
  '',
  'statement[]',
  'statement[0]',
  'a.b',
  'statement ',
  'STATEMENT',
];

/** Ranges that break naive code: controls, combining marks, bidi overrides, zero-width, astral, lone surrogates. */
const CODE_POINT_RANGES: Array<[number, number]> = [
  [0x20, 0x7e],
  [0x20, 0x7e],
  [0x00, 0x1f],
  [0x80, 0x2ff],
  [0x300, 0x36f],
  [0x590, 0x6ff],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2028, 0x2029],
  [0x4e00, 0x9fff],
  [0xd800, 0xdfff],
  [0xfff0, 0xffff],
  [0x1f300, 0x1faff],
  [0x10000, 0x10ffff],
];

const SNIPPETS = [
  '<script>alert(1)</script>',
  '<%= process.exit(1) %>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,x',
  '//evil.example',
  'https://example.com/a',
  'http://example.com',
  '2024',
  '2024-Q2',
  '2024-06-15',
  '2024-02-30',
  '2024-10/2024-12',
  'the second quarter last year',
  'Reuters',
  'reuters',
  'Reuters, Bloomberg',
  "'; DROP TABLE claims; --",
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  '%00',
  'null',
  'undefined',
  'NaN',
  '\u0000',
  '   ',
];

export function randomString(rng: Rng, maxLength = 80): string {
  const roll = rng();
  if (roll < 0.25) return pick(rng, SNIPPETS);
  if (roll < 0.3) return 'x'.repeat(int(rng, 3) === 0 ? 70_000 : 500 + int(rng, 3000));
  const length = int(rng, maxLength);
  let text = '';
  for (let i = 0; i < length; i++) {
    const [low, high] = pick(rng, CODE_POINT_RANGES);
    const point = low + int(rng, high - low + 1);
    text += point >= 0xd800 && point <= 0xdfff ? String.fromCharCode(point) : String.fromCodePoint(point);
  }
  return rng() < 0.2 ? ` \t${text}\n ` : text;
}

/** Any JSON value, nested a few levels deep. */
export function randomValue(rng: Rng, depth = 0): unknown {
  const roll = rng();
  if (roll < 0.55 || depth > 3) return randomString(rng);
  if (roll < 0.62) return pick(rng, [0, -1, 1e308, -0, 3.14, 2 ** 53 + 1]);
  if (roll < 0.67) return rng() < 0.5;
  if (roll < 0.72) return null;
  if (roll < 0.86) return Array.from({ length: int(rng, 4) }, () => randomValue(rng, depth + 1));
  return Object.fromEntries(randomEntries(rng, depth + 1));
}

/** Mostly the real fields (so some bodies pass), with hostile and random keys mixed in. */
export function randomEntries(rng: Rng, depth = 0): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  const plausible = rng() < 0.5;
  if (plausible) {
    entries.push(['statement', randomString(rng)], ['date', pick(rng, ['2024', '2024-Q2', '2025-05', '2024-06-15', randomString(rng)])]);
    entries.push(['source', rng() < 0.7 ? pick(rng, ['Reuters', 'Bloomberg', 'The Information']) : randomString(rng)]);
  }
  const extra = int(rng, plausible ? 4 : 8);
  for (let i = 0; i < extra; i++) {
    const key = rng() < 0.5 ? pick(rng, FIELDS) : rng() < 0.6 ? pick(rng, HOSTILE_KEYS) : randomString(rng, 12);
    entries.push([key, depth > 2 ? randomString(rng) : randomValue(rng, depth)]);
  }
  return entries;
}

/** Puts a findable marker into the statement (when it is text), so a stored claim names the body it came from. */
export function markStatement(entries: Array<[string, unknown]>, marker: string): void {
  for (const entry of entries) {
    if (entry[0] === 'statement' && typeof entry[1] === 'string') entry[1] = `${marker} ${entry[1]}`;
  }
}

/** JSON text of the entries in order, `__proto__` included as a plain key; sometimes not an object at all, sometimes broken. */
export function jsonText(rng: Rng, entries: Array<[string, unknown]>): string {
  const roll = rng();
  if (roll < 0.03) return JSON.stringify(randomValue(rng));
  if (roll < 0.05) return `{"statement": "unterminated`;
  if (roll < 0.07) return `[${entries.map(([, v]) => JSON.stringify(v)).join(',')}]`;
  if (roll < 0.08) return '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
}

/** Percent-encodes bytes of UTF-8 (lone surrogates become U+FFFD, as a browser would send them). */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
}

/** A urlencoded body: values flattened to text, lists as repeated keys, sometimes broken percent-encoding or far too many fields. */
export function formText(rng: Rng, entries: Array<[string, unknown]>): string {
  const pairs: string[] = [];
  for (const [key, value] of entries) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) pairs.push(`${encode(key)}=${encode(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`);
  }
  const roll = rng();
  if (roll < 0.03) pairs.push('broken=%E0%A4', 'bad=%zz', '%=1');
  if (roll < 0.04) for (let i = 0; i < 150; i++) pairs.push(`f${i}=1`);
  if (roll < 0.06) pairs.push('===', '&&&', 'a=1=2');
  return pairs.join('&');
}
