// The content script's life: one instance per page, a stale one (its extension disabled, updated or
// removed) restores the page and stops, and a new one takes over from it. Nothing here trusts the
// page: which instance runs is decided by state in the content script's own world and by the
// extension's own runtime, never by an attribute the page can set or remove.

import { STYLE_ID } from './style';

/** How often an instance checks that its extension is still there, and that the page left our marks alone (ms). */
export const GUARD_MS = 1000;
/** Sent by a starting instance: any older instance whose extension is gone restores the page. */
export const TAKEOVER_EVENT = 'quotelens-takeover';
/** Where an instance registers in its world (in Chromium a reloaded extension's scripts share one). */
const WORLD_KEY = Symbol.for('quotelens.instance');

export interface Instance {
  /** Per instance, never shown to the page. */
  token: string;
  /** The extension of this instance is still there. */
  alive(): boolean;
  /** Restores the page and stops everything this instance started. */
  stop(): void;
}

type World = { [WORLD_KEY]?: Instance };

/**
 * Registers `me` in this world. Returns false when a live instance already runs here (a second
 * injection): then `me` must not start. A stale one is stopped (it restores the page) first.
 */
export function claimWorld(me: Instance, world: object = globalThis): boolean {
  const w = world as World;
  const previous = w[WORLD_KEY];
  if (previous && previous.token !== me.token) {
    if (previous.alive()) return false;
    previous.stop();
  }
  w[WORLD_KEY] = me;
  return true;
}

/** Leaves the world's registry if `me` still holds it. */
export function releaseWorld(me: Instance, world: object = globalThis): void {
  const w = world as World;
  if (w[WORLD_KEY] === me) delete w[WORLD_KEY];
}

export interface LifecycleHooks {
  alive(): boolean;
  /** The extension is gone: restore the page (the caller aborts the lifetime after). */
  onGone(): void;
  /** Every GUARD_MS while alive: check the page left our marks alone. */
  onTick(): void;
}

/**
 * Watches for the extension going away: a timer (the only signal Chromium gives an orphaned
 * script is runtime.id turning undefined), the takeover event of a newer instance, and a check the
 * caller may make at any time (`check`, e.g. after a failed message). Stops with `signal`.
 */
export function watchLifecycle(win: Window, hooks: LifecycleHooks, signal: AbortSignal): { check(): boolean } {
  let gone = false;
  const check = (): boolean => {
    if (gone) return false;
    if (hooks.alive()) return true;
    gone = true;
    win.clearInterval(timer);
    hooks.onGone();
    return false;
  };
  const timer = win.setInterval(() => {
    if (check()) hooks.onTick();
  }, GUARD_MS);
  // Anyone may send it, the page too: it only makes an instance look at its own extension.
  win.document.addEventListener(TAKEOVER_EVENT, () => void check(), { signal });
  signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
  return { check };
}

/** Tells instances in other worlds (Firefox: the sandbox of a removed add-on) to look. */
export function announceStart(doc: Document): void {
  doc.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
}

/**
 * Removes what an instance that could not restore the page left on it (Firefox removes an add-on's
 * scripts without letting them run again): our attributes, stylesheet, hover card and highlights.
 * Only marks of ours are touched: the stylesheet is recognised by its text, highlights by name.
 */
export function sweepLeftovers(doc: Document, win: Window, styleSignature: string, highlightNames: string[]): void {
  const html = doc.documentElement;
  for (const name of html.getAttributeNames()) if (name.startsWith('data-quotelens')) html.removeAttribute(name);
  // One scan of the page for both: hidden blocks lose the mark, hover cards go.
  for (const el of doc.querySelectorAll('[data-quotelens-hidden],[data-quotelens-tip]'))
    if (el.hasAttribute('data-quotelens-tip')) el.remove();
    else el.removeAttribute('data-quotelens-hidden');
  // Ours carries our id; a page's own <style> with that id (a decoy) has other text and stays.
  for (const style of doc.querySelectorAll(`style#${STYLE_ID}`))
    if (style.textContent?.startsWith(styleSignature)) style.remove();
  // By name: Firefox does not let a content script iterate the page's registry (Xray).
  const registry = (win as unknown as { CSS?: { highlights?: { delete(name: string): boolean } } }).CSS?.highlights;
  for (const name of highlightNames) registry?.delete(name);
}
