// A stable CSS selector for a block, so a hand correction ("keep this", "hide that") can be stored
// per site and found again on the site's later pages. Pure: reads the element and its ancestors.
// Stable means built from what a site keeps between pages: ids and class names written by people,
// not the hashed ones that CSS-in-JS tools regenerate on every build (css-1x2y3z, sc-abc123).

/** Ancestors read at most: a selector deeper than this would break on the next layout change. */
export const MAX_SELECTOR_DEPTH = 6;
/** Class names kept per element: enough to tell widgets apart, few enough to survive redesigns. */
export const MAX_CLASSES = 2;

/** Generated names: hashes, build ids, counters (css-1r7ky0e, sc-1out364-0, jsx-4236172899, post-47471). */
const GENERATED = /\d{3,}|^(?:css|sc|jsx|emotion|styled)-|^[a-z]{1,3}-?[a-z0-9]{5,}$|[A-Z].*\d|\d.*[A-Z]/;
/** Class names that say a state, not a widget: they change while the page lives. */
const STATE = /^(?:is-|has-)|^(?:active|open|closed|hidden|visible|sticky|fixed|loaded|loading|show|hide)$/;

function stableName(name: string): boolean {
  return /^[A-Za-z][\w-]*$/.test(name) && !GENERATED.test(name) && !STATE.test(name);
}

function escapeIdent(name: string): string {
  return name.replace(/[^\w-]/g, (c) => `\\${c}`);
}

/** One step of the selector: `tag#id`, or `tag.class.class`, or `tag:nth-of-type(n)`. */
function step(el: Element, doc: Document): { text: string; unique: boolean } {
  const tag = el.tagName.toLowerCase();
  if (el.id && stableName(el.id) && doc.querySelectorAll(`#${escapeIdent(el.id)}`).length === 1) {
    return { text: `${tag}#${escapeIdent(el.id)}`, unique: true };
  }
  const classes = Array.from(el.classList).filter(stableName).slice(0, MAX_CLASSES);
  const parent = el.parentElement;
  const base = `${tag}${classes.map((c) => `.${escapeIdent(c)}`).join('')}`;
  if (!parent) return { text: base, unique: false };
  const alike = Array.from(parent.children).filter((c) => c.matches(base));
  if (alike.length <= 1) return { text: base, unique: false };
  return { text: `${base}:nth-of-type(${sameTagIndex(el)})`, unique: false };
}

function sameTagIndex(el: Element): number {
  let n = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === el.tagName) n++;
  return n;
}

/**
 * A selector that matches `el` (and, on a page of the same template, the same block), from the
 * nearest ancestor with a stable unique id or from <body>, at most MAX_SELECTOR_DEPTH steps; the
 * shortest suffix that already matches `el` alone is returned.
 */
export function stableSelector(el: Element): string {
  const doc = el.ownerDocument;
  const steps: string[] = [];
  for (let cur: Element | null = el; cur && cur.tagName !== 'BODY' && cur.tagName !== 'HTML'; cur = cur.parentElement) {
    const s = step(cur, doc);
    steps.unshift(s.text);
    const selector = steps.join(' > ');
    if (s.unique || steps.length >= MAX_SELECTOR_DEPTH) return selector;
    const hits = doc.querySelectorAll(selector);
    if (hits.length === 1 && hits[0] === el) return selector;
  }
  return ['body', ...steps].join(' > ');
}
