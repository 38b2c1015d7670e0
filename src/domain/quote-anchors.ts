import { anchorQuote, type AnchorResult } from './anchor.js';
import type { Document } from './types.js';

/**
 * Where quotes stand in documents, each found once. Planning an import and applying the plan ask for the same
 * quotes in the same (frozen, so unchanged) documents; keyed by the document object, an anchor is never reused
 * for a document whose text has since been replaced.
 */
export class QuoteAnchors {
  readonly #found = new WeakMap<Document, Map<string, AnchorResult>>();

  /**
   * @example new QuoteAnchors().anchor(document, 'Apple has chosen Alibaba').found //=> true
   */
  anchor(document: Document, quote: string): AnchorResult {
    let quotes = this.#found.get(document);
    if (!quotes) {
      quotes = new Map();
      this.#found.set(document, quotes);
    }
    let result = quotes.get(quote);
    if (!result) {
      result = anchorQuote(document.text ?? '', quote);
      quotes.set(quote, result);
    }
    return result;
  }
}
