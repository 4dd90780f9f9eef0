// The small surface the e2e suite needs from a browser, implemented over playwright-core
// (Chromium) and puppeteer-core over WebDriver BiDi (Firefox), so one suite runs in both.
export type BrowserName = 'chrome' | 'firefox';

export interface TestPage {
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page; `arg` and the result must be JSON-serialisable. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs a script source (a library such as axe-core) in the page. */
  evaluateSource(source: string): Promise<void>;
  /**
   * A real (input-driven) click in the middle of the first element matching `selector`. Firefox
   * brings the tab forward first unless `background` is set (then the click is slow, 1–4 s, but
   * the tab in front, e.g. the article the popup acts on, stays visible).
   */
  click(selector: string, options?: { background?: boolean }): Promise<void>;
  /** A real click at a point of the viewport (controls in a closed shadow root have no selector). */
  clickAt(x: number, y: number): Promise<void>;
  /** Presses a key as the keyboard would ('Tab', 'Enter', 'Shift+Tab'), in the focused element. */
  press(key: string): Promise<void>;
  /** Moves the pointer to the top-left corner (no hover styles in screenshots). */
  parkPointer(): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  newPage(): Promise<TestPage>;
  /** Opens the popup as a tab for `page` through the e2e build's DOM event; resolves when it loaded. */
  openPopup(page: TestPage): Promise<TestPage>;
  /** A tab the extension opened by itself (the first-run page on install), once it has loaded. */
  findExtensionPage(path: string): Promise<TestPage>;
  /** The URL of every open tab (browser pages too, e.g. chrome://extensions/shortcuts). */
  tabUrls(): Promise<string[]>;
  /** Opens an extension page (e.g. `src/options/index.html`) as a tab; `via` is a page with our content script. */
  openExtensionPage(via: TestPage, path: string): Promise<TestPage>;
  /**
   * Stops the extension's background so the next message has to wake it: Chromium closes the
   * service worker; Firefox waits until its event page has been idle past the idle timeout (launch
   * with `backgroundIdleMs`).
   */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Absolute path of the unpacked extension; none launches a plain browser. */
  extension?: string;
  /** Emulate prefers-color-scheme: dark for every page (Chromium: emulation; Firefox: a pref). */
  dark?: boolean;
  /** Firefox: unload the idle event page after this many ms (its default is 30 s). */
  backgroundIdleMs?: number;
  /**
   * Firefox: requests to anything but this machine fail at once (a proxy on a closed local port), as
   * Chromium's host-resolver rule makes them; a saved real page then loads without waiting on the
   * network this machine does not have.
   */
  offline?: boolean;
}

export const POPUP_PATH = 'src/popup/index.html';
export const OPTIONS_PATH = 'src/options/index.html';
export const FIRST_RUN_PATH = 'src/first-run/index.html';
export const OPEN_POPUP_EVENT = 'quotelens-e2e-open-popup';

/** The browser binary (the launcher's own check, scripts/browsers.ts). */
export { browserExecutable } from '../../../scripts/browsers';

/**
 * The source of an expression that calls `fn(arg)`. Sent as a string rather than a function so
 * both drivers treat it alike and helpers that transpilers insert (esbuild's `__name`) exist.
 */
export function callExpression<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): string {
  const json = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${json}); })()`;
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitUntil<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
}
