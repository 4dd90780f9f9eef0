// The declutter stage's code as one object: which blocks are clutter (clutter.ts), what focus mode
// hides besides (clutter-focus.ts), and the article's header that late content is judged against.
// read-page.ts runs it after detection; the CLI passes it in, the content script loads it as a chunk
// of its own (declutter.js) only once a page is taken for an article, so pages that are not articles
// never parse it.
import { findClutterIn, findClutterSteps } from './clutter';
import { findFocusBlocks } from './clutter-focus';
import { findArticleHeader } from './clutter-header';

export const DECLUTTER = { findClutterSteps, findFocusBlocks, findClutterIn, findArticleHeader };
export type Declutter = typeof DECLUTTER;
