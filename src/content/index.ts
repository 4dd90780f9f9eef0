// Content script: reads settings, reads the page with the core (detect, declutter, text blocks),
// asks the background's engine for quotes and speakers, applies the result, serves the popup's
// calls. A thin adapter: all understanding of the page lives in src/core.

import type { Declutter } from '../core/declutter';
import { COMFORT_KEY } from '../shared/comfort';
import { CONTENT_METHODS, type ContentApi, type Toggles } from '../shared/messages';
import { COMFORT_OUT, CORRECTION_UI_OUT, DECLUTTER_OUT } from '../shared/page-chunks';
import { SPEAKER_COLOURS } from '../shared/palette';
import { callBackground, type RetryOptions, serve, withRetry } from '../shared/rpc';
import { isOwnExtensionSender } from '../shared/senders';
import { isSiteEnabled, isSiteForced } from '../shared/settings';
import { loadSettings } from '../shared/storage';
import { loadVocabulary } from '../shared/vocabulary';
import type { ComfortUi } from './comfort';
import type { CorrectionUi } from './correction-ui';
import { Corrector } from './corrections';
import { api, localStorageArea, runtime, syncStorage } from './ext-lite';
import { announceStart, claimWorld, type Instance, releaseWorld, sweepLeftovers, watchLifecycle } from './lifecycle';
import { observePage, type PageWatch } from './observer';
import { type EngineLink, HTML_HOOKS, PageController } from './page';
import { contextAlive } from './safe-api';
import { HIGHLIGHT_FLASH, HIGHLIGHT_NONE, HIGHLIGHT_PREFIX, stylesheetText } from './style';

/**
 * The engine's request: a woken Chrome service worker answers in 120–200 ms (BROWSERS.md), a large
 * page takes the engine tens of ms; 4 s leaves room for a loaded machine before trying again, and a
 * message lost while the background stops fails at once and is sent again after a short pause.
 */
const ENGINE_RETRY: RetryOptions = { attempts: 3, timeoutMs: 4000, pauseMs: 50 };
declare const chrome: { runtime: { getURL(path: string): string } };

// Spelled `chrome.runtime.getURL` (a real object in both browsers' content scripts, never a page's
// DOM node: safe-api.ts), the one argument of import() addons-linter accepts as ours.
const chunk =
  <T>(file: string) =>
  () =>
    import(/* @vite-ignore */ chrome.runtime.getURL(file)) as Promise<T>;
/** How long late content waits before its report to the background (badge count, quote store). */
const LATE_REPORT_MS = 1000;
/** The start of our stylesheet's text: how a stale instance's copy is recognised. */
const STYLE_SIGNATURE = stylesheetText().slice(0, 60);

async function start(): Promise<void> {
  const doc = document;
  const lifetime = new AbortController();
  let page: PageController | null = null;
  const me: Instance = {
    token: crypto.randomUUID(),
    alive: () => contextAlive(api),
    stop: () => {
      page?.restore();
      lifetime.abort();
      releaseWorld(me);
    },
  };
  // One instance per world; a stale one restores the page first. Never decided by a page attribute.
  if (!claimWorld(me)) return;
  announceStart(doc);
  sweepLeftovers(doc, window, STYLE_SIGNATURE, [
    ...SPEAKER_COLOURS.map((_, i) => `${HIGHLIGHT_PREFIX}${i}`),
    HIGHLIGHT_NONE,
    HIGHLIGHT_FLASH,
  ]);
  doc.documentElement.setAttribute('data-quotelens', 'loading');
  const extensionOrigin = runtime.getURL('');

  const settings = await loadSettings(syncStorage);
  if (lifetime.signal.aborted) return;
  const toggles: Toggles = { declutter: settings.declutter, highlight: settings.highlight, focus: settings.focus };
  const engine: EngineLink = (request) =>
    withRetry(() => callBackground(runtime, 'analyzeBlocks', request), ENGINE_RETRY).catch((err: unknown) => {
      lifecycle.check();
      throw err;
    });
  const current = new PageController(
    doc,
    window,
    toggles,
    {
      hideComments: settings.hideComments,
      // Once a page is taken for an article: the declutter chunk (src/core/declutter.ts) and its
      // words, data the background stored (shared/vocabulary.ts), fetched side by side.
      declutter: () =>
        Promise.all([
          chunk<{ DECLUTTER: Declutter }>(DECLUTTER_OUT)(),
          loadVocabulary(localStorageArea, () =>
            withRetry(() => callBackground(runtime, 'getClutterVocabulary'), ENGINE_RETRY),
          ),
        ]).then(([m, { vocabulary }]) => ({ code: m.DECLUTTER, vocabulary })),
    },
    settings.palette,
    engine,
  );
  page = current;
  current.force = isSiteForced(settings, location.hostname);
  // Reader comfort in focus mode: read raw when focus mode first needs it, checked by its chunk.
  current.readComfort = () => syncStorage.get(COMFORT_KEY).then((items) => items[COMFORT_KEY]);
  current.loadComfort = chunk<ComfortUi>(COMFORT_OUT);
  // Hand corrections: stored by the background (only under the popup's grant for this tab).
  const corrector = new Corrector(
    doc,
    window,
    (request) => callBackground(runtime, 'addCorrection', request),
    // The correction UI is a chunk of its own, fetched from the extension when the reader asks.
    chunk<CorrectionUi>(CORRECTION_UI_OUT),
  );
  corrector.page = current;
  current.corrections = corrector;
  lifetime.signal.addEventListener('abort', () => corrector.clear(true), { once: true });
  await corrector.load(localStorageArea, location.hostname).catch(() => undefined);
  if (lifetime.signal.aborted) return;
  const lifecycle = watchLifecycle(
    window,
    {
      alive: me.alive,
      onGone: me.stop,
      onTick: () => {
        watch?.flushNow();
        current.guard();
      },
    },
    lifetime.signal,
  );

  // Observers live as long as Quotelens is on for this page; turning it off aborts them.
  let watching: AbortController | null = null;
  let watch: PageWatch | null = null;
  lifetime.signal.addEventListener('abort', () => watching?.abort(), { once: true });
  const watchPage = (on: boolean) => {
    watching?.abort();
    watching = null;
    watch = null;
    // A page that is not an article is watched too: an SPA may navigate from it to one.
    if (!on || !current.isWatchable || lifetime.signal.aborted) return;
    watching = new AbortController();
    watch = observePage(
      doc,
      window,
      {
        isOwn: (node) => current.isOwn(node),
        onBatch: (added, removed) => {
          if (!lifecycle.check()) return;
          current.guard();
          if (added.length > 0 || removed) void current.update(added, removed).then(reportSoon);
        },
        onReanalyse: () => {
          if (lifecycle.check()) void current.reanalyse().then(report);
        },
        onHookWritten: () => current.publishHooks(),
        onBatchCost: (ms) => current.measure('observe', performance.now() - ms, performance.now()),
      },
      watching.signal,
      HTML_HOOKS,
    );
  };

  serve<ContentApi>(
    runtime,
    CONTENT_METHODS,
    {
      getState: () => {
        current.guard();
        return current.state();
      },
      setToggles: async (_s, t) => {
        await current.setToggles(t);
        return current.state();
      },
      showHidden: (_s, show) => {
        current.showHidden(show);
        return current.state();
      },
      scrollToQuote: (_s, id) => current.scrollToQuote(id),
      setComfort: (_s, comfort) => {
        // From our own popup (accept below); the chunk checks the values before it uses them.
        current.setComfort(comfort);
        return current.state();
      },
      setEnabled: async (_s, enabled) => {
        if (!enabled) corrector.clear(true);
        await current.setEnabled(enabled);
        watchPage(enabled);
        void report();
        return current.state();
      },
      startPicker: () => {
        if (current.isActive) void corrector.startPicker().catch(() => undefined);
        return current.state();
      },
      runAnyway: async () => {
        await current.runAnyway();
        watchPage(true);
        void report();
        return current.state();
      },
      correctionsChanged: async () => {
        await corrector.load(localStorageArea, location.hostname);
        await current.reanalyse();
        return current.state();
      },
    },
    // Only the extension's own pages and background talk to us.
    { signal: lifetime.signal, accept: (sender) => isOwnExtensionSender(sender, extensionOrigin) },
  );

  // Late content on a live page: one report per LATE_REPORT_MS at most (each costs a message here
  // and a read of the whole report by the background, for the badge and the quote store).
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  function reportSoon() {
    reportTimer ??= setTimeout(() => {
      reportTimer = undefined;
      void report();
    }, LATE_REPORT_MS);
  }
  lifetime.signal.addEventListener('abort', () => clearTimeout(reportTimer), { once: true });

  function report() {
    if (lifetime.signal.aborted) return Promise.resolve(undefined);
    return callBackground(runtime, 'pageAnalyzed', current.summary()).catch(() => {
      lifecycle.check();
    });
  }
  // The popup may ask while the page is still being read: it gets status 'loading' until then.
  if (isSiteEnabled(settings, location.hostname)) {
    await current.runChunked();
    watchPage(true);
  } else current.markOff();
  void report();

  if (__E2E__) {
    // Test hook, compiled into e2e builds only: headless browsers have no toolbar to open the popup.
    doc.addEventListener('quotelens-e2e-open-popup', () => void callBackground(runtime, 'e2eOpenPopup'), {
      signal: lifetime.signal,
    });
  }
}

void start().catch((err: unknown) => {
  // A script whose extension went away mid-start leaves nothing behind.
  if (!contextAlive(api)) return;
  document.documentElement.setAttribute('data-quotelens', 'error');
  console.error('Quotelens:', err);
});
