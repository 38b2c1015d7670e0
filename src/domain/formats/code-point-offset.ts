/**
 * A position in `text` counted in Unicode code points, as the W3C Web Annotation model counts characters, from a
 * JavaScript string index (UTF-16 code units, where an emoji or any character beyond U+FFFF takes two). An index
 * inside a surrogate pair counts the whole character as before it.
 * @example codePointOffset('🚀 Apple', 3) //=> 2
 * @example codePointOffset('Apple', 3) //=> 3
 */
export function codePointOffset(text: string, index: number): number {
  let count = 0;
  for (let at = 0; at < index && at < text.length; at += 1) {
    const unit = text.charCodeAt(at);
    // A high surrogate followed by a low one is one character: count it once, at its first half.
    if (unit >= 0xdc00 && unit <= 0xdfff && at > 0) {
      const before = text.charCodeAt(at - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue;
    }
    count += 1;
  }
  return count;
}
