// Corpus tier: article detection on the labelled pages of ../shared/pages against the figures
// recorded in bench/detect-figures.json (`npm run eval:detect -- --write`).
import { describe, expect, it } from 'vitest';
import { hasDetectPages } from '../../scripts/detect-pages';
import { measureDetection, readDetectFigures } from '../../scripts/eval-detect';
import { missingSharedMessage } from '../shared-data';

/** The bar: at most one clear non-article taken for an article. */
const MAX_TAKEN = 1;
/** One pass over the 301 pages takes about a minute in happy-dom (more on a loaded machine). */
const TIMEOUT = 600_000;

describe.skipIf(!hasDetectPages())('article detection on labelled pages', () => {
  it(
    'takes at most one clear non-article for an article, and recognises no fewer articles than recorded',
    async () => {
      const recorded = readDetectFigures();
      const f = await measureDetection();
      expect(f.clearNonArticles).toBe(recorded.clearNonArticles);
      expect(f.takenForArticles.length).toBeLessThanOrEqual(Math.min(MAX_TAKEN, recorded.takenForArticles.length));
      expect(f.aebRecognised).toBeGreaterThanOrEqual(recorded.aebRecognised);
      expect(f.readerableRecognised).toBeGreaterThanOrEqual(recorded.readerableRecognised);
      expect(f.settledByFirstLook).toBeGreaterThanOrEqual(recorded.settledByFirstLook);
      // The content script's first look stops early, and must decide every page as the full look does.
      expect(f.settleDisagrees).toEqual([]);
      expect(f.settledEarly).toBeGreaterThanOrEqual(recorded.settledEarly);
      // So must its walk, which stops once the full model cannot take the page for an article.
      expect(f.walkSettleDisagrees).toEqual([]);
      expect(f.settledInWalk).toBeGreaterThanOrEqual(recorded.settledInWalk ?? 0);
    },
    TIMEOUT,
  );
});

if (!hasDetectPages()) console.warn(missingSharedMessage('pages', 'nonarticles'));
