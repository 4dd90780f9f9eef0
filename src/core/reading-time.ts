// How long the article takes to read, for the popup: words at an adult's silent reading speed for
// non-fiction (238 a minute, Brysbaert 2019, a meta-analysis of 190 studies), and characters for
// scripts written without spaces between words (Chinese, Japanese: about 500 a minute, so a
// character counts about half a word). Pure: the article's text blocks in, whole minutes out.
import type { BlockText } from './types';

export const WORDS_PER_MINUTE = 238;
/** Characters of Han, Hiragana and Katakana read in the time of one word. */
const CHARS_PER_WORD = 2;

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Words of `text`, a character of an unspaced script counting 1/CHARS_PER_WORD. */
export function wordCount(text: string): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const words = text.replace(UNSPACED, ' ').match(WORD)?.length ?? 0;
  return words + unspaced / CHARS_PER_WORD;
}

/** Whole minutes to read the blocks (at least 1 when there is any text, 0 when there is none). */
export function readingMinutes(blocks: readonly BlockText[]): number {
  let words = 0;
  for (const b of blocks) words += wordCount(b.text);
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
