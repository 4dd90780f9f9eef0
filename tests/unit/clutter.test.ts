import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../src/core/article';
import {
  type ClutterOptions,
  classKind,
  findClutterBlocks,
  findClutterIn,
  findClutterSteps,
  labelKind,
} from '../../src/core/clutter';
import { findFocusBlocks } from '../../src/core/clutter-focus';
import { findArticleHeader } from '../../src/core/clutter-header';
import { CLASS_TOKENS, LABELS, CLUTTER_VOCABULARY as VOCABULARY } from '../../src/core/lexicon/clutter';
import { readPage } from '../../src/core/report';
import { articlePage, page, paragraphs, prose } from './page-helpers';

const DECLUTTER: ClutterOptions = { mode: 'declutter', hideComments: false, vocabulary: VOCABULARY };

/** Clutter, then (in focus mode) the blocks beside the article: the order report.ts composes them. */
function clutterOf(doc: Document, options: ClutterOptions = DECLUTTER) {
  const root = detectArticle(doc).root;
  expect(root).not.toBeNull();
  const found = findClutterBlocks(doc, root, options);
  const blocks = options.mode === 'focus' ? [...found, ...findFocusBlocks(doc, root!, found, VOCABULARY)] : found;
  return { root: root!, blocks };
}

function el(doc: Document, selector: string): Element {
  const found = doc.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

describe('vocabulary', () => {
  it('matches class words as whole tokens, not substrings', () => {
    const doc = articlePage({ inside: '<div class="header shadow-box pub-date load-more-ads"></div>' });
    expect(classKind(el(doc, '.header'), VOCABULARY)).toEqual({ kind: 'ad', word: 'ads' });
    const plain = articlePage({ inside: '<div class="header shadow-box pub-date"></div>' });
    expect(classKind(el(plain, '.header'), VOCABULARY)).toBeNull();
  });

  it('splits camelCase and joins two-word phrases', () => {
    const doc = articlePage({ inside: '<div class="mostRead-box"></div>' });
    expect(classKind(el(doc, '.mostRead-box'), VOCABULARY)).toEqual({ kind: 'trending', word: 'most-read' });
  });

  it('reads labels in English, German and French, ignoring counters and colons', () => {
    expect(labelKind('Most Read', VOCABULARY)).toBe('trending');
    expect(labelKind('Meistgelesen', VOCABULARY)).toBe('trending');
    expect(labelKind('Les plus lus', VOCABULARY)).toBe('trending');
    expect(labelKind('Anzeige', VOCABULARY)).toBe('ad');
    expect(labelKind('PUBLICITÉ', VOCABULARY)).toBe('ad');
    expect(labelKind('À lire aussi', VOCABULARY)).toBe('related');
    expect(labelKind('Share this:', VOCABULARY)).toBe('social');
    expect(labelKind('Comments (12)', VOCABULARY)).toBe('comments');
    expect(labelKind('The river rose overnight', VOCABULARY)).toBeNull();
  });

  it('has the same label kinds in every language', () => {
    const keys = Object.values(LABELS).map((l) => Object.keys(l).sort().join());
    expect(new Set(keys).size).toBe(1);
    // Class words name one more kind: the page's side column ('other'), which no label names.
    expect(
      Object.keys(CLASS_TOKENS)
        .filter((k) => k !== 'other')
        .sort()
        .join(),
    ).toBe(keys[0]);
  });

  it('reads a side column word only when no other class word names a kind', () => {
    const doc = new DOMParser().parseFromString(
      '<div class="sidebar sidebar-promo"></div><div class="left-rail"></div>',
      'text/html',
    );
    expect(classKind(el(doc, '.sidebar'), VOCABULARY)).toEqual({ kind: 'promo', word: 'promo' });
    expect(classKind(el(doc, '.left-rail'), VOCABULARY)).toEqual({ kind: 'other', word: 'left-rail' });
  });
});

describe('findClutterBlocks', () => {
  it('hides an ad box with its label, and says why', () => {
    const doc = articlePage({
      inside:
        '<div class="x9"><span>Advertisement</span><iframe src="https://tpc.googlesyndication.com/safeframe/1"></iframe></div>',
    });
    const { blocks } = clutterOf(doc);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.element).toBe(el(doc, '.x9'));
    expect(blocks[0]!.kind).toBe('ad');
    expect(blocks[0]!.reason).toMatch(/label 'Advertisement'.*iframe from tpc\.googlesyndication\.com/);
  });

  it('hides an empty IAB-sized slot', () => {
    const doc = articlePage({ inside: '<div id="slot-7" style="width:728px;height:90px"></div>' });
    expect(clutterOf(doc).blocks.map((b) => b.element.id)).toEqual(['slot-7']);
  });

  it('hides the heading of a widget still empty (its list or player loads later)', () => {
    const doc = articlePage({
      inside: '<div class="w1"><h3>Most popular</h3><div id="player-3"></div></div>',
      after: '<div class="related-list"><h2>Next up in <a href="/tech">Tech</a></h2><ul></ul><div></div></div>',
    });
    const blocks = clutterOf(doc).blocks;
    expect(blocks.map((b) => [b.element.className, b.kind])).toEqual([
      ['w1', 'trending'],
      ['related-list', 'related'],
    ]);
    expect(blocks[0]!.reason).toMatch(/empty widget/);
    // A heading with text of its own beside it is not an empty widget.
    const kept = articlePage({ inside: '<div class="w1"><h3>Weather</h3><p>Rain, then sun.</p><div></div></div>' });
    expect(clutterOf(kept).blocks).toEqual([]);
  });

  it('hides a headed list of links as the widget, not the column around it', () => {
    const doc = articlePage({
      after: `<aside class="rail">
        <div class="box one"><h3>Most popular</h3><ul><li><a href="/1">Story one of the day</a></li><li><a href="/2">Story two of the day</a></li></ul></div>
        <div class="box two"><h3>Weather</h3><p>Rain, then sun in the afternoon.</p></div>
      </aside>`,
    });
    const { blocks } = clutterOf(doc);
    expect(blocks.map((b) => [b.kind, b.element.className])).toEqual([['trending', 'box one']]);
    expect(blocks[0]!.reason).toMatch(/heading 'Most popular' \+ link density/);
  });

  it('hides the boxes of a side column that link or ask for a click, each as its own block, and keeps its plain text', () => {
    const doc = articlePage({
      after: `<aside class="rail"><div class="inner">
        <div class="box clip"><h3>Our workshop videos</h3><iframe src="https://video.example/embed/1"></iframe><a href="/videos">All videos</a></div>
        <div class="box me"><h3>Who writes here</h3><p>A gardener who writes about pumps.</p><a href="/about">More about me</a></div>
        <div class="box two"><h3>Weather</h3><p>Rain, then sun in the afternoon.</p></div>
      </div></aside>`,
    });
    const { blocks } = clutterOf(doc);
    expect(blocks.map((b) => [b.kind, b.element.className])).toEqual([
      ['other', 'box clip'],
      ['other', 'box me'],
    ]);
    expect(blocks[0]!.reason).toBe('side column');
  });

  it('leaves an aside inside the article alone, links and all', () => {
    const doc = articlePage({
      inside: `<aside class="pull"><p>The pumps ran for a week. <a href="/pumps">Our pump guide</a></p></aside>`,
    });
    expect(clutterOf(doc).blocks).toEqual([]);
  });

  it('does not take a menu link named like a widget for a widget', () => {
    const doc = articlePage();
    expect(clutterOf(doc).blocks).toEqual([]);
  });

  it('leaves a sponsored text link inside a paragraph alone', () => {
    const doc = articlePage({
      inside: `<p>${paragraphs(1).slice(3, -4)} The pumps came from <a rel="sponsored" href="https://shop.example/pump">a local shop</a>.</p>`,
    });
    expect(clutterOf(doc).blocks).toEqual([]);
  });

  it('never hides the root or a box holding article prose, whatever its class', () => {
    const doc = articlePage({ inside: `<div class="promo-wrapper sponsored">${paragraphs(3)}</div>` });
    const { root, blocks } = clutterOf(doc);
    for (const b of blocks) {
      expect(b.element.contains(root)).toBe(false);
      expect(b.element.querySelectorAll('p').length).toBe(0);
    }
  });

  it('hides comments only when asked to', () => {
    const comments =
      '<section id="comments"><h2>Comments</h2><p>Great piece, thank you for covering our street so carefully.</p></section>';
    expect(clutterOf(articlePage({ after: comments })).blocks).toEqual([]);
    const hidden = clutterOf(articlePage({ after: comments }), {
      mode: 'declutter',
      hideComments: true,
      vocabulary: VOCABULARY,
    }).blocks;
    expect(hidden.map((b) => [b.kind, b.element.id])).toEqual([['comments', 'comments']]);
  });

  it('finds a cookie notice by its text alone', () => {
    const doc = articlePage({
      after:
        '<div class="k1"><p>We use cookies to measure traffic and remember your choices.</p><button type="button">OK</button></div>',
    });
    expect(clutterOf(doc).blocks.map((b) => b.kind)).toEqual(['cookie']);
  });

  it('gives the same blocks with the measurements detectArticle made', () => {
    const doc = articlePage({ inside: '<div class="x"><span>Anzeige</span><ins class="adsbygoogle"></ins></div>' });
    const article = detectArticle(doc);
    const fresh = findClutterBlocks(doc, article.root, DECLUTTER);
    const reused = findClutterBlocks(doc, article.root, { ...DECLUTTER, measure: article.measure });
    expect(reused).toEqual(fresh);
    expect(fresh.map((b) => b.kind)).toEqual(['ad']);
  });

  it('does not change the document', () => {
    const doc = articlePage({ inside: '<div class="ad"><span>Anzeige</span><ins class="adsbygoogle"></ins></div>' });
    const before = doc.documentElement.outerHTML;
    clutterOf(doc, { mode: 'focus', hideComments: true, vocabulary: VOCABULARY });
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('focus mode', () => {
  it('hides the frame around the article but keeps title, byline and the root', () => {
    const doc = articlePage({ after: '<aside class="rail"><h3>Weather</h3><p>Rain, then sun.</p></aside>' });
    const { root, blocks } = clutterOf(doc, { mode: 'focus', hideComments: false, vocabulary: VOCABULARY });
    const hidden = blocks.map((b) => b.element);
    expect(hidden).toContain(el(doc, 'header.site-header'));
    expect(hidden).toContain(el(doc, 'footer.site-footer'));
    expect(hidden).toContain(el(doc, 'aside.rail'));
    for (const h of hidden) {
      expect(h.contains(root)).toBe(false);
      expect(h.contains(el(doc, 'h1'))).toBe(false);
      expect(h.contains(el(doc, '.byline'))).toBe(false);
    }
    expect(blocks.find((b) => b.element.tagName === 'FOOTER')?.kind).toBe('other');
  });
});

describe('focus mode when the root is <body>', () => {
  it('starts from the box of the story, so a rail of summaries beside it goes', () => {
    const teasers = Array.from({ length: 3 }, (_, i) => `<p>${prose(2, i + 1)}</p>`).join('');
    const doc = page(`<h1>Flood barrier holds as river peaks</h1>
      <div class="story">${paragraphs(4)}</div><div class="rail">${teasers}</div>`);
    const found = findClutterBlocks(doc, doc.body, DECLUTTER);
    const hidden = findFocusBlocks(doc, doc.body, found, VOCABULARY).map((b) => b.element);
    expect(hidden).toContain(el(doc, '.rail'));
    expect(hidden).not.toContain(el(doc, '.story'));
    expect(hidden).not.toContain(el(doc, 'h1'));
  });
});

describe('focus mode inside the root', () => {
  const list = (cls: string) =>
    `<ul class="${cls}"><li><a href="/a">River levels explained</a></li><li><a href="/b">How the barrier works</a></li><li><a href="/c">Flood map of the valley</a></li></ul>`;

  it('hides a link list after the last paragraph, keeps one between paragraphs', () => {
    const doc = articlePage({ inside: list('between') });
    const body = el(doc, '.article-body');
    body.insertAdjacentHTML('beforeend', list('trailing'));
    const { blocks } = clutterOf(doc, { mode: 'focus', hideComments: false, vocabulary: VOCABULARY });
    const hidden = blocks.map((b) => b.element);
    expect(hidden).toContain(el(doc, 'ul.trailing'));
    expect(hidden).not.toContain(el(doc, 'ul.between'));
    expect(blocks.find((b) => b.element === el(doc, 'ul.trailing'))?.reason).toMatch(/link list in the article/);
  });

  it('leaves the same list alone in declutter mode', () => {
    const doc = articlePage();
    el(doc, '.article-body').insertAdjacentHTML('beforeend', list('trailing'));
    expect(clutterOf(doc).blocks).toEqual([]);
  });
});

describe('findClutterIn', () => {
  it('classifies a late-loading ad subtree', () => {
    const doc = articlePage();
    const root = detectArticle(doc).root!;
    const late = doc.createElement('div');
    late.innerHTML =
      '<div class="ad-slot"><iframe src="https://ad.doubleclick.net/x" width="300" height="250"></iframe></div>';
    root.appendChild(late);
    const blocks = findClutterIn(late, root, DECLUTTER);
    expect(blocks.map((b) => b.kind)).toEqual(['ad']);
    expect(late.contains(blocks[0]!.element) || blocks[0]!.element === late).toBe(true);
  });

  it('never returns a subtree that holds the root', () => {
    const doc = articlePage();
    const root = detectArticle(doc).root!;
    expect(findClutterIn(doc.body, root, DECLUTTER)).toEqual([]);
  });

  it('leaves new paragraphs of the article alone', () => {
    const doc = articlePage();
    const root = detectArticle(doc).root!;
    const more = doc.createElement('div');
    more.className = 'more-content';
    more.innerHTML = paragraphs(2);
    root.appendChild(more);
    expect(findClutterIn(more, root, DECLUTTER)).toEqual([]);
  });
});

describe('widgets below the story inside a root that is too large', () => {
  const rail = (cls: string) =>
    `<section class="${cls}">${['bridge-reopens-to-lorries', 'bakery-counts-the-cost', 'farmers-ask-for-help']
      .map(
        (slug) =>
          `<div><a href="/news/${slug}">${slug.replaceAll('-', ' ')} after the flood</a> <span>2 h</span></div>`,
      )
      .join('')}</section>`;

  it('hides a list of headlines after the story’s run of paragraphs, keeps the same list between them', () => {
    const doc = articlePage({ inside: rail('between'), after: rail('below') });
    // The root is the whole <main>: the article and the rail below it.
    const found = findClutterBlocks(doc, doc.querySelector('main'), DECLUTTER).map((b) => b.element);
    expect(found).toContain(el(doc, 'section.below'));
    expect(found).not.toContain(el(doc, 'section.between'));
    expect(found.some((b) => b.contains(el(doc, 'h1')))).toBe(false);
  });
});

describe('in slices', () => {
  it('finds the same blocks when it yields at every chance, and yields at every element', () => {
    const doc = articlePage({
      before: '<nav><a href="/">Home</a> <a href="/news">News</a></nav>',
      after:
        '<aside class="most-read"><h2>Most read</h2><ul><li><a href="/a">A story</a></li><li><a href="/b">B story</a></li><li><a href="/c">C story</a></li></ul></aside><div class="share-bar"><a href="https://twitter.com/intent/tweet">Share</a><a href="https://facebook.com/sharer">Share</a></div>',
    });
    const root = detectArticle(doc).root;
    const whole = findClutterBlocks(doc, root, DECLUTTER);
    expect(whole.length).toBeGreaterThan(0);
    const steps = findClutterSteps(doc, root, DECLUTTER, () => true);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(step.value).toEqual(whole);
    // Once per element in each of the two passes over the page, and between the later passes.
    expect(pauses).toBeGreaterThan(2 * doc.body.querySelectorAll('*').length);
  });
});

describe('the article header, found once per read', () => {
  it("is the header of detection's title: the one findArticleHeader finds, searched once", () => {
    const doc = articlePage({ before: '<h1 class="site">Valley Times</h1>' });
    const read = readPage(doc, { vocabulary: VOCABULARY, mode: 'focus' });
    const found = findArticleHeader(doc, read.root);
    expect(read.header?.title).toBe(detectArticle(doc).titleElement);
    expect(read.header?.title).toBe(found.title);
    expect(read.header?.bylines).toEqual(found.bylines);
    expect(read.header?.bylines.length).toBeGreaterThan(0);
  });

  it('takes the title it is given instead of searching for one', () => {
    const doc = articlePage();
    const root = detectArticle(doc).root;
    const other = doc.querySelector('footer p');
    expect(findArticleHeader(doc, root, other).title).toBe(other);
    expect(findArticleHeader(doc, root).title?.textContent).toBe('Flood barrier holds as river peaks');
  });
});
