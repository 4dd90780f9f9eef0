// Corpus tier: labelled clutter on the 141 aeb pages must stay hidden, every keep sentence visible,
// against bench/clutter-figures.json (recorded with `npm run eval:clutter -- --write`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLUTTER_FIGURES_FILE, measureClutter, type SplitFigures } from '../../scripts/eval-clutter';
import { hasShared, missingSharedMessage } from '../shared-data';

/** Room for one block that flips on noise in the site split, not for a regression. */
const TOLERANCE = 0.002;
/** One pass over the 141 pages takes 20–60 s in happy-dom on a loaded machine. */
const TIMEOUT = 300_000;
const AEB = ['pages', 'aeb'];

describe.skipIf(!hasShared(...AEB))('aeb pages: labelled clutter', () => {
  it(
    'hides the recorded share of clutter blocks (train and dev), keeps the keeps, throws on no page',
    async () => {
      const recorded = JSON.parse(readFileSync(CLUTTER_FIGURES_FILE, 'utf8')) as SplitFigures;
      const f = await measureClutter('declutter', true);
      expect(f.all.threw).toBe(0);
      expect(f.all.hiddenShare).toBeGreaterThanOrEqual(recorded.all.hiddenShare - TOLERANCE);
      expect(f.dev.hiddenShare).toBeGreaterThanOrEqual(recorded.dev.hiddenShare - TOLERANCE);
      expect(f.all.keeps.visible).toBeGreaterThanOrEqual(recorded.all.keeps.visible);
    },
    TIMEOUT,
  );
});

if (!hasShared(...AEB)) console.warn(missingSharedMessage(...AEB));
