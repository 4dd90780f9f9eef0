// The background's check of an analyzeBlocks request. A content script runs inside pages the
// extension does not trust (a compromised renderer can send anything), so the request is rebuilt
// field by field from what is allowed, and refused whole when it is too large or malformed.
import { MAX_BLOCKS, MAX_CHARS } from '../core/article-measure';
import type { BlockText, Lang } from '../core/types';
import type { AnalyzeRequest } from './messages';

/** No page yields more blocks than the walk's own cap. */
export const MAX_REQUEST_BLOCKS = MAX_BLOCKS;
/** Nor more text than the walk's own cap. */
export const MAX_REQUEST_CHARS = MAX_CHARS;
/** Tag names are short; custom elements ("story-body-paragraph") are the longest we expect. */
export const MAX_TAG_CHARS = 64;

const LANGS: readonly Lang[] = ['en', 'de', 'fr'];
const TAG = /^[a-z][a-z0-9-]*$/;

/** The request as plain, fresh data; throws with the reason when it is not one we serve. */
export function checkAnalyzeRequest(value: unknown): AnalyzeRequest {
  if (typeof value !== 'object' || value === null) throw new Error('analyzeBlocks: not an object');
  const { blocks, lang } = value as Record<string, unknown>;
  if (typeof lang !== 'string' || !(LANGS as readonly string[]).includes(lang))
    throw new Error('analyzeBlocks: unknown language');
  if (!Array.isArray(blocks)) throw new Error('analyzeBlocks: blocks is not an array');
  if (blocks.length > MAX_REQUEST_BLOCKS) throw new Error(`analyzeBlocks: more than ${MAX_REQUEST_BLOCKS} blocks`);
  let chars = 0;
  const out: BlockText[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Record<string, unknown> | null;
    if (typeof b !== 'object' || b === null) throw new Error(`analyzeBlocks: block ${i} is not an object`);
    const { index, text, tag, isHeading } = b;
    // The engine keys blocks by index: they must be 0, 1, 2, … in order.
    if (index !== i) throw new Error(`analyzeBlocks: block ${i} has index ${String(index)}`);
    if (typeof text !== 'string') throw new Error(`analyzeBlocks: block ${i} has no text`);
    if (typeof tag !== 'string' || tag.length > MAX_TAG_CHARS || !TAG.test(tag))
      throw new Error(`analyzeBlocks: block ${i} has a bad tag`);
    if (typeof isHeading !== 'boolean') throw new Error(`analyzeBlocks: block ${i} has no heading flag`);
    chars += text.length;
    if (chars > MAX_REQUEST_CHARS) throw new Error(`analyzeBlocks: more than ${MAX_REQUEST_CHARS} characters`);
    out.push({ index, text, tag, isHeading });
  }
  return { blocks: out, lang: lang as Lang };
}
