// Issue 13, round 6: mechanisms kept on the labelled pages' train split (docs/declutter.md), on pages of our own.
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../src/core/article';
import { type ClutterOptions, findClutterBlocks } from '../../src/core/clutter';
import { CLUTTER_VOCABULARY as VOCABULARY } from '../../src/core/lexicon/clutter';
import { articlePage } from './page-helpers';

const DECLUTTER: ClutterOptions = { mode: 'declutter', hideComments: true, vocabulary: VOCABULARY };

function blocksOf(doc: Document): [string, string][] {
  const root = detectArticle(doc).root;
  expect(root).not.toBeNull();
  return findClutterBlocks(doc, root, DECLUTTER).map((b) => [b.kind, b.element.className]);
}

describe('a cookie-named link that reads a cookie label', () => {
  it('hides the consent manager’s settings link left at the end of the page', () => {
    const doc = articlePage({ after: '<a class="optanon-show-settings">Cookie Settings</a>' });
    expect(blocksOf(doc)).toEqual([['cookie', 'optanon-show-settings']]);
  });

  it('keeps a cookie-named link with other words, and a cookie label without a cookie name', () => {
    expect(blocksOf(articlePage({ after: '<a class="cookie-link" href="/terms">Terms of service</a>' }))).toEqual([]);
    expect(blocksOf(articlePage({ after: '<a class="x2" href="/privacy">Cookie Settings</a>' }))).toEqual([]);
  });
});
