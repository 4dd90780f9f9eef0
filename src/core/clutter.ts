// Which blocks of the page are clutter, and of what kind. Document in, plain data out.
import type { ClutterKind } from './types';

export interface ClutterBlock {
  element: Element;
  kind: ClutterKind;
  reason: string;
}

export interface ClutterOptions {
  mode: 'declutter' | 'focus';
  hideComments: boolean;
}

const LABELS: [RegExp, ClutterKind][] = [
  [/^(advertisement|anzeige|publicité)$/i, 'ad'],
  [/^(trending|most read|most popular|meistgelesen)$/i, 'trending'],
  [/^(connect with us|share this:?)$/i, 'social'],
  [/^newsletter$/i, 'newsletter'],
];

/** First version: blocks whose label or heading names a clutter kind. */
export function findClutterBlocks(doc: Document, root: Element | null, _options: ClutterOptions): ClutterBlock[] {
  const found: ClutterBlock[] = [];
  const seen = new Set<Element>();
  for (const label of Array.from(doc.body?.querySelectorAll('span, h2, h3, h4, h5, h6') ?? [])) {
    const text = (label.textContent ?? '').trim();
    const hit = LABELS.find(([re]) => re.test(text));
    const block = label.parentElement;
    if (!hit || !block || seen.has(block)) continue;
    if (root && (block === root || block.contains(root))) continue;
    seen.add(block);
    found.push({ element: block, kind: hit[1], reason: `label '${text}'` });
  }
  return found;
}
