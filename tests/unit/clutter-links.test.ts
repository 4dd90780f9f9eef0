// Clutter known by structure: where links lead (teaser lists and cards, inline teasers, share bars),
// prompts by their text, labels by a phrase inside them, sticky bars through the layout callback.
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../src/core/article';
import { type ClutterOptions, findClutterBlocks, inlineLayout, labelKind } from '../../src/core/clutter';
import { linkTarget } from '../../src/core/clutter-links';
import { compileVocabulary } from '../../src/core/clutter-vocabulary';
import { CLUTTER_VOCABULARY as VOCABULARY } from '../../src/core/lexicon/clutter';
import { articlePage } from './page-helpers';

const OPTIONS: ClutterOptions = { mode: 'declutter', hideComments: true, vocabulary: VOCABULARY };
const SOCIAL_HOSTS = compileVocabulary(VOCABULARY).socialHosts;

function hiddenOf(doc: Document, options: ClutterOptions = OPTIONS) {
  const root = detectArticle(doc).root;
  expect(root).not.toBeNull();
  return findClutterBlocks(doc, root, options);
}

function el(doc: Document, selector: string): Element {
  const found = doc.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

const card = (slug: string, title: string) =>
  `<div class="c"><a href="/2024/05/${slug}"><img src="/i/${slug}.jpg" alt=""></a><a href="/2024/05/${slug}">${title}</a><p>Filed under Valley · 3 min read and a short line of summary here.</p></div>`;

describe('linkTarget', () => {
  it('reads a slug, an id or a dated path as another article', () => {
    expect(linkTarget('/news/flood-barrier-holds-again', SOCIAL_HOSTS)).toBe('article');
    expect(linkTarget('https://example.org/story/1234567', SOCIAL_HOSTS)).toBe('article');
    expect(linkTarget('/2024/05/river/', SOCIAL_HOSTS)).toBe('article');
  });
  it('reads sections, tags, anchors and scripts as not articles', () => {
    expect(linkTarget('/news/', SOCIAL_HOSTS)).toBeNull();
    expect(linkTarget('/tag/river-levels-in-spring/', SOCIAL_HOSTS)).toBeNull();
    expect(linkTarget('#top', SOCIAL_HOSTS)).toBeNull();
    expect(linkTarget('/index.php?title=Main', SOCIAL_HOSTS)).toBeNull();
  });
  it('reads networks and share endpoints as social', () => {
    expect(linkTarget('https://www.facebook.com/sharer/sharer.php?u=x', SOCIAL_HOSTS)).toBe('social');
    expect(linkTarget('https://twitter.com/intent/tweet?text=x', SOCIAL_HOSTS)).toBe('social');
    expect(linkTarget('mailto:?subject=x', SOCIAL_HOSTS)).toBe('social');
    expect(linkTarget('/share?url=x', SOCIAL_HOSTS)).toBe('social');
  });
});

describe('teaser lists', () => {
  it('hides an unlabelled list of headline links to other articles beside the article', () => {
    const list = `<div class="grid"><a href="/news/bridge-reopens-to-lorries">Bridge reopens to lorries next week</a>
      <a href="/news/bakery-counts-the-cost">Bakery counts the cost of the water</a>
      <a href="/news/farmers-ask-for-help">Farmers upstream ask for help with hay</a></div>`;
    const doc = articlePage({ after: list });
    const block = hiddenOf(doc).find((b) => b.element === el(doc, 'div.grid'));
    expect(block?.kind).toBe('related');
    expect(block?.reason).toMatch(/3 links to other articles/);
  });

  it('keeps a menu of section links (no article among them)', () => {
    const menu =
      '<div class="menu"><a href="/news/">News</a> <a href="/sport/">Sport</a> <a href="/weather/">Weather</a></div>';
    const doc = articlePage({ after: menu });
    expect(hiddenOf(doc).map((b) => b.element)).not.toContain(el(doc, 'div.menu'));
  });

  it('hides cards with thumbnails and summaries, where links hold little of the text', () => {
    const doc = articlePage({
      after: `<section class="cards">${card('bridge-reopens-soon', 'Bridge reopens to lorries after the inspection')}${card('bakery-reopens-too', 'Bakery reopens with a new oven and old recipes')}${card('schools-stay-shut', 'Schools stay shut until the water is declared safe')}</section>`,
    });
    expect(hiddenOf(doc).map((b) => b.element)).toContain(el(doc, 'section.cards'));
  });

  it('keeps a list of sources inside the article (no thumbnails)', () => {
    const sources = `<ul class="sources"><li><a href="/reports/water-board-annual-report">Water board annual report</a></li>
      <li><a href="/reports/barrier-engineering-study">Barrier engineering study</a></li>
      <li><a href="/reports/flood-risk-map-of-valley">Flood risk map of the valley</a></li></ul>`;
    const doc = articlePage({ inside: sources });
    expect(hiddenOf(doc).map((b) => b.element)).not.toContain(el(doc, 'ul.sources'));
  });
});

describe('inline teaser lines', () => {
  it('hides a paragraph that is one link to another article between paragraphs', () => {
    const doc = articlePage({
      inside:
        '<p class="also"><strong><a href="/news/how-the-old-wall-failed-in-2012">HOW THE OLD WALL FAILED TWELVE YEARS AGO</a></strong></p>',
    });
    const block = hiddenOf(doc).find((b) => b.element === el(doc, 'p.also'));
    expect(block?.reason).toMatch(/a line that is a link to another article/);
  });

  it('keeps a short caption credit that is a link', () => {
    const doc = articlePage({
      inside: '<p class="credit"><a href="/people/jo-marsh-photos">(Photo: Jo Marsh)</a></p>',
    });
    expect(hiddenOf(doc).map((b) => b.element)).not.toContain(el(doc, 'p.credit'));
  });
});

describe('share and follow', () => {
  it('hides a bar of share links with no labels of its own', () => {
    const bar = `<div class="x1"><a href="https://www.facebook.com/sharer/sharer.php?u=1">f</a>
      <a href="https://twitter.com/intent/tweet?url=1">t</a><a href="mailto:?body=1">@</a></div>`;
    const doc = articlePage({ before: bar });
    expect(hiddenOf(doc).find((b) => b.element === el(doc, 'div.x1'))?.kind).toBe('social');
  });

  it('keeps an embedded post that links to a network', () => {
    const post = `<blockquote class="embed"><p>We open the barrier at noon.</p><a href="https://twitter.com/valley">@valley</a>
      <a href="https://twitter.com/valley/status/1">May 5</a></blockquote>`;
    const doc = articlePage({ inside: post });
    expect(hiddenOf(doc).map((b) => b.element)).not.toContain(el(doc, 'blockquote.embed'));
  });

  it('hides a follow prompt that names its networks', () => {
    const doc = articlePage({
      after: '<div class="x2"><p>Follow us on Facebook and Instagram for flood updates.</p><a href="/go">Go</a></div>',
    });
    expect(hiddenOf(doc).find((b) => b.element === el(doc, 'div.x2'))?.kind).toBe('social');
  });
});

describe('prompts by their text', () => {
  it('hides a subscription prompt with a call to action', () => {
    const doc = articlePage({
      after: '<div class="x3"><p>Subscribe for unlimited access to the Valley Times.</p><a href="/join">Join</a></div>',
    });
    expect(hiddenOf(doc).find((b) => b.element === el(doc, 'div.x3'))?.kind).toBe('promo');
  });

  it('keeps the same words without anything to click', () => {
    const doc = articlePage({
      after: '<div class="x4"><p>Subscribe for unlimited access to the Valley Times.</p></div>',
    });
    expect(hiddenOf(doc).map((b) => b.element)).not.toContain(el(doc, 'div.x4'));
  });
});

describe('labels by a phrase inside them', () => {
  it('names a heading that holds a known phrase', () => {
    expect(labelKind("Jo Marsh's Most Recent Stories", VOCABULARY)).toBe('trending');
    expect(labelKind('Popular on Valley Times', VOCABULARY)).toBe('trending');
    expect(labelKind('ADVERTISEMENT – Valley Tours', VOCABULARY)).toBe('ad');
    expect(labelKind('Mais lidas', VOCABULARY)).toBe('trending');
  });
  it('does not read a phrase inside a long headline', () => {
    expect(
      labelKind('The most popular bakery in the valley reopens after the flood waters recede', VOCABULARY),
    ).toBeNull();
  });
});

describe('layout', () => {
  it('reads position from the inline style by default (the CLI)', () => {
    const doc = articlePage();
    const div = doc.createElement('div');
    div.setAttribute('style', 'position: sticky; bottom: 0');
    expect(inlineLayout(div)?.position).toBe('sticky');
    expect(inlineLayout(doc.createElement('div'))).toBeNull();
  });

  it('takes a sticky bar from the layout callback the content script passes', () => {
    const bar = '<div class="bar"><span>Newsletter</span> <a href="/n">Get it</a></div>';
    const doc = articlePage({ after: bar });
    const sticky = (e: Element) => (e.classList.contains('bar') ? { position: 'fixed' } : null);
    const reason = hiddenOf(doc, { ...OPTIONS, layout: sticky }).find((b) => b.element === el(doc, 'div.bar'))?.reason;
    expect(reason).toMatch(/fixed overlay/);
  });
});

describe('a label that heads the list after it', () => {
  const links =
    '<a href="/news/ferry-timetable-changes">Ferry timetable changes</a> <a href="/news/harbour-wall-repairs">Harbour wall repairs</a>';

  it('hides the heading and the list beside the article when they are siblings, not a box', () => {
    const doc = articlePage({ after: `<h3 class="head">You may also like</h3><div class="items">${links}</div>` });
    const hidden = hiddenOf(doc);
    const heading = hidden.find((b) => b.element === el(doc, 'h3.head'));
    const list = hidden.find((b) => b.element === el(doc, 'div.items'));
    expect(heading?.kind).toBe('related');
    expect(list?.reason).toMatch(/under heading 'You may also like'/);
  });

  it('keeps a labelled section of plain links inside the article ("See also" is the article’s own)', () => {
    const doc = articlePage({ inside: `<h3>See also</h3><ul class="see">${links.replaceAll('<a', '<li><a')}</ul>` });
    expect(hiddenOf(doc).map((b) => b.element)).not.toContain(el(doc, 'ul.see'));
  });

  it('does not take the next widget, with a heading of its own, for its list', () => {
    const doc = articlePage({
      after: `<h3 class="head">Related</h3><div class="box"><h4>Most read</h4><ol><li>${links}</li></ol></div>`,
    });
    const hidden = hiddenOf(doc);
    expect(hidden.find((b) => b.element === el(doc, 'div.box'))?.kind).toBe('trending');
    expect(hidden.map((b) => b.element)).not.toContain(el(doc, 'h3.head'));
  });
});

describe('a short named box of links to other stories', () => {
  it('hides a "read next" box with one link to another article and no prose', () => {
    const doc = articlePage({
      after: '<div class="read-next"><a href="/news/harbour-wall-repairs-begin">Harbour wall repairs begin</a></div>',
    });
    const box = hiddenOf(doc).find((b) => b.element === el(doc, 'div.read-next'));
    expect(box?.reason).toMatch(/class 'read-next' \+ .*links to other articles|link density/);
  });

  it('hides previous/next-story navigation named by its class', () => {
    const doc = articlePage({
      after:
        '<nav class="post-navigation"><a href="/news/bridge-reopens-to-lorries">Previous: Bridge reopens to lorries</a> <a href="/news/bakery-counts-the-cost">Next: Bakery counts the cost</a></nav>',
    });
    expect(hiddenOf(doc).map((b) => b.element)).toContain(el(doc, 'nav.post-navigation'));
  });
});

describe('headings in other languages (vocabulary as data)', () => {
  it('names most-read, read-also, comments and ad headings in es, nl, pl, sv, ru', () => {
    expect(labelKind('Lo más leído', VOCABULARY)).toBe('trending');
    expect(labelKind('Meest gelezen', VOCABULARY)).toBe('trending');
    expect(labelKind('Zobacz też:', VOCABULARY)).toBe('related');
    expect(labelKind('Läs också', VOCABULARY)).toBe('related');
    expect(labelKind('Читайте также', VOCABULARY)).toBe('related');
    expect(labelKind('Komentarze (3)', VOCABULARY)).toBe('comments');
    expect(labelKind('Reklama', VOCABULARY)).toBe('ad');
  });

  it('does not read a headline that only contains a short common word', () => {
    expect(labelKind('Noticias del día en la ciudad', VOCABULARY)).toBeNull();
  });
});
