// Watches a page that keeps moving: late-loading ads, infinite scroll, SPA navigation. Batches
// mutations (debounced), ignores our own changes, and goes to sleep when the page is idle.

/** Wait this long after the last mutation before looking (ms). */
export const DEBOUNCE_MS = 250;
/** Disconnect after this long without mutations; scrolling or navigation wakes it up (ms). */
export const IDLE_MS = 60_000;
/** A batch with more added elements than this is treated as new content: re-analyse it all. */
export const MAX_ADDED_PER_BATCH = 200;

export interface ObserverHooks {
  /** New subtrees outside the article, for late clutter. */
  onAdded(subtrees: Element[]): void;
  /** The article changed (new paragraphs) or the URL changed (SPA navigation). */
  onReanalyse(reason: 'url' | 'article'): void;
  /** Main-thread ms spent handling one batch (ours, not the page's). */
  onBatchCost?(ms: number): void;
  articleRoot(): Element | null;
}

/** Our own nodes: never a reason to react. */
function isOurs(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return (
    el.id === 'quotelens-style' || el.hasAttribute('data-quotelens-tip') || el.hasAttribute('data-quotelens-quote')
  );
}

export function observePage(doc: Document, win: Window, hooks: ObserverHooks, signal: AbortSignal): void {
  let pending: Element[] = [];
  let articleTouched = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let lastUrl = win.location.href;
  let connected = false;

  const flush = () => {
    timer = undefined;
    const t0 = win.performance.now();
    if (win.location.href !== lastUrl) {
      lastUrl = win.location.href;
      pending = [];
      articleTouched = false;
      hooks.onReanalyse('url');
      return;
    }
    const added = pending;
    const touched = articleTouched;
    pending = [];
    articleTouched = false;
    if (touched || added.length > MAX_ADDED_PER_BATCH) hooks.onReanalyse('article');
    else if (added.length > 0) hooks.onAdded(added.filter((el) => el.isConnected));
    hooks.onBatchCost?.(win.performance.now() - t0);
  };

  const observer = new MutationObserver((records) => {
    const root = hooks.articleRoot();
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType !== 1 || isOurs(node)) continue;
        const el = node as Element;
        // New paragraphs inside the article (infinite scroll, live blogs) need a fresh read.
        if (root?.contains(el) && el.textContent && el.textContent.trim().length > 40) articleTouched = true;
        else if (pending.length <= MAX_ADDED_PER_BATCH) pending.push(el);
      }
    }
    if (pending.length === 0 && !articleTouched && win.location.href === lastUrl) return;
    clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
    resetIdle();
  });

  const connect = () => {
    if (connected || signal.aborted) return;
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    connected = true;
    resetIdle();
  };
  const sleep = () => {
    observer.disconnect();
    connected = false;
  };
  function resetIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(sleep, IDLE_MS);
  }
  const wake = () => {
    if (!connected) connect();
    if (win.location.href !== lastUrl) {
      clearTimeout(timer);
      timer = setTimeout(flush, DEBOUNCE_MS);
    }
  };

  connect();
  win.addEventListener('scroll', wake, { passive: true, signal });
  win.addEventListener('popstate', wake, { signal });
  win.addEventListener('hashchange', wake, { signal });
  doc.addEventListener('click', wake, { passive: true, signal, capture: true });
  signal.addEventListener(
    'abort',
    () => {
      sleep();
      clearTimeout(timer);
      clearTimeout(idleTimer);
    },
    { once: true },
  );
}
