import type { NameBook, NameMention } from './names.js';

/**
 * The organisations and people a statement is about: the names in its words, given in full, with the subject a
 * pronoun stood for first. The chain (wire, publisher, whoever made or relayed the claim) is not an actor unless
 * the statement itself names it.
 * @example actorsOf(mentions('Apple considered models developed by Tencent and Alibaba'), book, { exclude: ['Reuters'] })
 * //=> ['Apple', 'Tencent', 'Alibaba']
 */
export function actorsOf(
  mentions: readonly NameMention[],
  names: NameBook,
  options: { leading?: string | null; exclude: ReadonlyArray<string | null> },
): string[] {
  const excluded = new Set(options.exclude.filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase()));
  const actors: string[] = [];
  const add = (name: string) => {
    if (!excluded.has(name.toLowerCase()) && !actors.some((a) => a.toLowerCase() === name.toLowerCase())) actors.push(name);
  };
  if (options.leading) add(options.leading);
  for (const mention of mentions) add(names.canonical(mention.name));
  return actors;
}
