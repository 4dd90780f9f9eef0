// The page-side half of a PageReport: is this an article, which blocks are clutter, and the
// article's text blocks. What needs the DOM, so it runs in the page (the content script); quotes
// and speakers come from the engine (engine.ts) over the blocks alone. The Document is read, never
// changed. Kept apart from report.ts so the content script's bundle holds none of the engine.
import { detectArticle, detectArticleSteps } from './article';
import type { ClutterBlock, ClutterVocabulary } from './clutter';
import type { ArticleHeader } from './clutter-header';
import type { Declutter } from './declutter';
import type { EngineResult } from './engine';
import { articleBlocks, normalizeSpace } from './text';
import type { BlockText, HiddenBlock, Mode, PageReport, TextBlock } from './types';

export interface AnalyzeOptions {
  mode?: Mode;
  hideComments?: boolean;
  /** The clutter vocabulary (ClutterOptions.vocabulary); analyzePage defaults to lexicon/clutter.ts's. */
  vocabulary?: ClutterVocabulary;
  url?: string;
  /**
   * "Run anyway": read a page judged not to be an article as one, with <body> as its root (the
   * reader asked; the verdict's reasons stay in the report, with a note).
   */
  force?: boolean;
  /** A clock in milliseconds; the content script passes performance.now. */
  now?: () => number;
  /**
   * Told when each stage ends (the content script turns these into User Timing measures). A stage
   * made in slices (see sliceMs) spans from its first slice's start to its last one's end, the
   * page's time between them included; `timings` holds our part.
   */
  onStage?: (stage: string, start: number, end: number) => void;
  /**
   * Yield inside a stage (the detect stage's walk) once this many ms have passed since the steps
   * were last resumed, so the caller can give the main thread back; none: never inside a stage.
   */
  sliceMs?: number;
  /**
   * Let detection stop once its verdict cannot change (firstLook's `settle`, then the walk's,
   * WalkSettle): a page that is not an article then costs less, and its kind and reasons are
   * weighed only when asked for (PageRead.explain). The content script sets it; the CLI reports
   * every reason at once.
   */
  settle?: boolean;
}

/** What the page-side stages found: the report without quotes and speakers, and the DOM refs. */
export interface PageRead {
  report: PageReport;
  /** The article's main content root, or null on pages that are not articles. */
  root: Element | null;
  clutter: ClutterBlock[];
  /** The article's text blocks, hidden clutter left out (empty on pages that are not articles). */
  blocks: TextBlock[];
  /** The article's header (title, bylines, lead media) the clutter finder judged by, on articles. */
  header?: ArticleHeader;
  /**
   * Set when detection settled early (AnalyzeOptions.settle: in the first look or during the walk):
   * fills in the report's page kind and reasons, weighing every feature of the page as it is now
   * (once; later calls do nothing).
   */
  explain?: () => void;
}

/** A PageRead with the engine's quotes and speakers in its report. */
export type Analysis = PageRead;

/** How much of a hidden block's text goes into the report. */
const HIDDEN_TEXT_CAP = 200;

/** The page-side stages, in order; `readPageSteps` yields each name once that stage is done. */
export const PAGE_STAGES = ['detect', 'declutter', 'blocks'] as const;
export type PageStage = (typeof PAGE_STAGES)[number];

/** readPage's options: the vocabulary is required here (the content script has its own copy). */
export type ReadOptions = AnalyzeOptions & { vocabulary: ClutterVocabulary };

/** What the declutter stage needs besides the page: its code (declutter.ts) and its words. */
export interface DeclutterKit {
  code: Declutter;
  vocabulary: ClutterVocabulary;
}

/**
 * Options of the stages. No kit: readPageSteps asks for it once a page is taken for an article, by
 * yielding 'load', and reads it from the next `next(kit)`; a page that is not an article never needs
 * it (the content script fetches the code and reads the words only then).
 */
export type StepOptions = Omit<AnalyzeOptions, 'vocabulary'> & { declutter?: DeclutterKit };

/** The read with the engine's answer in its report: quotes, speakers, notes, timings. */
export function withAttribution(read: PageRead, result: EngineResult): Analysis {
  const { report } = read;
  return {
    ...read,
    report: {
      ...report,
      quotes: result.quotes,
      speakers: result.speakers,
      notes: [...report.notes, ...result.notes],
      timings: { ...report.timings, ...result.timings },
      readingMinutes: result.readingMinutes,
    },
  };
}

/**
 * The page-side analysis as a sequence of stages: the caller may pause between them (the content
 * script yields to the page so no single task runs long). The core stays pure: it never waits.
 */
export function* readPageSteps(
  doc: Document,
  options: StepOptions,
): Generator<PageStage | 'pause' | 'load', PageRead, DeclutterKit | undefined> {
  const now = options.now ?? (() => Date.now());
  const mode = options.mode ?? 'declutter';
  const timings: Record<string, number> = {};
  const notes: string[] = [];
  // When the steps were last resumed: a slice inside a stage ends sliceMs after it.
  let resumed = now();
  const { sliceMs = Number.POSITIVE_INFINITY } = options;
  const pause = () => now() - resumed >= sliceMs;
  /** Runs a stage, in slices if it yields ('pause' between them), and times our part of it. */
  function* time<T>(stage: string, steps: Generator<void, T> | (() => T)): Generator<'pause', T> {
    const start = now();
    for (let work = 0; ; ) {
      const t0 = now();
      const step = typeof steps === 'function' ? { done: true as const, value: steps() } : steps.next();
      const t1 = now();
      work += t1 - t0;
      if (step.done) {
        timings[stage] = Math.round(work * 100) / 100;
        options.onStage?.(stage, start, t1);
        return step.value;
      }
      yield 'pause';
      resumed = now();
    }
  }

  const article = yield* time(
    'detect',
    detectArticleSteps(doc, options.url, options.force ?? false, pause, options.settle ?? false),
  );
  yield 'detect';
  const base: PageReport = {
    version: 1,
    url: options.url ?? doc.location?.href ?? '',
    title: article.title,
    site: article.site,
    lang: article.lang,
    isArticle: article.isArticle,
    ...(article.settledEarly ? {} : { pageKind: article.kind }),
    mode,
    articleReasons: article.reasons,
    quotes: [],
    speakers: [],
    hidden: [],
    timings,
    notes,
  };
  const forced = options.force === true && !article.isArticle && doc.body !== null;
  if (forced) {
    base.isArticle = true;
    notes.push('run anyway: not judged an article; read with <body> as its root');
  }
  const root = article.isArticle ? article.root : forced ? doc.body : null;
  if (!root) {
    const read: PageRead = { report: base, root: null, clutter: [], blocks: [] };
    if (article.settledEarly)
      read.explain = () => {
        if (base.pageKind) return;
        const full = detectArticle(doc, options.url);
        Object.assign(base, { pageKind: full.kind, articleReasons: full.reasons });
      };
    return read;
  }

  const kit = options.declutter ?? (yield 'load');
  if (!kit) throw new Error('readPageSteps: the declutter code was asked for and not given');
  const { code, vocabulary } = kit;
  // The article's title, byline and lead media, found once for the clutter finder and focus mode,
  // with the title detection found for this root.
  const header = code.findArticleHeader(doc, root, article.root === root ? article.titleElement : undefined);
  // Focus mode is composed after the clutter (clutter-focus.ts reads what was found).
  const clutter = yield* time(
    'declutter',
    (function* () {
      const clutterOptions = {
        mode,
        hideComments: options.hideComments ?? true,
        vocabulary,
        header,
        ...(article.measure ? { measure: article.measure } : {}),
      };
      const found = yield* code.findClutterSteps(doc, root, clutterOptions, pause);
      return mode === 'focus'
        ? [...found, ...code.findFocusBlocks(doc, root, found, vocabulary, article.measure, header)]
        : found;
    })(),
  );
  yield 'declutter';
  const hiddenSet = new Set(clutter.map((c) => c.element));
  const { blocks, truncated } = yield* time('blocks', () => articleBlocks(root, hiddenSet, article.measure));
  if (truncated) notes.push('text cap reached: only the first part of the page was read');
  yield 'blocks';
  const hidden: HiddenBlock[] = clutter.map((c) => ({ kind: c.kind, text: hiddenText(c.element), reason: c.reason }));
  return { report: { ...base, hidden }, root, clutter, blocks, header };
}

/** A hidden block's text as the report shows it: white space collapsed, capped. */
export function hiddenText(el: Element): string {
  return normalizeSpace(el.textContent ?? '').slice(0, HIDDEN_TEXT_CAP);
}

/** The plain-data part of a block: what goes to the engine (no DOM references). */
export function blockText(block: BlockText): BlockText {
  return { index: block.index, text: block.text, tag: block.tag, isHeading: block.isHeading };
}
