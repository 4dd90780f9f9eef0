// Living pages in headless Firefox ESR (living-suite.ts): the add-on removed and installed again
// with an article open (what an update does to open tabs).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExtensionBrowser } from './helpers/driver';
import { type FirefoxBrowser, launchFirefox } from './helpers/firefox';
import { livingSuite } from './living-suite';
import { REPO_ROOT } from './suite';

const EXTENSION = resolve(REPO_ROOT, 'dist/e2e/firefox');
const ADDON_ID = (
  JSON.parse(readFileSync(resolve(EXTENSION, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  }
).browser_specific_settings.gecko.id;

livingSuite({
  name: 'firefox',
  extension: EXTENSION,
  launch: launchFirefox,
  takeAway: async (b: ExtensionBrowser) => {
    await (b as FirefoxBrowser).browser.uninstallExtension(ADDON_ID);
  },
  bringBack: async (b: ExtensionBrowser) => {
    await (b as FirefoxBrowser).browser.installExtension(EXTENSION);
  },
});
