// Two builds of the content script, back to back, on the pages that are not articles: what a
// change to the first look or the walk saves where most pages a reader opens end. Each page is
// loaded in both builds' Chromium in turn (the order alternates), so load on the machine falls on
// both alike; the figures are medians over pages of each page's median over the rounds.
// Usage: npx tsx bench/ab-skipped.ts --base DIST_DIR --new DIST_DIR [--rounds 4] [--set aeb --pages 40] [--per-page]
//   DIST_DIR: a copy of dist/chrome of each build (npx tsx scripts/build.ts chrome; cp -r dist/chrome DIR)
//   --set: another page set (aeb, readability): the pages ready in both builds, our time and the
//   time from navigation start to the highlights painted; --pages: the first N of the set;
//   --per-page: also each page's median our time in both builds.
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium';
import { measurePage } from './measure';
import { realPages, SEED_NAME } from './pages';
import { serveStatic } from './server';
import { comparePerPage, median } from './stats';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    new: { type: 'string' },
    rounds: { type: 'string', default: '4' },
    set: { type: 'string', default: 'nonarticles' },
    pages: { type: 'string' },
    'per-page': { type: 'boolean', default: false },
  },
});
if (!values.base || !values.new) throw new Error('--base DIR and --new DIR: two copies of dist/chrome');
const rounds = Number(values.rounds);

const all = realPages();
const articles = values.set !== 'nonarticles';
const pages = all.filter((p) => p.set === values.set).slice(0, values.pages ? Number(values.pages) : undefined);
const wanted = articles ? 'ready' : 'skipped';
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

/** ms[build][page]: our time on each round where the page was skipped (ready, for articles). */
const ms: number[][][] = builds.map(() => pages.map(() => []));
/** The same for navigation start → highlights painted (articles). */
const painted: number[][][] = builds.map(() => pages.map(() => []));
for (let r = 0; r < rounds; r++)
  for (const [i, page] of pages.entries())
    for (const b of (r + i) % 2 ? [0, 1] : [1, 0]) {
      const run = await measurePage(tabs[b]!, page.name, server.origin + page.path, options).catch(() => null);
      if (run?.status !== wanted || run.oursMs === null) continue;
      ms[b]![i]!.push(run.oursMs);
      if (run.engine?.loadToHighlightsMs != null) painted[b]![i]!.push(run.engine.loadToHighlightsMs);
    }

const label = `pages ${wanted} in both builds`;
const compare = (what: string, samples: number[][][]) =>
  console.log(comparePerPage(what, ['base', 'new'], samples, label).join('\n'));
compare('our time', ms);
if (values['per-page'])
  for (const [i, page] of pages.entries()) {
    const [b, n] = ms.map((build) => (build[i]!.length ? median(build[i]!) : Number.NaN));
    console.log(
      `  ${page.name}: base ${b!.toFixed(2)} ms, new ${n!.toFixed(2)} ms, new - base ${(n! - b!).toFixed(2)} ms`,
    );
  }
if (articles) compare('navigation start to highlights', painted);
for (const tab of tabs) await tab.close();
for (const b of builds) await b.browser.close();
await server.close();
