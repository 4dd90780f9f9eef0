// Paragraph-like text blocks of a subtree, with a map from text offsets back to DOM text nodes.
// The quote and speaker modules read text; the content script maps their offsets back to Ranges.
// The blocks come from the one walk in article-measure.ts (TextMeasure), which also measures text.
import { TextMeasure } from './article-measure';
import type { TextBlock } from './types';

export { BLOCK_TAGS, HEADING_TAGS, MAX_BLOCKS, MAX_CHARS, SKIPPED_TAGS } from './article-measure';

export interface CollectOptions {
  /** Elements to leave out with their whole subtree (hidden clutter, our own UI). */
  exclude?: (el: Element) => boolean;
}

export interface CollectResult {
  blocks: TextBlock[];
  truncated: boolean;
}

/**
 * Splits the text under `root` into blocks. A block is the text between two block-level element
 * boundaries; inline elements (em, a, span, …) do not split it, and <br> does.
 */
export function collectTextBlocks(root: Element, options: CollectOptions = {}): CollectResult {
  const { blocks, truncated } = new TextMeasure(root, options.exclude);
  return { blocks, truncated };
}

/**
 * The article's blocks with the hidden clutter left out. From the walk detectArticle already made
 * (`measure`, of <body>) when it can tell them; else (a truncated walk, no walk) from a walk of root.
 */
export function articleBlocks(root: Element, hidden: ReadonlySet<Element>, measure?: TextMeasure): CollectResult {
  return measure?.blocksIn(root, hidden) ?? collectTextBlocks(root, { exclude: (el) => hidden.has(el) });
}

/** Collapses runs of white space to one space and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text node and offset of a character offset in a block (for building Ranges). */
export function locateOffset(block: TextBlock, offset: number): { node: Text; offset: number } {
  const pieces = block.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo]!;
  return { node: piece.node, offset: Math.min(offset - piece.start, piece.node.data.length) };
}
