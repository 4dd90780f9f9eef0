// The one stylesheet the content script injects. Hiding is by attribute, so undo is removing the
// attribute (or the stylesheet); nothing of the page is ever removed.
import { type Palette, SPEAKER_COLOURS, tintFor, UNATTRIBUTED, underlineFor } from '../shared/palette';

export const STYLE_ID = 'quotelens-style';
export const HIGHLIGHT_PREFIX = 'quotelens-s';
export const HIGHLIGHT_NONE = 'quotelens-none';
export const HIGHLIGHT_FLASH = 'quotelens-flash';
/** The DOM hook on a hidden block (its kind as value): what the stylesheet hides. */
export const HIDDEN_ATTR = 'data-quotelens-hidden';
/** Marks a block the reader hid with the picker (a DOM hook next to data-quotelens-hidden="other"). */
export const PICKED_ATTR = 'data-quotelens-picked';

export function stylesheetText(palette: Palette = 'standard'): string {
  const width = underlineFor(palette);
  const speakers = SPEAKER_COLOURS.map(
    (c, i) =>
      `::highlight(${HIGHLIGHT_PREFIX}${i}){background-color:${tintFor(palette, c.bg)};text-decoration:underline ${width} ${c.line};text-underline-offset:3px}`,
  ).join('\n');
  return `html:not([data-quotelens-reveal]) [data-quotelens-hidden]{display:none!important}
html[data-quotelens-reveal] [data-quotelens-hidden]{outline:2px dashed #5b3cc4!important;outline-offset:-2px}
${speakers}
::highlight(${HIGHLIGHT_NONE}){background-color:${tintFor(palette, UNATTRIBUTED.bg)};text-decoration:underline dotted 1px ${UNATTRIBUTED.line}}
::highlight(${HIGHLIGHT_FLASH}){background-color:rgba(255,230,0,0.9);color:#000}
[data-quotelens-tip]{position:absolute;z-index:2147483647;max-width:320px;padding:6px 10px;border-radius:6px;font:13px/1.4 system-ui,sans-serif;background:#1d1d1f;color:#fff;box-shadow:0 2px 10px rgba(0,0,0,.3);pointer-events:none}
@media (prefers-color-scheme: dark){[data-quotelens-tip]{background:#f5f5f7;color:#111}}`;
}
