// The one element Quotelens adds to a page for its in-page controls (the "Show hidden" labels, the
// picker): a host with a closed shadow root, so the page's styles and scripts cannot reach in and
// ours do not leak out. It is marked, and removed when the controls go away.

/** A message of _locales (its key outside an extension: unit tests); read when asked, not at import. */
export function message(key: string): string {
  const g = globalThis as { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } };
  return (g.browser?.i18n ?? g.chrome?.i18n)?.getMessage(key) || key;
}
interface I18n {
  getMessage(key: string): string;
}

export const UI_ATTR = 'data-quotelens-ui';

/** An element's text with white space collapsed, cut at `chars`: how a block is named to the reader. */
export function shortText(el: Element, chars: number): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, chars);
}

/** Labels and picker above everything the page draws. */
const TOP = 2147483647;

const CSS = `:host{all:initial}
*{box-sizing:border-box;font:13px/1.3 system-ui,sans-serif}
.label{position:absolute;display:flex;white-space:nowrap;gap:6px;align-items:center;padding:3px 4px;border-radius:6px;background:#5b3cc4;color:#fff;box-shadow:0 1px 6px rgba(0,0,0,.35);z-index:1}
.label.kept{background:#1b5e20}
button{min-height:24px;padding:2px 8px;border:0;border-radius:4px;background:#fff;color:#2e1a78;font-weight:600;cursor:pointer}
button:focus-visible{outline:3px solid #ffcc00;outline-offset:1px}
.box{position:absolute;pointer-events:none;outline:3px solid #c2185b;background:rgba(194,24,91,.12);z-index:0}
.bar{position:fixed;left:50%;bottom:16px;transform:translateX(-50%);display:flex;gap:10px;align-items:center;max-width:92vw;padding:8px 12px;border-radius:8px;background:#1d1d1f;color:#fff;box-shadow:0 2px 12px rgba(0,0,0,.4);z-index:2}
.bar:focus{outline:3px solid #ffcc00}`;

export interface Overlay {
  root: ShadowRoot;
  /** The host element (tests and the picker tell our own nodes from the page's). */
  host: HTMLElement;
  remove(): void;
}

export function createOverlay(doc: Document): Overlay {
  const host = doc.createElement('div');
  host.setAttribute(UI_ATTR, '');
  host.style.cssText = `position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:${TOP}`;
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  root.appendChild(style);
  doc.documentElement.appendChild(host);
  return { root, host, remove: () => host.remove() };
}

/** An element's box in page coordinates (the host sits at the page's origin). */
export function pageBox(el: Element, win: Window): { top: number; left: number; width: number; height: number } {
  const r = el.getBoundingClientRect();
  return { top: r.top + win.scrollY, left: r.left + win.scrollX, width: r.width, height: r.height };
}
