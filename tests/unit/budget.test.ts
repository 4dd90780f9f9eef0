// Size budgets of the release build (issues 4 and 6): what every page pays for the content script,
// and what each popup open loads. Runs when dist/ exists: .ci/run calls it again after the build.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleSizes } from '../../bench/sizes';

/** 30 KiB gzip (-9) for the one content script every page loads. */
const CONTENT_SCRIPT_BUDGET = 30 * 1024;
/** 25 KB gzip for everything one popup open loads. */
const POPUP_BUDGET = 25_000;

const TARGETS = ['chrome', 'firefox'].filter((t) => existsSync(`dist/${t}/content.js`));

describe.skipIf(TARGETS.length === 0)('size budgets of dist/ (run npm run build first)', () => {
  for (const target of TARGETS) {
    it(`${target}: content script within ${CONTENT_SCRIPT_BUDGET} B gzip`, () => {
      expect(bundleSizes(`dist/${target}`).contentScript.gzip).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
    });
    it(`${target}: popup within ${POPUP_BUDGET} B gzip`, () => {
      const popup = bundleSizes(`dist/${target}`).popup;
      expect(popup.files.length).toBeGreaterThan(0);
      expect(popup.gzip).toBeLessThanOrEqual(POPUP_BUDGET);
    });
  }
});
