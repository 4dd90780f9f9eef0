// Which blocks of the page are clutter, and of what kind. Document in, plain data out.
//
// Evidence is gathered per container element (a widget box), each piece with a weight and a reason;
// a container whose evidence reaches HIDE_THRESHOLD is hidden. The container is found from what
// fired: a label climbs to the box it heads, an ad iframe to the slot that wraps it. Nothing that
// holds the article root, its title or its prose is ever hidden.

import { TextMeasure } from './article-measure';
import { findArticleHeader, focusBlocks } from './clutter-focus';
import {
  AD_HOSTS,
  AD_SIZES,
  CLASS_PHRASES,
  CLASS_TOKENS,
  COOKIE_TEXT,
  INLINE_RELATED_PREFIX,
  LABELS,
  type LabelKind,
  NEWSLETTER_TEXT,
} from './lexicon/clutter';
import { normalizeSpace } from './text';
import type { ClutterKind, Mode } from './types';

export interface ClutterBlock {
  element: Element;
  kind: ClutterKind;
  reason: string;
}

export interface ClutterOptions {
  mode: Mode;
  hideComments: boolean;
  /** The measurements detectArticle made of <body> (ArticleResult.measure), to save a second pass. */
  measure?: TextMeasure;
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
} as const;

export const HIDE_THRESHOLD = 2;

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
/** Longest text of a newsletter, promo or social box. */
export const MAX_BOX_TEXT = 600;
/** Longest text of a cookie notice. */
export const MAX_COOKIE_TEXT = 3000;

const LABEL_TAGS = new Set([
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SPAN',
  'STRONG',
  'B',
  'DIV',
  'P',
  'HEADER',
  'LEGEND',
  'DT',
  'SMALL',
  'EM',
  'I',
  'LABEL',
  'FIGCAPTION',
  'SECTION',
  'ASIDE',
]);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const NEVER_HIDDEN = new Set(['HTML', 'BODY', 'HEAD', 'MAIN']);
/** Page regions a widget lives in: climbing from a widget stops below them. */
const LANDMARK_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE', 'HEADER', 'FOOTER', 'NAV']);
/** What makes a box more than its label: an ad image, a player, a form. */
const BOX_MEDIA_SELECTOR = 'img, picture, iframe, video, object, embed, ins, form, input';
const AD_SIZE_SET = new Set(AD_SIZES);
const OVERLAY_STYLE = /position\s*:\s*(fixed|sticky)/i;

/** Every label of every language, normalised, to its kind. */
const LABEL_KINDS: ReadonlyMap<string, LabelKind> = (() => {
  const m = new Map<string, LabelKind>();
  for (const lang of Object.values(LABELS)) {
    for (const [kind, words] of Object.entries(lang) as [LabelKind, readonly string[]][]) {
      for (const w of words) if (!m.has(normalizeLabel(w))) m.set(normalizeLabel(w), kind);
    }
  }
  return m;
})();

const TOKEN_KINDS: ReadonlyMap<string, LabelKind> = (() => {
  const m = new Map<string, LabelKind>();
  for (const [kind, words] of Object.entries(CLASS_TOKENS) as [LabelKind, readonly string[]][]) {
    for (const w of words) m.set(w, kind);
  }
  return m;
})();
const PHRASE_KINDS: ReadonlyMap<string, LabelKind> = (() => {
  const m = new Map<string, LabelKind>();
  for (const [kind, words] of Object.entries(CLASS_PHRASES) as [LabelKind, readonly string[]][]) {
    for (const w of words) m.set(w, kind);
  }
  return m;
})();

/** Lower case, digits and counters dropped, bracket and arrow punctuation dropped, spaces collapsed. */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\d()[\]:›»>|•·+→]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The kind a label names, if any ("Most Read" → trending). */
export function labelKind(text: string): LabelKind | null {
  return LABEL_KINDS.get(normalizeLabel(text)) ?? null;
}

/** Class and id split into lower-case words: "mostRead-box ad_slot" → most, read, box, ad, slot. */
export function classTokens(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (raw.trim() === '') return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

/** The kind and the word that class/id name, if any; phrases ("most-read") before single words. */
export function classKind(el: Element): { kind: LabelKind; word: string } | null {
  const tokens = classTokens(el);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const phrase = tokens[i]! + tokens[i + 1]!;
    const kind = PHRASE_KINDS.get(phrase);
    if (kind) return { kind, word: `${tokens[i]}-${tokens[i + 1]}` };
  }
  for (const t of tokens) {
    const kind = TOKEN_KINDS.get(t) ?? PHRASE_KINDS.get(t);
    if (kind) return { kind, word: t };
  }
  return null;
}

type Evidence = keyof typeof EVIDENCE;

interface Candidate {
  element: Element;
  kind: LabelKind;
  score: number;
  reasons: string[];
  evidence: Set<Evidence>;
}

/** What the finder needs to know about the page, computed once. */
class Context {
  readonly rootChain = new Set<Element>();
  readonly rootProse: number;
  readonly candidates = new Map<Element, Candidate>();

  constructor(
    readonly measure: TextMeasure,
    readonly root: Element | null,
    readonly title: Element | null,
    readonly bylines: readonly Element[],
    readonly options: ClutterOptions,
  ) {
    for (let el: Element | null = root; el; el = el.parentElement) this.rootChain.add(el);
    this.rootProse = root ? measure.of(root).bodyChars : 0;
  }

  /** True for elements that must never be hidden: the root, its ancestors, the title, the prose. */
  isProtected(el: Element, kind: LabelKind): boolean {
    if (NEVER_HIDDEN.has(el.tagName) || this.rootChain.has(el)) return true;
    // Without a known title, any h1 may be it.
    if (this.title ? el.contains(this.title) : el.querySelector('h1') !== null) return true;
    if (kind !== 'comments' && this.bylines.some((b) => el.contains(b))) return true;
    const prose = this.measure.of(el).bodyChars;
    if (prose === 0) return false;
    if (kind === 'comments') return (this.root?.contains(el) ?? false) && prose >= 0.5 * this.rootProse;
    if (this.root?.contains(el))
      return prose >= PROTECTED_PROSE_CHARS || prose >= PROTECTED_PROSE_SHARE * this.rootProse;
    // Outside the root: a second body of prose as large as the article's is not a widget.
    return this.rootProse > 0 && prose >= Math.max(2 * PROTECTED_PROSE_CHARS, 0.5 * this.rootProse);
  }

  /** Adds one piece of evidence to a container; each named piece counts once per container. */
  add(element: Element, kind: LabelKind, evidence: Evidence, reason: string): void {
    const weight = EVIDENCE[evidence];
    const c = this.candidates.get(element);
    if (!c) {
      this.candidates.set(element, { element, kind, score: weight, reasons: [reason], evidence: new Set([evidence]) });
      return;
    }
    if (c.evidence.has(evidence)) return;
    if (c.kind !== kind && weight > c.score) c.kind = kind;
    c.score += weight;
    c.reasons.push(reason);
    c.evidence.add(evidence);
  }

  private readonly classKinds = new Map<string, ReturnType<typeof classKind>>();

  /** classKind, remembered per class/id string: pages repeat the same few class lists. */
  classKindOf(el: Element): ReturnType<typeof classKind> {
    const key = `${el.getAttribute('class') ?? ''}#${el.id}`;
    let hit = this.classKinds.get(key);
    if (hit === undefined) {
      hit = classKind(el);
      this.classKinds.set(key, hit);
    }
    return hit;
  }

  linkCount(el: Element): number {
    return el.getElementsByTagName('a').length + el.getElementsByTagName('button').length;
  }
}

function hasMedia(el: Element): boolean {
  return el.querySelector(BOX_MEDIA_SELECTOR) !== null;
}

/** True when `parent` holds a heading that `child` does not: it is more than one widget. */
function addsHeading(parent: Element, child: Element): boolean {
  return (
    parent.querySelectorAll(HEADINGS).length >
    child.querySelectorAll(HEADINGS).length + (HEADING_TAGS.has(child.tagName) ? 1 : 0)
  );
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
  // Climb while the element holds only the label.
  // An ad label's box holds the label and the slot, even while the slot is still empty.
  while (ctx.measure.of(cur).chars <= labelChars && !hasMedia(cur) && !(kind === 'ad' && cur.children.length > 1)) {
    const parent = cur.parentElement;
    if (!parent || ctx.isProtected(parent, kind)) return kind === 'ad' && !ctx.isProtected(cur, kind) ? cur : null;
    cur = parent;
  }
  if (ctx.isProtected(cur, kind)) return null;
  return climbWrappers(cur, kind, ctx, 0);
}

/** Climbs through parents that add at most `slack` characters of text and no other heading. */
function climbWrappers(start: Element, kind: LabelKind, ctx: Context, slack: number): Element {
  let cur = start;
  const chars = ctx.measure.of(start).chars;
  for (let parent = cur.parentElement; parent; parent = parent.parentElement) {
    if (LANDMARK_TAGS.has(parent.tagName) || ctx.isProtected(parent, kind)) break;
    if (ctx.measure.of(parent).chars > chars + slack || addsHeading(parent, cur)) break;
    if (parent.children.length > 1 && slack === 0 && ctx.measure.of(parent).chars === 0) break;
    cur = parent;
  }
  return cur;
}

function labelEvidence(el: Element, ctx: Context): void {
  const stats = ctx.measure.of(el);
  const aria = el.getAttribute('aria-label');
  if (aria && aria.length <= MAX_LABEL_CHARS) {
    const kind = labelKind(aria);
    if (kind && !ctx.isProtected(el, kind)) {
      ctx.add(el, kind, kind === 'ad' ? 'adLabel' : 'label', `aria-label '${aria.trim()}'`);
    }
  }
  if (stats.chars === 0 || stats.chars > MAX_LABEL_CHARS || !LABEL_TAGS.has(el.tagName)) return;
  // A wrapper around a single label element (h4 > span) is read through that element: reading
  // every level of a deep chain would cost its depth squared.
  const only = el.children.length === 1 ? el.children[0]! : null;
  if (only && LABEL_TAGS.has(only.tagName) && ctx.measure.of(only).chars === stats.chars) return;
  const isHeading = HEADING_TAGS.has(el.tagName) || el.closest('h1, h2, h3, h4, h5, h6') !== null;
  // A link that reads "Trending" is a menu item, unless it is the heading of a box.
  if (!isHeading && (stats.linkChars > 0 || el.closest('a, nav, button'))) return;
  const text = normalizeSpace(el.textContent ?? '');
  const kind = labelKind(text);
  if (!kind) return;
  if (kind === 'comments' && !ctx.options.hideComments) return;
  const box = boxOfLabel(el, stats.chars, kind, ctx);
  if (!box) return;
  // The label must head its box: a word in the middle of a text is not a label.
  const boxText = normalizeSpace(box.textContent ?? '');
  if (box !== el && !boxText.startsWith(text)) return;
  ctx.add(box, kind, kind === 'ad' ? 'adLabel' : 'label', `${isHeading ? 'heading' : 'label'} '${text}'`);
}

/** Attributes that mark an ad slot whatever their value. */
const AD_SLOT_ATTRIBUTES = new Set(['data-ad-slot', 'data-ad-unit', 'data-google-query-id', 'data-ad']);

function isAdShape(el: Element): string | null {
  const tag = el.tagName;
  if (tag === 'INS' && el.classList.contains('adsbygoogle')) return 'ins.adsbygoogle';
  if (tag === 'AMP-AD' || tag === 'AMP-EMBED') return `<${tag.toLowerCase()}>`;
  const id = el.id;
  if (id && /^(div-gpt-ad|google_ads_iframe)/.test(id)) return `GPT slot #${id.slice(0, 24)}`;
  if (tag === 'IFRAME') {
    const host = hostOf(el.getAttribute('src') ?? '');
    if (host && AD_HOSTS.test(host)) return `iframe from ${host}`;
  }
  // One pass over the attributes: most elements have none of these.
  let width: string | null = null;
  let height: string | null = null;
  let style: string | null = null;
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name;
    if (AD_SLOT_ATTRIBUTES.has(name)) return `[${name}]`;
    if (name === 'width') width = attr.value;
    else if (name === 'height') height = attr.value;
    else if (name === 'style') style = attr.value;
  }
  const size = boxSize(width, height, style);
  if (size && AD_SIZE_SET.has(size)) return `IAB size ${size}`;
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

function shapeEvidence(el: Element, ctx: Context): void {
  const shape = isAdShape(el);
  if (shape) {
    if (ctx.measure.of(el).chars > MAX_AD_TEXT || ctx.isProtected(el, 'ad')) return;
    ctx.add(climbWrappers(el, 'ad', ctx, AD_WRAPPER_SLACK), 'ad', 'adShape', shape);
    return;
  }
  if (el.tagName === 'A' && /\bsponsored\b/i.test(el.getAttribute('rel') ?? '') && ctx.measure.of(el).chars === 0) {
    if (!el.querySelector('img, picture, video') || ctx.isProtected(el, 'ad')) return;
    ctx.add(climbWrappers(el, 'ad', ctx, AD_WRAPPER_SLACK), 'ad', 'sponsoredLink', 'image link rel=sponsored');
  }
}

function classEvidence(el: Element, ctx: Context): void {
  const hit = ctx.classKindOf(el);
  if (!hit) return;
  const { kind, word } = hit;
  if (kind === 'comments' && !ctx.options.hideComments) return;
  if (ctx.isProtected(el, kind)) return;
  const s = ctx.measure.of(el);
  if (kind === 'ad' && s.chars > MAX_AD_TEXT && s.linkChars < 0.6 * s.chars) return;
  if ((kind === 'newsletter' || kind === 'promo' || kind === 'social') && s.chars > MAX_BOX_TEXT) return;
  if (kind === 'cookie' && s.chars > MAX_COOKIE_TEXT) return;
  ctx.add(el, kind, 'classWord', `class '${word}'`);
}

function cookieTextEvidence(ctx: Context): void {
  for (const block of ctx.measure.blocks) {
    const chars = ctx.measure.of(block.element).chars;
    if (chars < 20 || chars > MAX_COOKIE_TEXT || !COOKIE_TEXT.test(block.text)) continue;
    const m = COOKIE_TEXT.exec(block.text)!;
    // Climb to the notice: parents that add its buttons and title, not a page of other text.
    let box = block.element;
    for (let p = box.parentElement; p; p = p.parentElement) {
      const pc = ctx.measure.of(p).chars;
      if (LANDMARK_TAGS.has(p.tagName) || ctx.isProtected(p, 'cookie')) break;
      if (pc > Math.max(chars * 2, chars + 300) || pc > MAX_COOKIE_TEXT) break;
      box = p;
    }
    if (ctx.isProtected(box, 'cookie')) continue;
    const inRoot = ctx.root?.contains(box) ?? false;
    const actionable = box.querySelector('button, a, input') !== null;
    if (inRoot && !actionable) continue;
    ctx.add(box, 'cookie', 'cookieText', `cookie text '${m[0]}'`);
  }
}

function inlineRelatedEvidence(el: Element, ctx: Context): void {
  if (el.tagName !== 'P' && el.tagName !== 'DIV' && el.tagName !== 'LI') return;
  const s = ctx.measure.of(el);
  if (s.chars === 0 || s.chars > MAX_AD_TEXT || s.linkChars < 0.5 * s.chars) return;
  const text = (el.textContent ?? '').trim();
  const m = INLINE_RELATED_PREFIX.exec(text);
  if (!m || ctx.isProtected(el, 'related')) return;
  ctx.add(el, 'related', 'inlineRelated', `'${m[1]}:' line, link density ${fmt(s.linkChars / s.chars)}`);
}

function formEvidence(el: Element, ctx: Context): void {
  if (el.tagName !== 'INPUT') return;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  const name = `${el.getAttribute('name') ?? ''} ${el.getAttribute('placeholder') ?? ''}`;
  if (type !== 'email' && !/e-?mail/i.test(name)) return;
  const form = el.closest('form') ?? el.parentElement;
  if (!form || ctx.isProtected(form, 'newsletter')) return;
  let box = form;
  for (let p = box.parentElement; p; p = p.parentElement) {
    if (LANDMARK_TAGS.has(p.tagName) || ctx.isProtected(p, 'newsletter') || ctx.measure.of(p).chars > MAX_BOX_TEXT)
      break;
    // A sign-up box has at most one heading; a parent with two is a column of widgets.
    if (p.querySelectorAll('input').length > 3 || p.querySelectorAll(HEADINGS).length > 1) break;
    box = p;
  }
  if (!NEWSLETTER_TEXT.test(box.textContent ?? '')) return;
  ctx.add(box, 'newsletter', 'form', 'e-mail field');
  ctx.add(box, 'newsletter', 'newsletterText', 'sign-up text');
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
      if (el.querySelector('input, form, button')) ctx.add(el, c.kind, 'form', 'form field or button');
      if (NEWSLETTER_TEXT.test(el.textContent ?? '')) ctx.add(el, c.kind, 'newsletterText', 'sign-up text');
      break;
    case 'promo':
      if (s.chars <= MAX_BOX_TEXT && links >= 1) ctx.add(el, c.kind, 'form', 'call to action');
      break;
    case 'cookie':
      if (el.querySelector('button, input')) ctx.add(el, c.kind, 'form', 'buttons');
      break;
    case 'comments':
      break;
  }
  if (OVERLAY_STYLE.test(el.getAttribute('style') ?? '')) ctx.add(el, c.kind, 'overlay', 'fixed overlay');
}

function collect(scope: Element, ctx: Context): ClutterBlock[] {
  const elements = [scope, ...Array.from(scope.querySelectorAll('*'))];
  for (const el of elements) {
    if (NEVER_HIDDEN.has(el.tagName) && el !== scope) continue;
    labelEvidence(el, ctx);
    shapeEvidence(el, ctx);
    classEvidence(el, ctx);
    inlineRelatedEvidence(el, ctx);
    formEvidence(el, ctx);
  }
  cookieTextEvidence(ctx);
  for (const c of ctx.candidates.values()) structureEvidence(c, ctx);

  const accepted = [...ctx.candidates.values()].filter(
    (c) =>
      c.score >= (c.kind === 'comments' ? COMMENTS_THRESHOLD : HIDE_THRESHOLD) && !ctx.isProtected(c.element, c.kind),
  );
  // Keep the outermost of nested boxes (the widget, not its list). In document order an outer box
  // comes before everything inside it, so comparing with the last kept box is enough.
  accepted.sort((a, b) => (a.element === b.element ? 0 : a.element.compareDocumentPosition(b.element) & 4 ? -1 : 1));
  const kept: Candidate[] = [];
  for (const c of accepted) {
    const last = kept[kept.length - 1];
    if (!last?.element.contains(c.element)) kept.push(c);
  }
  return kept.map((c) => ({ element: c.element, kind: c.kind, reason: c.reasons.join(' + ') }));
}

/** Clutter blocks of the page; in focus mode also everything beside the article (kind 'other'). */
export function findClutterBlocks(doc: Document, root: Element | null, options: ClutterOptions): ClutterBlock[] {
  const body = doc.body;
  if (!body) return [];
  const measure = options.measure?.scope === body ? options.measure : new TextMeasure(body);
  const header = findArticleHeader(doc, root);
  // Focus mode is a reader view: a comment thread is not the article, whatever the comment switch.
  const effective = options.mode === 'focus' ? { ...options, hideComments: true } : options;
  const ctx = new Context(measure, root, header.title, header.bylines, effective);
  const blocks = collect(body, ctx);
  if (options.mode !== 'focus' || !root) return blocks;
  return [...blocks, ...focusBlocks(root, header, measure, blocks, (el) => classKind(el)?.kind ?? null)];
}

/**
 * Classifies a subtree added after the first analysis (late ads, lazy widgets): the same evidence,
 * measured on the subtree alone, so the cost is that of the new nodes.
 */
export function findClutterIn(subtree: Element, root: Element | null, options: ClutterOptions): ClutterBlock[] {
  if (root && (subtree === root || subtree.contains(root))) return [];
  const measure = new TextMeasure(subtree);
  const header = findArticleHeader(subtree.ownerDocument, root);
  // The root's prose is not measured here, so inside the root any prose at all protects a box.
  const ctx = new Context(measure, root, header.title, header.bylines, options);
  const blocks = collect(subtree, ctx);
  return blocks.filter((b) => b.element === subtree || subtree.contains(b.element));
}
