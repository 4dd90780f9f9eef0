// The e2e suite in headless Firefox ESR (puppeteer-core over WebDriver BiDi).
import { resolve } from 'node:path';
import { afterAll } from 'vitest';
import type { ExtensionBrowser } from './helpers/driver';
import { launchFirefox } from './helpers/firefox';
import { extensionSuite, type Pristine, REPO_ROOT } from './suite';

const EXTENSION = resolve(REPO_ROOT, 'dist/e2e/firefox');

let plain: ExtensionBrowser | undefined;
afterAll(async () => {
  await plain?.close();
});

async function pristine(url: string): Promise<Pristine> {
  plain ??= await launchFirefox();
  const page = await plain.newPage();
  await page.goto(url);
  const result = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    body: document.body.outerHTML,
  }));
  await page.close();
  return result;
}

extensionSuite({ name: 'firefox', extension: EXTENSION, launch: launchFirefox, pristine });
