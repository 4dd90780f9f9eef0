// A vitest reporter that adds one line at the end of `npm test`: how many tests were skipped, and
// why (the research data in ../shared is absent, or dist/ is not built yet), so a newcomer on a
// fresh clone sees at a glance that a green run without ../shared is expected.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { hasShared, SHARED_DIR } from './shared-data';

/** Why a file's tests may skip, told by what its source gates on. */
function reasonOf(file: string): 'shared' | 'build' | 'other' {
  const text = readFileSync(file, 'utf8');
  if (!hasShared() && /hasShared\(/.test(text)) return 'shared';
  if (/existsSync\([`'"]dist\//.test(text)) return 'build';
  return 'other';
}

const REASON_TEXT = {
  shared: `need ../shared (not found at ${SHARED_DIR}; set QUOTELENS_SHARED)`,
  build: 'need a build (run npm run build first)',
  other: 'skipped by their own condition',
} as const;

export function skipSummary(skippedByFile: Map<string, number>): string {
  if (skippedByFile.size === 0) return 'npm test: nothing skipped';
  const groups = new Map<keyof typeof REASON_TEXT, string[]>();
  let total = 0;
  for (const [file, n] of skippedByFile) {
    const reason = reasonOf(file);
    groups.set(reason, [...(groups.get(reason) ?? []), `${basename(file)} ${n}`]);
    total += n;
  }
  const parts = [...groups].map(([reason, files]) => `${files.join(', ')} ${REASON_TEXT[reason]}`);
  return `npm test: ${total} skipped: ${parts.join('; ')}`;
}

export default class SkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = new Map<string, number>();
    for (const mod of testModules) {
      const n = [...mod.children.allTests('skipped')].length;
      if (n > 0) skipped.set(mod.moduleId, n);
    }
    process.stdout.write(`\n${skipSummary(skipped)}\n`);
  }
}
