// What every page pays for our content script, start-up included: the sampling profiler's time in
// functions of our page scripts (content.js and the chunks it imports), and, from the trace,
// Chromium's EvaluateScript of content.js (its compile and top-level run). Our User Timing measures
// and data-quotelens-ms start only once the settings are read, so the main bench (scripts/bench.ts)
// sees neither the script's evaluation nor its start. Two builds back to back on the same pages,
// the order alternating per page and round.
// Usage: npx tsx bench/script-cost.ts --base DIST_DIR --new DIST_DIR [--set nonarticles] [--pages 30] [--rounds 2]
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium';
import { realPages } from './pages';
import { serveStatic } from './server';
import { comparePerPage } from './stats';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    new: { type: 'string' },
    set: { type: 'string', default: 'nonarticles' },
    pages: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '2' },
  },
});
if (!values.base || !values.new) throw new Error('--base DIR and --new DIR: two copies of dist/chrome');
const pages = realPages()
  .filter((p) => p.set === values.set)
  .slice(0, Number(values.pages));
const server = await serveStatic(new Map(pages.map((p) => [p.path, p.source])));

/** Our page scripts: the content script and its chunks, at the extension's origin. */
const OURS = /^chrome-extension:\/\/[^/]+\/[\w-]+\.js$/;
/** The sampling interval, µs: fine enough for a page's 1-10 ms of our work. */
const SAMPLE_US = 50;

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}
interface Cost {
  profiledMs: number;
  evaluateMs: number;
}

const builds = await Promise.all(
  [values.base, values.new].map(async (dir, i) => {
    const browser = await launchChromium(dir);
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
    let events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => {
      for (const ev of e.value as unknown as TraceEvent[]) if (ev.name === 'EvaluateScript') events.push(ev);
    });
    /** Our cost on one load of `url`, until the page's verdict is written. */
    const cost = async (url: string): Promise<Cost | null> => {
      events = [];
      const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['devtools.timeline'] },
        transferMode: 'ReportEvents',
      });
      await cdp.send('Profiler.start');
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      const settled = await page
        .waitForFunction(() => !['loading', undefined].includes(document.documentElement.dataset.quotelens), null, {
          timeout: 10_000,
        })
        .then(
          () => true,
          () => false,
        );
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.send('Tracing.end');
      await traced;
      if (!settled) return null;
      const ours = new Set(profile.nodes.filter((n) => OURS.test(n.callFrame.url)).map((n) => n.id));
      let us = 0;
      for (const [k, id] of (profile.samples ?? []).entries()) if (ours.has(id)) us += profile.timeDeltas?.[k] ?? 0;
      const evaluated = events.filter((e) => e.ph === 'X' && /\/content\.js$/.test(e.args?.data?.url ?? ''));
      const evaluateMs = evaluated.length === 1 ? (evaluated[0]!.tdur ?? evaluated[0]!.dur!) / 1000 : Number.NaN;
      return { profiledMs: us / 1000, evaluateMs };
    };
    return { name: i === 0 ? 'base' : 'new', browser, cost };
  }),
);

for (const b of builds) await b.cost(server.origin + pages[0]!.path); // warm-up
const runs: Cost[][][] = builds.map(() => pages.map(() => []));
for (let r = 0; r < Number(values.rounds); r++)
  for (const [i, p] of pages.entries())
    for (const b of (r + i) % 2 ? [0, 1] : [1, 0]) {
      const x = await builds[b]!.cost(server.origin + p.path).catch(() => null);
      if (x !== null) runs[b]![i]!.push(x);
    }

const compare = (what: string, pick: (c: Cost) => number) =>
  console.log(
    comparePerPage(
      what,
      ['base', 'new'],
      runs.map((build) => build.map((xs) => xs.map(pick))),
      `${values.set} pages`,
    ).join('\n'),
  );
compare('profiled time in our scripts', (c) => c.profiledMs);
compare('EvaluateScript of content.js (thread time)', (c) => c.evaluateMs);
for (const b of builds) await b.browser.close();
await server.close();
