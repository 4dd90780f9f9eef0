// Issue 13, round 8: mechanisms kept on the labelled pages' train split (docs/declutter.md), on pages of our own.
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../src/core/article';
import { type ClutterOptions, findClutterBlocks } from '../../src/core/clutter';
import { CLUTTER_VOCABULARY as VOCABULARY } from '../../src/core/lexicon/clutter';
import { focusInside } from './clutter-helpers';
import { page, paragraphs, prose } from './page-helpers';

const DECLUTTER: ClutterOptions = { mode: 'declutter', hideComments: true, vocabulary: VOCABULARY };

/**
 * A story page whose root (div.article-body) holds `before`, the story's box (`among` after its
 * paragraphs), a coda of prose and `after` them.
 */
function storyPage(after: string, before = '', among = '') {
  return page(`
    <header class="site-header"><a href="/">Valley Times</a><nav><a href="/news">News</a></nav></header>
    <main><article class="story">
      <h1>Flood barrier holds as river peaks</h1>
      <p class="byline">By <a rel="author" href="/a/jo">Jo Marsh</a></p>
      <div class="article-body">
        ${before}
        <div class="text">${paragraphs(6)}${among}</div>
        <div class="coda"><p>${prose(3, 4)}</p><p>${prose(3, 1)}</p><p>${prose(3, 2)}</p></div>
        ${after}
      </div>
    </article></main>
    <footer class="site-footer"><p>© Valley Times</p></footer>`);
}

const RULES =
  '<footer class="story-end"><p>Keep your replies to the point and kind to the people you answer; we read every one.</p></footer>';

describe('focus: a <footer> after the story, inside the root', () => {
  it('hides a footer set after the story’s paragraphs', () => {
    expect(focusInside(storyPage(RULES))).toEqual([['other', 'story-end']]);
  });

  it('keeps the same words in a box that is not a footer', () => {
    expect(focusInside(storyPage(RULES.replace(/footer/g, 'div')))).toEqual([]);
  });

  it('keeps a footer before the story or among its paragraphs', () => {
    expect(focusInside(storyPage('', RULES))).toEqual([]);
    expect(focusInside(storyPage('', '', RULES))).toEqual([]);
  });
});

/** A story whose last paragraphs are `end`, followed by `between` and a comment thread. */
function threadPage(end: string, between = ''): Document {
  return page(`
    <main><article class="story">
      <h1>Flood barrier holds as river peaks</h1>
      <p class="byline">By <a rel="author" href="/a/jo">Jo Marsh</a></p>
      <div class="article-body">${paragraphs(6)}${end}</div>
      ${between}
      <section class="comments" id="comments"><h3>Comments</h3>
        <ol class="commentlist"><li><p>Glad the barrier held this time.</p></li><li><p>The old one never did.</p></li></ol>
      </section>
    </article></main>`);
}

/** Declutter's blocks, as [kind, class]. */
function hidden(doc: Document): [string, string][] {
  const root = detectArticle(doc).root;
  return findClutterBlocks(doc, root, DECLUTTER).map((b) => [b.kind, b.element.className]);
}

const NOTICE =
  '<p class="note">Before you comment, keep to the subject of the story and be kind to the people you answer.</p>';

describe('declutter: the rules of a comment thread written as prose', () => {
  it('hides the block right before the thread that names comments in its first words', () => {
    expect(hidden(threadPage(NOTICE))).toEqual([
      ['comments', 'note'],
      ['comments', 'comments'],
    ]);
  });

  it('reads through a button between the rules and the thread', () => {
    const doc = threadPage('', `${NOTICE}<div class="toggle"><a href="#comments">Show the comments</a></div>`);
    expect(hidden(doc).map(([, c]) => c)).toContain('note');
  });

  it('keeps the story’s last paragraph when comments are not named in its first words, or no thread follows', () => {
    const late =
      '<p class="note">In a statement on Monday the mayor declined to comment on the cost of the new barrier.</p>';
    expect(hidden(threadPage(late)).map(([, c]) => c)).not.toContain('note');
    const alone = page(`<main><article><h1>Flood barrier holds as river peaks</h1>
      <div class="article-body">${paragraphs(6)}${NOTICE}</div></article></main>`);
    expect(hidden(alone).map(([, c]) => c)).not.toContain('note');
  });
});
