// npm run demo: Quotelens working on the reference pages, no toolbar needed. Builds dist/chrome if
// needed, serves our own reference page (tests/fixtures/reference-article) and, when ../shared is
// there, the seed article on 127.0.0.1, opens them in headless Chromium with the extension, prints
// who said what and what was hidden, and writes screenshots to artifacts/demo/. The first-run page
// the extension opens on install is saved too. Saved pages of your own come after the flags:
//   npm run demo -- [FILE.html ...]     each shown the same way (a page that is not an article
//                                        is said to be one, and the demo goes on)
//   npm run demo -- --comfort [FILE ...] also turns focus mode on from the popup with reader
//                                        comfort (dark, 120% text, medium width) and saves
//                                        <name>-focus-comfort.png and <name>-popup-comfort.png
//   npm run demo -- --browser firefox    the same in Firefox ESR, with the e2e build (its popup
//                                        opens as a tab through the e2e DOM hook; no dark popup
//                                        shot: Firefox takes the theme at launch)
import { mkdirSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { ensureBuilt, REPO_ROOT } from '../tests/e2e/helpers/build';
import { type ChromiumBrowser, launchChromium, wrapPlaywrightPage } from '../tests/e2e/helpers/chromium';
import {
  type BrowserName,
  browserExecutable,
  type ExtensionBrowser,
  FIRST_RUN_PATH,
  POPUP_PATH,
  type TestPage,
  waitUntil,
} from '../tests/e2e/helpers/driver';
import { ARTICLE_FILE, SEED_PARTS } from '../tests/e2e/helpers/expected';
import { launchFirefox } from '../tests/e2e/helpers/firefox';
import { serveFiles } from '../tests/e2e/helpers/server';
import { hasShared, missingSharedMessage } from '../tests/shared-data';

/** Chromium takes the release build (its popup opens at chrome-extension://…?tabId=N); Firefox the e2e build. */
const EXTENSION: Record<BrowserName, string> = {
  chrome: resolve(REPO_ROOT, 'dist/chrome'),
  firefox: resolve(REPO_ROOT, 'dist/e2e/firefox'),
};
const OUT_DIR = resolve(REPO_ROOT, 'artifacts/demo');
/** Our own reference page: always there, so the demo runs on a fresh clone without ../shared. */
const OWN_ARTICLE_FILE = resolve(REPO_ROOT, 'tests/fixtures/reference-article/source.html');

interface DemoPage {
  /** Name of the screenshots: <name>-page.png, <name>-popup.png, <name>-popup-dark.png. */
  name: string;
  path: string;
  file: string;
  what: string;
  /** A page the reader passed: it may be no article at all. */
  own?: boolean;
}

interface Card {
  name: string;
  role: string | null;
  count: string;
  quotes: string[];
}

interface HiddenBlock {
  kind: string;
  text: string;
}

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Runs in the popup: its speaker cards, as a reader sees them. */
function readCards(): { state: string | null; cards: Card[] } {
  const text = (el: Element | null) => (el ? (el.textContent ?? '').trim() : null);
  return {
    state: document.querySelector('main')?.getAttribute('data-popup-state') ?? null,
    cards: [...document.querySelectorAll('li.card')].map((li) => ({
      name: text(li.querySelector('.name')) ?? '',
      role: text(li.querySelector('.role')),
      count: text(li.querySelector('.count')) ?? '',
      quotes: [...li.querySelectorAll('button.quote')].map((b) => (b.textContent ?? '').trim()),
    })),
  };
}

/** Runs in the page: the blocks Quotelens hid, by kind, with the start of their text. */
function readHidden(): HiddenBlock[] {
  return [...document.querySelectorAll('[data-quotelens-hidden]')].map((el) => {
    const words: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) words.push(n.nodeValue ?? '');
    const text = words.join(' ').replace(/\s+/g, ' ').trim();
    return {
      kind: el.getAttribute('data-quotelens-hidden') ?? '',
      text: text.length > 70 ? `${text.slice(0, 69)}…` : text,
    };
  });
}

/** The popup for the article's tab, and (Chromium) a way to show it in dark mode. */
interface OpenPopup {
  popup: TestPage;
  dark?: () => Promise<void>;
  close(): Promise<void>;
}

/** How the demo drives one browser. */
interface DemoBrowser {
  name: BrowserName;
  page: TestPage;
  openPopup(): Promise<OpenPopup>;
  close(): Promise<void>;
}

async function chromiumDemo(log: (line: string) => void): Promise<DemoBrowser> {
  ensureBuilt('build', ['dist/chrome/manifest.json'], log);
  const browser = await launchChromium({ extension: EXTENSION.chrome });
  const agent = String(await browser.context.serviceWorkers()[0]?.evaluate('navigator.userAgent'));
  log(`Chromium ${/Chrome\/(\d+)/.exec(agent)?.[1] ?? 'unknown version'} (${browserExecutable('chrome')})`);
  const welcome = await firstRunPage(browser);
  log(welcome ? 'First-run page: opened by itself on install' : 'First-run page: did not open (already installed?)');
  // The persistent context starts with one blank tab: use it, so the article is the active tab.
  const first = browser.context.pages()[0] ?? (await browser.context.newPage());
  return {
    name: 'chrome',
    page: wrapPlaywrightPage(first),
    async openPopup() {
      const { raw, popup } = await openPopupFor(browser);
      return { popup, dark: () => raw.emulateMedia({ colorScheme: 'dark' }), close: () => raw.close() };
    },
    close: () => browser.close(),
  };
}

async function firefoxDemo(log: (line: string) => void): Promise<DemoBrowser> {
  ensureBuilt('build:e2e', ['dist/e2e/firefox/manifest.json'], log);
  const browser: ExtensionBrowser = await launchFirefox({ extension: EXTENSION.firefox, offline: true });
  log(`Firefox ESR (${browserExecutable('firefox')})`);
  const page = await browser.newPage();
  return {
    name: 'firefox',
    page,
    async openPopup() {
      const popup = await browser.openPopup(page);
      return { popup, close: () => popup.close() };
    },
    close: () => browser.close(),
  };
}

async function openPopupFor(browser: ChromiumBrowser): Promise<{ raw: Page; popup: TestPage }> {
  // The popup accepts ?tabId=N; the service worker knows the article's tab (the only one active).
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('the extension service worker is not running');
  const [tabId] = (await worker.evaluate(
    'chrome.tabs.query({ active: true }).then((t) => t.map((x) => x.id))',
  )) as number[];
  if (tabId === undefined) throw new Error('no active tab found for the article');
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 720 });
  await page.goto(`chrome-extension://${browser.extensionId}/${POPUP_PATH}?tabId=${tabId}`);
  return { raw: page, popup: wrapPlaywrightPage(page) };
}

async function expandCards(popup: TestPage): Promise<void> {
  const more = 'li.card button.more[aria-expanded="false"]';
  const n = await popup.evaluate((sel) => document.querySelectorAll(sel).length, more);
  for (let i = 0; i < n; i++) await popup.click(more);
  await popup.parkPointer();
}

/** Opens one page in the article tab, prints its results, and writes its screenshots. */
async function demoPage(browser: DemoBrowser, url: string, demo: DemoPage, comfort: boolean): Promise<string[]> {
  const { page } = browser;
  await page.goto(url);
  const hooks = await waitUntil(async () => {
    const h = await page.evaluate(() => ({
      state: document.documentElement.getAttribute('data-quotelens'),
      quotes: document.documentElement.getAttribute('data-quotelens-quotes'),
      ms: document.documentElement.getAttribute('data-quotelens-ms'),
    }));
    return h.state && h.state !== 'loading' ? h : null;
  }, 'the page to be analysed');
  say();
  say(`== ${demo.what}: ${url}`);
  say(`Page: ${hooks.state} · ${hooks.quotes ?? 0} quotes highlighted · ${hooks.ms ?? '?'} ms of main-thread work`);
  if (hooks.state !== 'ready') {
    if (!demo.own) throw new Error(`the page was not analysed as an article (data-quotelens="${hooks.state}")`);
    say('Not taken for an article: nothing hidden, nothing highlighted (the popup offers "Run anyway").');
    return [];
  }
  const files = [`${demo.name}-page.png`, `${demo.name}-popup.png`];
  await page.screenshot(resolve(OUT_DIR, files[0]!), { fullPage: true });

  const opened = await browser.openPopup();
  const { popup } = opened;
  const view = await waitUntil(async () => {
    const v = await popup.evaluate(readCards);
    return v.state && v.state !== 'loading' ? v : null;
  }, 'the popup to load');
  await expandCards(popup);
  const { cards } = await popup.evaluate(readCards);
  say();
  say(`Who said what (popup: ${view.state})`);
  if (cards.length === 0) say('  (no quotes)');
  for (const card of cards) {
    say(`  ${[card.name, card.role, card.count].filter(Boolean).join(' · ')}`);
    for (const q of card.quotes) say(`      ${q}`);
  }

  const hidden = await page.evaluate(readHidden);
  say();
  say(`Hidden clutter (${hidden.length} blocks)`);
  const kinds = new Map<string, HiddenBlock[]>();
  for (const h of hidden) kinds.set(h.kind, [...(kinds.get(h.kind) ?? []), h]);
  for (const [kind, blocks] of kinds) {
    say(`  ${kind} (${blocks.length})`);
    for (const b of blocks) say(`      ${b.text}`);
  }

  await popup.screenshot(resolve(OUT_DIR, files[1]!), { fullPage: true });
  if (opened.dark) {
    await opened.dark();
    files.push(`${demo.name}-popup-dark.png`);
    await popup.screenshot(resolve(OUT_DIR, files[2]!), { fullPage: true });
  }
  if (comfort) files.push(...(await demoComfort(page, popup, demo)));
  await opened.close();
  return files;
}

/** Focus mode with reader comfort from the popup's controls, then the page's own again. */
async function demoComfort(page: TestPage, popup: TestPage, demo: DemoPage): Promise<string[]> {
  const focusSwitch = 'section.switches label.switch:nth-of-type(4)';
  await popup.click(focusSwitch);
  await waitUntil(
    () => popup.evaluate(() => document.querySelector('[data-comfort]') !== null || null),
    'the comfort controls',
  );
  await popup.click('label.comfort-theme:has([data-comfort-theme="dark"])');
  for (let i = 0; i < 2; i++) await popup.click('[data-action="comfort-larger"]');
  await popup.evaluate(() => {
    const width = document.querySelector<HTMLSelectElement>('select[data-comfort="width"]')!;
    width.value = 'medium';
    width.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const minutes = await popup.evaluate(() => document.querySelector('[data-reading-minutes]')?.textContent ?? null);
  await waitUntil(
    () => page.evaluate(() => (getComputedStyle(document.body).backgroundColor === 'rgb(27, 27, 31)' ? true : null)),
    'the dark theme on the page',
  );
  await popup.parkPointer();
  const files = [`${demo.name}-focus-comfort.png`, `${demo.name}-popup-comfort.png`];
  await page.screenshot(resolve(OUT_DIR, files[0]!));
  await popup.screenshot(resolve(OUT_DIR, files[1]!), { fullPage: true });
  say();
  say(`Focus mode with reader comfort (dark, 120%, medium width)${minutes ? `; the popup says ${minutes}` : ''}`);
  await popup.click('[data-action="comfort-reset"]');
  await popup.click(focusSwitch);
  return files;
}

/** The tab the extension opens on install: saved, then closed so the article tab is the active one. */
async function firstRunPage(browser: ChromiumBrowser): Promise<string | null> {
  const url = `chrome-extension://${browser.extensionId}/${FIRST_RUN_PATH}`;
  const tab = await waitUntil(
    async () => browser.context.pages().find((p) => p.url().startsWith(url)),
    'the first-run page',
    5_000,
  ).catch(() => null);
  if (!tab) return null;
  await tab.waitForLoadState('load');
  await tab.screenshot({ path: resolve(OUT_DIR, 'first-run.png'), fullPage: true });
  await tab.close();
  return 'first-run.png';
}

async function main(): Promise<void> {
  const pages: DemoPage[] = [
    { name: 'reference', path: '/reference-article.html', file: OWN_ARTICLE_FILE, what: 'Our reference article' },
  ];
  if (hasShared(...SEED_PARTS, 'article.html'))
    pages.push({ name: 'seed', path: '/article.html', file: ARTICLE_FILE, what: 'The seed article (../shared)' });
  else say(`demo: seed article ${missingSharedMessage(...SEED_PARTS, 'article.html')}; showing our own page only`);
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { comfort: { type: 'boolean', default: false }, browser: { type: 'string', default: 'chrome' } },
  });
  if (values.browser !== 'chrome' && values.browser !== 'firefox') throw new Error('--browser takes chrome or firefox');
  const target: BrowserName = values.browser;
  for (const [i, file] of positionals.entries()) {
    // Named after the file, or its folder for the corpora's <slug>/source.html.
    const stem = basename(file) === 'source.html' ? basename(dirname(file)) : basename(file, '.html');
    const name = `page-${i + 1}-${stem.replace(/[^\w.-]+/g, '_')}`;
    pages.push({ name, path: `/${name}.html`, file: resolve(file), what: `Your page ${file}`, own: true });
  }
  // Screenshots are named per browser in Firefox, so a run in each keeps both sets.
  if (target === 'firefox') for (const p of pages) p.name = `firefox-${p.name}`;
  mkdirSync(OUT_DIR, { recursive: true });

  const server = await serveFiles(Object.fromEntries(pages.map((p) => [p.path, p.file])));
  const log = (line: string) => say(`demo: ${line}`);
  const browser = target === 'firefox' ? await firefoxDemo(log) : await chromiumDemo(log);
  try {
    say(`Quotelens demo with ${relative(REPO_ROOT, EXTENSION[target])}`);
    const files: string[] = [];
    for (const demo of pages) files.push(...(await demoPage(browser, server.url(demo.path), demo, values.comfort)));
    say();
    say(`Screenshots: ${files.map((f) => relative(REPO_ROOT, resolve(OUT_DIR, f))).join(', ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
