// The library page's connector over real messaging: the background holds the library; articles
// are opened with tabs.create (no permission needed) and the content script is asked to flash.
import { browser, runtime, tabs } from '../shared/ext';
import { callBackground, callTab } from '../shared/rpc';
import type { LibraryConnector, OpenResult } from './connector';
import { fold } from './model';
import { LibraryStore } from './store';
import type { LibrarySnapshot } from './types';

/** How long we wait for the opened article's content script to finish reading it. */
const OPEN_WAIT_MS = 15_000;
const OPEN_POLL_MS = 250;

async function flashWhenReady(tabId: number, text: string): Promise<OpenResult> {
  const want = fold(text);
  const deadline = Date.now() + OPEN_WAIT_MS;
  while (Date.now() < deadline) {
    const state = await callTab(tabs, tabId, 'getState').catch(() => null);
    if (state && state.status !== 'loading') {
      const quote = state.report?.quotes.find((q) => fold(q.text) === want);
      if (!quote) return 'missing';
      return (await callTab(tabs, tabId, 'scrollToQuote', quote.id).catch(() => false)) ? 'found' : 'missing';
    }
    await new Promise((r) => setTimeout(r, OPEN_POLL_MS));
  }
  return 'opened';
}

/**
 * Reads straight from IndexedDB (the page shares the extension's origin): 10,000 quotes as one
 * message took seconds in Firefox (docs/library.md). Every write goes through the background,
 * the one writer; if the page cannot open the database itself, the background reads for it.
 */
export function realConnector(): LibraryConnector {
  let store: Promise<LibraryStore> | null = null;
  const load = async (): Promise<LibrarySnapshot> => {
    try {
      store ??= LibraryStore.open(undefined, { cache: false });
      return await (await store).snapshot();
    } catch {
      store = null;
      return callBackground(runtime, 'libraryLoad');
    }
  };
  return {
    load,
    async change(change) {
      await callBackground(runtime, 'libraryChange', change);
      return load();
    },
    async openQuote(row, href) {
      const tab = await browser.tabs.create({ url: href });
      return tab.id === undefined ? 'opened' : flashWhenReady(tab.id, row.text);
    },
    download(fileName, mime, text) {
      const url = URL.createObjectURL(new Blob([text], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  };
}
