// Living pages (issue 17), the parts that need no browser: extension APIs from a reference the
// page cannot clobber, the lifecycle of an instance (one per world, a stale one restores the page,
// the takeover event), the guard that restores what a page takes away (stylesheet, highlights,
// hooks), exact restoration when the extension is gone, and our User Timing entries bounded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clutterScopes } from '../../src/content/incremental';
import {
  claimWorld,
  GUARD_MS,
  type Instance,
  sweepLeftovers,
  TAKEOVER_EVENT,
  watchLifecycle,
} from '../../src/content/lifecycle';
import { MAX_OWN_MEASURES, type PageController } from '../../src/content/page';
import { captureExtensionApi, contextAlive, type ExtensionApi, isExtensionApi } from '../../src/content/safe-api';
import { STYLE_ID, stylesheetText } from '../../src/content/style';
import { localEngine, testController } from './engine-link';
import { type FakeRegistry, highlightedTexts, installHighlightApi, removeHighlightApi } from './highlight-stub';

const ARTICLE = `<head><title>Bridge plan approved</title><meta property="og:type" content="article"></head>
<body><article><h1>Bridge plan approved</h1>
<p>The council approved the plan for the new bridge on Tuesday evening after a long debate about costs, traffic and the river's banks, which flood most winters.</p>
<p>“We will rebuild the bridge by spring,” said Ana Ortiz, the mayor of Riverton. She added that the budget was tight.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>Ben Cole, who leads the opposition, was not convinced. “Nobody asked us,” he said after the vote.</p>
<p>Work starts in March, and the old bridge stays open until the new one is finished, the council said in a statement on its website.</p>
</article></body>`;

const win = window as unknown as Window;
let registry: FakeRegistry;
let before: string;

function load(): PageController {
  document.documentElement.innerHTML = ARTICLE;
  before = document.documentElement.outerHTML;
  const page = testController({ declutter: true, highlight: true, focus: false }, localEngine, win);
  page.run();
  return page;
}

/** A stand-in for an extension namespace, as `chrome` or `browser` look to a content script. */
function fakeApi(): ExtensionApi {
  return {
    runtime: {
      id: 'ext-id',
      sendMessage: async () => undefined,
      getURL: (p: string) => `chrome-extension://x/${p}`,
      onMessage: { addListener: () => undefined, removeListener: () => undefined },
    },
    storage: {
      sync: { get: async () => ({}), set: async () => undefined },
      local: { get: async () => ({}), set: async () => undefined },
    },
  };
}

beforeEach(() => {
  for (const a of Array.from(document.documentElement.attributes)) document.documentElement.removeAttribute(a.name);
  registry = installHighlightApi();
});
afterEach(() => {
  removeHighlightApi();
  vi.useRealTimers();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('extension API from a reference the page cannot clobber', () => {
  it('a <form name="browser"><input name="runtime"> is not taken for the API: chrome is', () => {
    document.body.innerHTML = '<form name="browser"><input name="runtime"><input name="storage"></form>';
    const form = document.querySelector('form')!;
    const chrome = fakeApi();
    // What Chromium's named properties give a content script: `browser` is the page's form.
    expect(captureExtensionApi({ browser: form, chrome })).toBe(chrome);
    expect(isExtensionApi(form)).toBe(false);
  });

  it('an object whose runtime is an element is refused; none at all gives null', () => {
    const input = document.createElement('input');
    expect(captureExtensionApi({ browser: { runtime: input, storage: { sync: {} } } })).toBeNull();
    expect(captureExtensionApi({})).toBeNull();
  });

  it('Firefox: the real `browser` is taken first', () => {
    const browser = fakeApi();
    expect(captureExtensionApi({ browser, chrome: fakeApi() })).toBe(browser);
  });

  it('the context is alive while runtime.id is set, gone when it is undefined or throws', () => {
    const api = fakeApi();
    expect(contextAlive(api)).toBe(true);
    // What Chromium does to an orphaned script's runtime.
    Object.defineProperty(api.runtime, 'id', { value: undefined });
    expect(contextAlive(api)).toBe(false);
    const dead = fakeApi();
    Object.defineProperty(dead.runtime, 'id', {
      get() {
        throw new TypeError("can't access dead object");
      },
    });
    expect(contextAlive(dead)).toBe(false);
  });
});

describe('one instance per world; a stale one restores and yields', () => {
  const instance = (alive: boolean, stop = vi.fn()): Instance & { stop: typeof stop } => ({
    token: Math.random().toString(36),
    alive: () => alive,
    stop,
  });

  it('a second script while the first is alive does not start', () => {
    const world = {};
    expect(claimWorld(instance(true), world)).toBe(true);
    expect(claimWorld(instance(true), world)).toBe(false);
  });

  it('a script whose extension is gone is stopped by the new one, which takes the world', () => {
    const world = {};
    const old = instance(false);
    claimWorld(old, world);
    expect(claimWorld(instance(true), world)).toBe(true);
    expect(old.stop).toHaveBeenCalledOnce();
  });

  it('the lifecycle notices the extension going away within one guard interval', () => {
    vi.useFakeTimers();
    let alive = true;
    const onGone = vi.fn();
    const onTick = vi.fn();
    const controller = new AbortController();
    watchLifecycle(win, { alive: () => alive, onGone, onTick }, controller.signal);
    vi.advanceTimersByTime(GUARD_MS * 3);
    expect(onTick).toHaveBeenCalledTimes(3);
    alive = false;
    vi.advanceTimersByTime(GUARD_MS);
    expect(onGone).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(GUARD_MS * 5);
    expect(onGone).toHaveBeenCalledOnce();
    expect(onTick).toHaveBeenCalledTimes(3);
    controller.abort();
  });

  it('the takeover event makes a stale instance restore at once; a live one ignores it (the page may send it)', () => {
    let alive = true;
    const onGone = vi.fn();
    const controller = new AbortController();
    watchLifecycle(win, { alive: () => alive, onGone, onTick: () => undefined }, controller.signal);
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    expect(onGone).not.toHaveBeenCalled();
    alive = false;
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    expect(onGone).toHaveBeenCalledOnce();
    controller.abort();
  });

  it('the sweep removes what a removed add-on left, and not the page’s own style', () => {
    const page = load();
    const pageStyle = document.createElement('style');
    pageStyle.textContent = 'p { color: navy }';
    document.head.append(pageStyle);
    expect(document.querySelector('[data-quotelens-hidden]')).not.toBeNull();
    expect(registry.size).toBeGreaterThan(0);
    // The old instance is dead: it cannot clean up. The new one sweeps.
    sweepLeftovers(document, win, stylesheetText().slice(0, 60), [...registry.keys()]);
    expect(document.querySelector('[data-quotelens-hidden]')).toBeNull();
    expect(document.getElementById(STYLE_ID)).toBeNull();
    expect(pageStyle.isConnected).toBe(true);
    expect(registry.size).toBe(0);
    expect(document.documentElement.getAttributeNames().filter((n) => n.startsWith('data-quotelens'))).toEqual([]);
    expect(document.documentElement.outerHTML).toBe(
      before.replace('</head>', '<style>p { color: navy }</style></head>'),
    );
    void page;
  });
});

describe('late clutter is looked for once per burst', () => {
  it('siblings added together are one scope (their parent); a lone element is its own; never a parent of the article', () => {
    load();
    const root = document.querySelector('article')!;
    const ticker = document.createElement('div');
    document.body.prepend(ticker);
    const items = [1, 2, 3].map(() => ticker.appendChild(document.createElement('span')));
    const lone = document.createElement('aside');
    document.body.append(lone);
    const inBody = [document.createElement('div'), document.createElement('div')];
    for (const el of inBody) document.body.append(el);
    expect(clutterScopes([...items, lone, ...inBody], root)).toEqual([ticker, lone, ...inBody]);
  });
});

describe('state the page cannot erase or forge', () => {
  it('CSS.highlights.clear() is noticed and the highlights are registered again', () => {
    const page = load();
    expect(highlightedTexts(registry)).toHaveLength(2);
    registry.clear();
    expect(page.guard()).toBe(true);
    expect(highlightedTexts(registry)).toHaveLength(2);
    expect(page.guard()).toBe(false);
  });

  it('a removed stylesheet is put back; a page element with its id does not stand in for it', () => {
    document.documentElement.innerHTML = ARTICLE;
    const decoy = document.createElement('div');
    decoy.id = STYLE_ID;
    document.body.prepend(decoy);
    const page = testController({ declutter: true, highlight: true, focus: false }, localEngine, win);
    page.run();
    const ours = () => [...document.querySelectorAll('style')].filter((s) => s.textContent?.includes('quotelens'));
    expect(ours()).toHaveLength(1);
    ours()[0]!.remove();
    expect(page.state().hiddenNow, 'nothing is hidden while our stylesheet is gone').toBe(0);
    expect(page.guard()).toBe(true);
    expect(ours()).toHaveLength(1);
    expect(page.state().hiddenNow).toBe(1);
  });

  it('hooks the page writes are written back with the truth', () => {
    const page = load();
    const html = document.documentElement;
    html.setAttribute('data-quotelens-quotes', '99');
    html.setAttribute('data-quotelens', 'off');
    expect(page.publishHooks()).toBe(true);
    expect(html.getAttribute('data-quotelens-quotes')).toBe('2');
    expect(html.getAttribute('data-quotelens')).toBe('ready');
    expect(page.publishHooks()).toBe(false);
  });

  it('restore() leaves the page exactly as it was, <html> hook included', () => {
    const page = load();
    expect(document.documentElement.getAttribute('data-quotelens')).toBe('ready');
    page.restore();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(registry.size).toBe(0);
    expect(page.guard()).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('past the bound only slices are cleared: each stage keeps its latest measure (engine included)', () => {
    const page = load();
    const named = (n: string) => performance.getEntriesByName(`quotelens:${n}`, 'measure').length;
    page.measure('engine', 0, 1, { cold: true });
    page.measure('engine', 1, 2, { cold: false });
    expect(named('engine')).toBe(1);
    // A run cut into many slices (a large page on a busy machine): 3x the bound of task measures.
    for (let i = 0; i < 3 * MAX_OWN_MEASURES; i++) page.measure('task', i, i + 0.5);
    const ours = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('quotelens:'));
    expect(ours.length).toBeLessThanOrEqual(MAX_OWN_MEASURES);
    expect(named('engine')).toBe(1);
    const last = performance.getEntriesByName('quotelens:engine', 'measure')[0] as PerformanceMeasure;
    expect((last.detail as { cold: boolean }).cold).toBe(false);
    expect(named('detect')).toBe(1);
    expect(named('task')).toBeGreaterThan(0);
    page.restore();
    expect(performance.getEntriesByType('measure').filter((e) => e.name.startsWith('quotelens:'))).toHaveLength(0);
  });

  it('our User Timing entries stay bounded over 100 re-reads (SPA navigations; each adds about 12)', async () => {
    const page = load();
    const ours = () => performance.getEntriesByType('measure').filter((e) => e.name.startsWith('quotelens:')).length;
    let most = ours();
    expect(most).toBeGreaterThan(0);
    for (let i = 0; i < 100; i++) {
      await page.reanalyse();
      most = Math.max(most, ours());
    }
    expect(most).toBeLessThanOrEqual(MAX_OWN_MEASURES);
    page.restore();
    expect(ours()).toBe(0);
  });
});
