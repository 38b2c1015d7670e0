import { describe, expect, it } from 'vitest';
import { isTimelineMedia } from '../../../src/domain/formats/timeline-media.js';

describe('isTimelineMedia', () => {
  it.each([
    ['an image file', 'https://upload.wikimedia.org/wikipedia/commons/a/a4/Apple_Park.jpg', true],
    ['an image with a query', 'https://images.example.com/photo.PNG?w=800', true],
    ['a video file', 'https://cdn.example.com/clip.mp4', true],
    ['a PDF filing', 'https://www.sec.gov/filings/10-k.pdf', true],
    ['a YouTube video', 'https://www.youtube.com/watch?v=abc123', true],
    ['a short YouTube link', 'https://youtu.be/abc123', true],
    ['a post on X', 'https://x.com/reuters/status/1889', true],
    ['a Wikipedia article', 'https://en.wikipedia.org/wiki/Alibaba_Group', true],
    ['a news article', 'https://www.reuters.com/technology/apple-alibaba-2025-02-11/', false],
    ['a page named like an image folder', 'https://www.example.com/jpg/', false],
    ['a site whose name only contains a video host', 'https://notyoutube.com/watch', false],
    ['a javascript: address', 'javascript:alert(1)//.jpg', false],
    ['something that is not an address', 'Reuters', false],
  ])('when the address is %s, then it is media: %s', (_case, url, expected) => {
    expect(isTimelineMedia(url)).toBe(expected);
  });
});
