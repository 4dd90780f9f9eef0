// Size budgets of the release build (issues 4, 6 and 11): what every page pays for the content
// script, what each popup open loads, and what the background loads when it starts or wakes. Runs when dist/ exists: .ci/run calls it again after the build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleSizes } from '../../bench/sizes';

/**
 * 27.3 KB gzip (-9) for the one content script every page loads. The targets are lower: 20 KB once
 * the engine left it (issue 11), 25 KB with decluttering, hand corrections and living pages (issues
 * 13, 17). With all of them merged it was 29,422 B; the clutter vocabulary (lexicon/clutter.ts) now
 * reaches the page as data the background stores (shared/vocabulary.ts): 25,939 B, and 26,331 B
 * with issue 13's headed lists, story boxes and position rule, 26,815 B with issue 15's second round
 * (repeated items, author marks, <br> paragraphs), 27,151 B with detect in slices (issue 11: no task of
 * ours over 50 ms on a large page), 27,234 B with issue 15's third round (h2 headlines, og:type website),
 * about 27,340 B with issue 13's empty-widget evidence and focus mode's story box on a <body> root.
 * The hand-correction UI (labels, picker, selector writer, and the application of a site's stored
 * corrections) is now a module of its own, correction-ui.js, that the content script imports only
 * when the reader asks for it or the site has stored corrections: 24,830 B with all of them merged. Not yet 20 KB: what is
 * left is code every page runs (detect, declutter, highlight, living pages). This line keeps it from growing.
 * 25,078 B with the first look settling early (firstLook's `settle`: +249 B for no class scan on the
 * pages its metadata already settles; docs/bench.md), under the 25 KB issue 13 allows; 25,032 B
 * after focus mode's skip list folded into the measure's own test (branch focus4, decisions identical);
 * 25,097 B (on 25,078) with issue 13's side-column widgets, bought back by folding the tag sets
 * (docs/declutter.md, round 4). 25,356 B with both and reader comfort in focus mode (issue 13), which
 * adds about 310 B to read the stored choices when focus mode first needs them, fetch their chunk
 * (comfort.js) and undo it; the choices are checked and the sheet built there, so no page outside
 * focus mode runs that code. 25,430 B with declutter made in slices like the walk (issue 11: no slice
 * of ours over 50 ms; +74 B). About 18,720 B once the declutter stage (clutter.ts and what it alone uses)
 * became a module of its own, declutter.js, imported only when a page is taken for an article: every
 * page pays for the first look, the walk and detection; articles also fetch the chunk. 19,000 B keeps
 * it under issue 11's 20 KB (18,735 B with the vocabulary read only on articles). 19,690 B with
 * detection's walk settling early (WalkSettle: the running sums, the item groups and the script-free
 * text length that bound the full model during the walk, +939 B; the non-article pages the first look
 * is unsure of stop their walk once they cannot be articles, docs/bench.md), 19,756 B with the header
 * found once per read: 19,800 B, still under the 20 KB.
 */
const CONTENT_SCRIPT_BUDGET = 19_800;
/**
 * The declutter stage's module (src/core/declutter.ts): 11,787 B gzip with issue 13's round 6, 12,791 B with round 7 (story
 * link lists; nested articles, repeated texts and datelines in focus mode), 13,011 B with round 8 (comment
 * rules as prose; footers after the story in focus mode), 13,487 B on main after it, 13,849 B with focus round 9
 * (asides, what precedes the title, classes that hide, the story's box), fetched on articles only. Its
 * growth is issue 13's to spend: 14 KB leaves room under the 25 KB that issue allows both together.
 */
const DECLUTTER_BUDGET = 14_000;
/** Reader comfort's module (src/content/comfort.ts): 1,458 B gzip, fetched only in focus mode with choices. */
const COMFORT_BUDGET = 2_000;
/** The correction UI's module (src/content/correction-ui.ts): 4,196 B gzip, fetched only when needed. */
const CORRECTION_UI_BUDGET = 5_000;
/**
 * 300 KB gzip for the background with the engine: the entity data (first names, places, common
 * words: about 180 KB gzip) and the model's weights live here, by design, not in the page; the
 * issue's limit is the store zip (5 MB), and this keeps the background well inside it.
 */
const BACKGROUND_BUDGET = 300_000;
/** 25 KB gzip for everything one popup open loads. */
const POPUP_BUDGET = 25_000;

/** A string only the attribution engine's code holds. */
const ENGINE_MARK = 'cue-pronoun';
/** A reason only the clutter finder's code writes. */
const CLUTTER_MARK = 'no text but a label';
/** A label only the clutter vocabulary holds (lexicon/clutter.ts): data of the background. */
const VOCABULARY_MARK = 'meistgelesene artikel';

const TARGETS = ['chrome', 'firefox'].filter((t) => existsSync(`dist/${t}/content.js`));

describe.skipIf(TARGETS.length === 0)('size budgets of dist/ (run npm run build first)', () => {
  for (const target of TARGETS) {
    it(`${target}: content script within ${CONTENT_SCRIPT_BUDGET} B gzip`, () => {
      expect(bundleSizes(`dist/${target}`).contentScript.gzip).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
    });
    it(`${target}: the correction UI's module within ${CORRECTION_UI_BUDGET} B gzip`, () => {
      const raw = readFileSync(join(`dist/${target}`, 'correction-ui.js'));
      expect(gzipSync(raw, { level: 9 }).length).toBeLessThanOrEqual(CORRECTION_UI_BUDGET);
    });
    it(`${target}: the declutter module within ${DECLUTTER_BUDGET} B gzip, its code not in the content script`, () => {
      const raw = readFileSync(join(`dist/${target}`, 'declutter.js'));
      expect(gzipSync(raw, { level: 9 }).length).toBeLessThanOrEqual(DECLUTTER_BUDGET);
      // A reason only the clutter finder (clutter.ts) writes marks its code.
      expect(raw.toString('utf8')).toContain(CLUTTER_MARK);
      expect(readFileSync(join(`dist/${target}`, 'content.js'), 'utf8')).not.toContain(CLUTTER_MARK);
    });
    it(`${target}: reader comfort's module within ${COMFORT_BUDGET} B gzip`, () => {
      const raw = readFileSync(join(`dist/${target}`, 'comfort.js'));
      expect(gzipSync(raw, { level: 9 }).length).toBeLessThanOrEqual(COMFORT_BUDGET);
    });
    it(`${target}: background with its engine within ${BACKGROUND_BUDGET} B gzip`, () => {
      const background = bundleSizes(`dist/${target}`).background;
      expect(background.files.length).toBeGreaterThan(0);
      expect(background.gzip).toBeLessThanOrEqual(BACKGROUND_BUDGET);
    });
    it(`${target}: the engine is in the background, not in the content script`, () => {
      // A rule name of the attribution sieve (speakers.ts) marks the engine's code.
      const read = (file: string) => readFileSync(join(`dist/${target}`, file), 'utf8');
      const background = bundleSizes(`dist/${target}`)
        .background.files.map((f) => read(f.file))
        .join('\n');
      expect(background).toContain(ENGINE_MARK);
      expect(read('content.js')).not.toContain(ENGINE_MARK);
    });
    it(`${target}: the clutter vocabulary is the background's data, not the content script's code`, () => {
      const read = (file: string) => readFileSync(join(`dist/${target}`, file), 'utf8');
      const background = bundleSizes(`dist/${target}`)
        .background.files.map((f) => read(f.file))
        .join('\n');
      expect(background).toContain(VOCABULARY_MARK);
      expect(read('content.js')).not.toContain(VOCABULARY_MARK);
    });
    it(`${target}: popup within ${POPUP_BUDGET} B gzip`, () => {
      const popup = bundleSizes(`dist/${target}`).popup;
      expect(popup.files.length).toBeGreaterThan(0);
      expect(popup.gzip).toBeLessThanOrEqual(POPUP_BUDGET);
    });
  }
});
