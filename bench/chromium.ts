// Headless Chromium via playwright-core, with or without the unpacked extension (the repo's one
// launcher, scripts/browsers.ts). Outside requests are aborted with context.route; long tasks are
// recorded from document start.
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startChromium } from '../scripts/browsers';
import { LONG_TASK_MS } from './measure';
import { isOutside } from './outside';
import { type BenchBrowser, type BenchTab, LONG_TASK_RECORDER } from './tab';
import { LongTaskTrace } from './trace';

export interface ChromiumBench extends BenchBrowser {
  context: BrowserContext;
  /** The extension's service worker (with the extension only). */
  serviceWorker: Worker | null;
  extensionId: string | null;
  wrap(page: Page): BenchTab;
}

export async function launchChromium(extensionDir: string | null): Promise<ChromiumBench> {
  const session = await startChromium({ extension: extensionDir, viewport: { width: 1280, height: 900 } });
  const { context, serviceWorker, extensionId } = session;
  let blocked = 0;
  await context.route(
    (url) => isOutside(url.href),
    (route) => {
      blocked++;
      return route.abort();
    },
  );
  await context.addInitScript({ content: LONG_TASK_RECORDER });
  const wrap = (page: Page): BenchTab => {
    let trace: LongTaskTrace | null = null;
    return {
      async goto(url) {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      },
      async blank() {
        await page.goto('about:blank', { waitUntil: 'load', timeout: 10_000 });
      },
      evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
      async heapUsedAfterGc() {
        const cdp = await context.newCDPSession(page);
        try {
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('Performance.enable');
          const { metrics } = await cdp.send('Performance.getMetrics');
          return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
        } finally {
          await cdp.detach();
        }
      },
      async startTrace() {
        trace ??= new LongTaskTrace(await context.newCDPSession(page));
        await trace.start();
      },
      async stopTrace() {
        if (!trace) return { ours: [], others: 0 };
        return trace.stop(LONG_TASK_MS);
      },
      close: () => page.close(),
    };
  };
  return {
    name: 'chromium',
    version: session.version,
    withExtension: extensionDir !== null,
    context,
    serviceWorker,
    extensionId,
    wrap,
    newTab: async () => wrap(await context.newPage()),
    blockedRequests: () => blocked,
    stopBackground: () => session.stopServiceWorker(),
    close: () => session.close(),
  };
}
