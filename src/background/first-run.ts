// The first-run page: opened once, when the extension is installed (not on updates or browser
// restarts); the options page links to it afterwards.
import type { Browser } from 'webextension-polyfill';

export const FIRST_RUN_PATH = 'src/first-run/index.html';

export function registerFirstRun(browser: Pick<Browser, 'runtime' | 'tabs'>): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PATH) });
  });
}
