import { defineConfig } from 'vitest/config';

/** The browser suite: headless Chromium against Claimline on a temp database (`npm run test:browser`). */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    // One Chromium at a time: the machine has two cores and each file launches its own browser.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
