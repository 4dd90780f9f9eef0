// The hover card over a highlighted quote: speaker, role, quote number. Highlights made with the
// Custom Highlight API have no elements to hover, so we hit-test the pointer against the ranges.
const TIP_ATTR = 'data-quotelens-tip';

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export class QuoteTips {
  private entries: [string, Range][] = [];
  /** The elements holding a highlighted quote: a pointer anywhere else needs no hit test. */
  private holders = new Set<Node>();
  private tip: HTMLElement | null = null;
  private controller: AbortController | null = null;
  private frame = 0;
  /** Timers of showFor still to run. */
  private readonly timers = new Set<number>();
  private shownId: string | null = null;
  /** A card opened from the popup stays through the scroll that brought it into view. */
  private pinned = false;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private readonly label: (id: string) => string | null,
  ) {}

  start(entries: [string, Range][]): void {
    this.stop();
    this.entries = entries;
    this.holders = new Set(
      entries.map(([, r]) => {
        const c = r.commonAncestorContainer;
        return c.nodeType === 1 ? c : (c.parentNode ?? c);
      }),
    );
    if (entries.length === 0) return;
    this.controller = new AbortController();
    const { signal } = this.controller;
    this.doc.addEventListener(
      'pointermove',
      (e) => {
        if (this.frame) return;
        // Off every quote (most of the time, on a live page too): no caret lookup, which would
        // force a layout of the page in the next frame.
        if (!this.overQuote(e.target as Node | null)) {
          if (this.shownId !== null && !this.pinned) this.hide();
          return;
        }
        this.frame = this.win.requestAnimationFrame(() => {
          this.frame = 0;
          this.onPointer(e.clientX, e.clientY);
        });
      },
      { passive: true, signal },
    );
    this.doc.addEventListener('keydown', (e) => e.key === 'Escape' && this.hide(), { signal });
    this.win.addEventListener('scroll', () => this.pinned || this.hide(), { passive: true, signal });
  }

  stop(): void {
    // A card still due from showFor must not appear after stop (the page is being restored).
    for (const timer of this.timers) this.win.clearTimeout(timer);
    this.timers.clear();
    this.pinned = false;
    this.controller?.abort();
    this.controller = null;
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.entries = [];
    this.holders = new Set();
    this.hide();
  }

  /** The hover card is ours, not page content. */
  owns(node: Node): boolean {
    return node === this.tip;
  }

  /** Shows the card for a quote without a pointer (after the popup scrolled to it). */
  showFor(id: string, range: Range): void {
    this.pinned = true;
    this.later(() => {
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      this.show(id, rect.left, rect.bottom + 6);
      this.later(() => {
        this.pinned = false;
      }, 600);
    }, 450);
  }

  private overQuote(target: Node | null): boolean {
    for (let n = target; n; n = n.parentNode) if (this.holders.has(n)) return true;
    return false;
  }

  /** setTimeout that stop() cancels. */
  private later(fn: () => void, ms: number): void {
    const timer = this.win.setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private onPointer(x: number, y: number): void {
    const pos = this.caretAt(x, y);
    const hit = pos ? this.entries.find(([, r]) => this.inRange(r, pos.node, pos.offset)) : undefined;
    if (!hit) {
      if (!this.pinned) this.hide();
      return;
    }
    if (hit[0] !== this.shownId) this.show(hit[0], x + 12, y + 16);
  }

  private inRange(range: Range, node: Node, offset: number): boolean {
    try {
      return range.isPointInRange(node, offset);
    } catch {
      return false;
    }
  }

  private caretAt(x: number, y: number): { node: Node; offset: number } | null {
    const d = this.doc as CaretDoc;
    if (d.caretPositionFromPoint) {
      const p = d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    const r = d.caretRangeFromPoint?.(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }

  private show(id: string, x: number, y: number): void {
    const text = this.label(id);
    if (!text) return;
    if (!this.tip) {
      this.tip = this.doc.createElement('div');
      this.tip.setAttribute(TIP_ATTR, '');
      this.tip.setAttribute('role', 'tooltip');
      this.doc.documentElement.appendChild(this.tip);
    }
    this.tip.textContent = text;
    this.tip.style.left = `${Math.max(4, x + this.win.scrollX)}px`;
    this.tip.style.top = `${y + this.win.scrollY}px`;
    this.shownId = id;
  }

  private hide(): void {
    this.tip?.remove();
    this.tip = null;
    this.shownId = null;
  }
}
