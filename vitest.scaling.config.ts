import { defineConfig } from 'vitest/config';

// The scaling tier: N vs 4N time ratios (npm run test:scaling). One file at a time, so the ratios
// are not skewed by other test files running on the same two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/scaling/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120000,
  },
});
