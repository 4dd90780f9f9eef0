// Two builds of the content script, back to back, on the pages that are not articles: what a
// change to the first look or the walk saves where most pages a reader opens end. Each page is
// loaded in both builds' Chromium in turn (the order alternates), so load on the machine falls on
// both alike; the figures are medians over pages of each page's median over the rounds.
// Usage: npx tsx bench/ab-skipped.ts --base DIST_DIR --new DIST_DIR [--rounds 4]
//   DIST_DIR: a copy of dist/chrome of each build (npx tsx scripts/build.ts chrome; cp -r dist/chrome DIR)
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium';
import { measurePage } from './measure';
import { realPages, SEED_NAME } from './pages';
import { serveStatic } from './server';
import { median, quantile } from './stats';

const { values } = parseArgs({
  options: { base: { type: 'string' }, new: { type: 'string' }, rounds: { type: 'string', default: '4' } },
});
if (!values.base || !values.new) throw new Error('--base DIR and --new DIR: two copies of dist/chrome');
const rounds = Number(values.rounds);

const all = realPages();
const pages = all.filter((p) => p.set === 'nonarticles');
const seed = all.find((p) => p.name === SEED_NAME)!;
const server = await serveStatic(new Map([...pages, seed].map((p) => [p.path, p.source])));
const builds = [
  { name: 'base', browser: await launchChromium(values.base) },
  { name: 'new', browser: await launchChromium(values.new) },
];
const tabs = await Promise.all(builds.map((b) => b.browser.newTab()));
const options = { withExtension: true, readability: false, heap: false };
// One untimed load each: the browser's and the extension's start-up is not a page's cost.
for (const tab of tabs) await measurePage(tab, 'warm-up', server.origin + seed.path, options);

/** ms[build][page]: our time on each round where the page was skipped. */
const ms: number[][][] = builds.map(() => pages.map(() => []));
for (let r = 0; r < rounds; r++)
  for (const [i, page] of pages.entries())
    for (const b of (r + i) % 2 ? [0, 1] : [1, 0]) {
      const run = await measurePage(tabs[b]!, page.name, server.origin + page.path, options).catch(() => null);
      if (run?.status === 'skipped' && run.oursMs !== null) ms[b]![i]!.push(run.oursMs);
    }

const perPage = ms.map((build) => build.map((xs) => (xs.length ? median(xs) : Number.NaN)));
const both = pages.map((_, i) => i).filter((i) => perPage.every((b) => !Number.isNaN(b[i]!)));
for (const [b, build] of builds.entries()) {
  const xs = both.map((i) => perPage[b]![i]!);
  console.log(
    `${build.name}: ${xs.length} pages skipped in both builds, median ${median(xs).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms`,
  );
}
const diffs = both.map((i) => perPage[1]![i]! - perPage[0]![i]!);
console.log(
  `new - base per page: median ${median(diffs).toFixed(2)} ms; faster on ${diffs.filter((d) => d < 0).length} of ${diffs.length}`,
);
for (const tab of tabs) await tab.close();
for (const b of builds) await b.browser.close();
await server.close();
