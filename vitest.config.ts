import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    testTimeout: 20000,
    // The default report, then one line on what was skipped and why (tests/skip-reporter.ts).
    reporters: ['default', './tests/skip-reporter.ts'],
  },
});
