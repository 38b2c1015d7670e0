import { defineConfig } from 'vitest/config';

// The slow hostile-input tests: thousands of generated bodies. `npx vitest run --config vitest.fuzz.config.ts`
// Files end in .fuzz.ts so the unit suite (test/**/*.test.ts) never picks them up.
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    environment: 'node',
    testTimeout: 120_000,
    fileParallelism: false,
  },
});
