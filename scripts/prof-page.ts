// Where the content script's main-thread time goes in real Chromium: a CDP CPU profile of page
// loads with the built extension (dist/chrome), self time summed per function of content.js.
// A diagnostic, not a benchmark (the profiler itself slows the page): read the shares.
// Build with names first: QUOTELENS_NO_MINIFY=1 npm run build -- chrome
// Usage: npx tsx scripts/prof-page.ts [--top 40] [--repeat 3] FILE.html...
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startChromium } from './browsers';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '40' }, repeat: { type: 'string', default: '3' } },
});
const files = positionals.map((f) => resolve(f));
const server = createServer((req, res) => {
  const i = Number(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
  const file = files[i];
  if (file === undefined) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

const session = await startChromium({ extension: resolve('dist/chrome') });
const page = await session.context.newPage();
await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
const cdp = await session.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const self = new Map<string, number>();
let total = 0;
for (let r = 0; r < Number(values.repeat); r++) {
  for (const [i] of files.entries()) {
    await cdp.send('Profiler.start');
    await page.goto(`http://127.0.0.1:${port}/${i}`, { waitUntil: 'load' });
    await page.waitForFunction(() => {
      const s = document.documentElement.getAttribute('data-quotelens');
      return s !== null && s !== 'loading';
    });
    await page.waitForTimeout(300);
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // A sample in a native DOM call counts for the function of ours that made it.
    const ours = (id: number): ProfileNode | null => {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const n = byId.get(at)!;
        if (n.callFrame.url.includes('content.js')) return n;
        if (n.callFrame.url !== '') return null;
      }
      return null;
    };
    for (const [k, id] of profile.samples.entries()) {
      const n = ours(id);
      if (!n) continue;
      const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000;
      const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + ms);
      total += ms;
    }
  }
}
console.log(`content.js self time, ${total.toFixed(1)} ms over ${files.length} pages x ${values.repeat}`);
for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
await session.close();
server.close();
