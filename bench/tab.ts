// What the benchmark needs from a browser tab, the same over playwright-core (Chromium) and
// puppeteer-core over WebDriver BiDi (Firefox). In-page code is sent as source text: esbuild (tsx)
// would otherwise wrap named functions in a `__name` helper that does not exist in the page.

export type BrowserName = 'chromium' | 'firefox';

export interface BenchTab {
  goto(url: string): Promise<void>;
  /**
   * Leaves the current page for about:blank and waits until that has loaded: ends the page's own
   * scripts and timers (and a navigation of theirs still under way) before the next page is loaded.
   */
  blank(): Promise<void>;
  /** Evaluates an expression (see `inPage`) in the page's main world; promises are awaited. */
  evaluate<T>(expression: string): Promise<T>;
  /** JS heap used by the tab's renderer after a forced GC, in bytes (Chromium only). */
  heapUsedAfterGc?(): Promise<number>;
  /** Starts recording the browser's trace of main-thread tasks (Chromium only). */
  startTrace?(): Promise<void>;
  /** Stops it: the main-thread slices overlapping our measures, and the page's own long ones. */
  stopTrace?(): Promise<{ ours: { start: number; duration: number }[]; others: number }>;
  close(): Promise<void>;
}

export interface BenchBrowser {
  name: BrowserName;
  version: string;
  /** Whether our content script is loaded. */
  withExtension: boolean;
  newTab(): Promise<BenchTab>;
  /** Requests to hosts other than 127.0.0.1 that were aborted so far. */
  blockedRequests(): number;
  /**
   * Stops the extension's background so the next request must wake it (Chromium: the service
   * worker's target is closed; Firefox: waits out the event page's idle timeout, set at launch).
   */
  stopBackground?(): Promise<void>;
  close(): Promise<void>;
}

/** The source of an expression that calls `fn()` in the page. */
export function inPage(fn: () => unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(); })()`;
}

/** Polls an in-page predicate until it is truthy; false on timeout. */
export async function waitInPage(tab: BenchTab, expression: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await tab.evaluate<boolean>(expression)) return true;
    } catch {
      // Mid-navigation: the context is gone; try again.
    }
    await sleep(25);
  }
  return false;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Installed before any page script (Chromium: addInitScript): records long tasks from the start
 * of the document, so ours can be told from the page's own by their timing, and every one of our
 * User Timing measures (the content script keeps only a bounded number in the buffer: a run cut
 * into many slices would otherwise lose its first ones).
 */
export const LONG_TASK_RECORDER = inPage(() => {
  const w = window as unknown as {
    __qlLongTasks?: { start: number; duration: number }[];
    __qlMeasures?: { name: string; start: number; duration: number; detail: unknown }[];
  };
  w.__qlLongTasks = [];
  w.__qlMeasures = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name.startsWith('quotelens:'))
          w.__qlMeasures?.push({
            name: e.name.slice('quotelens:'.length),
            start: e.startTime,
            duration: e.duration,
            detail: (e as PerformanceMeasure).detail ?? null,
          });
    }).observe({ type: 'measure', buffered: true });
  } catch {
    w.__qlMeasures = undefined;
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__qlLongTasks?.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API in this engine (Firefox): the list stays empty and is reported as such.
    w.__qlLongTasks = undefined;
  }
});
