// One PageReport from a Document: the only thing adapters see, plus the element references the
// content script needs to apply it. The Document is read, never changed.
import { detectArticle } from './article';
import { findClutterBlocks } from './clutter';
import { findFocusBlocks } from './clutter-focus';
import { findQuotes, MAX_SPANS } from './quotes';
import { attributeSpeakers } from './speakers';
import { collectTextBlocks, normalizeSpace } from './text';
import type { ClutterBlock, HiddenBlock, Mode, PageReport, Quote, QuoteSpan, TextBlock } from './types';

export interface AnalyzeOptions {
  mode?: Mode;
  hideComments?: boolean;
  url?: string;
  /** A clock in milliseconds; the content script passes performance.now. */
  now?: () => number;
  /** Told when each stage ends (the content script turns these into User Timing measures). */
  onStage?: (stage: string, start: number, end: number) => void;
}

export interface Analysis {
  report: PageReport;
  /** The article's main content root, or null on pages that are not articles. */
  root: Element | null;
  clutter: ClutterBlock[];
  blocks: TextBlock[];
  spans: QuoteSpan[];
}

/** How much of a hidden block's text goes into the report. */
const HIDDEN_TEXT_CAP = 200;

/** The stages, in order; `analyzePageSteps` yields each name once that stage is done. */
export const STAGES = ['detect', 'declutter', 'blocks', 'quotes', 'speakers'] as const;
export type Stage = (typeof STAGES)[number];

/** The whole analysis at once (CLI, tests, benchmarks). */
export function analyzePage(doc: Document, options: AnalyzeOptions = {}): Analysis {
  const steps = analyzePageSteps(doc, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The analysis as a sequence of stages: the caller may pause between them (the content script
 * yields to the page so no single task runs long). The core stays pure: it never waits itself.
 */
export function* analyzePageSteps(doc: Document, options: AnalyzeOptions = {}): Generator<Stage, Analysis> {
  const now = options.now ?? (() => Date.now());
  const mode = options.mode ?? 'declutter';
  const timings: Record<string, number> = {};
  const notes: string[] = [];
  const time = <T>(stage: string, fn: () => T): T => {
    const t0 = now();
    const out = fn();
    const t1 = now();
    timings[stage] = Math.round((t1 - t0) * 100) / 100;
    options.onStage?.(stage, t0, t1);
    return out;
  };

  const article = time('detect', () => detectArticle(doc));
  yield 'detect';
  const base: PageReport = {
    version: 1,
    url: options.url ?? doc.location?.href ?? '',
    title: article.title,
    site: article.site,
    lang: article.lang,
    isArticle: article.isArticle,
    mode,
    articleReasons: article.reasons,
    quotes: [],
    speakers: [],
    hidden: [],
    timings,
    notes,
  };
  if (!article.isArticle || !article.root) {
    return { report: base, root: null, clutter: [], blocks: [], spans: [] };
  }
  const root = article.root;

  const clutter = time('declutter', () => {
    const found = findClutterBlocks(doc, root, {
      mode,
      hideComments: options.hideComments ?? true,
      ...(article.measure ? { measure: article.measure } : {}),
    });
    return mode === 'focus' ? [...found, ...findFocusBlocks(doc, root, found, article.measure)] : found;
  });
  yield 'declutter';
  const hiddenSet = new Set(clutter.map((c) => c.element));
  const { blocks, truncated } = time('blocks', () => collectTextBlocks(root, { exclude: (el) => hiddenSet.has(el) }));
  if (truncated) notes.push('text cap reached: only the first part of the page was read');
  yield 'blocks';
  const spans = time('quotes', () => findQuotes(blocks));
  yield 'quotes';
  if (spans.length >= MAX_SPANS) notes.push(`quote cap reached: only the first ${MAX_SPANS} quotations were read`);
  const { attributions, speakers } = time('speakers', () => attributeSpeakers(blocks, spans, article.lang));
  yield 'speakers';

  const quotes: Quote[] = spans.map((span, i) => {
    const a = attributions[i]!;
    return {
      id: `q${i}`,
      text: span.text,
      speaker: a.speaker,
      mention: a.mention,
      cue: a.cue,
      rule: a.rule,
      kind: span.kind,
      block: span.block,
      start: span.start,
      end: span.end,
    };
  });
  const hidden: HiddenBlock[] = clutter.map((c) => ({ kind: c.kind, text: hiddenText(c.element), reason: c.reason }));
  return { report: { ...base, quotes, speakers, hidden }, root, clutter, blocks, spans };
}

/** A hidden block's text as the report shows it: white space collapsed, capped. */
export function hiddenText(el: Element): string {
  return normalizeSpace(el.textContent ?? '').slice(0, HIDDEN_TEXT_CAP);
}

const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT']);

/**
 * The page's text that stays visible once `hidden` elements are hidden: what a reader still sees,
 * as far as markup tells (no layout here). Blocks are separated by newlines.
 */
export function visibleTextOf(doc: Document, hidden: ReadonlySet<Element>): string {
  const body = doc.body ?? doc.documentElement;
  const { blocks } = collectTextBlocks(body, {
    exclude: (el) =>
      hidden.has(el) ||
      INVISIBLE_TAGS.has(el.tagName) ||
      el.getAttribute('aria-hidden') === 'true' ||
      /display\s*:\s*none/i.test(el.getAttribute('style') ?? ''),
  });
  return blocks
    .map((b) => normalizeSpace(b.text))
    .filter((t) => t !== '')
    .join('\n');
}
