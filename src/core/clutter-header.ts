// The article's header as the clutter finder and focus mode see it: the title, the byline and the
// lead media between them and the root. Both protect it; neither imports the other.
import { commonAncestor, findBylineElements, findTitleElement } from './article';

export interface ArticleHeader {
  title: Element | null;
  /** Byline, author and date elements near the title. */
  bylines: Element[];
  /** Figures and images between the title and the root. */
  media: Element[];
}

const LEAD_MEDIA_SELECTOR = 'figure, picture, img, video';
const wordsOf = (text: string | null) => text?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? ([] as string[]);

/**
 * The title, unless it shares few words with the page's og:title or <title> (a site's logo in an
 * h1): then the first h1 or h2 in the root or before it, not a link nor in navigation, of three
 * words or more that the page's title holds nearly all of.
 */
function headline(doc: Document, root: Element, title: Element | null): Element | null {
  const named = wordsOf(doc.querySelector('meta[property="og:title" i]')?.getAttribute('content') || doc.title);
  const share = (h: Element) => {
    const w = wordsOf(h.textContent);
    return w.length < 3 ? 0 : w.filter((x) => named.includes(x)).length / w.length;
  };
  // A title in a link stays: focus's beforeTitle then leaves what precedes it (a show's teasers).
  if (title && (share(title) >= 0.5 || title.closest('a'))) return title;
  for (const h of doc.querySelectorAll('h1,h2'))
    if (
      share(h) >= 0.8 &&
      !h.closest('a,nav,aside,footer') &&
      (root.contains(h) || h.compareDocumentPosition(root) & 4)
    )
      return h;
  return title;
}

/** The header of the article under `root`; `title`: its title when already found (detectArticle's titleElement). */
export function findArticleHeader(
  doc: Document,
  root: Element | null,
  title: Element | null = root ? findTitleElement(doc, root) : null,
): ArticleHeader {
  if (!root) return { title: null, bylines: [], media: [] };
  title = headline(doc, root, title);
  const bylines = findBylineElements(title, root).filter((b) => !root.contains(b));
  const media: Element[] = [];
  const scope = title ? commonAncestor(title, root) : null;
  if (title && scope && scope.tagName !== 'BODY' && scope.tagName !== 'HTML') {
    for (const m of Array.from(scope.querySelectorAll(LEAD_MEDIA_SELECTOR))) {
      if (root.contains(m)) continue;
      // Between the title and the root in document order.
      if (title.compareDocumentPosition(m) & 4 && m.compareDocumentPosition(root) & 4) media.push(m);
    }
  }
  return { title, bylines, media };
}
