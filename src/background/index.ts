// Background: the attribution engine (quotes and speakers of the blocks content scripts send),
// toolbar badge, settings writes, message routing; keyboard commands, the page menu and the
// first-run page live in their own files.

import { CLUTTER_VOCABULARY } from '../core/lexicon/clutter';
import { checkAnalyzeRequest } from '../shared/analyze-request';
import { loadComfort, storeComfort } from '../shared/comfort';
import { checkCorrectionRequest, correctionHost, type Grants, withGrant } from '../shared/correction-grants';
import { loadCorrections, storeCorrections, withCorrection, withoutCorrection } from '../shared/corrections';
import { browser, localStorageArea, runtime, syncStorage, tabs } from '../shared/ext';
import { BACKGROUND_METHODS, type BackgroundApi } from '../shared/messages';
import { callTab, type MessageSender, serve } from '../shared/rpc';
import { isExtensionPageSender } from '../shared/senders';
import { withForcedSite, withSite } from '../shared/settings';
import { loadSettings, storeSettings } from '../shared/storage';
import { publishVocabulary } from '../shared/vocabulary';
import { registerCommands } from './commands';
import { analyzeBlocks } from './engine-host';
import { registerFirstRun } from './first-run';
import { changeLibrary, keepFromTabSoon, loadLibrary } from './library';
import { registerSiteMenu } from './menus';

const POPUP_PATH = 'src/popup/index.html';

/** Extension pages (popup, options) may change settings; content scripts may not. */
function fromExtensionPage(sender: MessageSender): boolean {
  return isExtensionPageSender(sender, browser.runtime.getURL(''));
}

function refuse(what: string): never {
  throw new Error(`Quotelens: ${what} is only accepted from extension pages`);
}

const GRANTS_KEY = 'correctionGrants';
/** Correction grants outlive a stopped background in storage.session (memory when it is absent). */
const sessionArea = browser.storage.session ?? null;
let memoryGrants: Grants = {};

async function readGrants(): Promise<Grants> {
  if (!sessionArea) return memoryGrants;
  const raw = (await sessionArea.get(GRANTS_KEY))[GRANTS_KEY];
  return typeof raw === 'object' && raw !== null ? (raw as Grants) : {};
}

async function writeGrants(grants: Grants): Promise<void> {
  if (sessionArea) await sessionArea.set({ [GRANTS_KEY]: grants });
  else memoryGrants = grants;
}

serve<BackgroundApi>(runtime, BACKGROUND_METHODS, {
  pageAnalyzed: async (sender, summary) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || typeof summary?.quotes !== 'number') return;
    const n = Math.max(0, Math.min(9999, Math.floor(summary.quotes)));
    const text = summary.status === 'ready' && n > 0 ? String(n) : '';
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#5b3cc4' });
    if (summary.status === 'ready' && n > 0) keepFromTabSoon(tabId, sender.url ?? '');
  },
  getSettings: () => loadSettings(syncStorage),
  getClutterVocabulary: () => CLUTTER_VOCABULARY,
  // Any content script may ask: the request is untrusted and checked (sizes capped) before use.
  analyzeBlocks: (_sender, request) => analyzeBlocks(checkAnalyzeRequest(request)),
  saveSettings: (sender, settings) =>
    fromExtensionPage(sender) ? storeSettings(syncStorage, settings) : refuse('saveSettings'),
  setSiteEnabled: async (sender, host, enabled) => {
    if (!fromExtensionPage(sender)) refuse('setSiteEnabled');
    if (typeof host !== 'string' || typeof enabled !== 'boolean') throw new Error('bad arguments');
    return storeSettings(syncStorage, withSite(await loadSettings(syncStorage), host, enabled));
  },
  setSiteForced: async (sender, host, forced) => {
    if (!fromExtensionPage(sender)) refuse('setSiteForced');
    if (typeof host !== 'string' || typeof forced !== 'boolean') throw new Error('bad arguments');
    return storeSettings(syncStorage, withForcedSite(await loadSettings(syncStorage), host, forced));
  },
  getComfort: () => loadComfort(syncStorage),
  setComfort: (sender, comfort) => {
    if (!fromExtensionPage(sender)) refuse('setComfort');
    return storeComfort(syncStorage, comfort);
  },
  allowCorrections: async (sender, tabId) => {
    if (!fromExtensionPage(sender)) refuse('allowCorrections');
    if (!Number.isInteger(tabId) || tabId < 0) throw new Error('bad arguments');
    await writeGrants(withGrant(await readGrants(), tabId, Date.now()));
  },
  addCorrection: async (sender, request) => {
    const host = correctionHost(sender, await readGrants(), Date.now());
    const { list, correction } = checkCorrectionRequest(request);
    const next = withCorrection(await loadCorrections(localStorageArea), host, list, { ...correction, at: Date.now() });
    return storeCorrections(localStorageArea, next);
  },
  getCorrections: (sender) =>
    fromExtensionPage(sender) ? loadCorrections(localStorageArea) : refuse('getCorrections'),
  removeCorrection: async (sender, site, list, selector) => {
    if (!fromExtensionPage(sender)) refuse('removeCorrection');
    if (typeof site !== 'string' || (list !== 'keep' && list !== 'hide') || typeof selector !== 'string')
      throw new Error('bad arguments');
    const next = await storeCorrections(
      localStorageArea,
      withoutCorrection(await loadCorrections(localStorageArea), site, list, selector),
    );
    // Open pages of the site apply their corrections again (a kept block hides, a picked one shows).
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined) void callTab(tabs, tab.id, 'correctionsChanged').catch(() => undefined);
    }
    return next;
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
// The clutter vocabulary, for content scripts to read beside their settings: written at every start
// (install, update, browser start, a woken worker) when the stored copy differs from this build's.
void publishVocabulary(localStorageArea, CLUTTER_VOCABULARY).catch((err: unknown) =>
  console.warn('Quotelens: could not store the clutter vocabulary', err),
);
