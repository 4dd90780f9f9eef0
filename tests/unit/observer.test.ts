// The observer on a live happy-dom page, with fake timers: late ads are hidden and late quotes
// highlighted after the debounce, within the maximum wait however busy the page, with no idle
// cut-off; late content is read incrementally (no re-analysis) and only navigation-sized changes
// read the page again; our own writes never wake it (no loop); aborting stops everything.
// Highlights go to a stand-in Highlight API (tests/unit/highlight-stub.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEBOUNCE_MS, MAX_WAIT_MS, observePage, type PageWatch } from '../../src/content/observer';
import type { EngineLink, PageController } from '../../src/content/page';
import { localEngine, testController } from './engine-link';
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
let watch: PageWatch;
let calls: { batches: number; reanalyse: string[]; engine: number[] };
/** The work in flight (a re-analysis runs one stage per task, like the first run). */
let working: Promise<void> = Promise.resolve();
let registry: FakeRegistry;

/** Counts the blocks of each engine request: late content must not send the whole page again. */
const countingEngine: EngineLink = (request) => {
  calls.engine.push(request.blocks.length);
  return localEngine(request);
};

/** Wires the page and the observer the way src/content/index.ts does. */
function start(): void {
  document.documentElement.innerHTML = ARTICLE;
  calls = { batches: 0, reanalyse: [], engine: [] };
  page = testController({ declutter: true, highlight: true, focus: false }, countingEngine, win);
  page.run();
  controller = new AbortController();
  watch = observePage(
    document,
    win,
    {
      isOwn: (node) => page.isOwn(node),
      onBatch: (added, removed) => {
        calls.batches++;
        page.guard();
        if (added.length > 0 || removed) working = page.update(added, removed);
      },
      onReanalyse: (reason) => {
        calls.reanalyse.push(reason);
        working = page.reanalyse();
      },
    },
    controller.signal,
  );
}

const settle = async (ms = DEBOUNCE_MS + 50) => {
  await vi.advanceTimersByTimeAsync(ms);
  await working;
};

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/news/bridge');
  for (const a of Array.from(document.documentElement.attributes)) document.documentElement.removeAttribute(a.name);
  registry = installHighlightApi();
  start();
});
afterEach(async () => {
  controller.abort();
  // A run still in flight (sliced, on message tasks) must not reach into the next test's page.
  page.restore();
  await working;
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

function lateQuote(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = `“${text},” said Ana Ortiz on Friday.`;
  return p;
}

const FIRST_RUN = ['We will rebuild the bridge by spring,', 'Nobody asked us,'];

describe('late clutter', () => {
  it('an ad inserted after load is hidden once the debounce has passed, not before', async () => {
    expect(document.documentElement.getAttribute('data-quotelens')).toBe('ready');
    const ad = lateAd();
    document.body.append(ad);
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 2);
    expect(ad.hasAttribute('data-quotelens-hidden')).toBe(false);
    await settle();
    expect(ad.getAttribute('data-quotelens-hidden')).toBe('ad');
    expect(calls.batches).toBe(1);
    expect(calls.reanalyse).toEqual([]);
  });

  it('a tab coming back to the front handles what waited at once, without its (throttled) timer', async () => {
    const ad = lateAd();
    document.body.append(ad);
    await vi.advanceTimersByTimeAsync(0);
    expect(ad.hasAttribute('data-quotelens-hidden')).toBe(false);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    visibility.mockRestore();
    await working;
    expect(ad.getAttribute('data-quotelens-hidden')).toBe('ad');
    expect(calls.batches).toBe(1);
    // The debounce's timer was cleared by that flush: no second, empty batch.
    await settle();
    expect(calls.batches).toBe(1);
  });

  it('a burst of insertions is one batch', async () => {
    for (let i = 0; i < 5; i++) {
      document.body.append(lateAd());
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 5);
    }
    await settle();
    expect(calls.batches).toBe(1);
    expect(document.querySelectorAll('[data-quotelens-hidden="ad"]').length).toBe(5);
  });
});

describe('late quotes, read incrementally', () => {
  it('a paragraph added to the article is highlighted without reading the page again', async () => {
    expect(highlightedTexts(registry)).toEqual(FIRST_RUN);
    const sentFirst = calls.engine[0]!;
    page.articleRoot!.append(lateQuote('The bridge will be beautiful'));
    await settle();
    expect(calls.reanalyse).toEqual([]);
    expect(highlightedTexts(registry)).toEqual([...FIRST_RUN, 'The bridge will be beautiful,']);
    // The new block and a few before it as context, not the whole article again.
    expect(calls.engine).toHaveLength(2);
    expect(calls.engine[1]!).toBeLessThan(sentFirst);
    const state = page.state();
    expect(state.report?.quotes.map((q) => q.speaker)).toEqual(['Ana Ortiz', 'Ben Cole', 'Ana Ortiz']);
    expect(state.report?.speakers.find((s) => s.name === 'Ana Ortiz')?.quotes).toBe(2);
    expect(document.documentElement.getAttribute('data-quotelens-quotes')).toBe('3');
  });

  it('text added inside a known paragraph reads that paragraph again, and its old quote is replaced', async () => {
    const p = [...page.articleRoot!.querySelectorAll('p')].find((el) => el.textContent?.includes('Nobody'))!;
    const extra = document.createElement('span');
    extra.textContent = ' “We will appeal,” he added.';
    p.append(extra);
    await settle();
    expect(calls.reanalyse).toEqual([]);
    expect(highlightedTexts(registry)).toEqual([...FIRST_RUN, 'We will appeal,']);
    expect(page.state().report?.quotes).toHaveLength(3);
  });

  it('a removed quote leaves the report and the highlights', async () => {
    const p = [...page.articleRoot!.querySelectorAll('p')].find((el) => el.textContent?.includes('Nobody'))!;
    p.remove();
    await settle();
    expect(calls.reanalyse).toEqual([]);
    expect(highlightedTexts(registry)).toEqual([FIRST_RUN[0]]);
    expect(page.state().report?.speakers.map((s) => s.name)).toEqual(['Ana Ortiz']);
  });

  it('replacing most of the article is navigation-sized: the page is read again', async () => {
    const article = page.articleRoot!;
    const reread = vi.spyOn(page, 'reanalyse');
    const lines = [
      'The harbour board chose a new chair on Monday after a long meeting that ran late into the night, members said, and the vote was close.',
      '“The ferries come first,” said Mia Holm, the new chair, after the vote in the old customs house on the quay.',
      'Holm has worked at the harbour for twenty years, first as a pilot and later as the head of the board’s safety office.',
      'The board will meet again next month to agree the timetable for the winter crossings and the cost of the new berths.',
    ];
    article.replaceChildren(
      ...lines.map((text) => {
        const p = document.createElement('p');
        p.textContent = text;
        return p;
      }),
    );
    await settle();
    await vi.advanceTimersByTimeAsync(50);
    await working;
    expect(highlightedTexts(registry)).toEqual(['The ferries come first,']);
    expect(page.state().report?.speakers.map((s) => s.name)).toEqual(['Mia Holm']);
    expect(reread).toHaveBeenCalledOnce();
  });
});

describe('never sleeps, never starves', () => {
  it('an ad and a quote added after 90 s without any change are handled after the debounce', async () => {
    await vi.advanceTimersByTimeAsync(90_000);
    const ad = lateAd();
    document.body.append(ad);
    page.articleRoot!.append(lateQuote('We are still here'));
    await settle();
    expect(ad.getAttribute('data-quotelens-hidden')).toBe('ad');
    expect(highlightedTexts(registry)).toContain('We are still here,');
  });

  it('a page that changes every 50 ms is still handled within the maximum wait', async () => {
    const ticker = document.createElement('div');
    document.body.prepend(ticker);
    const tick = setInterval(() => {
      const item = document.createElement('span');
      item.textContent = `tick ${Date.now()}`;
      ticker.replaceChildren(item);
    }, 50);
    await vi.advanceTimersByTimeAsync(1000);
    const ad = lateAd();
    document.body.append(ad);
    page.articleRoot!.append(lateQuote('Busy pages are read too'));
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS + 10);
    await working;
    clearInterval(tick);
    expect(ad.getAttribute('data-quotelens-hidden')).toBe('ad');
    expect(highlightedTexts(registry)).toContain('Busy pages are read too,');
  });
});

describe('no loop on our own mutations', () => {
  it('late quotes write highlights, hooks and the stylesheet, and that does not trigger another batch', async () => {
    page.articleRoot!.append(lateQuote('The bridge will be beautiful'));
    await settle();
    expect(calls.batches).toBe(1);
    for (let i = 0; i < 5; i++) await settle();
    expect(calls.batches).toBe(1);
    expect(calls.reanalyse).toEqual([]);
    expect(document.querySelector('mark')).toBeNull();
  });

  it('toggling highlights (removed and registered again) and revealing wakes nothing', async () => {
    page.setToggles({ highlight: false });
    expect(registry.size).toBe(0);
    page.setToggles({ highlight: true });
    expect(highlightedTexts(registry)).toHaveLength(2);
    page.showHidden(true);
    await settle();
    expect(calls).toMatchObject({ batches: 0, reanalyse: [] });
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

  it('history.pushState with no mutation re-analyses on the next lifecycle check', async () => {
    history.pushState(null, '', '/news/harbour');
    watch.flushNow();
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
    expect(calls).toMatchObject({ batches: 0, reanalyse: [] });
  });
});
