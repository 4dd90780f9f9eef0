// Focus mode: a reader view in place. Beside the clutter, hide every block outside the article:
// along the chain from the root up to <body>, each sibling that holds neither the title, the byline
// nor the lead image. Ancestors of the root are never hidden.

import { commonAncestor, findBylineElements, findTitleElement } from './article';
import type { TextMeasure } from './article-measure';
import type { ClutterBlock } from './clutter';
import type { ClutterKind } from './types';

export interface ArticleHeader {
  title: Element | null;
  /** Byline, author and date elements near the title. */
  bylines: Element[];
  /** Figures and images between the title and the root. */
  media: Element[];
}

/** Inside the root, focus mode also hides link lists: at least this link density … */
export const FOCUS_LINK_LIST_DENSITY = 0.7;
/** … and this many links, with no prose. */
export const FOCUS_LINK_LIST_LINKS = 3;
const LINK_LIST_TAGS = new Set(['UL', 'OL', 'DIV', 'SECTION', 'ASIDE', 'NAV', 'TABLE', 'DL']);

/** Elements that show nothing, so hiding them changes nothing. */
const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'BR']);
const LEAD_MEDIA_SELECTOR = 'figure, picture, img, video';

export function findArticleHeader(doc: Document, root: Element | null): ArticleHeader {
  if (!root) return { title: null, bylines: [], media: [] };
  const title = findTitleElement(doc, root);
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

/**
 * Blocks beside the article, outermost first. `found` are the clutter blocks already found (not
 * returned twice); `kindOf` names a block's kind when its class says it.
 */
export function focusBlocks(
  root: Element,
  header: ArticleHeader,
  measure: TextMeasure,
  found: readonly ClutterBlock[],
  kindOf: (el: Element) => ClutterKind | null,
): ClutterBlock[] {
  const keepers = [root, ...(header.title ? [header.title] : []), ...header.bylines, ...header.media];
  const already = new Set(found.map((b) => b.element));
  const out: ClutterBlock[] = [];
  const holdsKeeper = (el: Element) => keepers.some((k) => el === k || el.contains(k));
  const isKeeper = (el: Element) => keepers.includes(el);

  const visit = (parent: Element, skip: Element | null): void => {
    for (const child of Array.from(parent.children)) {
      if (child === skip || INVISIBLE_TAGS.has(child.tagName) || already.has(child)) continue;
      if (isKeeper(child)) continue;
      if (holdsKeeper(child)) {
        visit(child, null);
        continue;
      }
      if (measure.of(child).chars === 0 && !child.querySelector('img, picture, video, iframe, svg, input')) continue;
      const kind = kindOf(child) ?? 'other';
      const what = child.id ? `#${child.id}` : `<${child.tagName.toLowerCase()}>`;
      out.push({ element: child, kind, reason: `focus: ${what} beside the article` });
    }
  };
  for (let el: Element = root; el.parentElement && el.tagName !== 'BODY'; el = el.parentElement) {
    visit(el.parentElement, el);
  }
  return [...out, ...linkListsInside(root, measure, found)];
}

/**
 * Lists of links inside the root, after its last paragraph of prose and without prose of their
 * own ("more on this", tag lists, unlabelled recirculation): a reader view drops them, as
 * extractors do. Link lists between paragraphs are left: there they are often the article's own.
 */
function linkListsInside(root: Element, measure: TextMeasure, found: readonly ClutterBlock[]): ClutterBlock[] {
  const out: ClutterBlock[] = [];
  const hidden = found.map((b) => b.element);
  let lastProse: Element | null = null;
  for (const block of measure.blocks) {
    if (root.contains(block.element) && measure.of(block.element).bodyChars > 0) lastProse = block.element;
  }
  if (!lastProse) return out;
  let last: Element | null = null;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (last?.contains(el) || !LINK_LIST_TAGS.has(el.tagName)) continue;
    if (!((lastProse.compareDocumentPosition(el) & 4) /* FOLLOWING */) || el.contains(lastProse)) continue;
    const s = measure.of(el);
    if (s.chars === 0 || s.bodyChars > 0 || s.linkChars < FOCUS_LINK_LIST_DENSITY * s.chars) continue;
    const links = el.getElementsByTagName('a').length;
    if (links < FOCUS_LINK_LIST_LINKS || hidden.some((h) => h === el || h.contains(el))) continue;
    out.push({
      element: el,
      kind: 'other',
      reason: `focus: link list in the article, link density ${(s.linkChars / s.chars).toFixed(2)}, ${links} links`,
    });
    last = el;
  }
  return out;
}
