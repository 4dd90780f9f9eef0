// A small stand-in for the CSS Custom Highlight API, which happy-dom lacks. As in browsers, a
// Highlight is a set of ranges and CSS.highlights is a map of highlights by name. Install it on the
// test window before creating the PageController (the Highlighter looks for the API once).
import { HIGHLIGHT_FLASH, HIGHLIGHT_NONE, HIGHLIGHT_PREFIX } from '../../src/content/style';

export class FakeHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

export type FakeRegistry = Map<string, FakeHighlight>;

type ApiWindow = { CSS?: object; Highlight?: unknown };

/** happy-dom's own `CSS` property, kept while the stub shadows it. */
const originalCss = new WeakMap<object, PropertyDescriptor | undefined>();

/** Installs a fresh, empty registry and the Highlight class on `win`; returns the registry. */
export function installHighlightApi(win: Window = window): FakeRegistry {
  removeHighlightApi(win);
  const registry: FakeRegistry = new Map();
  const w = win as unknown as ApiWindow;
  // happy-dom's window.CSS is a getter that returns a new object each time: shadow it with one
  // object (inheriting CSS.supports and the rest) that carries the registry.
  originalCss.set(win, Object.getOwnPropertyDescriptor(win, 'CSS'));
  const css = Object.assign(Object.create(w.CSS ?? null) as object, { highlights: registry });
  Object.defineProperty(win, 'CSS', { value: css, configurable: true, writable: true });
  w.Highlight = FakeHighlight;
  return registry;
}

/** Removes the stub again: the window is back to happy-dom's (no Highlight API). */
export function removeHighlightApi(win: Window = window): void {
  const w = win as unknown as ApiWindow;
  if (originalCss.has(win)) {
    const descriptor = originalCss.get(win);
    originalCss.delete(win);
    if (descriptor) Object.defineProperty(win, 'CSS', descriptor);
    else delete w.CSS;
  }
  delete w.Highlight;
}

/** The text of every registered range, in document order, whatever its colour group. */
export function highlightedTexts(registry: FakeRegistry): string[] {
  const ranges = [...registry.values()].flatMap((h) => [...h]);
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString());
}

/** The registered group names, each with the text of its ranges. */
export function highlightGroups(registry: FakeRegistry): Record<string, string[]> {
  return Object.fromEntries([...registry].map(([name, h]) => [name, [...h].map((r) => r.toString())]));
}

/** True for a name the highlighter uses: a speaker colour, unattributed or the flash. */
export function isOurHighlightName(name: string): boolean {
  return name === HIGHLIGHT_NONE || name === HIGHLIGHT_FLASH || new RegExp(`^${HIGHLIGHT_PREFIX}\\d+$`).test(name);
}
