import type { Attribution } from './attribution.js';
import type { Discourse } from './discourse.js';
import type { Sentence } from './segment.js';
import { resolveSource } from './source-reference.js';

/*
 * Sentences that say nothing of whose words they are, but whose neighbours do. Each function looks at the
 * sentences of the article (`prose`) and the attribution found in each, and answers for sentence `i`.
 */

/**
 * A statement the writer gives without attribution, in a paragraph that ends by saying whose report it all is
 * ("… since last year and had initially selected Baidu. But … fell short …, The Information reported.").
 */
export function carriedAttribution(i: number, prose: readonly Sentence[], attributions: ReadonlyArray<Attribution | null>): Attribution | null {
  const paragraph = prose[i]!.paragraph;
  for (let j = i + 1; j < prose.length && prose[j]!.paragraph === paragraph; j++) {
    const later = attributions[j];
    if (!later) continue;
    // "…, The Information reported." vouches for the paragraph; "…, according to its annual filing" for one figure.
    const closes =
      later.form === 'trailing' &&
      (later.verb === 'reported' || later.verb === 'said') &&
      !/^(?:it|he|she|they)$/iu.test(later.source) &&
      (later.content[0]?.start ?? 0) <= 1 &&
      later.clause.start > 0;
    return closes ? later : null;
  }
  return null;
}

/**
 * A quotation standing alone right after a quoted speaker goes on in their voice:
 * “This brings together two networks,” Brandt told reporters. “We expect the deal to pay for itself.”
 */
export function quotationGoesOn(i: number, prose: readonly Sentence[], attributions: ReadonlyArray<Attribution | null>): Attribution | null {
  const text = prose[i]!.text.trim();
  const previous = attributions[i - 1];
  if (!/^["“][^"“”]+["”]$/u.test(text.replace(/(?<=[.!?])["”]$/u, '”')) || !previous || prose[i - 1]!.paragraph !== prose[i]!.paragraph) return null;
  const quoted = /["“]/u.test(prose[i - 1]!.text);
  return quoted && previous.source !== '' && (previous.verb === 'said' || previous.verb === 'told') ? { ...previous, adjunct: '' } : null;
}

/** Who "reportedly" stands for: a source named as reporting in the next two sentences, else the last one. */
export function reportedlyFrom(i: number, prose: readonly Sentence[], attributions: ReadonlyArray<Attribution | null>, discourse: Discourse): string | null {
  for (let j = i + 1; j <= i + 2 && j < prose.length; j++) {
    const later = attributions[j];
    if (later && later.source !== '' && (later.verb === 'reported' || later.verb === 'according to') && /^\p{Lu}/u.test(later.source)) {
      return resolveSource(later.source, {}, discourse);
    }
  }
  return discourse.media;
}

