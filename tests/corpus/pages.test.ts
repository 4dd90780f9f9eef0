// Corpus tier: the article must stay visible on real pages, and the figures must not regress
// against bench/pages-figures.json (recorded with `npx tsx scripts/check-pages.ts --write`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGURES_FILE, type Figures, measureAeb, measureReadability } from '../../scripts/check-pages';
import { hasShared, missingSharedMessage } from '../shared-data';

/**
 * The floor under the share of Readability's article sentences kept in declutter mode. Issue 3's bar
 * was 99.3%. Since the detector recognises more of these pages as articles (issue 15), two of them
 * lose sentences that Readability's expected.html keeps and a reader does not want: theverge's
 * paid-newsletter box with its price plans (12 sentences), nytimes-5's teasers of other stories
 * with their photo credits (7). The share reads 99.14%; the floor follows it, each loss read, and
 * the no-regression check below guards the rest.
 */
const MIN_KEPT_SHARE = 0.9914;
/** Room for a change that moves a figure by noise rather than by a regression. */
const TOLERANCE = { share: 0.001, recall: 0.003, f1: 0.005 };
/** One corpus pass takes 10–40 s in happy-dom. */
const TIMEOUT = 300_000;

const PAGES = ['pages', 'readability'];
const AEB = ['pages', 'aeb'];
const recorded = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as Record<'baseline' | 'declutter' | 'focus', Figures>;

describe.skipIf(!hasShared(...PAGES))('readability pages: the article stays visible', () => {
  it(
    'declutter mode keeps >= 99.14% of the article sentences, no page throws, no regression',
    async () => {
      const f = await measureReadability('declutter');
      expect(f.threw).toBe(0);
      expect(f.keptShare).toBeGreaterThanOrEqual(MIN_KEPT_SHARE);
      expect(f.keptShare).toBeGreaterThanOrEqual(recorded.declutter.readability.keptShare - TOLERANCE.share);
    },
    TIMEOUT,
  );

  it(
    'focus mode: token F1 against expected.html does not regress, no page throws',
    async () => {
      const f = await measureReadability('focus');
      expect(f.threw).toBe(0);
      expect(f.tokenF1).toBeGreaterThanOrEqual(recorded.focus.readability.tokenF1 - TOLERANCE.f1);
      expect(f.tokenF1).toBeGreaterThan(recorded.baseline.readability.tokenF1);
    },
    TIMEOUT,
  );
});

describe.skipIf(!hasShared(...AEB))('article-extraction benchmark pages', () => {
  it(
    'declutter mode keeps the article body (4-gram recall), no regression',
    async () => {
      const f = await measureAeb('declutter');
      expect(f.threw).toBe(0);
      expect(f.recall).toBeGreaterThanOrEqual(recorded.declutter.aeb.recall - TOLERANCE.recall);
    },
    TIMEOUT,
  );

  it(
    'focus mode: 4-gram F1 does not regress and beats showing the whole page',
    async () => {
      const f = await measureAeb('focus');
      expect(f.threw).toBe(0);
      expect(f.f1).toBeGreaterThanOrEqual(recorded.focus.aeb.f1 - TOLERANCE.f1);
      expect(f.f1).toBeGreaterThan(recorded.baseline.aeb.f1);
    },
    TIMEOUT,
  );
});

if (!hasShared(...PAGES)) console.warn(missingSharedMessage(...PAGES));
if (!hasShared(...AEB)) console.warn(missingSharedMessage(...AEB));
