// The one browser launcher of the repo, one function per browser, shared by the e2e suite
// (tests/e2e/helpers), the benchmark (bench/chromium.ts, bench/firefox.ts) and the demo: headless
// Chromium through playwright-core with the unpacked extension, Firefox ESR through puppeteer-core
// over WebDriver BiDi with the extension as a temporary add-on (../shared/BROWSERS.md). What each
// caller adds (request recording, page adapters, tracing) stays with the caller.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';

export type BrowserKind = 'chrome' | 'firefox';

/** Headless Chromium as root on a closed network (BROWSERS.md). */
export const CHROMIUM_BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How long Chromium may take to start the extension's service worker after launch. */
const SERVICE_WORKER_TIMEOUT_MS = 15_000;

/** The browser binary, or an error that says how to install it. */
export function browserExecutable(name: BrowserKind): string {
  const path =
    name === 'chrome'
      ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
      : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
  if (!existsSync(path)) {
    const pkg = name === 'chrome' ? 'chromium' : 'firefox-esr';
    const env = name === 'chrome' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
    throw new Error(`${pkg} not found at ${path}: install it: apt-get install -y ${pkg} (or set ${env})`);
  }
  return path;
}

export interface ChromiumOptions {
  /** Absolute path of the unpacked extension; none launches Chromium with extensions off. */
  extension?: string | null;
  /** Flags beyond CHROMIUM_BASE_ARGS. */
  args?: string[];
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

export interface ChromiumSession {
  context: BrowserContext;
  /** The extension's service worker at launch (with an extension only). */
  serviceWorker: Worker | null;
  extensionId: string | null;
  version: string;
  /** Closes our service worker's target, as puppeteer's worker.close() does; the next message wakes it. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Chromium in a fresh persistent profile (the only way it loads an unpacked extension). */
export async function startChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const executablePath = browserExecutable('chrome');
  const profile = mkdtempSync(join(tmpdir(), 'quotelens-chromium-'));
  const { extension } = options;
  const args = [...CHROMIUM_BASE_ARGS, ...(options.args ?? [])];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  else args.push('--disable-extensions');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  let serviceWorker: Worker | null = null;
  let extensionId: string | null = null;
  if (extension) {
    serviceWorker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: SERVICE_WORKER_TIMEOUT_MS }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    context,
    serviceWorker,
    extensionId,
    version: chromiumVersion(context, executablePath),
    async stopServiceWorker() {
      if (!extensionId) throw new Error('no extension loaded');
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as {
          targetInfos: { type: string; url: string; targetId: string }[];
        };
        const ours = targetInfos.filter(
          (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
        );
        // None running: Chromium stopped it already (idle, or nothing woke it since the last stop,
        // as after a page load that failed): stopped is what was asked for.
        for (const t of ours) await cdp.send('Target.closeTarget', { targetId: t.targetId });
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

function chromiumVersion(context: BrowserContext, executablePath: string): string {
  const fromContext = context.browser()?.version();
  if (fromContext) return `Chromium ${fromContext}`;
  try {
    return execFileSync(executablePath, ['--version'], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.startsWith('Chromium'))!
      .trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

export interface FirefoxOptions {
  /** Path of the built extension, installed as a temporary add-on. */
  extension?: string | null;
  /** Preferences beyond the defaults. */
  prefs?: Record<string, string | number | boolean>;
  /** Unload the idle event page after this many ms (Firefox's default is 30 s). */
  backgroundIdleMs?: number;
  defaultViewport?: { width: number; height: number };
}

export interface FirefoxSession {
  browser: Browser;
  version: string;
  close(): Promise<void>;
}

/** Firefox ESR, headless, over WebDriver BiDi. */
export async function startFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserExecutable('firefox'),
    headless: true,
    defaultViewport: options.defaultViewport ?? { width: 1280, height: 800 },
    extraPrefsFirefox: {
      ...options.prefs,
      ...(options.backgroundIdleMs ? { 'extensions.background.idle.timeout': options.backgroundIdleMs } : {}),
    },
  });
  if (options.extension) await browser.installExtension(resolve(options.extension));
  return {
    browser,
    version: (await browser.version()).replace(/^firefox\//i, 'Firefox '),
    close: () => browser.close(),
  };
}
