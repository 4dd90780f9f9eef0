// The page's context menu item "Quotelens on this site (on/off)". Absent on Firefox for Android,
// where the popup's "On this site" switch does the same.
import type { Browser } from 'webextension-polyfill';
import { contextMenusApi, type MaybeShortcutsAndMenus } from '../shared/android-safe';
import type { TabsLike } from '../shared/rpc';
import type { StorageAreaLike } from '../shared/storage';
import { toggleSite } from './site-switch';

export const MENU_SITE = 'quotelens-toggle-site';

export type MenusHost = MaybeShortcutsAndMenus & Pick<Browser, 'runtime' | 'i18n'>;

/** Creates the menu on install and handles its clicks where the platform has menus; returns whether it could. */
export function registerSiteMenu(browser: MenusHost, storage: StorageAreaLike, tabs: TabsLike): boolean {
  const menus = contextMenusApi(browser);
  if (!menus) return false;
  browser.runtime.onInstalled.addListener(() => {
    menus.removeAll().then(() =>
      menus.create({
        id: MENU_SITE,
        title: browser.i18n.getMessage('menuToggleSite') || 'Quotelens on this site',
        contexts: ['page'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    );
  });
  menus.onClicked.addListener(async (info, tab) => {
    const pageUrl = info.pageUrl ?? tab?.url;
    if (info.menuItemId !== MENU_SITE || tab?.id === undefined || !pageUrl) return;
    await toggleSite(storage, tabs, tab.id, new URL(pageUrl).hostname);
  });
  return true;
}
