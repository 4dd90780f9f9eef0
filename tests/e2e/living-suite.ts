// Living pages in real browsers (issue 17), run once per browser (chromium-living.test.ts,
// firefox-living.test.ts): late content after a long idle and on a page that never stops changing,
// pages that fight back (preset hooks, a decoy of our stylesheet's id, a clobbered `browser`,
// CSS.highlights.clear(), the stylesheet removed, forged hooks), our User Timing entries over 200
// SPA navigations, and the extension going away with an article open (Chromium: disabled and
// enabled again; Firefox: removed and installed again).
// Timing is read in the page itself (performance.now at insertion → first frame check that sees it
// handled, polled every 20 ms), so the driver's round trips do not count.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser, LaunchOptions, TestPage } from './helpers/driver';
import { waitUntil } from './helpers/driver';
import { type StaticServer, serveFiles } from './helpers/server';
import { HOSTILE_FILE, REPO_ROOT, SCREENSHOTS } from './suite';

export const LIVING_PATH = '/living-article.html';
export const LIVING_FILE = resolve(REPO_ROOT, 'tests/fixtures-e2e/living-article.html');
export const PLAIN_PATH = '/plain-article.html';

/** "Handled within 1 s" of the issue: what every late ad and quote must meet. */
export const LATE_LIMIT_MS = 1000;
/**
 * The idle wait before late content, in real time: the 90 s. Past Chrome's 30 s idle limit
 * the background's service worker has usually stopped, so the late quote also proves that the
 * engine request wakes it within the limit. (The unit test with fake timers covers the observer.)
 */
export const IDLE_WAIT_MS = 90_000;
/** The busy page of the issue: 50 nodes every 100 ms for 20 s. */
const BUSY = { nodes: 50, everyMs: 100, forMs: 20_000, lateEveryMs: 2000 };

export interface LivingOptions {
  name: 'chrome' | 'firefox';
  extension: string;
  launch: (options: LaunchOptions) => Promise<ExtensionBrowser>;
  /** Takes the extension away with the page open (disable / uninstall); resolves when done. */
  takeAway(browser: ExtensionBrowser): Promise<void>;
  /** Brings it back (enable / install again). */
  bringBack(browser: ExtensionBrowser): Promise<void>;
  /** Opens the popup for a tab whose content script may be gone, by the tab id read earlier. */
  openPopupFor?(browser: ExtensionBrowser, tabId: number): Promise<TestPage>;
}

function shot(what: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return resolve(SCREENSHOTS, `${what}.png`);
}

// ---- In the page ----

interface Late {
  ad: number | null;
  quote: number | null;
}

/**
 * Adds an ad (outside the article) and a quoted paragraph (inside it), then polls until the ad is
 * not displayed and the quote is in a registered highlight: ms from insertion to each, or null.
 */
function addLateAndTime(arg: { n: number; timeoutMs: number }): Promise<Late> {
  const ad = document.createElement('div');
  ad.className = 'ad-container';
  const label = document.createElement('span');
  label.textContent = 'Advertisement';
  ad.append(label);
  const p = document.createElement('p');
  const words = `late quote number ${arg.n} about the winter market`;
  p.textContent = `“This is ${words},” said Rut Eklund at the stalls on the quay this afternoon.`;
  const t0 = performance.now();
  document.querySelector('footer')!.before(ad);
  (document.getElementById('live') ?? document.querySelector('article')!).append(p);
  const highlighted = () => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    if (!registry) return false;
    for (const h of registry.values()) for (const r of h) if (r.toString().includes(words)) return true;
    return false;
  };
  return new Promise((done) => {
    const out: Late = { ad: null, quote: null };
    const timer = setInterval(() => {
      const now = performance.now() - t0;
      if (out.ad === null && getComputedStyle(ad).display === 'none') out.ad = now;
      if (out.quote === null && highlighted()) out.quote = now;
      if ((out.ad !== null && out.quote !== null) || now > arg.timeoutMs) {
        clearInterval(timer);
        done(out);
      }
    }, 20);
  });
}

/** Starts the busy page: `nodes` spans every `everyMs` into a ticker (oldest dropped past 200). */
function startBusy(arg: { nodes: number; everyMs: number }): void {
  const ticker = document.getElementById('ticker')!;
  let n = 0;
  const w = window as unknown as { __busy?: ReturnType<typeof setInterval> };
  w.__busy = setInterval(() => {
    for (let i = 0; i < arg.nodes; i++) {
      const s = document.createElement('span');
      s.textContent = `tick ${n++} `;
      ticker.append(s);
    }
    while (ticker.childElementCount > 200) ticker.firstElementChild!.remove();
  }, arg.everyMs);
}

function stopBusy(): void {
  clearInterval((window as unknown as { __busy?: ReturnType<typeof setInterval> }).__busy);
}

interface Shown {
  state: string | null;
  quotesHook: string | null;
  highlighted: number;
  adHidden: boolean;
  ourStyles: number;
}

/** What is really shown: highlighted ranges, whether the fixture's ad is hidden, our stylesheets. */
function readShown(): Shown {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  let highlighted = 0;
  if (registry)
    for (const [name, h] of registry)
      if (name.startsWith('quotelens-s') || name === 'quotelens-none') highlighted += h.size;
  const ad = document.querySelector('.ad-slot');
  return {
    state: document.documentElement.getAttribute('data-quotelens'),
    quotesHook: document.documentElement.getAttribute('data-quotelens-quotes'),
    highlighted,
    adHidden: ad ? getComputedStyle(ad).display === 'none' : false,
    ourStyles: [...document.querySelectorAll('style')].filter((s) => (s.textContent ?? '').includes('quotelens'))
      .length,
  };
}

function ourMeasures(): number {
  return performance.getEntriesByType('measure').filter((e) => e.name.startsWith('quotelens:')).length;
}

function pageHtml(): string {
  return document.documentElement.outerHTML;
}

// ---- The suite ----

export function livingSuite(options: LivingOptions): void {
  const { name } = options;
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveFiles({ [LIVING_PATH]: LIVING_FILE, [PLAIN_PATH]: HOSTILE_FILE });
    browser = await options.launch({ extension: options.extension });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const ready = (page: TestPage) =>
    waitUntil(async () => (await page.evaluate(readShown)).state === 'ready', 'data-quotelens="ready"');

  describe(`${name}: late content`, () => {
    it(
      `an ad and a quote added after ${IDLE_WAIT_MS / 1000} s without any change are handled within 1 s`,
      async () => {
        const page = await browser.newPage();
        await page.goto(server.url(LIVING_PATH));
        await ready(page);
        // The reader has the article in front (Firefox's first-run tab may have opened over it on
        // install; a background tab's timers, ours and this poll's, are throttled to 1 s or more).
        await page.bringToFront();
        await new Promise((r) => setTimeout(r, IDLE_WAIT_MS));
        const late = await page.evaluate(addLateAndTime, { n: 1, timeoutMs: 5000 });
        expect(late.ad, 'ms to hide the late ad').not.toBeNull();
        expect(late.quote, 'ms to highlight the late quote').not.toBeNull();
        expect(late.ad!).toBeLessThan(LATE_LIMIT_MS);
        expect(late.quote!).toBeLessThan(LATE_LIMIT_MS);
        console.log(`[${name}] after idle: ad ${late.ad!.toFixed(0)} ms, quote ${late.quote!.toFixed(0)} ms`);
        await page.close();
      },
      IDLE_WAIT_MS + 60_000,
    );

    it('on a page adding 50 nodes every 100 ms for 20 s, every late ad and quote is handled within 1 s', async () => {
      const page = await browser.newPage();
      await page.goto(server.url(LIVING_PATH));
      await ready(page);
      await page.bringToFront();
      await page.evaluate(startBusy, { nodes: BUSY.nodes, everyMs: BUSY.everyMs });
      const results: Late[] = [];
      const t0 = Date.now();
      for (let n = 1; Date.now() - t0 < BUSY.forMs; n++) {
        results.push(await page.evaluate(addLateAndTime, { n, timeoutMs: 3000 }));
        const next = t0 + n * BUSY.lateEveryMs;
        await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
      }
      await page.evaluate(stopBusy);
      const worst = (k: keyof Late) => Math.max(...results.map((r) => r[k] ?? Number.POSITIVE_INFINITY));
      console.log(
        `[${name}] busy page: ${results.length} late ads/quotes, worst ad ${worst('ad').toFixed(0)} ms, worst quote ${worst('quote').toFixed(0)} ms`,
      );
      expect(results.length).toBeGreaterThanOrEqual(8);
      expect(worst('ad')).toBeLessThan(LATE_LIMIT_MS);
      expect(worst('quote')).toBeLessThan(LATE_LIMIT_MS);
      await page.close();
    });
  });

  describe(`${name}: a page that fights back`, () => {
    let page: TestPage;
    /** The fixture's quotations, as the first read counted them (the page preset 42). */
    let quotes = 0;
    beforeAll(async () => {
      page = await browser.newPage();
      await page.goto(server.url(LIVING_PATH));
    });

    it('preset hooks, a decoy with our stylesheet id and a clobbered `browser` leave it working and truthful', async () => {
      await ready(page);
      const shown = await page.evaluate(readShown);
      expect(shown.adHidden, 'the ad is hidden despite the decoy id').toBe(true);
      expect(shown.ourStyles).toBe(1);
      quotes = shown.highlighted;
      expect(quotes).toBeGreaterThanOrEqual(2);
      expect(shown.quotesHook, 'the page preset 42').toBe(String(quotes));
      const popup = await browser.openPopup(page);
      const view = await waitUntil(
        () =>
          popup.evaluate(() => {
            const state = document.querySelector('main')?.getAttribute('data-popup-state');
            return state && state !== 'loading' ? state : null;
          }),
        'the popup to load',
      );
      expect(view).toBe('ready');
      await popup.close();
    });

    it('a forged data-quotelens-quotes / data-quotelens is written back with the truth', async () => {
      await page.evaluate(() => {
        document.documentElement.setAttribute('data-quotelens-quotes', '99');
        document.documentElement.setAttribute('data-quotelens', 'off');
      });
      const shown = await waitUntil(async () => {
        const s = await page.evaluate(readShown);
        return s.quotesHook === String(quotes) && s.state === 'ready' ? s : null;
      }, 'the hooks to read the truth again');
      expect(shown.highlighted).toBe(quotes);
    });

    it('CSS.highlights.clear() is noticed and the highlights come back', async () => {
      await page.evaluate(() => (CSS as unknown as { highlights: { clear(): void } }).highlights.clear());
      const shown = await waitUntil(
        async () => {
          const s = await page.evaluate(readShown);
          return s.highlighted === quotes ? s : null;
        },
        'the highlights to be registered again',
        3000,
      );
      expect(shown.quotesHook).toBe(String(quotes));
    });

    it('a script removing our stylesheet does not leave the hidden blocks visible', async () => {
      await page.evaluate(() => {
        for (const s of document.querySelectorAll('style')) if ((s.textContent ?? '').includes('quotelens')) s.remove();
      });
      const shown = await waitUntil(
        async () => {
          const s = await page.evaluate(readShown);
          return s.adHidden && s.ourStyles === 1 ? s : null;
        },
        'the stylesheet to be back',
        3000,
      );
      expect(shown.adHidden).toBe(true);
    });

    it('our User Timing entries stay at most 20 over 200 SPA navigations', async () => {
      let most = await page.evaluate(ourMeasures);
      for (let i = 0; i < 200; i++) {
        await page.evaluate((n) => {
          history.pushState({}, '', `/story-${n}`);
          const article = document.getElementById('story')!;
          const h1 = document.createElement('h1');
          h1.textContent = `Story ${n} from the quay`;
          const ps = [
            `The harbour board met for the ${n}th time this year on Thursday and agreed to repaint the old crane, which has stood on the quay since the ferries ran on coal.`,
            `“The crane is part of the town,” said Rut Eklund after meeting number ${n}, as the painters set up their ladders.`,
            'The work will take three weeks, and the quay stays open to walkers while it is done, the board said.',
          ].map((text) => {
            const p = document.createElement('p');
            p.textContent = text;
            return p;
          });
          article.replaceChildren(h1, ...ps);
        }, i);
        await new Promise((r) => setTimeout(r, i % 20 === 19 ? 600 : 40));
        most = Math.max(most, await page.evaluate(ourMeasures));
      }
      const end = await waitUntil(async () => {
        const s = await page.evaluate(readShown);
        return s.state === 'ready' && s.highlighted === 1 ? s : null;
      }, 'the last story to be read');
      expect(end.quotesHook).toBe('1');
      console.log(`[${name}] most quotelens:* measures in the buffer over 200 navigations: ${most}`);
      expect(most).toBeLessThanOrEqual(20);
      expect(most).toBeGreaterThan(0);
    });
  });

  describe(`${name}: the extension goes away with an article open`, () => {
    it('the page is restored exactly, and after it comes back the tab works again (or the popup offers a reload)', async () => {
      const page = await browser.newPage();
      await page.goto(server.url(PLAIN_PATH));
      await ready(page);
      const popup = await browser.openPopup(page);
      const tabId = Number(new URL(await popup.evaluate(() => location.href)).searchParams.get('tabId'));
      await popup.close();
      await options.takeAway(browser);
      // The same page with no extension at all, in a tab of its own: what "restored" means.
      const bare = await browser.newPage();
      await bare.goto(server.url(PLAIN_PATH));
      const pristine = await bare.evaluate(pageHtml);
      await bare.close();
      expect(pristine).not.toContain('data-quotelens');
      if (name === 'chrome') {
        const restored = await waitUntil(
          async () => {
            const html = await page.evaluate(pageHtml);
            return html === pristine ? html : null;
          },
          'the page to be restored exactly',
          5000,
        ).catch(() => null);
        expect(restored === null ? await page.evaluate(pageHtml) : restored).toBe(pristine);
        expect((await page.evaluate(readShown)).highlighted).toBe(0);
      }
      if (name === 'firefox') {
        // Firefox stops a removed add-on's scripts: whether the old one got to restore is logged, not
        // required; the new one (below) sweeps whatever is left.
        const left = await page.evaluate(pageHtml);
        console.log(`[firefox] page restored by the removed add-on's script: ${left === pristine}`);
      }
      await options.bringBack(browser);
      if (name === 'firefox') {
        // Firefox injects the new content script into the open tab: it sweeps what the removed one
        // left and reads the page again.
        const shown = await waitUntil(async () => {
          const s = await page.evaluate(readShown);
          return s.state === 'ready' && s.highlighted >= 3 ? s : null;
        }, 'the new content script to take over');
        expect(shown.ourStyles).toBe(1);
        expect(shown.highlighted).toBe(Number(shown.quotesHook));
        const hiddenMarks = await page.evaluate(() => document.querySelectorAll('[data-quotelens-hidden]').length);
        expect(hiddenMarks).toBeLessThanOrEqual(1);
      } else {
        // Chromium injects nothing into open tabs: the popup says so and reloads the tab.
        const again = await options.openPopupFor!(browser, tabId);
        const state = await waitUntil(
          () =>
            again.evaluate(() => {
              const state = document.querySelector('main')?.getAttribute('data-popup-state');
              return state && state !== 'loading' ? state : null;
            }),
          'the popup to load',
        );
        expect(state).toBe('not-analysed');
        await again.setViewport(400, 300);
        await again.screenshot(shot(`${name}-popup-reload`));
        expect(await again.evaluate(() => document.querySelector('[data-action="reload-tab"]')?.textContent)).toBe(
          'Reload this tab',
        );
        await again.click('[data-action="reload-tab"]', { background: true });
        await waitUntil(
          async () => (await page.evaluate(readShown).catch(() => null))?.state === 'ready',
          'the reloaded tab to be ready',
        );
        expect((await page.evaluate(readShown)).highlighted).toBeGreaterThanOrEqual(3);
      }
      await page.close();
    });
  });
}
