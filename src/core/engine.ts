// The attribution engine: text blocks in, quotes and speakers out. Plain data both ways, so the
// same code runs in the extension's background (blocks sent by the content script), the CLI, the
// unit tests and the benchmarks: a figure measured in Node is the figure a reader gets.
import { findQuotes, MAX_SPANS } from './quotes';
import { readingMinutes } from './reading-time';
import { attributeSpeakers } from './speakers';
import type { BlockText, Lang, Quote, Speaker } from './types';

export interface EngineOptions {
  /** A clock in milliseconds (performance.now where there is one). */
  now?: () => number;
  /** Told when each stage ends. */
  onStage?: (stage: string, start: number, end: number) => void;
}

export interface EngineResult {
  quotes: Quote[];
  speakers: Speaker[];
  /** Notes about caps that were hit; empty when none. */
  notes: string[];
  /** Milliseconds per stage: quotes, speakers. */
  timings: { quotes: number; speakers: number };
  /** Whole minutes the blocks take to read (reading-time.ts); 0 for no text. */
  readingMinutes: number;
}

const round2 = (ms: number): number => Math.round(ms * 100) / 100;

/** Finds the quotations of `blocks` and who said each one. Never changes its input. */
export function attributeBlocks(blocks: readonly BlockText[], lang: Lang, options: EngineOptions = {}): EngineResult {
  const now = options.now ?? (() => Date.now());
  const list = blocks as BlockText[];
  const notes: string[] = [];
  const t0 = now();
  const spans = findQuotes(list);
  const t1 = now();
  if (spans.length >= MAX_SPANS) notes.push(`quote cap reached: only the first ${MAX_SPANS} quotations were read`);
  const { attributions, speakers } = attributeSpeakers(list, spans, lang);
  const t2 = now();
  options.onStage?.('quotes', t0, t1);
  options.onStage?.('speakers', t1, t2);
  const quotes: Quote[] = spans.map((span, i) => {
    const a = attributions[i]!;
    return {
      id: `q${i}`,
      text: span.text,
      speaker: a.speaker,
      mention: a.mention,
      cue: a.cue,
      rule: a.rule,
      kind: span.kind,
      block: span.block,
      start: span.start,
      end: span.end,
      ...(a.confidence !== undefined ? { confidence: Math.round(a.confidence * 1000) / 1000 } : {}),
      ...(a.step === 'quote:title' ? { title: true as const } : {}),
    };
  });
  return {
    quotes,
    speakers,
    notes,
    timings: { quotes: round2(t1 - t0), speakers: round2(t2 - t1) },
    readingMinutes: readingMinutes(list),
  };
}
