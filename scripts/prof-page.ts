// Where the content script's main-thread time goes in real Chromium: a CDP CPU profile of page
// loads with the built extension (dist/chrome), self time per function of content.js
// (bench/cpu-profile.ts). A diagnostic, not a benchmark: read the shares.
// Build with names first: QUOTELENS_NO_MINIFY=1 npx tsx scripts/build.ts chrome
// Usage: npx tsx scripts/prof-page.ts [--top 40] [--repeat 3] FILE.html...
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentProfile } from '../bench/cpu-profile';
import { startChromium } from './browsers';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '40' }, repeat: { type: 'string', default: '3' } },
});
const files = positionals.map((f) => resolve(f));
const server = createServer((req, res) => {
  const file = files[Number(new URL(req.url ?? '/', 'http://x').pathname.slice(1))];
  if (file === undefined) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;

const session = await startChromium({ extension: resolve('dist/chrome') });
const page = await session.context.newPage();
await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
const profile = new ContentProfile(await session.context.newCDPSession(page));
for (let r = 0; r < Number(values.repeat); r++) {
  for (const [i] of files.entries()) {
    await profile.start();
    await page.goto(`http://127.0.0.1:${port}/${i}`, { waitUntil: 'load' });
    await page.waitForFunction(() => {
      const s = document.documentElement.getAttribute('data-quotelens');
      return s !== null && s !== 'loading';
    });
    await page.waitForTimeout(300);
    await profile.stop();
  }
}
console.log(`content.js self time, ${profile.total.toFixed(1)} ms over ${files.length} pages x ${values.repeat}`);
console.log(profile.table(Number(values.top)));
await session.close();
server.close();
