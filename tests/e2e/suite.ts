// The end-to-end suite, run once per browser (chromium.test.ts, firefox.test.ts): the e2e build
// loaded in a real browser, the reference page served on 127.0.0.1, the popup opened as a tab.
// Tests in a describe block share one browser and run in order (the popup test needs the page).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, missingSharedMessage, sharedPath } from '../shared-data';
import {
  type BrowserName,
  type ExtensionBrowser,
  type LaunchOptions,
  OPTIONS_PATH,
  type TestPage,
  waitUntil,
} from './helpers/driver';
import { ARTICLE_FILE, type Expected, normaliseQuote, readExpected, SEED_PARTS } from './helpers/expected';
import { type StaticServer, serveFiles } from './helpers/server';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Screenshots go to artifacts/ (git-ignored); `npm run screenshots` writes the README's copies.
export const SCREENSHOTS = resolve(REPO_ROOT, process.env.QUOTELENS_SCREENSHOTS ?? 'artifacts/e2e-screenshots');
export const SECTION_FRONT_FILE = resolve(REPO_ROOT, 'tests/fixtures-e2e/section-front.html');
const AXE_SOURCE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const ARTICLE_PATH = '/article.html';
export const SECTION_PATH = '/section-front.html';
/** Our own article served with a strict CSP and no script allowed: shadow DOM, an iframe and a late ad are added by the test. */
export const HOSTILE_PATH = '/hostile-article.html';
export const HOSTILE_FILE = resolve(REPO_ROOT, 'tests/fixtures-e2e/hostile-article.html');
/** Our German fixture: the background engine attributes it with the German word lists. */
export const GERMAN_PATH = '/de-zeitung.html';
export const GERMAN_FILE = resolve(REPO_ROOT, 'tests/fixtures/de-zeitung/source.html');
/** Real non-article pages from ../shared (issue 15): served from there at test time, never copied. */
export const NONARTICLE_PARTS = ['pages', 'nonarticles'];
/**
 * Real non-article pages and the kind the popup names for each. 072 is one the content script's
 * first look settles from its metadata alone (firstLook's `settle`): its kind is weighed only when
 * the popup asks.
 */
export const NONARTICLE_PAGES = { product: '001.html', forum: '023.html', 'settled-early': '072.html' } as const;
const NONARTICLE_KIND_TEXT: Record<keyof typeof NONARTICLE_PAGES, string> = {
  product: "a shop's product page",
  forum: 'a forum or a discussion',
  'settled-early': "a shop's product page",
};
/** Our own article for hand corrections: a "Trending" rail we hide, a club box we do not. */
export const CORRECTIONS_PATH = '/corrections-article.html';
export const CORRECTIONS_FILE = resolve(REPO_ROOT, 'tests/fixtures-e2e/corrections-article.html');
const STRICT_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'";

/** Serves the reference page (when ../shared has it) and our own section front. */
export function serveTestPages(): Promise<StaticServer> {
  const files: Record<string, string> = {
    [SECTION_PATH]: SECTION_FRONT_FILE,
    [HOSTILE_PATH]: HOSTILE_FILE,
    [GERMAN_PATH]: GERMAN_FILE,
    [CORRECTIONS_PATH]: CORRECTIONS_FILE,
  };
  if (hasShared(...SEED_PARTS, 'article.html')) files[ARTICLE_PATH] = ARTICLE_FILE;
  for (const file of Object.values(NONARTICLE_PAGES))
    if (hasShared(...NONARTICLE_PARTS, file)) files[`/nonarticles/${file}`] = sharedPath(...NONARTICLE_PARTS, file);
  return serveFiles(files, { [HOSTILE_PATH]: { 'content-security-policy': STRICT_CSP } });
}

export interface Pristine {
  html: string;
  body: string;
}

/** Reads a page as it is without the extension, in a plain browser the caller launches once. */
export function pristineFrom(
  plain: () => Promise<{ newPage(): Promise<TestPage> }>,
): (url: string) => Promise<Pristine> {
  return async (url) => {
    const page = await (await plain()).newPage();
    await page.goto(url);
    const result = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      body: document.body.outerHTML,
    }));
    await page.close();
    return result;
  };
}

export interface SuiteOptions {
  name: BrowserName;
  extension: string;
  launch: (options: LaunchOptions) => Promise<ExtensionBrowser>;
  /** The page as the same browser shows it without the extension. */
  pristine: (url: string) => Promise<Pristine>;
}

/** Firefox's idle timeout for the stopped-background test (its default is 30 s). */
const BACKGROUND_IDLE_MS = 2000;

// ---- What tests read from pages (these functions run inside the browser) ----

/** The content script's wait for the engine (User Timing quotelens:engine) and what it said. */
function engineWait(page: TestPage): Promise<{ ms: number; cold: boolean } | null> {
  return page.evaluate(() => {
    const m = performance.getEntriesByName('quotelens:engine').at(-1) as PerformanceMeasure | undefined;
    const detail = m?.detail as { cold?: boolean } | undefined;
    return m ? { ms: m.duration, cold: detail?.cold === true } : null;
  });
}

/** Highlight groups registered with the CSS Custom Highlight API (one per speaker colour). */
function highlightGroups(): number {
  return (window as unknown as { CSS: { highlights?: { size: number } } }).CSS.highlights?.size ?? 0;
}

interface Hooks {
  state: string | null;
  quotes: string | null;
  ms: string | null;
}

function readHooks(): Hooks {
  const h = document.documentElement;
  return {
    state: h.getAttribute('data-quotelens'),
    quotes: h.getAttribute('data-quotelens-quotes'),
    ms: h.getAttribute('data-quotelens-ms'),
  };
}

interface ClutterFinding {
  contains: string;
  kinds: string[];
  displayed: boolean[];
  inVisibleText: boolean;
}

function findClutter(clutter: { contains: string }[]): ClutterFinding[] {
  const hidden = [...document.querySelectorAll('[data-quotelens-hidden]')];
  // innerText applies text-transform (an ad label in capitals), hence lower case on both sides.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (no display:none).
  const visible = document.body.innerText.replace(/\s+/g, ' ').toLowerCase();
  return clutter.map(({ contains }) => {
    const holding = hidden.filter((el) => (el.textContent ?? '').includes(contains));
    const outermost = holding.filter((el) => !holding.some((o) => o !== el && o.contains(el)));
    return {
      contains,
      kinds: outermost.map((el) => el.getAttribute('data-quotelens-hidden') ?? ''),
      displayed: outermost.map((el) => {
        const rect = el.getBoundingClientRect();
        return getComputedStyle(el).display !== 'none' && rect.width * rect.height > 0;
      }),
      inVisibleText: visible.includes(contains.toLowerCase()),
    };
  });
}

function visibleText(): string {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (no display:none).
  return document.body.innerText.replace(/\s+/g, ' ');
}

interface PopupCard {
  speaker: string;
  name: string;
  role: string | null;
  count: string;
  quotes: { id: string; text: string }[];
}

interface PopupView {
  state: string | null;
  title: string | null;
  cards: PopupCard[];
  hiddenKinds: Record<string, number>;
}

function readPopup(): PopupView {
  const text = (el: Element | null) => (el ? (el.textContent ?? '').trim() : null);
  const hiddenKinds: Record<string, number> = {};
  for (const li of document.querySelectorAll('li[data-kind]'))
    hiddenKinds[li.getAttribute('data-kind') ?? ''] = Number(text(li.querySelector('strong')));
  return {
    state: document.querySelector('main')?.getAttribute('data-popup-state') ?? null,
    title: text(document.querySelector('.title')),
    cards: [...document.querySelectorAll('li.card')].map((li) => ({
      speaker: li.getAttribute('data-speaker') ?? '',
      name: text(li.querySelector('.name')) ?? '',
      role: text(li.querySelector('.role')),
      count: text(li.querySelector('.count')) ?? '',
      quotes: [...li.querySelectorAll('button.quote')].map((b) => ({
        id: b.getAttribute('data-quote-id') ?? '',
        text: (b.textContent ?? '').trim(),
      })),
    })),
    hiddenKinds,
  };
}

/** Where the first occurrence of `needle` in the page's text is, relative to the viewport. */
function locateText(needle: string): { top: number; bottom: number; viewport: number; scrollY: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.nodeValue ?? '').indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const rect = range.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, viewport: window.innerHeight, scrollY: window.scrollY };
  }
  return null;
}

interface Leftovers {
  attributes: string[];
  styles: number;
  marks: number;
  highlights: number | null;
  htmlWithoutOff: string;
  body: string;
}

function readLeftovers(): Leftovers {
  const root = document.documentElement;
  const attributes: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')])
    for (const a of el.attributes)
      if (a.name.startsWith('data-quotelens')) attributes.push(`${el.tagName.toLowerCase()} ${a.name}="${a.value}"`);
  const clone = root.cloneNode(true) as Element;
  if (clone.getAttribute('data-quotelens') === 'off') clone.removeAttribute('data-quotelens');
  const registry = (window as unknown as { CSS: { highlights?: { size: number } } }).CSS.highlights;
  return {
    attributes,
    styles: [...document.querySelectorAll('style, link[rel="stylesheet"]')].filter(
      (s) => s.id.startsWith('quotelens') || (s.textContent ?? '').includes('quotelens'),
    ).length,
    marks: document.querySelectorAll('mark').length,
    highlights: registry ? registry.size : null,
    htmlWithoutOff: clone.outerHTML,
    body: document.body.outerHTML,
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

async function runAxe(): Promise<AxeViolation[]> {
  interface AxeResult {
    violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
  }
  const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }).axe;
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
  }));
}

// ---- Steps shared by several tests ----

async function waitForHooks(page: TestPage): Promise<Hooks> {
  return waitUntil(async () => {
    const hooks = await page.evaluate(readHooks);
    return hooks.state !== null && hooks.state !== 'loading' ? hooks : null;
  }, 'data-quotelens to leave "loading"');
}

/** Waits (up to `timeoutMs`) for `check`; the caller then asserts, with details, what it sees. */
async function settle(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  await waitUntil(check, 'the page to settle', timeoutMs).catch(() => undefined);
}

async function waitForPopup(popup: TestPage): Promise<PopupView> {
  return waitUntil(async () => {
    const view = await popup.evaluate(readPopup);
    return view.state !== null && view.state !== 'loading' ? view : null;
  }, 'the popup to load');
}

/** Opens every "Show all" so all of a card's quotes are buttons. */
async function expandCards(popup: TestPage): Promise<void> {
  const collapsed = await popup.evaluate(
    () => document.querySelectorAll('li.card button.more[aria-expanded="false"]').length,
  );
  for (let i = 0; i < collapsed; i++) await popup.click('li.card button.more[aria-expanded="false"]');
  await popup.parkPointer();
}

export async function axeViolations(page: TestPage): Promise<AxeViolation[]> {
  await page.evaluateSource(readFileSync(AXE_SOURCE_PATH, 'utf8'));
  return page.evaluate(runAxe);
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(', ')}`).join('\n');
}

export function shot(name: BrowserName, what: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return resolve(SCREENSHOTS, `${name}-${what}.png`);
}

/** The "On this site" switch: its label, which is what a user clicks (the checkbox is drawn over). */
const SITE_SWITCH = 'section.switches label.switch:first-of-type';

export function extensionSuite(options: SuiteOptions): void {
  const { name } = options;
  const haveArticle = hasShared(...SEED_PARTS, 'article.html') && hasShared(...SEED_PARTS, 'expected.json');
  if (!haveArticle) console.warn(`[${name}] reference page tests ${missingSharedMessage(...SEED_PARTS)}`);

  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveTestPages();
    browser = await options.launch({ extension: options.extension });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.skipIf(!haveArticle)(`${name}: the reference article`, () => {
    let expected: Expected;
    let page: TestPage;
    let popup: TestPage;

    beforeAll(async () => {
      expected = readExpected();
      page = await browser.newPage();
      await page.goto(server.url(ARTICLE_PATH));
    });

    it('marks the page ready, with the quote count and the time it took', async () => {
      const hooks = await waitForHooks(page);
      expect(hooks.state).toBe('ready');
      expect(Number(hooks.quotes)).toBeGreaterThanOrEqual(5);
      expect(hooks.ms).toMatch(/^\d+(\.\d+)?$/);
      expect(Number.isFinite(Number(hooks.ms))).toBe(true);
      await page.screenshot(shot(name, 'page'), { fullPage: true });
    });

    it('hides every clutter block of expected.json, with its kind, and it is not displayed', async () => {
      const found = await page.evaluate(findClutter, expected.clutter);
      for (const [i, c] of expected.clutter.entries()) {
        const f = found[i]!;
        const what = `clutter "${c.contains}"`;
        if (c.count !== undefined) expect(f.kinds.length, `${what}: hidden blocks`).toBe(c.count);
        else expect(f.kinds.length, `${what}: hidden blocks`).toBeGreaterThanOrEqual(1);
        for (const kind of f.kinds) expect(kind, `${what}: kind`).toBe(c.kind);
        expect(f.displayed, `${what}: displayed`).not.toContain(true);
        expect(f.inVisibleText, `${what}: still in the page's visible text`).toBe(false);
      }
    });

    it('keeps every "keep" text visible', async () => {
      const text = (await page.evaluate(visibleText)).toLowerCase();
      // innerText applies text-transform, hence the case-insensitive comparison.
      for (const keep of expected.keep) expect(text, `keep "${keep}"`).toContain(keep.toLowerCase());
    });

    it("opens the popup as a tab, ready, with the page's results", async () => {
      popup = await browser.openPopup(page);
      const view = await waitForPopup(popup);
      expect(view.state).toBe('ready');
      const title = await page.evaluate(() => document.title);
      expect(view.title).toBe(title);
      const hooks = await page.evaluate(readHooks);
      const counted = view.cards.reduce((sum, c) => sum + Number(/\d+/.exec(c.count)?.[0] ?? Number.NaN), 0);
      expect(counted, 'quotes over all cards = data-quotelens-quotes').toBe(Number(hooks.quotes));
      const onPage = await page.evaluate(() => {
        const kinds: Record<string, number> = {};
        for (const el of document.querySelectorAll('[data-quotelens-hidden]')) {
          const kind = el.getAttribute('data-quotelens-hidden') ?? '';
          kinds[kind] = (kinds[kind] ?? 0) + 1;
        }
        return kinds;
      });
      for (const [kind, n] of Object.entries(onPage)) expect(view.hiddenKinds[kind], `hidden ${kind}`).toBe(n);
      await expandCards(popup);
      await popup.screenshot(shot(name, 'popup'), { fullPage: true });
    });

    it('lists the main speaker first, with role, count and his quotes', async () => {
      const view = await popup.evaluate(readPopup);
      const speaker = expected.speakers[0]!;
      const first = view.cards[0];
      const summary = view.cards.map((c) => `${c.name} · ${c.role ?? '-'} · ${c.count}`).join(' | ');
      expect(first?.speaker, `first card (cards: ${summary})`).toBe(speaker.name);
      expect(first?.name).toBe(speaker.name);
      expect(first?.role).toBe(speaker.role);
      const n = first?.quotes.length ?? 0;
      expect(first?.count).toBe(`${n} quotes`);
      expect(n).toBeGreaterThanOrEqual(speaker.min_quotes);
      // Issue 5's proof: every quote a reader gives him is on his card ("Mark Rutte · … · 5 quotes").
      expect(n).toBe(expected.quotes.filter((x) => x.speaker === speaker.name).length);
      const cardOf = (text: string) =>
        view.cards.find((c) => c.quotes.some((q) => normaliseQuote(q.text) === normaliseQuote(text)));
      for (const q of expected.quotes.filter((x) => x.speaker === speaker.name)) {
        const card = cardOf(q.text);
        expect([q.speaker, ...(q.accept ?? [])], `speaker of “${q.text}”`).toContain(card?.speaker ?? '(not listed)');
      }
    });

    it('names no one from not_speakers as a speaker, and leaves headline quotes unattributed', async () => {
      const view = await popup.evaluate(readPopup);
      const named = view.cards.map((c) => c.speaker).filter((s) => s !== '');
      for (const who of expected.not_speakers) {
        const surname = who.split(' ').at(-1)!;
        for (const s of named) expect(s, `${who} must not be a speaker`).not.toContain(surname);
      }
      for (const h of expected.headline_quotes) {
        const card = view.cards.find((c) => c.quotes.some((q) => normaliseQuote(q.text) === normaliseQuote(h)));
        if (card) expect(card.speaker, `headline quote “${h}”`).toBe('');
      }
    });

    it('scrolls the page to a quote clicked in the popup', async () => {
      const target = expected.quotes.at(-1)!;
      const view = await popup.evaluate(readPopup);
      const button = view.cards
        .flatMap((c) => c.quotes)
        .find((q) => normaliseQuote(q.text) === normaliseQuote(target.text));
      expect(button, `a popup button for “${target.text}”`).toBeDefined();
      const needle = normaliseQuote(target.text).slice(0, 40);
      await page.evaluate(() => window.scrollTo(0, 0));
      const before = await page.evaluate(locateText, needle);
      expect(before, 'the quote is on the page').not.toBeNull();
      expect(before!.top, 'precondition: the quote starts below the fold').toBeGreaterThan(before!.viewport);
      // The toolbar popup floats over a visible page; here the page is another tab: keep it in
      // front while clicking in the popup (Firefox drops a smooth scroll asked of a hidden tab).
      await page.bringToFront();
      await popup.click(`button.quote[data-quote-id="${button!.id}"]`, { background: true });
      const after = await waitUntil(async () => {
        const at = await page.evaluate(locateText, needle);
        return at && at.scrollY > 0 && at.top >= 0 && at.bottom <= at.viewport ? at : null;
      }, 'the page to scroll the quote into view');
      expect(after.scrollY).toBeGreaterThan(0);
    });

    it('"Show hidden" reveals the hidden blocks, and hides them again', async () => {
      const shown = (f: ClutterFinding) => f.inVisibleText && f.displayed.length > 0 && !f.displayed.includes(false);
      const hidden = (f: ClutterFinding) => !f.inVisibleText && !f.displayed.includes(true);
      await popup.click('[data-action="show-hidden"]');
      await settle(async () => (await page.evaluate(findClutter, expected.clutter)).every(shown));
      for (const f of await page.evaluate(findClutter, expected.clutter))
        expect(f, `after "Show hidden": "${f.contains}" is displayed`).toSatisfy(shown);
      await popup.click('[data-action="show-hidden"]');
      await settle(async () => (await page.evaluate(findClutter, expected.clutter)).every(hidden));
      for (const f of await page.evaluate(findClutter, expected.clutter))
        expect(f, `after "Hide again": "${f.contains}" is hidden`).toSatisfy(hidden);
    });

    it('focus mode from the popup hides everything outside the article and keeps the article', async () => {
      const focusSwitch = 'section.switches label.switch:nth-of-type(4)';
      const label = await popup.evaluate((sel) => document.querySelector(sel)?.textContent?.trim() ?? '', focusSwitch);
      expect(label).toBe('Focus mode');
      await popup.click(focusSwitch);
      const outside = await waitUntil(
        () =>
          page.evaluate(() => {
            const nav = document.querySelector('nav');
            return nav && getComputedStyle(nav).display === 'none'
              ? document.querySelectorAll('[data-quotelens-hidden="other"]').length
              : null;
          }),
        'the navigation to be hidden in focus mode',
      );
      expect(outside).toBeGreaterThan(0);
      // biome-ignore lint/performance/useDomNodeTextContent: innerText is the text a reader sees
      const text = await page.evaluate(() => document.body.innerText);
      for (const keep of expected.keep) expect(text, `keep text “${keep}”`).toContain(keep);
      // Focus mode reads the page again, sliced, and the engine answers after the hiding: wait for it.
      const quotes = await waitUntil(async () => {
        const n = Number((await page.evaluate(readHooks)).quotes);
        return n >= 5 ? n : null;
      }, 'the quotes highlighted again in focus mode');
      expect(quotes).toBeGreaterThanOrEqual(5);
      // Reader comfort, from the popup's controls in focus mode: a dark theme and larger text over
      // the page's own DOM (the comfort chunk, fetched now), undone with focus mode.
      const comfortOf = () => {
        const root = document.querySelector('[data-quotelens-comfort]');
        return {
          marked: document.querySelectorAll('[data-quotelens-comfort]').length,
          body: getComputedStyle(document.body).backgroundColor,
          zoom: root ? getComputedStyle(root).zoom : null,
          sheet: document.getElementById('quotelens-comfort') !== null,
        };
      };
      // The popup fetches the controls' chunk once it hears focus mode is on (it may still be polling
      // the re-read): wait for them as a reader would, then use them.
      await waitUntil(
        () => popup.evaluate(() => (document.querySelector('[data-comfort-theme="dark"]') ? true : null)),
        "the popup's reader comfort controls",
      );
      await popup.click('label.comfort-theme:has([data-comfort-theme="dark"])');
      await popup.click('[data-action="comfort-larger"]');
      const dark = await waitUntil(async () => {
        const c = await page.evaluate(comfortOf);
        return c.body === 'rgb(27, 27, 31)' && c.zoom === '1.1' ? c : null;
      }, 'the dark theme and 110% text in focus mode');
      expect(dark.marked).toBe(1);
      await page.screenshot(shot(name, 'focus-dark'));
      await popup.screenshot(shot(name, 'popup-comfort'), { fullPage: true });
      await popup.click('[data-action="comfort-reset"]');
      await waitUntil(async () => ((await page.evaluate(comfortOf)).sheet ? null : true), 'comfort reset');
      await popup.click('label.comfort-theme:has([data-comfort-theme="sepia"])');
      await waitUntil(async () => ((await page.evaluate(comfortOf)).sheet ? true : null), 'the sepia theme');
      await popup.click(focusSwitch);
      await waitUntil(
        () => page.evaluate(() => (document.querySelector('[data-quotelens-hidden="other"]') ? null : true)),
        'focus mode to be undone',
      );
      const after = await page.evaluate(comfortOf);
      expect(after).toMatchObject({ marked: 0, sheet: false });
      // The choice stays stored for the next focus-mode page; the page's own again for the next tests.
      await popup.click(focusSwitch);
      await waitUntil(async () => ((await page.evaluate(comfortOf)).sheet ? true : null), 'sepia kept');
      await popup.click('[data-action="comfort-reset"]');
      await popup.click(focusSwitch);
      await waitUntil(
        () => page.evaluate(() => (document.querySelector('[data-quotelens-hidden="other"]') ? null : true)),
        'focus mode to be undone again',
      );
    });

    it('restores the page exactly when switched off for the site, and runs again when switched on', async () => {
      const pristine = await options.pristine(server.url(ARTICLE_PATH));
      const label = await popup.evaluate(
        () => document.querySelector('section.switches label.switch:first-of-type > span')?.textContent ?? '',
      );
      expect(label).toBe('On this site');
      await popup.click(SITE_SWITCH);
      await waitUntil(async () => (await page.evaluate(readHooks)).state === 'off', 'data-quotelens="off"');
      const left = await page.evaluate(readLeftovers);
      expect(left.attributes).toEqual(['html data-quotelens="off"']);
      expect(left.styles, 'injected stylesheets left').toBe(0);
      expect(left.marks, '<mark> wrappers left').toBe(0);
      if (left.highlights !== null) expect(left.highlights, 'CSS highlights left').toBe(0);
      expect(left.body).toBe(pristine.body);
      expect(left.htmlWithoutOff).toBe(pristine.html);
      expect((await waitForPopup(popup)).state).toBe('off');

      await popup.click(SITE_SWITCH);
      const hooks = await waitUntil(async () => {
        const h = await page.evaluate(readHooks);
        return h.state === 'ready' ? h : null;
      }, 'data-quotelens="ready" again');
      expect(Number(hooks.quotes)).toBeGreaterThanOrEqual(5);
    });

    it('has no axe-core violations in the popup', async () => {
      const violations = await axeViolations(popup);
      expect(violations, describeViolations(violations)).toEqual([]);
    });

    it('has no axe-core violations on the options page', async () => {
      const optionsPage = await browser.openExtensionPage(page, OPTIONS_PATH);
      await waitUntil(
        () => optionsPage.evaluate(() => (document.getElementById('app')?.childElementCount ?? 0) > 0),
        'the options page to render',
      );
      const violations = await axeViolations(optionsPage);
      await optionsPage.screenshot(shot(name, 'options'), { fullPage: true });
      await optionsPage.close();
      expect(violations, describeViolations(violations)).toEqual([]);
    });

    it('looks right in dark mode (page and popup screenshots, no axe violations)', async () => {
      const dark = await options.launch({ extension: options.extension, dark: true });
      try {
        const darkPage = await dark.newPage();
        await darkPage.goto(server.url(ARTICLE_PATH));
        expect((await waitForHooks(darkPage)).state).toBe('ready');
        expect(await darkPage.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        await darkPage.screenshot(shot(name, 'page-dark'), { fullPage: true });
        const darkPopup = await dark.openPopup(darkPage);
        expect((await waitForPopup(darkPopup)).state).toBe('ready');
        await expandCards(darkPopup);
        await darkPopup.screenshot(shot(name, 'popup-dark'), { fullPage: true });
        const violations = await axeViolations(darkPopup);
        expect(violations, describeViolations(violations)).toEqual([]);
      } finally {
        await dark.close();
      }
    });
  });

  describe.skipIf(!haveArticle)(`${name}: a stopped background`, () => {
    it("wakes on the page's request and answers: the highlights appear", async () => {
      // A browser of its own: in Firefox the event page unloads after BACKGROUND_IDLE_MS idle.
      const own = await options.launch({ extension: options.extension, backgroundIdleMs: BACKGROUND_IDLE_MS });
      try {
        const warm = await own.newPage();
        await warm.goto(server.url(ARTICLE_PATH));
        expect((await waitForHooks(warm)).state).toBe('ready');
        expect((await engineWait(warm))?.cold, 'the first request starts the background').toBe(true);
        await warm.close();
        await own.stopBackground();
        const page = await own.newPage();
        await page.goto(server.url(ARTICLE_PATH));
        const hooks = await waitForHooks(page);
        expect(hooks.state).toBe('ready');
        expect(Number(hooks.quotes)).toBeGreaterThanOrEqual(5);
        expect(await page.evaluate(highlightGroups)).toBeGreaterThan(0);
        // Not vacuous: the background that answered had just started again.
        expect((await engineWait(page))?.cold, 'the request after the stop starts the background').toBe(true);
      } finally {
        await own.close();
      }
    });
  });

  describe(`${name}: a page with a strict CSP, shadow DOM, an iframe and a late ad`, () => {
    it('hides, highlights and catches the late ad without breaking the page', async () => {
      const page = await browser.newPage();
      await page.goto(server.url(HOSTILE_PATH));
      const hooks = await waitForHooks(page);
      expect(hooks.state).toBe('ready');
      expect(Number(hooks.quotes)).toBeGreaterThanOrEqual(3);
      // The page's own script is forbidden by its CSP, so the test plays the page: shadow content,
      // then an ad that arrives after load (past the observer's debounce).
      await page.evaluate(() => {
        const host = document.getElementById('shadow-host')!;
        const root = host.attachShadow({ mode: 'open' });
        const p = document.createElement('p');
        p.textContent = 'A map of the crossing sits in a shadow root.';
        root.appendChild(p);
        const ad = document.createElement('div');
        ad.className = 'ad-container';
        const label = document.createElement('span');
        label.textContent = 'Advertisement';
        ad.appendChild(label);
        document.getElementById('late-ad-anchor')!.after(ad);
      });
      const late = await waitUntil(
        () =>
          page.evaluate(() => {
            const label = [...document.querySelectorAll('span')].find((s) => s.textContent === 'Advertisement');
            const hidden = label?.closest('[data-quotelens-hidden]');
            return hidden && getComputedStyle(hidden).display === 'none'
              ? hidden.getAttribute('data-quotelens-hidden')
              : null;
          }),
        'the late ad to be hidden',
      );
      expect(late).toBe('ad');
      const visible = await page.evaluate(() => ({
        // biome-ignore lint/performance/useDomNodeTextContent: innerText is the text a reader sees
        text: document.body.innerText,
        iframe: getComputedStyle(document.querySelector('iframe')!).display,
        shadow: document.getElementById('shadow-host')!.shadowRoot!.textContent,
      }));
      expect(visible.text).toContain('The night ferry between the mainland');
      expect(visible.text).toContain('Harbour staff expect the first weeks');
      expect(visible.iframe).not.toBe('none');
      expect(visible.shadow).toContain('shadow root');
      await page.close();
    });

    it("loads the correction UI (its own chunk, fetched when asked) under the page's strict CSP", async () => {
      const page = await browser.newPage();
      await page.goto(server.url(HOSTILE_PATH));
      expect((await waitForHooks(page)).state).toBe('ready');
      const popup = await browser.openPopup(page);
      expect((await waitForPopup(popup)).state).toBe('ready');
      await popup.click('[data-action="show-hidden"]');
      await waitUntil(
        () => page.evaluate(() => document.querySelectorAll('[data-quotelens-ui]').length === 1),
        'the labels of the hidden blocks',
      );
      await popup.click('[data-action="show-hidden"]');
      await waitUntil(
        () => page.evaluate(() => document.querySelectorAll('[data-quotelens-ui]').length === 0),
        'the labels to go',
      );
      await popup.close();
      await page.close();
    });
  });

  describe(`${name}: a single-page app that navigates with pushState`, () => {
    it('reads the new article after the URL changes', async () => {
      const page = await browser.newPage();
      await page.goto(server.url(HOSTILE_PATH));
      const first = await waitForHooks(page);
      expect(first.state).toBe('ready');
      // Play the site's router: new URL, new article, same document.
      await page.evaluate(() => {
        history.pushState({}, '', '/next-story');
        const article = document.getElementById('story')!;
        article.replaceChildren();
        const h1 = document.createElement('h1');
        h1.textContent = 'Lighthouse keepers return to the point';
        article.appendChild(h1);
        const lines = [
          'The lighthouse on the point has a resident keeper again after twelve years of automatic operation, the coastal trust announced on Thursday, and visitors may climb the tower on weekends.',
          '“We missed the light being looked after by a person,” said Elin Dahl, who runs the trust.',
          'The trust said the keeper would also look after the small museum in the old engine house.',
        ];
        for (const text of lines) {
          const p = document.createElement('p');
          p.textContent = text;
          article.appendChild(p);
        }
      });
      const quotes = await waitUntil(async () => {
        const hooks = await page.evaluate(readHooks);
        return hooks.state === 'ready' && hooks.quotes === '1' ? hooks.quotes : null;
      }, 'the new article to be read after pushState');
      expect(quotes).toBe('1');
      const popup = await browser.openPopup(page);
      const view = await waitForPopup(popup);
      expect(view.cards.map((c) => c.name)).toContain('Elin Dahl');
      await popup.close();
      await page.close();
    });
  });

  describe(`${name}: corrections by hand`, () => {
    const RAIL = 'aside.rail';
    const CLUB = '.club-box';
    let page: TestPage;
    let popup: TestPage;

    /** Hidden state of the rail and the club box, and whether our in-page controls are there. */
    const blocks = () =>
      page.evaluate(() => {
        const of = (sel: string) => {
          const el = document.querySelector(sel)!;
          return {
            hidden: el.getAttribute('data-quotelens-hidden'),
            picked: el.hasAttribute('data-quotelens-picked'),
            displayed: getComputedStyle(el).display !== 'none',
          };
        };
        return {
          rail: of('aside.rail'),
          club: of('.club-box'),
          ui: document.querySelectorAll('[data-quotelens-ui]').length,
          reveal: document.documentElement.hasAttribute('data-quotelens-reveal'),
        };
      });
    /** The viewport point `dx, dy` from an element's top-left corner, scrolled into view first. */
    const pointIn = (selector: string, dx: number, dy: number) =>
      page.evaluate(
        ({ selector, dx, dy }) => {
          const el = document.querySelector(selector)!;
          el.scrollIntoView({ block: 'center', behavior: 'instant' });
          const r = el.getBoundingClientRect();
          return { x: r.left + dx, y: r.top + dy };
        },
        { selector, dx, dy },
      );

    beforeAll(async () => {
      page = await browser.newPage();
      await page.goto(server.url(CORRECTIONS_PATH));
    });
    afterAll(async () => {
      await popup?.close();
      await page?.close();
    });

    it('keeps one hidden block with its in-page label ("Show hidden" outlines each hidden block)', async () => {
      expect((await waitForHooks(page)).state).toBe('ready');
      expect((await blocks()).rail).toMatchObject({ hidden: 'trending', displayed: false });
      popup = await browser.openPopup(page);
      expect((await waitForPopup(popup)).state).toBe('ready');
      await popup.click('[data-action="show-hidden"]');
      await waitUntil(
        async () => (await blocks()).reveal && (await blocks()).ui === 1,
        'the outlined blocks and labels',
      );
      await page.bringToFront();
      await page.parkPointer();
      await page.screenshot(shot(name, 'show-hidden'));
      await popup.screenshot(shot(name, 'popup-show-hidden'), { fullPage: true });
      const violations = await axeViolations(popup);
      expect(violations, describeViolations(violations)).toEqual([]);
      // The label sits at the block's top-left corner; its first control is "Keep visible".
      const at = await pointIn(RAIL, 24, 15);
      await page.clickAt(at.x, at.y);
      await waitUntil(async () => (await blocks()).rail.hidden === null, 'the kept block to be no longer hidden');
      await popup.click('[data-action="show-hidden"]');
      await waitUntil(async () => !(await blocks()).reveal, '"Hide again"');
      const now = await blocks();
      expect(now.rail, 'the kept block stays visible after "Hide again"').toMatchObject({
        hidden: null,
        displayed: true,
      });
      expect(now.ui, 'the labels are gone').toBe(0);
    });

    it('picks and hides one more block; Esc leaves the picker', async () => {
      await popup.click('[data-action="pick"]');
      await waitUntil(async () => (await blocks()).ui === 1, 'the picker');
      // Inside the box's padding: the pointer is over the box itself, not a child.
      const at = await pointIn(CLUB, 6, 6);
      await page.clickAt(at.x, at.y);
      await waitUntil(async () => (await blocks()).club.hidden === 'other', 'the picked block to be hidden');
      await page.screenshot(shot(name, 'picker'));
      await page.press('Escape');
      await waitUntil(async () => (await blocks()).ui === 0, 'Esc to leave the picker');
      expect((await blocks()).club).toMatchObject({ hidden: 'other', picked: true, displayed: false });
    });

    it('remembers both for the site after a reload', async () => {
      await page.goto(server.url(CORRECTIONS_PATH));
      expect((await waitForHooks(page)).state).toBe('ready');
      const after = await blocks();
      expect(after.rail, 'kept visible').toMatchObject({ hidden: null, displayed: true });
      expect(after.club, 'hidden by you').toMatchObject({ hidden: 'other', picked: true, displayed: false });
    });

    it('lists both in the options page (no axe violations) and undoes them there', async () => {
      const optionsPage = await browser.openExtensionPage(page, OPTIONS_PATH);
      const listed = await waitUntil(
        () =>
          optionsPage.evaluate(() => {
            const items = [...document.querySelectorAll('fieldset.corrections li')];
            return items.length === 2 ? items.map((li) => li.getAttribute('data-list')) : null;
          }),
        'both corrections in the options page',
      );
      expect(listed.sort()).toEqual(['hide', 'keep']);
      await optionsPage.screenshot(shot(name, 'options-corrections'), { fullPage: true });
      const violations = await axeViolations(optionsPage);
      expect(violations, describeViolations(violations)).toEqual([]);
      await optionsPage.click('li[data-list="hide"] [data-action="undo-correction"]');
      await optionsPage.click('li[data-list="keep"] [data-action="undo-correction"]');
      await waitUntil(
        () => optionsPage.evaluate(() => document.querySelectorAll('fieldset.corrections li').length === 0),
        'the list to be empty',
      );
      await optionsPage.close();
      // The open page applies the change at once, and a reload agrees.
      await waitUntil(async () => {
        const b = await blocks();
        return b.rail.hidden === 'trending' && b.club.hidden === null;
      }, 'the open page to drop both corrections');
      await page.goto(server.url(CORRECTIONS_PATH));
      expect((await waitForHooks(page)).state).toBe('ready');
      const after = await blocks();
      expect(after.rail).toMatchObject({ hidden: 'trending', displayed: false });
      expect(after.club).toMatchObject({ hidden: null, picked: false, displayed: true });
    });
  });

  describe(`${name}: a German article`, () => {
    it('attributes with German cues, in the background engine with its German word lists', async () => {
      const page = await browser.newPage();
      await page.goto(server.url(GERMAN_PATH));
      expect((await waitForHooks(page)).state).toBe('ready');
      const popup = await browser.openPopup(page);
      const view = await waitForPopup(popup);
      expect(view.cards.map((c) => c.name)).toContain('Helga Brenner');
      await popup.close();
      await page.close();
    });
  });

  describe(`${name}: a page that is not an article`, () => {
    it('is marked skipped, with nothing hidden and nothing highlighted', async () => {
      const page = await browser.newPage();
      // Another host name for the same server: "Run anyway" is remembered per site, and it must not
      // force the host the other tests' non-article pages are served from.
      await page.goto(server.url(SECTION_PATH).replace('127.0.0.1', 'localhost'));
      const hooks = await waitForHooks(page);
      expect(hooks.state).toBe('skipped');
      const touched = await page.evaluate(() => ({
        hidden: document.querySelectorAll('[data-quotelens-hidden]').length,
        marks: document.querySelectorAll('mark').length,
      }));
      expect(touched).toEqual({ hidden: 0, marks: 0 });
      expect(hooks.quotes ?? '0').toBe('0');
      const popup = await browser.openPopup(page);
      expect((await waitForPopup(popup)).state).toBe('not-article');
      // "Run anyway": the reader asks, the page is read as an article.
      await popup.click('[data-action="run-anyway"]');
      await waitUntil(
        async () => (await page.evaluate(readHooks)).state === 'ready',
        'data-quotelens="ready" after Run anyway',
      );
      expect((await waitForPopup(popup)).state).not.toBe('not-article');
      await popup.close();
      await page.close();
    });
  });

  const haveNonArticles = Object.values(NONARTICLE_PAGES).every((f) => hasShared(...NONARTICLE_PARTS, f));
  if (!haveNonArticles) console.warn(`[${name}] non-article page tests ${missingSharedMessage(...NONARTICLE_PARTS)}`);
  describe.skipIf(!haveNonArticles)(`${name}: real product and forum pages`, () => {
    it.each(Object.entries(NONARTICLE_PAGES))('the %s page stays untouched', async (kind, file) => {
      const page = await browser.newPage();
      await page.goto(server.url(`/nonarticles/${file}`));
      const hooks = await waitForHooks(page);
      expect(hooks.state).toBe('skipped');
      const touched = await page.evaluate(() => ({
        hidden: document.querySelectorAll('[data-quotelens-hidden]').length,
        stylesheet: document.getElementById('quotelens-style') !== null,
        highlights: (globalThis as { CSS?: { highlights?: { size: number } } }).CSS?.highlights?.size ?? 0,
        quotes: document.documentElement.getAttribute('data-quotelens-quotes'),
      }));
      expect(touched).toEqual({ hidden: 0, stylesheet: false, highlights: 0, quotes: touched.quotes });
      expect(touched.quotes ?? '0').toBe('0');
      // The popup says why and offers "Run anyway" (not clicked here: it would force the test host).
      const popup = await browser.openPopup(page);
      expect((await waitForPopup(popup)).state).toBe('not-article');
      expect(await popup.evaluate(() => document.querySelector('button.run-anyway')?.textContent ?? null)).toBe(
        'Run anyway on this site',
      );
      expect(await popup.evaluate(() => document.querySelector('.skipped .status')?.textContent ?? '')).toContain(
        NONARTICLE_KIND_TEXT[kind as keyof typeof NONARTICLE_PAGES],
      );
      await popup.screenshot(shot(name, `popup-skipped-${kind}`), { fullPage: true });
      await popup.close();
      await page.close();
    });
  });
}
