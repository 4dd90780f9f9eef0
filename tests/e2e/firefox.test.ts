// The e2e suite in headless Firefox ESR (puppeteer-core over WebDriver BiDi).
import { resolve } from 'node:path';
import { afterAll } from 'vitest';
import { firstRunSuite } from './first-run';
import type { ExtensionBrowser } from './helpers/driver';
import { launchFirefox } from './helpers/firefox';
import { extensionSuite, pristineFrom, REPO_ROOT } from './suite';

const EXTENSION = resolve(REPO_ROOT, 'dist/e2e/firefox');

let plain: ExtensionBrowser | undefined;
afterAll(async () => {
  await plain?.close();
});

const pristine = pristineFrom(async () => (plain ??= await launchFirefox()));

extensionSuite({ name: 'firefox', extension: EXTENSION, launch: launchFirefox, pristine });
firstRunSuite({ name: 'firefox', extension: EXTENSION, launch: launchFirefox });
