// Corpus tier: attribution figures on the held-out labelled pages and the held-out part of de-wikinews
// must not fall below the recorded ones (bench/attrib-pages-figures.json, bench/attrib-dewiki-figures.json,
// written by `npm run eval:pages` and `npm run eval:dewiki`). Bad cards must not rise.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AttribFigures } from '../../scripts/eval-common';
import { DEWIKI_FIGURES_FILE, evaluateDewiki } from '../../scripts/eval-dewiki';
import { evaluatePages, PAGES_FIGURES_FILE } from '../../scripts/eval-pages';
import { hasShared, missingSharedMessage } from '../shared-data';

/** Percentage points a figure may move before the test fails (tie-break noise). */
const TOLERANCE = 0.5;
/** One pass over the 141 pages takes 20–60 s in happy-dom on a loaded machine. */
const TIMEOUT = 300_000;

const KEYS = ['quote_recall', 'attributed_precision', 'speaker_accuracy'] as const;

function guard(name: string, present: boolean, file: string, measure: () => AttribFigures): void {
  describe.skipIf(!present || !existsSync(file))(`${name}: held-out attribution figures`, () => {
    const recorded =
      present && existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as { heldout: AttribFigures }).heldout
        : null;
    it(
      'speaker accuracy, recall and attributed precision stay at or above the recorded figures; bad cards do not rise',
      () => {
        const f = measure();
        for (const k of KEYS) expect(f[k], k).toBeGreaterThanOrEqual(recorded![k] - TOLERANCE);
        expect(f.bad_card_share).toBeLessThanOrEqual(recorded!.bad_card_share + TOLERANCE);
      },
      TIMEOUT,
    );
  });
}

const pages = hasShared('pages', 'aeb');
const dewiki = hasShared('corpora', 'de-wikinews', 'train.jsonl');
if (!pages) console.warn(missingSharedMessage('pages', 'aeb'));
if (!dewiki) console.warn(missingSharedMessage('corpora', 'de-wikinews', 'train.jsonl'));
guard('aeb pages', pages, PAGES_FIGURES_FILE, () => evaluatePages('heldout').figures);
guard('de-wikinews', dewiki, DEWIKI_FIGURES_FILE, () => evaluateDewiki('heldout').figures);
