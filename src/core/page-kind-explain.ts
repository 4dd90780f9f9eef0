// What each piece of detection evidence reads, for people: --explain prints feature names
// ("+1.70 readerable"), scripts and docs spell them out from here. Kept out of the content script.
import type { Feature } from './page-kind';

export const FEATURE_SAYS: Record<Feature, string> = {
  ldArticle: 'JSON-LD declares an article type',
  ldCommerce: 'JSON-LD declares a product or offer',
  ldDiscussion: 'JSON-LD declares a forum post, Q&A or FAQ',
  ldCollection: 'JSON-LD declares a collection, list or search results',
  ldMediaApp: 'JSON-LD declares an app, media item, event or profile',
  ogArticle: 'og:type is article',
  ogOther: 'og:type is set and is neither article nor website',
  publishedMeta: 'published-date metadata (article:*, pubdate, datePublished)',
  microdataArticle: 'schema.org Article microdata or articleBody',
  microdataOther: 'schema.org Product/Offer/… microdata',
  datedUrl: 'the URL path holds a date',
  rootUrl: 'the URL is a site root',
  searchUrl: 'the URL is a search',
  shopSigns: 'price and cart elements (log count)',
  formFields: 'form fields outside the header, navigation, footer, asides and search (log count)',
  codeBlocks: 'code blocks (log count)',
  tables: 'tables (log count)',
  oneArticleElement: 'exactly one <article> element',
  bylineSigns: 'a byline, author link or dated <time>',
  authorMarks: 'author and user-name marks (log count; many: posts by many people)',
  readerable: "Readability's isProbablyReaderable",
  rootShare: "share of the page's prose in the root",
  longestRun: 'log of the longest run of paragraphs side by side',
  proseShare: "share of the page's text that is prose",
  runShare: "share of the page's prose in its longest run of paragraphs: one text, not many posts",
  titleHeadline: 'an h1 or h2, not a link, that the page title repeats: a headline',
  proseDepth: 'how deep below the root its prose sits (posts and cards sit deep)',
  repeatedItems: "share of the page's text in its largest group of alike sibling items (posts, cards, tiles)",
};

/** A reason line with its feature spelled out: "+1.70 readerable" → "+1.70 readerable (Readability's …)". */
export function describeReason(reason: string): string {
  const name = reason.split(' ')[1] as Feature | undefined;
  return name && Object.hasOwn(FEATURE_SAYS, name) ? `${reason} (${FEATURE_SAYS[name]})` : reason;
}
