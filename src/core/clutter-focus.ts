// Focus mode: a reader view in place. Beside the clutter, hide every block outside the article:
// along the chain from the root up to <body>, each sibling that holds neither the title, the byline
// nor the lead image. Ancestors of the root are never hidden.

import { TextMeasure } from './article-measure';
import { type ClutterVocabulary, classKind } from './clutter';
import { type ArticleHeader, findArticleHeader } from './clutter-header';
import { linkTarget } from './clutter-links';
import { compileVocabulary } from './clutter-vocabulary';
import { normalizeSpace } from './text';
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
  const hosts = compileVocabulary(vocabulary).socialHosts;
  return focusBlocks(
    root,
    header ?? findArticleHeader(doc, root),
    m,
    found,
    (el) => classKind(el, vocabulary)?.kind ?? null,
    (href) => linkTarget(href, hosts) === 'article',
  );
}

/**
 * Blocks beside the article, outermost first. `found` are the clutter blocks already found (not
 * returned twice); `kindOf` names a block's kind when its class says it; `toArticle` says whether a link
 * leads to another article (clutter-links.ts).
 */
export function focusBlocks(
  root: Element,
  header: ArticleHeader,
  measure: TextMeasure,
  found: readonly ClutterBlock[],
  kindOf: (el: Element) => ClutterKind | null,
  toArticle: (href: string) => boolean,
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
  for (
    let el: Element = storyOf(root, measure, header.title);
    el.parentElement && el.tagName !== 'BODY';
    el = el.parentElement
  ) {
    visit(el.parentElement, el);
  }
  const story = measure.elements[measure.longestRunParent] ?? root;
  const teasers = otherArticlesInside(root, story, measure, [...found, ...out], keepers, toArticle);
  const lists = linkListsInside(root, measure, [...found, ...teasers]);
  const footers = footersInside(root, story, measure, [...found, ...teasers, ...lists], keepers);
  const before = beforeTitle(root, header.title, story, measure, [...found, ...out], keepers);
  const shown = [...out, ...before, ...teasers, ...lists, ...footers];
  const texts = [...(header.title ? [header.title] : []), ...header.bylines];
  const repeats = repeatedTexts(measure, [...found, ...shown], texts, keepers);
  return [...shown, ...repeats, ...datelines(root, measure, [...found, ...shown, ...repeats], texts)];
}

/** Longest line read as a dateline ("Updated 1:39 am EST, November 20, 2019"). */
export const MAX_DATELINE = 90;
const YEAR = /(?:^|\D)(?:19|20)\d\d(?:\D|$)/;

/**
 * Inside the root, before the story's first paragraph of prose or after its last, a line that is a
 * date: a year, two numbers or more, and at most one word more than numbers (a byline's name adds
 * words; the title and byline stay). Not in a quotation: an embedded post's date is the body's.
 */
function datelines(
  root: Element,
  measure: TextMeasure,
  hidden: readonly ClutterBlock[],
  texts: readonly Element[],
): ClutterBlock[] {
  const inRoot = measure.blocks.filter((b) => root.contains(b.element));
  const prose = inRoot.filter((b) => measure.of(b.element).bodyChars > 0);
  if (prose.length === 0) return [];
  const first = measure.indexOf(prose[0]!.element);
  const last = measure.indexOf(prose[prose.length - 1]!.element);
  const out: ClutterBlock[] = [];
  for (const block of inRoot) {
    const el = block.element;
    const i = measure.indexOf(el);
    if (i >= first && i <= last) continue;
    const text = normalizeSpace(block.text);
    if (text.length > MAX_DATELINE || measure.of(el).chars > block.text.length || !YEAR.test(text)) continue;
    const numbers = text.match(/\d+/g)?.length ?? 0;
    const words = text.match(/\p{L}+/gu)?.length ?? 0;
    if (numbers < 2 || words > numbers + 1 || el.closest('blockquote')) continue;
    if (texts.some((x) => x.contains(el) || el.contains(x)) || hidden.some((h) => h.element.contains(el))) continue;
    out.push({ element: el, kind: 'other', reason: 'focus: a dateline' });
  }
  return out;
}

/** Shortest text read as a repeat of another: a caption or a summary, not a label or a question. */
export const MIN_REPEATED_TEXT = 80;
/** Where the same text twice is the article's own (a table's rows, a list's items, a refrain). */
const OWN_REPEATS = 'p, li, dd, td, th';

/**
 * Blocks whose text a block shown before them already holds from its start (the same caption
 * in a gallery's slide and again in its control panel, a summary and its truncated copy): a
 * reader view shows a text once (a lead gallery keeps its first caption). Paragraphs, list items,
 * table cells and siblings repeat in articles (a refrain, a form letter); the title and byline stay.
 */
function repeatedTexts(
  measure: TextMeasure,
  hidden: readonly ClutterBlock[],
  texts: readonly Element[],
  keepers: readonly Element[],
): ClutterBlock[] {
  const out: ClutterBlock[] = [];
  const spans = hidden
    .map((b) => measure.indexOf(b.element))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
  // Texts shown so far, by their first MIN_REPEATED_TEXT characters (a repeat starts the same way).
  const seen = new Map<string, { text: string; parent: Element | null }[]>();
  let k = 0;
  let end = -1;
  for (const block of measure.blocks) {
    const el = block.element;
    const i = measure.indexOf(el);
    while (k < spans.length && spans[k]! <= i) end = Math.max(end, measure.ends[spans[k++]!]!);
    if (i < end) continue;
    const text = normalizeSpace(block.text).replace(/\s*(?:…|\.\.\.)$/, '');
    if (text.length < MIN_REPEATED_TEXT) continue;
    if (
      measure.of(el).chars <= block.text.length &&
      !el.closest(OWN_REPEATS) &&
      !texts.some((x) => x.contains(el)) &&
      !keepers.some((x) => el.contains(x)) &&
      seen.get(text.slice(0, MIN_REPEATED_TEXT))?.some((s) => s.parent !== el.parentElement && s.text.startsWith(text))
    ) {
      out.push({ element: el, kind: 'other', reason: 'focus: a text shown above already' });
      end = measure.ends[i]!;
    } else {
      const key = text.slice(0, MIN_REPEATED_TEXT);
      seen.set(key, [...(seen.get(key) ?? []), { text, parent: el.parentElement }]);
    }
  }
  return out;
}

/**
 * Inside the root and after the story's run of paragraphs (neither holding it nor set in it), an
 * <article> that holds neither the title, byline nor lead image and links to another article:
 * HTML's own word for a post of its own (nested articles "are related to the contents of the outer
 * article"): teaser cards with excerpts, "you may like" posts, a most-popular list, which their
 * prose protects from the clutter rules. Measured on ../shared/pages/aeb (npx tsx
 * scripts/check-pages.ts --mode focus): three train sites, nothing on dev.
 */
function otherArticlesInside(
  root: Element,
  story: Element,
  measure: TextMeasure,
  found: readonly ClutterBlock[],
  keepers: readonly Element[],
  toArticle: (href: string) => boolean,
): ClutterBlock[] {
  return afterStory(
    root,
    story,
    measure,
    found,
    keepers,
    'article',
    'related',
    'focus: another <article> inside the article',
    (el) => Array.from(el.getElementsByTagName('a')).some((a) => toArticle(a.getAttribute('href') ?? '')),
  );
}

/**
 * Inside the root and after the story's run of paragraphs, a <footer>: HTML's own word for what
 * a section says about itself (tags, its author, comment rules, legal lines), which a reader view
 * leaves out; not one that holds the title, byline or lead image. Measured on ../shared/pages/aeb
 * (npx tsx scripts/check-pages.ts --mode focus --pages train): three train sites, nothing on dev;
 * an <aside> after the story as well changed no page.
 */
function footersInside(
  root: Element,
  story: Element,
  measure: TextMeasure,
  found: readonly ClutterBlock[],
  keepers: readonly Element[],
): ClutterBlock[] {
  return afterStory(root, story, measure, found, keepers, 'footer', 'other', 'focus: a <footer> after the story');
}

/**
 * The `tag` elements inside the root that come after the story (neither holding it nor set in it),
 * hold text and none of the title, byline or lead image, are not hidden already nor inside one
 * taken before, and pass `accept`: outermost first.
 */
function afterStory(
  root: Element,
  story: Element,
  measure: TextMeasure,
  found: readonly ClutterBlock[],
  keepers: readonly Element[],
  tag: string,
  kind: ClutterKind,
  reason: string,
  accept: (el: Element) => boolean = () => true,
): ClutterBlock[] {
  const out: ClutterBlock[] = [];
  const hidden = found.map((b) => b.element);
  for (const el of Array.from(root.getElementsByTagName(tag))) {
    if (el.contains(story) || story.contains(el) || keepers.some((k) => el.contains(k))) continue;
    // After the story only: before it, a post of a live blog may be the story's own.
    if (!(story.compareDocumentPosition(el) & 4) /* FOLLOWING */ || measure.of(el).chars === 0) continue;
    if (hidden.some((h) => h.contains(el)) || out.some((b) => b.element.contains(el))) continue;
    if (accept(el)) out.push({ element: el, kind, reason });
  }
  return out;
}

/**
 * Inside the root, what comes before the title (a reader view starts at the title): along the chain
 * from the title up to the root, the siblings before it that hold neither the story, byline nor lead image.
 */
function beforeTitle(
  root: Element,
  title: Element | null,
  story: Element,
  measure: TextMeasure,
  found: readonly ClutterBlock[],
  keepers: readonly Element[],
): ClutterBlock[] {
  const out: ClutterBlock[] = [];
  // A title inside a link is a site's or a section's name, found for want of a better one.
  if (!title || title === root || !root.contains(title) || title.closest('a')) return out;
  const hidden = found.map((b) => b.element);
  for (let el: Element = title; el !== root && el.parentElement; el = el.parentElement) {
    for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.contains(story) || story.contains(sib) || keepers.some((k) => sib!.contains(k))) continue;
      const m = measure.of(sib);
      if (m.chars === 0 || hidden.some((h) => h.contains(sib!))) continue;
      // A lead image may come before the title (a teaser with a thumbnail is mostly links).
      if (m.linkChars < 0.5 * m.chars && sib.querySelector('img, picture, video')) continue;
      out.push({ element: sib, kind: 'other', reason: 'focus: before the title' });
    }
  }
  return out;
}

/**
 * When the root is <body> (the page's prose is spread too widely for a smaller one), focus mode
 * starts from the box of the story's longest run of paragraphs, widened until it holds this share
 * of the page's prose; measured on ../shared/pages/aeb (npx tsx scripts/check-pages.ts --mode focus):
 * 0.5 lifts two pages' F1 and costs no page recall, 0.4 and 0.3 cost recall, 0.7 gains less.
 */
export const FOCUS_STORY_SHARE = 0.5;

function storyOf(root: Element, m: TextMeasure, title: Element | null): Element {
  const run = m.elements[m.longestRunParent];
  if (root.tagName !== 'BODY' || !run) return root;
  let el: Element = run;
  const share = FOCUS_STORY_SHARE * m.of(root).bodyChars;
  while (el !== root && m.of(el).bodyChars < share) el = el.parentElement!;
  // A longest run outside the title's box (a footer's legal lines when each paragraph of the story
  // has a wrapper of its own): go down towards the title while a box holds that share.
  while (title) {
    const next: Element | undefined = Array.from(el.children).find(
      (c) => c.contains(title) && m.of(c).bodyChars >= share,
    );
    if (!next) break;
    el = next;
  }
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
