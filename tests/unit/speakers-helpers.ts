// The one helper the speaker tests share: HTML body in, the speaker of each quote out.
import { parseHtml } from '../../src/cli/parse-html';
import { findQuotes } from '../../src/core/quotes';
import { type AttributeOptions, attributeSpeakers } from '../../src/core/speakers';
import { collectTextBlocks } from '../../src/core/text';
import type { Lang } from '../../src/core/types';

/**
 * Speakers of the quotes of an HTML body, in page order, and the full result. The sieve's answer
 * (`model: null`): these tests pin the rules; tests/unit/speakers-model.test.ts tests what the model withholds.
 */
export function analyse(html: string, lang: Lang = 'en', options: AttributeOptions = { model: null }) {
  const doc = parseHtml(`<html><body>${html}</body></html>`);
  const { blocks } = collectTextBlocks(doc.body);
  const spans = findQuotes(blocks);
  const result = attributeSpeakers(blocks, spans, lang, options);
  return { who: result.attributions.map((a) => a.speaker), result };
}
