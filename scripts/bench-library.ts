// npm run bench:library: the quote library with 10,000 generated quotes, in Node (the pure
// modules) and in the built extension in headless Chromium and Firefox ESR (the real page over
// the real IndexedDB store). Not a test: it prints figures for docs/library.md.
// Usage: npx tsx scripts/bench-library.ts [--quotes N] [--browser chromium|firefox|both|none] [--runs N]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportJson } from '../src/library/export';
import { quoteRows, speakerEntries } from '../src/library/model';
import { buildIndex, searchQuotes } from '../src/library/search';
import type { ArticleRecord } from '../src/library/types';
import type { ExtensionBrowser, TestPage } from '../tests/e2e/helpers/driver';
import { waitUntil } from '../tests/e2e/helpers/driver';
import { generateLibrary } from './library-data';

const { values } = parseArgs({
  options: {
    quotes: { type: 'string', default: '10000' },
    browser: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '5' },
  },
});
const QUOTES = Number(values.quotes);
const RUNS = Number(values.runs);
/** Queries of one, two and three words, and one that matches nothing. */
/** Time for the background to keep an article after its page is ready (one IndexedDB write). */
const KEEP_SETTLE_MS = 1000;
const QUERIES = ['harbour', 'budget vote', 'river council spring', 'zzzz', 'Speaker 12'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

// ---- Node: the pure modules ----

function nodeFigures(articles: ArticleRecord[]) {
  const prepare: number[] = [];
  const search: number[] = [];
  const worst: number[] = [];
  // Run -1 warms the JIT up and is not counted.
  for (let run = -1; run < RUNS; run++) {
    const [index, ms] = timed(() => {
      const rows = quoteRows(articles, {});
      speakerEntries(rows);
      return buildIndex(rows);
    });
    const each = QUERIES.map((q) => timed(() => searchQuotes(index, { query: q }))[1]);
    if (run < 0) continue;
    prepare.push(ms);
    search.push(median(each));
    worst.push(Math.max(...each));
  }
  return {
    prepareMs: round(median(prepare)),
    searchMedianMs: round(median(search)),
    searchWorstMs: round(Math.max(...worst)),
  };
}

// ---- In the browser: the real page over the real store ----

interface PageFigures {
  /** The same, right after the background kept an article. */
  openColdMs: number;
  loadedColdMs: number;
  /** Navigation start to the first render of the speakers list (load over messaging + index + render). */
  openMs: number;
  loadedMs: number;
  /** The pure search (User Timing quotelens-library:search), median over queries and reloads. */
  searchMs: number;
  searchWorstMs: number;
  /** The first search after each open (cold code paths). */
  firstSearchMs: number;
  inputToPaintMs: number;
  scrollFrameMs: number;
  scrollWorstFrameMs: number;
  renderedRows: number;
}

function importInPage(text: string): void {
  const input = document.querySelector<HTMLInputElement>('.import input[type="file"]')!;
  const files = new DataTransfer();
  files.items.add(new File([text], 'library.json', { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function marks(): { loaded: number; rendered: number; count: number } {
  const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? -1;
  return {
    loaded: at('quotelens-library:loaded'),
    rendered: at('quotelens-library:rendered'),
    count: Number(document.querySelector('main.library')?.getAttribute('data-library-quotes') ?? -1),
  };
}

async function searchInPage(queries: string[]): Promise<{ search: number[]; paint: number[] }> {
  const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
  const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
  const search: number[] = [];
  const paint: number[] = [];
  for (const q of queries) {
    performance.clearMeasures('quotelens-library:search');
    await frame();
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    paint.push((await frame()) - start);
    search.push(performance.getEntriesByName('quotelens-library:search')[0]?.duration ?? -1);
  }
  input.value = 'council';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return { search, paint };
}

async function scrollInPage(): Promise<{ frames: number[]; rows: number }> {
  const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
  await frame();
  const list = document.querySelector<HTMLElement>('.vlist')!;
  const frames: number[] = [];
  let last = await frame();
  for (let i = 1; i <= 60; i++) {
    list.scrollTop = (list.scrollHeight * i) / 61;
    const now = await frame();
    frames.push(now - last);
    last = now;
  }
  return { frames, rows: list.querySelectorAll('li').length };
}

/** Reloads the library page and waits for its first render; the marks of the new document. */
async function reopen(library: TestPage): Promise<{ loaded: number; rendered: number; count: number }> {
  await library.bringToFront();
  // A mark on the old document tells it from the reloaded one (reload() returns before it happens).
  await library.evaluate(() => {
    (window as { staleLibrary?: boolean }).staleLibrary = true;
    location.reload();
  });
  return waitUntil(
    async () => {
      if (await library.evaluate(() => (window as { staleLibrary?: boolean }).staleLibrary === true)) return null;
      const v = await library.evaluate(marks);
      return v.count >= QUOTES && v.rendered >= 0 ? v : null;
    },
    'the library to open',
    60_000,
  );
}

async function browserFigures(
  browser: ExtensionBrowser,
  via: TestPage,
  articleUrl: string,
  json: string,
): Promise<PageFigures> {
  const library = await browser.openExtensionPage(via, 'src/library/index.html');
  // A tab in the background gets no animation frames (Firefox): measure the one in front.
  await library.bringToFront();
  await library.setViewport(1000, 900);
  await waitUntil(async () => (await library.evaluate(marks)).loaded >= 0, 'the library page');
  await library.evaluate(importInPage, json);
  await waitUntil(async () => (await library.evaluate(marks)).count === QUOTES, `${QUOTES} quotes imported`, 120_000);
  const runs: PageFigures[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Reading an article (the same URL each run, so the count stays) writes the database just
    // before the library opens, as when a reader goes from an article to the library.
    await via.goto(articleUrl);
    await waitUntil(
      () => via.evaluate(() => document.documentElement.getAttribute('data-quotelens') === 'ready'),
      'the article read',
      30_000,
    );
    await new Promise((r) => setTimeout(r, KEEP_SETTLE_MS));
    const cold = await reopen(library);
    const m = await reopen(library);
    const s = await library.evaluate(searchInPage, QUERIES);
    const scroll = await library.evaluate(scrollInPage);
    runs.push({
      openColdMs: cold.rendered,
      loadedColdMs: cold.loaded,
      openMs: m.rendered,
      loadedMs: m.loaded,
      searchMs: median(s.search),
      searchWorstMs: Math.max(...s.search),
      firstSearchMs: s.search[0]!,
      inputToPaintMs: median(s.paint),
      scrollFrameMs: median(scroll.frames),
      scrollWorstFrameMs: Math.max(...scroll.frames),
      renderedRows: scroll.rows,
    });
  }
  await library.close();
  const pick = (k: keyof PageFigures, f: (xs: number[]) => number = median) => round(f(runs.map((r) => r[k])));
  return {
    openColdMs: pick('openColdMs'),
    loadedColdMs: pick('loadedColdMs'),
    openMs: pick('openMs'),
    loadedMs: pick('loadedMs'),
    searchMs: pick('searchMs'),
    searchWorstMs: pick('searchWorstMs', (xs) => Math.max(...xs)),
    firstSearchMs: pick('firstSearchMs'),
    inputToPaintMs: pick('inputToPaintMs'),
    scrollFrameMs: pick('scrollFrameMs'),
    scrollWorstFrameMs: pick('scrollWorstFrameMs', (xs) => Math.max(...xs)),
    renderedRows: pick('renderedRows'),
  };
}

async function inBrowser(name: 'chromium' | 'firefox', json: string): Promise<PageFigures> {
  const { serveFiles } = await import('../tests/e2e/helpers/server');
  // A page that is not an article: our content script runs there (Firefox opens extension pages
  // from such a tab) but keeps nothing, so the library holds exactly the generated quotes.
  const server = await serveFiles({
    '/front.html': resolve('tests/fixtures-e2e/section-front.html'),
    '/orchard.html': resolve('tests/fixtures-e2e/library/orchard.html'),
  });
  const launch =
    name === 'chromium'
      ? (await import('../tests/e2e/helpers/chromium')).launchChromium
      : (await import('../tests/e2e/helpers/firefox')).launchFirefox;
  const browser = await launch({ extension: resolve(`dist/e2e/${name === 'chromium' ? 'chrome' : 'firefox'}`) });
  try {
    const via = await browser.newPage();
    await via.goto(server.url('/front.html'));
    return await browserFigures(browser, via, server.url('/orchard.html'), json);
  } finally {
    await browser.close();
    await server.close();
  }
}

const articles = generateLibrary(QUOTES);
const json = exportJson(articles, {}, new Date(Date.UTC(2026, 5, 1)));
const results: Record<string, unknown> = {
  quotes: QUOTES,
  articles: articles.length,
  exportBytes: Buffer.byteLength(json),
  runs: RUNS,
  date: new Date().toISOString(),
  /** 1-minute load average at the start: the machine is shared, so figures vary with it. */
  loadAtStart: loadavg()[0],
  node: nodeFigures(articles),
};
process.stdout.write(`node (pure modules): ${JSON.stringify(results.node)}\n`);
const browsers =
  values.browser === 'both' ? ['chromium', 'firefox'] : values.browser === 'none' ? [] : [values.browser];
if (browsers.length > 0) execFileSync('npm', ['run', 'build:e2e'], { stdio: 'ignore' });
for (const b of browsers as ('chromium' | 'firefox')[]) {
  results[b] = await inBrowser(b, json);
  process.stdout.write(`${b}: ${JSON.stringify(results[b])}\n`);
}
results.loadAtEnd = loadavg()[0];
mkdirSync('artifacts', { recursive: true });
const table = renderTable(results);
process.stdout.write(`\n${table}\n`);
const docs = readFileSync('docs/library.md', 'utf8');
const marked = /<!-- bench:library -->[\s\S]*<!-- \/bench:library -->/;
if (QUOTES === 10_000 && marked.test(docs))
  writeFileSync('docs/library.md', docs.replace(marked, `<!-- bench:library -->\n${table}\n<!-- /bench:library -->`));
writeFileSync('artifacts/bench-library.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write('wrote artifacts/bench-library.json\n');

function renderTable(r: Record<string, unknown>): string {
  const node = r.node as ReturnType<typeof nodeFigures>;
  const cell = (b: string, k: keyof PageFigures) => {
    const f = r[b] as PageFigures | undefined;
    return f ? `${f[k]}` : '–';
  };
  const lines = [
    `Run of ${String(r.date).slice(0, 10)}: ${r.quotes} quotes in ${r.articles} articles (export ${Math.round(Number(r.exportBytes) / 1024)} KB), median of ${r.runs} runs; 1-minute load average ${Number(r.loadAtStart).toFixed(1)} → ${Number(r.loadAtEnd).toFixed(1)} on 2 cores.`,
    '',
    '| ms | Chromium | Firefox ESR |',
    '|---|---|---|',
    `| open, right after an article was kept: navigation to the speakers list drawn | ${cell('chromium', 'openColdMs')} | ${cell('firefox', 'openColdMs')} |`,
    `| … of which reading the library (IndexedDB, checked) | ${cell('chromium', 'loadedColdMs')} | ${cell('firefox', 'loadedColdMs')} |`,
    `| open again | ${cell('chromium', 'openMs')} | ${cell('firefox', 'openMs')} |`,
    `| … of which reading the library | ${cell('chromium', 'loadedMs')} | ${cell('firefox', 'loadedMs')} |`,
    `| search, median over 5 queries | ${cell('chromium', 'searchMs')} | ${cell('firefox', 'searchMs')} |`,
    `| search, first after opening | ${cell('chromium', 'firstSearchMs')} | ${cell('firefox', 'firstSearchMs')} |`,
    `| search, worst of all runs | ${cell('chromium', 'searchWorstMs')} | ${cell('firefox', 'searchWorstMs')} |`,
    `| render: keystroke to results painted (median) | ${cell('chromium', 'inputToPaintMs')} | ${cell('firefox', 'inputToPaintMs')} |`,
    `| scroll 10,000 results: frame, median / worst | ${cell('chromium', 'scrollFrameMs')} / ${cell('chromium', 'scrollWorstFrameMs')} | ${cell('firefox', 'scrollFrameMs')} / ${cell('firefox', 'scrollWorstFrameMs')} |`,
    `| list items in the DOM while scrolling | ${cell('chromium', 'renderedRows')} | ${cell('firefox', 'renderedRows')} |`,
    '',
    `Node (pure modules, same data): rows + speakers + index ${node.prepareMs} ms; search median ${node.searchMedianMs} ms, worst ${node.searchWorstMs} ms.`,
  ];
  return lines.join('\n');
}
