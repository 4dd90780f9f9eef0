// Stable selectors for blocks a reader corrected by hand (kept visible, or hidden with the
// picker), so the correction applies on the site's later pages too. Pure: an Element in, a
// string out; the Document is only read. Generated class names (CSS-in-JS hashes, build ids)
// change between deploys and pages, so they are never used; an id or class a person chose,
// else a short structural path from the nearest such anchor.

/** Longest id or class we trust: longer ones are almost always generated. */
const MAX_NAME_CHARS = 40;
/** At most this many classes per step: more make the selector brittle, not more precise. */
const MAX_CLASSES = 2;
/** Path steps between the anchor and the element: deeper paths break on the next redesign. */
const MAX_DEPTH = 8;
/** Longest selector we store (storage is per site and small). */
export const MAX_SELECTOR_CHARS = 300;

/** A name (id or class) that reads like a word a person chose: letters, with few digits, no hash. */
export function isStableName(name: string): boolean {
  if (name.length < 2 || name.length > MAX_NAME_CHARS) return false;
  if (!/^[A-Za-z][\w-]*$/.test(name)) return false;
  // Hash-like tails: "css-1x2y3z", "sc-bdVaJa", "jsx-123", "_3fG7h", "Box__Wrap-sc-1q2w3e".
  if (/\d{3,}/.test(name)) return false;
  if (/(^|[-_])(css|sc|jsx|emotion|svelte|tw)-/i.test(name)) return false;
  if (/__[\w]*-/.test(name) || /--[a-z0-9]{5,}$/i.test(name)) return false;
  const digits = name.replace(/\D/g, '').length;
  if (digits >= 2 && digits / name.length > 0.2) return false;
  // Mixed-case noise with no vowels run ("bdVaJa", "xKq9Zt"): a generated token, not a word.
  const parts = name.split(/[-_]/);
  return parts.every((p) => p.length <= 3 || /[aeiouy]/i.test(p)) && !parts.some(isRandomCase);
}

/** "bdVaJa", "kXqPzt": case flips inside a short token, as hashes have and words do not. */
function isRandomCase(part: string): boolean {
  if (part.length < 5 || part.length > 10) return false;
  const flips = [...part].filter((c, i) => i > 0 && isUpper(c) !== isUpper(part[i - 1]!)).length;
  return flips >= 3;
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase();
}

function stableClasses(el: Element): string[] {
  const names = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => c !== '' && isStableName(c));
  // Our own hooks are never part of a selector.
  return names.filter((c) => !c.startsWith('quotelens')).slice(0, MAX_CLASSES);
}

function stableId(el: Element): string | null {
  const id = el.getAttribute('id');
  return id && isStableName(id) ? id : null;
}

/** One step of a path: tag, stable classes, and :nth-of-type when siblings share the rest. */
function step(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const classes = stableClasses(el);
  const base = `${tag}${classes.map((c) => `.${c}`).join('')}`;
  const parent = el.parentElement;
  if (!parent) return base;
  const same = [...parent.children].filter((c) => c.tagName === el.tagName);
  if (same.length === 1) return base;
  const matching = classes.length > 0 ? same.filter((c) => classes.every((k) => c.classList.contains(k))) : same;
  if (matching.length === 1) return base;
  return `${base}:nth-of-type(${same.indexOf(el) + 1})`;
}

function matchesOnly(doc: Document, selector: string, el: Element): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

/**
 * A selector for `el` that prefers what survives to the site's next page: its own stable id; its
 * tag with stable classes when that names it alone on this page; else a path of at most
 * MAX_DEPTH steps from the nearest ancestor with a stable id (or <body>). Null when the element
 * is <html>, <head> or <body>, or no selector short enough names it alone.
 */
export function stableSelector(el: Element): string | null {
  const doc = el.ownerDocument;
  const tag = el.tagName.toLowerCase();
  if (tag === 'html' || tag === 'body' || tag === 'head' || !doc.body?.contains(el)) return null;
  const id = stableId(el);
  if (id && matchesOnly(doc, `#${id}`, el)) return `#${id}`;
  const classes = stableClasses(el);
  if (classes.length > 0) {
    const own = `${tag}${classes.map((c) => `.${c}`).join('')}`;
    if (matchesOnly(doc, own, el)) return own;
  }
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && steps.length < MAX_DEPTH) {
    if (node === doc.body) {
      steps.unshift('body');
      break;
    }
    const anchor = node === el ? null : stableId(node);
    if (anchor && matchesOnly(doc, `#${anchor}`, node)) {
      steps.unshift(`#${anchor}`);
      break;
    }
    steps.unshift(step(node));
    node = node.parentElement;
  }
  const selector = steps.join(' > ');
  if (selector.length > MAX_SELECTOR_CHARS || !matchesOnly(doc, selector, el)) return null;
  return selector;
}

/** A selector we would have written: what stored corrections must be before they are used. */
export function isSafeSelector(selector: string): boolean {
  if (selector.length === 0 || selector.length > MAX_SELECTOR_CHARS) return false;
  // Only the grammar stableSelector writes: #id, tag.class, :nth-of-type(n), " > ".
  return /^(#[A-Za-z][\w-]*|[a-z][a-z0-9]*(\.[A-Za-z][\w-]*)*(:nth-of-type\(\d{1,4}\))?)( > ([a-z][a-z0-9]*(\.[A-Za-z][\w-]*)*(:nth-of-type\(\d{1,4}\))?))*$/.test(
    selector,
  );
}

/** What a page's stored corrections pick out, after the checks that keep the article safe. */
export interface CorrectionMatches {
  /** Blocks the reader keeps visible: never hidden. */
  keep: Set<Element>;
  /** Blocks the reader hid: hidden with the clutter. */
  hide: Element[];
  /** Hide rules that were not applied, and why (for --explain and the options page). */
  skipped: string[];
}

/** At most this many elements per hide rule: a rule that matches more is not the block it was. */
export const MAX_MATCHES_PER_RULE = 12;
/** A hidden block inside the article may hold at most this share of the article's text. */
export const MAX_ARTICLE_SHARE = 0.25;

/**
 * Resolves stored selectors on a page. A hide rule never hides the article root, an ancestor of
 * it, or a block inside it that holds more than MAX_ARTICLE_SHARE of its text: a selector written
 * on one page may name something else on the next, and the article is never hidden.
 */
export function matchCorrections(
  doc: Document,
  root: Element | null,
  rules: { keep: readonly string[]; hide: readonly string[] },
): CorrectionMatches {
  const keep = new Set<Element>();
  for (const selector of rules.keep) for (const el of select(doc, selector)) keep.add(el);
  const hide: Element[] = [];
  const skipped: string[] = [];
  const rootChars = root ? (root.textContent ?? '').length : 0;
  for (const selector of rules.hide) {
    const found = select(doc, selector);
    if (found.length > MAX_MATCHES_PER_RULE) {
      skipped.push(`${selector}: ${found.length} matches`);
      continue;
    }
    for (const el of found) {
      if (keep.has(el)) continue;
      if (root && el.contains(root)) {
        skipped.push(`${selector}: holds the article`);
        continue;
      }
      if (root?.contains(el) && (el.textContent ?? '').length > rootChars * MAX_ARTICLE_SHARE) {
        skipped.push(`${selector}: too much of the article's text`);
        continue;
      }
      // "The 5th paragraph" of one article is prose in the next: inside the article a rule must
      // name the block by an id or class of its own, not by its position alone.
      if (root?.contains(el) && !/[#.][\w-]+(:nth-of-type\(\d+\))?$/.test(selector)) {
        skipped.push(`${selector}: only a position inside the article`);
        continue;
      }
      hide.push(el);
    }
  }
  return { keep, hide, skipped };
}

function select(doc: Document, selector: string): Element[] {
  if (!isSafeSelector(selector)) return [];
  try {
    return [...doc.querySelectorAll(selector)];
  } catch {
    return [];
  }
}
