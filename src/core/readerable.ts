// Readability's small "is this worth parsing?" check, imported from its own file: the package's
// index also pulls in the whole Readability parser (~10 KB gzip) that the content script never uses.
import type { isProbablyReaderable as ReaderableFn } from '@mozilla/readability';
// @ts-expect-error: this file has no declarations of its own; the package's index.d.ts types it.
import readerable from '@mozilla/readability/Readability-readerable.js';

export const isProbablyReaderable = readerable as typeof ReaderableFn;
