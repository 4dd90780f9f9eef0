// One PageReport from a Document: the only thing adapters see, plus the element references the
// content script needs to apply it. The Document is read, never changed.
// The report is composed in two parts: readPage (read-page.ts's stages: detect, declutter, the
// article's text blocks; what needs the DOM, so it runs in the page) and attributeBlocks (engine.ts: quotes
// and speakers from the blocks alone, so it runs in the extension's background). analyzePage
// composes both for the CLI, the tests and the benchmarks.
import { runSteps } from './article-measure';
import { DECLUTTER } from './declutter';
import { attributeBlocks } from './engine';
import { CLUTTER_VOCABULARY } from './lexicon/clutter';
import {
  type Analysis,
  type AnalyzeOptions,
  PAGE_STAGES,
  type PageRead,
  type ReadOptions,
  readPageSteps,
  withAttribution,
} from './read-page';
import { collectTextBlocks, normalizeSpace } from './text';
import type { TextBlock } from './types';

export {
  type Analysis,
  type AnalyzeOptions,
  hiddenText,
  PAGE_STAGES,
  type PageRead,
  type ReadOptions,
  readPageSteps,
  type StepOptions,
  withAttribution,
} from './read-page';

/** The page-side stages at once, with the declutter code in the same bundle (CLI, tests, benchmarks). */
export function readPage(doc: Document, options: ReadOptions): PageRead {
  return runSteps(readPageSteps(doc, { ...options, declutter: { code: DECLUTTER, vocabulary: options.vocabulary } }));
}

/** The engine's stages (engine.ts), timed where the engine runs. */
export const ENGINE_STAGES = ['quotes', 'speakers'] as const;
/** Every stage of an analysis, in order. */
export const STAGES = [...PAGE_STAGES, ...ENGINE_STAGES] as const;
export type Stage = (typeof STAGES)[number];

/** The whole analysis at once (CLI, tests, benchmarks): readPage, then the engine on its blocks. */
export function analyzePage(doc: Document, options: AnalyzeOptions = {}): Analysis {
  const read = readPage(doc, { ...options, vocabulary: options.vocabulary ?? CLUTTER_VOCABULARY });
  if (!read.report.isArticle) return read;
  const result = attributeBlocks(read.blocks, read.report.lang, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.onStage ? { onStage: options.onStage } : {}),
  });
  return withAttribution(read, result);
}

const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT']);

/**
 * The page's text that stays visible once `hidden` elements are hidden: what a reader still sees,
 * as far as markup tells (no layout here). Blocks are separated by newlines.
 */
export function visibleTextOf(doc: Document, hidden: ReadonlySet<Element>): string {
  return visibleBlocksOf(doc, hidden)
    .map((b) => normalizeSpace(b.text))
    .filter((t) => t !== '')
    .join('\n');
}

/** The text blocks visibleTextOf joins, each with its element (for tools that say where text comes from). */
export function visibleBlocksOf(doc: Document, hidden: ReadonlySet<Element>): TextBlock[] {
  return collectTextBlocks(doc.body ?? doc.documentElement, {
    exclude: (el) =>
      hidden.has(el) ||
      INVISIBLE_TAGS.has(el.tagName) ||
      el.getAttribute('aria-hidden') === 'true' ||
      /display\s*:\s*none/i.test(el.getAttribute('style') ?? ''),
  }).blocks;
}
