// Focus mode: a reader view in place. Beside the clutter, hide every block outside the article:
// along the chain from the root up to <body>, each sibling that holds neither the title, the byline
// nor the lead image. Ancestors of the root are never hidden.

import { TextMeasure } from './article-measure';
import { type ClutterVocabulary, classKind } from './clutter';
import { type ArticleHeader, findArticleHeader } from './clutter-header';
import type { ClutterBlock, ClutterKind } from './types';

/** Inside the root, focus mode also hides link lists: at least this link density … */
export const FOCUS_LINK_LIST_DENSITY = 0.7;
/** … and this many links, with no prose. */
export const FOCUS_LINK_LIST_LINKS = 3;
const LINK_LIST_TAGS = new Set(['UL', 'OL', 'DIV', 'SECTION', 'ASIDE', 'NAV', 'TABLE', 'DL']);

/**
 * Focus mode's blocks for a page whose clutter is `found` (composed after findClutterBlocks):
 * everything beside the article, and link lists at the end of it. `measure`: the measure of <body>
 * detection made, to save a pass.
 */
export function findFocusBlocks(
  doc: Document,
  root: Element,
  found: readonly ClutterBlock[],
  vocabulary: ClutterVocabulary,
  measure?: TextMeasure,
  header?: ArticleHeader,
): ClutterBlock[] {
  const body = doc.body;
  if (!body) return [];
  const m = measure?.scope === body ? measure : new TextMeasure(body);
  const h = header ?? findArticleHeader(doc, root);
  return focusBlocks(root, h, m, found, (el) => classKind(el, vocabulary)?.kind ?? null);
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
  const holdsKeeper = (el: Element) => keepers.some((k) => el.contains(k));
  const isKeeper = (el: Element) => keepers.includes(el);

  const visit = (parent: Element, skip: Element | null): void => {
    for (const child of Array.from(parent.children)) {
      // What shows nothing is left: scripts, styles, templates and line breaks hold neither text nor
      // media in the measure (the test below); a <noscript>'s fallback images do in the CLI's parser.
      if (child === skip || child.tagName === 'NOSCRIPT' || already.has(child)) continue;
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
  for (let el: Element = storyOf(root, measure); el.parentElement && el.tagName !== 'BODY'; el = el.parentElement) {
    visit(el.parentElement, el);
  }
  return [...out, ...linkListsInside(root, measure, found)];
}

/**
 * When the root is <body> (the page's prose is spread too widely for a smaller one), focus mode
 * starts from the box of the story's longest run of paragraphs, widened until it holds this share
 * of the page's prose; measured on ../shared/pages/aeb (npx tsx scripts/check-pages.ts --mode focus):
 * 0.5 lifts two pages' F1 and costs no page recall, 0.4 and 0.3 cost recall, 0.7 gains less.
 */
export const FOCUS_STORY_SHARE = 0.5;

function storyOf(root: Element, m: TextMeasure): Element {
  let el = m.elements[m.longestRunParent];
  if (root.tagName !== 'BODY' || !el) return root;
  while (el !== root && m.of(el).bodyChars < FOCUS_STORY_SHARE * m.of(root).bodyChars) el = el.parentElement!;
  return el;
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
    if (links < FOCUS_LINK_LIST_LINKS || hidden.some((h) => h.contains(el))) continue;
    out.push({
      element: el,
      kind: 'other',
      reason: `focus: link list in the article, link density ${(s.linkChars / s.chars).toFixed(2)}, ${links} links`,
    });
    last = el;
  }
  return out;
}
