// Headless Chromium via playwright-core, with or without the unpacked extension (BROWSERS.md).
// Outside requests are aborted with context.route; long tasks are recorded from document start.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_BASE_ARGS } from '../tests/e2e/helpers/chromium';
import { LONG_TASK_MS } from './measure';
import { isOutside } from './outside';
import { type BenchBrowser, type BenchTab, LONG_TASK_RECORDER } from './tab';
import { LongTaskTrace } from './trace';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumBench extends BenchBrowser {
  context: BrowserContext;
  /** The extension's service worker (with the extension only). */
  serviceWorker: Worker | null;
  extensionId: string | null;
  wrap(page: Page): BenchTab;
}

export async function launchChromium(extensionDir: string | null): Promise<ChromiumBench> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const profile = mkdtempSync(join(tmpdir(), 'quotelens-bench-'));
  const args = [...CHROMIUM_BASE_ARGS];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  let blocked = 0;
  await context.route(
    (url) => isOutside(url.href),
    (route) => {
      blocked++;
      return route.abort();
    },
  );
  await context.addInitScript({ content: LONG_TASK_RECORDER });
  let serviceWorker: Worker | null = null;
  let extensionId: string | null = null;
  if (extensionDir) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  const wrap = (page: Page): BenchTab => {
    let trace: LongTaskTrace | null = null;
    return {
      async goto(url) {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
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
    version: chromiumVersion(context),
    withExtension: extensionDir !== null,
    context,
    serviceWorker,
    extensionId,
    wrap,
    newTab: async () => wrap(await context.newPage()),
    blockedRequests: () => blocked,
    async stopBackground() {
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as {
          targetInfos: { type: string; url: string; targetId: string }[];
        };
        for (const t of targetInfos)
          if (t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`))
            await cdp.send('Target.closeTarget', { targetId: t.targetId });
      } finally {
        await cdp.detach();
      }
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function chromiumVersion(context: BrowserContext): string {
  const fromContext = context.browser()?.version();
  if (fromContext) return `Chromium ${fromContext}`;
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.startsWith('Chromium'))!
      .trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}
