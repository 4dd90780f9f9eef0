// Late content of a live page, handled incrementally: the subtrees that were added or changed are
// read on their own (new clutter classified, new text blocks), only those blocks go to the engine,
// with a few blocks before them as context for pronouns and continuations, and the answer is merged
// into the report. The page is never read whole for a change that is not navigation-sized.

import type { BlockText, PageReport, Quote, TextBlock } from '../core/types';
import type { AnalyzeReply } from '../shared/messages';

/** Blocks before the new ones sent as context: the sentence that names who "he" is, usually one or two back. */
export const CONTEXT_BLOCKS = 3;
/** Share of the article's blocks gone from the page that makes a change navigation-sized. */
export const REPLACED_SHARE = 0.5;

/**
 * The elements to read again: for a node added inside a known block, that block's element (its
 * text changed); else the added element itself. Nested targets are dropped (the outer one holds them).
 */
export function changedTargets(
  added: readonly Node[],
  root: Element,
  blockOf: ReadonlyMap<Element, TextBlock>,
): Element[] {
  const targets = new Set<Element>();
  for (const node of added) {
    if (!node.isConnected || !root.contains(node)) continue;
    let target: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    for (let el: Element | null = target; el && el !== root; el = el.parentElement) {
      if (blockOf.has(el)) {
        target = el;
        break;
      }
    }
    if (target && target !== root) targets.add(target);
  }
  const list = [...targets];
  return list.filter((t) => !list.some((o) => o !== t && o.contains(t)));
}

/**
 * Where to look for late clutter: each added element, or their parent when several siblings arrived
 * together (a ticker, an infinite list): one look at the parent instead of one per child. Never a
 * parent that holds the article root (that would be the whole page again).
 */
export function clutterScopes(added: readonly Node[], root: Element): Element[] {
  const els = added.filter((n): n is Element => n.nodeType === 1 && n.isConnected);
  const siblings = new Map<Element, number>();
  for (const el of els) if (el.parentElement) siblings.set(el.parentElement, (siblings.get(el.parentElement) ?? 0) + 1);
  const scopes = new Set<Element>();
  for (const el of els) {
    const parent = el.parentElement;
    scopes.add(parent && siblings.get(parent)! > 1 && !parent.contains(root) ? parent : el);
  }
  const list = [...scopes];
  return list.filter((t) => !list.some((o) => o !== t && o.contains(t)));
}

/** Up to CONTEXT_BLOCKS live blocks that come before `first` in the document, in document order. */
export function contextBefore(blocks: readonly TextBlock[], first: Element, skip: ReadonlySet<TextBlock>): TextBlock[] {
  const found: TextBlock[] = [];
  // Known blocks are in document order (late ones appended after): the nearest come last.
  for (let i = blocks.length - 1; i >= 0 && found.length < CONTEXT_BLOCKS; i--) {
    const b = blocks[i]!;
    if (!skip.has(b) && b.element.isConnected && b.element.compareDocumentPosition(first) & 4) found.push(b);
  }
  return found.reverse();
}

/** The request's blocks: context then fresh, numbered from 0 as the engine expects. */
export function requestBlocks(context: readonly TextBlock[], fresh: readonly TextBlock[]): BlockText[] {
  return [...context, ...fresh].map((b, index) => ({ index, text: b.text, tag: b.tag, isHeading: b.isHeading }));
}

/**
 * Merges the engine's answer for context + fresh blocks into the report: quotes of the fresh blocks
 * only, renumbered to the page's block indexes and given new ids; speakers counted up or added.
 * Returns the new quotes (null when the answer does not fit the request).
 */
export function mergeReply(
  report: PageReport,
  reply: AnalyzeReply,
  sent: readonly BlockText[],
  fresh: readonly TextBlock[],
  nextId: () => string,
): Quote[] | null {
  const offset = sent.length - fresh.length;
  const added: Quote[] = [];
  for (const q of reply.quotes) {
    const block = sent[q.block];
    if (!block || q.start > q.end || block.text.slice(q.start, q.end) !== q.text) return null;
    if (q.block < offset) continue;
    added.push({ ...q, id: nextId(), block: fresh[q.block - offset]!.index });
  }
  for (const q of added) {
    if (q.speaker === null) continue;
    let speaker = report.speakers.find((s) => s.name === q.speaker);
    if (!speaker) {
      const from = reply.speakers.find((s) => s.name === q.speaker);
      if (!from) {
        q.speaker = null;
        continue;
      }
      speaker = { ...from, quotes: 0, quoteIds: [] };
      report.speakers.push(speaker);
    }
    speaker.quotes++;
    speaker.quoteIds.push(q.id);
  }
  report.quotes.push(...added);
  return added;
}

/** Drops the quotes whose block is gone or was read again; speakers left with none go too. True if any went. */
export function pruneQuotes(report: PageReport, stale: (q: Quote) => boolean): boolean {
  const gone = new Set(report.quotes.filter(stale).map((q) => q.id));
  if (gone.size === 0) return false;
  report.quotes = report.quotes.filter((q) => !gone.has(q.id));
  for (const s of report.speakers) {
    s.quoteIds = s.quoteIds.filter((id) => !gone.has(id));
    s.quotes = s.quoteIds.length;
  }
  report.speakers = report.speakers.filter((s) => s.quotes > 0);
  return true;
}
