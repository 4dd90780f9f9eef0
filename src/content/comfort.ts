// Reader comfort in focus mode, a chunk of its own (dist/<target>/comfort.js): only a reader who
// chose a text size, width, spacing or theme other than the page's own needs it, so the content
// script imports it then (page.ts) instead of shipping it to every page. It marks the article's
// column, adds one stylesheet, and its undo takes both away: the page's DOM is otherwise untouched.
import { COMFORT_ROOT_ATTR, COMFORT_STYLE_ID, comfortActive, comfortCss, validateComfort } from '../shared/comfort';
import { HIDDEN_ATTR } from './style';

export interface ComfortUi {
  applyComfort(doc: Document, root: Element, stored: unknown): () => void;
}

/**
 * Applies the stored choices (checked first: they come from storage or messaging) over the article
 * at `root`; returns the undo. Choices that are all the page's own change nothing.
 */
export function applyComfort(doc: Document, root: Element, stored: unknown): () => void {
  const comfort = validateComfort(stored, []);
  if (!comfortActive(comfort)) return () => undefined;
  const style = doc.createElement('style');
  style.id = COMFORT_STYLE_ID;
  style.textContent = comfortCss(comfort);
  const column = columnOf(doc, root);
  column.setAttribute(COMFORT_ROOT_ATTR, '');
  (doc.head ?? doc.documentElement).appendChild(style);
  return () => {
    style.remove();
    column.removeAttribute(COMFORT_ROOT_ATTR);
  };
}

/**
 * What a reader sees as the article in focus mode: the root, widened to take in the headline when
 * the page keeps its <h1> outside it (title, byline and lead image then size and centre with the
 * text). Everything else under that element is hidden in focus mode.
 */
export function columnOf(doc: Document, root: Element): Element {
  const title = [...doc.querySelectorAll('h1')].find((h) => !h.closest(`[${HIDDEN_ATTR}]`));
  if (!title || root.contains(title)) return root;
  let el: Element | null = root.parentElement;
  while (el && !el.contains(title)) el = el.parentElement;
  return el && el !== doc.documentElement ? el : root;
}
