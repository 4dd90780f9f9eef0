// HTML text to a Document for the CLI, the tests and the scripts: happy-dom with everything that
// would run or fetch switched off, and the nesting capped as browsers' parsers cap it.
import { Window } from 'happy-dom';
import './happy-dom-svg-raw-text';

/**
 * Browsers' HTML parsers stop nesting at this depth (Blink: 512) and add deeper elements as
 * siblings; happy-dom does not, and its recursive selector engine overflows the stack on a page
 * nested 10,000 deep. We rebuild what a browser would have built.
 */
export const MAX_PARSER_DEPTH = 512;

/** Parses HTML into a Document without running its scripts or fetching anything. */
export function parseHtml(html: string, url = 'http://localhost/'): Document {
  return parseHtmlWithNotes(html, url).doc;
}

/** parseHtml, plus notes on what was repaired on the way (nesting flattened). */
export function parseHtmlWithNotes(html: string, url = 'http://localhost/'): { doc: Document; notes: string[] } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const moved = capNestingDepth(doc, MAX_PARSER_DEPTH);
  const notes =
    moved > 0 ? [`nesting deeper than ${MAX_PARSER_DEPTH} flattened, as browsers do (${moved} elements moved up)`] : [];
  return { doc, notes };
}

/**
 * Moves elements nested deeper than `max` up to be children of their ancestor at depth `max`, in
 * document order, each keeping its own text (what Blink's parser builds). Iterative: the page may
 * be 100,000 deep. Returns how many elements moved.
 */
export function capNestingDepth(doc: Document, max: number): number {
  let moved = 0;
  const todo: [Element, number][] = [[doc.documentElement, 1]];
  while (todo.length > 0) {
    const [el, depth] = todo.pop()!;
    if (depth >= max) {
      moved += flattenBelow(el);
      continue;
    }
    for (const child of Array.from(el.children)) todo.push([child, depth + 1]);
  }
  return moved;
}

function flattenBelow(host: Element): number {
  const order: Element[] = [];
  const todo: Element[] = Array.from(host.children).reverse();
  while (todo.length > 0) {
    const el = todo.pop()!;
    order.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) todo.push(kids[i]!);
  }
  // Deepest first, so each element moves without a subtree (the DOM library recurses over moved
  // subtrees), each inserted before the one moved last: the host's children end in document order.
  let moved = 0;
  let ref: Element | null = null;
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    if (el.parentElement !== host) moved++;
    host.insertBefore(el, ref);
    ref = el;
  }
  return moved;
}
