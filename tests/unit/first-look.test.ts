import { describe, expect, it } from 'vitest';
import { detectArticle, FIRST_LOOK_NOT_ARTICLE, firstLook } from '../../src/core/article';
import { CLUTTER_VOCABULARY as vocabulary } from '../../src/core/lexicon/clutter';
import {
  CHEAP_FEATURES,
  CHEAP_NAMES,
  COUNT_FEATURES,
  cheapFeatureGroups,
  cheapFeatures,
  FEATURE_NAMES,
  highestScore,
  pageUrl,
  TEXT_FEATURES,
  weigh,
} from '../../src/core/page-kind';
import { describeReason, FEATURE_SAYS } from '../../src/core/page-kind-explain';
import { FIRST_LOOK_MODEL, PAGE_MODEL } from '../../src/core/page-kind-model';
import { readPage } from '../../src/core/report';
import { ARTICLE_HEAD, articlePage, page, paragraphs } from './page-helpers';

const PRODUCT_HEAD =
  '<meta property="og:type" content="product"><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Rain boots","offers":{"@type":"Offer","price":"39.00"}}</script>';

function productPage(): Document {
  const specs = Array.from({ length: 6 }, (_, i) => `<tr><td>Size ${i}</td><td>In stock</td></tr>`).join('');
  return page(
    `<main><h1>Rain boots</h1><span class="price">39.00</span><form action="/cart/add"><select name="size"><option>40</option></select><input name="qty" value="1"><button>Add to cart</button></form><div class="description">${paragraphs(2)}</div><table>${specs}</table></main>`,
    PRODUCT_HEAD,
  );
}

describe('firstLook', () => {
  it('settles a product page from its metadata, before any text measure', () => {
    const look = firstLook(productPage());
    expect(look.verdict).toBe('not-article');
    expect(look.p).toBeLessThan(FIRST_LOOK_NOT_ARTICLE);
    expect(look.reasons.some((r) => r.endsWith(' ldCommerce'))).toBe(true);
    expect(look.kind).toBe('product');
  });

  it('does not settle a news article as a non-article', () => {
    expect(firstLook(articlePage()).verdict).not.toBe('not-article');
  });

  it('names every feature that moved the score and ends with the verdict', () => {
    const look = firstLook(articlePage());
    expect(look.reasons.at(-1)).toMatch(/^first look: p\(article\) [\d.]+: (article|unsure)$/);
    expect(look.reasons.some((r) => r.startsWith('+') && r.endsWith(' ogArticle'))).toBe(true);
  });

  it('gives detectArticle the same not-article verdict, with no root and no measure', () => {
    const result = detectArticle(productPage());
    expect(result.isArticle).toBe(false);
    expect(result.root).toBeNull();
    expect(result.measure).toBeUndefined();
    expect(result.kind).toBe('product');
  });

  it('does not change the document', () => {
    const doc = productPage();
    const before = doc.documentElement.outerHTML;
    firstLook(doc, 'https://shop.example/boots');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('cheapFeatures', () => {
  it('reads a date in the URL path and a site root', () => {
    const doc = page(paragraphs(1), ARTICLE_HEAD);
    expect(cheapFeatures(doc, 'https://news.example/2024/03/17/floods').datedUrl).toBe(1);
    expect(cheapFeatures(doc, 'https://news.example/').rootUrl).toBe(1);
    expect(cheapFeatures(doc, 'https://news.example/').datedUrl).toBe(0);
  });

  it("reads og:type product as another kind of page, and an app's own namespaced type as no evidence", () => {
    const og = (type: string) =>
      cheapFeatures(page(paragraphs(1), `<meta property="og:type" content="${type}">`)).ogOther;
    expect(og('product')).toBe(1);
    expect(og('video.other')).toBe(1);
    expect(og('website')).toBe(0);
    expect(og('article')).toBe(0);
    expect(og('myblog-feed:post')).toBe(0);
  });

  it('takes the canonical link when no real address is given (saved pages, the CLI)', () => {
    const doc = page('', '<link rel="canonical" href="https://news.example/2023/01/05/story">');
    expect(pageUrl(doc)?.pathname).toBe('/2023/01/05/story');
    expect(pageUrl(page(''))).toBeNull();
  });

  it('counts author marks: one on an article, many on a thread', () => {
    const posts = Array.from(
      { length: 6 },
      (_, i) => `<div><span class="username">reader${i}</span><p>Same here.</p></div>`,
    );
    const article = page(`<h1>Floods</h1><p>By <span class="author">Jo Marsh</span></p>${paragraphs(3)}`);
    expect(cheapFeatures(article).authorMarks).toBe(Math.log1p(1));
    expect(cheapFeatures(page(posts.join(''), '')).authorMarks).toBe(Math.log1p(6));
  });

  it('counts what the selectors it stands for would count, ignoring ASCII case only', () => {
    // The selectors the one-read-per-attribute scan replaced, as the reference.
    const SHOP =
      '[itemprop="price"],[class*="price" i],[id*="price" i],[class*="cart" i],[id*="cart" i],[name*="cart" i],[action*="cart" i],[class*="basket" i],[href*="checkout" i]';
    const AUTHORS =
      '[itemprop~="author"],[class*="author" i],[class*="username" i],[class*="user-name" i],[data-author],[class*="poster" i]';
    const body = [
      '<span class="Price-Tag">9</span><span id="MiniCART" class="basketBall">x</span>',
      '<a href="/CheckOut">buy</a><form action="/Cart/add"><input name="cartQty"></form>',
      '<b itemprop="price">9</b><b itemprop="price offer">9</b><b class="priCe">k</b>',
      '<span class="User-Name">a</span><span class="userName">b</span><span itemprop="creator\tauthor">c</span>',
      '<span data-author="x" class="author">d</span><span class="Poster">e</span><span class="post">f</span>',
      // A Kelvin sign is not a K for CSS's `i`, nor for the scan.
      '<span class="bas\u212Aet">g</span>',
    ].join('');
    for (const head of [
      '',
      '<meta property="og:type" content="Article"><meta property="Article:published_time" content="2024">',
    ]) {
      const doc = page(body, head);
      const f = cheapFeatures(doc);
      expect(f.shopSigns).toBe(Math.log1p(doc.querySelectorAll(SHOP).length));
      expect(f.authorMarks).toBe(Math.log1p(doc.querySelectorAll(AUTHORS).length));
      expect(f.shopSigns).toBe(Math.log1p(7));
      expect(f.authorMarks).toBe(Math.log1p(5));
      expect(f.ogArticle).toBe(head ? 1 : 0);
      expect(f.publishedMeta).toBe(head ? 1 : 0);
    }
    const byline = (html: string) => cheapFeatures(page(html, '')).bylineSigns;
    expect(byline('<p class="ByLine">By Jo</p>')).toBe(1);
    expect(byline('<p><time datetime="2024-01-01">then</time></p>')).toBe(1);
    expect(byline('<p><a rel="author" href="/jo">Jo</a></p>')).toBe(1);
    expect(byline('<p class="by-line"><time>then</time></p>')).toBe(0);
  });

  it('finds JSON-LD types nested in other objects', () => {
    const doc = page(
      '',
      '<script type="application/ld+json">{"@type":"MusicAlbum","offers":{"@type":"Offer"}}</script>',
    );
    const f = cheapFeatures(doc);
    expect(f.ldCommerce).toBe(1);
    expect(f.ldMediaApp).toBe(1);
  });
});

describe('the fitted models', () => {
  it('weigh every feature that is named, and only those', () => {
    expect(FIRST_LOOK_MODEL.weights).toHaveLength(CHEAP_NAMES.length);
    expect(PAGE_MODEL.weights).toHaveLength(FEATURE_NAMES.length);
    expect(FEATURE_NAMES).toEqual([...Object.keys(CHEAP_FEATURES), ...Object.keys(TEXT_FEATURES)]);
  });

  it('order the first-look thresholds: not-article below, article above', () => {
    expect(FIRST_LOOK_MODEL.notArticleBelow).toBeGreaterThan(0);
    expect(FIRST_LOOK_MODEL.notArticleBelow).toBeLessThan(FIRST_LOOK_MODEL.articleAbove);
    expect(FIRST_LOOK_MODEL.articleAbove).toBeLessThan(1);
  });

  it('weigh() turns the score into a probability and names the prior', () => {
    const w = weigh({ bias: 0, weights: [2] }, ['ogArticle'], { ogArticle: 1 });
    expect(w.p).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
    expect(w.reasons).toEqual(['+2.00 ogArticle', '0.00 prior']);
  });

  it('every feature is spelled out for people (page-kind-explain.ts)', () => {
    expect(Object.keys(FEATURE_SAYS).sort()).toEqual(
      [...Object.keys(CHEAP_FEATURES), ...Object.keys(TEXT_FEATURES)].sort(),
    );
    expect(describeReason('+1.70 readerable')).toBe("+1.70 readerable (Readability's isProbablyReaderable)");
    expect(describeReason('-3.08 prior')).toBe('-3.08 prior');
  });
});

/** A shop's search results: many result cards with prices, a search address, no article signs. */
function searchPage(): Document {
  const cards = Array.from(
    { length: 12 },
    (_, i) =>
      `<li class="result"><a href="/item/${i}">Rain boots, size ${i}</a> <span class="price">${i + 20}.00</span></li>`,
  ).join('');
  return page(
    `<header><form action="/search"><input name="q" value="boots"><button>Search</button></form></header><main><h1>Results for boots</h1><ul>${cards}</ul></main>`,
    '<meta property="og:type" content="website">',
    'https://shop.example/search?q=boots',
  );
}

describe('firstLook with settle (the content script)', () => {
  const docs = () => [productPage(), searchPage(), articlePage(), page(paragraphs(6), '')];

  it('gives the verdict the full look gives, on every kind of page', () => {
    for (const doc of docs()) {
      const url = doc.location?.href;
      expect(firstLook(doc, url, true).verdict).toBe(firstLook(doc, url).verdict);
    }
  });

  it('stops before the class scan on a page its metadata already settles, and says so', () => {
    const look = firstLook(productPage(), undefined, true);
    expect(look.settledEarly).toBe(true);
    expect(look.verdict).toBe('not-article');
    expect(look.features.shopSigns).toBeUndefined();
    expect(look.reasons).toEqual([expect.stringMatching(/settled early$/)]);
    // The bound it reports is no lower than the probability of the full look.
    expect(look.p).toBeGreaterThanOrEqual(firstLook(productPage()).p);
  });

  it('stops the class scan part way once the shop signs counted so far settle the page', () => {
    // No metadata either way: only the class scan can say no; 300 price tags, the first 127 enough.
    const tiles = Array.from({ length: 300 }, (_, i) => `<div class="tile-price">${i}.99</div>`).join('');
    const doc = page(`<main><h1>Offers</h1>${tiles}</main>`, '');
    const full = firstLook(doc);
    const look = firstLook(doc, undefined, true);
    expect(full.verdict).toBe('not-article');
    expect(full.features.shopSigns).toBeCloseTo(Math.log1p(300), 12);
    expect(look.verdict).toBe('not-article');
    expect(look.settledEarly).toBe(true);
    // Part of the scan: fewer signs counted than there are, yet the bound is under the threshold.
    expect(look.features.shopSigns).toBeLessThan(full.features.shopSigns);
    expect(look.features.shopSigns).toBeGreaterThan(0);
    expect(look.p).toBeLessThan(FIRST_LOOK_NOT_ARTICLE);
    expect(look.p).toBeGreaterThanOrEqual(full.p);
  });

  it('reads every feature on an article (nothing to settle)', () => {
    const look = firstLook(articlePage(), undefined, true);
    expect(look.settledEarly).toBeUndefined();
    expect(Object.keys(look.features).sort()).toEqual([...CHEAP_NAMES].sort());
  });

  it('reads the same values in groups as cheapFeatures does at once, counts apart, the rest 0 or 1', () => {
    for (const doc of docs()) {
      const f = cheapFeatures(doc);
      const groups = [...cheapFeatureGroups(doc)].map((g) => g());
      expect(Object.assign({}, ...groups)).toEqual(f);
      for (const name of CHEAP_NAMES)
        if (!COUNT_FEATURES.has(name)) expect([0, 1]).toContain(f[name]);
        else expect(f[name]).toBeGreaterThanOrEqual(0);
    }
  });

  it("weighs every count <= 0 (highestScore's bound holds only then: a refit that breaks it fails here)", () => {
    for (const name of COUNT_FEATURES)
      expect(FIRST_LOOK_MODEL.weights[CHEAP_NAMES.indexOf(name as never)]).toBeLessThanOrEqual(0);
  });

  it('bounds the score: what the features read so far allow is never below the full score', () => {
    for (const doc of docs()) {
      const f = cheapFeatures(doc);
      const full = weigh(FIRST_LOOK_MODEL, CHEAP_NAMES, f).p;
      const known = {};
      for (const group of cheapFeatureGroups(doc)) {
        const z = highestScore(FIRST_LOOK_MODEL, CHEAP_NAMES, known);
        expect(1 / (1 + Math.exp(-z))).toBeGreaterThanOrEqual(full - 1e-12);
        Object.assign(known, group());
      }
      expect(1 / (1 + Math.exp(-highestScore(FIRST_LOOK_MODEL, CHEAP_NAMES, known)))).toBeCloseTo(full, 12);
    }
  });

  it("leaves the report's kind and reasons to explain(), which gives what the full look reports", () => {
    const settled = readPage(productPage(), { vocabulary, settle: true });
    const full = readPage(productPage(), { vocabulary });
    expect(settled.report.isArticle).toBe(false);
    expect(settled.report.pageKind).toBeUndefined();
    settled.explain?.();
    expect(settled.report.pageKind).toBe(full.report.pageKind);
    expect(settled.report.pageKind).toBe('product');
    expect(settled.report.articleReasons).toEqual(full.report.articleReasons);
    expect(readPage(productPage(), { vocabulary }).explain).toBeUndefined();
  });
});
