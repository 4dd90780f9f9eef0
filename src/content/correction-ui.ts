// The hand-correction UI, a chunk of its own (dist/<target>/correction-ui.js): the "Show hidden"
// labels, the "hide a block" picker, the selector writer, and the application of a site's stored
// corrections. Only a reader who asks for the controls, or a site with stored corrections, needs
// them, so the content script loads this module with import() then (corrections.ts) instead of
// shipping it to every page. Stateless: what it changes goes through its arguments.
import type { ClutterBlock } from '../core/clutter';
import type { PageRead } from '../core/read-page';
import { matchCorrections } from '../core/selector';
import type { ClutterKind } from '../core/types';
import { storedRulesFor } from '../shared/corrections';
import { createOverlay, message, type Overlay, pageBox, shortText } from './overlay';
import { Picker, type PickerHooks } from './picker';
import { HIDDEN_ATTR, PICKED_ATTR } from './style';

export { stableSelector } from '../core/selector';
export { storedRulesFor };

/**
 * The stored rules of a site and the blocks kept on this page; how a picked block is listed (the
 * content script's own reason and hidden-text helper, so this chunk imports nothing of the read).
 */
export interface CorrectionRules {
  keep: readonly string[];
  hide: readonly string[];
  kept: ReadonlySet<Element>;
  pickedReason: string;
  hiddenText(el: Element): string;
}

/** The read as the reader corrected it: kept blocks are not clutter, picked blocks are. */
export function adjustRead(doc: Document, read: PageRead, rules: CorrectionRules): PageRead {
  const found = matchCorrections(doc, read.root, { keep: [...rules.keep], hide: [...rules.hide] });
  const keep = (el: Element) => found.keep.has(el) || rules.kept.has(el);
  // report.hidden is read.clutter's entries in the same order.
  const stays = read.clutter.map((c) => !keep(c.element));
  const clutter = read.clutter.filter((_, i) => stays[i]);
  const hidden = read.report.hidden.filter((_, i) => stays[i]);
  const known = new Set(clutter.map((c) => c.element));
  for (const el of found.hide) {
    if (known.has(el) || keep(el) || clutter.some((c) => c.element.contains(el))) continue;
    el.setAttribute(PICKED_ATTR, '');
    clutter.push({ element: el, kind: 'other', reason: rules.pickedReason });
    hidden.push({ kind: 'other', text: rules.hiddenText(el), reason: rules.pickedReason });
  }
  const report = {
    ...read.report,
    hidden,
    notes: [...read.report.notes, ...found.skipped.map((s) => `a hide correction was not applied: ${s}`)],
  };
  return { ...read, clutter, report };
}

/** Late clutter the observer found, without the blocks the reader keeps. */
export function withoutKept(doc: Document, found: ClutterBlock[], rules: CorrectionRules): ClutterBlock[] {
  const { keep } = matchCorrections(doc, null, { keep: [...rules.keep], hide: [] });
  return found.filter((c) => !keep.has(c.element) && !rules.kept.has(c.element));
}

/** One label per hidden block with a box on the page: its kind and a "Keep visible" button. */
export function showLabels(
  doc: Document,
  win: Window,
  hidden: readonly Element[],
  onKeep: (el: Element, kind: ClutterKind) => void,
): Overlay {
  const overlay = createOverlay(doc);
  for (const el of hidden) {
    const box = pageBox(el, win);
    if (box.width === 0 && box.height === 0) continue;
    const kind = (el.getAttribute(HIDDEN_ATTR) ?? 'other') as ClutterKind;
    const label = doc.createElement('div');
    label.className = 'label';
    label.style.top = `${Math.max(0, box.top)}px`;
    label.style.left = `${Math.max(0, box.left)}px`;
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = message('keepVisible');
    const name = doc.createElement('span');
    name.textContent = message(`kind_${kind}`);
    button.setAttribute('aria-label', `${button.textContent}: ${name.textContent}, “${shortText(el, 60)}”`);
    button.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      onKeep(el, kind);
      label.className = 'label kept';
      name.textContent = message('keptVisible');
      button.remove();
    });
    label.append(button, name);
    overlay.root.appendChild(label);
  }
  return overlay;
}

export function startPicker(doc: Document, win: Window, hooks: PickerHooks): Picker {
  return new Picker(doc, win, hooks);
}

/** What the content script gets from `import()` of this chunk. */
export interface CorrectionUi {
  showLabels: typeof showLabels;
  startPicker: typeof startPicker;
  stableSelector(el: Element): string | null;
  storedRulesFor: typeof storedRulesFor;
  adjustRead: typeof adjustRead;
  withoutKept: typeof withoutKept;
}
