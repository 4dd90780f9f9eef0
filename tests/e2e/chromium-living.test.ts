// Living pages in headless Chromium (living-suite.ts): the extension disabled and enabled again
// from chrome://extensions (chrome.management there), with an article open.
import { resolve } from 'node:path';
import { type ChromiumBrowser, launchChromium, wrapPlaywrightPage } from './helpers/chromium';
import type { ExtensionBrowser } from './helpers/driver';
import { livingSuite } from './living-suite';
import { REPO_ROOT } from './suite';

const EXTENSION = resolve(REPO_ROOT, 'dist/e2e/chrome');

/** chrome://extensions has chrome.management: what a user's toggle there does. */
async function setEnabled(browser: ExtensionBrowser, enabled: boolean): Promise<void> {
  const { context, extensionId } = browser as ChromiumBrowser;
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      ([id, on]) =>
        new Promise<void>((done) =>
          (
            globalThis as unknown as {
              chrome: { management: { setEnabled(id: string, on: boolean, cb: () => void): void } };
            }
          ).chrome.management.setEnabled(id, on, done),
        ),
      [extensionId!, enabled] as const,
    );
  } finally {
    await page.close();
  }
}

livingSuite({
  name: 'chrome',
  extension: EXTENSION,
  launch: launchChromium,
  takeAway: (b) => setEnabled(b, false),
  bringBack: (b) => setEnabled(b, true),
  async openPopupFor(browser, tabId) {
    const { context, extensionId } = browser as ChromiumBrowser;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/src/popup/index.html?tabId=${tabId}`);
    return wrapPlaywrightPage(page);
  },
});
