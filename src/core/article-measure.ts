// Text measurements per element, computed once per analysed subtree in one pass over its text
// blocks: how much text an element holds, how much of it is link text, and how much is article-like
// prose. Both article detection and the clutter finder read them.
import { collectTextBlocks } from './text';
import type { TextBlock } from './types';

/** A block shorter than this is a label, a caption or a teaser, not a paragraph of prose. */
export const MIN_PARAGRAPH_CHARS = 80;
/** A block whose share of link text is above this is navigation, not prose. */
export const MAX_PARAGRAPH_LINK_DENSITY = 0.3;

export interface ElementStats {
  /** Characters of text, white space collapsed. */
  chars: number;
  /** Characters of that text inside links. */
  linkChars: number;
  /** Characters of prose: paragraph-like blocks, long enough, with little link text. */
  bodyChars: number;
  /** Number of such prose blocks. */
  paragraphs: number;
}

const EMPTY: ElementStats = Object.freeze({ chars: 0, linkChars: 0, bodyChars: 0, paragraphs: 0 });

const NON_PROSE_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'pre', 'button', 'nav']);

export class TextMeasure {
  readonly blocks: TextBlock[];
  private readonly stats = new Map<Element, ElementStats>();
  private readonly linkMemo = new Map<Element, boolean>();
  private readonly runs = new Map<Element, number>();
  /** Prose characters of the longest run: paragraphs side by side under one parent. */
  longestRun = 0;

  constructor(readonly scope: Element) {
    this.blocks = collectTextBlocks(scope).blocks;
    for (const block of this.blocks) this.addBlock(block);
  }

  /** Stats of an element inside the scope (all zero for elements without text). */
  of(el: Element): ElementStats {
    return this.stats.get(el) ?? EMPTY;
  }

  linkDensity(el: Element): number {
    const s = this.of(el);
    return s.chars === 0 ? 0 : s.linkChars / s.chars;
  }

  private addBlock(block: TextBlock): void {
    let chars = 0;
    let linkChars = 0;
    for (const piece of block.pieces) {
      const n = collapsedLength(piece.node.data);
      if (n === 0) continue;
      const inLink = this.inLink(piece.node.parentElement);
      chars += n;
      if (inLink) linkChars += n;
      // Inline elements inside the block (a span label, a link) get their own share.
      for (let el = piece.node.parentElement; el && el !== block.element; el = el.parentElement) {
        const s = this.statsOf(el);
        s.chars += n;
        if (inLink) s.linkChars += n;
      }
    }
    if (chars === 0) return;
    const prose =
      !NON_PROSE_TAGS.has(block.tag) && chars >= MIN_PARAGRAPH_CHARS && linkChars / chars <= MAX_PARAGRAPH_LINK_DENSITY;
    const bodyChars = prose ? chars - linkChars : 0;
    const paragraphs = prose ? 1 : 0;
    if (prose) {
      const parent = block.element.parentElement ?? block.element;
      const run = (this.runs.get(parent) ?? 0) + bodyChars;
      this.runs.set(parent, run);
      if (run > this.longestRun) this.longestRun = run;
    }
    const stop = this.scope.parentElement;
    for (let el: Element | null = block.element; el && el !== stop; el = el.parentElement) {
      const s = this.statsOf(el);
      s.chars += chars;
      s.linkChars += linkChars;
      s.bodyChars += bodyChars;
      s.paragraphs += paragraphs;
    }
  }

  /** True when the element is a link or inside one (memoised: siblings share their ancestors). */
  private inLink(start: Element | null): boolean {
    const path: Element[] = [];
    let found = false;
    for (let el = start; el; el = el.parentElement) {
      const known = this.linkMemo.get(el);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(el);
      if (el.tagName === 'A') {
        found = true;
        break;
      }
    }
    // Everything below a link is in it; a path that reached the top without one is not.
    for (const el of path) this.linkMemo.set(el, found);
    return found;
  }

  private statsOf(el: Element): ElementStats {
    let s = this.stats.get(el);
    if (!s) {
      s = { chars: 0, linkChars: 0, bodyChars: 0, paragraphs: 0 };
      this.stats.set(el, s);
    }
    return s;
  }
}

/** Length of a string once runs of white space count as one character and the ends are trimmed. */
function collapsedLength(text: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return space && n > 0 ? n - 1 : n;
}
