// What the clutter round tests ask of a page: the article's root, and what focus mode hides inside it.
import { expect } from 'vitest';
import { detectArticle } from '../../src/core/article';
import { type ClutterOptions, findClutterBlocks } from '../../src/core/clutter';
import { findFocusBlocks } from '../../src/core/clutter-focus';
import { CLUTTER_VOCABULARY as VOCABULARY } from '../../src/core/lexicon/clutter';

export const FOCUS: ClutterOptions = { mode: 'focus', hideComments: true, vocabulary: VOCABULARY };

/** The root detection finds; the test fails when there is none. */
export function rootOf(doc: Document): Element {
  const root = detectArticle(doc).root;
  expect(root).not.toBeNull();
  return root!;
}

/** What focus mode hides inside the root (of class `rootClass`) besides the clutter, as [kind, class]. */
export function focusInside(doc: Document, rootClass = 'article-body'): [string, string][] {
  const root = rootOf(doc);
  expect(root.className).toBe(rootClass);
  const found = findClutterBlocks(doc, root, FOCUS);
  return findFocusBlocks(doc, root, found, VOCABULARY)
    .filter((b) => root.contains(b.element))
    .map((b) => [b.kind, b.element.className]);
}
