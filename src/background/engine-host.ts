// The engine in the background (a service worker in Chrome, an event page in Firefox; either may
// be stopped when idle and is woken by the next message). The engine's code is part of the
// background bundle (a Chrome service worker may not import() later); its data, the word-list
// indexes per language, are built on the first request that needs them and kept while the
// background lives (speakers.ts caches them).
import { attributeBlocks } from '../core/engine';
import type { AnalyzeReply, AnalyzeRequest } from '../shared/messages';

let served = 0;

/** Quotes and speakers of a checked request. */
export function analyzeBlocks(request: AnalyzeRequest): AnalyzeReply {
  const t0 = performance.now();
  const cold = served++ === 0;
  const result = attributeBlocks(request.blocks, request.lang, { now: () => performance.now() });
  return { ...result, cold, ms: Math.round((performance.now() - t0) * 100) / 100 };
}
