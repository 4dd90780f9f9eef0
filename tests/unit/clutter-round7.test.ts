// Issue 13, round 7: mechanisms kept on the labelled pages' train split (docs/declutter.md), on pages of our own.
import { describe, expect, it } from 'vitest';
import { type ClutterOptions, findClutterBlocks } from '../../src/core/clutter';
import { CLUTTER_VOCABULARY as VOCABULARY } from '../../src/core/lexicon/clutter';
import { focusInside, rootOf } from './clutter-helpers';
import { page, paragraphs, prose } from './page-helpers';

const DECLUTTER: ClutterOptions = { mode: 'declutter', hideComments: true, vocabulary: VOCABULARY };

/**
 * A story page whose root holds the story's box and more: `start` and `end` before the story's first
 * paragraph and after its last (in its box), `before` and `after` beside that box, inside the root.
 */
function storyPage(parts: { start?: string; end?: string; before?: string; after?: string }): Document {
  // What is beside the story's box holds some prose of its own: the root is the box around both.
  const after = parts.after === undefined ? '' : `${parts.after}<div class="coda"><p>${prose(3, 4)}</p></div>`;
  return page(`
    <header class="site-header"><a href="/">Valley Times</a><nav><a href="/news">News</a></nav></header>
    <main><article class="story">
      <h1>Flood barrier holds as river peaks</h1>
      <p class="byline">By <a rel="author" href="/a/jo">Jo Marsh</a></p>
      <div class="article-body">
        ${parts.before ?? ''}
        <div class="text">${parts.start ?? ''}${paragraphs(6)}${parts.end ?? ''}</div>
        ${after}
      </div>
    </article></main>
    <footer class="site-footer"><p>© Valley Times</p></footer>`);
}

/** Declutter's blocks, as [kind, class]. */
function hidden(doc: Document): [string, string][] {
  return findClutterBlocks(doc, rootOf(doc), DECLUTTER).map((b) => [b.kind, b.element.className]);
}

const storyLinks = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<li><a href="/news/2024/05/river-story-number-${i + 1}">River story number ${i + 1} of the spring</a></li>`,
  ).join('');

describe('a list of links to other articles at the end of the story', () => {
  it('hides an unlabelled list whose every item is one link to another article, after the last paragraph', () => {
    const doc = storyPage({
      end: `<ul class="more">${storyLinks(3)}</ul><p class="note"><em>First printed in the Valley Times.</em></p>`,
    });
    expect(hidden(doc)).toEqual([['related', 'more']]);
  });

  it('keeps the same list between paragraphs, under a heading, or with an item that is not one link', () => {
    const between = storyPage({ end: `<ul class="more">${storyLinks(3)}</ul><p>${prose(3, 2)}</p>` });
    expect(hidden(between)).toEqual([]);
    const headed = storyPage({ end: `<h2>Sources</h2><ul class="more">${storyLinks(3)}</ul>` });
    expect(hidden(headed)).toEqual([]);
    const mixed = storyPage({
      end: `<ul class="more">${storyLinks(2)}<li>The water board's figures, given to the paper on request</li></ul>`,
    });
    expect(hidden(mixed)).toEqual([]);
  });
});

describe('focus mode: another <article> inside the article, after the story', () => {
  const card = (n: number) =>
    `<article class="card${n}"><h3><a href="/news/2024/05/other-valley-story-${n}">Other valley story ${n}</a></h3><p>${prose(2, n)}</p></article>`;

  it('hides each post with its excerpt below the story, though its prose protects it from declutter', () => {
    const doc = storyPage({ after: `<section class="also">${card(1)}${card(2)}</section>` });
    expect(hidden(doc).map(([, cls]) => cls)).not.toContain('card1');
    expect(focusInside(doc)).toEqual([
      ['related', 'card1'],
      ['related', 'card2'],
    ]);
  });

  it('keeps a nested article that links to no other article, and one above the story', () => {
    const note = (n: number) => `<article class="note${n}"><h3>Note ${n}</h3><p>${prose(2, n)}</p></article>`;
    const plain = storyPage({ after: `<section class="also">${note(1)}${note(2)}</section>` });
    expect(focusInside(plain)).toEqual([]);
    const above = storyPage({ before: `<section class="also">${card(1)}${card(2)}</section>` });
    expect(focusInside(above)).toEqual([]);
  });
});

describe('focus mode: a text shown twice', () => {
  const caption = 'Volunteers carry sandbags from the fire station to the bakery as the river rises in the lower town.';

  it('hides a caption repeated in a gallery’s control panel, and its truncated copy', () => {
    const doc = storyPage({
      after: `<div class="gallery"><ul><li><img src="/g1.jpg"><div class="caption">${caption}</div></li></ul>
        <div class="panel"><div class="panel-full">${caption}</div><div class="panel-short">${caption.slice(0, 84)}…</div></div></div>`,
    });
    expect(focusInside(doc)).toEqual([
      ['other', 'panel-full'],
      ['other', 'panel-short'],
    ]);
  });

  it('keeps a text repeated beside itself, in paragraphs or list items (the article’s own refrain)', () => {
    const siblings = storyPage({
      after: `<div class="gallery"><ul><li><img src="/g1.jpg"></li></ul><div class="panel"><div class="a">${caption}</div><div class="b">${caption}</div></div></div>`,
    });
    expect(focusInside(siblings)).toEqual([]);
    const paras = storyPage({
      after: `<div class="gallery"><ul><li><img src="/g1.jpg"><p>${caption}</p></li></ul><div class="panel"><p>${caption}</p></div></div>`,
    });
    expect(focusInside(paras)).toEqual([]);
    const items = storyPage({
      after: `<div class="gallery"><ul><li><img src="/g1.jpg"><div>${caption}</div></li></ul><ul class="panel"><li>${caption}</li></ul></div>`,
    });
    expect(focusInside(items)).toEqual([]);
  });
});

describe('focus mode: a dateline before or after the story', () => {
  it('hides a line that is a date and a time, before the first paragraph and after the last', () => {
    const doc = storyPage({
      start: '<div class="stamp">Updated 9:15 am BST, May 4, 2024</div>',
      end: '<p class="printed">Printed 04.05.2024, 18:30</p>',
    });
    expect(focusInside(doc, 'text')).toEqual([
      ['other', 'stamp'],
      ['other', 'printed'],
    ]);
  });

  it('keeps a date with more words than numbers, a date between paragraphs, and an embedded post’s date', () => {
    const worded = storyPage({
      start: '<div class="stamp">Filed by the river desk of the Valley Times, May 4, 2024</div>',
    });
    expect(focusInside(worded, 'text')).toEqual([]);
    const between = storyPage({ end: `<div class="stamp">May 4, 2024, 9:15</div><p>${prose(3, 2)}</p>` });
    expect(focusInside(between, 'text')).toEqual([]);
    const quoted = storyPage({
      end: '<blockquote class="post"><p>High water at the mill.</p><p class="when">May 4, 2024, 9:15</p></blockquote>',
    });
    expect(focusInside(quoted, 'text')).toEqual([]);
  });
});
