// Corpus tier: the PolNeAR dev figures must not fall below the recorded ones (bench/polnear-figures.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, type Figures } from '../../scripts/eval-polnear';
import { hasShared, missingSharedMessage } from '../shared-data';

/** Percentage points a figure may drop before the test fails (rounding and tie-break noise). */
const TOLERANCE = 0.5;

const present = hasShared('corpora', 'polnear', 'dev.jsonl');
if (!present) console.warn(missingSharedMessage('corpora', 'polnear', 'dev.jsonl'));

describe.skipIf(!present)('PolNeAR dev figures', () => {
  const recorded = JSON.parse(
    readFileSync(new URL('../../bench/polnear-figures.json', import.meta.url), 'utf8'),
  ) as Figures;
  const measured = present ? evaluate('dev') : recorded;
  for (const key of ['quote_recall', 'quote_precision', 'span_precision', 'speaker_accuracy'] as const) {
    it(`${key} stays at or above ${recorded[key]}% (−${TOLERANCE})`, () => {
      expect(measured[key]).toBeGreaterThanOrEqual(recorded[key] - TOLERANCE);
    });
  }
});
