// PageController on a small invented article in the test's happy-dom window: applying a report,
// undoing it exactly, the <mark> fallback for highlights, and "show hidden".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageController } from '../../src/content/page';

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
let before: string;

function load(html = ARTICLE): PageController {
  document.documentElement.innerHTML = html;
  before = document.documentElement.outerHTML;
  return new PageController(document, window as unknown as Window, { ...toggles }, false);
}

function textNodes(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
  return out;
}

beforeEach(() => {
  for (const a of Array.from(document.documentElement.attributes)) document.documentElement.removeAttribute(a.name);
});
afterEach(() => {
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

  it('highlight fallback (no CSS.highlights): quotes are wrapped in <mark>, unwrapping restores the text nodes', () => {
    const page = load();
    const textBefore = textNodes();
    page.run();
    const marks = Array.from(document.querySelectorAll('mark[data-quotelens-quote]'));
    expect(marks.map((m) => m.textContent)).toEqual(['We will rebuild the bridge by spring,', 'Nobody asked us,']);
    expect(marks[0]!.getAttribute('data-quotelens-colour')).not.toBe('none');
    page.setToggles({ highlight: false });
    expect(document.querySelector('mark')).toBeNull();
    expect(textNodes()).toEqual(textBefore);
    expect(document.documentElement.getAttribute('data-quotelens-quotes')).toBe('0');
  });

  it('a quote across inline markup is wrapped piece by piece and unwrapped whole', () => {
    const page = load(
      ARTICLE.replace('“We will rebuild the bridge by spring,”', '“We will <b>rebuild</b> the bridge by spring,”'),
    );
    page.run();
    const pieces = Array.from(document.querySelectorAll('mark[data-quotelens-quote="q0"]')).map((m) => m.textContent);
    expect(pieces.join('')).toBe('We will rebuild the bridge by spring,');
    page.clearAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('undo', () => {
  it('clearAll() restores the document exactly', () => {
    const page = load();
    page.run();
    expect(document.documentElement.outerHTML).not.toBe(before);
    page.clearAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('setEnabled(false) removes every trace but the "off" hook', () => {
    const page = load();
    page.run();
    page.setEnabled(false);
    expect(document.documentElement.getAttribute('data-quotelens')).toBe('off');
    document.documentElement.removeAttribute('data-quotelens');
    expect(document.documentElement.outerHTML).toBe(before);
    expect(page.state().status).toBe('off');
  });

  it('off and on again gives the same page as the first run', () => {
    const page = load();
    const snapshot = () => ({
      hooks: Array.from(document.documentElement.attributes)
        .filter((a) => a.name !== 'data-quotelens-ms')
        .map((a) => `${a.name}=${a.value}`)
        .sort(),
      head: document.head.outerHTML,
      body: document.body.outerHTML,
    });
    page.run();
    const first = snapshot();
    page.setEnabled(false);
    page.setEnabled(true);
    expect(snapshot()).toEqual(first);
  });

  it('reanalyse() after focus mode and reveal leaves nothing behind', () => {
    const page = load();
    page.run();
    page.setToggles({ focus: true });
    page.showHidden(true);
    page.reanalyse();
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
    expect(document.querySelectorAll('mark[data-quotelens-quote]').length).toBe(2);
  });
});

describe('pages that are not articles', () => {
  it('a link list is skipped and nothing but the hooks is written', () => {
    const page = load('<head><title>Home</title></head><body><ul><li><a href="/a">A</a></li></ul></body>');
    page.run();
    expect(document.documentElement.getAttribute('data-quotelens')).toBe('skipped');
    page.clearAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
