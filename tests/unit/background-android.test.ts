// The background on each platform's API surface: Firefox for Android has no `commands` and no
// `contextMenus`, so the background must start there without them (and still open the first-run
// page, route messages and save settings); on desktop the shortcuts and the menu register.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL } from '../../src/shared/messages';
import { SETTINGS_KEY } from '../../src/shared/settings';

type Listener = (...args: never[]) => unknown;

/** An event object as the extension APIs have them, recording its listeners. */
function event() {
  const listeners: Listener[] = [];
  return {
    listeners,
    addListener: (fn: Listener) => {
      listeners.push(fn);
    },
    removeListener: (fn: Listener) => {
      listeners.splice(listeners.indexOf(fn), 1);
    },
  };
}

const EXTENSION_ID = 'quotelens-test-id';
const HOST = 'news.example';
const TAB_ID = 7;

/** A fake `browser` with the APIs every platform has, plus `commands`/`contextMenus` on desktop. */
function fakeBrowser(platform: 'desktop' | 'android') {
  const stored: Record<string, unknown> = {};
  const created: { url?: string }[] = [];
  const sentToTab: { method: string; args: unknown[] }[] = [];
  const menuItems: { id?: string | number }[] = [];
  const base = {
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => `moz-extension://uuid/${path}`,
      sendMessage: async () => undefined,
      onMessage: event(),
      onInstalled: event(),
    },
    tabs: {
      query: async () => [{ id: TAB_ID }],
      create: async (props: { url?: string }) => {
        created.push(props);
        return { id: 99 };
      },
      sendMessage: async (_tabId: number, message: { method: string; args: unknown[] }) => {
        sentToTab.push({ method: message.method, args: message.args });
        const state = {
          status: 'ready',
          host: HOST,
          report: null,
          toggles: { declutter: true, highlight: true, focus: false },
          hiddenNow: 0,
          ms: 1,
        };
        return { ok: true, value: state };
      },
    },
    storage: {
      sync: {
        get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
        set: async (items: Record<string, unknown>) => {
          Object.assign(stored, items);
        },
      },
    },
    action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
    i18n: { getMessage: () => '' },
  };
  const desktop = {
    commands: { onCommand: event(), getAll: async () => [] },
    contextMenus: {
      removeAll: async () => {
        menuItems.length = 0;
      },
      create: (item: { id?: string | number }) => {
        menuItems.push(item);
        return item.id ?? 0;
      },
      onClicked: event(),
    },
  };
  const api = platform === 'desktop' ? { ...base, ...desktop } : base;
  return { api, stored, created, sentToTab, menuItems, desktop };
}

let current: ReturnType<typeof fakeBrowser>;

/** Loads src/background/index.ts afresh against `platform`'s API surface. */
async function startBackground(platform: 'desktop' | 'android') {
  current = fakeBrowser(platform);
  vi.resetModules();
  vi.doMock('webextension-polyfill', () => ({ default: current.api }));
  await import('../../src/background/index');
  return current;
}

async function fire(listeners: Listener[], ...args: unknown[]): Promise<void> {
  for (const fn of listeners) await (fn as (...a: unknown[]) => unknown)(...args);
  await new Promise((r) => setTimeout(r, 0));
}

/** Sends a background message as an extension page would, and waits for the reply. */
function ask(bg: ReturnType<typeof fakeBrowser>, method: string, ...args: unknown[]): Promise<unknown> {
  return new Promise((resolve) => {
    const sender = { id: EXTENSION_ID, url: 'moz-extension://uuid/src/options/index.html' };
    for (const fn of bg.api.runtime.onMessage.listeners)
      (fn as (m: unknown, s: unknown, r: (x: unknown) => void) => unknown)(
        { channel: CHANNEL, method, args },
        sender,
        resolve,
      );
  });
}

beforeEach(() => {
  vi.stubGlobal('__E2E__', false);
});
afterEach(() => {
  vi.doUnmock('webextension-polyfill');
  vi.unstubAllGlobals();
});

describe('background on Firefox for Android (no commands, no contextMenus)', () => {
  it('starts without an error', async () => {
    await expect(startBackground('android')).resolves.toBeDefined();
  });

  it('still routes messages and saves settings', async () => {
    const bg = await startBackground('android');
    expect(bg.api.runtime.onMessage.listeners).toHaveLength(1);
    const reply = (await ask(bg, 'setSiteEnabled', HOST, false)) as { ok: boolean };
    expect(reply.ok).toBe(true);
    expect((bg.stored[SETTINGS_KEY] as { disabledSites: string[] }).disabledSites).toEqual([HOST]);
  });

  it('opens the first-run page once, on install only', async () => {
    const bg = await startBackground('android');
    await fire(bg.api.runtime.onInstalled.listeners, { reason: 'update' });
    expect(bg.created).toEqual([]);
    await fire(bg.api.runtime.onInstalled.listeners, { reason: 'install' });
    expect(bg.created.map((c) => c.url)).toEqual(['moz-extension://uuid/src/first-run/index.html']);
  });
});

describe('background on desktop', () => {
  it('listens for the shortcuts and creates the page menu on install', async () => {
    const bg = await startBackground('desktop');
    expect(bg.desktop.commands.onCommand.listeners).toHaveLength(1);
    expect(bg.desktop.contextMenus.onClicked.listeners).toHaveLength(1);
    await fire(bg.api.runtime.onInstalled.listeners, { reason: 'install' });
    expect(bg.menuItems.map((m) => m.id)).toEqual(['quotelens-toggle-site']);
    expect(bg.created).toHaveLength(1);
  });

  it('the site shortcut turns Quotelens off for the active tab’s site, and on again', async () => {
    const bg = await startBackground('desktop');
    await fire(bg.desktop.commands.onCommand.listeners, 'toggle-site');
    expect((bg.stored[SETTINGS_KEY] as { disabledSites: string[] }).disabledSites).toEqual([HOST]);
    expect(bg.sentToTab.at(-1)).toEqual({ method: 'setEnabled', args: [false] });
    await fire(bg.desktop.commands.onCommand.listeners, 'toggle-site');
    expect((bg.stored[SETTINGS_KEY] as { disabledSites: string[] }).disabledSites).toEqual([]);
    expect(bg.sentToTab.at(-1)).toEqual({ method: 'setEnabled', args: [true] });
  });

  it('the highlight shortcut flips the tab’s highlight switch', async () => {
    const bg = await startBackground('desktop');
    await fire(bg.desktop.commands.onCommand.listeners, 'toggle-highlights');
    expect(bg.sentToTab.at(-1)).toEqual({ method: 'setToggles', args: [{ highlight: false }] });
  });
});
