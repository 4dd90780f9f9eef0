// The quote library end to end in headless Chromium (playwright-core).
import { resolve } from 'node:path';
import { launchChromium } from './helpers/chromium';
import { librarySuite } from './library-suite';
import { REPO_ROOT } from './suite';

librarySuite({ name: 'chrome', extension: resolve(REPO_ROOT, 'dist/e2e/chrome'), launch: launchChromium });
