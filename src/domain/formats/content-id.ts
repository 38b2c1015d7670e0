import { createHash } from 'node:crypto';

/**
 * An id for a claim a file gives without one, made from what it says (statement, date and source as written), so
 * a dry run and the import give the same ids and importing the same file twice adds nothing the second time.
 * Shaped like the ids Claimline makes for new claims: 12 base64url characters.
 * @example contentId({ statement: 'Apple chose Alibaba', date: '2025-02', source: 'Reuters' }) //=> 'r0cQ…' (always the same for the same words)
 */
export function contentId(body: Record<string, string | string[]>): string {
  const words = ['statement', 'date', 'source', 'sourceId'].map((field) => {
    const value = body[field];
    return (Array.isArray(value) ? value.join('\n') : (value ?? '')).trim();
  });
  return createHash('sha256').update(JSON.stringify(words)).digest('base64url').slice(0, 12);
}
