// Popup open-to-content in Chromium: the popup page opened as a tab for the article's tab id
// (headless Chromium has no toolbar), timed from its navigation start to the moment
// main[data-popup-state] leaves "loading", as recorded inside the popup by a MutationObserver.
import type { ChromiumBench } from './chromium';
import { inPage, sleep, waitInPage } from './tab';

export const POPUP_PATH = 'src/popup/index.html';

const POPUP_RECORDER = inPage(() => {
  const w = window as unknown as {
    __qlPopupShell?: number;
    __qlPopupReady?: { at: number; state: string; shell: number };
  };
  const check = () => {
    const state = document.querySelector('main[data-popup-state]')?.getAttribute('data-popup-state');
    // First paint of the shell (state "loading"): what is left after it is the round trip for data.
    if (state && w.__qlPopupShell === undefined) w.__qlPopupShell = performance.now();
    if (state && state !== 'loading' && !w.__qlPopupReady) {
      w.__qlPopupReady = { at: performance.now(), state, shell: w.__qlPopupShell ?? Number.NaN };
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
});

export interface PopupRun {
  /** Navigation start to content (state not "loading"). */
  ms: number;
  /** Navigation start to the first render of the popup's shell. */
  shellMs: number;
  state: string;
}

export async function measurePopup(bench: ChromiumBench, articleUrl: string, opens: number): Promise<PopupRun[]> {
  if (!bench.serviceWorker || !bench.extensionId) throw new Error('popup: no extension loaded');
  const article = await bench.context.newPage();
  await article.goto(articleUrl, { waitUntil: 'domcontentloaded' });
  await article.waitForFunction(() => {
    const s = document.documentElement.getAttribute('data-quotelens');
    return s !== null && s !== 'loading';
  });
  await article.bringToFront();
  const tabs = (await bench.serviceWorker.evaluate(
    'chrome.tabs.query({ active: true }).then((ts) => ts.map((t) => ({ id: t.id, url: t.url })))',
  )) as { id: number; url?: string }[];
  const tab = tabs.find((t) => t.url === articleUrl) ?? tabs[0];
  if (!tab) throw new Error('popup: no active tab found from the service worker');
  const runs: PopupRun[] = [];
  for (let i = 0; i < opens; i++) {
    const popup = await bench.context.newPage();
    // Playwright's addInitScript skips extension pages; the CDP call it wraps does not.
    const cdp = await bench.context.newCDPSession(popup);
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: POPUP_RECORDER });
    await popup.goto(`chrome-extension://${bench.extensionId}/${POPUP_PATH}?tabId=${tab.id}`);
    const wrapped = bench.wrap(popup);
    const done = await waitInPage(
      wrapped,
      inPage(() => '__qlPopupReady' in window),
      5_000,
    );
    const ready = done
      ? await wrapped.evaluate<{ at: number; state: string; shell: number }>('window.__qlPopupReady')
      : { at: Number.NaN, state: 'timeout', shell: Number.NaN };
    runs.push({ ms: ready.at, shellMs: ready.shell, state: ready.state });
    await cdp.detach();
    await popup.close();
    await sleep(100);
  }
  await article.close();
  return runs;
}
