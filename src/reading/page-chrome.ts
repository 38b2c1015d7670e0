/** Elements that run, embed or fetch something, or are never story text: they go before anything reads the page. */
const INERT_TAGS = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'canvas',
  'video', 'audio', 'source', 'track', 'picture', 'img', 'map', 'link', 'base', 'form', 'input', 'button', 'select',
  'textarea', 'dialog', 'nav', 'aside', 'footer', 'figure', 'figcaption', 'menu',
];
/** Class and id words of site furniture: share bars, newsletter boxes, related links, author bios, tag lists. */
const FURNITURE =
  /(?:^|[-_\s])(?:share|sharing|social|newsletter|subscribe|subscription|signup|sign-up|related|also-read|read-more|recommended|recommendations|promo|advert|advertisement|ads?|sponsor(?:ed)?|author-bio|bio|breadcrumbs?|comments?|tags|trending|most-read|popular|paywall|cookie|consent|modal|popup|toolbar|print|outbrain|taboola|caption)(?:$|[-_\s])/iu;

/**
 * Strips a parsed page of what is not the story, before Readability looks for it: everything that would run,
 * embed or load something (scripts, frames, images, media, forms, stylesheet links), navigation, asides, figures
 * with their captions, and boxes whose class or id names them as sharing, newsletter, related-story, bio or tag
 * furniture. The page's own `<header>` goes too, but not one inside the article (it holds the headline).
 * @example removePageChrome(document) // document.querySelector('script, iframe, nav') === null afterwards
 */
export function removePageChrome(document: Document): void {
  for (const element of document.querySelectorAll(INERT_TAGS.join(','))) element.remove();
  for (const header of document.querySelectorAll('header')) if (!header.closest('article')) header.remove();
  for (const element of document.querySelectorAll('[class], [id]')) {
    if (element.closest('body') === null || element.tagName === 'ARTICLE' || element.tagName === 'MAIN') continue;
    const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (FURNITURE.test(words)) element.remove();
  }
}
