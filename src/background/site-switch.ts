// Quotelens on/off for a tab's site, from the page menu or the keyboard: saves the choice, then
// tells the tab's content script to apply it now.
import { callTab, type TabsLike } from '../shared/rpc';
import { withSite } from '../shared/settings';
import { loadSettings, type StorageAreaLike, storeSettings } from '../shared/storage';

/** Flips the site's switch and returns the new state (true: Quotelens on). */
export async function toggleSite(
  storage: StorageAreaLike,
  tabs: TabsLike,
  tabId: number,
  host: string,
): Promise<boolean> {
  const settings = await loadSettings(storage);
  const enabled = settings.disabledSites.includes(host);
  await storeSettings(storage, withSite(settings, host, enabled));
  // No content script on this tab (a browser page, the store): the saved choice still counts.
  await callTab(tabs, tabId, 'setEnabled', enabled).catch(() => undefined);
  return enabled;
}
