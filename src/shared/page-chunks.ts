// The modules the content script imports on demand (chrome.runtime.getURL + import()): one list
// for the build (scripts/build.ts writes them), the manifest (vite.config.ts makes them the only
// web-accessible resources) and the content script (src/content/index.ts asks for them).

/** The hand-correction UI (src/content/correction-ui.ts), imported by the content script on demand. */
export const CORRECTION_UI_OUT = 'correction-ui.js';
/** Reader comfort in focus mode (src/content/comfort.ts), imported by the content script on demand. */
export const COMFORT_OUT = 'comfort.js';
/**
 * The declutter stage (src/core/declutter.ts), imported by the content script once a page is taken
 * for an article: pages that are not articles never fetch or parse it.
 */
export const DECLUTTER_OUT = 'declutter.js';
/** The modules the content script imports on demand, in the order the manifest lists them. */
export const PAGE_CHUNKS = [CORRECTION_UI_OUT, COMFORT_OUT, DECLUTTER_OUT];
