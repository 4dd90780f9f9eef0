// Background: the attribution engine (quotes and speakers of the blocks content scripts send),
// toolbar badge, keyboard commands, context menu, settings writes, message routing.

import { checkAnalyzeRequest } from '../shared/analyze-request';
import { browser, runtime, syncStorage, tabs } from '../shared/ext';
import { BACKGROUND_METHODS, type BackgroundApi } from '../shared/messages';
import { callTab, type MessageSender, serve } from '../shared/rpc';
import { isExtensionPageSender } from '../shared/senders';
import { withSite } from '../shared/settings';
import { loadSettings, storeSettings } from '../shared/storage';
import { analyzeBlocks } from './engine-host';
import { changeLibrary, keepFromTab, loadLibrary } from './library';

const POPUP_PATH = 'src/popup/index.html';
const MENU_SITE = 'quotelens-toggle-site';

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

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

browser.commands.onCommand.addListener(async (command) => {
  const tabId = await activeTabId();
  if (tabId === undefined) return;
  try {
    const state = await callTab(tabs, tabId, 'getState');
    if (command === 'toggle-highlights')
      await callTab(tabs, tabId, 'setToggles', { highlight: !state.toggles.highlight });
    if (command === 'toggle-focus') await callTab(tabs, tabId, 'setToggles', { focus: !state.toggles.focus });
  } catch {
    // No content script on this tab (browser pages, the store): nothing to toggle.
  }
});

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: MENU_SITE,
      title: browser.i18n.getMessage('menuToggleSite') || 'Quotelens on this site',
      contexts: ['page'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    }),
  );
});

browser.contextMenus.onClicked.addListener(async (info, tab) => {
  const pageUrl = info.pageUrl ?? tab?.url;
  if (info.menuItemId !== MENU_SITE || tab?.id === undefined || !pageUrl) return;
  const host = new URL(pageUrl).hostname;
  const settings = await loadSettings(syncStorage);
  const enabled = settings.disabledSites.includes(host);
  await storeSettings(syncStorage, withSite(settings, host, enabled));
  await callTab(tabs, tab.id, 'setEnabled', enabled).catch(() => undefined);
});
