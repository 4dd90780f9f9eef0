// One page in one tab: wait for our hook, read our time and per-stage User Timing measures, the
// long tasks that overlap our work, the heap, then time Readability's parse() in the same tab.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PAGE_STAGES } from '../src/core/read-page';
import { median } from './stats';
import { type BenchTab, inPage, sleep, waitInPage } from './tab';

/**
 * Our main-thread stages in the page: the core's page-side stages, posting the blocks to the
 * background (`send`) and painting its answer (`highlight`). Quotes and speakers run in the
 * background: their time is `engine.backgroundMs`, and the page's wait for them is `engine.waitMs`.
 */
export const STAGES = [...PAGE_STAGES, 'send', 'highlight'] as const;
export type Stage = (typeof STAGES)[number];

/** Readability runs per page: the first is cold (its code new to the page), the rest warm. */
export const READABILITY_RUNS = 3;
/** How long to wait for data-quotelens to leave "loading". */
const HOOK_TIMEOUT_MS = 20_000;
/** Long-task entries are delivered asynchronously: give the observer this long after our run. */
const SETTLE_MS = 60;
/** A task longer than this is a long task (the Long Tasks API's own threshold). */
export const LONG_TASK_MS = 50;

export interface LongTask {
  start: number;
  duration: number;
}

export interface PageRun {
  page: string;
  status: string;
  /** data-quotelens-ms: main-thread ms of our work so far (the first run on a static page). */
  oursMs: number | null;
  stages: Partial<Record<Stage, number>>;
  /**
   * Stages the content script made in more than one slice (more than one `task` measure inside
   * the stage's): the longest slice. `stages` holds our time in them, the sum of those slices.
   */
  stageSlices?: Partial<Record<Stage, number>>;
  /** From the start of our first measure to the end of our last, in the page's time origin. */
  ourWindow: [number, number] | null;
  /** Readability's first parse() in the page: cold, like our content script on every page. */
  readabilityMs: number | null;
  /** Median of the later parse() runs in the same page: warm code. */
  readabilityWarmMs: number | null;
  readabilityRuns: number[];
  /** The content script's request to the background engine (article pages only). */
  engine: EngineRun | null;
  readabilityError?: string;
  /**
   * Traced loads only (Chromium): the top-level main-thread slices (task or microtask checkpoint)
   * that overlap our measures, of any length. Null when the load was not traced.
   */
  ourSlices: LongTask[] | null;
  /**
   * `quotelens:task` measures, if the content script emits them: one per synchronous slice of our
   * work (its `timed()` calls). Null when it does not (then our run is taken as one block).
   */
  ourTasks: number[] | null;
  /** Traced loads only: slices > 50 ms of the page itself (not overlapping our work). */
  otherLongTasks: number | null;
  /** Long tasks overlapping our window that the page's own PerformanceObserver saw (null: no API). */
  longTasksSeenByPage: number | null;
  /** JS heap used after a forced GC (Chromium), bytes. */
  heapUsed?: number;
  /** Wall-clock ms the bench itself spent per step (to keep the whole run short). */
  benchMs: Record<string, number>;
  error?: string;
  /**
   * The earlier tries of this page that failed (status: error), when it was loaded again: a page
   * that does not load or loses its document mid-measure is tried up to LOAD_TRIES times, and every
   * try is reported (`npm run bench` lists them), never dropped.
   */
  retries?: string[];
}

export interface EngineRun {
  /** From posting the blocks to the reply (the page's main thread is free meanwhile). */
  waitMs: number;
  /** From the start of `send` to the end of `highlight`: blocks ready → highlights painted. */
  toHighlightsMs: number | null;
  /** From the page's time origin (navigation start) to the end of `highlight`. */
  loadToHighlightsMs: number | null;
  /** The background's own time for the request. */
  backgroundMs: number | null;
  /** The request started (or woke) the background. */
  cold: boolean;
}

interface PageSnapshot {
  href: string;
  /** The document the bench loaded (its mark, DOC_MARK, is still on the window). */
  same: boolean;
  status: string | null;
  ms: string | null;
  measures: { name: string; start: number; duration: number; detail: unknown }[];
  longTasks: LongTask[] | null;
}

const SNAPSHOT = inPage(() => {
  const html = document.documentElement;
  const w = window as unknown as {
    __qlLongTasks?: LongTask[];
    __qlBenchDoc?: boolean;
    __qlMeasures?: PageSnapshot['measures'];
  };
  return {
    href: location.href,
    same: w.__qlBenchDoc === true,
    status: html.getAttribute('data-quotelens'),
    ms: html.getAttribute('data-quotelens-ms'),
    // All of ours from the recorder installed before the page (Chromium), else what the buffer keeps.
    measures:
      w.__qlMeasures ??
      performance
        .getEntriesByType('measure')
        .filter((e) => e.name.startsWith('quotelens:'))
        .map((e) => ({
          name: e.name.slice('quotelens:'.length),
          start: e.startTime,
          duration: e.duration,
          detail: (e as PerformanceMeasure).detail ?? null,
        })),
    longTasks: w.__qlLongTasks ?? null,
  };
});

/**
 * Set on the page's window once the load returns: a document that replaced it (the page's own
 * script navigating) lacks it, where a history.pushState keeps it.
 */
const DOC_MARK = 'window.__qlBenchDoc = true';
/**
 * The address of the page now when it is not the document we loaded (no mark, or another origin:
 * an error page, which pushState cannot reach), else null.
 */
const gone = (url: string) =>
  `(window.__qlBenchDoc === true && location.origin === ${JSON.stringify(new URL(url).origin)} ? null : location.href)`;
/** Our hook has left "loading", or the document we loaded is gone (then waiting is pointless). */
const hookSetOrGone = (url: string) =>
  `(${gone(url)} !== null || !['loading', null].includes(document.documentElement.getAttribute('data-quotelens')))`;
const LOADED = inPage(() => document.readyState === 'complete');

let readabilitySource: string | null = null;
function defineReadability(): string {
  if (!readabilitySource) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@mozilla/readability/Readability.js');
    readabilitySource = readFileSync(file, 'utf8');
  }
  // Wrapped so it defines one global and nothing else, whatever the page's own globals are.
  return `(() => { var module; ${readabilitySource}\n; window.__qlReadability = Readability; return true; })()`;
}

const READABILITY_RUN = inPage(() => {
  const w = window as unknown as { __qlReadability: new (doc: Node) => { parse(): unknown } };
  const t0 = performance.now();
  try {
    w.__qlReadability && new w.__qlReadability(document.cloneNode(true)).parse();
    return { ms: performance.now() - t0 };
  } catch (err) {
    return { ms: performance.now() - t0, error: String(err) };
  }
});

export interface MeasureOptions {
  withExtension: boolean;
  readability: boolean;
  heap: boolean;
  /** Record the browser's trace for this load (Chromium; slow: about 1-5 s a page). */
  trace?: boolean;
}

/**
 * Whether our work made a long task on this load: from the trace when there is one, else from our
 * own clock. The content script's run is one synchronous block (the trace shows all stages in one
 * slice), so data-quotelens-ms > 50 means a slice > 50 ms; it is a lower bound of that slice.
 */
export function ourLongTask(run: PageRun): number | null {
  const longest = ourLongestSlice(run);
  return longest !== null && longest > LONG_TASK_MS ? longest : null;
}

/**
 * Our longest main-thread slice on this load, from the best source there is: the browser's trace,
 * then `quotelens:task` measures, then data-quotelens-ms (right only while the run is one block).
 */
export function ourLongestSlice(run: PageRun): number | null {
  if (run.ourSlices) return Math.max(0, ...run.ourSlices.map((t) => t.duration));
  if (run.ourTasks && run.ourTasks.length > 0) return Math.max(...run.ourTasks);
  return run.oursMs;
}

/**
 * A lower bound of our longest slice whatever the chunking: a stage is one task unless the content
 * script said it made it in slices, then its longest slice.
 */
export function longestStage(run: PageRun): number {
  const slices = run.stageSlices ?? {};
  return Math.max(0, ...Object.entries(run.stages).map(([k, v]) => slices[k as Stage] ?? v));
}

/** A run with nothing measured yet: a page that fails to load stays like this. */
export function emptyRun(page: string): PageRun {
  return {
    page,
    status: 'load-error',
    oursMs: null,
    stages: {},
    ourWindow: null,
    readabilityMs: null,
    readabilityWarmMs: null,
    readabilityRuns: [],
    engine: null,
    ourSlices: null,
    ourTasks: null,
    otherLongTasks: null,
    longTasksSeenByPage: null,
    benchMs: {},
  };
}

/** How many times a page is loaded before its failure is what the run records. */
export const LOAD_TRIES = 3;
/**
 * Failures that say nothing about the page's own behaviour: the load was interrupted or aborted
 * (the previous page's own script navigating the tab as the next load starts: aeb/9a440270bf8625d5's
 * ad-block check sends it to `/g00/...` once the bench has aborted its outside requests), or the
 * document was replaced (`navigated`: a page whose own script sends it to its site's address,
 * aborted here, so an error page; seen on some loads only of aeb/c582d3b772578e8f). A page that
 * never shows our hook on the document we loaded (`timeout`) is not tried again: that is ours.
 */
const TRANSIENT = new Set(['load-error', 'failed', 'navigated']);

/**
 * One page in the tab, robust to the tab's own history: a failed try leaves for about:blank (which
 * ends whatever the last document still had running, and waits until the tab is idle) and loads the
 * page again, up to LOAD_TRIES times. The earlier tries' errors stay on the run (`retries`).
 */
export async function measurePage(tab: BenchTab, name: string, url: string, opts: MeasureOptions): Promise<PageRun> {
  const retries: string[] = [];
  for (let tries = 1; ; tries++) {
    const run = await measureOnce(tab, name, url, opts).catch(async (err: unknown) => {
      if (opts.trace && tab.stopTrace) await tab.stopTrace().catch(() => undefined);
      const error = (err instanceof Error ? err.message : String(err)).split('\n')[0];
      return { ...emptyRun(name), status: 'failed', error };
    });
    if (retries.length > 0) run.retries = retries;
    if (!TRANSIENT.has(run.status) || tries >= LOAD_TRIES) return run;
    retries.push(`${run.status}: ${run.error ?? ''}`);
    await settle(tab);
  }
}

/**
 * Leaves for about:blank until the tab is there and loaded: a load that was interrupted can still
 * be under way and would interrupt the next one (the cascade of 25 load errors in the 2026-12-04
 * run), and the last document's own navigation can interrupt this one.
 */
async function settle(tab: BenchTab): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await tab.blank().catch(() => undefined);
    await sleep(100);
    const at = await tab.evaluate<string>("document.readyState === 'complete' ? location.href : ''").catch(() => '');
    if (at === 'about:blank') return;
  }
}

async function measureOnce(tab: BenchTab, name: string, url: string, opts: MeasureOptions): Promise<PageRun> {
  const run = emptyRun(name);
  let lap = Date.now();
  const step = (name: string) => {
    const now = Date.now();
    run.benchMs[name] = now - lap;
    lap = now;
  };
  const tracing = opts.trace === true && opts.withExtension && tab.startTrace !== undefined;
  /** Ends a trace this load started, when it ends early. */
  const dropTrace = async () => {
    if (tracing) await tab.stopTrace!().catch(() => undefined);
  };
  /** The document we loaded was replaced: the run says where the page went. */
  const navigated = async (to: string): Promise<PageRun> => {
    await dropTrace();
    return { ...run, status: 'navigated', error: `the page navigated itself away, to ${to.slice(0, 80)}` };
  };
  try {
    if (tracing) await tab.startTrace!();
    await tab.goto(url);
    await tab.evaluate(DOC_MARK);
    step('load');
  } catch (err) {
    run.error = (err as Error).message.split('\n')[0];
    await dropTrace();
    return run;
  }
  if (opts.withExtension && !(await waitInPage(tab, hookSetOrGone(url), HOOK_TIMEOUT_MS))) run.status = 'timeout';
  await waitInPage(tab, LOADED, 10_000);
  await sleep(SETTLE_MS);
  step('wait');
  // The page's own script replaced the document we loaded (before our hook or after it): what we
  // would read is another document's. Said, and tried again.
  const away = await tab.evaluate<string | null>(gone(url)).catch(() => 'a document mid-navigation');
  if (away !== null) return navigated(away);
  const snap = await tab.evaluate<PageSnapshot>(SNAPSHOT);
  if (!snap.same) return navigated(snap.href);
  if (run.status !== 'timeout') run.status = opts.withExtension ? (snap.status ?? 'none') : 'no-extension';
  run.oursMs = snap.ms === null ? null : Number(snap.ms);
  const firstRun = new Map<string, PageSnapshot['measures'][number]>();
  for (const m of snap.measures)
    if (m.name !== 'observe' && m.name !== 'task' && !firstRun.has(m.name)) firstRun.set(m.name, m);
  const taskMeasures = snap.measures.filter((m) => m.name === 'task');
  const tasks = taskMeasures.map((m) => m.duration);
  if (tasks.length > 0) run.ourTasks = tasks;
  for (const stage of STAGES) {
    const m = firstRun.get(stage);
    if (!m) continue;
    // A stage made in slices (the content script's sliceMs) spans the page's time between them:
    // our time in it is that of the `task` measures (one per slice) inside its span.
    const end = m.start + m.duration;
    const inside = taskMeasures
      .map((t) => Math.min(end, t.start + t.duration) - Math.max(m.start, t.start))
      .filter((ms) => ms > 0);
    if (inside.length > 1) {
      run.stages[stage] = inside.reduce((a, b) => a + b, 0);
      run.stageSlices = { ...run.stageSlices, [stage]: Math.max(...inside) };
    } else run.stages[stage] = m.duration;
  }
  const engine = firstRun.get('engine');
  if (engine) {
    firstRun.delete('engine'); // a wait, not our work: out of the window of our slices
    const send = firstRun.get('send');
    const paint = firstRun.get('highlight');
    const detail = engine.detail as { cold?: boolean; ms?: number } | null;
    run.engine = {
      waitMs: engine.duration,
      toHighlightsMs: send && paint ? paint.start + paint.duration - send.start : null,
      loadToHighlightsMs: paint ? paint.start + paint.duration : null,
      backgroundMs: typeof detail?.ms === 'number' ? detail.ms : null,
      cold: detail?.cold === true,
    };
  }
  if (firstRun.size > 0) {
    const all = [...firstRun.values()];
    run.ourWindow = [Math.min(...all.map((m) => m.start)), Math.max(...all.map((m) => m.start + m.duration))];
  }
  if (tracing) {
    const lt = await tab.stopTrace!();
    run.ourSlices = lt.ours;
    run.otherLongTasks = lt.others;
    step('trace');
  }
  if (snap.longTasks) {
    const [a, b] = run.ourWindow ?? [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    run.longTasksSeenByPage = snap.longTasks.filter(
      (t) => t.duration > LONG_TASK_MS && t.start < b && t.start + t.duration > a,
    ).length;
  }
  if (opts.heap && tab.heapUsedAfterGc) {
    run.heapUsed = await tab.heapUsedAfterGc();
    step('heap');
  }
  if (opts.readability) {
    await timeReadability(tab, run);
    step('readability');
  }
  return run;
}

async function timeReadability(tab: BenchTab, run: PageRun): Promise<void> {
  try {
    await tab.evaluate<boolean>(defineReadability());
    for (let i = 0; i < READABILITY_RUNS; i++) {
      const r = await tab.evaluate<{ ms: number; error?: string }>(READABILITY_RUN);
      run.readabilityRuns.push(r.ms);
      if (r.error) run.readabilityError = r.error;
    }
    run.readabilityMs = run.readabilityRuns[0] ?? null;
    if (run.readabilityRuns.length > 1) run.readabilityWarmMs = median(run.readabilityRuns.slice(1));
  } catch (err) {
    run.readabilityError = (err as Error).message.split('\n')[0];
  }
}

/**
 * Steady-state cost of the mutation observer on a ready page: appends `batches` small clutter-like
 * subtrees outside the article, one batch per debounce window, and returns the `observe` measures.
 */
export async function measureObserverBatches(tab: BenchTab, batches: number): Promise<number[]> {
  const addBatch = inPage(() => {
    const host = document.querySelector('aside') ?? document.body;
    const box = document.createElement('div');
    box.className = 'widget promo';
    const n = host.querySelectorAll('.promo').length;
    box.innerHTML = `<h4>Sponsored ${n}</h4><ul>${'<li><a href="/x">Promoted story</a></li>'.repeat(5)}</ul>`;
    host.appendChild(box);
    return n;
  });
  for (let i = 0; i < batches; i++) {
    await tab.evaluate<number>(addBatch);
    await sleep(400); // past the observer's 250 ms debounce
  }
  const snap = await tab.evaluate<PageSnapshot>(SNAPSHOT);
  return snap.measures.filter((m) => m.name === 'observe').map((m) => m.duration);
}
