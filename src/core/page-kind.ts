// What kind of page is this? Evidence both ways, as named numeric features, weighed by a small
// logistic model fitted on labelled pages (`npm run train:detect` writes page-kind-model.ts).
// Pure: reads the Document, returns plain data. Two feature sets: the cheap ones (metadata, URL,
// a few selector counts) that firstLook weighs before any walk over the text, and the ones that
// need the text measure of article.ts.
import { sigmoid } from './logistic';
import { isProbablyReaderable } from './readerable';

/** A guess of what the page is, for the popup's "why not" line and for --explain. */
export type PageKind =
  | 'article'
  | 'reference'
  | 'product'
  | 'forum'
  | 'docs'
  | 'search'
  | 'listing'
  | 'app'
  | 'home'
  | 'other';

/**
 * Evidence read without walking the text: metadata, the URL and a few selector counts. Each
 * feature names the kind of page it points to when it counts against an article (0: it is article
 * evidence); what each one
 * reads is said in page-kind-explain.ts (kept out of the content script) and docs/declutter.md.
 */
export const CHEAP_FEATURES = {
  ldArticle: 0,
  ldCommerce: 'product',
  ldDiscussion: 'forum',
  ldCollection: 'listing',
  ldMediaApp: 'app',
  ogArticle: 0,
  ogOther: 'other',
  publishedMeta: 0,
  microdataArticle: 0,
  microdataOther: 'product',
  datedUrl: 0,
  rootUrl: 'home',
  searchUrl: 'search',
  shopSigns: 'product',
  formFields: 'app',
  codeBlocks: 'docs',
  tables: 'listing',
  oneArticleElement: 0,
  bylineSigns: 0,
  authorMarks: 'forum',
  readerable: 0,
} as const satisfies Record<string, PageKind | 0>;

/** Evidence from the text measure: the body of prose and how the page's text is laid out. */
export const TEXT_FEATURES = {
  rootShare: 0,
  longestRun: 0,
  proseShare: 0,
  runShare: 'forum',
  titleHeadline: 0,
  proseDepth: 'forum',
  repeatedItems: 'listing',
} as const satisfies Record<string, PageKind | 0>;

export type CheapFeature = keyof typeof CHEAP_FEATURES;
export type TextFeature = keyof typeof TEXT_FEATURES;
export type Feature = CheapFeature | TextFeature;
export type Features<K extends string> = Record<K, number>;
/** The first look's features in model order. */
export const CHEAP_NAMES = Object.keys(CHEAP_FEATURES) as CheapFeature[];
/** All features in model order: the cheap ones, then the text ones. */
export const FEATURE_NAMES = [...CHEAP_NAMES, ...(Object.keys(TEXT_FEATURES) as TextFeature[])];

/**
 * A logistic model over named features: p(article) = 1 / (1 + e^-(bias + Σ weight·value)), the
 * weights in the order of the feature names it is fitted on (CHEAP_NAMES or FEATURE_NAMES).
 */
export interface PageKindModel {
  bias: number;
  weights: readonly number[];
}

export interface Weighed {
  /** Probability that the page is an article. */
  p: number;
  /** Every feature that moved the score, largest first, e.g. "+1.92 ogArticle". */
  reasons: string[];
  /** The kind the strongest evidence against an article points to (or 'article'). */
  kind: PageKind;
}

/** Kind each feature points to when it counts against an article; 0: it is article evidence. */
const FEATURE_KIND: Record<Feature, PageKind | 0> = { ...CHEAP_FEATURES, ...TEXT_FEATURES };
/** Contributions smaller than this are noise in --explain. */
const MIN_REASON_WEIGHT = 0.05;

export function weigh<K extends Feature>(model: PageKindModel, names: readonly K[], features: Features<K>): Weighed {
  let z = model.bias;
  const parts: { name: K; c: number }[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const c = (model.weights[i] ?? 0) * features[name];
    z += c;
    if (Math.abs(c) >= MIN_REASON_WEIGHT) parts.push({ name, c });
  }
  parts.sort((a, b) => Math.abs(b.c) - Math.abs(a.c));
  const reasons = parts.map(({ name, c }) => `${c > 0 ? '+' : ''}${c.toFixed(2)} ${name}`);
  reasons.push(`${model.bias.toFixed(2)} prior`);
  // The kind: the strongest evidence against an article that names one ("other" only when none does).
  const against = parts.filter((x) => x.c < 0 && FEATURE_KIND[x.name]);
  const named = against.find((x) => FEATURE_KIND[x.name] !== 'other') ?? against[0];
  const p = sigmoid(z);
  return { p, reasons, kind: p >= 0.5 ? 'article' : named ? (FEATURE_KIND[named.name] as PageKind) : 'other' };
}

// schema.org types by what they say of the page, as patterns: every *Article type (NewsArticle,
// TechArticle, OpinionNewsArticle, …), every *Application, Music* and *Event type.
const ARTICLE_LD_TYPES = /Article$|^(BlogPosting|LiveBlogPosting|Report)$/;
const COMMERCE_LD_TYPES = /^(Product|ProductGroup|IndividualProduct|Offer|AggregateOffer|Store)$/;
const DISCUSSION_LD_TYPES = /^(DiscussionForumPosting|QAPage|Question|Answer|FAQPage)$/;
const COLLECTION_LD_TYPES = /^(CollectionPage|ItemList|SearchResultsPage)$/;
const MEDIA_APP_LD_TYPES = /Application$|^Music|Event$|^(ProfilePage|VideoGame|Movie|TVSeries)$/;

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
    // Nested objects too: a MusicAlbum's Offer, an ItemList's Products, a WebPage's mainEntity.
    for (const key of Object.keys(obj)) if (key !== '@context') visit(obj[key], depth + 1);
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

const PUBLISHED_META =
  'meta[property^="article:" i],meta[name="pubdate" i],meta[name="publishdate" i],meta[name="date" i],meta[name="dc.date" i],meta[name="parsely-pub-date" i],meta[name="sailthru.date" i],[itemprop="datePublished"]';
const MICRODATA_ARTICLE =
  '[itemtype*="schema.org/"][itemtype*="Article"],[itemtype*="BlogPosting"],[itemprop="articleBody"]';
const MICRODATA_OTHER =
  '[itemtype*="schema.org/Product"],[itemtype*="Offer"],[itemtype*="schema.org/SearchResultsPage"],[itemtype*="schema.org/DiscussionForumPosting"],[itemtype*="schema.org/Question"]';
// Substring matches that ignore case (`[class*="price" i]`) are the slow kind of selector: in
// Chromium about four times a case-sensitive one, on every element with the attribute, and the
// class attribute is on most. So the class parts of the shop and author selectors are read
// once, in JS (the class scan of cheapFeatureGroups); the selector engine does the rest, on
// rarer attributes. Counts and verdicts are those of the whole selectors: the regexes are ASCII case-insensitive, as CSS's `i`
// is (without the `u` flag a regex folds no non-ASCII letter onto an ASCII one), and an element
// that two parts match is counted once.
/** Shop signs: these, and [class*="price" i], [class*="cart" i], [class*="basket" i]. */
const SHOP_SIGNS =
  '[itemprop="price"],[id*="price" i],[id*="cart" i],[name*="cart" i],[action*="cart" i],[href*="checkout" i]';
const SHOP_CLASS = /price|cart|basket/i;
const BYLINE_SIGNS = '[rel~="author"],[class*="byline" i], time[datetime],[itemprop~="author"]';
/** Marks of who wrote what: one on an article, many on a thread of posts by many people. */
const AUTHOR_MARKS = '[itemprop~="author"],[data-author]';
/** …and [class*="author" i], [class*="username" i], [class*="user-name" i], [class*="poster" i]. */
const AUTHOR_CLASS = /author|user-?name|poster/i;

const FORM_FIELDS = 'input:not([type="hidden"]),select,textarea';
/** The site's own chrome: its search box, login and newsletter fields there are on every page. */
const SITE_CHROME = 'header,nav,footer,aside,[role="search"],[role="banner"],[role="navigation"]';

/** A date in a URL path: /2019/05/12/, /2019/05/, /2019-05-12, /20190512. */
const DATED_PATH =
  /\/(19|20)\d\d[/-](0?[1-9]|1[0-2])([/-]|$)|[/_-](19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([/_.-]|$)/;
const SEARCH_URL = /\/search\b|[?&](q|query|s|search|searchterm|keyword)=/i;

/** log(1 + n): counts matter in orders of magnitude, and one huge page should not dominate. */
export function logCount(n: number): number {
  return Math.log1p(n);
}

/**
 * The page's own address: the URL given or the document's own when it is a real one (the
 * browser's), else the canonical link or og:url the page declares (saved pages, the CLI, where
 * the document's address is localhost); null when none is known.
 */
export function pageUrl(doc: Document, url?: string): URL | null {
  // Read in turn: a page with a real address (every page in the browser) needs no query.
  const candidates = [
    () => url,
    () => doc.location?.href,
    () => doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    () => doc.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const c = candidate();
    if (!c) continue;
    try {
      const u = new URL(c.trim(), 'http://unknown.invalid/');
      if (u.hostname !== 'localhost' && u.protocol.startsWith('http')) return u;
    } catch {
      // Not a URL: no evidence.
    }
  }
  return null;
}

/**
 * The cheap features in groups, cheapest first: head metadata, the URL and selector counts;
 * Readability's readerable check; the class scan, in parts of 128 elements. A
 * group is read when it is called, so firstLook can stop before the costly ones once the verdict
 * cannot change (settledEarly). Every value is the same whichever groups are read, but the two
 * counts of the class scan, which each part gives as they stand so far (never over the final
 * ones, reached with its last part).
 */
export function* cheapFeatureGroups(doc: Document, url?: string): Generator<() => Partial<Features<CheapFeature>>> {
  yield () => {
    const types = jsonLdTypes(doc);
    const hasType = (re: RegExp) => ([...types].some((t) => re.test(t)) ? 1 : 0);
    const ogType = doc.querySelector('meta[property="og:type" i]')?.getAttribute('content')?.trim().toLowerCase();
    const u = pageUrl(doc, url);
    const path = u?.pathname ?? '';
    return {
      ldArticle: hasType(ARTICLE_LD_TYPES),
      ldCommerce: hasType(COMMERCE_LD_TYPES),
      ldDiscussion: hasType(DISCUSSION_LD_TYPES),
      ldCollection: hasType(COLLECTION_LD_TYPES),
      ldMediaApp: hasType(MEDIA_APP_LD_TYPES),
      ogArticle: ogType === 'article' ? 1 : 0,
      // "website" is the default of many site templates and says nothing (on 8 of the 241 saved article
      // pages, 7 of the 60 non-article ones); other types (product, profile, video, music) say what it is.
      // A type of an app's own namespace ("tumblr-feed:entry", "songkick-concerts:artist") names no
      // kind anyone else reads: no evidence either way.
      ogOther: ogType && ogType !== 'article' && ogType !== 'website' && !ogType.includes(':') ? 1 : 0,
      publishedMeta: doc.querySelector(PUBLISHED_META) ? 1 : 0,
      microdataArticle: doc.querySelector(MICRODATA_ARTICLE) ? 1 : 0,
      microdataOther: doc.querySelector(MICRODATA_OTHER) ? 1 : 0,
      datedUrl: u && DATED_PATH.test(path) ? 1 : 0,
      // An http(s) URL's path is never empty: '/' at least.
      rootUrl: u && path === '/' && !u.search ? 1 : 0,
      searchUrl: u && SEARCH_URL.test(`${path}${u.search}`) ? 1 : 0,
      codeBlocks: logCount(doc.querySelectorAll('pre, code').length),
      tables: logCount(doc.getElementsByTagName('table').length),
      oneArticleElement: doc.getElementsByTagName('article').length === 1 ? 1 : 0,
      bylineSigns: doc.querySelector(BYLINE_SIGNS) ? 1 : 0,
      formFields: logCount([...doc.querySelectorAll(FORM_FIELDS)].filter((f) => !f.closest(SITE_CHROME)).length),
    };
  };
  yield () => ({ readerable: isProbablyReaderable(doc) ? 1 : 0 });
  // The class scan: shop signs and author marks, one read of every class attribute. It yields its
  // counts so far every 128 elements: they never exceed the final ones and both only lower the
  // score, so firstLook can settle the page part way through the scan.
  const shop = new Set(doc.querySelectorAll(SHOP_SIGNS));
  const authors = new Set(doc.querySelectorAll(AUTHOR_MARKS));
  const counts = () => ({ shopSigns: logCount(shop.size), authorMarks: logCount(authors.size) });
  let n = 0;
  for (const el of doc.querySelectorAll('[class]')) {
    if (++n % 128 === 0) yield counts;
    const cls = el.getAttribute('class')!;
    if (SHOP_CLASS.test(cls)) shop.add(el);
    if (AUTHOR_CLASS.test(cls)) authors.add(el);
  }
  yield counts;
}

/** The cheap features: head metadata, the URL, and counts of a few selectors. */
export function cheapFeatures(doc: Document, url?: string): Features<CheapFeature> {
  return Object.assign({}, ...[...cheapFeatureGroups(doc, url)].map((group) => group())) as Features<CheapFeature>;
}

/**
 * The cheap features that are counts (logCount, unbounded); every other one is 0 or 1. highestScore
 * can settle the first look early only while each count's weight is <= 0 (a unit test holds every
 * refit to it).
 */
export const COUNT_FEATURES: ReadonlySet<Feature> = new Set([
  'shopSigns',
  'formFields',
  'codeBlocks',
  'tables',
  'authorMarks',
]);

/** Features with no upper bound: the counts, and two text features (a log of characters, a log of a depth). */
const UNBOUNDED: ReadonlySet<Feature> = new Set([...COUNT_FEATURES, 'longestRun', 'proseDepth']);

/**
 * The highest score (log-odds) the model can reach from the features read so far, whatever the
 * others turn out to be: every feature is >= 0, so one not yet read adds at most its weight times
 * its most (`most`, when the caller knows more, else 1 for a 0/1 feature or a share, unbounded for
 * a count) when the weight is positive, and its weight times its least (`least`, else 0) when negative. The first look's counts all weigh
 * <= 0 (a unit test holds every refit to it), so they never stop it from settling.
 */
export function highestScore<K extends Feature>(
  model: PageKindModel,
  names: readonly K[],
  known: Partial<Features<K>>,
  most: Partial<Features<K>> = {},
  least: Partial<Features<K>> = {},
): number {
  let z = model.bias;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const w = model.weights[i] ?? 0;
    const value = known[name];
    if (value !== undefined) z += w * value;
    else if (w > 0) z += w * (most[name] ?? (UNBOUNDED.has(name) ? Number.POSITIVE_INFINITY : 1));
    else if (w < 0) z += w * (least[name] ?? 0);
  }
  return z;
}
