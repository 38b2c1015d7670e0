/**
 * A path on this site to return to after signing in; anything else (another host, `//evil`, `/\evil`) becomes `/`.
 * @example safeNext('/claims/new') //=> '/claims/new'
 * @example safeNext('//evil.example') //=> '/'
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.length > 2000) return '/';
  if (next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001f\\]/.test(next)) return '/';
  return next;
}
