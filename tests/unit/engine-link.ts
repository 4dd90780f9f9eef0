// The engine link of the unit tests: the background's own handler (request check + engine), called
// in process and answering at once, so PageController.run() is done on return.
import { analyzeBlocks } from '../../src/background/engine-host';
import type { EngineLink } from '../../src/content/page';
import { checkAnalyzeRequest } from '../../src/shared/analyze-request';

export const localEngine: EngineLink = (request) => analyzeBlocks(checkAnalyzeRequest(request));

/** The same answer, a task later: what the content script gets from the real background. */
export const asyncEngine: EngineLink = (request) =>
  new Promise((resolve) => setTimeout(() => resolve(localEngine(request)), 0));
