// Issue 13, focus round 9: mechanisms kept on the labelled pages' train split (docs/declutter.md), on pages of our own.
import { describe, expect, it } from 'vitest';
import { findClutterBlocks } from '../../src/core/clutter';
import { findFocusBlocks } from '../../src/core/clutter-focus';
import { CLUTTER_VOCABULARY as VOCABULARY } from '../../src/core/lexicon/clutter';
import { FOCUS, focusInside, rootOf } from './clutter-helpers';
import { page, paragraphs, prose } from './page-helpers';

/** A story page whose root (div.article-body) holds `top` and the title, then the story's box (`among` after its paragraphs) and a coda. */
function rootPage(top: string, among = '', title = '<h1 class="headline">Flood barrier holds as river peaks</h1>') {
  return page(`
    <header class="site-header"><a href="/">Valley Times</a><nav><a href="/news">News</a></nav></header>
    <main><div class="article-body">
      ${top}
      ${title}
      <p class="byline">By <a rel="author" href="/a/jo">Jo Marsh</a></p>
      <div class="text">${paragraphs(6)}${among}</div>
      <div class="coda"><p>${prose(3, 4)}</p><p>${prose(3, 1)}</p><p>${prose(3, 2)}</p></div>
    </div></main>
    <footer class="site-footer"><p>© Valley Times</p></footer>`);
}

const INSET = `<aside class="inset"><h4>The old wall</h4><p><a href="/news/2024/05/the-old-wall-that-failed">${prose(1, 2)}</a></p></aside>`;

describe('focus: an <aside> in the article that links to another article', () => {
  it('hides an inset in the story’s box (declutter finds it, so focus mode has it too)', () => {
    const doc = rootPage('', INSET);
    const root = rootOf(doc);
    const hidden = findClutterBlocks(doc, root, FOCUS).map((b) => [b.kind, b.element.className]);
    expect(hidden).toContainEqual(['related', 'inset']);
    expect(focusInside(doc)).toEqual([]);
  });

  it('keeps an aside whose links lead to no other article (a note, a fact box)', () => {
    const note = `<aside class="inset"><h4>Facts</h4><p>${prose(1, 3)}</p></aside>`;
    expect(focusInside(rootPage('', note))).toEqual([]);
  });
});

const LABELS =
  '<div class="labels"><a href="/news">News</a> <a href="/news/weather">Weather</a> Filed under: floods</div>';

describe('focus: what comes before the title inside the root', () => {
  it('hides a label line set before the title', () => {
    expect(focusInside(rootPage(LABELS))).toEqual([['other', 'labels']]);
  });

  it('keeps a lead picture before the title', () => {
    const lead =
      '<div class="lead"><img src="/img/river.jpg" alt=""><p>The river at dawn, seen from the bridge.</p></div>';
    expect(focusInside(rootPage(lead))).toEqual([]);
  });

  it('hides nothing before a title that is a link (a site’s name taken for want of a better)', () => {
    const linked = '<a href="/"><h1 class="headline">Valley Times</h1></a>';
    expect(focusInside(rootPage(LABELS, '', linked))).toEqual([]);
  });
});

describe('focus: the story’s box on a <body> root goes down towards the title', () => {
  // Each of the story's paragraphs has a box of its own, so its longest run of paragraphs is the
  // footer's two legal lines; the story's box is the one with the title and most of the prose.
  const wrapped = Array.from({ length: 6 }, (_, i) => `<div class="para"><p>${prose(3, i)}</p></div>`).join('');
  const doc = page(`
    <div class="page">
      <nav class="menu"><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
      <div class="story"><h1>Flood barrier holds as river peaks</h1>${wrapped}</div>
      <div class="legal"><p>${prose(2, 4)} Quotes are delayed by fifteen minutes.</p><p>${prose(2, 0)} All rights reserved by the publisher.</p></div>
    </div>`);

  it('hides what is beside the story box', () => {
    const hidden = findFocusBlocks(doc, doc.body, [], VOCABULARY).map((b) => b.element.className);
    expect(hidden).toContain('legal');
    expect(hidden).toContain('menu');
    expect(hidden).not.toContain('story');
  });
});
