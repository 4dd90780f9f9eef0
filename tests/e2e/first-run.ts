// The newcomer's path, in each browser: the first-run page opens by itself on install, says what
// gets hidden, what the colours mean, the shortcuts and that nothing leaves the browser, works from
// the keyboard, and has no axe violations in light and dark mode; the options page lists the
// shortcuts and links to the browser's page for changing them. Also writes the store screenshots
// (1280×800) and the 440×280 tile from our own reference page, so they need no ../shared.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  type ExtensionBrowser,
  FIRST_RUN_PATH,
  type LaunchOptions,
  OPTIONS_PATH,
  type TestPage,
  waitUntil,
} from './helpers/driver';
import { type StaticServer, serveFiles } from './helpers/server';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const AXE_SOURCE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENSHOTS = resolve(REPO_ROOT, process.env.QUOTELENS_SCREENSHOTS ?? 'artifacts/e2e-screenshots');
/** `npm run screenshots` points this at store/screenshots; otherwise they go next to the others. */
const STORE_SHOTS = resolve(REPO_ROOT, process.env.QUOTELENS_STORE_SHOTS ?? 'artifacts/e2e-screenshots/store');

/** The size both stores accept for screenshots (Chrome: 1280×800 or 640×400). */
export const STORE_SCREENSHOT = { width: 1280, height: 800 } as const;
/** Chrome Web Store's small promo tile. */
export const STORE_TILE = { width: 440, height: 280 } as const;

const REFERENCE_PATH = '/reference-article.html';
const TILE_PATH = '/tile.html';
const TILE_ICON_PATH = '/icon-128.png';
const FRAME_PATH = '/frame.html';
/** The commands of manifest.json, popup first (the order the lists show). */
const COMMANDS = ['_execute_action', 'toggle-site', 'toggle-highlights', 'toggle-focus'];

interface Listed {
  name: string;
  keys: string;
  description: string;
}

function readShortcuts(): Listed[] {
  return [...document.querySelectorAll('.shortcut')].map((el) => ({
    name: el.getAttribute('data-command') ?? '',
    keys: [...el.querySelectorAll('kbd')].map((k) => k.textContent ?? '').join('+'),
    description: (el.querySelector('dd')?.textContent ?? '').trim(),
  }));
}

interface FirstRunView {
  title: string;
  headings: string[];
  kinds: string[];
  samples: number;
  privacy: string;
}

function readFirstRun(): FirstRunView {
  const text = (el: Element | null) => (el?.textContent ?? '').trim();
  return {
    title: text(document.querySelector('h1')),
    headings: [...document.querySelectorAll('h2')].map(text),
    kinds: [...document.querySelectorAll('.kinds li')].map((li) => li.getAttribute('data-kind') ?? ''),
    samples: document.querySelectorAll('.samples q').length,
    privacy: text(document.querySelector('section[aria-labelledby="fr-privacy"] p')),
  };
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
}

async function runAxe(): Promise<AxeViolation[]> {
  interface AxeResult {
    violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
  }
  const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }).axe;
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function axeViolations(page: TestPage): Promise<string> {
  await page.evaluateSource(readFileSync(AXE_SOURCE_PATH, 'utf8'));
  const violations = await page.evaluate(runAxe);
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.join(', ')}`).join('\n');
}

/** What has the keyboard focus: its data-action, or its tag and text. */
function focused(): string {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  return el.getAttribute('data-action') ?? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`;
}

/** Tabs through the page from the top; returns each stop. */
async function tabStops(page: TestPage, max: number): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.press('Tab');
    stops.push(await page.evaluate(focused));
  }
  return stops;
}

function shot(name: BrowserName, what: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return resolve(SCREENSHOTS, `${name}-${what}.png`);
}

function storeShot(file: string): string {
  mkdirSync(STORE_SHOTS, { recursive: true });
  return resolve(STORE_SHOTS, file);
}

/** Width and height from a PNG's header. */
export function pngSize(path: string): { width: number; height: number } {
  const head = readFileSync(path).subarray(0, 24);
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

export interface FirstRunSuiteOptions {
  name: BrowserName;
  extension: string;
  launch: (options: LaunchOptions) => Promise<ExtensionBrowser>;
}

export function firstRunSuite(options: FirstRunSuiteOptions): void {
  const { name } = options;
  describe(`${name}: a newcomer's first minutes`, () => {
    let browser: ExtensionBrowser;
    let server: StaticServer;
    let welcome: TestPage;

    beforeAll(async () => {
      server = await serveFiles({
        [REFERENCE_PATH]: resolve(REPO_ROOT, 'tests/fixtures/reference-article/source.html'),
        [TILE_PATH]: resolve(REPO_ROOT, 'store/tile.html'),
        [TILE_ICON_PATH]: resolve(REPO_ROOT, 'public/icons/icon-128.png'),
        [FRAME_PATH]: resolve(REPO_ROOT, 'store/frame.html'),
      });
      browser = await options.launch({ extension: options.extension });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    describe(`${name}: first run`, () => {
      it('opens the first-run page by itself on install', async () => {
        welcome = await browser.findExtensionPage(FIRST_RUN_PATH);
        await welcome.setViewport(STORE_SCREENSHOT.width, STORE_SCREENSHOT.height);
        const view = await waitUntil(async () => {
          const v = await welcome.evaluate(readFirstRun);
          return v.title ? v : null;
        }, 'the first-run page to render');
        expect(view.title).toBe('Quotelens is ready');
        expect(view.headings).toEqual([
          'What gets hidden',
          'What the colours mean',
          'Keyboard shortcuts',
          'Nothing leaves your browser',
        ]);
        expect(view.kinds).toEqual([
          'ad',
          'trending',
          'related',
          'social',
          'newsletter',
          'cookie',
          'promo',
          'comments',
        ]);
        expect(view.samples).toBe(4);
        expect(view.privacy).toContain('makes no network requests');
        await welcome.screenshot(shot(name, 'first-run'), { fullPage: true });
        if (name === 'chrome') await welcome.screenshot(storeShot('3-first-run.png'));
      });

      it('lists the four shortcuts with their keys', async () => {
        const listed = await welcome.evaluate(readShortcuts);
        expect(listed.map((s) => s.name)).toEqual(COMMANDS);
        expect(listed.map((s) => s.keys)).toEqual(['Alt+Shift+L', 'Alt+Shift+O', 'Alt+Shift+Q', 'Alt+Shift+F']);
        for (const s of listed) expect(s.description, s.name).not.toBe('');
        expect(listed[0]!.description).toBe('Open the Quotelens popup');
      });

      it('works from the keyboard: Tab reaches both buttons, Enter on "Open the options" opens them', async () => {
        await welcome.bringToFront();
        const stops = await tabStops(welcome, 2);
        expect(stops).toEqual(['change-shortcuts', 'open-options']);
        await welcome.press('Enter');
        const options = await browser.findExtensionPage(OPTIONS_PATH);
        await waitUntil(
          () => options.evaluate(() => document.querySelectorAll('.shortcut').length > 0),
          'the options page to list the shortcuts',
        );
        await options.close();
      });

      it('has no axe-core violations', async () => {
        expect(await axeViolations(welcome)).toBe('');
      });

      it('looks right in dark mode, with no axe-core violations', async () => {
        const dark = await options.launch({ extension: options.extension, dark: true });
        try {
          const page = await dark.findExtensionPage(FIRST_RUN_PATH);
          await page.setViewport(STORE_SCREENSHOT.width, STORE_SCREENSHOT.height);
          await waitUntil(
            () => page.evaluate(() => document.querySelectorAll('.shortcut').length > 0),
            'the shortcuts',
          );
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
          await page.screenshot(shot(name, 'first-run-dark'), { fullPage: true });
          expect(await axeViolations(page)).toBe('');
        } finally {
          await dark.close();
        }
      });
    });

    describe(`${name}: the options page's shortcuts`, () => {
      let optionsPage: TestPage;

      beforeAll(async () => {
        const article = await browser.newPage();
        await article.goto(server.url(REFERENCE_PATH));
        optionsPage = await browser.openExtensionPage(article, OPTIONS_PATH);
        await waitUntil(
          () => optionsPage.evaluate(() => document.querySelectorAll('.shortcut').length > 0),
          'the options page to list the shortcuts',
        );
      });

      it('lists the shortcuts, the popup first, and links to the first-run page', async () => {
        const listed = await optionsPage.evaluate(readShortcuts);
        expect(listed.map((s) => s.name)).toEqual(COMMANDS);
        expect(listed.every((s) => /^Alt\+Shift\+[A-Z]$/.test(s.keys))).toBe(true);
        const link = await optionsPage.evaluate(
          () => (document.querySelector('a[data-action="first-run"]') as HTMLAnchorElement | null)?.href ?? '',
        );
        expect(link).toMatch(/\/src\/first-run\/index\.html$/);
        await optionsPage.setViewport(900, 1200);
        await optionsPage.screenshot(shot(name, 'options-shortcuts'), { fullPage: true });
      });

      it('has no axe-core violations', async () => {
        expect(await axeViolations(optionsPage)).toBe('');
      });

      it('"Change shortcuts" opens the browser\'s shortcut settings', async () => {
        const before = await browser.tabUrls();
        await optionsPage.click('button[data-action="change-shortcuts"]');
        const want = name === 'chrome' ? 'chrome://extensions/shortcuts' : 'about:addons';
        const opened = await waitUntil(async () => {
          const urls = await browser.tabUrls();
          return urls.filter((u) => u.startsWith(want)).length > before.filter((u) => u.startsWith(want)).length
            ? urls
            : null;
        }, `a tab with ${want}`);
        expect(opened.some((u) => u.startsWith(want))).toBe(true);
      });
    });

    describe.runIf(name === 'chrome')(`${name}: store screenshots and tile`, () => {
      it('writes 1280×800 screenshots of our reference article and its popup, and the 440×280 tile', async () => {
        const page = await browser.newPage();
        await page.setViewport(STORE_SCREENSHOT.width, STORE_SCREENSHOT.height);
        await page.goto(server.url(REFERENCE_PATH));
        await waitUntil(
          () => page.evaluate(() => document.documentElement.getAttribute('data-quotelens') === 'ready'),
          'the reference article to be ready',
        );
        const articleShot = storeShot('1-article.png');
        await page.screenshot(articleShot);

        // The popup beside the article it describes, as the reader sees the two together.
        const popup = await browser.openPopup(page);
        await waitUntil(
          () => popup.evaluate(() => document.querySelectorAll('li.card').length > 0),
          'the popup to list the speaker',
        );
        await popup.setViewport(400, 720);
        // A working file, not a screenshot to keep: always under artifacts/.
        mkdirSync(resolve(REPO_ROOT, 'artifacts'), { recursive: true });
        const popupShot = resolve(REPO_ROOT, 'artifacts/store-popup-part.png');
        await popup.screenshot(popupShot);
        await popup.close();
        const composite = await browser.newPage();
        await composite.setViewport(STORE_SCREENSHOT.width, STORE_SCREENSHOT.height);
        await composite.goto(server.url(FRAME_PATH));
        await composite.evaluate(
          ({ article, popupPng }) => {
            const set = (id: string, png: string) => {
              const img = document.getElementById(id) as HTMLImageElement;
              img.src = `data:image/png;base64,${png}`;
              return img.decode();
            };
            return Promise.all([set('article', article), set('popup', popupPng)]).then(() => true);
          },
          {
            article: readFileSync(articleShot).toString('base64'),
            popupPng: readFileSync(popupShot).toString('base64'),
          },
        );
        await composite.screenshot(storeShot('2-popup.png'));
        await composite.close();

        const tile = await browser.newPage();
        await tile.setViewport(STORE_TILE.width, STORE_TILE.height);
        await tile.goto(server.url(TILE_PATH));
        await tile.evaluate(() => document.fonts.ready.then(() => true));
        await tile.screenshot(storeShot('tile-440x280.png'));
        await tile.close();
        await page.close();

        for (const file of ['1-article.png', '2-popup.png', '3-first-run.png'])
          expect(pngSize(storeShot(file)), file).toEqual(STORE_SCREENSHOT);
        expect(pngSize(storeShot('tile-440x280.png'))).toEqual(STORE_TILE);
      });
    });
  });
}
