// Is this page an article, and where is its main content? Document in, plain data out.
// Signals are weighed below (tune them there); every signal that fires adds a reason for --explain.

import { TextMeasure } from './article-measure';
import { SIDE_CONTENT_WORDS } from './lexicon/clutter';
import { isProbablyReaderable } from './readerable';
import type { ArticleVerdict, Lang } from './types';

export interface ArticleResult extends ArticleVerdict {
  /** The element holding the article body, or null when the page is not an article. */
  root: Element | null;
  /** The article's title (its h1, usually), when found. */
  titleElement: Element | null;
  /** Text measurements of <body>; pass them to findClutterBlocks to save a second pass. */
  measure?: TextMeasure;
}

/** Weights of the signals; a page is an article when they add up to ARTICLE_THRESHOLD. */
export const ARTICLE_WEIGHTS = {
  /** The publisher declares NewsArticle/Article/… in JSON-LD: the strongest single signal. */
  jsonLdArticle: 3,
  /** schema.org Article microdata (itemtype) or an itemprop=articleBody element. */
  microdataArticle: 2,
  /** og:type=article: common, but also set on some section pages. */
  ogArticle: 1,
  /** Readability's isProbablyReaderable: enough long visible paragraphs. */
  readerable: 2,
  /** The body root holds a long run of prose (LONG_BODY_CHARS). */
  longBody: 1,
  /** The prose sits in one <article> or <main> element. */
  articleElement: 1,
  /** The root holds most of the page's prose in several paragraphs: one text, not many teasers. */
  concentratedProse: 1,
  /** Many linked headlines and no run of paragraphs: a section front or home page. */
  headlineCards: -4,
  /** JSON-LD says the page is a collection, a search result page or an application. */
  jsonLdNonArticle: -2,
  /** The URL is a search (…/search…, ?q=, ?s=). */
  searchUrl: -3,
  /** Many form fields and little prose: a web app, a log-in or checkout page. */
  formHeavy: -3,
} as const;

export const ARTICLE_THRESHOLD = 3;

/** Prose characters under which there is no article body at all. */
export const MIN_BODY_CHARS = 250;
/** Prose characters of a long article body. */
export const LONG_BODY_CHARS = 1500;
/** Descend into a child while it holds at least this share of its parent's prose. */
export const ROOT_SHARE = 0.85;
/** Prose in navigation, asides, footers and comment threads counts this much when finding the root. */
export const SIDE_CONTENT_DISCOUNT = 0.1;
/** Linked headlines from which a page may be a section front or a home page. */
export const MIN_PAGE_HEADLINES = 8;
/** … when no run of paragraphs side by side is longer than this: teasers, not a text. */
export const FRONT_MAX_RUN_CHARS = 700;
/** Form fields from which a page with little prose is an app or a form. */
export const MIN_FORM_FIELDS = 8;
/** Prose under which a page full of form fields is an app. */
export const FORM_PAGE_PROSE_CHARS = 600;
/** Share of the page's prose the root holds when the prose is one text. */
export const CONCENTRATED_SHARE = 0.6;
/** Paragraphs the root holds when the prose is one text. */
export const MIN_ROOT_PARAGRAPHS = 3;

const ARTICLE_LD_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'SatiricalArticle',
  'ScholarlyArticle',
  'TechArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'SocialMediaPosting',
  'Report',
]);
const NON_ARTICLE_LD_TYPES = new Set([
  'CollectionPage',
  'ItemList',
  'SearchResultsPage',
  'WebApplication',
  'SoftwareApplication',
  'ProfilePage',
  'Product',
]);

const SIDE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM']);
const SIDE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner']);
const SEARCH_URL = /\/search\b|[?&](q|query|s|search|searchterm)=/i;
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

/** All @type values in the page's JSON-LD, through @graph and nested arrays. */
export function jsonLdTypes(doc: Document): Set<string> {
  const types = new Set<string>();
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const obj = node as Record<string, unknown>;
    const t = obj['@type'];
    for (const name of Array.isArray(t) ? t : [t]) {
      if (typeof name === 'string') types.add(name.replace(/^https?:\/\/schema\.org\//, ''));
    }
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common; it is simply no evidence.
    }
  }
  return types;
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

export function detectArticle(doc: Document): ArticleResult {
  const reasons: string[] = [];
  let score = 0;
  const add = (name: keyof typeof ARTICLE_WEIGHTS, detail: string) => {
    const w = ARTICLE_WEIGHTS[name];
    score += w;
    reasons.push(`${w > 0 ? '+' : ''}${w} ${detail}`);
  };

  const body = doc.body;
  const lang = detectLang(doc);
  const base = { title: doc.title.trim(), site: doc.location?.hostname ?? '', lang };
  if (!body) return { ...base, isArticle: false, reasons: ['no <body>'], score: 0, root: null, titleElement: null };

  const types = jsonLdTypes(doc);
  const articleType = [...types].find((t) => ARTICLE_LD_TYPES.has(t));
  if (articleType) add('jsonLdArticle', `JSON-LD @type ${articleType}`);
  else {
    const other = [...types].find((t) => NON_ARTICLE_LD_TYPES.has(t));
    if (other) add('jsonLdNonArticle', `JSON-LD @type ${other}, no article type`);
  }
  if (doc.querySelector('[itemtype*="schema.org/" i][itemtype*="Article" i], [itemprop="articleBody"]')) {
    add('microdataArticle', 'schema.org Article microdata');
  }
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  if (ogType === 'article') add('ogArticle', 'og:type=article');
  if (isProbablyReaderable(doc)) add('readerable', 'Readability isProbablyReaderable');

  const measure = new TextMeasure(body);
  const root = findArticleRoot(body, measure);
  const prose = root ? measure.of(root).bodyChars : 0;
  if (prose >= LONG_BODY_CHARS) add('longBody', `${prose} chars of prose in the root`);
  const container = root?.closest('article, main, [role="main"]');
  if (container) add('articleElement', `root in <${container.tagName.toLowerCase()}>`);

  const paragraphs = root ? measure.of(root).paragraphs : 0;
  const all = measure.of(body).bodyChars;
  if (paragraphs >= MIN_ROOT_PARAGRAPHS && prose >= CONCENTRATED_SHARE * all) {
    add('concentratedProse', `root holds ${Math.round((100 * prose) / all)}% of the prose in ${paragraphs} paragraphs`);
  }

  // The two counts below are made only when the cheap condition beside them leaves the signal open.
  // Linked headlines: the h2-h4 below <body>, from the measure's arrays (no querySelectorAll).
  let cards = 0;
  if (measure.longestRun < FRONT_MAX_RUN_CHARS)
    measure.elements.forEach((h, i) => {
      const s = measure.of(h);
      if (/^h[234]$/i.test(measure.tags[i]!) && s.chars >= 15 && s.linkChars >= 0.8 * s.chars) cards++;
    });
  if (cards >= MIN_PAGE_HEADLINES) {
    add('headlineCards', `${cards} linked headlines, longest run of paragraphs ${measure.longestRun} chars`);
  }
  if (SEARCH_URL.test(doc.location?.href ?? '')) add('searchUrl', 'search URL');
  const fields =
    prose < FORM_PAGE_PROSE_CHARS ? body.querySelectorAll('input:not([type="hidden"]), select, textarea').length : 0;
  if (fields >= MIN_FORM_FIELDS) add('formHeavy', `${fields} form fields, ${prose} chars of prose`);

  const isArticle = score >= ARTICLE_THRESHOLD && root !== null;
  if (!root) reasons.push(`no prose root (< ${MIN_BODY_CHARS} chars of paragraphs)`);
  reasons.push(
    `score ${score} ${isArticle ? '>=' : '<'} ${ARTICLE_THRESHOLD}: ${isArticle ? 'article' : 'not an article'}`,
  );
  const finalRoot = isArticle ? root : null;
  return {
    ...base,
    isArticle,
    reasons,
    score,
    root: finalRoot,
    titleElement: finalRoot ? findTitleElement(doc, finalRoot) : null,
    measure,
  };
}
