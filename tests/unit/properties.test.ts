// The fuzz properties (scripts/fuzz.ts) on a short, fixed-seed run: generated DOMs of common tags,
// clutter-word class names and text with stray quote marks.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { properties } from '../../scripts/fuzz';

/** Fixed in CI so a failure reproduces; the long run (npm run fuzz) takes --seed. */
const SEED = 20240607;
const RUNS = 60;

describe('properties over generated pages', () => {
  for (const [name, prop] of Object.entries(properties)) {
    it(name, () => {
      fc.assert(prop as fc.IRawProperty<unknown>, { seed: SEED, numRuns: RUNS });
    });
  }
});
