// Paragraph-like text blocks of a subtree, with a map from text offsets back to DOM text nodes.
// The quote and speaker modules read text; the content script maps their offsets back to Ranges.
import type { TextBlock } from './types';

/** Elements whose text is never article text. */
export const SKIPPED_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE SVG svg MATH CANVAS IFRAME OBJECT SELECT OPTION TEXTAREA BUTTON HEAD TITLE'.split(
    ' ',
  ),
);

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set(
  'P LI BLOCKQUOTE H1 H2 H3 H4 H5 H6 TD TH DD DT FIGCAPTION CAPTION PRE ADDRESS DIV SECTION ARTICLE ASIDE HEADER FOOTER MAIN NAV FORM FIGURE UL OL DL TABLE BODY HTML DETAILS SUMMARY HR BR'.split(
    ' ',
  ),
);

export const HEADING_TAGS = new Set('H1 H2 H3 H4 H5 H6'.split(' '));

/** Cap on blocks read from one page: protects the content script on pathological pages. */
export const MAX_BLOCKS = 20000;
/** Cap on characters read from one page. */
export const MAX_CHARS = 5_000_000;

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const TEXT_NODE = 3;

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
  const doc = root.ownerDocument;
  const exclude = options.exclude;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType === TEXT_NODE) return FILTER_ACCEPT;
      const el = node as Element;
      if (SKIPPED_TAGS.has(el.tagName)) return FILTER_REJECT;
      if (el.hasAttribute('hidden')) return FILTER_REJECT;
      if (exclude?.(el)) return FILTER_REJECT;
      return FILTER_ACCEPT;
    },
  });

  const blocks: TextBlock[] = [];
  let truncated = false;
  let totalChars = 0;
  let current: { element: Element; text: string; pieces: TextBlock['pieces'] } | null = null;
  // The block element that owns the text we are reading: the nearest block ancestor.
  let owner: Element = root;

  const flush = () => {
    if (current && current.text.trim() !== '') {
      const tag = current.element.tagName.toLowerCase();
      blocks.push({
        element: current.element,
        index: blocks.length,
        text: current.text,
        pieces: current.pieces,
        tag,
        isHeading: HEADING_TAGS.has(current.element.tagName),
      });
    }
    current = null;
  };

  // Track the owner block through enter/leave: TreeWalker gives us pre-order; we keep a stack of
  // block ancestors and pop when the next node is not inside the top of the stack.
  const stack: Element[] = [root];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    while (stack.length > 1 && !stack[stack.length - 1]!.contains(node)) {
      stack.pop();
      flush();
    }
    owner = stack[stack.length - 1]!;
    if (node.nodeType === TEXT_NODE) {
      const value = (node as Text).data;
      if (value === '') continue;
      if (!current || current.element !== owner) {
        flush();
        current = { element: owner, text: '', pieces: [] };
      }
      current.pieces.push({ node: node as Text, start: current.text.length });
      current.text += value;
      totalChars += value.length;
      if (totalChars > MAX_CHARS || blocks.length >= MAX_BLOCKS) {
        truncated = true;
        break;
      }
      continue;
    }
    const el = node as Element;
    if (BLOCK_TAGS.has(el.tagName.toUpperCase())) {
      flush();
      if (el.tagName === 'BR' || el.tagName === 'HR') continue;
      stack.push(el);
    }
  }
  flush();
  return { blocks, truncated };
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
