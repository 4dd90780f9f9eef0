// PageController on a small invented article in the test's happy-dom window: applying a report,
// highlighting through a stand-in Highlight API (tests/unit/highlight-stub.ts), undoing it exactly,
// a browser without the API, and "show hidden".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageController } from '../../src/content/page';
import { HIGHLIGHT_FLASH, HIGHLIGHT_NONE, HIGHLIGHT_PREFIX } from '../../src/content/style';
import { localEngine, testController } from './engine-link';
import {
  type FakeRegistry,
  highlightedTexts,
  highlightGroups,
  installHighlightApi,
  isOurHighlightName,
  removeHighlightApi,
} from './highlight-stub';

const ARTICLE = `<head><title>Bridge plan approved</title><meta property="og:type" content="article"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge plan approved</h1>
<p class="byline">By Jo Lane</p>
<p>The council approved the plan for the new bridge on Tuesday evening after a long debate about costs, traffic and the river's banks, which flood most winters.</p>
<p>“We will rebuild the bridge by spring,” said Ana Ortiz, the mayor of Riverton. She added that the budget was <em>tight</em>.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>Ben Cole, who leads the opposition, was not convinced. “Nobody asked us,” he said after the vote.</p>
<p>Work starts in March, and the old bridge stays open until the new one is finished, the council said in a statement on its website.</p>
</article>
<aside class="trending"><h3>Trending</h3><ul><li><a href="/a">One story</a></li><li><a href="/b">Two story</a></li><li><a href="/c">Three story</a></li></ul></aside>
</body>`;

const toggles = { declutter: true, highlight: true, focus: false };
const ANA = 'We will rebuild the bridge by spring,';
const BEN = 'Nobody asked us,';
let before: string;
let registry: FakeRegistry;

function load(html = ARTICLE): PageController {
  document.documentElement.innerHTML = html;
  before = document.documentElement.outerHTML;
  return testController({ ...toggles }, localEngine, window as unknown as Window);
}

function textNodes(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
  return out;
}

/** Every node under <body>, so a test can tell that none was added, removed or replaced. */
function allNodes(): Node[] {
  const out: Node[] = [];
  const walker = document.createTreeWalker(document.body, 0xffffffff);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
  return out;
}

beforeEach(() => {
  for (const a of Array.from(document.documentElement.attributes)) document.documentElement.removeAttribute(a.name);
  registry = installHighlightApi();
});
afterEach(() => {
  removeHighlightApi();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('PageController.run', () => {
  it('sets the hooks, hides the clutter and highlights the quotes', () => {
    const page = load();
    page.run();
    const html = document.documentElement;
    expect(html.getAttribute('data-quotelens')).toBe('ready');
    expect(Number(html.getAttribute('data-quotelens-quotes'))).toBe(2);
    expect(html.hasAttribute('data-quotelens-ms')).toBe(true);
    expect(document.getElementById('quotelens-style')).not.toBeNull();
    const hidden = Array.from(document.querySelectorAll('[data-quotelens-hidden]'));
    expect(hidden.map((el) => el.className)).toEqual(expect.arrayContaining(['ad-slot', 'trending']));
    for (const el of hidden) expect(el.contains(page.articleRoot)).toBe(false);
    expect(page.state()).toMatchObject({ status: 'ready', hiddenNow: hidden.length });
  });

  it('highlights register one range per quote, grouped by colour, and add no node to the page', () => {
    const page = load();
    const textBefore = textNodes();
    const nodesBefore = allNodes();
    page.run();
    expect(highlightedTexts(registry)).toEqual([ANA, BEN]);
    const groups = highlightGroups(registry);
    const colour = new RegExp(`^${HIGHLIGHT_PREFIX}\\d+$`);
    for (const name of Object.keys(groups)) expect(name === HIGHLIGHT_NONE || colour.test(name), name).toBe(true);
    // Ana Ortiz is named: her quote is in a speaker colour, not the unattributed group.
    const anaGroup = Object.keys(groups).find((name) => groups[name]!.includes(ANA));
    expect(anaGroup).toMatch(colour);
    expect(allNodes()).toEqual(nodesBefore);
    expect(textNodes()).toEqual(textBefore);
    expect(document.querySelector('mark')).toBeNull();

    page.setToggles({ highlight: false });
    expect(registry.size).toBe(0);
    expect(allNodes()).toEqual(nodesBefore);
    expect(document.documentElement.getAttribute('data-quotelens-quotes')).toBe('0');
    page.setToggles({ highlight: true });
    expect(highlightGroups(registry)).toEqual(groups);
  });

  it('a quote across inline markup is one range spanning it; clearing leaves the page as it was', () => {
    const page = load(ARTICLE.replace(`“${ANA}”`, '“We will <b>rebuild</b> the bridge by spring,”'));
    const textBefore = textNodes();
    page.run();
    const ranges = [...registry.values()].flatMap((h) => [...h]);
    const spanning = ranges.filter((r) => r.toString() === ANA);
    expect(spanning).toHaveLength(1);
    const range = spanning[0]!;
    const bold = document.querySelector('b')!;
    expect(range.startContainer).not.toBe(range.endContainer);
    expect(range.intersectsNode(bold)).toBe(true);
    expect(bold.childNodes).toHaveLength(1);
    expect(textNodes()).toEqual(textBefore);
    page.clearAll();
    expect(registry.size).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('scrolling to a quote flashes it; clearing removes the flash with the rest', () => {
    const page = load();
    page.run();
    expect(page.scrollToQuote('q0')).toBe(true);
    expect(highlightGroups(registry)[HIGHLIGHT_FLASH]).toEqual([ANA]);
    expect([...registry.keys()].every(isOurHighlightName)).toBe(true);
    page.clearAll();
    expect(registry.size).toBe(0);
  });

  it('without the Highlight API the page is still processed and nothing is wrapped', () => {
    removeHighlightApi();
    expect((window as unknown as { CSS: { highlights?: unknown } }).CSS.highlights).toBeUndefined();
    const page = load();
    const textBefore = textNodes();
    page.run();
    const html = document.documentElement;
    expect(html.getAttribute('data-quotelens')).toBe('ready');
    expect(Number(html.getAttribute('data-quotelens-quotes'))).toBe(2);
    expect(document.querySelector('[data-quotelens-hidden]')).not.toBeNull();
    expect(document.querySelector('mark')).toBeNull();
    expect(textNodes()).toEqual(textBefore);
    expect(page.scrollToQuote('q0')).toBe(true);
    page.setToggles({ highlight: false });
    page.setToggles({ highlight: true });
    expect(textNodes()).toEqual(textBefore);
    page.clearAll();
    expect(html.outerHTML).toBe(before);
  });
});

describe('undo', () => {
  it('clearAll() restores the document exactly and removes every highlight', () => {
    const page = load();
    page.run();
    expect(document.documentElement.outerHTML).not.toBe(before);
    expect(registry.size).toBeGreaterThan(0);
    page.clearAll();
    expect(registry.size).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('setEnabled(false) removes every trace but the "off" hook', () => {
    const page = load();
    page.run();
    page.setEnabled(false);
    expect(registry.size).toBe(0);
    expect(document.documentElement.getAttribute('data-quotelens')).toBe('off');
    document.documentElement.removeAttribute('data-quotelens');
    expect(document.documentElement.outerHTML).toBe(before);
    expect(page.state().status).toBe('off');
  });

  it('off and on again gives the same page as the first run', async () => {
    const page = load();
    const snapshot = () => ({
      hooks: Array.from(document.documentElement.attributes)
        .filter((a) => a.name !== 'data-quotelens-ms')
        .map((a) => `${a.name}=${a.value}`)
        .sort(),
      head: document.head.outerHTML,
      body: document.body.outerHTML,
      highlights: highlightGroups(registry),
    });
    page.run();
    const first = snapshot();
    page.setEnabled(false);
    await page.setEnabled(true);
    expect(snapshot()).toEqual(first);
  });

  it('a hover card still due after scrollToQuote does not appear once switched off', () => {
    vi.useFakeTimers();
    try {
      const page = load();
      page.run();
      expect(page.scrollToQuote('q0')).toBe(true);
      page.setEnabled(false);
      vi.advanceTimersByTime(5000);
      expect(document.querySelector('[data-quotelens-tip]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reanalyse() after focus mode and reveal leaves nothing behind', async () => {
    const page = load();
    page.run();
    await page.setToggles({ focus: true });
    page.showHidden(true);
    await page.reanalyse();
    page.clearAll();
    expect(registry.size).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('reader comfort in focus mode', () => {
  const DARK = { size: 120, width: 'narrow', spacing: 'relaxed', theme: 'dark' };
  const flush = () => new Promise((r) => setTimeout(r, 0));
  async function withComfort(stored: unknown): Promise<PageController> {
    const chunk = await import('../../src/content/comfort');
    const page = load();
    page.comfort = stored;
    page.loadComfort = async () => chunk;
    return page;
  }
  const sheet = () => document.getElementById('quotelens-comfort')?.textContent ?? null;

  it('applies the stored choices to the article root in focus mode only, and undoes them exactly', async () => {
    const page = await withComfort(DARK);
    page.run();
    await flush();
    expect(sheet()).toBeNull();
    await page.setToggles({ focus: true });
    await flush();
    expect(sheet()).toContain('zoom:1.2');
    expect(sheet()).toContain('max-width:55ch');
    expect(sheet()).toContain('#1b1b1f');
    expect(document.querySelectorAll('[data-quotelens-comfort]')).toHaveLength(1);
    expect(document.querySelector('[data-quotelens-comfort]')!.querySelector('p')).not.toBeNull();
    await page.setToggles({ focus: false });
    await flush();
    expect(sheet()).toBeNull();
    expect(document.querySelector('[data-quotelens-comfort]')).toBeNull();
    page.clearAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('reads the stored choices only once focus mode needs them, and only once', async () => {
    const chunk = await import('../../src/content/comfort');
    const page = load();
    let reads = 0;
    page.readComfort = async () => {
      reads++;
      return DARK;
    };
    page.loadComfort = async () => chunk;
    page.run();
    await flush();
    expect(reads).toBe(0);
    await page.setToggles({ focus: true });
    await flush();
    expect(reads).toBe(1);
    expect(sheet()).toContain('#1b1b1f');
    await page.setToggles({ focus: false });
    await page.setToggles({ focus: true });
    await flush();
    expect(reads).toBe(1);
    expect(sheet()).toContain('#1b1b1f');
    page.clearAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('new choices replace the old at once; the page’s own, or garbage, applies nothing', async () => {
    const page = await withComfort(null);
    await page.setToggles({ focus: true });
    page.run();
    await flush();
    expect(sheet()).toBeNull();
    page.setComfort({ ...DARK, theme: 'sepia' });
    await flush();
    expect(sheet()).toContain('#f4ecd8');
    expect(document.querySelectorAll('#quotelens-comfort')).toHaveLength(1);
    page.setComfort({ size: 100, width: 'page', spacing: 'page', theme: 'page' });
    await flush();
    expect(sheet()).toBeNull();
    page.setComfort({ size: 'huge', theme: '</style><script>' });
    await flush();
    expect(sheet()).toBeNull();
    page.clearAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('show hidden', () => {
  it('toggles the reveal hook and the count', () => {
    const page = load();
    page.run();
    const n = page.state().hiddenNow;
    expect(n).toBeGreaterThan(0);
    page.showHidden(true);
    expect(document.documentElement.hasAttribute('data-quotelens-reveal')).toBe(true);
    expect(page.state().hiddenNow).toBe(0);
    page.showHidden(false);
    expect(document.documentElement.hasAttribute('data-quotelens-reveal')).toBe(false);
    expect(page.state().hiddenNow).toBe(n);
  });

  it('declutter off unhides everything but keeps highlights', () => {
    const page = load();
    page.run();
    page.setToggles({ declutter: false });
    expect(document.querySelector('[data-quotelens-hidden]')).toBeNull();
    expect(highlightedTexts(registry)).toEqual([ANA, BEN]);
  });
});

describe('pages that are not articles', () => {
  it('a link list is skipped and nothing but the hooks is written', () => {
    const page = load('<head><title>Home</title></head><body><ul><li><a href="/a">A</a></li></ul></body>');
    page.run();
    expect(document.documentElement.getAttribute('data-quotelens')).toBe('skipped');
    expect(registry.size).toBe(0);
    page.clearAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('a shop page settled by its metadata weighs its kind only when the popup asks (state), not for the badge', () => {
    const shop =
      '<head><title>Boots</title><meta property="og:type" content="product"><script type="application/ld+json">{"@type":"Product","offers":{"@type":"Offer","price":"39"}}</script></head>' +
      '<body><h1>Rain boots</h1><span class="price">39.00</span><form action="/cart/add"><input name="qty"><button>Add to cart</button></form></body>';
    const page = load(shop);
    page.run();
    expect(page.summary()).toEqual({ status: 'skipped', quotes: 0 });
    const unasked = (page as unknown as { analysis: { report: { pageKind?: string } } }).analysis.report;
    expect(unasked.pageKind).toBeUndefined();
    const state = page.state();
    expect(state.report?.pageKind).toBe('product');
    expect(state.report?.articleReasons.at(-1)).toMatch(/^first look: p\(article\) [\d.]+: not-article$/);
  });
});
