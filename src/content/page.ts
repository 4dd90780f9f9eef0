// Applies a PageReport to the live page: marks clutter hidden, highlights quotes, publishes the
// data-quotelens* hooks, and undoes all of it exactly. The only module that writes to the page.
import type { ClutterOptions } from '../core/clutter';
import { type Analysis, analyzePageSteps, hiddenText } from '../core/report';
import { locateOffset } from '../core/text';
import type { Quote } from '../core/types';
import type { PageState, PageStatus, Toggles } from '../shared/messages';
import { colourIndex, type Palette } from '../shared/palette';
import { Highlighter, type QuoteRange } from './highlight';
import { STYLE_ID, stylesheetText } from './style';
import { QuoteTips } from './tips';

const HOOK = 'data-quotelens';
const HOOK_QUOTES = 'data-quotelens-quotes';
const HOOK_MS = 'data-quotelens-ms';
const HIDDEN_ATTR = 'data-quotelens-hidden';
const REVEAL_ATTR = 'data-quotelens-reveal';

export class PageController {
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

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private toggles: Toggles,
    private readonly hideComments: boolean,
    private readonly palette: Palette = 'standard',
  ) {
    this.highlighter = new Highlighter(win);
    this.tips = new QuoteTips(doc, win, (id) => this.tipFor(id));
  }

  /** Runs the core and applies its result, all in one task (tests, toggles). */
  run(): void {
    ++this.generation;
    const steps = this.steps();
    this.timed(() => {
      for (let step = steps.next(); !step.done; step = steps.next());
    });
  }

  /**
   * The same, one stage per task: between stages the page gets the main thread back, so no task
   * of ours runs much longer than its longest stage. Resolves when the page is ready or skipped.
   */
  async runChunked(): Promise<void> {
    const steps = this.steps();
    const generation = ++this.generation;
    for (;;) {
      let done = false;
      this.timed(() => {
        done = steps.next().done === true;
      });
      if (done || generation !== this.generation) return;
      await yieldToPage(this.win);
      // Turned off, re-run or re-analysed meanwhile: that newer run owns the page now.
      if (generation !== this.generation) return;
    }
  }

  /** One run as steps: each `next()` does one stage; the last one applies the result. */
  private *steps(): Generator<void, void> {
    this.status = 'loading';
    try {
      const stages = analyzePageSteps(this.doc, {
        ...this.clutterOptions,
        url: this.win.location.href,
        force: this.force,
        now: () => this.win.performance.now(),
        onStage: (stage, start, end) => this.measure(stage, start, end),
      });
      let step = stages.next();
      while (!step.done) {
        yield;
        step = stages.next();
      }
      this.analysis = step.value;
      this.status = this.analysis.report.isArticle ? 'ready' : 'skipped';
    } catch (err) {
      this.analysis = null;
      this.status = 'error';
      this.error = (err as Error).message;
    }
    this.render();
  }

  /** Adds late-loading clutter found by the observer: marks just the new blocks. */
  addClutter(found: Analysis['clutter']): void {
    const analysis = this.analysis;
    if (!analysis || found.length === 0 || this.status !== 'ready') return;
    this.timed(() => {
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
    });
  }

  get clutterOptions(): ClutterOptions {
    return { mode: this.toggles.focus ? 'focus' : 'declutter', hideComments: this.hideComments };
  }

  /** Reads the page afresh (new article content, SPA navigation). */
  reanalyse(): void {
    if (!this.enabled) return;
    this.clearAll();
    this.run();
  }

  get articleRoot(): Element | null {
    return this.analysis?.root ?? null;
  }

  get isActive(): boolean {
    return this.enabled && this.status === 'ready';
  }

  setToggles(next: Partial<Toggles>): void {
    const focusChanged = next.focus !== undefined && next.focus !== this.toggles.focus;
    this.toggles = { ...this.toggles, ...next };
    if (focusChanged && this.enabled) {
      this.clearAll();
      this.run();
    } else this.timed(() => this.render());
  }

  showHidden(show: boolean): void {
    this.reveal = show;
    this.timed(() => this.render());
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    if (!enabled) {
      this.generation++;
      this.clearAll();
      this.doc.documentElement.setAttribute(HOOK, 'off');
      this.status = 'off';
    } else this.run();
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

  state(): PageState {
    return {
      status: this.status,
      host: this.win.location.hostname,
      report: this.analysis?.report ?? null,
      toggles: this.toggles,
      hiddenNow: this.reveal ? 0 : this.hiddenEls.length,
      ms: Math.round(this.ms * 10) / 10,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** Removes every trace of Quotelens from the page: attributes, stylesheet, highlights. */
  clearAll(): void {
    this.highlighter.clear();
    this.tips.stop();
    for (const el of this.hiddenEls) el.removeAttribute(HIDDEN_ATTR);
    this.hiddenEls = [];
    this.ranges.clear();
    const html = this.doc.documentElement;
    for (const attr of [HOOK, HOOK_QUOTES, HOOK_MS, REVEAL_ATTR]) html.removeAttribute(attr);
    this.doc.getElementById(STYLE_ID)?.remove();
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
  measure(stage: string, start: number, end: number): void {
    try {
      this.win.performance.measure(`quotelens:${stage}`, { start, end });
    } catch {
      // Old engines without the options form: timings are still in the report.
    }
  }

  private render(): void {
    const html = this.doc.documentElement;
    if (!this.enabled) return;
    if (this.status !== 'ready' || !this.analysis) {
      html.setAttribute(HOOK, this.status === 'error' ? 'error' : 'skipped');
      html.setAttribute(HOOK_QUOTES, '0');
      return;
    }
    this.ensureStyle();
    // Hiding: mark exactly the current clutter set when hiding is on.
    for (const el of this.hiddenEls) el.removeAttribute(HIDDEN_ATTR);
    this.hiddenEls = [];
    const hide = this.toggles.declutter || this.toggles.focus;
    if (hide) {
      for (const c of this.analysis.clutter) {
        if (c.kind === 'other' && !this.toggles.focus) continue;
        c.element.setAttribute(HIDDEN_ATTR, c.kind);
        this.hiddenEls.push(c.element);
      }
    }
    if (this.reveal) html.setAttribute(REVEAL_ATTR, '');
    else html.removeAttribute(REVEAL_ATTR);
    // Highlights.
    this.highlighter.clear();
    this.ranges = this.buildRanges(this.analysis.report.quotes);
    const quotes = this.analysis.report.quotes;
    if (this.toggles.highlight) {
      const rank = new Map(this.analysis.report.speakers.map((s, i) => [s.name, i]));
      const marks: QuoteRange[] = [];
      for (const q of quotes) {
        const range = this.ranges.get(q.id);
        if (!range) continue;
        const r = q.speaker === null ? undefined : rank.get(q.speaker);
        marks.push({ id: q.id, range, colour: r === undefined ? null : colourIndex(r) });
      }
      const t0 = this.win.performance.now();
      this.highlighter.apply(marks);
      this.measure('highlight', t0, this.win.performance.now());
      // No Highlight API (no supported browser lacks it): nothing painted, so no hover cards either.
      this.tips.start(this.highlighter.usesHighlightApi ? [...this.ranges] : []);
    } else this.tips.stop();
    html.setAttribute(HOOK_QUOTES, String(this.toggles.highlight ? quotes.length : 0));
    html.setAttribute(HOOK, 'ready');
  }

  private buildRanges(quotes: Quote[]): Map<string, Range> {
    const out = new Map<string, Range>();
    const blocks = this.analysis?.blocks ?? [];
    for (const q of quotes) {
      const block = blocks[q.block];
      if (!block?.element.isConnected) continue;
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
    if (this.doc.getElementById(STYLE_ID)) return;
    const style = this.doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = stylesheetText(this.palette);
    (this.doc.head ?? this.doc.documentElement).appendChild(style);
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
