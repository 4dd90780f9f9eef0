// Chromium through playwright-core: a persistent context with the unpacked extension loaded
// (the only way Chromium loads one), or a plain browser without it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  browserExecutable,
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

/** Headless Chromium as root on a closed network (BROWSERS.md); the bench uses the same flags. */
export const CHROMIUM_BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const ARGS = [
  ...CHROMIUM_BASE_ARGS,
  '--no-default-browser-check',
  // Nothing outside the machine is needed; anything that tries fails fast and is still recorded.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
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
  const executablePath = browserExecutable('chrome');
  const profile = mkdtempSync(join(tmpdir(), 'quotelens-chromium-'));
  const { extension } = options;
  const args = extension
    ? [...ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`]
    : [...ARGS, '--disable-extensions'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const requests: RecordedRequest[] = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), serviceWorker: !!r.serviceWorker() }));

  let extensionId: string | null = null;
  if (extension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
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
    async stopBackground() {
      // What puppeteer's worker.close() does: close the service worker's target (BROWSERS.md).
      const cdp = await context.browser()!.newBrowserCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: { type: string; url: string; targetId: string }[];
      };
      const origin = `chrome-extension://${extensionId}/`;
      const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(origin));
      if (workers.length === 0) throw new Error('no service worker of ours to stop');
      for (const w of workers) await cdp.send('Target.closeTarget', { targetId: w.targetId });
      await cdp.detach();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return browser;
}
