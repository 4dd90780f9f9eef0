// Keyboard commands (manifest "commands"). `_execute_action` opens the popup and needs no code;
// the others act on the active tab through its content script. Absent on Firefox for Android.
import type { Browser } from 'webextension-polyfill';
import { commandsApi, type MaybeShortcutsAndMenus } from '../shared/android-safe';
import { callTab, type TabsLike } from '../shared/rpc';
import type { StorageAreaLike } from '../shared/storage';
import { toggleSite } from './site-switch';

export const COMMAND_TOGGLE_HIGHLIGHTS = 'toggle-highlights';
export const COMMAND_TOGGLE_FOCUS = 'toggle-focus';
export const COMMAND_TOGGLE_SITE = 'toggle-site';

export type CommandsHost = MaybeShortcutsAndMenus & Pick<Browser, 'tabs'>;

async function activeTabId(browser: Pick<Browser, 'tabs'>): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Listens for our commands where the platform has them; returns whether it could. */
export function registerCommands(browser: CommandsHost, storage: StorageAreaLike, tabs: TabsLike): boolean {
  const commands = commandsApi(browser);
  if (!commands) return false;
  commands.onCommand.addListener(async (command) => {
    const tabId = await activeTabId(browser);
    if (tabId === undefined) return;
    try {
      const state = await callTab(tabs, tabId, 'getState');
      if (command === COMMAND_TOGGLE_HIGHLIGHTS)
        await callTab(tabs, tabId, 'setToggles', { highlight: !state.toggles.highlight });
      if (command === COMMAND_TOGGLE_FOCUS) await callTab(tabs, tabId, 'setToggles', { focus: !state.toggles.focus });
      if (command === COMMAND_TOGGLE_SITE && state.host) await toggleSite(storage, tabs, tabId, state.host);
    } catch {
      // No content script on this tab (browser pages, the store): nothing to toggle.
    }
  });
  return true;
}
