/** A line of the text, with its offsets (the line break excluded). */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** Site furniture that a copied page brings along, as whole lines. */
const INTERFACE_LINE =
  /^(?:fbpx|type to search|search|menu|home|skip to (?:main )?content|sign in|log ?in|register|subscribe(?: now)?|share(?: this (?:article|story))?|share (?:on|via) \w+|tweet|e-?mail|print|copy link|link copied|advertisement|advert|sponsored(?: content)?|scroll to continue(?: with content)?|listen to (?:this )?(?:article|story).*|follow us(?: on .*)?|sign up(?: for| to)? .*newsletters?.*|subscribe to .*|click here .*|read more|comments?|\d+ comments?|view comments|leave a comment|trending(?: now)?|most read|most popular|recommended(?: for you)?|top stories|more from .*|related(?: (?:stories|articles|news|coverage|topics))?|tags?:.*|topics?:.*|© .*|copyright .*|all rights reserved\.?|our standards:.*)$/iu;
/** A label that opens a list of links to other stories ("Also read:", "Also on AF: …", "Related stories"). */
const LINK_LIST_LABEL = /^(?:also (?:read|see|on [\p{L}\d .&-]{1,30})|read (?:also|more|next)|see also|more on this|related(?: stories| articles| coverage)?|you may also like|you might also like|recommended(?: for you)?|more stories|further reading)\s*:?/iu;
/** A photo caption's credit at the end of a line: "… in Shanghai, China. Photo: Reuters", "REUTERS/Aly Song". */
const CAPTION_CREDIT =
  /(?:(?:^|\s|\()(?:photo|photograph|image|picture|file photo|illustration|video|credit)(?:\s*:|\s+by\b)\s*[\p{L}\d .&/'’-]{1,60}\)?\.?$|\b(?:REUTERS|AFP|AP|Getty Images|Bloomberg|EPA|Xinhua)\/[\p{L} .'’-]{1,40}(?:\/File(?: Photo)?)?\.?$)/iu;
/** "Vishakha Saxena is the Multimedia and Social Media Editor at Asia Financial. …" */
const AUTHOR_BIO =
  /^(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){1,3})\s+(?:is|was|has been)\s+(?:a|an|the|our)\s+[^.]{0,120}\b(?:[Ee]ditor|[Rr]eporter|[Cc]orrespondent|[Jj]ournalist|[Ww]riter|[Cc]olumnist|[Cc]ontributor|[Pp]roducer|[Aa]uthor|[Aa]nalyst|[Cc]hief|[Hh]ost)\b/u;
/** A line that reads as running text: it closes like a sentence. */
const PROSE_END = /[.!?]["”’)]*$/u;
const MAX_HEADLINE_WORDS = 22;

/**
 * The text's lines with their offsets.
 * @example lines('a\n\nb') //=> [{ text: 'a', start: 0, end: 1 }, { text: '', start: 2, end: 2 }, { text: 'b', start: 3, end: 4 }]
 */
export function lines(text: string): Line[] {
  const found: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    found.push({ text: part, start, end: start + part.length });
    start += part.length + 1;
  }
  return found;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Whether a line is a site's interface rather than writing: "Type to search", "Share on X", "Subscribe", "© 2025 …".
 * @example isInterfaceLine('Type to search') //=> true
 */
export const isInterfaceLine = (line: string): boolean => INTERFACE_LINE.test(line.trim().replace(/^[•·*–-]\s*/u, ''));
const folded = (text: string) => text.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").trim().toLowerCase();
const isHeadline = (text: string) => words(text) > 0 && words(text) <= MAX_HEADLINE_WORDS && !PROSE_END.test(text);

/**
 * Which lines of a copied article are site chrome rather than story: navigation and interface words, lists of
 * links to other stories ("Also read:" and the headlines under it), photo captions (with the alt text a copy
 * repeats above them) and author bios (with the name line above). Lines before the headline count too, when the
 * headline is known. The story's own lines, its standfirst and its credit line are never chrome.
 * @example chromeLines('fbpx\n\nApple taps Alibaba\n\nApple is partnering with Alibaba.\n\nAlso read:\n\nHuawei looks to steal Apple’s crown', { title: 'Apple taps Alibaba' }).map((l) => l.text)
 * //=> ['fbpx', 'Also read:', 'Huawei looks to steal Apple’s crown']
 */
export function chromeLines(text: string, options: { title?: string | null } = {}): Line[] {
  const all = lines(text);
  const content = all.filter((line) => line.text.trim() !== '');
  const chrome = new Set<Line>();
  const title = options.title ? folded(options.title) : null;
  const titleAt = title ? content.findIndex((line) => folded(line.text) === title) : -1;
  for (let i = 0; i < titleAt; i++) chrome.add(content[i]!);

  for (let i = 0; i < content.length; i++) {
    const line = content[i]!;
    const trimmed = line.text.trim().replace(/^[•·*–-]\s*/u, '');
    if (isInterfaceLine(trimmed)) chrome.add(line);
    const label = LINK_LIST_LABEL.exec(trimmed);
    if (label) {
      chrome.add(line);
      if (trimmed.slice(label[0].length).trim() === '') {
        for (let j = i + 1; j < content.length && isHeadline(content[j]!.text.trim()); j++) chrome.add(content[j]!);
      }
    }
    if (CAPTION_CREDIT.test(trimmed) && words(trimmed) <= 60) {
      chrome.add(line);
      const bare = folded(trimmed.replace(CAPTION_CREDIT, '')).replace(/[.\s]+$/, '');
      for (const neighbour of [content[i - 1], content[i + 1]]) {
        if (neighbour && bare.length > 20 && folded(neighbour.text).replace(/[.\s]+$/, '') === bare) chrome.add(neighbour);
      }
    }
    const bio = AUTHOR_BIO.exec(trimmed);
    if (bio) {
      chrome.add(line);
      const previous = content[i - 1];
      if (previous && folded(previous.text) === folded(bio[1] ?? '')) chrome.add(previous);
    }
  }
  return all.filter((line) => chrome.has(line));
}
