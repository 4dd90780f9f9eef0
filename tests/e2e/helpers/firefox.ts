// Firefox ESR through puppeteer-core over WebDriver BiDi (the repo's one launcher,
// scripts/browsers.ts), the extension installed as a temporary add-on. BiDi cannot navigate to moz-extension:// URLs, so extension pages are opened from inside
// the extension (the e2e build's popup event) and then found among the browser's pages.
import type { Browser, KeyInput, Page } from 'puppeteer-core';
import { startFirefox } from '../../../scripts/browsers';
import {
  callExpression,
  type ExtensionBrowser,
  type LaunchOptions,
  OPEN_POPUP_EVENT,
  POPUP_PATH,
  type TestPage,
  waitUntil,
} from './driver';

export interface FirefoxBrowser extends ExtensionBrowser {
  browser: Browser;
}

export function wrapPuppeteerPage(page: Page): TestPage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(callExpression(fn, arg as A)) as Promise<R>,
    evaluateSource: async (source) => {
      await page.evaluate(source);
    },
    // Input to a background tab waits on its throttled animation frames (1–4 s a click): bring it
    // forward first, as a user would be looking at what they click.
    click: async (selector, options) => {
      if (!options?.background) await page.bringToFront();
      await page.click(selector);
    },
    clickAt: async (x, y) => {
      await page.bringToFront();
      await page.mouse.click(x, y);
    },
    press: async (key) => {
      const parts = key.split('+');
      const last = parts.pop()!;
      for (const mod of parts) await page.keyboard.down(mod as KeyInput);
      await page.keyboard.press(last as KeyInput);
      for (const mod of parts.reverse()) await page.keyboard.up(mod as KeyInput);
    },
    parkPointer: () => page.mouse.move(0, 0),
    screenshot: async (path, options) => {
      await page.screenshot({ path: path as `${string}.png`, fullPage: options?.fullPage ?? false });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

async function hrefOf(page: Page): Promise<string> {
  return (await page.evaluate('location.href')) as string;
}

/** Waits for a page that is not in `known` to show an extension URL containing `path`. */
async function findNewExtensionPage(
  browser: Browser,
  known: Set<Page>,
  path: string,
  timeoutMs?: number,
): Promise<Page> {
  return waitUntil(
    async () => {
      for (const page of await browser.pages()) {
        if (known.has(page)) continue;
        const href = await hrefOf(page).catch(() => '');
        if (href.startsWith('moz-extension://') && href.includes(path)) {
          const ready = await page.evaluate('document.readyState').catch(() => '');
          if (ready === 'complete') return page;
        }
      }
      return null;
    },
    `a tab with ${path}`,
    timeoutMs,
  );
}

/** Every outside request through a proxy on the discard port, which nothing serves: refused at once. */
const OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
};

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxBrowser> {
  const { browser } = await startFirefox({
    extension: options.extension ?? null,
    prefs: {
      // prefers-color-scheme follows the (emulated) system theme; BiDi has no media emulation.
      'ui.systemUsesDarkTheme': options.dark ? 1 : 0,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      ...(options.offline ? OFFLINE_PREFS : {}),
    },
    ...(options.backgroundIdleMs ? { backgroundIdleMs: options.backgroundIdleMs } : {}),
  });
  const wrapped = new Map<TestPage, Page>();
  const wrap = (page: Page): TestPage => {
    const w = wrapPuppeteerPage(page);
    wrapped.set(w, page);
    return w;
  };
  const openPopupTab = async (page: TestPage): Promise<Page> => {
    if (!options.extension) throw new Error('no extension installed');
    const known = new Set(await browser.pages());
    const ask = () => page.evaluate((event) => document.dispatchEvent(new Event(event)), OPEN_POPUP_EVENT);
    await ask();
    // Under CI load Firefox's background sometimes misses a request (seen in full runs, never
    // alone; once twice in a row, after an SPA navigation): ask again, waiting longer each time,
    // before failing; the page's own state was checked already.
    for (const waitMs of [8_000, 12_000]) {
      const popup = await findNewExtensionPage(browser, known, POPUP_PATH, waitMs).catch(() => null);
      if (popup) return popup;
      await ask();
    }
    return findNewExtensionPage(browser, known, POPUP_PATH, 20_000);
  };
  return {
    name: 'firefox',
    browser,
    newPage: async () => wrap(await browser.newPage()),
    async openPopup(page) {
      const popup = await openPopupTab(page);
      await popup.setViewport({ width: 400, height: 720 });
      return wrap(popup);
    },
    async findExtensionPage(path) {
      return wrap(await findNewExtensionPage(browser, new Set(), path));
    },
    async tabUrls() {
      return Promise.all((await browser.pages()).map(async (p) => (await hrefOf(p).catch(() => '')) || p.url()));
    },
    async openExtensionPage(via, path) {
      const tab = await openPopupTab(via);
      await tab.evaluate(`location.assign(new URL(${JSON.stringify(`/${path}`)}, location.origin).href)`);
      await waitUntil(async () => {
        const href = await hrefOf(tab);
        return href.includes(path) && (await tab.evaluate('document.readyState')) === 'complete';
      }, `${path} to load`);
      return wrap(tab);
    },
    async stopBackground() {
      // Firefox unloads an MV3 event page that got no event for the idle timeout; no API does it sooner.
      if (!options.backgroundIdleMs) throw new Error('launch with backgroundIdleMs to stop the background');
      await new Promise((resolve) => setTimeout(resolve, options.backgroundIdleMs! + IDLE_SLACK_MS));
    },
    close: () => browser.close(),
  };
}

/** Past the idle timeout, the time Firefox's idle check may take to run (it checks on a timer). */
const IDLE_SLACK_MS = 2000;
