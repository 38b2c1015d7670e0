/**
 * Addresses TimelineJS 3 shows as media of their own (its MediaType.js): files it plays or shows, and the sites it
 * embeds. Anything else it draws as an image, which for an article's web page is a broken one.
 */
const MEDIA_FILE = /\.(jpe?g|png|gif|svg|webp|mp4|webm|mp3|wav|m4a|pdf)$/i;
const EMBEDDED_SITES: RegExp[] = [
  /^(www\.|m\.)?youtube\.com$|^youtu\.be$/,
  /^(player\.)?vimeo\.com$/,
  /^(www\.)?dailymotion\.com$|^dai\.ly$/,
  /^(player\.)?soundcloud\.com$/,
  /^(open\.)?spotify\.com$/,
  /^(www\.)?(twitter|x)\.com$/,
  /^(www\.)?flickr\.com$|^flic\.kr$/,
  /^(www\.)?(instagram\.com|instagr\.am)$/,
  /(^|\.)documentcloud\.org$/,
  /(^|\.)wikipedia\.org$/,
  /(^|\.)imgur\.com$/,
  /(^|\.)(wistia\.com|wi\.st)$/,
];

/**
 * Whether TimelineJS 3 can show `url` as a slide's media: an image, video, audio or PDF file, or a page of a site it
 * embeds (YouTube, Vimeo, SoundCloud, X/Twitter, Flickr, Instagram, Wikipedia…). A news article's page is not.
 * @example isTimelineMedia('https://upload.wikimedia.org/x/Apple_Park.jpg') //=> true
 * @example isTimelineMedia('https://www.reuters.com/technology/apple-alibaba-2025-02-11/') //=> false
 */
export function isTimelineMedia(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return MEDIA_FILE.test(parsed.pathname) || EMBEDDED_SITES.some((site) => site.test(parsed.hostname.toLowerCase()));
}
