// Content script: reads settings, reads the page with the core (detect, declutter, text blocks),
// asks the background's engine for quotes and speakers, applies the result, serves the popup's
// calls. A thin adapter: all understanding of the page lives in src/core.
import { findClutterIn } from '../core/clutter';
import { CONTENT_METHODS, type ContentApi, type Toggles } from '../shared/messages';
import { callBackground, type RetryOptions, serve, withRetry } from '../shared/rpc';
import { isOwnExtensionSender } from '../shared/senders';
import { isSiteEnabled } from '../shared/settings';
import { loadSettings } from '../shared/storage';
import { runtime, syncStorage } from './ext-lite';
import { observePage } from './observer';
import { type EngineLink, PageController } from './page';

/**
 * The engine's request: a woken Chrome service worker answers in 120–200 ms (BROWSERS.md), a large
 * page takes the engine tens of ms; 4 s leaves room for a loaded machine before trying again, and a
 * message lost while the background stops fails at once and is sent again after a short pause.
 */
const ENGINE_RETRY: RetryOptions = { attempts: 3, timeoutMs: 4000, pauseMs: 50 };

async function start(): Promise<void> {
  const doc = document;
  // One instance per page, even if the script is injected twice (reload of the extension).
  if (doc.documentElement.hasAttribute('data-quotelens')) return;
  doc.documentElement.setAttribute('data-quotelens', 'loading');
  const lifetime = new AbortController();
  const extensionOrigin = runtime.getURL('');

  const settings = await loadSettings(syncStorage);
  const toggles: Toggles = { declutter: settings.declutter, highlight: settings.highlight, focus: settings.focus };
  const engine: EngineLink = (request) =>
    withRetry(() => callBackground(runtime, 'analyzeBlocks', request), ENGINE_RETRY);
  const page = new PageController(doc, window, toggles, settings.hideComments, settings.palette, engine);

  // Observers live as long as Quotelens is on for this page; turning it off aborts them.
  let watching: AbortController | null = null;
  const watch = (on: boolean) => {
    watching?.abort();
    watching = null;
    if (!on || !page.isActive) return;
    watching = new AbortController();
    lifetime.signal.addEventListener('abort', () => watching?.abort(), { once: true });
    observePage(
      doc,
      window,
      {
        articleRoot: () => page.articleRoot,
        onAdded: (subtrees) =>
          page.addClutter(subtrees.flatMap((el) => findClutterIn(el, page.articleRoot, page.clutterOptions))),
        onReanalyse: () => void page.reanalyse().then(report),
        onBatchCost: (ms) => page.measure('observe', performance.now() - ms, performance.now()),
      },
      watching.signal,
    );
  };

  serve<ContentApi>(
    runtime,
    CONTENT_METHODS,
    {
      getState: () => page.state(),
      setToggles: async (_s, t) => {
        await page.setToggles(t);
        return page.state();
      },
      showHidden: (_s, show) => {
        page.showHidden(show);
        return page.state();
      },
      scrollToQuote: (_s, id) => page.scrollToQuote(id),
      setEnabled: async (_s, enabled) => {
        await page.setEnabled(enabled);
        watch(enabled);
        void report();
        return page.state();
      },
    },
    // Only the extension's own pages and background talk to us.
    { signal: lifetime.signal, accept: (sender) => isOwnExtensionSender(sender, extensionOrigin) },
  );

  function report() {
    const { report: analysed, status } = page.state();
    return callBackground(runtime, 'pageAnalyzed', { quotes: analysed?.quotes.length ?? 0, status }).catch(
      () => undefined,
    );
  }
  // The popup may ask while the page is still being read: it gets status 'loading' until then.
  if (isSiteEnabled(settings, location.hostname)) {
    await page.runChunked();
    watch(true);
  } else page.markOff();
  void report();

  if (__E2E__) {
    // Test hook, compiled into e2e builds only: headless browsers have no toolbar to open the popup.
    doc.addEventListener('quotelens-e2e-open-popup', () => void callBackground(runtime, 'e2eOpenPopup'), {
      signal: lifetime.signal,
    });
  }
}

void start().catch((err: unknown) => {
  document.documentElement.setAttribute('data-quotelens', 'error');
  console.error('Quotelens:', err);
});
