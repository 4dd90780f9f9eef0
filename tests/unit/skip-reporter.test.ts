// The closing line of npm test says what was skipped and why.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipSummary } from '../skip-reporter';

describe('skip summary', () => {
  it('says nothing was skipped when nothing was', () => {
    expect(skipSummary(new Map())).toBe('npm test: nothing skipped');
  });
  it('counts skipped tests and names the build as the reason for a dist/-gated file', () => {
    const line = skipSummary(new Map([[resolve('tests/unit/budget.test.ts'), 4]]));
    expect(line).toBe('npm test: 4 skipped: budget.test.ts 4 need a build (run npm run build first)');
  });
});
