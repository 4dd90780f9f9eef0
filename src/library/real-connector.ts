// The library page's connector over real messaging: the background holds the library; articles
// are opened with tabs.create (no permission needed) and the content script is asked to flash.
import { browser, runtime, tabs } from '../shared/ext';
import { callBackground, callTab } from '../shared/rpc';
import type { LibraryConnector, OpenResult } from './connector';
import { fold } from './model';

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

export function realConnector(): LibraryConnector {
  return {
    load: () => callBackground(runtime, 'libraryLoad'),
    change: (change) => callBackground(runtime, 'libraryChange', change),
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
