// The engine link of the unit tests: the background's own handler (request check + engine), called
// in process and answering at once, so PageController.run() is done on return.
import { analyzeBlocks } from '../../src/background/engine-host';
import { type EngineLink, PageController, type PageReading } from '../../src/content/page';
import { DECLUTTER } from '../../src/core/declutter';
import { CLUTTER_VOCABULARY } from '../../src/core/lexicon/clutter';
import { checkAnalyzeRequest } from '../../src/shared/analyze-request';
import type { Toggles } from '../../src/shared/messages';

export const localEngine: EngineLink = (request) => analyzeBlocks(checkAnalyzeRequest(request));

/** The same answer, a task later: what the content script gets from the real background. */
export const asyncEngine: EngineLink = (request) =>
  new Promise((resolve) => setTimeout(() => resolve(localEngine(request)), 0));

/** A page controller over the test document, as the content script makes one (comments shown). */
export function testController(
  toggles: Toggles,
  engine: EngineLink = localEngine,
  win: Window = window,
  declutter: PageReading['declutter'] = { code: DECLUTTER, vocabulary: CLUTTER_VOCABULARY },
): PageController {
  return new PageController(document, win, toggles, { hideComments: false, declutter }, 'standard', engine);
}
