// Is this page an article, and where is its main content? Document in, plain data out.
// The evidence and its weights live in page-kind.ts and page-kind-model.ts (fitted by
// `npm run train:detect`); every piece of evidence that moves the score is a reason for --explain.

export { jsonLdTypes } from './page-kind';

import {
  type ElementStats,
  runSteps,
  scriptFreeLength,
  TextMeasure,
  tagSet,
  type WalkProgress,
  type WalkWatch,
} from './article-measure';
import { SIDE_CONTENT_WORDS } from './lexicon/article';
import { sigmoid } from './logistic';
import {
  CHEAP_NAMES,
  type CheapFeature,
  cheapFeatureGroups,
  FEATURE_NAMES,
  type Feature,
  type Features,
  highestScore,
  logCount,
  type PageKind,
  type TextFeature,
  weigh,
} from './page-kind';
import { FIRST_LOOK_MODEL, PAGE_MODEL } from './page-kind-model';
import type { ArticleVerdict, Lang } from './types';

export interface ArticleResult extends ArticleVerdict {
  /** The element holding the article body, or null when the page is not an article. */
  root: Element | null;
  /** The article's title (its h1, usually), when found. */
  titleElement: Element | null;
  /** Text measurements of <body>; pass them to findClutterBlocks to save a second pass. */
  measure?: TextMeasure;
  /**
   * Settled before every feature was read (detectArticleSteps' `settle`: by the first look, or
   * during the walk): kind, reasons and score are not weighed (score and confidence are a bound).
   */
  settledEarly?: boolean;
}

/**
 * firstLook says "not an article" below this probability of its cheap model: low enough that no
 * labelled article fell under it in cross-validation (`npm run train:detect` prints the margin).
 */
export const FIRST_LOOK_NOT_ARTICLE = FIRST_LOOK_MODEL.notArticleBelow;
/** … and "article" above this one: no labelled non-article reached it in cross-validation. */
export const FIRST_LOOK_ARTICLE = FIRST_LOOK_MODEL.articleAbove;
/**
 * The full model's probability from which a page is an article. Fail safe: a wrongly skipped
 * article costs a click ("Run anyway"), a wrongly treated shop costs a reader.
 */
export const ARTICLE_P = PAGE_MODEL.articleAbove;

/** Prose characters under which there is no article body at all. */
export const MIN_BODY_CHARS = 250;
/** Descend into a child while it holds at least this share of its parent's prose. */
export const ROOT_SHARE = 0.85;
/** Prose in navigation, asides, footers and comment threads counts this much when finding the root. */
export const SIDE_CONTENT_DISCOUNT = 0.1;

const SIDE_TAGS = tagSet('nav aside footer header form');
const SIDE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner']);
const BYLINE_SELECTOR =
  '[rel~="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i], [class*="dateline" i], [class*="meta" i] time, time[datetime], address';

export function detectLang(doc: Document): Lang {
  const raw = (
    doc.documentElement.getAttribute('lang') ??
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ??
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content') ??
    ''
  ).toLowerCase();
  if (raw.startsWith('de')) return 'de';
  if (raw.startsWith('fr')) return 'fr';
  return 'en';
}

function isSideContent(el: Element): boolean {
  if (SIDE_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role && SIDE_ROLES.has(role)) return true;
  return SIDE_CONTENT_WORDS.test(`${el.id} ${el.getAttribute('class') ?? ''}`);
}

/**
 * The smallest element that holds nearly all of the page's prose: start at <body> and step into
 * the child holding most of it while that child holds at least ROOT_SHARE of what is in play.
 * Prose in side content (navigation, asides, comments, pop-ups) does not count beside a child
 * with real prose, so a comment thread longer than the article does not pull the root up; prose
 * under many links (teaser lists) counts less.
 */
export function findArticleRoot(body: Element, measure: TextMeasure): Element | null {
  if (measure.of(body).bodyChars < MIN_BODY_CHARS) return null;
  let current = body;
  for (;;) {
    const children = [...current.children].filter((c) => measure.of(c).bodyChars > 0);
    const side = children.map(isSideContent);
    const mainProse = children.some((c, i) => !side[i] && measure.of(c).bodyChars >= MIN_BODY_CHARS);
    // Prose of the current element that no child holds (text directly in it).
    let total = measure.of(current).bodyChars;
    for (const c of children) total -= measure.of(c).bodyChars;
    let best: Element | null = null;
    let bestWeight = 0;
    children.forEach((child, i) => {
      const own = measure.of(child).bodyChars * (1 - measure.linkDensity(child));
      const weight = side[i] ? (mainProse ? 0 : own * SIDE_CONTENT_DISCOUNT) : own;
      total += weight;
      if (weight > bestWeight) {
        best = child;
        bestWeight = weight;
      }
    });
    const next: Element | null = best;
    if (!next || bestWeight < ROOT_SHARE * total || measure.of(next).bodyChars < MIN_BODY_CHARS) return current;
    current = next;
  }
}

/** The article's title: the h1 nearest the root (inside it or before it) that is not in a nav or aside. */
export function findTitleElement(doc: Document, root: Element | null): Element | null {
  const candidates = [...doc.querySelectorAll('h1, [itemprop="headline"]')].filter(
    (h) => !h.closest('nav, aside, footer') && (h.textContent ?? '').trim() !== '',
  );
  if (candidates.length === 0) return null;
  if (!root) return candidates[0]!;
  const inside = candidates.find((h) => root.contains(h));
  if (inside) return inside;
  // The last title before the root in document order.
  let before: Element | null = null;
  for (const h of candidates) {
    if (h.compareDocumentPosition(root) & 4 /* FOLLOWING */) before = h;
  }
  return before ?? candidates[0]!;
}

/** Elements looked at after the title when searching for the byline. */
export const BYLINE_SEARCH_LIMIT = 300;

/**
 * Byline, date and author elements of the article: the small ones that follow the title, up to
 * the root (or BYLINE_SEARCH_LIMIT elements), and those beside the title in its own header.
 */
export function findBylineElements(title: Element | null, root: Element): Element[] {
  if (!title) return [];
  const found = new Set<Element>();
  const isByline = (el: Element) => el.matches(BYLINE_SELECTOR) && (el.textContent ?? '').length <= 200;
  const doc = title.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 0x1);
  walker.currentNode = title;
  for (let n = 0, node = walker.nextNode(); node && n < BYLINE_SEARCH_LIMIT; n++, node = walker.nextNode()) {
    const el = node as Element;
    if (el === root || el.contains(root)) break;
    if (isByline(el)) found.add(el);
  }
  const head = title.parentElement;
  if (head && head !== root && !head.contains(root) && head.children.length <= 20) {
    for (const el of head.querySelectorAll('*')) if (isByline(el)) found.add(el);
  }
  return [...found];
}

export function commonAncestor(a: Element, b: Element): Element | null {
  for (let el: Element | null = a; el; el = el.parentElement) if (el.contains(b)) return el;
  return null;
}

export interface FirstLook {
  verdict: 'not-article' | 'article' | 'unsure';
  /** The evidence, weighed, largest first, then the verdict. */
  reasons: string[];
  /** The cheap model's probability that the page is an article (settled early: the most it could be). */
  p: number;
  kind: PageKind;
  features: Features<CheapFeature>;
  /**
   * Settled before every feature was read (firstLook's `settle`): the verdict is the one all the
   * features give, but p is a bound, and reasons and kind are not weighed; firstLook without
   * `settle` weighs them.
   */
  settledEarly?: boolean;
}

/**
 * The cheap look, before any walk over the text: metadata (JSON-LD, Open Graph, article:*
 * meta, microdata), the URL and a few selector counts, weighed by the cheap model. "not-article"
 * settles a page at once (leave it alone); "article" and "unsure" go on to detectArticle's text
 * measure, which also finds the root. `url` is the page's address (the browser's location); when
 * absent, the canonical link or og:url stands in. With `settle`, the features are read cheapest
 * first and the look stops as soon as the rest could not lift the page out of "not-article" (the
 * class scan, the costliest, is left unread on most pages that are not articles): the same
 * verdict, for less, and the reasons are left to a second look when someone asks for them.
 */
export function firstLook(doc: Document, url?: string, settle = false): FirstLook {
  const known: Partial<Features<CheapFeature>> = {};
  for (const group of cheapFeatureGroups(doc, url)) {
    const p = settle ? sigmoid(highestScore(FIRST_LOOK_MODEL, CHEAP_NAMES, known)) : 1;
    if (p < FIRST_LOOK_NOT_ARTICLE) {
      const reasons = [`first look: p(article) at most ${p.toFixed(3)}: not-article, settled early`];
      return {
        verdict: 'not-article',
        reasons,
        p,
        kind: 'other',
        features: known as Features<CheapFeature>,
        settledEarly: true,
      };
    }
    Object.assign(known, group());
  }
  const features = known as Features<CheapFeature>;
  const w = weigh(FIRST_LOOK_MODEL, CHEAP_NAMES, features);
  const verdict = w.p < FIRST_LOOK_NOT_ARTICLE ? 'not-article' : w.p > FIRST_LOOK_ARTICLE ? 'article' : 'unsure';
  const reasons = [...w.reasons, `first look: p(article) ${w.p.toFixed(3)}: ${verdict}`];
  return { verdict, reasons, p: w.p, kind: verdict === 'article' ? 'article' : w.kind, features };
}

/** The text features, from the measure of <body> and the root found in it (titleHeadline: when already read). */
export function textFeatures(
  doc: Document,
  measure: TextMeasure,
  root: Element | null,
  titleHeadline = hasTitleHeadline(doc) ? 1 : 0,
): Features<TextFeature> {
  const body = measure.of(measure.scope);
  const prose = root ? measure.of(root).bodyChars : 0;
  return {
    rootShare: body.bodyChars > 0 ? prose / body.bodyChars : 0,
    longestRun: logCount(measure.longestRun),
    proseShare: body.chars > 0 ? body.bodyChars / body.chars : 0,
    runShare: body.bodyChars > 0 ? Math.min(1, measure.longestRun / body.bodyChars) : 0,
    titleHeadline,
    proseDepth: root ? proseDepth(measure, root) : 0,
    repeatedItems: repeatedItemsShare(measure),
  };
}

/**
 * The most the text features that grow with the text can reach once the walk ends, from what it
 * has counted so far and at most `rest` characters still to come. New characters can all be prose
 * (with those of the paragraph being read), and prose can only lengthen a run: so the page's prose
 * is at most bodyChars + unjudged + rest, its longest run longestRun + unjudged + rest, and the two
 * shares at most what they are when all of it comes (each share only grows as more prose comes, since
 * prose <= text and a run <= prose). rootShare is at most 1; proseDepth and repeatedItems are >= 0.
 */
export function textFeatureCaps(progress: WalkProgress, rest: number): Partial<Features<TextFeature>> {
  const { chars, bodyChars, unjudged, longestRun } = progress;
  const prose = bodyChars + unjudged + rest;
  const run = longestRun + unjudged + rest;
  return {
    rootShare: 1,
    longestRun: logCount(run),
    proseShare: chars + rest > 0 ? Math.min(1, prose / (chars + rest)) : 0,
    runShare: prose > 0 ? Math.min(1, run / prose) : 0,
  };
}

/**
 * Margin of the settling bound: the bound and the score add up their terms in the same order, but
 * the caps' floating-point arithmetic differs from the features'; far below any real gap.
 */
const SETTLE_MARGIN = 1e-9;

/**
 * A watch on detection's walk that says when the full model cannot take the page for an article
 * whatever the rest of the walk finds: its prose is already too short for a root, or the highest
 * score the features allow is under ARTICLE_P (highestScore, with the text features that grow
 * capped by textFeatureCaps, and repeatedItems at least the share of the largest group of items
 * whose parent the walk has left, of all the text there can be). `textLength` is the most
 * characters the walk can read (scriptFreeLength of the body). `bound` is the settling bound once
 * settled: the most p(article) could be.
 */
export class WalkSettle implements WalkWatch {
  bound: number | null = null;
  /** Item groups by parent index, while the parent is open. */
  private readonly open = new Map<number, Map<string, ItemGroup>>();
  /** Text of the largest group of items whose parent has been left. */
  private closed = 0;

  constructor(
    private readonly known: Partial<Features<Feature>>,
    private readonly textLength: number,
  ) {}

  left(measure: TextMeasure, i: number, stats: ElementStats): void {
    const name = itemGroupName(measure, i, stats);
    if (!name) return;
    const parent = measure.parents[i]!;
    const siblings = this.open.get(parent) ?? new Map<string, ItemGroup>();
    this.open.set(parent, siblings);
    addItem(siblings, name, stats);
  }

  /** Closes the groups whose parent the walk has left: those not on the path to the element it is in. */
  private closeGroups(measure: TextMeasure, at: number): void {
    const path = new Set<number>();
    for (let i = at; i >= 0; i = measure.parents[i]!) path.add(i);
    for (const [parent, groups] of this.open) {
      if (path.has(parent)) continue;
      this.closed = Math.max(this.closed, largestGroup(groups.values()));
      this.open.delete(parent);
    }
  }

  /**
   * The highest score the full model can give the page from what the walk has read so far; minus
   * infinity when the page can no longer hold enough prose for a root.
   */
  highest(measure: TextMeasure, progress: WalkProgress): number {
    this.closeGroups(measure, progress.at);
    const rest = Math.max(0, this.textLength - progress.rawSeen);
    if (progress.bodyChars + progress.unjudged + rest < MIN_BODY_CHARS) return Number.NEGATIVE_INFINITY;
    const text = progress.chars - progress.linkChars + rest;
    const least = { repeatedItems: text > 0 ? this.closed / text : 0 };
    return highestScore(PAGE_MODEL, FEATURE_NAMES, this.known, textFeatureCaps(progress, rest), least);
  }

  settled(measure: TextMeasure, progress: WalkProgress): boolean {
    const p = sigmoid(this.highest(measure, progress) + SETTLE_MARGIN);
    if (p >= ARTICLE_P) return false;
    this.bound = p;
    return true;
  }
}

/** Tags of the items that threads, listings and shops repeat: posts, cards, tiles, rows. */
const ITEM_TAGS = tagSet('div li article section tr table dl ul ol aside');
/** An item holds at least this much text outside links… */
const MIN_ITEM_CHARS = 30;
/** …and a group of items at least this many of them. */
const MIN_ITEMS = 3;
/** A post or a card holds at most this many paragraphs of prose; a section of an article more. */
const MAX_ITEM_PARAGRAPHS = 2;

/** A group of alike siblings: how many items, how many of them short, and their text outside links. */
interface ItemGroup {
  items: number;
  short: number;
  chars: number;
}

/** Whether element `i` has the shape of an item (two or more children, an item tag), before its text is asked. */
function mayBeItem(measure: TextMeasure, i: number): boolean {
  return measure.childCounts[i]! >= 2 && ITEM_TAGS.has(measure.tags[i]!);
}

/** The group of element `i` (its tag and class, digits aside) when it is an item, else null. */
function itemGroupName(measure: TextMeasure, i: number, s: ElementStats): string | null {
  if (!mayBeItem(measure, i) || s.chars - s.linkChars < MIN_ITEM_CHARS) return null;
  return `${measure.tags[i]} ${(measure.attr(measure.elements[i]!, 'class') ?? '').replace(/\d+/g, '')}`;
}

/** Counts an item of that stats in its group. */
function addItem(groups: Map<string, ItemGroup>, name: string, s: ElementStats): void {
  const g = groups.get(name) ?? { items: 0, short: 0, chars: 0 };
  g.items++;
  if (s.paragraphs <= MAX_ITEM_PARAGRAPHS) g.short++;
  g.chars += s.chars - s.linkChars;
  groups.set(name, g);
}

/** The text of the largest group of enough items, most of them short (0: none). */
function largestGroup(groups: Iterable<ItemGroup>): number {
  let best = 0;
  for (const g of groups) if (g.items >= MIN_ITEMS && 2 * g.short > g.items && g.chars > best) best = g.chars;
  return best;
}

/**
 * Share of the page's text (outside links) in its largest group of alike items: siblings of one
 * tag and class (digits aside), each holding two or more elements and MIN_ITEM_CHARS of text, most
 * of them MAX_ITEM_PARAGRAPHS paragraphs or fewer. The posts of a thread, result cards and
 * product tiles are such groups; the paragraphs of one article are not (a paragraph is no
 * composite), nor its sections (many paragraphs each). From the measure's arrays.
 */
function repeatedItemsShare(measure: TextMeasure): number {
  const page = measure.of(measure.scope);
  const text = page.chars - page.linkChars;
  if (text <= 0) return 0;
  const groups = new Map<string, ItemGroup>();
  for (let i = 1; i < measure.elements.length; i++) {
    // mayBeItem, written out: this loop runs over every element of the page.
    if (measure.childCounts[i]! < 2 || !ITEM_TAGS.has(measure.tags[i]!)) continue;
    const s = measure.of(measure.elements[i]!);
    const name = itemGroupName(measure, i, s);
    if (name) addItem(groups, `${measure.parents[i]} ${name}`, s);
  }
  return largestGroup(groups.values()) / text;
}

/** Characters of a title or headline compared (lower case, letters and digits only). */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Headline characters under which an h1 is a logo or a label rather than a headline. */
const MIN_HEADLINE_CHARS = 12;

/**
 * An h1 or h2 whose text the page's title (or og:title) holds, not a link nor in navigation: the
 * page is about one headline. Many sites give their logo the h1 and the story's headline an h2; a
 * listing's h2s are links to other pages.
 */
function hasTitleHeadline(doc: Document): boolean {
  const titles = [doc.title, doc.querySelector('meta[property="og:title" i]')?.getAttribute('content') ?? ''].map(
    squash,
  );
  for (const h of doc.querySelectorAll('h1,h2')) {
    if (h.closest('a,nav,aside,footer')) continue;
    const text = squash(h.textContent ?? '');
    if (
      text.length >= MIN_HEADLINE_CHARS &&
      titles.some((t) => t.includes(text) || (t.length >= MIN_HEADLINE_CHARS && text.includes(t)))
    )
      return true;
  }
  return false;
}

/** Mean depth below the root of its prose blocks, weighted by their characters (log scale). */
function proseDepth(measure: TextMeasure, root: Element): number {
  const r = measure.indexOf(root);
  let sum = 0;
  let weight = 0;
  for (const b of measure.blocks) {
    let i = measure.indexOf(b.element);
    if (i < r || i >= measure.ends[r]!) continue;
    const s = measure.of(b.element);
    if (s.paragraphs === 0) continue;
    let depth = 0;
    while (i > r) {
      i = measure.parents[i]!;
      depth++;
    }
    sum += depth * s.bodyChars;
    weight += s.bodyChars;
  }
  return weight > 0 ? Math.log1p(sum / weight) : 0;
}

/**
 * Is this page an article? The first look settles most non-articles from metadata alone; the
 * rest are measured (one walk over the text) and weighed by the full model, cheap and text
 * evidence together. Every piece of evidence that moved the score is a reason for --explain.
 */
export function detectArticle(doc: Document, url?: string, force = false): ArticleResult {
  return runSteps(detectArticleSteps(doc, url, force, () => false));
}

/**
 * detectArticle in slices: it yields after the first look and inside the walk whenever `pause`
 * says so, and the caller may give the main thread back before resuming it. Same verdict. With
 * `settle`, a page the first look settles early comes back with `settledEarly` and unweighed
 * reasons (firstLook's `settle`); readPageSteps' `PageRead.explain` weighs them when they are asked for.
 */
export function* detectArticleSteps(
  doc: Document,
  url: string | undefined,
  force: boolean,
  pause: () => boolean,
  settle = false,
): Generator<void, ArticleResult> {
  const body = doc.body;
  const lang = detectLang(doc);
  const base = { title: doc.title.trim(), site: doc.location?.hostname ?? '', lang };
  const none = { root: null, titleElement: null };
  if (!body)
    return { ...base, ...none, isArticle: false, reasons: ['no <body>'], score: 0, kind: 'other', confidence: 0 };

  const look = firstLook(doc, url, settle && !force);
  if (look.verdict === 'not-article' && !force) {
    const score = Math.log(look.p / (1 - look.p));
    return {
      ...base,
      ...none,
      isArticle: false,
      reasons: look.reasons,
      score,
      kind: look.kind,
      confidence: look.p,
      settledEarly: look.settledEarly,
    };
  }
  if (pause()) yield;
  // With `settle`, the walk of a page the first look is unsure of stops as soon as the page cannot
  // be an article whatever it finds next. (On a page the first look takes for an article the full
  // model nearly always agrees: none of the 301 labelled pages settled there, so it is not watched.)
  const titleHeadline = hasTitleHeadline(doc) ? 1 : 0;
  const watch =
    settle && !force && look.verdict === 'unsure'
      ? new WalkSettle({ ...look.features, titleHeadline }, scriptFreeLength(body))
      : undefined;
  const measure = new TextMeasure(body, undefined, pause, watch);
  yield* measure.steps;
  if (watch?.bound != null) {
    const p = watch.bound;
    return {
      ...base,
      ...none,
      isArticle: false,
      reasons: [`p(article) at most ${p.toFixed(3)}: not an article, settled during the walk`],
      score: Math.log(p / (1 - p)),
      kind: 'other',
      confidence: p,
      settledEarly: true,
    };
  }
  if (pause()) yield;
  const root = findArticleRoot(body, measure);
  if (pause()) yield;
  const w = weigh(PAGE_MODEL, FEATURE_NAMES, { ...look.features, ...textFeatures(doc, measure, root, titleHeadline) });
  if (pause()) yield;
  const isArticle = (force || w.p >= ARTICLE_P) && root !== null;
  const reasons = [...w.reasons];
  if (force) reasons.push('forced: "Run anyway" on this site');
  if (!root) reasons.push(`no prose root (< ${MIN_BODY_CHARS} chars of paragraphs)`);
  reasons.push(
    `p(article) ${w.p.toFixed(3)} ${w.p >= ARTICLE_P ? '>=' : '<'} ${ARTICLE_P}: ${isArticle ? 'article' : 'not an article'}`,
  );
  const finalRoot = isArticle ? root : null;
  return {
    ...base,
    isArticle,
    reasons,
    score: Math.log(w.p / (1 - w.p)),
    kind: isArticle ? 'article' : w.kind === 'article' ? 'other' : w.kind,
    confidence: w.p,
    root: finalRoot,
    titleElement: finalRoot ? findTitleElement(doc, finalRoot) : null,
    measure,
  };
}
