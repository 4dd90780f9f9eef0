// The one helper the speaker tests share: HTML body in, the speaker of each quote out.
import { parseHtml } from '../../src/cli/parse-html';
import { findQuotes } from '../../src/core/quotes';
import { attributeSpeakers } from '../../src/core/speakers';
import { collectTextBlocks } from '../../src/core/text';
import type { Lang } from '../../src/core/types';

/** Speakers of the quotes of an HTML body, in page order, and the full result. */
export function analyse(html: string, lang: Lang = 'en') {
  const doc = parseHtml(`<html><body>${html}</body></html>`);
  const { blocks } = collectTextBlocks(doc.body);
  const spans = findQuotes(blocks);
  const result = attributeSpeakers(blocks, spans, lang);
  return { who: result.attributions.map((a) => a.speaker), result };
}
