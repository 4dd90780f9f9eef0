// npm run bench: our content script's main-thread time against Readability's parse() on the same
// pages in real browsers, plus long tasks, heap, bundle sizes, popup open time and a scaling run.
// Usage: npx tsx scripts/bench.ts [--browser chromium|firefox|both] [--pages N] [--firefox-pages N] [--quick]
//        [--out DIR]
// See docs/bench.md for what each number means.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ChromiumBench, launchChromium } from '../bench/chromium';
import { launchFirefox } from '../bench/firefox';
import { emptyRun, LONG_TASK_MS, measureObserverBatches, measurePage, type PageRun } from '../bench/measure';
import { type BenchPage, PAGE_SETS, realPages, SCALES, SEED_NAME, syntheticPages } from '../bench/pages';
import { measurePopup } from '../bench/popup';
import { type BenchResults, type BrowserResults, renderMarkdown, renderSvg, type ScaleRun } from '../bench/report';
import { type PageSource, serveStatic } from '../bench/server';
import { bundleSizes } from '../bench/sizes';
import type { BenchBrowser, BrowserName } from '../bench/tab';
import { hasShared, missingSharedMessage } from '../tests/shared-data';

interface Args {
  browsers: BrowserName[];
  pages: number | undefined;
  /** Firefox's own page count (an evenly spread subset), when the machine is too busy for all. */
  firefoxPages: number | undefined;
  quick: boolean;
  out: string;
}

function parseBenchArgs(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      browser: { type: 'string', default: 'both' },
      pages: { type: 'string' },
      'firefox-pages': { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results' },
    },
  });
  const browsers: BrowserName[] =
    values.browser === 'both'
      ? ['chromium', 'firefox']
      : values.browser === 'chromium' || values.browser === 'firefox'
        ? [values.browser]
        : [];
  if (browsers.length === 0) throw new Error(`--browser chromium|firefox|both, not ${values.browser}`);
  const pages = values.pages === undefined ? (values.quick ? 20 : undefined) : Number(values.pages);
  const firefoxPages = values['firefox-pages'] === undefined ? undefined : Number(values['firefox-pages']);
  return { browsers, pages, firefoxPages, quick: values.quick, out: values.out };
}

const args = parseBenchArgs(process.argv.slice(2));
if (!hasShared('pages', 'readability')) {
  console.error(missingSharedMessage('pages', 'readability'));
  process.exit(1);
}
if (!existsSync('dist/chrome/content.js') || !existsSync('dist/firefox/content.js')) {
  console.log('dist/ missing: building');
  execFileSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
}
// A private copy of the build: others may rebuild dist/ while the benchmark runs.
const snapshot = mkdtempSync(join(tmpdir(), 'quotelens-bench-dist-'));
const dist = (target: 'chrome' | 'firefox') => join(snapshot, target);
cpSync('dist/chrome', dist('chrome'), { recursive: true });
cpSync('dist/firefox', dist('firefox'), { recursive: true });

const pages = realPages(args.pages);
const synthetic = syntheticPages();
const routes = new Map<string, PageSource>([...pages, ...synthetic].map((p) => [p.path, p.source]));
const server = await serveStatic(routes);
const urlOf = (p: BenchPage) => server.origin + p.path;
const log = (msg: string) => process.stderr.write(`${msg}\n`);
const seed = pages.find((p) => p.name === SEED_NAME)!;
const scaleLoads = args.quick ? 2 : 5;

/** Heap with and without the extension needs a second pass: kept to an even spread of pages. */
const HEAP_PAGES = 25;
const heapPages = new Set(realPages(Math.min(HEAP_PAGES, args.pages ?? HEAP_PAGES)).map((p) => p.name));

async function runPages(browser: BenchBrowser, list: BenchPage[], heap: boolean): Promise<PageRun[]> {
  const tab = await browser.newTab();
  const runs: PageRun[] = [];
  // One untimed load first: the browser's and the extension's start-up is not a page's cost.
  const warm = await measurePage(tab, 'warm-up', urlOf(seed), {
    withExtension: browser.withExtension,
    readability: false,
    heap: false,
  });
  if (browser.withExtension && warm.status !== 'ready')
    throw new Error(
      `the content script did not run on the seed page (data-quotelens: ${warm.status}): is dist/ a complete build? ` +
        'Run npm run build (a build running at the same time can leave it half-written).',
    );
  for (const [i, page] of list.entries()) {
    const run = await measurePage(tab, page.name, urlOf(page), {
      withExtension: browser.withExtension,
      readability: browser.withExtension,
      heap: heap && heapPages.has(page.name),
    }).catch((err: unknown) => failedRun(page.name, err));
    runs.push(run);
    if (browser.withExtension)
      log(
        `${browser.name} ${i + 1}/${list.length} ${page.name}: ${run.status} ours ${run.oursMs ?? '-'} ms, ` +
          `Readability ${run.readabilityMs?.toFixed(1) ?? '-'} ms`,
      );
  }
  await tab.close();
  return runs;
}

/**
 * A page that navigated itself away mid-measure (a script setting `location`) or closed its
 * context: recorded with its error, and the run goes on.
 */
function failedRun(page: string, err: unknown): PageRun {
  const error = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return { ...emptyRun(page), status: 'failed', ...(error ? { error } : {}) };
}

/**
 * Traced reloads of the slowest pages whose total passed 50 ms, and of the largest synthetic one:
 * the browser's own account of our slices against our `quotelens:task` clock (about 1-2 s a page
 * on an idle machine, so at most this many).
 */
const TRACE_MAX_PAGES = 30;

async function runTraceChecks(browser: BenchBrowser, runs: PageRun[]): Promise<PageRun[]> {
  const slowest = [...runs]
    .filter((r) => r.oursMs !== null && r.oursMs > LONG_TASK_MS)
    .sort((a, b) => b.oursMs! - a.oursMs!)
    .slice(0, TRACE_MAX_PAGES)
    .map((r) => pages.find((p) => p.name === r.page)!);
  const tab = await browser.newTab();
  const out: PageRun[] = [];
  for (const page of [...slowest, synthetic[synthetic.length - 1]!]) {
    const run = await measurePage(tab, page.name, urlOf(page), {
      withExtension: true,
      readability: false,
      heap: false,
      trace: true,
    });
    out.push(run);
    const slices = run.ourSlices ?? [];
    const slice = Math.max(0, ...slices.map((t) => t.duration));
    log(
      `${browser.name} trace ${page.name}: ours ${run.oursMs} ms in ${slices.length} slices, longest ${slice.toFixed(1)} ms`,
    );
  }
  await tab.close();
  return out;
}

async function runScaling(browser: BenchBrowser): Promise<ScaleRun[]> {
  const tab = await browser.newTab();
  const out: ScaleRun[] = [];
  // Untimed first load in the new tab, as for the pages.
  await measurePage(tab, 'warm-up', urlOf(synthetic[0]!), { withExtension: true, readability: false, heap: false });
  for (const page of synthetic) {
    const runs: PageRun[] = [];
    for (let i = 0; i < scaleLoads; i++)
      runs.push(
        await measurePage(tab, page.name, urlOf(page), { withExtension: true, readability: i === 0, heap: false }),
      );
    const times = SCALES[synthetic.indexOf(page)]!;
    out.push({ times, bytes: page.source && 'html' in page.source ? page.source.html.length : 0, runs });
    log(`${browser.name} scaling ${times}x: ours ${runs.map((r) => r.oursMs).join(', ')} ms`);
  }
  await tab.close();
  return out;
}

/** Article pages loaded with the background stopped before each: Chromium; Firefox waits ~3 s a page. */
const STOPPED_PAGES = { chromium: 20, firefox: 5 } as const;
/** Firefox's event-page idle timeout for the stopped pass (its default is 30 s). */
const FIREFOX_IDLE_MS = 1000;

/** Article pages of the main pass, evenly spread, each loaded again after the background was stopped. */
async function runStopped(browser: BenchBrowser, runs: PageRun[]): Promise<PageRun[]> {
  if (!browser.stopBackground) return [];
  const ready = runs.filter((r) => r.status === 'ready' && r.engine);
  const n = Math.min(args.quick ? 3 : STOPPED_PAGES[browser.name], ready.length);
  const chosen = Array.from({ length: n }, (_, i) => ready[Math.floor((i * ready.length) / n)]!);
  const tab = await browser.newTab();
  const out: PageRun[] = [];
  for (const r of chosen) {
    const page = pages.find((p) => p.name === r.page)!;
    await browser.stopBackground();
    const run = await measurePage(tab, page.name, urlOf(page), {
      withExtension: true,
      readability: false,
      heap: false,
    });
    out.push(run);
    log(
      run.engine
        ? `${browser.name} stopped background ${page.name}: ${run.engine.cold ? 'cold' : 'WARM'} wait ` +
            `${run.engine.waitMs.toFixed(1)} ms, blocks → highlights ${run.engine.toHighlightsMs?.toFixed(1) ?? '-'} ms`
        : `${browser.name} stopped background ${page.name}: no engine request (${run.status}${run.error ? `: ${run.error}` : ''})`,
    );
  }
  await tab.close();
  return out;
}

async function runObserver(browser: BenchBrowser): Promise<number[]> {
  const tab = await browser.newTab();
  await measurePage(tab, seed.name, urlOf(seed), { withExtension: true, readability: false, heap: false });
  const batches = await measureObserverBatches(tab, args.quick ? 4 : 8);
  await tab.close();
  return batches;
}

async function benchChromium(): Promise<BrowserResults> {
  const t0 = Date.now();
  log('chromium: baseline pass without the extension (heap)');
  const plain = await launchChromium(null);
  const baseline = await runPages(
    plain,
    pages.filter((p) => heapPages.has(p.name)),
    true,
  );
  await plain.close();
  const bench: ChromiumBench = await launchChromium(dist('chrome'));
  const runs = await runPages(bench, pages, true);
  const observerBatches = await runObserver(bench);
  const scaling = await runScaling(bench);
  const traceChecks = await runTraceChecks(bench, runs);
  const stopped = await runStopped(bench, runs);
  const popup = await measurePopup(bench, urlOf(seed), args.quick ? 3 : 6);
  log(`chromium popup: ${popup.map((p) => `${p.ms.toFixed(1)} ms (${p.state})`).join(', ')}`);
  const result: BrowserResults = {
    browser: 'chromium',
    version: bench.version,
    pages: runs,
    baselineHeap: Object.fromEntries(baseline.map((r) => [r.page, r.heapUsed ?? Number.NaN])),
    observerBatches,
    scaling,
    popup,
    traceChecks,
    stopped,
    blockedRequests: bench.blockedRequests() + plain.blockedRequests(),
    wallSeconds: (Date.now() - t0) / 1000,
  };
  await bench.close();
  return result;
}

async function benchFirefox(): Promise<BrowserResults> {
  const t0 = Date.now();
  const bench = await launchFirefox(dist('firefox'));
  const list = args.firefoxPages === undefined ? pages : realPages(Math.min(args.firefoxPages, pages.length));
  const runs = await runPages(bench, list, false);
  const observerBatches = await runObserver(bench);
  const scaling = await runScaling(bench);
  await bench.close();
  // The event page unloads only after an idle timeout: a browser of its own with a short one.
  const idle = await launchFirefox(dist('firefox'), { backgroundIdleMs: FIREFOX_IDLE_MS });
  const stopped = await runStopped(idle, runs);
  await idle.close();
  const result: BrowserResults = {
    browser: 'firefox',
    version: bench.version,
    pages: runs,
    observerBatches,
    scaling,
    stopped,
    blockedRequests: bench.blockedRequests() + idle.blockedRequests(),
    wallSeconds: (Date.now() - t0) / 1000,
  };
  return result;
}

function machine(): BenchResults['machine'] {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  let os: string = process.platform;
  try {
    os = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // Not Linux: the platform name will do.
  }
  return {
    cpus: availableParallelism(),
    cpuModel: model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os,
    node: process.version,
    loadAverage: loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

/** Source files that differ from the commit (the build under test is of the working tree). */
function uncommittedSources(): string[] {
  try {
    return execFileSync('git', ['status', '--porcelain', '--', 'src', 'manifest.json', 'vite.config.ts'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.slice(3));
  } catch {
    return [];
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const started = Date.now();
const results: BenchResults = {
  date: new Date().toISOString(),
  command: `npx tsx scripts/bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
  commit: gitCommit(),
  uncommitted: uncommittedSources(),
  machine: machine(),
  pageCount: pages.length,
  pageSets: Object.fromEntries(PAGE_SETS.map((set) => [set, pages.filter((p) => p.set === set).length])),
  sizes: bundleSizes(dist('chrome')),
  firefoxContentScriptGzip: bundleSizes(dist('firefox')).contentScript.gzip,
  firefoxBackgroundGzip: bundleSizes(dist('firefox')).background.gzip,
  browsers: [],
  failures: [],
  wallSeconds: 0,
};
try {
  for (const name of args.browsers) {
    try {
      results.browsers.push(name === 'chromium' ? await benchChromium() : await benchFirefox());
    } catch (err) {
      // One browser failing must not lose the other's results.
      log(`${name}: failed: ${(err as Error).stack ?? err}`);
      results.failures.push(`${name}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
} finally {
  await server.close();
  rmSync(snapshot, { recursive: true, force: true });
}
results.wallSeconds = Math.round((Date.now() - started) / 100) / 10;
results.machine.loadAverageAtEnd = loadavg().map((v) => Math.round(v * 100) / 100);

const out = resolve(args.out);
mkdirSync(out, { recursive: true });
const markdown = renderMarkdown(results);
writeFileSync(join(out, 'bench.json'), `${JSON.stringify(results, null, 1)}\n`);
writeFileSync(join(out, 'bench.md'), markdown);
writeFileSync(join(out, 'bench.svg'), renderSvg(results));
// docs/bench.md carries a copy of the latest tables between two markers.
const DOC = 'docs/bench.md';
const BEGIN = '<!-- bench:results:begin -->';
const END = '<!-- bench:results:end -->';
if (resolve(args.out) === resolve('bench/results') && existsSync(DOC)) {
  const doc = readFileSync(DOC, 'utf8');
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a >= 0 && b > a) {
    const body = markdown.replace(/^# .*\n/, '').replace(/^## /gm, '### ');
    writeFileSync(DOC, `${doc.slice(0, a + BEGIN.length)}\n${body}\n${doc.slice(b)}`);
  }
}
process.stdout.write(markdown);
log(`wrote ${join(out, 'bench.md')}, bench.json, bench.svg in ${results.wallSeconds} s`);
