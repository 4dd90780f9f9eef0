// Quote highlights. The CSS Custom Highlight API paints ranges without touching the DOM (nothing
// for the site's scripts to trip over); where it is missing we wrap text in <mark> elements and
// unwrap them on clear.
import { HIGHLIGHT_FLASH, HIGHLIGHT_NONE, HIGHLIGHT_PREFIX } from './style';

export interface QuoteRange {
  id: string;
  range: Range;
  /** Palette index, or null for an unattributed quote. */
  colour: number | null;
}

interface HighlightCtor {
  new (...ranges: Range[]): object;
}
interface HighlightRegistry {
  set(name: string, value: object): void;
  delete(name: string): boolean;
}

function highlightApi(win: Window): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const w = win as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor };
  if (w.CSS?.highlights && typeof w.Highlight === 'function')
    return { registry: w.CSS.highlights, Highlight: w.Highlight };
  return null;
}

export class Highlighter {
  private names = new Set<string>();
  private marks: HTMLElement[] = [];
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  readonly usesHighlightApi: boolean;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
  ) {
    this.usesHighlightApi = highlightApi(win) !== null;
  }

  apply(quotes: QuoteRange[]): void {
    this.clear();
    const api = highlightApi(this.win);
    if (api) {
      const groups = new Map<string, Range[]>();
      for (const q of quotes) {
        const name = q.colour === null ? HIGHLIGHT_NONE : `${HIGHLIGHT_PREFIX}${q.colour}`;
        const list = groups.get(name) ?? [];
        list.push(q.range);
        groups.set(name, list);
      }
      for (const [name, ranges] of groups) {
        api.registry.set(name, new api.Highlight(...ranges));
        this.names.add(name);
      }
      return;
    }
    // Fallback: wrap, last quote first so earlier offsets stay valid.
    for (const q of [...quotes].reverse()) this.wrap(q);
  }

  /** Ranges over the wrapped marks (fallback mode): wrapping splits the text nodes ranges used. */
  markRanges(): Map<string, Range> {
    const out = new Map<string, Range>();
    for (const mark of this.marks) {
      const id = mark.dataset.quotelensQuote ?? '';
      const range = out.get(id);
      if (!range) {
        const r = this.doc.createRange();
        r.selectNodeContents(mark);
        out.set(id, r);
      } else if (range.comparePoint(mark, 0) < 0) range.setStartBefore(mark);
      else range.setEndAfter(mark);
    }
    return out;
  }

  /** Briefly marks one quote (after the popup scrolled to it). */
  flash(range: Range, id: string): void {
    const api = highlightApi(this.win);
    clearTimeout(this.flashTimer);
    if (api) {
      api.registry.set(HIGHLIGHT_FLASH, new api.Highlight(range));
      this.names.add(HIGHLIGHT_FLASH);
      this.flashTimer = setTimeout(() => api.registry.delete(HIGHLIGHT_FLASH), 1600);
      return;
    }
    const marks = this.marks.filter((m) => m.dataset.quotelensQuote === id);
    for (const m of marks) m.classList.add('quotelens-flash');
    this.flashTimer = setTimeout(() => {
      for (const m of marks) m.classList.remove('quotelens-flash');
    }, 1600);
  }

  clear(): void {
    clearTimeout(this.flashTimer);
    const api = highlightApi(this.win);
    if (api) for (const name of this.names) api.registry.delete(name);
    this.names.clear();
    for (const mark of this.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    }
    this.marks = [];
  }

  private wrap(q: QuoteRange): void {
    const { range } = q;
    const segments: { node: Text; start: number; end: number }[] = [];
    const walker = this.doc.createTreeWalker(range.commonAncestorContainer, 0x4);
    let node: Node | null =
      range.commonAncestorContainer.nodeType === 3 ? range.commonAncestorContainer : walker.nextNode();
    while (node) {
      const text = node as Text;
      if (range.intersectsNode(text)) {
        const start = text === range.startContainer ? range.startOffset : 0;
        const end = text === range.endContainer ? range.endOffset : text.data.length;
        if (end > start) segments.push({ node: text, start, end });
      }
      if (node === range.endContainer) break;
      node = walker.nextNode();
    }
    for (const seg of segments.reverse()) {
      const middle = seg.node.splitText(seg.start);
      middle.splitText(seg.end - seg.start);
      const mark = this.doc.createElement('mark');
      mark.dataset.quotelensQuote = q.id;
      mark.dataset.quotelensColour = q.colour === null ? 'none' : String(q.colour);
      middle.parentNode?.insertBefore(mark, middle);
      mark.appendChild(middle);
      this.marks.push(mark);
    }
  }
}
