// The live-page benchmark (issue 17): a live blog that adds an entry (a quoted paragraph, every
// third one with an ad box) every 400 ms for 60 s, in real headless Chromium, with and without the
// extension. It reports our main-thread time per update (p50, p95: the union of our `quotelens:task`
// and `quotelens:observe` measures between two updates, read by a PerformanceObserver, which sees
// them even after the content script clears them), the page's own script time per update, and the
// click delay (event.timeStamp → click handler) of real input clicks made during the run.
//   npm run bench:live [-- --seconds 60 --every 400 --rounds 2 --out bench/results/live.json] [--profile]
//   --rounds N runs without and with the extension N times, alternating, and pools their figures
//   --profile prints content.js self time per function (build first with QUOTELENS_NO_MINIFY=1)
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/e2e/helpers/chromium';
import { serveFiles } from '../tests/e2e/helpers/server';
import { ContentProfile } from './cpu-profile';
import { round, summarize } from './stats';
import { LongTaskTrace } from './trace';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    every: { type: 'string', default: '400' },
    out: { type: 'string', default: 'bench/results/live.json' },
    /** A CPU profile of the run with the extension: where an update's time goes (a diagnostic). */
    profile: { type: 'boolean', default: false },
    /** Runs without and with the extension, alternating; clicks and updates are pooled over them. */
    rounds: { type: 'string', default: '2' },
  },
});
const SECONDS = Number(values.seconds);
const EVERY_MS = Number(values.every);
/** Real clicks this far apart (ms), out of step with the updates so they land at every phase. */
const CLICK_EVERY_MS = 730;
const REPO = resolve(import.meta.dirname, '..');
const EXTENSION = resolve(REPO, 'dist/chrome');

/** The live blog: our own sentences; the page's script is timed by the page itself. */
function livePage(): string {
  const lead = [
    'The council met until late on Tuesday to decide the future of the old harbour bridge, and this page follows the debate as it happens, with every speech and every vote.',
    '“We will not close the bridge while the ferries still run,” said Ana Ortiz, the mayor, as the meeting opened in the town hall.',
    'Members of the public filled the gallery, and the chair asked them twice to keep their voices down during the speeches.',
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live: the harbour bridge vote</title>
<meta property="og:type" content="article"></head><body>
<header><a href="/">The Harbour Post</a></header><main><article id="story"><h1>Live: the harbour bridge vote</h1>
${lead.map((t) => `<p>${t}</p>`).join('\n')}<div id="entries"></div></article></main>
<button id="target" style="position:fixed;right:10px;bottom:10px;width:120px;height:40px">Like</button>
<script>
window.__live = { updates: [], clicks: [] };
const speakers = ['Ana Ortiz', 'Ben Cole', 'Mia Holm', 'Jonas Berg'];
let n = 0;
function update() {
  const t0 = performance.now();
  const entry = document.createElement('section');
  const time = document.createElement('h3');
  time.textContent = 'Update ' + (++n);
  const p = document.createElement('p');
  p.textContent = '“Point number ' + n + ' is that the bridge must stay open for the ferries,” said ' + speakers[n % 4] + ' in the debate on the bridge.';
  const q = document.createElement('p');
  q.textContent = 'The chair noted the point and gave the floor to the next speaker on the list, who had waited since the start.';
  entry.append(time, p, q);
  if (n % 3 === 0) {
    const ad = document.createElement('div');
    ad.className = 'ad-slot';
    ad.textContent = 'Advertisement';
    entry.append(ad);
  }
  document.getElementById('entries').prepend(entry);
  window.__live.updates.push({ at: t0, pageMs: performance.now() - t0 });
}
window.__startLive = (every, count) => {
  let left = count;
  const timer = setInterval(() => { update(); if (--left <= 0) clearInterval(timer); }, every);
};
document.getElementById('target').addEventListener('click', (e) => {
  window.__live.clicks.push(performance.now() - e.timeStamp);
});
</script></body></html>`;
}

/** Installed before the page: every quotelens:* measure, as it is made. */
const RECORDER = `window.__ours = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name.startsWith('quotelens:')) window.__ours.push({ name: e.name, start: e.startTime, end: e.startTime + e.duration }); }).observe({ type: 'measure' });`;

interface RunResult {
  updates: { at: number; pageMs: number }[];
  clicks: number[];
  ours: { name: string; start: number; end: number }[];
  hiddenAds: number;
  highlightedQuotes: number;
  /** Our task and observe measures with their thread time (page clock), from the trace. */
  cpu: { start: number; cpuMs: number }[];
}

/** Length of the union of [start, end] intervals (nested measures count once). */
function unionLength(intervals: { start: number; end: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let curStart = Number.NEGATIVE_INFINITY;
  let curEnd = Number.NEGATIVE_INFINITY;
  for (const { start, end } of sorted) {
    if (start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = start;
      curEnd = end;
    } else curEnd = Math.max(curEnd, end);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

async function run(withExtension: boolean, url: string): Promise<RunResult> {
  const browser = await launchChromium(withExtension ? { extension: EXTENSION } : {});
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(RECORDER);
    await page.goto(url);
    if (withExtension)
      await page.waitForFunction(() => document.documentElement.getAttribute('data-quotelens') === 'ready', null, {
        timeout: 15_000,
      });
    const count = Math.floor((SECONDS * 1000) / EVERY_MS);
    const profile =
      withExtension && values.profile ? new ContentProfile(await browser.context.newCDPSession(page)) : null;
    await profile?.start();
    // Thread time of our measures, from a trace: the shared machine preempts the renderer, and wall
    // time counts those moments as ours. Traced in both runs: tracing slows input handling itself,
    // and a click delay compared across runs must pay the same instrumentation on both sides.
    const trace = new LongTaskTrace(await browser.context.newCDPSession(page));
    await trace.start();
    const syncAt = await page.evaluate(() => {
      performance.mark('quotelens-bench:sync');
      return performance.now();
    });
    await page.evaluate(
      ([every, n]) => (window as unknown as { __startLive(e: number, c: number): void }).__startLive(every, n),
      [EVERY_MS, count] as const,
    );
    const end = Date.now() + count * EVERY_MS + 1500;
    while (Date.now() < end) {
      await page.mouse.click(1210, 780);
      await new Promise((r) => setTimeout(r, CLICK_EVERY_MS));
    }
    const cpu = await trace.stopCpu(['quotelens:task', 'quotelens:observe']);
    const traceSync = cpu.marks.get('quotelens-bench:sync');
    const cpuMeasures =
      traceSync !== undefined ? cpu.measures.map((m) => ({ start: m.start - traceSync + syncAt, cpuMs: m.cpuMs })) : [];
    if (profile) {
      await profile.stop();
      console.log(`content.js self time over the updates, ${profile.total.toFixed(1)} ms:\n${profile.table(40)}`);
    }
    const result = await page.evaluate(() => {
      const w = window as unknown as {
        __live: { updates: { at: number; pageMs: number }[]; clicks: number[] };
        __ours: { name: string; start: number; end: number }[];
      };
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      let highlighted = 0;
      if (registry) for (const h of registry.values()) highlighted += h.size;
      return {
        updates: w.__live.updates,
        clicks: w.__live.clicks,
        ours: w.__ours,
        hiddenAds: [...document.querySelectorAll('.ad-slot')].filter((el) => getComputedStyle(el).display === 'none')
          .length,
        highlightedQuotes: highlighted,
      };
    });
    return { ...result, cpu: cpuMeasures };
  } finally {
    await browser.close();
  }
}

/** Our main-thread ms for each update: our measures from that update to the next. */
function perUpdate(result: RunResult): number[] {
  const { updates, ours } = result;
  const work = ours.filter((m) => m.name === 'quotelens:task' || m.name === 'quotelens:observe');
  return updates.map((u, i) => {
    const until = updates[i + 1]?.at ?? Number.POSITIVE_INFINITY;
    return unionLength(work.filter((m) => m.start >= u.at && m.start < until));
  });
}

const html = livePage();
const pageFile = resolve(REPO, 'artifacts/bench-live.html');
mkdirSync(resolve(REPO, 'artifacts'), { recursive: true });
writeFileSync(pageFile, html);
const served = await serveFiles({ '/live.html': pageFile });
const url = served.url('/live.html');
/** Pools rounds: clicks and per-update figures of every run of one kind. */
function pool(results: RunResult[]): RunResult & { perUpdate: number[]; cpuPerUpdate: number[] } {
  return {
    updates: results.flatMap((r) => r.updates),
    clicks: results.flatMap((r) => r.clicks),
    ours: results.flatMap((r) => r.ours),
    hiddenAds: Math.min(...results.map((r) => r.hiddenAds)),
    highlightedQuotes: Math.min(...results.map((r) => r.highlightedQuotes)),
    cpu: results.flatMap((r) => r.cpu),
    perUpdate: results.flatMap(perUpdate),
    cpuPerUpdate: results.flatMap(cpuPerUpdate),
  };
}

// Alternating, so a load spell on the shared machine falls on both sides rather than on one.
const ROUNDS = Math.max(1, Number(values.rounds));
const runsWithout: RunResult[] = [];
const runsWith: RunResult[] = [];
for (let i = 0; i < ROUNDS; i++) {
  runsWithout.push(await run(false, url));
  runsWith.push(await run(true, url));
}
await served.close();
const without = pool(runsWithout);
const withExt = pool(runsWith);

/** Our thread (CPU) ms for each update: the thread time of our measures from it to the next. */
function cpuPerUpdate(result: RunResult): number[] {
  const { updates, cpu } = result;
  return updates.map((u, i) => {
    const until = updates[i + 1]?.at ?? Number.POSITIVE_INFINITY;
    return cpu.filter((m) => m.start >= u.at && m.start < until).reduce((sum, m) => sum + m.cpuMs, 0);
  });
}

const ourPerUpdate = summarize(withExt.perUpdate);
const ourCpuPerUpdate = withExt.cpu.length > 0 ? summarize(withExt.cpuPerUpdate) : null;
const pagePerUpdate = summarize(withExt.updates.map((u) => u.pageMs));
const clicksWith = summarize(withExt.clicks);
const clicksWithout = summarize(without.clicks);
const report = {
  date: new Date().toISOString(),
  browser: 'chromium (headless)',
  seconds: SECONDS,
  everyMs: EVERY_MS,
  rounds: ROUNDS,
  updates: withExt.updates.length,
  ourMsPerUpdate: ourPerUpdate && {
    median: round(ourPerUpdate.median, 2),
    p95: round(ourPerUpdate.p95, 2),
    max: round(ourPerUpdate.max, 2),
  },
  ourCpuMsPerUpdate: ourCpuPerUpdate && {
    median: round(ourCpuPerUpdate.median, 2),
    p95: round(ourCpuPerUpdate.p95, 2),
    max: round(ourCpuPerUpdate.max, 2),
  },
  pageMsPerUpdate: pagePerUpdate && { median: round(pagePerUpdate.median, 2), p95: round(pagePerUpdate.p95, 2) },
  clickDelayMs: {
    with: clicksWith && { n: clicksWith.n, median: round(clicksWith.median, 2), p95: round(clicksWith.p95, 2) },
    without: clicksWithout && {
      n: clicksWithout.n,
      median: round(clicksWithout.median, 2),
      p95: round(clicksWithout.p95, 2),
    },
  },
  handled: {
    hiddenAds: withExt.hiddenAds,
    adsAdded: Math.floor(withExt.updates.length / ROUNDS / 3),
    highlightedQuotes: withExt.highlightedQuotes,
  },
};
writeFileSync(resolve(REPO, values.out), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
