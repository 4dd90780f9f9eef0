// Chromium through playwright-core (the repo's one launcher, scripts/browsers.ts): a persistent
// context with the unpacked extension loaded, or a plain browser without it.
import type { BrowserContext, Page } from 'playwright-core';
import { startChromium } from '../../../scripts/browsers';
import {
  callExpression,
  type ExtensionBrowser,
  type LaunchOptions,
  OPEN_POPUP_EVENT,
  POPUP_PATH,
  type TestPage,
  waitUntil,
} from './driver';

export interface RecordedRequest {
  url: string;
  method: string;
  /** Made by a service worker (ours is the only one that could be), not a page. */
  serviceWorker: boolean;
}

export interface ChromiumBrowser extends ExtensionBrowser {
  context: BrowserContext;
  extensionId: string | null;
  /** Every request the browser made since launch (pages and service workers). */
  requests: RecordedRequest[];
}

const ARGS = [
  '--no-default-browser-check',
  // Nothing outside the machine is needed; anything that tries fails fast and is still recorded.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export function wrapPlaywrightPage(page: Page): TestPage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(callExpression(fn, arg as A)) as Promise<R>,
    evaluateSource: async (source) => {
      await page.evaluate(source);
    },
    click: (selector) => page.click(selector),
    clickAt: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    parkPointer: () => page.mouse.move(0, 0),
    screenshot: async (path, options) => {
      // caret 'initial': the default hides the caret with an inline style and leaves style="" behind.
      await page.screenshot({ path, fullPage: options?.fullPage ?? false, caret: 'initial' });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumBrowser> {
  // Extension service workers' requests reach context 'request' events only with this flag.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const { extension } = options;
  const session = await startChromium({
    extension: extension ?? null,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const { context, extensionId } = session;
  const requests: RecordedRequest[] = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), serviceWorker: !!r.serviceWorker() }));

  const pages = new Map<TestPage, Page>();
  const wrap = (page: Page): TestPage => {
    const wrapped = wrapPlaywrightPage(page);
    pages.set(wrapped, page);
    return wrapped;
  };
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path}`;

  const browser: ChromiumBrowser = {
    name: 'chrome',
    context,
    extensionId,
    requests,
    newPage: async () => wrap(await context.newPage()),
    async openPopup(page) {
      if (!extensionId) throw new Error('no extension loaded');
      const before = new Set(context.pages());
      await page.evaluate((event) => document.dispatchEvent(new Event(event)), OPEN_POPUP_EVENT);
      const popup = await waitUntil(
        async () => context.pages().find((p) => !before.has(p) && p.url().startsWith(extensionUrl(POPUP_PATH))),
        'the popup tab to open',
      );
      await popup.waitForLoadState('load');
      await popup.setViewportSize({ width: 400, height: 720 });
      return wrap(popup);
    },
    async findExtensionPage(path) {
      if (!extensionId) throw new Error('no extension loaded');
      const found = await waitUntil(
        async () => context.pages().find((p) => p.url().startsWith(extensionUrl(path))),
        `a tab with ${path}`,
      );
      await found.waitForLoadState('load');
      return wrap(found);
    },
    tabUrls: async () => context.pages().map((p) => p.url()),
    async openExtensionPage(_via, path) {
      if (!extensionId) throw new Error('no extension loaded');
      const page = await context.newPage();
      await page.goto(extensionUrl(path), { waitUntil: 'load' });
      return wrap(page);
    },
    stopBackground: () => session.stopServiceWorker(),
    close: () => session.close(),
  };
  return browser;
}
