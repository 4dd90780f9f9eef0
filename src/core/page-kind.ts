// What kind of page is this? Evidence both ways, as named numeric features, weighed by a small
// logistic model fitted on labelled pages (`npm run train:detect` writes page-kind-model.ts).
// Pure: reads the Document, returns plain data. Two feature sets: the cheap ones (metadata, URL,
// a few selector counts) that firstLook weighs before any walk over the text, and the ones that
// need the text measure of article.ts.
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

interface FeatureInfo {
  /** What the evidence is, as --explain names it. */
  says: string;
  /** The kind of page this evidence points to when it counts against an article. */
  kind: PageKind;
}

/** Evidence read without walking the text: metadata, the URL and a few selector counts. */
export const CHEAP_FEATURES = {
  ldArticle: { says: 'JSON-LD declares an article type', kind: 'article' },
  ldCommerce: { says: 'JSON-LD declares a product or offer', kind: 'product' },
  ldDiscussion: { says: 'JSON-LD declares a forum post, Q&A or FAQ', kind: 'forum' },
  ldCollection: { says: 'JSON-LD declares a collection, list or search results', kind: 'listing' },
  ldMediaApp: { says: 'JSON-LD declares an app, media item, event or profile', kind: 'app' },
  ogArticle: { says: 'og:type is article', kind: 'article' },
  ogOther: { says: 'og:type is set and is not article', kind: 'app' },
  publishedMeta: { says: 'published-date metadata (article:*, pubdate, datePublished)', kind: 'article' },
  microdataArticle: { says: 'schema.org Article microdata or articleBody', kind: 'article' },
  microdataOther: { says: 'schema.org Product/Offer/… microdata', kind: 'product' },
  datedUrl: { says: 'the URL path holds a date', kind: 'article' },
  rootUrl: { says: 'the URL is a site root', kind: 'home' },
  searchUrl: { says: 'the URL is a search', kind: 'search' },
  shopSigns: { says: 'price and cart elements (log count)', kind: 'product' },
  formFields: { says: 'form fields (log count)', kind: 'app' },
  codeBlocks: { says: 'code blocks (log count)', kind: 'docs' },
  tables: { says: 'tables (log count)', kind: 'listing' },
  oneArticleElement: { says: 'exactly one <article> element', kind: 'article' },
  manyArticleElements: { says: 'several <article> elements (log count)', kind: 'listing' },
  bylineSigns: { says: 'a byline, author link or dated <time>', kind: 'article' },
  authorMarks: { says: 'author/user marks (log count; many: posts by many people)', kind: 'forum' },
  paragraphsPerLink: { says: 'log of <p> elements per link', kind: 'listing' },
  readerable: { says: "Readability's isProbablyReaderable", kind: 'article' },
  paragraphRun: { says: 'log of the longest run of long <p> side by side', kind: 'article' },
} as const satisfies Record<string, FeatureInfo>;

/** Evidence from the text measure: the body of prose and how the page's text is laid out. */
export const TEXT_FEATURES = {
  rootProse: { says: 'log of prose characters in the root', kind: 'article' },
  rootShare: { says: "share of the page's prose in the root", kind: 'article' },
  rootParagraphs: { says: 'log of paragraphs in the root', kind: 'article' },
  longestRun: { says: 'log of the longest run of paragraphs side by side', kind: 'article' },
  linkedHeadlines: { says: 'linked h2-h4 headlines (log count): teasers', kind: 'listing' },
  linkDensity: { says: "share of the page's text inside links", kind: 'listing' },
  proseShare: { says: "share of the page's text that is prose", kind: 'article' },
  rootInArticle: { says: 'the root is in <article> or <main>', kind: 'article' },
  runShare: {
    says: "share of the page's prose in its longest run of paragraphs: one text, not many posts",
    kind: 'forum',
  },
  titleHeadline: { says: 'an h1 that the page title repeats: a headline', kind: 'article' },
  timeElements: { says: '<time> elements (log count; many: posts or a listing)', kind: 'listing' },
  proseDepth: { says: 'how deep below the root its prose sits (posts and cards sit deep)', kind: 'forum' },
} as const satisfies Record<string, FeatureInfo>;

export type CheapFeature = keyof typeof CHEAP_FEATURES;
export type TextFeature = keyof typeof TEXT_FEATURES;
export type Feature = CheapFeature | TextFeature;
export type Features<K extends string> = Record<K, number>;

/** A logistic model over named features: p(article) = 1 / (1 + e^-(bias + Σ weight·value)). */
export interface PageKindModel<K extends string> {
  bias: number;
  weights: Record<K, number>;
}

export interface Weighed {
  /** Probability that the page is an article. */
  p: number;
  /** Every feature that moved the score, largest first, e.g. "+1.92 og:type is article". */
  reasons: string[];
  /** The kind the strongest evidence against an article points to (or 'article'). */
  kind: PageKind;
}

const FEATURE_INFO: Record<Feature, FeatureInfo> = { ...CHEAP_FEATURES, ...TEXT_FEATURES };
/** Contributions smaller than this are noise in --explain. */
const MIN_REASON_WEIGHT = 0.05;

export function weigh<K extends Feature>(model: PageKindModel<K>, features: Features<K>): Weighed {
  let z = model.bias;
  const parts: { name: K; c: number }[] = [];
  for (const name of Object.keys(model.weights) as K[]) {
    const c = model.weights[name] * features[name];
    z += c;
    if (Math.abs(c) >= MIN_REASON_WEIGHT) parts.push({ name, c });
  }
  parts.sort((a, b) => Math.abs(b.c) - Math.abs(a.c));
  const reasons = parts.map(({ name, c }) => `${c > 0 ? '+' : ''}${c.toFixed(2)} ${FEATURE_INFO[name].says}`);
  reasons.push(`${model.bias.toFixed(2)} prior`);
  const against = parts.find((x) => x.c < 0 && FEATURE_INFO[x.name].kind !== 'article');
  const p = 1 / (1 + Math.exp(-z));
  return { p, reasons, kind: p >= 0.5 ? 'article' : against ? FEATURE_INFO[against.name].kind : 'other' };
}

const ARTICLE_LD_TYPES = new Set(
  'Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle BackgroundNewsArticle ReviewNewsArticle AskPublicNewsArticle SatiricalArticle ScholarlyArticle TechArticle BlogPosting LiveBlogPosting Report'.split(
    ' ',
  ),
);
const COMMERCE_LD_TYPES = new Set('Product ProductGroup Offer AggregateOffer Store IndividualProduct'.split(' '));
const DISCUSSION_LD_TYPES = new Set('DiscussionForumPosting QAPage Question Answer FAQPage'.split(' '));
const COLLECTION_LD_TYPES = new Set('CollectionPage ItemList SearchResultsPage'.split(' '));
const MEDIA_APP_LD_TYPES = new Set(
  'WebApplication SoftwareApplication MobileApplication MusicAlbum MusicRecording MusicGroup MusicPlaylist Event MusicEvent SportsEvent ProfilePage VideoGame Movie TVSeries'.split(
    ' ',
  ),
);

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
  'meta[property^="article:" i], meta[name="pubdate" i], meta[name="publishdate" i], meta[name="date" i], meta[name="dc.date" i], meta[name="parsely-pub-date" i], meta[name="sailthru.date" i], meta[itemprop="datePublished"], [itemprop="datePublished"]';
const MICRODATA_ARTICLE =
  '[itemtype*="schema.org/" i][itemtype*="Article" i], [itemtype*="BlogPosting" i], [itemprop="articleBody"]';
const MICRODATA_OTHER =
  '[itemtype*="schema.org/Product" i], [itemtype*="schema.org/Offer" i], [itemtype*="schema.org/AggregateOffer" i], [itemtype*="schema.org/SearchResultsPage" i], [itemtype*="schema.org/DiscussionForumPosting" i], [itemtype*="schema.org/Question" i]';
const SHOP_SIGNS =
  '[itemprop="price"], [class*="price" i], [id*="price" i], [class*="cart" i], [id*="cart" i], [name*="cart" i], [action*="cart" i], [class*="basket" i], [href*="checkout" i]';
const BYLINE_SIGNS = '[rel~="author"], [class*="byline" i], time[datetime], [itemprop~="author"]';
const AUTHOR_MARKS =
  '[itemprop~="author"], [class*="author" i], [class*="username" i], [class*="user-name" i], [data-author], [class*="poster" i]';
const FORM_FIELDS = 'input:not([type="hidden"]), select, textarea';

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
  const candidates = [
    url,
    doc.location?.href,
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ];
  for (const c of candidates) {
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

/** The cheap features: head metadata, the URL, and counts of a few selectors. */
export function cheapFeatures(doc: Document, url?: string): Features<CheapFeature> {
  const types = jsonLdTypes(doc);
  const hasType = (set: Set<string>) => ([...types].some((t) => set.has(t)) ? 1 : 0);
  const ogType = doc.querySelector('meta[property="og:type" i]')?.getAttribute('content')?.trim().toLowerCase();
  const u = pageUrl(doc, url);
  const path = u ? decodeURIComponentSafe(u.pathname) : '';
  const count = (selector: string) => doc.querySelectorAll(selector).length;
  const articles = doc.getElementsByTagName('article').length;
  return {
    ldArticle: hasType(ARTICLE_LD_TYPES),
    ldCommerce: hasType(COMMERCE_LD_TYPES),
    ldDiscussion: hasType(DISCUSSION_LD_TYPES),
    ldCollection: hasType(COLLECTION_LD_TYPES),
    ldMediaApp: hasType(MEDIA_APP_LD_TYPES),
    ogArticle: ogType === 'article' ? 1 : 0,
    ogOther: ogType && ogType !== 'article' ? 1 : 0,
    publishedMeta: doc.querySelector(PUBLISHED_META) ? 1 : 0,
    microdataArticle: doc.querySelector(MICRODATA_ARTICLE) ? 1 : 0,
    microdataOther: doc.querySelector(MICRODATA_OTHER) ? 1 : 0,
    datedUrl: u && DATED_PATH.test(path) ? 1 : 0,
    rootUrl: u && (path === '/' || path === '') && u.search === '' ? 1 : 0,
    searchUrl: u && SEARCH_URL.test(`${path}${u.search}`) ? 1 : 0,
    shopSigns: logCount(count(SHOP_SIGNS)),
    formFields: logCount(count(FORM_FIELDS)),
    codeBlocks: logCount(count('pre, code')),
    tables: logCount(doc.getElementsByTagName('table').length),
    oneArticleElement: articles === 1 ? 1 : 0,
    manyArticleElements: logCount(Math.max(0, articles - 1)),
    bylineSigns: doc.querySelector(BYLINE_SIGNS) ? 1 : 0,
    authorMarks: logCount(count(AUTHOR_MARKS)),
    readerable: isProbablyReaderable(doc) ? 1 : 0,
    paragraphRun: logCount(longestParagraphRun(doc)),
    paragraphsPerLink: Math.log(
      (doc.getElementsByTagName('p').length + 1) / (doc.getElementsByTagName('a').length + 1),
    ),
  };
}

/** A <p> shorter than this is a label or a teaser (as MIN_PARAGRAPH_CHARS in article-measure). */
const LONG_PARAGRAPH_CHARS = 80;

/**
 * Characters of the longest run of long <p> elements under one parent: one body of running prose.
 * One textContent per <p>, no walk over the page.
 */
function longestParagraphRun(doc: Document): number {
  const runs = new Map<Node, number>();
  let best = 0;
  for (const p of doc.getElementsByTagName('p')) {
    const n = (p.textContent ?? '').trim().length;
    if (n < LONG_PARAGRAPH_CHARS || !p.parentNode) continue;
    const run = (runs.get(p.parentNode) ?? 0) + n;
    runs.set(p.parentNode, run);
    if (run > best) best = run;
  }
  return best;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
