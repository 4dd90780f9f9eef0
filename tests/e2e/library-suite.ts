// The quote library end to end (issue 16), run once per browser: read three of our own articles
// (two quote Kira Holm), find her in the library with quotes from both, search a word of one
// quote, follow a quote back to its article, export and re-import without duplicates, delete one
// article, pause keeping and read a fourth that is not kept; axe and screenshots, light and dark.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser, LaunchOptions, TestPage } from './helpers/driver';
import { waitUntil } from './helpers/driver';
import { type StaticServer, serveFiles } from './helpers/server';
import { axeViolations, describeViolations, REPO_ROOT, shot } from './suite';

export const LIBRARY_PATH = 'src/library/index.html';
const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures-e2e/library');
const ARTICLES = ['orchard', 'tram', 'roof', 'market'] as const;
const HOLM = 'kira holm';

export interface LibrarySuiteOptions {
  name: 'chrome' | 'firefox';
  extension: string;
  launch: (options: LaunchOptions) => Promise<ExtensionBrowser>;
}

// ---- What tests read from and do in the library page (these run inside the browser) ----

interface LibraryView {
  count: number;
  quotes: number;
  speakers: { key: string; name: string; n: string }[];
  rows: { text: string; url: string }[];
  status: string;
}

function readLibrary(): LibraryView {
  const main = document.querySelector('main.library');
  return {
    count: Number(document.querySelector('[data-library-count]')?.getAttribute('data-library-count') ?? -1),
    quotes: Number(main?.getAttribute('data-library-quotes') ?? -1),
    speakers: [...document.querySelectorAll('button.speaker')].map((b) => ({
      key: b.getAttribute('data-speaker-key') ?? '',
      name: b.querySelector('.name')?.textContent ?? '',
      n: b.querySelector('.n')?.textContent ?? '',
    })),
    rows: [...document.querySelectorAll('.quote-row')].map((r) => ({
      text: r.querySelector('.text')?.textContent ?? '',
      url: r.getAttribute('data-quote-url') ?? '',
    })),
    status: document.querySelector('.status')?.textContent ?? '',
  };
}

function typeSearch(query: string): void {
  const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Clicks "Export JSON" and returns the file's text (the download is caught before it leaves). */
async function exportedJson(): Promise<string> {
  const original = HTMLAnchorElement.prototype.click;
  let href = '';
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) href = this.href;
    else original.call(this);
  };
  try {
    document.querySelector<HTMLButtonElement>('[data-export="json"]')!.click();
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  return (await fetch(href)).text();
}

function importJson(text: string): void {
  const input = document.querySelector<HTMLInputElement>('.import input[type="file"]')!;
  const files = new DataTransfer();
  files.items.add(new File([text], 'library.json', { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The "Keep" switch, clicked in the page (Firefox's BiDi loses element handles across the hash change). */
function clickKeepSwitch(): void {
  const input = document.querySelector<HTMLInputElement>('.controls input[role="switch"]');
  if (!input) throw new Error(`no Keep switch in ${location.href}: ${document.body.textContent?.slice(0, 300)}`);
  input.click();
}

function clickDeleteOf(url: string): void {
  document.querySelector<HTMLButtonElement>(`.quote-row[data-quote-url="${url}"] .delete`)!.click();
}

// ---- Steps ----

async function readArticle(browser: ExtensionBrowser, url: string): Promise<TestPage> {
  const page = await browser.newPage();
  await page.goto(url);
  await waitUntil(
    () => page.evaluate(() => document.documentElement.getAttribute('data-quotelens') === 'ready'),
    `${url} ready`,
    20_000,
  );
  return page;
}

/** Reloads the library page until `check` holds (keeping happens in the background, after the page is ready). */
async function libraryUntil(page: TestPage, check: (v: LibraryView) => boolean, what: string): Promise<LibraryView> {
  return waitUntil(
    async () => {
      // A mark on the old document tells it from the reloaded one (reload() returns before it happens).
      await page.evaluate(() => {
        (window as { staleLibrary?: boolean }).staleLibrary = true;
        location.reload();
      });
      const view = await waitUntil(async () => {
        const stale = await page.evaluate(() => (window as { staleLibrary?: boolean }).staleLibrary === true);
        const v = stale ? null : await page.evaluate(readLibrary);
        return v && v.count >= 0 ? v : null;
      }, 'the library to load');
      return check(view) ? view : null;
    },
    what,
    20_000,
  );
}

export function librarySuite({ name, extension, launch }: LibrarySuiteOptions): void {
  describe(`${name}: the quote library`, () => {
    let server: StaticServer;
    let browser: ExtensionBrowser;
    let library: TestPage;
    const url = (a: (typeof ARTICLES)[number]) => server.url(`/${a}.html`);

    beforeAll(async () => {
      server = await serveFiles(
        Object.fromEntries(ARTICLES.map((a) => [`/${a}.html`, resolve(FIXTURES, `${a}.html`)])),
      );
      browser = await launch({ extension });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('keeps three articles read; the person quoted in two is one entry, most quoted first', async () => {
      let first: TestPage | undefined;
      for (const a of ['orchard', 'tram', 'roof'] as const) {
        const page = await readArticle(browser, url(a));
        first ??= page;
      }
      library = await browser.openExtensionPage(first!, LIBRARY_PATH);
      const view = await libraryUntil(library, (v) => v.count === 3, 'three articles in the library');
      expect(view.speakers[0]).toEqual({ key: HOLM, name: 'Kira Holm', n: '4 quotes' });
      expect(view.speakers.map((s) => s.name).sort()).toEqual(['Kira Holm', 'Lotte Jansen', 'Omar Vance', 'Piet Ros']);
      await library.setViewport(1000, 800);
      await library.screenshot(shot(name, 'library'));
    });

    it('opens her page with quotes from both articles, newest first', async () => {
      await library.click(`button.speaker[data-speaker-key="${HOLM}"]`);
      const view = await waitUntil(async () => {
        const v = await library.evaluate(readLibrary);
        return v.rows.length === 4 ? v : null;
      }, 'her four quotes');
      expect(new Set(view.rows.map((r) => r.url))).toEqual(new Set([url('orchard'), url('tram')]));
      expect(view.rows[0]!.url).toBe(url('tram')); // read last
      await library.screenshot(shot(name, 'library-speaker'));
    });

    it('search finds a word of one quote', async () => {
      await library.evaluate(typeSearch, 'apricots');
      const view = await waitUntil(async () => {
        const v = await library.evaluate(readLibrary);
        return v.rows.length === 1 ? v : null;
      }, 'one result');
      expect(view.rows[0]!.text).toContain('pick apricots in three summers');
      expect(view.rows[0]!.url).toBe(url('orchard'));
    });

    it('follows the quote back to its article, which scrolls to it and flashes it', async () => {
      await library.click('.quote-row a.open');
      const view = await waitUntil(
        async () => {
          const v = await library.evaluate(readLibrary);
          return v.status.includes('at the quote') ? v : null;
        },
        'the article to open at the quote',
        25_000,
      );
      expect(view.status).toBe('Opened the article at the quote.');
      await library.bringToFront();
      await library.evaluate(typeSearch, '');
    });

    it('exports JSON and re-imports it without duplicates', async () => {
      const json = await library.evaluate(exportedJson);
      const exported = JSON.parse(json) as { format: string; articles: unknown[] };
      expect(exported.format).toBe('quotelens-library');
      expect(exported.articles).toHaveLength(3);
      const before = await library.evaluate(readLibrary);
      await library.evaluate(importJson, json);
      const after = await waitUntil(async () => {
        const v = await library.evaluate(readLibrary);
        return v.status.startsWith('Imported') ? v : null;
      }, 'the import to finish');
      expect(after.status).toBe('Imported: 0 new articles.');
      expect([after.count, after.quotes]).toEqual([before.count, before.quotes]);
    });

    it('deletes one article', async () => {
      // Still on her page after the search was cleared: the page's address says so (#speaker=…).
      expect(await library.evaluate(() => decodeURIComponent(location.hash))).toBe(`#speaker=${HOLM}`);
      await waitUntil(async () => (await library.evaluate(readLibrary)).rows.length === 4, 'her quotes');
      await library.evaluate(clickDeleteOf, url('tram'));
      const view = await waitUntil(async () => {
        const v = await library.evaluate(readLibrary);
        return v.count === 2 ? v : null;
      }, 'two articles left');
      expect(view.rows.every((r) => r.url === url('orchard'))).toBe(true);
      expect(view.speakers.length).toBe(0); // still on her page
    });

    it('paused, a fourth article read is not kept', async () => {
      await library.evaluate(() => {
        location.hash = '';
      });
      await waitUntil(async () => (await library.evaluate(readLibrary)).count >= 0, 'the speakers list');
      await library.evaluate(clickKeepSwitch);
      await waitUntil(
        async () =>
          library.evaluate(
            () => document.querySelector<HTMLInputElement>('.controls input[role="switch"]')?.checked === false,
          ),
        'keeping paused',
      );
      const market = await readArticle(browser, url('market'));
      expect(await market.evaluate(() => document.documentElement.getAttribute('data-quotelens-quotes'))).toBe('2');
      await new Promise((r) => setTimeout(r, 1500)); // room for a keep that should not happen
      const view = await libraryUntil(library, (v) => v.count >= 0, 'the library');
      expect(view.count).toBe(2);
      expect(view.speakers.map((s) => s.name)).not.toContain('Nell Brand');
      // Not vacuous: with keeping on again, the same page read again is kept.
      await library.evaluate(clickKeepSwitch);
      await waitUntil(
        async () =>
          library.evaluate(() => document.querySelector<HTMLInputElement>('.controls input[role="switch"]')?.checked),
        'keeping on',
      );
      await market.goto(url('market'));
      const kept = await libraryUntil(library, (v) => v.count === 3, 'the fourth article kept once keeping is on');
      expect(kept.speakers.map((s) => s.name)).toContain('Nell Brand');
    });

    it('has no axe-core violations (light)', async () => {
      const violations = await axeViolations(library);
      expect(violations, describeViolations(violations)).toEqual([]);
    });

    it('has no axe-core violations in dark mode', async () => {
      const dark = await launch({ extension, dark: true });
      try {
        const page = await readArticle(dark, url('orchard'));
        const darkLibrary = await dark.openExtensionPage(page, LIBRARY_PATH);
        await libraryUntil(darkLibrary, (v) => v.count === 1, 'one article in the dark library');
        expect(await darkLibrary.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        await darkLibrary.setViewport(1000, 800);
        await darkLibrary.screenshot(shot(name, 'library-dark'));
        await darkLibrary.click(`button.speaker[data-speaker-key="${HOLM}"]`);
        await waitUntil(async () => (await darkLibrary.evaluate(readLibrary)).rows.length === 3, 'her quotes');
        const violations = await axeViolations(darkLibrary);
        expect(violations, describeViolations(violations)).toEqual([]);
      } finally {
        await dark.close();
      }
    });
  });
}
