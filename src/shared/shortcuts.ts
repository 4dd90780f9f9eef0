// The extension's keyboard shortcuts as the browser reports them, and the way to the browser's own
// page for changing them. Firefox (137+) opens it with commands.openShortcutSettings(); Chrome has
// no such call, but an extension page may open chrome://extensions/shortcuts in a tab.
import type { Browser } from 'webextension-polyfill';
import { commandsApi, type MaybeShortcutsAndMenus } from './android-safe';
import { type MessageKey, t } from './i18n';

export interface ShortcutInfo {
  /** The manifest's command name (`_execute_action`, `toggle-site`, …). */
  name: string;
  description: string;
  /** The keys as the browser shows them ("Alt+Shift+W"), or '' when none is set. */
  shortcut: string;
}

export interface ShortcutSource {
  /** The shortcuts, or null when this browser has none for extensions (Firefox for Android). */
  list(): Promise<ShortcutInfo[] | null>;
  /** Opens the browser's page for changing them. */
  openSettings(): Promise<void>;
  /** Where that page is, in words, for readers who look for it themselves. */
  howToChange: string;
}

export const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/** Descriptions of the browser's own action command, which some browsers report empty. */
const BUILT_IN_DESCRIPTIONS: Record<string, MessageKey> = { _execute_action: 'cmdOpenPopup' };

/** Popup first, then the order of the manifest's commands. */
const ORDER = ['_execute_action', 'toggle-site', 'toggle-highlights', 'toggle-focus'];

export function sortShortcuts(list: ShortcutInfo[]): ShortcutInfo[] {
  const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  return [...list].sort((a, b) => rank(a.name) - rank(b.name));
}

type ShortcutBrowser = MaybeShortcutsAndMenus & Pick<Browser, 'tabs' | 'runtime'>;

export function browserShortcuts(browser: ShortcutBrowser): ShortcutSource {
  const commands = commandsApi(browser);
  const canOpen = typeof commands?.openShortcutSettings === 'function';
  const firefox = canOpen || browser.runtime.getURL('').startsWith('moz-extension:');
  return {
    async list() {
      if (!commands || typeof commands.getAll !== 'function') return null;
      const all = await commands.getAll();
      return sortShortcuts(
        all.map((c) => {
          const name = c.name ?? '';
          const builtIn = BUILT_IN_DESCRIPTIONS[name];
          return { name, description: c.description || (builtIn ? t(builtIn) : name), shortcut: c.shortcut ?? '' };
        }),
      );
    },
    async openSettings() {
      if (canOpen) await commands!.openShortcutSettings();
      else await browser.tabs.create({ url: CHROME_SHORTCUTS_URL });
    },
    howToChange: t(firefox ? 'shortcutsHowFirefox' : 'shortcutsHowChrome'),
  };
}
