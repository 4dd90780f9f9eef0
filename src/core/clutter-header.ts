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

/** The header of the article under `root`; `title`: its title when already found (detectArticle's titleElement). */
export function findArticleHeader(
  doc: Document,
  root: Element | null,
  title: Element | null = root ? findTitleElement(doc, root) : null,
): ArticleHeader {
  if (!root) return { title: null, bylines: [], media: [] };
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
