// The e2e suite in headless Chromium (playwright-core), plus the network check: a page load with
// the extension makes exactly the requests the same load makes without it.
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasShared, missingSharedMessage } from '../shared-data';
import { firstRunSuite } from './first-run';
import { type ChromiumBrowser, launchChromium } from './helpers/chromium';
import { waitUntil } from './helpers/driver';
import { SEED_PARTS } from './helpers/expected';
import { ARTICLE_PATH, extensionSuite, pristineFrom, REPO_ROOT, serveTestPages } from './suite';

const EXTENSION = resolve(REPO_ROOT, 'dist/e2e/chrome');

let plain: ChromiumBrowser | undefined;
afterAll(async () => {
  await plain?.close();
});

async function plainChromium(): Promise<ChromiumBrowser> {
  plain ??= await launchChromium();
  return plain;
}

const pristine = pristineFrom(plainChromium);

extensionSuite({ name: 'chrome', extension: EXTENSION, launch: launchChromium, pristine });
firstRunSuite({ name: 'chrome', extension: EXTENSION, launch: launchChromium });

/** Network requests (http, https, ws) as "METHOD URL", sorted; extension-internal loads are not network. */
function networkRequests(requests: ChromiumBrowser['requests']): string[] {
  return requests
    .filter((r) => /^(https?|wss?):/.test(r.url))
    .map((r) => `${r.method} ${r.url}${r.serviceWorker ? ' (service worker)' : ''}`)
    .sort();
}

describe.skipIf(!hasShared(...SEED_PARTS, 'article.html'))('chrome: network', () => {
  it('makes no network requests of its own: the page load requests what it does without the extension', async () => {
    const server = await serveTestPages();
    const url = server.url(ARTICLE_PATH);
    const withExtension = await launchChromium({ extension: EXTENSION });
    try {
      const page = await withExtension.newPage();
      await page.goto(url);
      await waitUntil(
        () => page.evaluate(() => document.documentElement.getAttribute('data-quotelens') === 'ready'),
        'data-quotelens="ready"',
      );
      await new Promise((r) => setTimeout(r, 1000)); // room for anything late
      const served = server.requests.map((r) => `${r.method} ${r.path}`);
      const seen = networkRequests(withExtension.requests);

      const bare = await plainChromium();
      const from = bare.requests.length;
      const servedFrom = server.requests.length;
      const barePage = await bare.newPage();
      await barePage.goto(url);
      await new Promise((r) => setTimeout(r, 1000));
      await barePage.close();
      const baseline = networkRequests(bare.requests.slice(from));
      const servedBaseline = server.requests.slice(servedFrom).map((r) => `${r.method} ${r.path}`);

      // Not vacuous: the recorder does see the page's own request.
      expect(seen).toContain(`GET ${url}`);
      expect(seen).toEqual(baseline);
      expect(
        seen.every((r) => r.includes(server.origin)),
        seen.join('\n'),
      ).toBe(true);
      expect(served).toEqual(servedBaseline);
    } finally {
      await withExtension.close();
      await server.close();
    }
  });
});

if (!hasShared(...SEED_PARTS, 'article.html'))
  console.warn(`[chrome] network test ${missingSharedMessage(...SEED_PARTS)}`);
