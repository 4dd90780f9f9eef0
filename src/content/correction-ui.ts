// The hand-correction UI, a chunk of its own (dist/<target>/correction-ui.js): the "Show hidden"
// labels, the "hide a block" picker and the selector writer. Only a reader who asks for them
// needs them, so the content script loads this module with import() when asked (corrections.ts)
// instead of shipping it to every page. Stateless: what it changes goes through the hooks.
import type { ClutterKind } from '../core/types';
import { createOverlay, message, type Overlay, pageBox } from './overlay';
import { Picker, type PickerHooks } from './picker';

export { stableSelector } from '../core/selector';

/** The hidden-by-attribute hook (page.ts). */
const HIDDEN_ATTR = 'data-quotelens-hidden';

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
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    button.setAttribute('aria-label', `${button.textContent}: ${name.textContent}, “${text}”`);
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
}
