// Firefox for Android has neither `commands` (no keyboard shortcuts) nor `contextMenus`: touching
// `browser.commands.onCommand` at the top level throws there, the background stops, and nothing
// registered after it (onInstalled, the first-run page, message routing) ever runs. Every feature
// that needs one of these APIs asks here first and is simply absent where the API is.
import type { Commands, ContextMenus } from 'webextension-polyfill';

/** The two APIs as some platforms ship them: either may be missing (Firefox for Android: both). */
export interface MaybeShortcutsAndMenus {
  commands?: Partial<Commands.Static>;
  contextMenus?: Partial<ContextMenus.Static>;
}

/** `commands` when this platform has keyboard shortcuts, else null. */
export function commandsApi(api: MaybeShortcutsAndMenus): Commands.Static | null {
  const commands = api.commands;
  return typeof commands?.onCommand?.addListener === 'function' ? (commands as Commands.Static) : null;
}

/** `contextMenus` when this platform has a page context menu, else null. */
export function contextMenusApi(api: MaybeShortcutsAndMenus): ContextMenus.Static | null {
  const menus = api.contextMenus;
  return typeof menus?.create === 'function' && typeof menus.onClicked?.addListener === 'function'
    ? (menus as ContextMenus.Static)
    : null;
}
