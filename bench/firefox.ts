// Firefox ESR via puppeteer-core over WebDriver BiDi with the extension installed as a temporary
// add-on (the repo's one launcher, scripts/browsers.ts). Outside requests are aborted by request
// interception (works over BiDi).
import type { Page } from 'puppeteer-core';
import { startFirefox } from '../scripts/browsers';
import { isOutside } from './outside';
import type { BenchBrowser, BenchTab } from './tab';

/** Past the idle timeout, the time Firefox's idle check may take to run (it checks on a timer). */
const IDLE_SLACK_MS = 2000;

/** `backgroundIdleMs`: unload the idle event page after this long (Firefox's default is 30 s). */
export async function launchFirefox(
  extensionDir: string | null,
  options: { backgroundIdleMs?: number } = {},
): Promise<BenchBrowser> {
  const { browser, version } = await startFirefox({
    extension: extensionDir,
    // Full-resolution timers (default 1 ms steps): the work is the same, the clock only finer.
    prefs: { 'privacy.reduceTimerPrecision': false },
    ...(options.backgroundIdleMs ? { backgroundIdleMs: options.backgroundIdleMs } : {}),
  });
  let blocked = 0;
  const wrap = (page: Page): BenchTab => ({
    async goto(url) {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    },
    async blank() {
      await page.goto('about:blank', { waitUntil: 'load', timeout: 10_000 });
    },
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    close: () => page.close(),
  });
  return {
    name: 'firefox',
    version,
    withExtension: extensionDir !== null,
    async newTab() {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        // The page may be gone by the time we answer (navigation): ignore such late replies.
        if (!isOutside(request.url())) request.continue().catch(() => undefined);
        else {
          blocked++;
          request.abort().catch(() => undefined);
        }
      });
      return wrap(page);
    },
    blockedRequests: () => blocked,
    ...(options.backgroundIdleMs
      ? { stopBackground: () => new Promise<void>((r) => setTimeout(r, options.backgroundIdleMs! + IDLE_SLACK_MS)) }
      : {}),
    close: () => browser.close(),
  };
}
