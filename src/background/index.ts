// Background: the attribution engine (quotes and speakers of the blocks content scripts send),
// toolbar badge, settings writes, message routing; keyboard commands, the page menu and the
// first-run page live in their own files.

import { checkAnalyzeRequest } from '../shared/analyze-request';
import { browser, runtime, syncStorage, tabs } from '../shared/ext';
import { BACKGROUND_METHODS, type BackgroundApi } from '../shared/messages';
import { type MessageSender, serve } from '../shared/rpc';
import { isExtensionPageSender } from '../shared/senders';
import { withSite } from '../shared/settings';
import { loadSettings, storeSettings } from '../shared/storage';
import { registerCommands } from './commands';
import { analyzeBlocks } from './engine-host';
import { registerFirstRun } from './first-run';
import { changeLibrary, keepFromTab, loadLibrary } from './library';
import { registerSiteMenu } from './menus';

const POPUP_PATH = 'src/popup/index.html';

/** Extension pages (popup, options) may change settings; content scripts may not. */
function fromExtensionPage(sender: MessageSender): boolean {
  return isExtensionPageSender(sender, browser.runtime.getURL(''));
}

function refuse(what: string): never {
  throw new Error(`Quotelens: ${what} is only accepted from extension pages`);
}

serve<BackgroundApi>(runtime, BACKGROUND_METHODS, {
  pageAnalyzed: async (sender, summary) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || typeof summary?.quotes !== 'number') return;
    const n = Math.max(0, Math.min(9999, Math.floor(summary.quotes)));
    const text = summary.status === 'ready' && n > 0 ? String(n) : '';
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#5b3cc4' });
    if (summary.status === 'ready' && n > 0) await keepFromTab(tabId).catch(() => false);
  },
  getSettings: () => loadSettings(syncStorage),
  // Any content script may ask: the request is untrusted and checked (sizes capped) before use.
  analyzeBlocks: (_sender, request) => analyzeBlocks(checkAnalyzeRequest(request)),
  saveSettings: (sender, settings) =>
    fromExtensionPage(sender) ? storeSettings(syncStorage, settings) : refuse('saveSettings'),
  setSiteEnabled: async (sender, host, enabled) => {
    if (!fromExtensionPage(sender)) refuse('setSiteEnabled');
    if (typeof host !== 'string' || typeof enabled !== 'boolean') throw new Error('bad arguments');
    return storeSettings(syncStorage, withSite(await loadSettings(syncStorage), host, enabled));
  },
  e2eOpenPopup: async (sender) => {
    if (!__E2E__) return;
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await browser.tabs.create({ url: browser.runtime.getURL(`${POPUP_PATH}?tabId=${tabId}`), active: false });
  },
  libraryLoad: (sender) => (fromExtensionPage(sender) ? loadLibrary() : refuse('libraryLoad')),
  libraryChange: (sender, change) => (fromExtensionPage(sender) ? changeLibrary(change) : refuse('libraryChange')),
});

// Shortcuts, the page menu and the first-run page; shortcuts and the menu only where the platform
// has them (android-safe.ts: Firefox for Android has neither).
registerCommands(browser, syncStorage, tabs);
registerSiteMenu(browser, syncStorage, tabs);
registerFirstRun(browser);
