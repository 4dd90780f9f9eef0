// Text measurements per element, made in one walk over the analysed subtree: how much text an
// element holds, how much of it is link text, and how much is article-like prose. The same walk
// keeps plain data per element (tag, parent, subtree end, attribute names) so article detection and
// the clutter finder answer "which tag", "inside which", "how many links below" from arrays instead
// of asking the DOM again: each DOM call costs about twice in Firefox (Xray wrappers).
// The same walk splits the text into blocks: collectTextBlocks (text.ts) is this walk's blocks,
// and it records the text and block boundaries it met so the article's blocks, with the hidden
// clutter left out, are replayed from that record (blocksIn) instead of walking the article again.
import type { TextBlock } from './types';

/** Tag names as a type selector matches them: upper case (HTML) or lower case (SVG and others). */
export const tagSet = (names: string): ReadonlySet<string> =>
  new Set(names.split(' ').flatMap((n) => [n, n.toUpperCase()]));

/** Elements whose text is never article text. */
export const SKIPPED_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE SVG svg MATH CANVAS IFRAME OBJECT SELECT OPTION TEXTAREA BUTTON HEAD TITLE'.split(
    ' ',
  ),
);

/** Elements that start a new block of text (either case: SVG and MathML write theirs in lower case). */
export const BLOCK_TAGS = tagSet(
  'p li blockquote h1 h2 h3 h4 h5 h6 td th dd dt figcaption caption pre address div section article aside header footer main nav form figure ul ol dl table body html details summary hr br',
);

export const HEADING_TAGS = new Set('H1 H2 H3 H4 H5 H6'.split(' '));

/** Cap on blocks read from one page: protects the content script on pathological pages. */
export const MAX_BLOCKS = 20000;
/** Cap on characters read from one page. */
export const MAX_CHARS = 5_000_000;

/** A block shorter than this is a label, a caption or a teaser, not a paragraph of prose. */
export const MIN_PARAGRAPH_CHARS = 80;
/** A block whose share of link text is above this is navigation, not prose. */
export const MAX_PARAGRAPH_LINK_DENSITY = 0.3;
/**
 * A CJK character (Han, kana, hangul, full-width forms) counts this many toward MIN_PARAGRAPH_CHARS:
 * it carries about as much as a short Latin word, so a Chinese paragraph of 40 characters is one.
 */
export const WIDE_CHAR_WEIGHT = 3;

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
/** The attribute names of an element without attributes (shared: nobody changes them). */
const NO_NAMES = Object.freeze([]) as unknown as string[];

const NON_PROSE_TAGS = tagSet('h1 h2 h3 h4 h5 h6 td th dt pre button nav');

/** What the walk met, in document order, for blocksIn to replay. */
const EV_TEXT = 0;
/** A block element starts: the current block ends and the element owns the text that follows. */
const EV_ENTER = 1;
/** A <br> or <hr>: the current block ends. */
const EV_BREAK = 2;
/** A block element ends: the current block ends. */
const EV_LEAVE = 3;

/**
 * What a walk has added up so far, for a caller that may stop it once the outcome is settled
 * (TextMeasure's `watch`). With `rawSeen`, the characters still to come are at most scriptFreeLength
 * of the scope minus `rawSeen`, as white space only collapses.
 */
export interface WalkProgress {
  /** Characters (white space collapsed) counted so far: in `chars` of the scope's stats at the end. */
  chars: number;
  /** Of those, characters inside links. */
  linkChars: number;
  /** Prose characters counted so far. */
  bodyChars: number;
  /** Characters already in `chars` that may still become prose (the paragraph being read). */
  unjudged: number;
  /** The longest run of prose so far. */
  longestRun: number;
  /**
   * Raw length of the text nodes whose characters are in `chars`, or that were passed over
   * (skipped), outside <script> and <style>.
   */
  rawSeen: number;
  /** Index of the element the walk is in: it and its ancestors are the elements not yet left. */
  at: number;
}

/** What watches a walk (TextMeasure's `watch`) and may stop it. */
export interface WalkWatch {
  /**
   * The walk has left the block element (BLOCK_TAGS, its text read) with two or more element
   * children at index `i` of `measure`: `stats` are its final stats.
   */
  left(measure: TextMeasure, i: number, stats: ElementStats): void;
  /** Asked every WATCH_CHECK_NODES nodes (and never after the end): true stops the walk there. */
  settled(measure: TextMeasure, progress: WalkProgress): boolean;
}

/**
 * The most characters a walk of `scope` can count: the length of its text outside <script> and
 * <style> elements (never read; a walk's rawSeen leaves them out too). Read without copying a
 * script's text, which on some pages is most of it: the elements that hold a script or a style are
 * summed child by child, the others by their textContent.
 */
export function scriptFreeLength(scope: Element): number {
  const holders = new Set<Node>();
  for (const tag of ['script', 'style'])
    for (const el of scope.getElementsByTagName(tag))
      for (let p = el.parentNode; p && p !== scope && !holders.has(p); p = p.parentNode) holders.add(p);
  const length = (parent: Node): number => {
    let n = 0;
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      const name = c.nodeName;
      if (name === 'SCRIPT' || name === 'STYLE') continue;
      n += holders.has(c) ? length(c) : name === '#text' ? (c as Text).length : (c.textContent?.length ?? 0);
    }
    return n;
  };
  return length(scope);
}

export interface BlocksResult {
  blocks: TextBlock[];
  truncated: boolean;
}

export class TextMeasure {
  readonly blocks: TextBlock[] = [];
  /** The scope and every element below it, in document order; the arrays below are indexed alike. */
  readonly elements: Element[] = [];
  readonly tags: string[] = [];
  /** Index of the parent element (-1 for the scope). */
  readonly parents: number[] = [];
  /** One past the index of the element's last descendant: `i` holds `j` when i < j < ends[i]. */
  readonly ends: number[] = [];
  /** Element children. */
  readonly childCounts: number[] = [];
  /** getAttributeNames() of each element. */
  readonly attrNames: string[][] = [];
  private readonly index = new Map<Element, number>();
  /** Stats by element index (unset for elements without text). */
  private readonly stats: ElementStats[] = [];
  /** Prose characters of the longest run: paragraphs side by side under one parent. */
  longestRun = 0;
  /** Index of that run's parent element (-1: the scope's own parent, or no run). */
  longestRunParent = -1;
  /** True when MAX_CHARS or MAX_BLOCKS cut the text short. */
  truncated = false;
  // The record of the walk: one entry per text node read and per block boundary met.
  private readonly evKind: number[] = [];
  /** The element of a boundary, or the element holding a text node. */
  private readonly evEl: number[] = [];
  /** For text: the block element that owns it (top of the block stack). */
  private readonly evOwner: number[] = [];
  private readonly evNode: (Text | null)[] = [];
  private readonly evValue: string[] = [];
  /** Per element: index of its first entry in the record. */
  private readonly evFirst: number[] = [];
  /** Per element: whether its text was read (not skipped, not `hidden`). */
  private readonly textOnAt: boolean[] = [];

  /**
   * True when `watch` stopped the walk before its end: the measure is then incomplete (only
   * `stopped` is to be read).
   */
  stopped = false;

  /**
   * `exclude`: elements left out with their whole subtree (hidden clutter, our own UI). With
   * `pause`, the walk is the caller's to make, in slices, by running `steps` to its end: the walk
   * stops to yield whenever `pause` says so (asked every PAUSE_CHECK_NODES nodes), and the measure
   * is the one a constructor call without it makes, if the DOM did not change meanwhile. `watch` is
   * told of every element the walk leaves and shown its progress every WATCH_CHECK_NODES nodes;
   * once it says the outcome is settled the walk ends there (`stopped`).
   */
  constructor(
    readonly scope: Element,
    private readonly exclude?: (el: Element) => boolean,
    pause?: () => boolean,
    watch?: WalkWatch,
  ) {
    this.steps = this.walk(scope, pause ?? NEVER, watch);
    if (!pause) this.steps.next();
  }

  /** The walk, for a caller that passed `pause` to run. */
  readonly steps: Generator<void, void>;

  /** Stats of an element inside the scope (all zero for elements without text). */
  of(el: Element): ElementStats {
    const i = this.index.get(el);
    return i === undefined ? EMPTY : this.stats[i]!;
  }

  linkDensity(el: Element): number {
    const s = this.of(el);
    return s.chars === 0 ? 0 : s.linkChars / s.chars;
  }

  /** Index of an element in `elements`, -1 outside the scope. */
  indexOf(el: Element): number {
    return this.index.get(el) ?? -1;
  }

  tagOf(el: Element): string {
    const i = this.indexOf(el);
    return i < 0 ? el.tagName : this.tags[i]!;
  }

  parentOf(el: Element): Element | null {
    const i = this.indexOf(el);
    return i > 0 ? this.elements[this.parents[i]!]! : el.parentElement;
  }

  childCount(el: Element): number {
    const i = this.indexOf(el);
    return i < 0 ? el.children.length : this.childCounts[i]!;
  }

  /** `a.contains(b)`, from the indexes when both are in the scope. */
  contains(a: Element, b: Element): boolean {
    const i = this.indexOf(a);
    const j = this.indexOf(b);
    return i >= 0 && j >= 0 ? i <= j && j < this.ends[i]! : a.contains(b);
  }

  /**
   * The blocks under `root` (inside the scope) with the subtrees of `hidden` left out: exactly what
   * a walk of `root` excluding `hidden` (collectTextBlocks) makes, replayed from this walk's record
   * with no DOM calls. Null when the record cannot tell (the walk was truncated, or `root` is
   * outside it or in skipped text): the caller walks `root` itself then.
   */
  blocksIn(root: Element, hidden: ReadonlySet<Element>): BlocksResult | null {
    const r = this.indexOf(root);
    if (r < 0 || this.truncated || !this.textOnAt[r]) return null;
    const end = this.ends[r]!;
    // Elements of root's subtree that are hidden or inside a hidden one.
    const off = new Uint8Array(end - r);
    for (const el of hidden) {
      const h = this.indexOf(el);
      if (h <= r || h >= end) continue;
      off.fill(1, h - r, this.ends[h]! - r);
    }
    const { evKind, evEl, evOwner, evNode, evValue, elements, tags } = this;
    const blocks: TextBlock[] = [];
    let truncated = false;
    let totalChars = 0;
    let owner = -1;
    let text = '';
    let pieces: TextBlock['pieces'] = [];
    const flush = () => {
      if (owner >= 0 && text.trim() !== '') {
        addBlock(blocks, elements[owner]!, tags[owner]!, text, pieces);
      }
      owner = -1;
      text = '';
      pieces = [];
    };
    // The record is in document order: root's entries are one run from its first one.
    for (let k = this.evFirst[r]!; k < evKind.length; k++) {
      const el = evEl[k]!;
      if (el < r || el >= end) break;
      if (off[el - r]) continue;
      if (evKind[k] !== EV_TEXT) {
        // The root's own start and end are the replay's start and end.
        if (el !== r) flush();
        continue;
      }
      // Text owned by a block above the root belongs to the root's own block, as in a walk of it.
      const o = Math.max(evOwner[k]!, r);
      if (owner !== o) {
        flush();
        owner = o;
      }
      const value = evValue[k]!;
      pieces.push({ node: evNode[k]!, start: text.length });
      text += value;
      totalChars += value.length;
      if (totalChars > MAX_CHARS || blocks.length >= MAX_BLOCKS) {
        truncated = true;
        flush();
        break;
      }
    }
    if (!truncated) flush();
    return { blocks, truncated };
  }

  /** getAttribute, asking the DOM only when the element has that attribute. */
  attr(el: Element, name: string): string | null {
    const i = this.indexOf(el);
    return i >= 0 && !this.attrNames[i]!.includes(name) ? null : el.getAttribute(name);
  }

  /**
   * One walk (firstChild/nextSibling, no filter callback) that records every element and, outside
   * skipped and hidden subtrees, splits the text into the blocks collectTextBlocks makes and adds up
   * each element's characters.
   */
  private *walk(scope: Element, pause: () => boolean, watch?: WalkWatch): Generator<void, void> {
    const { elements, tags, parents, ends, childCounts, attrNames, index } = this;
    const { evKind, evEl, evOwner, evNode, evValue, evFirst, textOnAt } = this;
    const record = (kind: number, el: number, owner: number, node: Text | null, value: string) => {
      evKind.push(kind);
      evEl.push(el);
      evOwner.push(owner);
      evNode.push(node);
      evValue.push(value);
    };
    // Per element: own characters (of text nodes directly in it), link and prose shares.
    const chars: number[] = [];
    const links: number[] = [];
    const body: number[] = [];
    const paras: number[] = [];
    const textOn = textOnAt;
    const inLink: boolean[] = [];
    const runs = new Map<number, number>();
    let scopeInLink = false;
    for (let el: Element | null = scope; el; el = el.parentElement) if (el.tagName === 'A') scopeInLink = true;
    const scopeHasParent = scope.parentElement !== null;

    const add = (el: Element, tag: string, parent: number, text: boolean, link: boolean): number => {
      const i = elements.length;
      elements.push(el);
      tags.push(tag);
      parents.push(parent);
      ends.push(i + 1);
      childCounts.push(0);
      // hasAttributes() builds nothing; getAttributeNames() builds an array, which elements without
      // attributes (about a fifth of a page's, more in its prose) do not need.
      attrNames.push(el.hasAttributes?.() ? el.getAttributeNames() : NO_NAMES);
      index.set(el, i);
      chars.push(0);
      links.push(0);
      body.push(0);
      paras.push(0);
      textOn.push(text);
      inLink.push(link);
      evFirst.push(evKind.length);
      return i;
    };

    const blockStack: number[] = [0];
    let truncated = false;
    let totalChars = 0;
    // For `watch`: characters and prose counted so far, the raw length of skipped text, and the
    // outermost <script> or <style> the walk is in (their text is not in the watcher's textLength).
    // Each open block element's start: the sums when it was entered (its text is what they gain
    // until it is left, as entering and leaving a block end the block and the paragraph before).
    let sumChars = 0;
    let sumLinks = 0;
    let sumBody = 0;
    let sumParas = 0;
    let skippedRaw = 0;
    let scriptAt = -1;
    const starts: number[] = [];
    let current: {
      owner: number;
      text: string;
      pieces: TextBlock['pieces'];
      at: number[];
      n: number[];
      wide: number;
    } | null = null;
    // Lines that a single <br> separates are one paragraph, as in `<div>line<br>line<br><br>next</div>`
    // (the prose of pages without <p>): the blocks stay apart, their prose is judged as one unit,
    // which a block boundary or a second <br> in a row ends.
    let unit: { owner: number; chars: number; links: number; weighted: number } | null = null;
    const endUnit = () => {
      const u = unit;
      unit = null;
      if (
        !u ||
        u.chars === 0 ||
        NON_PROSE_TAGS.has(tags[u.owner]!) ||
        u.weighted < MIN_PARAGRAPH_CHARS ||
        u.links / u.chars > MAX_PARAGRAPH_LINK_DENSITY
      )
        return;
      body[u.owner]! += u.chars - u.links;
      sumBody += u.chars - u.links;
      sumParas++;
      paras[u.owner]!++;
      const key = u.owner > 0 ? parents[u.owner]! : scopeHasParent ? -1 : 0;
      const run = (runs.get(key) ?? 0) + u.chars - u.links;
      runs.set(key, run);
      if (run > this.longestRun) {
        this.longestRun = run;
        this.longestRunParent = key;
      }
    };
    /** `atBreak`: the block ends at a <br>, so the unit may go on. */
    const flush = (atBreak = false) => {
      const c = current;
      current = null;
      if (!c || c.text.trim() === '') {
        // A second <br> in a row, or a block boundary: the paragraph ends.
        endUnit();
        return;
      }
      addBlock(this.blocks, elements[c.owner]!, tags[c.owner]!, c.text, c.pieces);
      let blockChars = 0;
      let blockLinks = 0;
      for (let k = 0; k < c.at.length; k++) {
        const n = c.n[k]!;
        const at = c.at[k]!;
        chars[at]! += n;
        blockChars += n;
        if (inLink[at]) {
          links[at]! += n;
          blockLinks += n;
        }
      }
      sumChars += blockChars;
      sumLinks += blockLinks;
      if (unit && unit.owner !== c.owner) endUnit();
      unit ??= { owner: c.owner, chars: 0, links: 0, weighted: 0 };
      unit.chars += blockChars;
      unit.links += blockLinks;
      unit.weighted += blockChars + (WIDE_CHAR_WEIGHT - 1) * c.wide;
      if (!atBreak) endUnit();
    };

    add(scope, scope.tagName, -1, true, scopeInLink);
    let cur = 0;
    let node: Node | null = firstChild(scope, tags[0]!);
    // One countdown for both looks, so that a walk nobody watches pays nothing per node for `watch`.
    const check = watch ? WATCH_CHECK_NODES : PAUSE_CHECK_NODES;
    let countdown = check;
    for (;;) {
      if (--countdown === 0) {
        countdown = check;
        if (pause()) yield;
        if (watch) {
          const progress: WalkProgress = {
            chars: sumChars,
            linkChars: sumLinks,
            bodyChars: sumBody,
            unjudged: unit ? (unit as { chars: number }).chars : 0,
            longestRun: this.longestRun,
            rawSeen: totalChars - (current ? (current as { text: string }).text.length : 0) + skippedRaw,
            at: cur,
          };
          if (watch.settled(this, progress)) {
            this.stopped = true;
            return;
          }
        }
      }
      if (node === null) {
        // Leaving element `cur`.
        ends[cur] = elements.length;
        if (scriptAt === cur) scriptAt = -1;
        if (blockStack.length > 1 && blockStack[blockStack.length - 1] === cur) {
          blockStack.pop();
          if (!truncated) {
            flush();
            record(EV_LEAVE, cur, -1, null, '');
          }
          if (watch) {
            const paragraphs = sumParas - starts.pop()!;
            const bodyChars = sumBody - starts.pop()!;
            const linkChars = sumLinks - starts.pop()!;
            const chars = sumChars - starts.pop()!;
            if (childCounts[cur]! >= 2) watch.left(this, cur, { chars, linkChars, bodyChars, paragraphs });
          }
        }
        if (cur === 0) break;
        node = elements[cur]!.nextSibling;
        cur = parents[cur]!;
        continue;
      }
      // nodeName is an element's tagName and '#text', '#comment', … for other nodes: one DOM call
      // tells both what the node is and which tag it has (nodeType and then tagName took two).
      // (Processing instructions, which only scripts put in an HTML body, pass for elements with
      // no attributes and no children.)
      const name = node.nodeName;
      if (name[0] !== '#') {
        const el = node as Element;
        const tag = name;
        const i = add(el, tag, cur, false, false);
        childCounts[cur]!++;
        const on = textOn[cur]! && !SKIPPED_TAGS.has(tag) && !attrNames[i]!.includes('hidden') && !this.exclude?.(el);
        textOn[i] = on;
        inLink[i] = inLink[cur]! || tag === 'A';
        if (on && !truncated && BLOCK_TAGS.has(tag)) {
          flush(tag === 'BR');
          const breaks = tag === 'BR' || tag === 'HR';
          if (!breaks) {
            blockStack.push(i);
            if (watch) starts.push(sumChars, sumLinks, sumBody, sumParas);
          }
          record(breaks ? EV_BREAK : EV_ENTER, i, -1, null, '');
        }
        if (!on && watch && scriptAt < 0 && (tag === 'SCRIPT' || tag === 'STYLE')) scriptAt = i;
        cur = i;
        node = firstChild(el, tag);
        continue;
      }
      if (name === '#text' && textOn[cur] && !truncated) {
        const value = (node as Text).data;
        if (value !== '') {
          const owner = blockStack[blockStack.length - 1]!;
          if (current && current.owner !== owner) flush();
          if (!current) current = { owner, text: '', pieces: [], at: [], n: [], wide: 0 };
          current.pieces.push({ node: node as Text, start: current.text.length });
          record(EV_TEXT, cur, owner, node as Text, value);
          current.at.push(cur);
          current.n.push(collapsedLength(value));
          current.wide += wideChars;
          current.text += value;
          totalChars += value.length;
          if (totalChars > MAX_CHARS || this.blocks.length >= MAX_BLOCKS) {
            truncated = true;
            this.truncated = true;
            flush();
          }
        }
      } else if (watch && name === '#text' && scriptAt < 0) skippedRaw += (node as Text).length;
      node = node.nextSibling;
    }
    if (!truncated) flush();

    // Children before parents in reverse document order: add each element's totals to its parent.
    // (stats is filled first so that it stays a packed array, written from the end.)
    const stats = this.stats;
    for (let i = 0; i < elements.length; i++) stats.push(EMPTY);
    for (let i = elements.length - 1; i >= 0; i--) {
      if (chars[i] === 0) continue;
      const p = parents[i]!;
      if (p >= 0) {
        chars[p]! += chars[i]!;
        links[p]! += links[i]!;
        body[p]! += body[i]!;
        paras[p]! += paras[i]!;
      }
      stats[i] = {
        chars: chars[i]!,
        linkChars: links[i]!,
        bodyChars: body[i]!,
        paragraphs: paras[i]!,
      };
    }
  }
}

/** A block of the element with that tag (its nodeName), at the end of `blocks`. */
function addBlock(blocks: TextBlock[], element: Element, tag: string, text: string, pieces: TextBlock['pieces']): void {
  blocks.push({
    element,
    index: blocks.length,
    text,
    pieces,
    tag: tag.toLowerCase(),
    isHeading: HEADING_TAGS.has(tag),
  });
}

/** Runs steps (a stage made in slices) to their end, at once: its value. */
export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Nodes walked between two looks at the clock (pause): a few hundred take well under 1 ms. */
export const PAUSE_CHECK_NODES = 256;
/** Nodes walked between two looks of `watch` at the walk's progress. */
export const WATCH_CHECK_NODES = 64;
/** The pause of a stage made at once. */
export const NEVER = () => false;

/** A template's markup is in its content fragment, not its children (happy-dom's firstChild says otherwise). */
function firstChild(el: Element, tag: string): Node | null {
  return tag === 'TEMPLATE' ? null : el.firstChild;
}

/** CJK characters the last collapsedLength call counted (set beside its result, to keep one loop). */
let wideChars = 0;

/** A CJK code unit: Han, kana, hangul, CJK punctuation, full-width forms (U+2E80–U+D7AF, U+F900–U+FFEF). */
function isWide(c: number): boolean {
  return (c >= 0x2e80 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xffef);
}

/**
 * Length of a string once runs of white space count as one character and the ends are trimmed;
 * sets wideChars to the number of CJK characters in it.
 */
function collapsedLength(text: string): number {
  let n = 0;
  let wide = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      if (c >= 0x2e80 && isWide(c)) wide++;
      space = false;
    }
  }
  wideChars = wide;
  return space && n > 0 ? n - 1 : n;
}
