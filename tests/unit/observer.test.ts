// The observer on a live happy-dom page, with fake timers: late ads are hidden after the debounce,
// our own writes never wake it (no loop), SPA navigation re-analyses, aborting stops everything.
// Highlights go to a stand-in Highlight API (tests/unit/highlight-stub.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEBOUNCE_MS, IDLE_MS, observePage } from '../../src/content/observer';
import { PageController } from '../../src/content/page';
import { findClutterIn } from '../../src/core/clutter';
import { localEngine } from './engine-link';
import { type FakeRegistry, highlightedTexts, installHighlightApi, removeHighlightApi } from './highlight-stub';

const ARTICLE = `<head><title>Bridge plan approved</title><meta property="og:type" content="article"></head>
<body><article><h1>Bridge plan approved</h1>
<p>The council approved the plan for the new bridge on Tuesday evening after a long debate about costs, traffic and the river's banks, which flood most winters.</p>
<p>“We will rebuild the bridge by spring,” said Ana Ortiz, the mayor of Riverton. She added that the budget was tight.</p>
<p>Ben Cole, who leads the opposition, was not convinced. “Nobody asked us,” he said after the vote.</p>
<p>Work starts in March, and the old bridge stays open until the new one is finished, the council said in a statement on its website.</p>
</article><footer><p>Footer text</p></footer></body>`;

const win = window as unknown as Window;
let controller: AbortController;
let page: PageController;
let calls: { added: number; reanalyse: string[] };
/** The re-analysis in flight: it runs one stage per task, like the first run. */
let reanalysing: Promise<void> = Promise.resolve();
let registry: FakeRegistry;

/** Wires the page and the observer the way src/content/index.ts does. */
function start(): void {
  document.documentElement.innerHTML = ARTICLE;
  page = new PageController(
    document,
    win,
    { declutter: true, highlight: true, focus: false },
    false,
    'standard',
    localEngine,
  );
  page.run();
  calls = { added: 0, reanalyse: [] };
  controller = new AbortController();
  observePage(
    document,
    win,
    {
      articleRoot: () => page.articleRoot,
      onAdded: (subtrees) => {
        calls.added++;
        page.addClutter(subtrees.flatMap((el) => findClutterIn(el, page.articleRoot, page.clutterOptions)));
      },
      onReanalyse: (reason) => {
        calls.reanalyse.push(reason);
        reanalysing = page.reanalyse();
      },
    },
    controller.signal,
  );
}

const settle = (ms = DEBOUNCE_MS + 50) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/news/bridge');
  for (const a of Array.from(document.documentElement.attributes)) document.documentElement.removeAttribute(a.name);
  registry = installHighlightApi();
  start();
});
afterEach(() => {
  controller.abort();
  page.clearAll();
  expect(registry.size).toBe(0);
  removeHighlightApi();
  vi.useRealTimers();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

function lateAd(): HTMLElement {
  const ad = document.createElement('div');
  ad.className = 'ad-slot';
  const label = document.createElement('span');
  label.textContent = 'Advertisement';
  ad.append(label);
  return ad;
}

describe('late clutter', () => {
  it('an ad inserted after load is hidden once the debounce has passed, not before', async () => {
    expect(document.documentElement.getAttribute('data-quotelens')).toBe('ready');
    const ad = lateAd();
    document.body.append(ad);
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 2);
    expect(ad.hasAttribute('data-quotelens-hidden')).toBe(false);
    await settle();
    expect(ad.getAttribute('data-quotelens-hidden')).toBe('ad');
    expect(calls.added).toBe(1);
    expect(calls.reanalyse).toEqual([]);
  });

  it('a burst of insertions is one batch', async () => {
    for (let i = 0; i < 5; i++) {
      document.body.append(lateAd());
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 5);
    }
    await settle();
    expect(calls.added).toBe(1);
    expect(document.querySelectorAll('[data-quotelens-hidden="ad"]').length).toBe(5);
  });
});

describe('no loop on our own mutations', () => {
  it('re-analysis writes highlights, hooks and the stylesheet, and that does not trigger another one', async () => {
    expect(highlightedTexts(registry)).toEqual(['We will rebuild the bridge by spring,', 'Nobody asked us,']);
    const p = document.createElement('p');
    p.textContent = '“The bridge will be beautiful and it will be finished on time,” said Ana Ortiz on Friday.';
    page.articleRoot!.append(p);
    await settle();
    await reanalysing;
    expect(calls.reanalyse).toEqual(['article']);
    expect(highlightedTexts(registry)).toEqual([
      'We will rebuild the bridge by spring,',
      'Nobody asked us,',
      'The bridge will be beautiful and it will be finished on time,',
    ]);
    expect(document.querySelector('mark')).toBeNull();
    for (let i = 0; i < 5; i++) await settle();
    expect(calls.reanalyse).toEqual(['article']);
    expect(calls.added).toBe(0);
  });

  it('toggling highlights (removed and registered again) and revealing wakes nothing', async () => {
    page.setToggles({ highlight: false });
    expect(registry.size).toBe(0);
    page.setToggles({ highlight: true });
    expect(highlightedTexts(registry)).toHaveLength(2);
    page.showHidden(true);
    await settle();
    expect(calls).toEqual({ added: 0, reanalyse: [] });
  });
});

describe('SPA navigation', () => {
  it('history.pushState followed by new content re-analyses for the new URL', async () => {
    history.pushState(null, '', '/news/ferry');
    const article = page.articleRoot!;
    const p = document.createElement('p');
    p.textContent = 'A new story is loaded in place by the site’s own router, with a new headline and body.';
    article.replaceChildren(p);
    await settle();
    expect(calls.reanalyse).toEqual(['url']);
  });

  it('history.pushState with no mutation re-analyses on the next click', async () => {
    history.pushState(null, '', '/news/harbour');
    document.body.dispatchEvent(new Event('click', { bubbles: true }));
    await settle();
    expect(calls.reanalyse).toEqual(['url']);
  });
});

describe('lifetime', () => {
  it('after abort nothing reacts', async () => {
    controller.abort();
    const ad = lateAd();
    document.body.append(ad);
    await settle();
    expect(ad.hasAttribute('data-quotelens-hidden')).toBe(false);
    expect(calls).toEqual({ added: 0, reanalyse: [] });
  });

  it('sleeps when idle and wakes on scroll', async () => {
    await vi.advanceTimersByTimeAsync(IDLE_MS + 10);
    const ad = lateAd();
    document.body.append(ad);
    await settle();
    expect(ad.hasAttribute('data-quotelens-hidden')).toBe(false);
    window.dispatchEvent(new Event('scroll'));
    const ad2 = lateAd();
    document.body.append(ad2);
    await settle();
    expect(ad2.getAttribute('data-quotelens-hidden')).toBe('ad');
  });
});
