// Applies a PageReport to the live page: marks clutter hidden, highlights quotes, publishes the
// data-quotelens* hooks, and undoes all of it exactly. The only module that writes to the page.
// A run reads the page (detect, declutter, blocks: core/report.ts), sends the blocks to the engine
// (the extension's background), hides the clutter while the engine works, and highlights the
// quotes of its answer once it has checked that the answer still fits the page.
import type { ClutterOptions } from '../core/clutter';
import type { ArticleHeader } from '../core/clutter-header';
import {
  type Analysis,
  blockText,
  type DeclutterKit,
  hiddenText,
  type PageRead,
  readPageSteps,
  withAttribution,
} from '../core/read-page';
import { collectTextBlocks, locateOffset } from '../core/text';
import type { ClutterBlock, Quote, TextBlock } from '../core/types';
import type { AnalyzeReply, AnalyzeRequest, PageState, PageStatus, Toggles } from '../shared/messages';
import { colourIndex, type Palette } from '../shared/palette';
import type { ComfortUi } from './comfort';
import { Highlighter, type QuoteRange } from './highlight';
import {
  changedTargets,
  clutterScopes,
  contextBefore,
  mergeReply,
  pruneQuotes,
  REPLACED_SHARE,
  requestBlocks,
} from './incremental';
import { Once } from './once';
import { UI_ATTR } from './overlay';
import { HIDDEN_ATTR, STYLE_ID, stylesheetText } from './style';
import { QuoteTips } from './tips';

const HOOK = 'data-quotelens';
const HOOK_QUOTES = 'data-quotelens-quotes';
const HOOK_MS = 'data-quotelens-ms';
const REVEAL_ATTR = 'data-quotelens-reveal';
/** Why a block the reader picked is hidden (report, --explain). */
export const PICKED_REASON = 'hidden by you';
/** The hooks on <html> that we publish: the page may write them too, and we write the truth back. */
export const HTML_HOOKS = [HOOK, HOOK_QUOTES, HOOK_MS];
/**
 * Our User Timing entries in the page's buffer at most (issue 17: 20). Each stage keeps its latest
 * measure only (a re-read replaces the last one), so a run's `engine` or `detect` is never lost to
 * the bound; `task` measures, one per slice, take the rest of the room and are cleared alone when
 * it is full, so a reader of every slice (the bench on a large page) needs a PerformanceObserver.
 */
export const MAX_OWN_MEASURES = 20;
/**
 * A stage that can be made in slices (detect's walk) gives the main thread back to the page after
 * this many ms: well under the 50 ms of a long task, with room for a loaded machine's overshoot.
 */
const SLICE_MS = 20;

/** Where quotes and speakers are computed: the background over messages (tests: in process). */
export type EngineLink = (request: AnalyzeRequest) => AnalyzeReply | Promise<AnalyzeReply>;

/**
 * How the page is read: the reader's comment switch, and the declutter stage's code with its words
 * (the clutter vocabulary the background stored): given (tests), or how to load them (the content
 * script's chunk and a storage read, once, when the first page is taken for an article).
 */
export interface PageReading {
  hideComments: boolean;
  declutter: DeclutterKit | (() => Promise<DeclutterKit>);
}

/** Hand corrections (content/corrections.ts): applied to each read, told of each render. */
export interface ReadCorrections {
  adjust(read: PageRead): PageRead;
  filter(found: ClutterBlock[]): ClutterBlock[];
  isPicked(el: Element): boolean;
  rendered(hidden: readonly Element[], reveal: boolean): void;
  clear(): void;
}

export class PageController {
  corrections: ReadCorrections | null = null;
  private analysis: Analysis | null = null;
  private status: PageStatus = 'loading';
  private enabled = true;
  private reveal = false;
  private ms = 0;
  private hiddenEls: Element[] = [];
  private ranges = new Map<string, Range>();
  private readonly highlighter: Highlighter;
  private readonly tips: QuoteTips;
  private error: string | undefined;
  /** Bumped by every run and by turning off, so a chunked run that was overtaken stops. */
  private generation = 0;
  /** The reader chose "Run anyway" on this site: treat the page as an article. */
  force = false;
  /** Our stylesheet, by reference: a page element with its id is not it. */
  private style: HTMLStyleElement | null = null;
  /** Our `task` measures now in the page's buffer, and the stages we measured (latest of each kept). */
  private tasks = 0;
  private readonly measureNames = new Set<string>();
  /** The element of each live block, for telling a changed block from new content. */
  private blockOf = new Map<Element, TextBlock>();
  /** Blocks read again since: their quotes are stale. */
  private superseded = new Set<number>();
  private nextQuote = 0;
  /** Late content that arrived while a run was in flight: handled when it is done. */
  private deferred: Node[] = [];
  private header: { root: Element; header: ArticleHeader } | null = null;
  /** The declutter code and words: here (tests), or loaded once, when the first article is read. */
  private readonly kit: Once<DeclutterKit>;
  /** The extension is gone: the page was restored and nothing is written again. */
  private gone = false;
  /**
   * The reader's comfort choices for focus mode as stored (null: the page's own; undefined: not read
   * yet; checked by the chunk that applies them, shared/comfort.ts), how to read them (only once
   * focus mode needs them, not at every page's start) and how to load that chunk.
   */
  comfort: unknown;
  readComfort: (() => Promise<unknown>) | null = null;
  loadComfort: (() => Promise<ComfortUi>) | null = null;
  /** The root comfort is (being) applied to, and the undo once it is. */
  private comfortRoot: Element | null = null;
  private comfortOff: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private toggles: Toggles,
    private readonly reading: PageReading,
    private readonly palette: Palette,
    private readonly engine: EngineLink,
  ) {
    const { declutter } = reading;
    this.kit =
      typeof declutter === 'function' ? new Once(declutter) : new Once(() => Promise.resolve(declutter), declutter);
    this.highlighter = new Highlighter(win);
    this.tips = new QuoteTips(doc, win, (id) => this.tipFor(id));
  }

  /**
   * Reads the page in one task and applies the result; with an engine that answers at once (tests)
   * the whole run is done on return.
   */
  run(): Promise<void> {
    const generation = ++this.generation;
    const steps = this.readSteps();
    let read: PageRead | null = null;
    this.timed(() => {
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          read = step.value;
          break;
        }
        if (step.value) throw new Error('run(): the declutter code must be given, not loaded');
      }
    });
    return read ? this.attribute(read, generation) : Promise.resolve();
  }

  /**
   * The same, one stage per task: between stages the page gets the main thread back, so no task
   * of ours runs much longer than its longest stage. Resolves when the page is ready or skipped.
   */
  async runChunked(): Promise<void> {
    const steps = this.readSteps();
    const generation = ++this.generation;
    // What the last step waited for (the declutter kit): its value, or why it failed.
    let loaded: { kit?: DeclutterKit; error?: unknown } = {};
    for (;;) {
      let read: PageRead | null = null;
      let done = false;
      let wait: Promise<DeclutterKit> | null = null;
      this.timed(() => {
        const step = 'error' in loaded ? steps.throw(loaded.error) : steps.next(loaded.kit);
        done = step.done === true;
        if (step.done) read = step.value;
        else if (step.value) wait = step.value;
      });
      if (done || generation !== this.generation) {
        if (read && generation === this.generation) await this.attribute(read, generation);
        return;
      }
      loaded = {};
      if (wait)
        await (wait as Promise<DeclutterKit>).then(
          (kit) => {
            loaded = { kit };
          },
          (error: unknown) => {
            loaded = { error };
          },
        );
      else await yieldToPage(this.win);
      // Turned off, re-run or re-analysed meanwhile: that newer run owns the page now.
      if (generation !== this.generation) return;
    }
  }

  /**
   * The page-side stages; returns null when reading failed (status 'error', rendered). Yields a
   * promise when the declutter kit must be waited for, and takes it from the next `next(kit)`.
   */
  private *readSteps(): Generator<Promise<DeclutterKit> | undefined, PageRead | null, DeclutterKit | undefined> {
    this.status = 'loading';
    try {
      const stages = readPageSteps(this.doc, {
        mode: this.toggles.focus ? 'focus' : 'declutter',
        hideComments: this.reading.hideComments,
        ...(this.kit.value ? { declutter: this.kit.value } : {}),
        url: this.win.location.href,
        now: () => this.win.performance.now(),
        force: this.force,
        settle: true,
        sliceMs: SLICE_MS,
        onStage: (stage, start, end) => this.measure(stage, start, end),
      });
      let step = stages.next();
      while (!step.done) {
        if (step.value === 'load') {
          step = stages.next(this.kit.value ?? (yield this.kit.get()));
          continue;
        }
        yield;
        step = stages.next();
      }
      return this.corrections ? this.corrections.adjust(step.value) : step.value;
    } catch (err) {
      this.fail(err);
      return null;
    }
  }

  /**
   * Sends the article's blocks to the engine, hides the clutter while it works, and applies its
   * answer if this run still owns the page and the answer fits the blocks it was asked about.
   */
  private async attribute(read: PageRead, generation: number): Promise<void> {
    if (!read.report.isArticle) {
      this.timed(() => this.finish(read));
      return;
    }
    let pending: AnalyzeReply | Promise<AnalyzeReply> | null = null;
    this.timed(() => {
      const t0 = this.win.performance.now();
      try {
        pending = this.engine({ blocks: read.blocks.map(blockText), lang: read.report.lang });
      } catch (err) {
        pending = Promise.reject(err);
      }
      this.measure('send', t0, this.win.performance.now());
    });
    const answer = pending as AnalyzeReply | Promise<AnalyzeReply> | null;
    if (answer === null) return;
    if (!(answer instanceof Promise)) {
      this.timed(() => this.finish(read, answer));
      return;
    }
    // Declutter now; the highlights follow when the engine answers.
    this.timed(() => this.renderHidden(read));
    const sent = this.win.performance.now();
    let reply: AnalyzeReply | null = null;
    let problem = '';
    try {
      reply = await answer;
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    if (generation !== this.generation) return;
    // Waiting, not working: the main thread was the page's meanwhile. `cold`: this request started
    // (or woke) the background; `ms`: the background's own time.
    this.measure('engine', sent, this.win.performance.now(), reply ? { cold: reply.cold, ms: reply.ms } : undefined);
    this.timed(() => {
      if (reply && !fitsBlocks(reply, read.blocks)) {
        reply = null;
        problem = 'its answer did not fit the page';
      }
      this.finish(read, reply ?? undefined, problem);
    });
  }

  /** Sets the analysis from the read and the engine's reply (none: declutter only), and renders. */
  private finish(read: PageRead, reply?: AnalyzeReply, problem = ''): void {
    if (!read.report.isArticle) this.analysis = read;
    else if (reply) this.analysis = withAttribution(read, reply);
    else {
      this.analysis = read;
      read.report.notes.push(`no quotes: the background engine gave no answer (${problem || 'none'})`);
    }
    this.status = this.analysis.report.isArticle ? 'ready' : 'skipped';
    // Late content is judged against the header the read found (headerOf).
    if (read.root && read.header) this.header = { root: read.root, header: read.header };
    this.blockOf = new Map(this.analysis.blocks.map((b) => [b.element, b]));
    this.superseded.clear();
    this.nextQuote = this.analysis.report.quotes.length;
    this.render();
    const late = this.deferred;
    this.deferred = [];
    if (late.length > 0) this.update(late, false);
  }

  private fail(err: unknown): void {
    this.analysis = null;
    this.status = 'error';
    this.error = err instanceof Error ? err.message : String(err);
    this.render();
  }

  private addClutter(analysis: Analysis, late: Analysis['clutter']): void {
    const found = this.corrections ? this.corrections.filter(late) : late;
    const known = new Set(analysis.clutter.map((c) => c.element));
    const hide = this.toggles.declutter || this.toggles.focus;
    for (const c of found) {
      if (known.has(c.element)) continue;
      known.add(c.element);
      analysis.clutter.push(c);
      analysis.report.hidden.push({ kind: c.kind, text: hiddenText(c.element), reason: c.reason });
      if (hide && (c.kind !== 'other' || this.toggles.focus)) {
        c.element.setAttribute(HIDDEN_ATTR, c.kind);
        this.hiddenEls.push(c.element);
      }
    }
  }

  /**
   * Late content: classifies the clutter of the added subtrees, reads the blocks that are new or
   * changed and sends only those to the engine. A navigation-sized change (the article replaced)
   * reads the page again instead. Resolves when the engine's answer is painted.
   */
  update(added: readonly Node[], removed: boolean): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    if (this.status === 'loading') {
      this.deferred.push(...added);
      return Promise.resolve();
    }
    const analysis = this.analysis;
    const root = analysis?.root;
    // A page read as an article has its declutter kit (the read waited for it).
    const kit = this.kit.value;
    if (!analysis || this.status !== 'ready' || !root || !kit) return Promise.resolve();
    if (!root.isConnected || (removed && this.mostlyReplaced(analysis.blocks))) return this.reanalyse();
    let sent: ReturnType<typeof requestBlocks> = [];
    let fresh: TextBlock[] = [];
    const generation = this.generation;
    let pending: Promise<AnalyzeReply> | AnalyzeReply | null = null;
    this.timed(() => {
      const clutter = clutterScopes(added, root).flatMap((el) =>
        kit.code.findClutterIn(el, root, this.clutterOptions(kit), this.headerOf(kit, root)),
      );
      this.addClutter(analysis, clutter);
      if (removed && this.pruneStale()) this.repaint();
      const hidden = new Set(analysis.clutter.map((c) => c.element));
      const targets = changedTargets(added, root, this.blockOf);
      const replaced = new Set<TextBlock>();
      for (const t of targets) {
        for (const [el, b] of this.blockOf) if (t === el || t.contains(el)) replaced.add(b);
        const { blocks } = collectTextBlocks(t, { exclude: (el) => hidden.has(el) || this.isOwn(el) });
        for (const b of blocks) fresh.push({ ...b, index: analysis.blocks.length + fresh.length });
      }
      for (const b of replaced) {
        this.superseded.add(b.index);
        this.blockOf.delete(b.element);
      }
      if (replaced.size > 0 && this.pruneStale()) this.repaint();
      fresh = fresh.filter((b) => b.text.trim().length > 0);
      if (fresh.length === 0) return;
      analysis.blocks.push(...fresh);
      for (const b of fresh) this.blockOf.set(b.element, b);
      sent = requestBlocks(contextBefore(analysis.blocks, fresh[0]!.element, new Set(fresh)), fresh);
      try {
        pending = this.engine({ blocks: sent, lang: analysis.report.lang });
      } catch (err) {
        pending = Promise.reject(err);
      }
    });
    const answer = pending as Promise<AnalyzeReply> | AnalyzeReply | null;
    if (answer === null) return Promise.resolve();
    return Promise.resolve(answer).then(
      (reply) => {
        if (generation !== this.generation || this.analysis !== analysis) return;
        this.timed(() => {
          const quotes = mergeReply(analysis.report, reply, sent, fresh, () => `q${this.nextQuote++}`);
          if (quotes && quotes.length > 0) this.paintQuotes(quotes);
        });
      },
      () => undefined,
    );
  }

  /** Most of the article's blocks have left the page: a new story in the same document. */
  private mostlyReplaced(blocks: readonly TextBlock[]): boolean {
    const known = blocks.filter((b) => !this.superseded.has(b.index));
    const gone = known.filter((b) => !b.element.isConnected).length;
    return gone > 0 && gone >= known.length * REPLACED_SHARE;
  }

  /** Drops quotes whose block left the page or was read again. */
  private pruneStale(): boolean {
    const analysis = this.analysis;
    if (!analysis) return false;
    return pruneQuotes(analysis.report, (q) => {
      const block = analysis.blocks[q.block];
      return !block || this.superseded.has(q.block) || !block.element.isConnected;
    });
  }

  /** Paints late quotes next to the ones already shown. */
  private paintQuotes(quotes: Quote[]): void {
    const built = this.buildRanges(quotes);
    for (const [id, range] of built) this.ranges.set(id, range);
    this.publishHooks();
    if (!this.toggles.highlight) return;
    this.highlighter.add(this.marks(quotes, built));
    this.tips.start(this.highlighter.usesHighlightApi ? [...this.ranges] : []);
  }

  /** Highlights and hooks again from the report (after quotes were dropped). */
  private repaint(): void {
    const report = this.analysis?.report;
    if (!report) return;
    for (const id of [...this.ranges.keys()]) if (!report.quotes.some((q) => q.id === id)) this.ranges.delete(id);
    if (this.toggles.highlight) this.highlighter.apply(this.marks(report.quotes, this.ranges));
    this.publishHooks();
  }

  private marks(quotes: readonly Quote[], ranges: ReadonlyMap<string, Range>): QuoteRange[] {
    const rank = new Map((this.analysis?.report.speakers ?? []).map((s, i) => [s.name, i]));
    const marks: QuoteRange[] = [];
    for (const q of quotes) {
      const range = ranges.get(q.id);
      if (!range || q.title) continue; // a title in quote marks is nobody's words: not painted
      const r = q.speaker === null ? undefined : rank.get(q.speaker);
      marks.push({ id: q.id, range, colour: r === undefined ? null : colourIndex(r) });
    }
    return marks;
  }

  /** Our own nodes (stylesheet, hover card): never page content. */
  isOwn(node: Node): boolean {
    // The corrections' labels and picker live in one host element of ours (overlay.ts).
    const ownUi = node instanceof Element && node.hasAttribute(UI_ATTR);
    return node === this.style || ownUi || this.tips.owns(node);
  }

  /**
   * Puts back what the page took away: the stylesheet (removed, disabled) and the highlights
   * (CSS.highlights cleared or replaced), and the hooks it overwrote. True if anything was restored.
   */
  guard(): boolean {
    if (this.gone) return false;
    let restored = this.publishHooks();
    if (!this.enabled || this.status === 'loading') return restored;
    const style = this.style;
    if (style && (!style.isConnected || style.sheet?.disabled)) {
      style.remove();
      this.style = null;
      this.ensureStyle();
      restored = true;
    }
    if (this.status === 'ready' && this.highlighter.verify()) restored = true;
    return restored;
  }

  /** Writes our state to the <html> hooks where the page changed them. True if one was wrong. */
  publishHooks(): boolean {
    if (this.gone) return false;
    const html = this.doc.documentElement;
    // Off for the site: only data-quotelens="off"; while loading, no counts yet.
    const counts = this.status !== 'off' && this.status !== 'loading';
    const want: [string, string | null][] = [
      [HOOK, this.status],
      [
        HOOK_QUOTES,
        counts
          ? String(
              (this.status === 'ready' && this.toggles.highlight && paintedCount(this.analysis?.report.quotes)) || 0,
            )
          : null,
      ],
      [HOOK_MS, counts ? String(Math.round(this.ms * 10) / 10) : null],
    ];
    let wrong = false;
    for (const [name, value] of want) {
      if (html.getAttribute(name) === value) continue;
      wrong = true;
      if (value === null) html.removeAttribute(name);
      else html.setAttribute(name, value);
    }
    return wrong;
  }

  /**
   * The extension is gone (disabled, updated, removed): every trace goes, the <html> hook too, and
   * nothing runs again. The page is as it was before Quotelens.
   */
  restore(): void {
    this.gone = true;
    this.generation++;
    this.enabled = false;
    this.status = 'off';
    this.deferred = [];
    this.clearAll();
    this.clearMeasures();
  }

  /** The article's title and bylines, found once per root: every late subtree is judged against them. */
  private headerOf(kit: DeclutterKit, root: Element): ArticleHeader {
    if (this.header?.root !== root) this.header = { root, header: kit.code.findArticleHeader(this.doc, root) };
    return this.header.header;
  }

  /** The clutter finder's options for late content (the kit is here: the page was read as an article). */
  private clutterOptions(kit: DeclutterKit): ClutterOptions {
    const mode = this.toggles.focus ? 'focus' : 'declutter';
    return { mode, hideComments: this.reading.hideComments, vocabulary: kit.vocabulary };
  }

  /** Reads the page afresh (new article content, SPA navigation), one stage per task. */
  reanalyse(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    this.clearAll();
    return this.runChunked();
  }

  get articleRoot(): Element | null {
    return this.analysis?.root ?? null;
  }

  /** Worth watching for changes: on, and read (an article, or a page an SPA may turn into one). */
  /** On, and showing an article. */
  get isActive(): boolean {
    return this.enabled && this.status === 'ready';
  }

  get isWatchable(): boolean {
    return this.enabled && (this.status === 'ready' || this.status === 'skipped');
  }

  /** Applies new toggles; a change of focus mode reads the page again (sliced), resolved when done. */
  setToggles(next: Partial<Toggles>): Promise<void> {
    const focusChanged = next.focus !== undefined && next.focus !== this.toggles.focus;
    this.toggles = { ...this.toggles, ...next };
    if (focusChanged && this.enabled) {
      this.clearAll();
      return this.runChunked();
    }
    this.timed(() => this.render());
    return Promise.resolve();
  }

  showHidden(show: boolean): void {
    this.reveal = show;
    this.timed(() => this.render());
  }

  setEnabled(enabled: boolean): Promise<void> {
    if (enabled === this.enabled) return Promise.resolve();
    this.enabled = enabled;
    if (!enabled) {
      this.generation++;
      this.clearAll();
      this.doc.documentElement.setAttribute(HOOK, 'off');
      this.status = 'off';
      return Promise.resolve();
    }
    return this.runChunked();
  }

  markOff(): void {
    this.enabled = false;
    this.status = 'off';
    this.doc.documentElement.setAttribute(HOOK, 'off');
  }

  scrollToQuote(id: string): boolean {
    const range = this.ranges.get(id);
    if (!range) return false;
    const el = range.startContainer.parentElement;
    // A hidden tab (the popup opened as a tab) drops smooth scrolls in Firefox: jump instead.
    el?.scrollIntoView({ block: 'center', behavior: this.doc.hidden ? 'instant' : 'smooth' });
    this.highlighter.flash(range);
    this.tips.showFor(id, range);
    return true;
  }

  /** What the background's badge needs after each read: cheaper than state() (no explain). */
  summary(): { status: PageStatus; quotes: number } {
    return { status: this.status, quotes: this.analysis?.report.quotes.length ?? 0 };
  }

  /** The whole state, for the popup and the extension's pages: a settled page's reasons are weighed now. */
  state(): PageState {
    this.analysis?.explain?.();
    return {
      status: this.status,
      host: this.win.location.hostname,
      report: this.analysis?.report ?? null,
      toggles: this.toggles,
      hiddenNow:
        this.reveal || !this.style?.isConnected
          ? 0
          : this.hiddenEls.filter((el) => el.hasAttribute(HIDDEN_ATTR)).length,
      ms: Math.round(this.ms * 10) / 10,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** Removes every trace of Quotelens from the page: attributes, stylesheet, highlights. */
  clearAll(): void {
    this.header = null;
    this.paintComfort(null);
    this.highlighter.clear();
    this.tips.stop();
    this.corrections?.clear();
    for (const el of this.hiddenEls) el.removeAttribute(HIDDEN_ATTR);
    this.hiddenEls = [];
    this.ranges.clear();
    this.blockOf.clear();
    const html = this.doc.documentElement;
    for (const attr of [HOOK, HOOK_QUOTES, HOOK_MS, REVEAL_ATTR]) html.removeAttribute(attr);
    this.style?.remove();
    this.style = null;
  }

  private timed(fn: () => void): void {
    const t0 = this.win.performance.now();
    fn();
    const t1 = this.win.performance.now();
    this.ms += t1 - t0;
    // One measure per uninterrupted slice of our work: what a long-task count needs.
    this.measure('task', t0, t1);
    if (this.enabled && this.status !== 'loading') {
      this.doc.documentElement.setAttribute(HOOK_MS, String(Math.round(this.ms * 10) / 10));
    }
  }

  /** User Timing measures, one per stage, for the benchmark and the browser's profiler. */
  measure(stage: string, start: number, end: number, detail?: Record<string, unknown>): void {
    // Bounded: a live page would otherwise collect ours without end (and show them to its analytics).
    const name = `quotelens:${stage}`;
    const perf = this.win.performance;
    try {
      if (stage !== 'task') {
        perf.clearMeasures(name);
        this.measureNames.add(name);
      } else if (this.tasks >= MAX_OWN_MEASURES - this.measureNames.size) {
        perf.clearMeasures(name);
        this.tasks = 0;
      }
      perf.measure(name, detail ? { start, end, detail } : { start, end });
      if (stage === 'task') this.tasks++;
    } catch {
      // Old engines without the options form: timings are still in the report.
    }
  }

  /** Removes our User Timing entries from the page's buffer. */
  clearMeasures(): void {
    for (const name of this.measureNames) this.win.performance.clearMeasures(name);
    this.win.performance.clearMeasures('quotelens:task');
    this.tasks = 0;
  }

  /** Marks exactly the current clutter set hidden when hiding is on, and the reveal state. */
  private renderHidden(read: PageRead): void {
    if (!this.enabled) return;
    const html = this.doc.documentElement;
    this.ensureStyle();
    for (const el of this.hiddenEls) el.removeAttribute(HIDDEN_ATTR);
    this.hiddenEls = [];
    const hide = this.toggles.declutter || this.toggles.focus;
    if (hide) {
      for (const c of read.clutter) {
        if (c.kind === 'other' && !this.toggles.focus && !this.corrections?.isPicked(c.element)) continue;
        c.element.setAttribute(HIDDEN_ATTR, c.kind);
        this.hiddenEls.push(c.element);
      }
    }
    if (this.reveal) html.setAttribute(REVEAL_ATTR, '');
    else html.removeAttribute(REVEAL_ATTR);
    this.corrections?.rendered(this.hiddenEls, this.reveal);
  }

  /** The reader keeps a hidden block: shown again, and no longer in the report's hidden list. */
  unhide(el: Element): void {
    const analysis = this.analysis;
    if (!analysis) return;
    this.timed(() => {
      const at = analysis.clutter.findIndex((c) => c.element === el);
      if (at >= 0) {
        analysis.clutter.splice(at, 1);
        analysis.report.hidden.splice(at, 1);
      }
      el.removeAttribute(HIDDEN_ATTR);
      this.hiddenEls = this.hiddenEls.filter((h) => h !== el);
    });
  }

  /** The reader hid a block with the picker: hidden now, listed as hidden by the reader. */
  hidePicked(el: Element): void {
    const analysis = this.analysis;
    if (!analysis || analysis.clutter.some((c) => c.element === el)) return;
    this.timed(() => {
      analysis.clutter.push({ element: el, kind: 'other', reason: PICKED_REASON });
      analysis.report.hidden.push({ kind: 'other', text: hiddenText(el), reason: PICKED_REASON });
      el.setAttribute(HIDDEN_ATTR, 'other');
      this.hiddenEls.push(el);
    });
  }

  /** Reads a page judged not to be an article as one (the popup's "Run anyway"). */
  runAnyway(): Promise<void> {
    if (!this.enabled || this.status !== 'skipped') return Promise.resolve();
    this.force = true;
    this.clearAll();
    return this.runChunked();
  }

  private render(): void {
    const html = this.doc.documentElement;
    // While loading, the run in flight renders when it is done.
    if (!this.enabled || this.status === 'loading') return;
    if (this.status !== 'ready' || !this.analysis) {
      html.setAttribute(HOOK, this.status === 'error' ? 'error' : 'skipped');
      html.setAttribute(HOOK_QUOTES, '0');
      return;
    }
    this.renderHidden(this.analysis);
    // Highlights.
    this.highlighter.clear();
    this.ranges = this.buildRanges(this.analysis.report.quotes);
    const quotes = this.analysis.report.quotes;
    if (this.toggles.highlight) {
      const marks = this.marks(quotes, this.ranges);
      const t0 = this.win.performance.now();
      this.highlighter.apply(marks);
      this.measure('highlight', t0, this.win.performance.now());
      // No Highlight API (no supported browser lacks it): nothing painted, so no hover cards either.
      this.tips.start(this.highlighter.usesHighlightApi ? [...this.ranges] : []);
    } else this.tips.stop();
    html.setAttribute(HOOK_QUOTES, String(this.toggles.highlight ? paintedCount(quotes) : 0));
    html.setAttribute(HOOK, 'ready');
    this.paintComfort(this.analysis.root);
  }

  /** New comfort choices from the popup: applied at once in focus mode. */
  setComfort(comfort: unknown): void {
    this.comfort = comfort;
    this.paintComfort(null);
    if (this.isActive) this.paintComfort(this.analysis?.root ?? null);
  }

  /**
   * Reader comfort, in focus mode only: the stored choices are read the first time focus mode
   * needs them, and the chunk is fetched the first time a choice is stored.
   */
  private paintComfort(root: Element | null): void {
    const want = this.toggles.focus && this.comfort !== null ? root : null;
    if (want === this.comfortRoot) return;
    this.comfortOff?.();
    this.comfortOff = null;
    this.comfortRoot = want;
    if (!want) return;
    const stored = this.comfort !== undefined ? Promise.resolve(this.comfort) : this.readComfort?.();
    void stored
      ?.then(async (read) => {
        // Choices the popup sent meanwhile win over what storage held.
        if (this.comfort === undefined) this.comfort = read ?? null;
        const comfort = this.comfort;
        if (!comfort || this.comfortRoot !== want) return;
        const ui = await this.loadComfort?.();
        if (ui && this.comfortRoot === want && this.comfort === comfort && !this.comfortOff && !this.gone) {
          this.comfortOff = ui.applyComfort(this.doc, want, comfort);
        }
      })
      .catch(() => undefined);
  }

  private buildRanges(quotes: Quote[]): Map<string, Range> {
    const out = new Map<string, Range>();
    const blocks = this.analysis?.blocks ?? [];
    for (const q of quotes) {
      const block = blocks[q.block];
      // The page changed since it was read: that quote waits for the next analysis.
      if (!block?.element.isConnected || !stillReads(block)) continue;
      const a = locateOffset(block, q.start);
      const b = locateOffset(block, q.end);
      if (!a.node.isConnected || !b.node.isConnected) continue;
      try {
        const range = this.doc.createRange();
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset);
        out.set(q.id, range);
      } catch {
        // The page changed under us; that quote is skipped until the next analysis.
      }
    }
    return out;
  }

  private ensureStyle(): void {
    if (this.style?.isConnected) return;
    const style = this.style ?? this.doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = stylesheetText(this.palette);
    (this.doc.head ?? this.doc.documentElement).appendChild(style);
    this.style = style;
  }

  private tipFor(id: string): string | null {
    const report = this.analysis?.report;
    if (!report) return null;
    const index = report.quotes.findIndex((q) => q.id === id);
    const q = report.quotes[index];
    if (!q) return null;
    const speaker = q.speaker ? report.speakers.find((s) => s.name === q.speaker) : undefined;
    const who = speaker ? `${speaker.name}${speaker.role ? ` · ${speaker.role}` : ''}` : 'Unattributed';
    return `${who} — quote ${index + 1} of ${report.quotes.length}`;
  }
}

/** Quotes that are painted: every quotation, not the titles in quote marks (Quote.title). */
const paintedCount = (quotes: readonly Quote[] | undefined): number => quotes?.filter((q) => !q.title).length ?? 0;

/** Every quote of the reply sits in a block it was asked about, and its text is that block's text there. */
export function fitsBlocks(reply: AnalyzeReply, blocks: readonly TextBlock[]): boolean {
  if (!Array.isArray(reply.quotes) || !Array.isArray(reply.speakers)) return false;
  return reply.quotes.every((q) => {
    const block = blocks[q.block];
    return block !== undefined && q.start <= q.end && block.text.slice(q.start, q.end) === q.text;
  });
}

/** The block's text nodes still hold the text they held when the block was read. */
function stillReads(block: TextBlock): boolean {
  const { pieces, text } = block;
  for (let i = 0; i < pieces.length; i++) {
    const { node, start } = pieces[i]!;
    const end = i + 1 < pieces.length ? pieces[i + 1]!.start : text.length;
    if (!node.isConnected || node.data.length !== end - start || !text.startsWith(node.data, start)) return false;
  }
  return true;
}

/** Gives the main thread back to the page: scheduler.yield where it exists, else a message task. */
function yieldToPage(win: Window): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
