// Watches a page that keeps moving: late-loading ads, live blogs, infinite scroll, SPA navigation.
// Batches mutations (debounced, with a maximum wait so a page that never stops changing is still
// handled), ignores our own nodes, and never goes to sleep: it watches as long as Quotelens is on.

/** Wait this long after the last mutation before looking (ms): a burst of insertions is one batch. */
export const DEBOUNCE_MS = 150;
/**
 * Never wait longer than this after the first unhandled mutation (ms), however busy the page: late
 * content is then handled within this plus one batch's work and the engine's answer, under 1 s.
 */
export const MAX_WAIT_MS = 400;
/** Added nodes kept per batch at most; past it the batch is treated as a navigation-sized change. */
export const MAX_ADDED_PER_BATCH = 2000;

export interface ObserverHooks {
  /** The nodes added since the last batch (connected or not; maybe none), and whether page nodes were removed. */
  onBatch(added: Node[], removed: boolean): void;
  /** The URL changed (SPA navigation), or a batch too large to handle piece by piece. */
  onReanalyse(reason: 'url' | 'article'): void;
  /** Our own nodes: never a reason to react. */
  isOwn(node: Node): boolean;
  /** One of our hooks on <html> was written by someone (the page: ours match and cause no work). */
  onHookWritten?(): void;
  /** Main-thread ms spent handling one batch (ours, not the page's). */
  onBatchCost?(ms: number): void;
}

export interface PageWatch {
  /** Looks at once (a check from outside: the lifecycle tick saw the URL change). */
  flushNow(): void;
}

export function observePage(
  doc: Document,
  win: Window,
  hooks: ObserverHooks,
  signal: AbortSignal,
  hookNames: string[] = [],
): PageWatch {
  let added: Node[] = [];
  let removed = false;
  let overflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest unhandled mutation arrived (performance.now), or null with none pending. */
  let firstPending: number | null = null;
  let lastUrl = win.location.href;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    firstPending = null;
    if (signal.aborted) return;
    const t0 = win.performance.now();
    const batch = added;
    const lost = removed;
    const tooMany = overflow;
    added = [];
    removed = false;
    overflow = false;
    if (win.location.href !== lastUrl) {
      lastUrl = win.location.href;
      hooks.onReanalyse('url');
    } else if (tooMany) hooks.onReanalyse('article');
    else hooks.onBatch(batch, lost);
    hooks.onBatchCost?.(win.performance.now() - t0);
  };

  const schedule = () => {
    const now = win.performance.now();
    firstPending ??= now;
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now));
    timer = setTimeout(flush, wait);
  };

  const observer = new MutationObserver((records) => {
    let relevant = false;
    for (const record of records) {
      if (record.type === 'attributes') hooks.onHookWritten?.();
      for (const node of record.addedNodes) {
        if (hooks.isOwn(node) || (node.nodeType !== 1 && node.nodeType !== 3)) continue;
        relevant = true;
        if (added.length < MAX_ADDED_PER_BATCH) added.push(node);
        else overflow = true;
      }
      for (const node of record.removedNodes) {
        // Our stylesheet taken out is a reason to look (the guard puts it back), not a content change.
        if (node.nodeType !== 1 && node.nodeType !== 3) continue;
        relevant = true;
        if (!hooks.isOwn(node)) removed = true;
      }
    }
    if (relevant || win.location.href !== lastUrl) schedule();
  });

  // Our <html> hooks are in the filter: a page that writes them gets the truth written back.
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributeFilter: hookNames });
  // A background tab's timers are throttled (Firefox: to 1 s and less after 30 s): what piled up
  // while the reader was away is handled the moment the tab is in front again, not a timer later.
  doc.addEventListener(
    'visibilitychange',
    () => {
      if (doc.visibilityState === 'visible' && firstPending !== null) flush();
    },
    { signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
  return {
    flushNow: () => {
      if (win.location.href !== lastUrl || firstPending !== null) flush();
    },
  };
}
