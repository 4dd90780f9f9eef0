// The quote library end to end in headless Firefox ESR (puppeteer-core over WebDriver BiDi).
import { resolve } from 'node:path';
import { launchFirefox } from './helpers/firefox';
import { librarySuite } from './library-suite';
import { REPO_ROOT } from './suite';

librarySuite({ name: 'firefox', extension: resolve(REPO_ROOT, 'dist/e2e/firefox'), launch: launchFirefox });
