import { defineConfig } from 'vitest/config';

// The corpus tier: ../shared corpora against recorded figures (npm run test:corpus).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/corpus/**/*.test.ts'],
    testTimeout: 120000,
  },
});
