// Hand corrections on the page (content/corrections.ts with the PageController): stored keep and
// hide rules change what a read hides, a kept block is shown and saved by its selector, a picked
// block is hidden and saved, and the article is never hidden by a stored rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Corrector, PICKED_ATTR } from '../../src/content/corrections';
import { UI_ATTR } from '../../src/content/overlay';
import { Picker } from '../../src/content/picker';
import { CORRECTIONS_KEY } from '../../src/shared/corrections';
import type { CorrectionRequest } from '../../src/shared/messages';
import type { StorageAreaLike } from '../../src/shared/storage';
import { localEngine, testController } from './engine-link';
import { installHighlightApi, removeHighlightApi } from './highlight-stub';

const ARTICLE = `<head><title>Bridge plan approved</title><meta property="og:type" content="article"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div id="page"><article><h1>Bridge plan approved</h1>
<p>The council approved the plan for the new bridge on Tuesday evening after a long debate about costs, traffic and the river's banks, which flood most winters.</p>
<p>“We will rebuild the bridge by spring,” said Ana Ortiz, the mayor of Riverton. She added that the budget was tight.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>Work starts in March, and the old bridge stays open until the new one is finished, the council said in a statement on its website.</p>
</article>
<aside class="trending"><h3>Trending</h3><ul><li><a href="/a">One story</a></li><li><a href="/b">Two story</a></li><li><a href="/c">Three story</a></li></ul></aside>
<div class="club-box"><p>Join our readers' club for walks along the river.</p></div></div>
</body>`;

const HIDDEN = 'data-quotelens-hidden';

function storage(value: unknown): StorageAreaLike {
  return { get: async () => ({ [CORRECTIONS_KEY]: value }), set: async () => undefined };
}

async function setup(stored: unknown) {
  document.documentElement.innerHTML = ARTICLE;
  const saved: CorrectionRequest[] = [];
  const page = testController(
    { declutter: true, highlight: true, focus: false },
    localEngine,
    window as unknown as Window,
  );
  const corrector = new Corrector(
    document,
    window as unknown as Window,
    async (r) => saved.push(r),
    () => import('../../src/content/correction-ui'),
  );
  corrector.page = page;
  page.corrections = corrector;
  await corrector.load(storage(stored), 'www.news.example');
  await page.run();
  return { page, corrector, saved };
}

const sites = (keep: string[], hide: string[]) => ({
  version: 1,
  sites: {
    'news.example': { keep: keep.map((selector) => ({ selector })), hide: hide.map((selector) => ({ selector })) },
  },
});

beforeEach(() => {
  for (const a of Array.from(document.documentElement.attributes)) document.documentElement.removeAttribute(a.name);
  installHighlightApi();
});
afterEach(() => removeHighlightApi());

describe('hand corrections on the page', () => {
  it('without corrections, the clutter is hidden as usual', async () => {
    await setup(undefined);
    expect(document.querySelector('aside.trending')!.getAttribute(HIDDEN)).toBe('trending');
    expect(document.querySelector('.club-box')!.hasAttribute(HIDDEN)).toBe(false);
  });

  it("the site's stored keep rule keeps a block visible, and its hide rule hides one (for a subdomain too)", async () => {
    const { page } = await setup(sites(['aside.trending'], ['div.club-box']));
    expect(document.querySelector('aside.trending')!.hasAttribute(HIDDEN)).toBe(false);
    const club = document.querySelector('.club-box')!;
    expect(club.getAttribute(HIDDEN)).toBe('other');
    expect(club.hasAttribute(PICKED_ATTR)).toBe(true);
    const hidden = page.state().report!.hidden;
    expect(hidden.map((h) => h.kind)).not.toContain('trending');
    expect(hidden.find((h) => h.reason === 'hidden by you')?.text).toMatch(/readers' club/);
  });

  it('a stored hide rule that names the article is not applied, and says so', async () => {
    const { page } = await setup(sites([], ['#page', 'article']));
    expect(document.querySelector('article')!.hasAttribute(HIDDEN)).toBe(false);
    expect(document.querySelector('#page')!.hasAttribute(HIDDEN)).toBe(false);
    expect(page.state().report!.notes.filter((n) => n.startsWith('a hide correction was not applied'))).toHaveLength(2);
  });

  it('"Keep visible" shows the block, drops it from the hidden list and saves its selector', async () => {
    const { page, corrector, saved } = await setup(undefined);
    page.showHidden(true);
    // The labels come with the correction UI's chunk, loaded on this first ask.
    await corrector.settled();
    expect(document.querySelectorAll(`[${UI_ATTR}]`)).toHaveLength(1);
    const trending = document.querySelector('aside.trending')!;
    const kept = corrector.keepBlock(trending, 'trending');
    expect(trending.hasAttribute(HIDDEN)).toBe(false);
    await kept;
    expect(page.state().report!.hidden.map((h) => h.kind)).not.toContain('trending');
    expect(saved).toEqual([
      {
        list: 'keep',
        correction: { selector: 'aside.trending', kind: 'trending', text: expect.stringMatching(/^Trending/), at: 0 },
      },
    ]);
    page.showHidden(false);
    expect(trending.hasAttribute(HIDDEN)).toBe(false);
    expect(document.querySelectorAll(`[${UI_ATTR}]`)).toHaveLength(0);
  });

  it('a picked block is hidden at once, listed as hidden by you, and saved by its selector', async () => {
    const { page, corrector, saved } = await setup(undefined);
    const club = document.querySelector('.club-box')!;
    const hidden = corrector.hideBlock(club);
    expect(club.getAttribute(HIDDEN)).toBe('other');
    await hidden;
    expect(page.state().report!.hidden.at(-1)?.reason).toBe('hidden by you');
    expect(saved[0]).toMatchObject({ list: 'hide', correction: { selector: 'div.club-box', kind: 'other' } });
  });

  it('turning Quotelens off removes every mark and control of ours', async () => {
    const { page, corrector } = await setup(sites([], ['div.club-box']));
    page.showHidden(true);
    await corrector.settled();
    void corrector.startPicker();
    await corrector.settled();
    expect(document.querySelectorAll(`[${UI_ATTR}]`)).toHaveLength(2);
    corrector.clear(true);
    await page.setEnabled(false);
    expect(document.querySelectorAll(`[${HIDDEN}], [${PICKED_ATTR}], [${UI_ATTR}]`)).toHaveLength(0);
  });

  it('labels asked for and taken back before the UI chunk arrives never appear; nor a picker ended meanwhile', async () => {
    const { page, corrector } = await setup(undefined);
    page.showHidden(true);
    page.showHidden(false);
    void corrector.startPicker();
    corrector.clear(true);
    await corrector.settled();
    expect(document.querySelectorAll(`[${UI_ATTR}]`)).toHaveLength(0);
  });
});

describe('the picker', () => {
  it('works from the keyboard: ↓ next block, ← wider, → narrower, Enter hides, Esc leaves; never the article', async () => {
    await setup(undefined);
    // happy-dom has no layout: every element gets a box so the picker sees it.
    const rect = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = () =>
      ({ x: 0, y: 0, top: 0, left: 0, right: 10, bottom: 10, width: 10, height: 10, toJSON: () => ({}) }) as DOMRect;
    try {
      const picked: Element[] = [];
      let stopped = false;
      const picker = new Picker(document, window as unknown as Window, {
        articleRoot: () => document.querySelector('article'),
        onPick: (el) => picked.push(el),
        onStop: () => {
          stopped = true;
        },
      });
      expect(picker.key('a'), "other keys are the page's").toBe(false);
      expect(picker.key('ArrowDown')).toBe(true);
      picker.key('Enter');
      // The first block in the page is the <nav>.
      expect(picked.map((e) => e.tagName)).toEqual(['NAV']);
      const current = (): Element | null => (picker as unknown as { current: Element | null }).current;
      const club = document.querySelector('.club-box')!;
      // ↓ walks the blocks in page order, down to the club box's paragraph.
      for (let i = 0; i < 50 && current() !== club.firstElementChild; i++) picker.key('ArrowDown');
      expect(current()).toBe(club.firstElementChild);
      picker.key('ArrowLeft');
      expect(current()).toBe(club);
      picker.key('ArrowRight');
      expect(current()).toBe(club.firstElementChild);
      picker.key('ArrowLeft');
      picker.key('Enter');
      expect(picked.at(-1)).toBe(club);
      // Widen from inside the article up to it: Enter refuses to hide it.
      (picker as unknown as { current: Element | null }).current = document.querySelector('article p');
      picker.key('ArrowLeft');
      expect(current()?.tagName).toBe('ARTICLE');
      const before = picked.length;
      picker.key('Enter');
      expect(picked).toHaveLength(before);
      picker.key('Escape');
      expect(stopped).toBe(true);
    } finally {
      Element.prototype.getBoundingClientRect = rect;
    }
  });

  it('widens an inline target to its block, ignores our own controls, and leaves with nothing changed', async () => {
    await setup(undefined);
    const before = document.body.innerHTML;
    let stopped = false;
    const picker = new Picker(document, window as unknown as Window, {
      articleRoot: () => document.querySelector('article'),
      onPick: () => undefined,
      onStop: () => {
        stopped = true;
      },
    });
    expect(picker.blockFor(document.querySelector('aside.trending a'))).toBe(
      document.querySelector('aside.trending li'),
    );
    expect(picker.blockFor(document.querySelector('.club-box p'))?.tagName).toBe('P');
    expect(picker.blockFor(document.querySelector(`[${UI_ATTR}]`))).toBeNull();
    expect(picker.blockFor(document.body)).toBeNull();
    // A page script's synthetic click picks nothing: only the reader's own clicks count.
    document.querySelector('.club-box')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(document.querySelector('.club-box')!.hasAttribute(HIDDEN)).toBe(false);
    picker.stop();
    expect(stopped).toBe(true);
    expect(document.querySelectorAll(`[${UI_ATTR}]`)).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });
});
