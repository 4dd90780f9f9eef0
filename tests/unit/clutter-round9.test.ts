// Issue 13, round 9: mechanisms kept on the labelled pages' train split (docs/declutter.md), on pages of our own.
import { describe, expect, it } from 'vitest';
import { type ClutterOptions, findClutterBlocks } from '../../src/core/clutter';
import { CLUTTER_VOCABULARY as VOCABULARY } from '../../src/core/lexicon/clutter';
import { rootOf } from './clutter-helpers';
import { page, paragraphs, prose } from './page-helpers';

const DECLUTTER: ClutterOptions = { mode: 'declutter', hideComments: true, vocabulary: VOCABULARY };

/** Declutter's blocks inside the root (of class `rootClass`; detected, or given as a too-large root), as [kind, class]. */
function hiddenInside(doc: Document, rootClass: string, given = false): [string, string][] {
  const root = given ? doc.querySelector(`.${rootClass}`)! : rootOf(doc);
  expect(root.className).toBe(rootClass);
  return findClutterBlocks(doc, root, DECLUTTER)
    .filter((b) => root.contains(b.element))
    .map((b) => [b.kind, b.element.className]);
}

/** A story whose body (div.article-body) holds `inset` between its paragraphs. */
function insetPage(inset: string): Document {
  return page(`
    <main><article class="story">
      <h1>Flood barrier holds as river peaks</h1>
      <p class="byline">By <a rel="author" href="/a/jo">Jo Marsh</a></p>
      <div class="article-body">${paragraphs(3)}${inset}${paragraphs(4)}</div>
    </article></main>`);
}

const INSET = `<aside class="inset">
  <a href="/2024/03/old-dam-gives-way-in-the-night"><h6>The old dam that gave way in the night</h6></a>
  <p>Twelve years ago the wall broke before dawn.</p><a href="/2024/03/old-dam-gives-way-in-the-night">Read on</a>
</aside>`;

describe('declutter: an <aside> inside the story', () => {
  it('hides an inset that links to another article of the site, as one block', () => {
    expect(hiddenInside(insetPage(INSET), 'article-body')).toEqual([['related', 'inset']]);
  });

  it('keeps an aside without links (a pull quote) and a box of the same links that is no aside', () => {
    expect(
      hiddenInside(
        insetPage('<aside class="inset"><p>“We held the line,” the mayor said.</p></aside>'),
        'article-body',
      ),
    ).toEqual([]);
    expect(hiddenInside(insetPage(INSET.replace(/aside/g, 'div')), 'article-body')).toEqual([]);
  });

  it('keeps an aside that holds the story’s prose', () => {
    const long = `<aside class="inset"><p>${prose(6)}</p><p>${prose(6, 2)}</p><a href="/2024/03/old-dam-gives-way-in-the-night">The old dam</a></aside>`;
    expect(hiddenInside(insetPage(long), 'article-body')).toEqual([]);
  });
});

/** A page whose root (div.page-column, the whole column: a root too large, as detection finds on some sites) holds `above` before the story's title, and the story. */
function abovePage(above: string): Document {
  return page(`
    <div class="page-column">
      ${above}
      <div class="story">
        <h1>Flood barrier holds as river peaks</h1>
        <p class="byline">By <a rel="author" href="/a/jo">Jo Marsh</a></p>
        ${paragraphs(6)}
      </div>
    </div>`);
}

const FEATURE = `<div class="feature"><h2>The spring floods</h2>
  <div><a href="/2024/04/river-peaks-at-record-height-downtown">River peaks at record height downtown</a></div>
  <div><a href="/2024/04/volunteers-fill-ten-thousand-sandbags">Volunteers fill ten thousand sandbags</a></div>
  <div><a href="/2024/04/bridge-stays-shut-until-inspection">Bridge stays shut until the inspection</a></div>
</div>`;

describe('declutter: a box before the title is not in the article', () => {
  it('hides a teaser list that ends before the story’s title', () => {
    expect(hiddenInside(abovePage(FEATURE), 'page-column', true)).toEqual([['related', 'feature']]);
  });

  it('keeps the same list after the title, among the story', () => {
    const doc = page(`
      <div class="page-column"><div class="story">
        <h1>Flood barrier holds as river peaks</h1>
        <p class="byline">By <a rel="author" href="/a/jo">Jo Marsh</a></p>
        ${paragraphs(3)}${FEATURE}${paragraphs(3)}
      </div></div>`);
    expect(hiddenInside(doc, 'page-column', true)).toEqual([]);
  });
});
