import { defineConfig } from 'vitest/config';

// The slow storage tests: crash loops with SIGKILL and I/O-error sweeps. `npx vitest run --config vitest.faults.config.ts`
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    fileParallelism: false,
  },
});
