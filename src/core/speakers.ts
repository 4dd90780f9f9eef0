// Who said each quote. Text in, plain data out.
import type { AttributionRule, Lang, QuoteSpan, Speaker, TextBlock } from './types';

export interface Attribution {
  speaker: string | null;
  mention: string | null;
  cue: string | null;
  rule: AttributionRule;
}

export interface AttributionResult {
  attributions: Attribution[];
  speakers: Speaker[];
}

/** First version: nobody. */
export function attributeSpeakers(_blocks: TextBlock[], spans: QuoteSpan[], _lang: Lang): AttributionResult {
  return {
    attributions: spans.map(() => ({ speaker: null, mention: null, cue: null, rule: 'none' })),
    speakers: [],
  };
}
