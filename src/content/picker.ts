// The "hide a block" picker: the block under the pointer is outlined, a click hides it, Esc
// leaves. From the keyboard: ↓/↑ move to the next/previous block, ← widens to the enclosing
// block, → narrows to the first block inside, Enter hides, Esc leaves. The page gets none of the
// clicks and keys while it runs. Blocks that hold the article cannot be picked.
import { createOverlay, message, type Overlay, pageBox, UI_ATTR } from './overlay';

/** Elements that make a block a reader would call one thing (inline elements widen to these). */
const BLOCK_TAG =
  /^(div|section|aside|nav|header|footer|figure|[uod]l|li|form|table|iframe|p|blockquote|article|h[1-6])$/;

export interface PickerHooks {
  articleRoot(): Element | null;
  onPick(el: Element): void;
  onStop(): void;
}

export class Picker {
  private readonly overlay: Overlay;
  private readonly box: HTMLElement;
  private readonly hint: HTMLElement;
  private current: Element | null = null;
  private readonly aborter = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private readonly hooks: PickerHooks,
  ) {
    this.overlay = createOverlay(doc);
    this.box = doc.createElement('div');
    this.box.className = 'box';
    this.box.hidden = true;
    const bar = doc.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'dialog');
    bar.setAttribute('aria-label', message('pickerTitle'));
    bar.tabIndex = -1;
    this.hint = doc.createElement('span');
    this.hint.setAttribute('aria-live', 'polite');
    this.hint.textContent = message('pickerHint');
    const done = doc.createElement('button');
    done.type = 'button';
    done.textContent = message('pickerDone');
    done.addEventListener('click', (e) => {
      e.stopPropagation();
      this.stop();
    });
    bar.append(this.hint, done);
    this.overlay.root.append(this.box, bar);
    const opts = { capture: true, signal: this.aborter.signal };
    win.addEventListener('mouseover', (e) => this.onPointer(e), opts);
    win.addEventListener('click', (e) => this.onClick(e), opts);
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick'] as const) {
      win.addEventListener(type, (e) => this.swallow(e), opts);
    }
    win.addEventListener('keydown', (e) => this.onKey(e), opts);
    bar.focus();
  }

  stop(): void {
    this.aborter.abort();
    this.overlay.remove();
    this.hooks.onStop();
  }

  /** The block the picker would hide for an event target, or null (our own controls, <body>). */
  blockFor(target: EventTarget | null): Element | null {
    let el = (target as Node | null)?.nodeType === 1 ? (target as Element) : null;
    if (el?.closest(`[${UI_ATTR}]`)) return null;
    while (el && el !== this.doc.body && !BLOCK_TAG.test(el.tagName.toLowerCase())) el = el.parentElement;
    if (!el || el === this.doc.body || el === this.doc.documentElement) return null;
    return el;
  }

  private ours(e: Event): boolean {
    return e.composedPath().includes(this.overlay.host);
  }

  private swallow(e: Event): void {
    if (this.ours(e)) return;
    e.preventDefault();
    e.stopPropagation();
  }

  private onPointer(e: MouseEvent): void {
    if (this.ours(e)) return;
    this.select(this.blockFor(e.target));
  }

  private onClick(e: MouseEvent): void {
    if (this.ours(e)) return;
    this.swallow(e);
    if (!e.isTrusted) return;
    this.select(this.blockFor(e.target));
    this.hideCurrent(false);
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted || !this.key(e.key)) return;
    e.preventDefault();
    e.stopPropagation();
  }

  /** What a key does in the picker; false for keys it leaves to the page. */
  key(name: string): boolean {
    const moves: Record<string, () => Element | null> = {
      ArrowDown: () => this.step(1),
      ArrowUp: () => this.step(-1),
      ArrowLeft: () => (this.current ? this.blockFor(this.current.parentElement) : null),
      ArrowRight: () => (this.current ? (this.blocksIn(this.current)[0] ?? null) : null),
    };
    if (name === 'Escape') this.stop();
    else if (name === 'Enter') this.hideCurrent(true);
    else if (moves[name]) {
      const next = moves[name]!();
      if (next) this.select(next, true);
    } else return false;
    return true;
  }

  /** Visible blocks under `root` in document order. */
  private blocksIn(root: Element): Element[] {
    return [...root.querySelectorAll('*')].filter((el) => this.blockFor(el) === el && isShown(el));
  }

  private step(by: 1 | -1): Element | null {
    const all = this.blocksIn(this.doc.body);
    const at = this.current ? all.indexOf(this.current) : -1;
    return all[at + by] ?? all[by === 1 ? 0 : all.length - 1] ?? null;
  }

  private select(el: Element | null, scroll = false): void {
    this.current = el;
    this.box.hidden = el === null;
    if (!el) return;
    const b = pageBox(el, this.win);
    Object.assign(this.box.style, {
      top: `${b.top}px`,
      left: `${b.left}px`,
      width: `${b.width}px`,
      height: `${b.height}px`,
    });
    if (scroll) el.scrollIntoView?.({ block: 'nearest' });
  }

  /** Hides the selected block; from the keyboard the next block is selected after it. */
  private hideCurrent(advance: boolean): void {
    const el = this.current;
    if (!el) return;
    const root = this.hooks.articleRoot();
    if (root && el.contains(root)) {
      this.hint.textContent = message('pickerArticle');
      return;
    }
    const after = advance ? this.blocksIn(this.doc.body).filter((b) => !el.contains(b)) : [];
    const next = after.find((b) => el.compareDocumentPosition(b) & 4 /* FOLLOWING */) ?? null;
    this.hooks.onPick(el);
    this.select(next, advance);
  }
}

function isShown(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}
