// Which blocks of the page are clutter, and of what kind. Document in, plain data out.
//
// Evidence is gathered per container element (a widget box), each piece with a weight and a reason;
// a container whose evidence reaches HIDE_THRESHOLD is hidden. The container is found from what
// fired: a label climbs to the box it heads, an ad iframe to the slot that wraps it. Nothing that
// holds the article root, its title or its prose is ever hidden.

import { NEVER, runSteps, TextMeasure, tagSet } from './article-measure';
import { type ArticleHeader, findArticleHeader } from './clutter-header';
import { type LinkProfile, profileLinks } from './clutter-links';
import {
  type ClutterVocabulary,
  type CompiledVocabulary,
  compileVocabulary,
  type LabelKind,
  normalizeLabel,
} from './clutter-vocabulary';
import { HEADING_TAGS, normalizeSpace } from './text';
import type { ClutterBlock, ClutterKind, Mode } from './types';

export type { ClutterVocabulary } from './clutter-vocabulary';
export { normalizeLabel } from './clutter-vocabulary';
export type { ClutterBlock } from './types';

/** What the live page knows about an element's layout; the CLI has markup only. */
export interface Layout {
  /** CSS position as computed ('fixed' and 'sticky' are overlays and sticky bars). */
  position: string;
}

export interface ClutterOptions {
  mode: Mode;
  hideComments: boolean;
  /**
   * The words the finder reads (labels, class words, prompt texts, hosts): lexicon/clutter.ts's
   * CLUTTER_VOCABULARY in the CLI and tests, the copy the background stored in the content script.
   */
  vocabulary: ClutterVocabulary;
  /** The measurements detectArticle made of <body> (ArticleResult.measure), to save a second pass. */
  measure?: TextMeasure;
  /** The article's header under the root, when already found (findArticleHeader), to save a second search. */
  header?: ArticleHeader;
  /**
   * Computed layout of an element, asked only for candidate boxes. The content script passes one
   * over getComputedStyle; the default reads the inline style, so the CLI decides from markup.
   */
  layout?: (el: Element) => Layout | null;
}

/** The markup-only layout: position from the inline style. */
export function inlineLayout(el: Element): Layout | null {
  const m = OVERLAY_STYLE.exec(el.getAttribute('style') ?? '');
  return m ? { position: m[1]!.toLowerCase() } : null;
}

/** Weights of the evidence; a container is clutter from HIDE_THRESHOLD on. */
export const EVIDENCE = {
  /** "Advertisement"/"Anzeige"/"Publicité": the site itself labels the box an ad. */
  adLabel: 2,
  /** A heading or label names the block ("Trending", "Meistgelesen", "À lire aussi"). */
  label: 1,
  /** A class/id word of the kind ("outbrain", "share-bar", "most-read"). */
  classWord: 1,
  /** Many links or mostly link text: a list of teasers or buttons. */
  linkList: 1,
  /** An ad iframe, an adsbygoogle/GPT slot, an IAB-sized box. */
  adShape: 2,
  /** An empty or media-only box (ad slots have no text of their own). */
  emptySlot: 1,
  /** An image link with rel=sponsored. */
  sponsoredLink: 1,
  /** An e-mail field, a form or buttons: sign-up and consent boxes. */
  form: 1,
  /** Sign-up text ("in your inbox", "Newsletter abonnieren"). */
  newsletterText: 1,
  /** Text that only cookie and consent notices say. */
  cookieText: 2,
  /** position: fixed or sticky in the inline style: overlays and sticky players. */
  overlay: 1,
  /** A one-line "Read more: …" link to another story. */
  inlineRelated: 2,
  /** Three links and more to other articles, holding most of the block's text: a teaser list. */
  teaserList: 2,
  /** A short line that is one link to another article ("Also on the site: …"). */
  teaserLine: 2,
  /** Links to social networks or share endpoints, with little else: a share or follow bar. */
  socialLinks: 2,
  /** Text of a share/follow prompt, a subscription, donation, app or event promo. */
  promptText: 1,
  /** A link, button or field in a short box: the prompt asks for a click. */
  callToAction: 1,
  /** A label and the list of links right after it, as siblings: each is half of one block. */
  headsList: 1,
  /** A box of the page's side column (an `aside`, a "sidebar") beside the article that links, embeds or asks for a click. */
  sideColumn: 2,
  /** The block right before a comment thread that names comments in its first words: the thread's rules. */
  commentNotice: 1,
} as const;

export const HIDE_THRESHOLD = 2;

/**
 * Inside the root, a comment thread is protected only when it holds this share of the root's prose:
 * then the root may be the thread itself (a forum-like page); below it the thread is beside the article.
 */
export const COMMENTS_PROTECTED_SHARE = 0.8;
/** Comment threads need only one piece of evidence: the reader asked for them to go. */
export const COMMENTS_THRESHOLD = 1;
/** Longest text of a label. */
export const MAX_LABEL_CHARS = 60;
/** Link density from which a block is a list of links. */
export const LINK_LIST_DENSITY = 0.4;
/** Links from which a block is a list of links whatever its density. */
export const LINK_LIST_COUNT = 3;
/** … as long as the text outside its links is no longer than this (a label, separators). */
export const LINK_LIST_OTHER_TEXT = 40;
/** Inside the root, a box with this much prose is part of the article. */
export const PROTECTED_PROSE_CHARS = 250;
/** … or with this share of the root's prose. */
export const PROTECTED_PROSE_SHARE = 0.3;
/** An ad box holds at most this much text of its own (labels, "Sponsored by …"). */
export const MAX_AD_TEXT = 200;
/** Text a wrapper may add around an ad slot while still being the slot's box (its label). */
export const AD_WRAPPER_SLACK = 30;
/** Share of the root's prose its longest run of paragraphs must hold to be read as the story. */
export const STORY_RUN_SHARE = 0.3;
/** Longest text of a newsletter, promo or social box. */
export const MAX_BOX_TEXT = 600;
/** Longest text of a cookie notice. */
export const MAX_COOKIE_TEXT = 3000;
/** Links to other articles from which a block is a teaser list. */
export const TEASER_LINKS = 3;
/** … when links hold at least this share of its text (cards with a summary line still count). */
export const TEASER_LINK_SHARE = 0.5;
/** … or this share when half its article links wrap a thumbnail (cards). */
export const CARD_LINK_SHARE = 0.2;
/** … with at most one summary per card, none longer than this (a longer one is the article's). */
export const MAX_CARD_SUMMARY = 250;
/**
 * Inside the root a list of links is often the article's own (sources, "see also", an index):
 * there a teaser list must show its cards, with this many thumbnails.
 */
export const INLINE_TEASER_THUMBS = 2;
/** Longest line read as one teaser link ("Also on …: headline"). */
export const MAX_TEASER_LINE = 200;
/** Shortest such line (below: a "more" link, a tag). */
export const MIN_TEASER_LINE = 15;
/** Share of a teaser line's text inside its link. */
export const TEASER_LINE_SHARE = 0.8;
/** Share links from which a block is a share bar … */
export const SOCIAL_LINKS = 2;
/** … when it has at most this much text besides them ("Share this article", counters). */
export const SOCIAL_OTHER_TEXT = 120;
/** Longest text block read for a prompt (share, follow, subscribe, donate): a line or two. */
export const MAX_PROMPT_TEXT = 200;

const LABEL_TAGS = tagSet(
  'h1 h2 h3 h4 h5 h6 span strong b div p header legend dt small em i label figcaption section aside',
);
const HEADINGS = tagSet('h1 h2 h3 h4 h5 h6');
const H1 = tagSet('h1');
const LINKS = tagSet('a button');
const INPUTS = tagSet('input');
const FORMS = tagSet('form');
const NEVER_HIDDEN = tagSet('html body head main');
/** Page regions a widget lives in: climbing from a widget stops below them. */
const LANDMARK_TAGS = tagSet('html body main article header footer nav');
/** What makes a box more than its label: an ad image, a player, a form. */
const BOX_MEDIA = tagSet('img picture iframe video object embed ins form input');
const IMAGES = tagSet('img picture video');
const NEWSLETTER_FIELDS = tagSet('input form button');
const COOKIE_BUTTONS = tagSet('button input');
const COOKIE_ACTIONS = tagSet('button a input');
const LINK_NAV_BUTTON = tagSet('a nav button');
const OVERLAY_STYLE = /position\s*:\s*(fixed|sticky)/i;

/** The kind a label names, if any ("Most Read" → trending). */
export function labelKind(text: string, vocabulary: ClutterVocabulary): LabelKind | null {
  return kindOfLabel(text, compileVocabulary(vocabulary));
}

function kindOfLabel(text: string, v: CompiledVocabulary): LabelKind | null {
  const label = normalizeLabel(text);
  return v.labelKinds.get(label) ?? (label.length <= MAX_PHRASE_LABEL ? phraseKind(label, v) : null);
}

/** Longest label read for a phrase inside it: a heading, not a headline. */
export const MAX_PHRASE_LABEL = 40;

/** Entries kept in the vocabulary's phrase cache before it starts over (bounds memory on endless SPA sessions). */
const PHRASE_CACHE_MAX = 5000;

/** Labels repeat across a page and across pages (menus, widget headings): one regex pass each. */
function phraseKind(label: string, v: CompiledVocabulary): LabelKind | null {
  const cache = v.phraseCache;
  const hit = cache.get(label);
  if (hit !== undefined) return hit;
  let kind: LabelKind | null = null;
  for (const [re, k] of v.labelPhrases) {
    if (re.test(label)) {
      kind = k;
      break;
    }
  }
  if (cache.size >= PHRASE_CACHE_MAX) cache.clear();
  cache.set(label, kind);
  return kind;
}

/** Class and id split into lower-case words: "mostRead-box ad_slot" → most, read, box, ad, slot. */
export function classTokens(el: Element): string[] {
  return tokensOf(`${el.getAttribute('class') ?? ''} ${el.id}`);
}

function tokensOf(raw: string): string[] {
  if (raw.trim() === '') return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

/** The kind and the word that class/id name, if any; phrases ("most-read") before single words. */
export function classKind(el: Element, vocabulary: ClutterVocabulary): { kind: ClutterKind; word: string } | null {
  return kindOfTokens(classTokens(el), compileVocabulary(vocabulary));
}

function kindOfTokens(tokens: string[], v: CompiledVocabulary): { kind: ClutterKind; word: string } | null {
  // Two-token phrases ("most-read") first, then single tokens; a side column's name only when nothing else is named.
  let side: { kind: ClutterKind; word: string } | null = null;
  for (const word of [...tokens.slice(1).map((t, i) => `${tokens[i]}-${t}`), ...tokens]) {
    const kind = word.includes('-')
      ? v.phraseKinds.get(word.replace('-', ''))
      : (v.tokenKinds.get(word) ?? v.phraseKinds.get(word));
    if (kind === 'other') side ??= { kind, word };
    else if (kind) return { kind, word };
  }
  return side;
}

type Evidence = keyof typeof EVIDENCE;

interface Candidate {
  element: Element;
  kind: ClutterKind;
  score: number;
  reasons: string[];
  evidence: Set<Evidence>;
}

/** What the finder needs to know about the page, computed once. */
class Context {
  readonly rootChain = new Set<Element>();
  readonly rootProse: number;
  readonly candidates = new Map<Element, Candidate>();
  readonly links: LinkProfile;
  readonly layout: (el: Element) => Layout | null;
  readonly vocab: CompiledVocabulary;
  /** The scope sits inside a heading / inside a link, nav or button (closest() of its parent). */
  private readonly scopeInHeading: boolean;
  private readonly scopeInLink: boolean;
  readonly scopeInCode: boolean;

  constructor(
    readonly measure: TextMeasure,
    readonly root: Element | null,
    readonly title: Element | null,
    readonly bylines: readonly Element[],
    readonly options: ClutterOptions,
  ) {
    for (let el: Element | null = root; el; el = el.parentElement) this.rootChain.add(el);
    this.rootProse = root ? measure.of(root).bodyChars : 0;
    this.vocab = compileVocabulary(options.vocabulary);
    this.links = profileLinks(measure, this.vocab.socialHosts);
    this.layout = options.layout ?? inlineLayout;
    const above = measure.scope.parentElement;
    this.scopeInHeading = above?.closest('h1, h2, h3, h4, h5, h6') != null;
    this.scopeInLink = above?.closest('a, nav, button') != null;
    this.scopeInCode = above?.closest('pre, code') != null;
  }

  /** Descendants of `el` whose tag is in `tags` (stops at `max`). */
  count(el: Element, tags: ReadonlySet<string>, max = Number.POSITIVE_INFINITY): number {
    const m = this.measure;
    const i = m.indexOf(el);
    if (i < 0) {
      let n = 0;
      for (const d of Array.from(el.getElementsByTagName('*'))) if (tags.has(d.tagName) && ++n >= max) break;
      return n;
    }
    let n = 0;
    for (let j = i + 1, end = m.ends[i]!; j < end && n < max; j++) if (tags.has(m.tags[j]!)) n++;
    return n;
  }

  has(el: Element, tags: ReadonlySet<string>): boolean {
    return this.count(el, tags, 1) > 0;
  }

  /** el.closest() for a set of tags, from the arrays. */
  closestIs(el: Element, tags: ReadonlySet<string>, scopeIn: boolean): boolean {
    const m = this.measure;
    for (let i = m.indexOf(el); i >= 0; i = m.parents[i]!) if (tags.has(m.tags[i]!)) return true;
    return m.indexOf(el) >= 0 ? scopeIn : el.closest([...tags].join(', ')) !== null;
  }

  inHeading(el: Element): boolean {
    return this.closestIs(el, HEADINGS, this.scopeInHeading);
  }

  inLinkNavButton(el: Element): boolean {
    return this.closestIs(el, LINK_NAV_BUTTON, this.scopeInLink);
  }

  /** True for elements that must never be hidden: the root, its ancestors, the title, the prose. */
  isProtected(el: Element, kind: ClutterKind): boolean {
    const m = this.measure;
    if (NEVER_HIDDEN.has(m.tagOf(el)) || this.rootChain.has(el)) return true;
    // Without a known title, any h1 may be it.
    if (this.title ? m.contains(el, this.title) : this.has(el, H1)) return true;
    if (kind !== 'comments' && this.bylines.some((b) => m.contains(el, b))) return true;
    const prose = m.of(el).bodyChars;
    if (prose === 0) return false;
    if (kind === 'comments') return this.inRoot(el) && prose >= COMMENTS_PROTECTED_SHARE * this.rootProse;
    if (this.inArticle(el)) return prose >= PROTECTED_PROSE_CHARS || prose >= PROTECTED_PROSE_SHARE * this.rootProse;
    // Outside the root: a second body of prose as large as the article's is not a widget.
    return this.rootProse > 0 && prose >= Math.max(2 * PROTECTED_PROSE_CHARS, 0.5 * this.rootProse);
  }

  /**
   * True for a box after the end of the article's longest run of paragraphs (under the same root,
   * neither holding the run nor inside it): widgets below the story in a root that is too large
   * ("More in …" rails, teaser grids with summaries) are judged as if they were outside the root.
   */
  afterArticleRun(el: Element): boolean {
    const m = this.measure;
    const run = m.longestRunParent;
    const i = m.indexOf(el);
    // Only when that run is the story: most of the root's prose (a post of lists and short runs has none).
    if (run < 0 || i < 0 || m.longestRun < Math.max(PROTECTED_PROSE_CHARS, STORY_RUN_SHARE * this.rootProse))
      return false;
    return i >= m.ends[run]!;
  }

  private proseBlocks: [index: number, prose: number][] | undefined;

  /** Prose of the root's blocks from element index `from` on (a block inside another counts in both). */
  proseFrom(from: number): number {
    const m = this.measure;
    if (!this.proseBlocks) {
      this.proseBlocks = [];
      for (const b of m.blocks) {
        const prose = m.of(b.element).bodyChars;
        if (prose > 0 && this.inRoot(b.element)) this.proseBlocks.push([m.indexOf(b.element), prose]);
      }
    }
    let sum = 0;
    for (const [i, prose] of this.proseBlocks) if (i >= from) sum += prose;
    return sum;
  }

  /** Inside the root and not below the story's run of paragraphs: where the article's own rules apply. */
  inArticle(el: Element): boolean {
    return this.inRoot(el) && !this.afterArticleRun(el) && !this.beforeTitle(el);
  }

  /** True for a box that ends before the article's title: in a root that is too large, the story has not begun. */
  beforeTitle(el: Element): boolean {
    const m = this.measure;
    const t = this.title ? m.indexOf(this.title) : -1;
    const i = m.indexOf(el);
    return t >= 0 && i >= 0 && m.ends[i]! <= t;
  }

  inRoot(el: Element): boolean {
    return this.root ? this.measure.contains(this.root, el) : false;
  }

  /** Adds one piece of evidence to a container; each named piece counts once per container. */
  add(element: Element, kind: ClutterKind, evidence: Evidence, reason: string): void {
    const weight = EVIDENCE[evidence];
    const c = this.candidates.get(element);
    if (!c) {
      this.candidates.set(element, { element, kind, score: weight, reasons: [reason], evidence: new Set([evidence]) });
      return;
    }
    if (c.evidence.has(evidence)) return;
    if (c.kind !== kind && weight > c.score && !c.evidence.has('label') && !c.evidence.has('adLabel')) c.kind = kind;
    c.score += weight;
    c.reasons.push(reason);
    c.evidence.add(evidence);
  }

  private readonly classKinds = new Map<string, ReturnType<typeof classKind>>();

  /** classKind, remembered per class/id string: pages repeat the same few class lists. */
  classKindOf(el: Element): ReturnType<typeof classKind> {
    const cls = this.measure.attr(el, 'class') ?? '';
    const id = this.measure.attr(el, 'id') ?? '';
    const key = `${cls}#${id}`;
    let hit = this.classKinds.get(key);
    if (hit === undefined) {
      hit = kindOfTokens(tokensOf(`${cls} ${id}`), this.vocab);
      this.classKinds.set(key, hit);
    }
    return hit;
  }

  /**
   * True when widgets of another kind were already found inside `el` (an ad slot, a labelled box)
   * and they hold its links to articles: then `el` is a column of widgets, and they are the blocks,
   * each with its kind. A column with a teaser list of its own is still hidden as a whole.
   */
  holdsOtherKind(el: Element): boolean {
    const own = this.candidates.get(el)?.kind;
    const m = this.measure;
    const inner = [...this.candidates.values()]
      .filter(
        (c) =>
          c.element !== el &&
          c.kind !== own &&
          (c.score >= HIDE_THRESHOLD || c.evidence.has('label')) &&
          m.contains(el, c.element),
      )
      .map((c) => m.indexOf(c.element))
      .sort((a, b) => a - b);
    if (inner.length === 0) return false;
    let covered = 0;
    let end = -1;
    for (const j of inner) {
      if (j < end) continue;
      covered += this.links.articleLinks[j]!;
      end = m.ends[j]!;
    }
    return this.links.articleLinks[m.indexOf(el)]! - covered < TEASER_LINKS;
  }

  /** The kind a candidate already has (its label or class word), else `fallback`. */
  kindAt(el: Element, fallback: ClutterKind): ClutterKind {
    return this.candidates.get(el)?.kind ?? fallback;
  }

  /** Links below `el` to other articles (0 for an element outside the measure). */
  articleLinksIn(el: Element): number {
    const i = this.measure.indexOf(el);
    return i < 0 ? 0 : this.links.articleLinks[i]!;
  }

  linkCount(el: Element): number {
    return this.count(el, LINKS);
  }

  /** True when `parent` holds a heading that `child` does not: it is more than one widget. */
  addsHeading(parent: Element, child: Element): boolean {
    return (
      this.count(parent, HEADINGS) > this.count(child, HEADINGS) + (HEADING_TAGS.has(this.measure.tagOf(child)) ? 1 : 0)
    );
  }
}

function fmt(x: number): string {
  return x.toFixed(2);
}

/**
 * The box a label heads: climb while the element holds nothing but the label (h4 > span), then
 * through wrappers that add no text. Null when the box would be protected.
 */
function boxOfLabel(label: Element, labelChars: number, kind: LabelKind, ctx: Context): Element | null {
  let cur = label;
  const m = ctx.measure;
  // Climb while the element holds only the label.
  // An ad label's box holds the label and the slot, even while the slot is still empty.
  while (m.of(cur).chars <= labelChars && !ctx.has(cur, BOX_MEDIA) && !(kind === 'ad' && m.childCount(cur) > 1)) {
    const parent = m.parentOf(cur);
    // Beside the label an empty element (a slot, a widget still to load) makes it a box of its own.
    if (!parent || ctx.isProtected(parent, kind))
      return (kind === 'ad' || m.childCount(cur) > 1) && !ctx.isProtected(cur, kind) ? cur : null;
    cur = parent;
  }
  if (ctx.isProtected(cur, kind)) return null;
  return climbWrappers(cur, kind, ctx, 0);
}

/** Climbs through parents that add at most `slack` characters of text and no other heading. */
function climbWrappers(start: Element, kind: LabelKind, ctx: Context, slack: number): Element {
  let cur = start;
  const m = ctx.measure;
  const chars = m.of(start).chars;
  for (let parent = m.parentOf(cur); parent; parent = m.parentOf(parent)) {
    if (LANDMARK_TAGS.has(m.tagOf(parent)) || ctx.isProtected(parent, kind)) break;
    if (m.of(parent).chars > chars + slack || ctx.addsHeading(parent, cur)) break;
    if (m.childCount(parent) > 1 && slack === 0 && m.of(parent).chars === 0) break;
    cur = parent;
  }
  return cur;
}

function labelEvidence(el: Element, i: number, tag: string, ctx: Context): void {
  const m = ctx.measure;
  const stats = m.of(el);
  const aria = m.attr(el, 'aria-label');
  if (aria && aria.length <= MAX_LABEL_CHARS) {
    const kind = kindOfLabel(aria, ctx.vocab);
    if (kind && !ctx.isProtected(el, kind)) {
      ctx.add(el, kind, kind === 'ad' ? 'adLabel' : 'label', `aria-label '${aria.trim()}'`);
    }
  }
  if (stats.chars === 0 || stats.chars > MAX_LABEL_CHARS || !LABEL_TAGS.has(tag)) return;
  // A wrapper around a single label element (h4 > span) is read through that element: reading
  // every level of a deep chain would cost its depth squared. (Its only child comes next in order.)
  if (m.childCounts[i] === 1 && LABEL_TAGS.has(m.tags[i + 1]!) && m.of(m.elements[i + 1]!).chars === stats.chars)
    return;
  const isHeading = HEADING_TAGS.has(tag) || ctx.inHeading(el);
  // A link that reads "Trending" is a menu item, unless it is the heading of a box.
  if (!isHeading && (stats.linkChars > 0 || ctx.inLinkNavButton(el))) return;
  const text = normalizeSpace(el.textContent ?? '');
  const kind = kindOfLabel(text, ctx.vocab);
  if (!kind) return;
  if (kind === 'comments' && !ctx.options.hideComments) return;
  const box = boxOfLabel(el, stats.chars, kind, ctx);
  const said = `${isHeading ? 'heading' : 'label'} '${text}'`;
  // A heading with nothing of its own box but itself heads the link list after it (siblings, not a box).
  const head = box ?? labelOnly(el, stats.chars, kind, ctx);
  if (head && m.of(head).chars <= stats.chars + AD_WRAPPER_SLACK && m.of(head).bodyChars === 0)
    headedList(head, kind, said, ctx);
  if (!box) return;
  // The label must head its box: a word in the middle of a text is not a label.
  if (box !== el && !normalizeSpace(box.textContent ?? '').startsWith(text)) return;
  ctx.add(box, kind, kind === 'ad' ? 'adLabel' : 'label', said);
}

/** Kinds whose label may head a list of links beside it. */
const LIST_KINDS: ReadonlySet<LabelKind> = new Set(['trending', 'related', 'social']);
/** Links from which the sibling after a label is the list it heads. */
export const HEADED_LIST_LINKS = 2;
/** … holding at least this share of its text. */
export const HEADED_LIST_SHARE = 0.5;

/** The outermost element around a label that holds nothing but it and is not protected. */
function labelOnly(label: Element, labelChars: number, kind: LabelKind, ctx: Context): Element | null {
  const m = ctx.measure;
  if (ctx.isProtected(label, kind)) return null;
  let cur = label;
  for (let p = m.parentOf(cur); p && m.of(p).chars <= labelChars && !ctx.isProtected(p, kind); p = m.parentOf(p))
    cur = p;
  return cur;
}

/**
 * "You may also like" as a heading of its own, then a list of links as its next sibling: both are
 * the block. The list must be mostly links (two at least) and not protected.
 */
function headedList(head: Element, kind: LabelKind, said: string, ctx: Context): void {
  if (!LIST_KINDS.has(kind)) return;
  const m = ctx.measure;
  const inRoot = ctx.inRoot(head);
  const items: Element[] = [];
  let links = 0;
  let toArticles = 0;
  // Empty boxes between them are skipped (ad slots, spacers); a row of image links is a list too, and
  // so is a run of one-link lines ("You may also like…", then a paragraph per story).
  for (let e = head.nextElementSibling; e; e = e.nextElementSibling) {
    const n = ctx.linkCount(e);
    const s = m.of(e);
    if (s.chars === 0 && n < HEADED_LIST_LINKS) continue;
    // A sibling with a heading of its own is the next widget, not this label's list.
    if (
      ctx.isProtected(e, kind) ||
      ctx.has(e, HEADINGS) ||
      s.linkChars < HEADED_LIST_SHARE * s.chars ||
      s.chars > MAX_COOKIE_TEXT ||
      (links > 0 && n !== 1)
    )
      break;
    items.push(e);
    links += n;
    toArticles += ctx.articleLinksIn(e);
    // Beside the article a run of lines is left to the teaser rules (the box around it is the widget).
    if (n !== 1 || !inRoot) break;
  }
  if (links < HEADED_LIST_LINKS) return;
  // Inside the article a section "See also" with its links is the article's own: only cards go, or
  // links that all lead to other articles under a label set in the text (a bold line, not a heading).
  const i = m.indexOf(items[0]!);
  if (inRoot && !(i >= 0 && isCardList(i, m.tags[i]!, ctx)) && (ctx.inHeading(head) || toArticles < links)) return;
  ctx.add(head, kind, 'label', said);
  ctx.add(head, kind, 'headsList', `heads a list of ${links} links`);
  for (const list of items) {
    ctx.add(list, kind, 'label', `under ${said}`);
    ctx.add(list, kind, 'headsList', `${links} links under a label`);
  }
}

/** Attributes that mark an ad slot whatever their value. */
const AD_SLOT_ATTRIBUTES = new Set(['data-ad-slot', 'data-ad-unit', 'data-google-query-id', 'data-ad']);

function isAdShape(el: Element, i: number, tag: string, m: TextMeasure, v: CompiledVocabulary): string | null {
  const names = m.attrNames[i]!;
  if (names.length === 0 && tag !== 'AMP-AD' && tag !== 'AMP-EMBED') return null;
  const attr = (name: string) => (names.includes(name) ? el.getAttribute(name) : null);
  if (tag === 'INS' && (attr('class') ?? '').split(/[ \t\n\f\r]+/).includes('adsbygoogle')) return 'ins.adsbygoogle';
  if (tag === 'AMP-AD' || tag === 'AMP-EMBED') return `<${tag.toLowerCase()}>`;
  const id = attr('id');
  if (id && /^(div-gpt-ad|google_ads_iframe)/.test(id)) return `GPT slot #${id.slice(0, 24)}`;
  if (tag === 'IFRAME') {
    const host = hostOf(attr('src') ?? '');
    if (host && v.patterns.adHosts.test(host)) return `iframe from ${host}`;
  }
  // Most elements have none of these attributes: only their names are read.
  const slot = names.find((name) => AD_SLOT_ATTRIBUTES.has(name));
  if (slot) return `[${slot}]`;
  const size = boxSize(attr('width'), attr('height'), attr('style'));
  if (size && v.adSizes.has(size)) return `IAB size ${size}`;
  return null;
}

/** "300x250" from width/height attributes or an inline style in pixels. */
function boxSize(width: string | null, height: string | null, style: string | null): string | null {
  if (width && height) return `${Number.parseInt(width, 10)}x${Number.parseInt(height, 10)}`;
  if (!style) return null;
  const sw = /(?:^|;)\s*width\s*:\s*(\d+)px/i.exec(style);
  const sh = /(?:^|;)\s*height\s*:\s*(\d+)px/i.exec(style);
  return sw && sh ? `${sw[1]}x${sh[1]}` : null;
}

function hostOf(src: string): string | null {
  const m = /^(?:https?:)?\/\/([^/?#:]+)/i.exec(src.trim());
  return m ? m[1]!.toLowerCase() : null;
}

function shapeEvidence(el: Element, i: number, tag: string, ctx: Context): void {
  const shape = isAdShape(el, i, tag, ctx.measure, ctx.vocab);
  if (shape) {
    if (ctx.measure.of(el).chars > MAX_AD_TEXT || ctx.isProtected(el, 'ad')) return;
    ctx.add(climbWrappers(el, 'ad', ctx, AD_WRAPPER_SLACK), 'ad', 'adShape', shape);
    return;
  }
  if (tag === 'A' && /\bsponsored\b/i.test(ctx.measure.attr(el, 'rel') ?? '') && ctx.measure.of(el).chars === 0) {
    if (!ctx.has(el, IMAGES) || ctx.isProtected(el, 'ad')) return;
    ctx.add(climbWrappers(el, 'ad', ctx, AD_WRAPPER_SLACK), 'ad', 'sponsoredLink', 'image link rel=sponsored');
  }
}

/** Code listings name their own tokens ("token comment"): class words there are not widgets. */
const CODE = tagSet('pre code');
/** Elements that show nothing: hiding them changes nothing, naming them clutter misleads. */
const INVISIBLE = tagSet('script style link meta noscript template');

function classEvidence(el: Element, tag: string, ctx: Context): void {
  const hit = ctx.classKindOf(el);
  if (!hit || INVISIBLE.has(tag) || ctx.closestIs(el, CODE, ctx.scopeInCode)) return;
  const { kind, word } = hit;
  // A side column's name is no kind of its own: it weighs for the widgets in it (sideColumnOf).
  if (kind === 'other' || (kind === 'comments' && !ctx.options.hideComments)) return;
  if (ctx.isProtected(el, kind)) return;
  const s = ctx.measure.of(el);
  if (kind === 'ad' && s.chars > MAX_AD_TEXT && s.linkChars < 0.6 * s.chars) return;
  if ((kind === 'newsletter' || kind === 'promo' || kind === 'social') && s.chars > MAX_BOX_TEXT) return;
  if (kind === 'cookie' && s.chars > MAX_COOKIE_TEXT) return;
  ctx.add(el, kind, 'classWord', `class '${word}'`);
}

function cookieTextEvidence(ctx: Context): void {
  const COOKIE_TEXT = ctx.vocab.patterns.cookieText;
  for (const block of ctx.measure.blocks) {
    const chars = ctx.measure.of(block.element).chars;
    if (chars < 20 || chars > MAX_COOKIE_TEXT || !COOKIE_TEXT.test(block.text)) continue;
    const m = COOKIE_TEXT.exec(block.text)!;
    // Climb to the notice: parents that add its buttons and title, not a page of other text.
    const tm = ctx.measure;
    let box = block.element;
    for (let p = tm.parentOf(box); p; p = tm.parentOf(p)) {
      const pc = tm.of(p).chars;
      if (LANDMARK_TAGS.has(tm.tagOf(p)) || ctx.isProtected(p, 'cookie')) break;
      if (pc > Math.max(chars * 2, chars + 300) || pc > MAX_COOKIE_TEXT) break;
      box = p;
    }
    if (ctx.isProtected(box, 'cookie')) continue;
    if (ctx.inRoot(box) && !ctx.has(box, COOKIE_ACTIONS)) continue;
    ctx.add(box, 'cookie', 'cookieText', `cookie text '${m[0]}'`);
  }
}

function inlineRelatedEvidence(el: Element, tag: string, ctx: Context): void {
  if (tag !== 'P' && tag !== 'DIV' && tag !== 'LI') return;
  const s = ctx.measure.of(el);
  if (s.chars === 0 || s.chars > MAX_AD_TEXT || s.linkChars < 0.5 * s.chars) return;
  const text = (el.textContent ?? '').trim();
  const m = ctx.vocab.patterns.inlineRelatedPrefix.exec(text);
  if (!m || ctx.isProtected(el, 'related')) return;
  ctx.add(el, 'related', 'inlineRelated', `'${m[1]}:' line, link density ${fmt(s.linkChars / s.chars)}`);
}

function formEvidence(el: Element, tag: string, ctx: Context): void {
  if (tag !== 'INPUT') return;
  const m = ctx.measure;
  const type = (m.attr(el, 'type') ?? '').toLowerCase();
  const name = `${m.attr(el, 'name') ?? ''} ${m.attr(el, 'placeholder') ?? ''}`;
  if (type !== 'email' && !/e-?mail/i.test(name)) return;
  let form: Element | null = el;
  while (form && !FORMS.has(m.tagOf(form))) form = m.parentOf(form);
  form ??= m.parentOf(el);
  if (!form || ctx.isProtected(form, 'newsletter')) return;
  let box = form;
  for (let p = m.parentOf(box); p; p = m.parentOf(p)) {
    if (LANDMARK_TAGS.has(m.tagOf(p)) || ctx.isProtected(p, 'newsletter') || m.of(p).chars > MAX_BOX_TEXT) break;
    // A sign-up box has at most one heading; a parent with two is a column of widgets.
    if (ctx.count(p, INPUTS, 4) > 3 || ctx.count(p, HEADINGS, 2) > 1) break;
    box = p;
  }
  if (!ctx.vocab.patterns.newsletterText.test(box.textContent ?? '')) return;
  ctx.add(box, 'newsletter', 'form', 'e-mail field');
  ctx.add(box, 'newsletter', 'newsletterText', 'sign-up text');
}

/** A link or button in a box: the call to action of a prompt. */
const ACTIONS = tagSet('a button input select');

/**
 * Where the links of an element lead: teaser lists (three links and more to other articles holding
 * most of its text), one-link teaser lines, share and follow bars. Only the outermost element of a
 * run that qualifies is a candidate: its wrappers qualify too, and the outermost box wins anyway.
 */
function linkEvidence(el: Element, i: number, tag: string, ctx: Context): void {
  const m = ctx.measure;
  const L = ctx.links;
  const s = m.of(el);
  // Most elements hold no link that leads anywhere we read.
  if (L.articleLinks[i]! === 0 && L.socialLinks[i]! === 0) return;
  const parent = m.parents[i]!;
  const teaser = (j: number) => {
    const t = m.of(m.elements[j]!);
    if (L.articleLinks[j]! < TEASER_LINKS || t.chars === 0) return false;
    // Cards with a thumbnail each may carry a summary, a date and a section name beside the link.
    const cards =
      2 * L.thumbLinks[j]! >= L.articleLinks[j]! && t.paragraphs <= L.thumbLinks[j]! && repeatsLinks(j, ctx);
    const share = cards && t.bodyChars <= MAX_CARD_SUMMARY * t.paragraphs ? CARD_LINK_SHARE : TEASER_LINK_SHARE;
    return t.linkChars >= share * t.chars;
  };
  if (teaser(i) && !(parent >= 0 && teaser(parent) && !ctx.isProtected(m.elements[parent]!, 'related'))) {
    if (
      !ctx.isProtected(el, 'related') &&
      (!ctx.inArticle(el) || isCardList(i, tag, ctx) || isStoryLinkList(i, tag, ctx)) &&
      !ctx.holdsOtherKind(el)
    ) {
      const thumbs = L.thumbLinks[i]! > 0 ? `, ${L.thumbLinks[i]} with thumbnails` : '';
      ctx.add(el, ctx.kindAt(el, 'related'), 'teaserList', `${L.articleLinks[i]} links to other articles${thumbs}`);
    }
  }
  if (
    L.articleLinks[i]! >= 1 &&
    L.articleLinks[i]! <= 2 &&
    s.chars >= MIN_TEASER_LINE &&
    s.chars <= MAX_TEASER_LINE &&
    L.articleChars[i]! >= TEASER_LINE_SHARE * s.chars &&
    TEASER_LINE_TAGS.has(tag) &&
    !(parent >= 0 && m.of(m.elements[parent]!).chars === s.chars && TEASER_LINE_TAGS.has(m.tags[parent]!)) &&
    !ctx.isProtected(el, 'related') &&
    (!ctx.inArticle(el) || isInlineTeaser(i, ctx))
  ) {
    ctx.add(el, ctx.kindAt(el, 'related'), 'teaserLine', `a line that is a link to another article`);
  }
  const social = L.socialLinks[i]!;
  if (
    social >= SOCIAL_LINKS &&
    s.chars <= MAX_BOX_TEXT &&
    s.chars - L.socialChars[i]! <= SOCIAL_OTHER_TEXT &&
    2 * social >= ctx.linkCount(el) &&
    !ctx.closestIs(el, QUOTES, false)
  ) {
    const p = parent >= 0 ? m.elements[parent]! : null;
    const pOk =
      p &&
      L.socialLinks[parent]! === social &&
      m.of(p).chars - L.socialChars[parent]! <= SOCIAL_OTHER_TEXT &&
      m.of(p).chars <= MAX_BOX_TEXT &&
      !ctx.isProtected(p, 'social');
    if (!pOk && !ctx.isProtected(el, 'social')) ctx.add(el, 'social', 'socialLinks', `${social} share/follow links`);
  }
}

/** Share of an element's children with text that must hold a link to an article: repeated cards. */
export const CARD_CHILDREN_SHARE = 0.8;

/** True when (nearly) every child with text holds a link to another article: a run of cards. */
function repeatsLinks(i: number, ctx: Context): boolean {
  const m = ctx.measure;
  const k = branchOf(i, m);
  let withText = 0;
  let withLink = 0;
  for (let j = k + 1; j < m.ends[k]!; j = m.ends[j]!) {
    if (m.of(m.elements[j]!).chars === 0) continue;
    withText++;
    if (ctx.links.articleLinks[j]! > 0) withLink++;
  }
  return withText > 0 && withLink >= CARD_CHILDREN_SHARE * withText;
}

/** Wrappers with one child of text are read through: the index where the text branches (cards, widgets). */
function branchOf(i: number, m: TextMeasure): number {
  for (let k = i; ; ) {
    let only = -1;
    let n = 0;
    for (let j = k + 1; j < m.ends[k]!; j = m.ends[j]!) if (m.of(m.elements[j]!).chars > 0 && n++ === 0) only = j;
    if (n !== 1) return k;
    k = only;
  }
}

/** Lines a teaser link fills; list items are read as their list, spans as their line. */
/** Tables inside the article are its data (infoboxes, results), whatever their links. */
const TABLE_PARTS = tagSet('table tbody thead tr td th');

/** Inside the root, a teaser list shows cards: thumbnails for a third of its links at least. */
function isCardList(i: number, tag: string, ctx: Context): boolean {
  const thumbs = ctx.links.thumbLinks[i]!;
  if (TABLE_PARTS.has(tag) || ctx.closestIs(ctx.measure.elements[i]!, TABLE_PARTS, false)) return false;
  return thumbs >= INLINE_TEASER_THUMBS && 3 * thumbs >= ctx.links.articleLinks[i]!;
}

const ITEM_LISTS = tagSet('ul ol');
/** Share of each list item's text that its one link to another article holds in a list of story links. */
export const STORY_LINK_ITEM_SHARE = 0.8;
/** … a list with at most this share of the root's prose after it: at the story's end (notes and credits may follow). */
export const STORY_END_SHARE = 0.1;

/**
 * Inside the root, a list at the end of the story (set among its paragraphs, a child of their
 * parent or next to one, with little prose after it: an editor's note), under no heading or label, whose every item is
 * one link to another article and little else ("more on this": three headlines, unlabelled): the
 * site's, not the story's. Between paragraphs or under a heading ("Sources", "See also") a list of
 * links is the article's own.
 */
function isStoryLinkList(i: number, tag: string, ctx: Context): boolean {
  const m = ctx.measure;
  if (!ITEM_LISTS.has(tag) || (m.parents[i] !== m.longestRunParent && !nextToProse(i, ctx))) return false;
  if (ctx.proseFrom(m.ends[i]!) > STORY_END_SHARE * ctx.rootProse) return false;
  let prev = m.elements[i]!.previousElementSibling;
  while (prev && m.of(prev).chars === 0) prev = prev.previousElementSibling;
  if (prev && (HEADINGS.has(m.tagOf(prev)) || m.of(prev).chars <= MAX_LABEL_CHARS)) return false;
  for (let j = i + 1; j < m.ends[i]!; j = m.ends[j]!) {
    const chars = m.of(m.elements[j]!).chars;
    if (chars === 0) continue;
    if (ctx.links.articleLinks[j] !== 1 || ctx.linkCount(m.elements[j]!) !== 1) return false;
    if (ctx.links.articleChars[j]! < STORY_LINK_ITEM_SHARE * chars) return false;
  }
  return true;
}

const TEASER_LINE_TAGS = tagSet('p div h2 h3 h4 h5 h6 dd');
/** Inside the root, only paragraphs and boxes are inline teasers (headings there are the article's). */
const INLINE_TEASER_TAGS = tagSet('p div');
/** Embedded posts quote other people's links: never a share bar. */
const QUOTES = tagSet('blockquote');
/** Inside the root, an inline teaser is a headline, not a caption or credit ("(Artist: …)"). */
export const MIN_INLINE_TEASER = 30;

/**
 * Inside the root, a one-link line is a teaser only as an interruption of the prose: a paragraph or
 * box of its own, long enough to be a headline, next to a paragraph of the article.
 */
function isInlineTeaser(i: number, ctx: Context): boolean {
  const m = ctx.measure;
  if (!INLINE_TEASER_TAGS.has(m.tags[i]!) || m.of(m.elements[i]!).chars < MIN_INLINE_TEASER) return false;
  return nextToProse(i, ctx);
}

/** True when the nearest sibling with text on either side is (or holds) a paragraph of prose. */
function nextToProse(i: number, ctx: Context): boolean {
  const m = ctx.measure;
  const el = m.elements[i]!;
  // The nearest sibling with text on each side (ad slots and embeds between them are empty).
  let prev = el.previousElementSibling;
  while (prev && m.of(prev).chars === 0) prev = prev.previousElementSibling;
  let next = el.nextElementSibling;
  while (next && m.of(next).chars === 0) next = next.nextElementSibling;
  return (prev !== null && m.of(prev).bodyChars > 0) || (next !== null && m.of(next).bodyChars > 0);
}

/** The kind of prompt a short text is, with the words that say it. */
function promptOf(text: string, v: CompiledVocabulary): { kind: LabelKind; hit: string } | null {
  const social = v.patterns.socialText.exec(text);
  if (social && v.patterns.socialNetworks.test(text)) return { kind: 'social', hit: social[0] };
  const newsletter = v.patterns.newsletterText.exec(text);
  if (newsletter) return { kind: 'newsletter', hit: newsletter[0] };
  const promo = v.patterns.promoText.exec(text);
  return promo ? { kind: 'promo', hit: promo[0] } : null;
}

/** Prompts known by their text: share/follow, subscribe, donate, apps, events; a line or two. */
function promptTextEvidence(ctx: Context): void {
  const tm = ctx.measure;
  for (const block of tm.blocks) {
    const chars = tm.of(block.element).chars;
    if (chars < 8 || chars > MAX_PROMPT_TEXT) continue;
    const text = block.text;
    const prompt = promptOf(text, ctx.vocab);
    if (!prompt || ctx.isProtected(block.element, prompt.kind)) continue;
    const { kind, hit } = prompt;
    // Climb to the prompt's box: parents that add its button and title, not a column of widgets.
    let box = block.element;
    for (let p = tm.parentOf(box); p; p = tm.parentOf(p)) {
      const pc = tm.of(p).chars;
      if (LANDMARK_TAGS.has(tm.tagOf(p)) || ctx.isProtected(p, kind)) break;
      if (pc > Math.max(chars * 2, chars + MAX_PROMPT_TEXT) || pc > MAX_BOX_TEXT || ctx.addsHeading(p, box)) break;
      box = p;
    }
    if (ctx.isProtected(box, kind)) continue;
    ctx.add(box, ctx.kindAt(box, kind), 'promptText', `prompt '${hit}'`);
  }
}

/** A box whose only text is one heading, beside other (empty) elements: a widget still to load. */
function headsEmptyWidget(el: Element, ctx: Context): boolean {
  const s = ctx.measure.of(el);
  return (
    s.chars <= MAX_LABEL_CHARS &&
    s.bodyChars === 0 &&
    ctx.measure.childCount(el) > 1 &&
    ctx.count(el, HEADINGS, 2) === 1 &&
    ctx.count(el, LINKS, 2) < 2
  );
}

/** Evidence that needs the container: link lists, forms, empty slots, overlays. */
function structureEvidence(c: Candidate, ctx: Context): void {
  const el = c.element;
  const s = ctx.measure.of(el);
  const density = s.chars === 0 ? 0 : s.linkChars / s.chars;
  const links = ctx.linkCount(el);
  const linkList =
    (density >= LINK_LIST_DENSITY && links >= 1) ||
    (links >= LINK_LIST_COUNT && s.chars - s.linkChars <= LINK_LIST_OTHER_TEXT);
  switch (c.kind) {
    case 'trending':
    case 'related':
    case 'social':
      if (linkList && !c.evidence.has('inlineRelated')) {
        ctx.add(el, c.kind, 'linkList', `link density ${fmt(density)}, ${links} links`);
      } else if (c.kind !== 'social' && ctx.articleLinksIn(el) > 0 && s.chars <= MAX_BOX_TEXT && s.bodyChars === 0) {
        // A short named box whose links lead to other stories (previous/next, "read next").
        ctx.add(el, c.kind, 'linkList', `${ctx.articleLinksIn(el)} links to other articles, no prose`);
      } else if (c.kind === 'social' && s.chars <= MAX_BOX_TEXT && ctx.has(el, ACTIONS)) {
        ctx.add(el, c.kind, 'callToAction', 'a follow or share link');
      }
      break;
    case 'ad':
      if (s.chars <= AD_WRAPPER_SLACK)
        ctx.add(el, c.kind, 'emptySlot', s.chars === 0 ? 'empty slot' : 'no text but a label');
      else if (density >= LINK_LIST_DENSITY && links >= LINK_LIST_COUNT) {
        ctx.add(el, c.kind, 'linkList', `link density ${fmt(density)}, ${links} links`);
      }
      break;
    case 'newsletter':
      if (ctx.has(el, NEWSLETTER_FIELDS)) ctx.add(el, c.kind, 'form', 'form field or button');
      else if (s.chars <= MAX_BOX_TEXT && ctx.has(el, ACTIONS))
        ctx.add(el, c.kind, 'callToAction', 'a link to sign up');
      if (ctx.vocab.patterns.newsletterText.test(el.textContent ?? ''))
        ctx.add(el, c.kind, 'newsletterText', 'sign-up text');
      break;
    case 'promo':
      if (s.chars <= MAX_BOX_TEXT && links >= 1) ctx.add(el, c.kind, 'form', 'call to action');
      break;
    case 'cookie':
      if (ctx.has(el, COOKIE_BUTTONS)) ctx.add(el, c.kind, 'form', 'buttons');
      // A cookie-named link or box that reads a cookie label ("Cookie settings" in the footer).
      else if (s.chars <= MAX_LABEL_CHARS && kindOfLabel(el.textContent ?? '', ctx.vocab) === 'cookie')
        ctx.add(el, c.kind, 'label', 'a cookie label');
      break;
    case 'comments':
      break;
  }
  // A named widget still empty (loaded later) leaves its heading: that heading's box goes.
  if (c.kind !== 'ad' && headsEmptyWidget(el, ctx)) ctx.add(el, c.kind, 'emptySlot', 'empty widget');
  const position = ctx.layout(el)?.position;
  if (position === 'fixed' || position === 'sticky') ctx.add(el, c.kind, 'overlay', `${position} overlay`);
}

const ASIDES = tagSet('aside');
/** Menus stay: nothing in the page's navigation, header or footer is read as a side column. */
const CHROME = tagSet('nav header footer');

/**
 * The page's side column (an `aside`, or a box whose class or id says sidebar or rail) beside the
 * article, not in it: each of its boxes that links, embeds or asks for a click is the site's widget,
 * named or not, and is hidden as one block (a box already known by its own evidence keeps its kind;
 * a box holding such a block is left to it). A box of plain text (a weather note) stays.
 */
function sideColumnEvidence(ctx: Context): void {
  const m = ctx.measure;
  for (let i = 0; i < m.elements.length; i++) {
    const col = m.elements[i]!;
    const aside = ASIDES.has(m.tags[i]!);
    // In the story an aside is one inset: a box of links to other articles of the site.
    if (aside && ctx.inArticle(col) && ctx.articleLinksIn(col) > 0 && !ctx.isProtected(col, 'related')) {
      ctx.add(col, ctx.kindAt(col, 'related'), 'sideColumn', 'an aside in the story linking to another article');
      continue;
    }
    if (
      !(aside || (ctx.classKindOf(col)?.kind === 'other' && !ctx.inArticle(col))) ||
      ctx.closestIs(col, CHROME, false) ||
      ctx.rootChain.has(col)
    )
      continue;
    const k = branchOf(i, m);
    // A heading of its own before a widget's box is that widget's (h3, then the box it names).
    let head: Element | null = null;
    for (let j = k + 1; j < m.ends[k]!; j = m.ends[j]!) {
      const w = m.elements[j]!;
      if (m.of(w).chars === 0) continue;
      if (ctx.has(w, ACTIONS) && !ctx.holdsOtherKind(w))
        for (const b of head ? [head, w] : [w]) ctx.add(b, ctx.kindAt(b, 'other'), 'sideColumn', 'side column');
      head = HEADINGS.has(m.tags[j]!) ? w : null;
    }
  }
}

/** Evidence over the scope of `ctx.measure` (the scope and every element below it). */
function* collect(ctx: Context, pause: () => boolean): Generator<void, ClutterBlock[]> {
  yield* gather(ctx, pause);
  return accept(ctx);
}

/** Every candidate with its evidence (none filtered by the threshold): --explain's near misses. */
export function findClutterCandidates(
  doc: Document,
  root: Element | null,
  options: ClutterOptions,
): { element: Element; kind: ClutterKind; score: number; reasons: string[] }[] {
  const ctx = pageContext(doc, root, options);
  if (!ctx) return [];
  runSteps(gather(ctx, NEVER));
  return [...ctx.candidates.values()].map((c) => ({
    element: c.element,
    kind: c.kind,
    score: c.score,
    reasons: [...c.reasons, ...(ctx.isProtected(c.element, c.kind) ? ['protected'] : [])],
  }));
}

/**
 * Every candidate's evidence, in slices: it yields whenever `pause` says so (asked at every
 * element, as one element's evidence may read a large subtree, and between the passes), and the
 * caller may give the page the main thread before resuming. The evidence is the same however it is sliced.
 */
function* gather(ctx: Context, pause: () => boolean): Generator<void, void> {
  const m = ctx.measure;
  for (let i = 0; i < m.elements.length; i++) {
    if (pause()) yield;
    const el = m.elements[i]!;
    const tag = m.tags[i]!;
    if (NEVER_HIDDEN.has(tag) && i > 0) continue;
    labelEvidence(el, i, tag, ctx);
    shapeEvidence(el, i, tag, ctx);
    classEvidence(el, tag, ctx);
    inlineRelatedEvidence(el, tag, ctx);
    formEvidence(el, tag, ctx);
  }
  // After labels and class words, so a teaser box keeps the kind its heading names.
  for (let i = 0; i < m.elements.length; i++) {
    if (pause()) yield;
    if (!NEVER_HIDDEN.has(m.tags[i]!)) linkEvidence(m.elements[i]!, i, m.tags[i]!, ctx);
  }
  if (pause()) yield;
  cookieTextEvidence(ctx);
  promptTextEvidence(ctx);
  if (pause()) yield;
  for (const c of ctx.candidates.values()) structureEvidence(c, ctx);
  if (pause()) yield;
  sideColumnEvidence(ctx);
  commentNoticeEvidence(ctx);
}

/** Words at the start of a block read for the word "comments" (any language of the vocabulary's labels). */
export const COMMENT_NOTICE_WORDS = 4;
/** Shortest comment notice: a sentence, not a label (labels are read as labels). */
export const MIN_COMMENT_NOTICE = 40;

/**
 * The rules of a comment thread, written as prose ("As you comment, please …"): the nearest block
 * before a thread (its "show comments" buttons read through) that names comments in its first
 * words, as a label of the kind would. Nothing but buttons stands between it and the thread.
 */
function commentNoticeEvidence(ctx: Context): void {
  const m = ctx.measure;
  const threads: number[] = [];
  for (const c of ctx.candidates.values()) {
    if (c.kind === 'comments' && c.score >= COMMENTS_THRESHOLD && !ctx.isProtected(c.element, 'comments')) {
      const k = m.indexOf(c.element);
      if (k >= 0) threads.push(k);
    }
  }
  if (threads.length === 0) return;
  const blocks = m.blocks;
  for (const k of threads) {
    let b = blocks.length - 1;
    while (b >= 0 && !(m.indexOf(blocks[b]!.element) < k && !m.contains(blocks[b]!.element, m.elements[k]!))) b--;
    // Buttons before the thread ("View comments"): short lines that are links.
    for (; b >= 0; b--) {
      const s = m.of(blocks[b]!.element);
      if (s.chars > MAX_LABEL_CHARS || (s.linkChars < s.chars && !ctx.closestIs(blocks[b]!.element, ACTIONS, false)))
        break;
    }
    if (b < 0) continue;
    const el = blocks[b]!.element;
    const text = normalizeSpace(blocks[b]!.text);
    if (text.length < MIN_COMMENT_NOTICE || text.length > MAX_BOX_TEXT || m.of(el).chars > text.length + 1) continue;
    const words = text.split(' ', COMMENT_NOTICE_WORDS).map((w) => w.replace(/[^\p{L}]+/gu, ''));
    const word = words.find((w) => w !== '' && kindOfLabel(w, ctx.vocab) === 'comments');
    if (!word || ctx.isProtected(el, 'comments') || ctx.holdsOtherKind(el)) continue;
    ctx.add(el, 'comments', 'commentNotice', `'${word}' before the comment thread`);
  }
}

function accept(ctx: Context): ClutterBlock[] {
  const m = ctx.measure;
  const accepted = [...ctx.candidates.values()].filter(
    (c) =>
      c.score >= (c.kind === 'comments' ? COMMENTS_THRESHOLD : HIDE_THRESHOLD) && !ctx.isProtected(c.element, c.kind),
  );
  // Keep the outermost of nested boxes (the widget, not its list). In document order an outer box
  // comes before everything inside it, so comparing with the last kept box is enough.
  const order = (el: Element) => m.indexOf(el);
  accepted.sort((a, b) => {
    const i = order(a.element);
    const j = order(b.element);
    if (i >= 0 && j >= 0) return i - j;
    return a.element === b.element ? 0 : a.element.compareDocumentPosition(b.element) & 4 ? -1 : 1;
  });
  const kept: Candidate[] = [];
  for (const c of accepted) {
    const last = kept[kept.length - 1];
    if (!last || !m.contains(last.element, c.element)) kept.push(c);
  }
  return kept.map((c) => ({ element: c.element, kind: c.kind, reason: c.reasons.join(' + ') }));
}

/** Clutter blocks of the page (focus mode's blocks beside the article: findFocusBlocks, composed after). */
export function findClutterBlocks(doc: Document, root: Element | null, options: ClutterOptions): ClutterBlock[] {
  return runSteps(findClutterSteps(doc, root, options, NEVER));
}

/** findClutterBlocks in slices (gather's `pause`): the same blocks. */
export function* findClutterSteps(
  doc: Document,
  root: Element | null,
  options: ClutterOptions,
  pause: () => boolean,
): Generator<void, ClutterBlock[]> {
  const ctx = pageContext(doc, root, options);
  return ctx ? yield* collect(ctx, pause) : [];
}

/** The finder's context over the whole page (null without a <body>). */
function pageContext(doc: Document, root: Element | null, options: ClutterOptions): Context | null {
  const body = doc.body;
  if (!body) return null;
  const measure = options.measure?.scope === body ? options.measure : new TextMeasure(body);
  const header = options.header ?? findArticleHeader(doc, root);
  // Focus mode is a reader view: a comment thread is not the article, whatever the comment switch.
  const effective = options.mode === 'focus' ? { ...options, hideComments: true } : options;
  return new Context(measure, root, header.title, header.bylines, effective);
}

/**
 * Classifies a subtree added after the first analysis (late ads, lazy widgets): the same evidence,
 * measured on the subtree alone, so the cost is that of the new nodes.
 */
export function findClutterIn(
  subtree: Element,
  root: Element | null,
  options: ClutterOptions,
  // A caller classifying many late subtrees of one read passes the header it found once.
  header: ArticleHeader = findArticleHeader(subtree.ownerDocument, root),
): ClutterBlock[] {
  if (root && (subtree === root || subtree.contains(root))) return [];
  const measure = new TextMeasure(subtree);
  // The root's prose is not measured here, so inside the root any prose at all protects a box.
  const ctx = new Context(measure, root, header.title, header.bylines, options);
  const blocks = runSteps(collect(ctx, NEVER));
  return blocks.filter((b) => b.element === subtree || subtree.contains(b.element));
}
