// Content script: reads settings, runs the core on the page, applies the result, serves the
// popup's calls. A thin adapter: all understanding of the page lives in src/core.
import { detectLang } from '../core/article';
import { findClutterIn } from '../core/clutter';
import { CONTENT_METHODS, type ContentApi, type Toggles } from '../shared/messages';
import { callBackground, serve } from '../shared/rpc';
import { isOwnExtensionSender } from '../shared/senders';
import { isSiteEnabled, isSiteForced } from '../shared/settings';
import { loadSettings } from '../shared/storage';
import { runtime, syncStorage } from './ext-lite';
import { provideLexicon } from './lexicon-lite';
import { observePage } from './observer';
import { PageController } from './page';

async function start(): Promise<void> {
  const doc = document;
  // One instance per page, even if the script is injected twice (reload of the extension).
  if (doc.documentElement.hasAttribute('data-quotelens')) return;
  doc.documentElement.setAttribute('data-quotelens', 'loading');
  const lifetime = new AbortController();
  const extensionOrigin = runtime.getURL('');

  const settings = await loadSettings(syncStorage);
  const toggles: Toggles = { declutter: settings.declutter, highlight: settings.highlight, focus: settings.focus };
  const page = new PageController(doc, window, toggles, settings.hideComments, settings.palette);
  page.force = isSiteForced(settings, location.hostname);

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
        onReanalyse: () => {
          page.reanalyse();
          void report();
        },
        onBatchCost: (ms) => page.measure('observe', performance.now() - ms, performance.now()),
      },
      watching.signal,
    );
  };

  const api: ContentApi = {
    getState: () => page.state(),
    setToggles: (t) => {
      page.setToggles(t);
      return page.state();
    },
    showHidden: (show) => {
      page.showHidden(show);
      return page.state();
    },
    scrollToQuote: (id) => page.scrollToQuote(id),
    setEnabled: (enabled) => {
      page.setEnabled(enabled);
      return page.state();
    },
    runAnyway: () => {
      page.force = true;
      page.reanalyse();
      watch(true);
      return page.state();
    },
  };
  serve<ContentApi>(
    runtime,
    CONTENT_METHODS,
    {
      getState: () => api.getState(),
      setToggles: (_s, t) => api.setToggles(t),
      showHidden: (_s, show) => api.showHidden(show),
      scrollToQuote: (_s, id) => api.scrollToQuote(id),
      runAnyway: () => {
        const state = api.runAnyway();
        void report();
        return state;
      },
      setEnabled: (_s, enabled) => {
        const state = api.setEnabled(enabled);
        watch(enabled);
        void report();
        return state;
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
    const lang = detectLang(doc);
    if (lang !== 'en') {
      const lexicon = await callBackground(runtime, 'getLexicon', lang).catch(() => null);
      if (!provideLexicon(lang, lexicon))
        console.warn(`Quotelens: no word lists for "${lang}"; reading it as English.`);
    }
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
