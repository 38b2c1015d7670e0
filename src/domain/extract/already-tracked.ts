/** Shorter than this, a shared passage ("the company said") says nothing about being the same claim. */
const MIN_SHARED = 20;

function folded(text: string): string {
  return text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * A test for "a stored claim already quotes this passage": the same words, whitespace, quote marks and case
 * forgiven, or one quote lying inside the other (a stored clause of a proposed sentence, or the reverse).
 * @example trackedBy(['had initially selected Baidu as its main partner'])('The iPhone-maker … since last year and had initially selected Baidu as its main partner.') //=> true
 */
export function trackedBy(quotes: readonly string[]): (quote: string) => boolean {
  const stored = quotes.map(folded).filter((q) => q.length >= MIN_SHARED);
  return (quote) => {
    const wanted = folded(quote);
    if (wanted.length < MIN_SHARED) return stored.includes(wanted);
    return stored.some((q) => q === wanted || q.includes(wanted) || wanted.includes(q));
  };
}
