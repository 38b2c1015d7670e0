import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromeLines, isInterfaceLine } from '../../../src/domain/extract/chrome-lines.js';

const SEED = readFileSync(new URL('../../../data/seed/apple-alibaba-article.txt', import.meta.url), 'utf8');

describe('chromeLines', () => {
  it('when the seeded page is read, then its navigation, caption, "Also on" and "Also read" lists and author bio are chrome, and no line of the story is', () => {
    const chrome = chromeLines(SEED, { title: 'Apple Taps Alibaba to Bring AI to Chinese iPhones: Report' }).map((line) => line.text.trim());

    expect(chrome).toEqual([
      'fbpx',
      'Type to search',
      expect.stringMatching(/^A woman looks at .* Shanghai, China$/),
      expect.stringMatching(/^A woman looks at .*Photo: Reuters$/),
      'Also on AF: More Concern on DeepSeek’s Data Policies After ByteDance Link',
      'Also read:',
      'Investors Pour Money Into China Tech Stocks Amid DeepSeek',
      'Huawei Looks to Steal Apple’s Tech Crown With Tri-Fold Phone',
      'Apple Offers Big iPhone Discounts in China Amid Sales Slump',
      'Apple to Focus on China, Roll Out AI iPhones to Revive Sales',
      'China Orders Apple to Cut WhatsApp, Threads from App Store',
      'Huawei Takes Another Bite Out of Apple’s Market Share in China',
      'China’s Ban on iPhone Use Expands to Local and State Entities',
      'China’s ByteDance to Spend $22 Billion on Tech in 2025 – SCMP',
      'Vishakha Saxena',
      expect.stringMatching(/^Vishakha Saxena is the Multimedia and Social Media Editor/),
    ]);
  });

  it.each([
    ['Share this article', true],
    ['Sign up for the Autos Daily newsletter to get the day’s top news in your inbox.', true],
    ['© 2025 Gulf Markets Daily. All rights reserved.', true],
    ['Reuters, with additional editing and inputs from Vishakha Saxena', false],
    ['The company said it would share the cost of the plant.', false],
  ])('when a line reads “%s”, then it is interface: %s', (line, expected) => {
    expect(isInterfaceLine(line)).toBe(expected);
  });

  it('when a sentence of the story ends with a word like "video", then it is not taken for a caption', () => {
    const text = 'Acme sells consoles for the video game market.\n\nIts shares rose in 2024 as demand for video grew.';

    expect(chromeLines(text)).toEqual([]);
  });
});
