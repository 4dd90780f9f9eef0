// Quotation spans in text blocks. Text in, plain data out.
import type { QuoteSpan, TextBlock } from './types';

/** First version: curly and straight double quotes within one block. */
export function findQuotes(blocks: TextBlock[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const re = /[“"]([^”"]{2,}?)[”"]/g;
  for (const block of blocks) {
    for (const m of block.text.matchAll(re)) {
      const start = (m.index ?? 0) + 1;
      const text = m[1] ?? '';
      spans.push({ block: block.index, start, end: start + text.length, text, open: '“', close: '”', kind: 'direct' });
    }
  }
  return spans;
}
