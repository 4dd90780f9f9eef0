// The connector over real messaging: the content script of the tab (its id from ?tabId=N when the
// popup is opened as a tab, else the active tab) and the background for settings.
import { browser, runtime, tabs } from '../shared/ext';
import { callBackground, callTab } from '../shared/rpc';
import { isSiteEnabled } from '../shared/settings';
import type { PopupConnector, TabView } from './connector';

async function resolveTab(): Promise<{ id: number; url: string | undefined } | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => null);
    return { id: fromQuery, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

export function realConnector(): PopupConnector {
  let tabId = -1;
  return {
    async load(): Promise<TabView> {
      const tab = await resolveTab();
      if (!tab) return { kind: 'restricted' };
      tabId = tab.id;
      if (tab.url && !/^https?:/i.test(tab.url)) return { kind: 'restricted' };
      try {
        const [state, settings] = await Promise.all([
          callTab(tabs, tab.id, 'getState'),
          callBackground(runtime, 'getSettings'),
        ]);
        return { kind: 'page', state, siteEnabled: isSiteEnabled(settings, state.host) };
      } catch {
        // No content script answered: a tab opened before Quotelens was installed, enabled or
        // updated (Chromium injects nothing into open tabs). Without the tabs permission the URL
        // is unknown, so a browser page looks the same: reloading that one is harmless.
        return { kind: 'not-analysed' };
      }
    },
    setToggles: (toggles) => callTab(tabs, tabId, 'setToggles', toggles),
    async showHidden(show) {
      // The page's "Keep visible" buttons store what the reader keeps: allowed for this tab now.
      if (show) await callBackground(runtime, 'allowCorrections', tabId);
      return callTab(tabs, tabId, 'showHidden', show);
    },
    async startPicker() {
      await callBackground(runtime, 'allowCorrections', tabId);
      return callTab(tabs, tabId, 'startPicker');
    },
    scrollToQuote: (id) => callTab(tabs, tabId, 'scrollToQuote', id),
    loadComfort: () => callBackground(runtime, 'getComfort'),
    async setComfort(comfort) {
      const stored = await callBackground(runtime, 'setComfort', comfort);
      return callTab(tabs, tabId, 'setComfort', stored);
    },
    async setSiteEnabled(host, enabled) {
      await callBackground(runtime, 'setSiteEnabled', host, enabled);
      return callTab(tabs, tabId, 'setEnabled', enabled).catch(() => null);
    },
    async runAnyway(host) {
      await callBackground(runtime, 'setSiteForced', host, true);
      return callTab(tabs, tabId, 'runAnyway').catch(() => null);
    },
    // tabs.reload(tabId) needs no permission; the popup closes with the page it belongs to.
    async reloadTab() {
      if (tabId >= 0) await browser.tabs.reload(tabId);
    },
    async copy(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
  };
}
