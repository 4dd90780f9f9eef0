// Tests of our own conventions: the core stays pure, and it never changes the page it reads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../../src/cli/parse-html';
import { analyzePage } from '../../src/core/report';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const page = `<!doctype html><html lang="en"><head><title>Ferry strike</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry strike"}</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ferry strike ends</h1>
<p>The ferry crews returned to work on Tuesday after a week of talks with the operator, which agreed to review the rota and to hire more deckhands before the summer season begins.</p>
<p>“We got most of what we asked for,” said Lina Berg, who leads the crews’ union. She added that talks would go on.</p>
<p>The operator said it “welcomes the return to normal service.”</p>
<div class="ad-slot"><span>Advertisement</span><iframe src="https://ads.example/x"></iframe></div>
<p>Passengers had faced long queues at both ports, and some businesses on the islands reported losses during the stoppage.</p>
</article><aside><h3>Most read</h3><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></aside></body></html>`;

describe('conventions', () => {
  it('core modules import no adapter, no polyfill and no browser extension API', () => {
    for (const file of filesUnder('src/core')) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from '\.\.\/(content|background|popup|options|cli|shared)\//);
      expect(text, file).not.toMatch(/webextension-polyfill|\bchrome\.|\bbrowser\./);
    }
  });

  it('analysis does not change the document', () => {
    const doc = parseHtml(page);
    const before = doc.documentElement.outerHTML;
    analyzePage(doc, { mode: 'declutter' });
    analyzePage(doc, { mode: 'focus' });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('analysis is deterministic', () => {
    const strip = (r: ReturnType<typeof analyzePage>['report']) => ({ ...r, timings: {} });
    expect(strip(analyzePage(parseHtml(page)).report)).toEqual(strip(analyzePage(parseHtml(page)).report));
  });

  it('importing the core creates no globals', async () => {
    vi.resetModules();
    const before = new Set(Object.keys(globalThis));
    const fresh = await import('../../src/core/report');
    fresh.analyzePage(parseHtml(page));
    const added = Object.keys(globalThis).filter((k) => !before.has(k));
    expect(added).toEqual([]);
  });
});
